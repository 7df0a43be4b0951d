"""Exceptions raised by copydesk."""

from __future__ import annotations


class ConfigError(ValueError):
    """A bad option or profile name: fix the call, the text is not at fault."""
