"""Span: a stretch of a text, as ``str`` indices and the slice itself."""

from __future__ import annotations

from typing import Any, Dict, NamedTuple, Tuple


class Span(NamedTuple):
    """A stretch of a text: ``start``/``end`` are ``str`` indices, ``text`` the slice.

    A named tuple rather than a dataclass: an article has hundreds of spans,
    and a tuple is built several times faster.
    """

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, bounds: Tuple[int, int]) -> "Span":
        """The span of ``text`` between the (start, end) ``bounds``."""
        start, end = bounds
        return cls(start, end, text[start:end])

    def to_dict(self) -> Dict[str, Any]:
        """``{"start", "end", "text"}`` as plain values."""
        return {"start": self.start, "end": self.end, "text": self.text}
