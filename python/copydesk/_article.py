"""Python value types for copydesk results.

Every span is a pair of ``str`` indices into the text it came from, so
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

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
class Block:
    """One paragraph of a page and what it is.

    ``kind`` is ``"label"`` (a section label before the headline),
    ``"headline"``, ``"body"`` (the story) or ``"tail"`` (related links and
    headlines after the story).
    """

    kind: str
    span: Span

    @property
    def text(self) -> str:
        return self.span.text

    def to_dict(self) -> Dict[str, Any]:
        return {"kind": self.kind, **self.span.to_dict()}


def blocks_from_core(text: str, core: List[Tuple[str, int, int]]) -> List[Block]:
    """Blocks from the extension's ``(kind, start, end)`` tuples."""
    return [Block(kind, Span.of(text, (start, end))) for kind, start, end in core]


@dataclass(frozen=True)
class Article:
    """One analysed story.

    ``text`` is the text every span indexes; ``blocks`` are its paragraphs
    with their kinds, in order.
    """

    text: str
    blocks: List[Block] = field(default_factory=list)

    @classmethod
    def _from_core(cls, core: Dict[str, Any]) -> "Article":
        text = core["text"]
        return cls(text=text, blocks=blocks_from_core(text, core["blocks"]))

    @property
    def paragraphs(self) -> List[Span]:
        """Every paragraph, whatever its kind."""
        return [b.span for b in self.blocks]

    @property
    def headline(self) -> Optional[Span]:
        """The headline, or None when the text has none."""
        return next((b.span for b in self.blocks if b.kind == "headline"), None)

    def to_dict(self) -> Dict[str, Any]:
        """The article as plain types (for JSON, pandas or Arrow)."""
        return {"text": self.text, "blocks": [b.to_dict() for b in self.blocks]}

    def _repr_html_(self) -> str:
        return _display.article_html(self)
