"""Python value types for copydesk results.

Every span is a pair of ``str`` indices into the text it came from, so
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from . import _display
from ._dateline import Dateline
from ._normalize import CleanText, Edit
from ._quotes import Quote
from ._span import Span


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
        """The paragraph's text."""
        return self.span.text

    def to_dict(self) -> Dict[str, Any]:
        """``{"kind", "start", "end", "text"}`` as plain values."""
        return {"kind": self.kind, **self.span.to_dict()}


def blocks_from_core(text: str, core: List[Tuple[str, int, int]]) -> List[Block]:
    """Blocks from the extension's ``(kind, start, end)`` tuples."""
    return [Block(kind, Span.of(text, (start, end))) for kind, start, end in core]


@dataclass(frozen=True)
class Article:
    """One analysed story.

    ``text`` is the cleaned text, which every span indexes; ``raw`` what was
    given, ``edits`` the repairs between them, and ``to_raw()`` maps any span
    back onto ``raw`` exactly. ``blocks`` are the paragraphs with their kinds,
    in order; ``dateline`` the dateline opening the story (or None);
    ``sentences`` every sentence, headline and tail included; ``quotes``
    every quote of the story (body blocks only) with its cue and speaker.
    """

    text: str
    cleanup: CleanText = field(repr=False)
    blocks: List[Block] = field(default_factory=list)
    dateline: Optional[Dateline] = None
    sentences: List[Span] = field(default_factory=list)
    quotes: List[Quote] = field(default_factory=list)

    @classmethod
    def _from_core(
        cls, core: Dict[str, Any], raw: str, profile: str, normalize_options: Dict[str, Any]
    ) -> "Article":
        text = core["text"]
        dateline = core["dateline"]
        return cls(
            text=text,
            cleanup=CleanText._from_core(raw, profile, normalize_options, core["cleanup"]),
            blocks=blocks_from_core(text, core["blocks"]),
            dateline=None if dateline is None else Dateline._from_core(text, dateline),
            sentences=[Span.of(text, s) for s in core["sentences"]],
            quotes=core["quotes"],
        )

    @property
    def raw(self) -> str:
        """The text as given to analyze()."""
        return self.cleanup.raw

    @property
    def edits(self) -> List[Edit]:
        """The repairs that turned ``raw`` into ``text``, in order."""
        return self.cleanup.edits

    def to_raw(self, start: int, end: int) -> Tuple[int, int]:
        """The (start, end) in ``raw`` that ``text[start:end]`` came from."""
        return self.cleanup.to_raw(start, end)

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
        return {
            "text": self.text,
            "edits": [
                {"kind": e.kind, "raw": e.raw.to_dict(), "clean": e.clean.to_dict()}
                for e in self.edits
            ],
            "blocks": [b.to_dict() for b in self.blocks],
            "dateline": None if self.dateline is None else self.dateline.to_dict(),
            "sentences": [s.to_dict() for s in self.sentences],
            "quotes": [q.to_dict() for q in self.quotes],
        }

    def _repr_html_(self) -> str:
        return _display.article_html(self)
