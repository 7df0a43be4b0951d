"""Python value types for copydesk results.

Every span is a pair of ``str`` indices into the text it came from, so
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Tuple

from . import _display


@dataclass(frozen=True)
class Span:
    """A stretch of a text: ``start``/``end`` are ``str`` indices, ``text`` the slice."""

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


@dataclass(frozen=True)
class Article:
    """One analysed story.

    ``text`` is the text every span indexes. ``paragraphs`` are the blocks
    between blank lines, in order.
    """

    text: str
    paragraphs: List[Span] = field(default_factory=list)

    @classmethod
    def _from_core(cls, core: Dict[str, Any]) -> "Article":
        text = core["text"]
        return cls(text=text, paragraphs=[Span.of(text, p) for p in core["paragraphs"]])

    def to_dict(self) -> Dict[str, Any]:
        """The article as plain types (for JSON, pandas or Arrow)."""
        return {"text": self.text, "paragraphs": [p.to_dict() for p in self.paragraphs]}

    def _repr_html_(self) -> str:
        return _display.article_html(self)
