"""Quote attribution results: :class:`Quote` and :class:`QuoteKind`.

Every span is a pair of ``str`` indices into the text that was analysed, so
``text[q.start:q.end] == q.text`` always holds.
"""

from __future__ import annotations

import enum
from typing import Any, Dict, List, NamedTuple, Optional

from . import _copydesk
from ._article import Span


class QuoteKind(str, enum.Enum):
    """How a quote is reported; the value is the name the dev sets use."""

    DIRECT = "direct"      # all of it inside quotation marks
    PARTIAL = "partial"    # a quoted fragment: dismissed the plan as "reckless"
    MIXED = "mixed"        # a reported clause holding a quoted fragment
    INDIRECT = "indirect"  # reported speech without quotation marks


class Quote(NamedTuple):
    """One quotation and its attribution.

    ``start``/``end``/``text``: the content (inside the marks for direct and
    partial quotes; the reported clause, without "that", otherwise).
    ``cue``: the speech verb or phrase ("said", "according to"), or None for a
    quotation that continues the previous speaker. ``speaker``: the mention of
    the speaker nearest the quote ("he", "Mr Blair"), or None. ``speaker_name``:
    the fullest name the article gives that speaker ("Tony Blair"), or None when
    nobody is named (passive "it was announced that ..."). ``confidence`` is in
    (0, 1]. A named tuple: immutable, picklable and cheap to build by the
    thousand.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: Optional[Span]
    speaker: Optional[Span]
    speaker_name: Optional[str]
    confidence: float

    @property
    def span(self) -> Span:
        """The content as a :class:`Span`."""
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> Dict[str, Any]:
        """The quote as plain values (for JSON, pandas or Arrow)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_name": self.speaker_name,
            "confidence": self.confidence,
        }


def find_quotes(
    text: str, *, attribute_speakers: bool = True, report_uncued_fragments: bool = False
) -> List[Quote]:
    """Every quote in a news story, in order, with its cue and speaker.

    ``text`` is a whole article: paragraphs (blank lines, or one per line)
    bound quotation marks, a quotation may run over paragraphs, and pronouns
    and short forms ("he", "Blinken", "the ministry") are resolved against the
    whole story. ``attribute_speakers=False`` skips speakers (faster).
    ``report_uncued_fragments=True`` also reports quoted fragments no cue
    introduces (scare quotes, titles) as partial quotes with no speaker.
    Never fails on text; raises ``TypeError`` when ``text`` is not a ``str``.
    """
    return [
        Quote(
            start,
            end,
            text[start:end],
            _KINDS[kind],
            Span(cue[0], cue[1], text[cue[0]:cue[1]]) if cue else None,
            Span(speaker[0], speaker[1], text[speaker[0]:speaker[1]]) if speaker else None,
            name,
            round(confidence, 4),
        )
        for start, end, kind, cue, speaker, name, confidence in _copydesk.find_quotes(
            text, attribute_speakers, report_uncued_fragments
        )
    ]


_KINDS = {kind.value: kind for kind in QuoteKind}
