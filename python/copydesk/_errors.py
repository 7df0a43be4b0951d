"""Exceptions copydesk raises."""

from __future__ import annotations


class ConfigError(ValueError):
    """A setting or argument copydesk cannot use: a publication date that is
    not an ISO date, an unknown sentence language, an empty abbreviation. The
    message says which. Analysing text itself never raises it."""
