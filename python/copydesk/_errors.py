"""Exceptions copydesk raises."""

from __future__ import annotations


class ConfigError(ValueError):
    """A setting or argument copydesk cannot use, such as a publication date
    that is not an ISO date. Analysing text itself never raises it."""
