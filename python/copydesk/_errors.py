"""Exceptions raised by copydesk."""

from __future__ import annotations


class ConfigError(ValueError):
    """A splitter or other component was configured with values it cannot use
    (an unknown language, an empty abbreviation). The message says which."""
