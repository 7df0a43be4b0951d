"""Quote attribution results: :class:`Quote` and :class:`QuoteKind`.

Every span is a pair of ``str`` indices into the text that was analysed, so
``text[q.start:q.end] == q.text`` always holds.
"""

from __future__ import annotations

import enum
from typing import Any, Dict, List, Optional, Tuple

from . import _copydesk
from ._span import Span

class QuoteKind(str, enum.Enum):
    """How a quote is reported; the value is the name the dev sets use."""

    DIRECT = "direct"      # all of it inside quotation marks
    PARTIAL = "partial"    # a quoted fragment: dismissed the plan as "reckless"
    MIXED = "mixed"        # a reported clause holding a quoted fragment
    INDIRECT = "indirect"  # reported speech without quotation marks


class Quote(_copydesk.QuoteRecord):
    """One quotation and its attribution.

    ``start``/``end``/``text``: the content (inside the marks for direct and
    partial quotes; the reported clause, without "that", otherwise).
    ``kind``: a :class:`QuoteKind`.
    ``cue``: the speech verb or phrase ("said", "according to") as a
    :class:`Span`, or None for a quotation that continues the previous speaker.
    ``speaker``: the mention of the speaker nearest the quote ("he", "Mr
    Blair") as a :class:`Span`, or None. ``speaker_name``: the fullest name the
    article gives that speaker ("Tony Blair"), or None when nobody is named
    (passive "it was announced that ..."). ``confidence`` is in (0, 1].

    Quotes compare equal by value, hash, pickle, and ``to_dict()`` gives plain
    values. A story can hold hundreds of quotes and a corpus millions, so a
    Quote is made by the core as a record of plain values (its base class),
    and the text slices, spans and kind are made only when read. Read-only.
    """

    __slots__ = ()

    @property
    def kind(self) -> QuoteKind:
        """How the quote is reported."""
        return _KINDS[self._kind]

    @property
    def confidence(self) -> float:
        """How sure the attribution is, in (0, 1], to four decimals."""
        raw = self._confidence
        # The core gives a handful of distinct confidences: each is rounded once.
        value = _ROUNDED.get(raw)
        if value is None:
            value = round(raw, 4)
            if raw > 0 and len(_ROUNDED) < 4096:
                _ROUNDED[raw] = value
        return value

    @property
    def text(self) -> str:
        """The quoted or reported content."""
        return self._source[self.start:self.end]

    @property
    def span(self) -> Span:
        """The content as a :class:`Span`."""
        return Span(self.start, self.end, self.text)

    @property
    def cue(self) -> Optional[Span]:
        """The speech verb or phrase, or None."""
        start, end = self._cue_start, self._cue_end
        return None if start < 0 else Span(start, end, self._source[start:end])

    @property
    def speaker(self) -> Optional[Span]:
        """The speaker's mention as written, or None."""
        start, end = self._speaker_start, self._speaker_end
        return None if start < 0 else Span(start, end, self._source[start:end])

    def _key(self) -> Tuple[Any, ...]:
        return (self.start, self.end, self.text, self.kind, self.cue, self.speaker,
                self.speaker_name, self.confidence)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quote):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Quote(start={self.start}, end={self.end}, text={self.text!r}, "
                f"kind={self.kind.value!r}, cue={self.cue!r}, speaker={self.speaker!r}, "
                f"speaker_name={self.speaker_name!r}, confidence={self.confidence})")

    def __reduce__(self):
        # The story travels with its quotes; pickling a story's quotes
        # together stores it once.
        return (Quote, (self.start, self.end, self._kind, self._cue_start, self._cue_end,
                        self._speaker_start, self._speaker_end, self.speaker_name,
                        self._confidence, self._source))

    def to_dict(self) -> Dict[str, Any]:
        """The quote as plain values (for JSON, pandas or Arrow)."""
        cue, speaker = self.cue, self.speaker
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "cue": cue.to_dict() if cue else None,
            "speaker": speaker.to_dict() if speaker else None,
            "speaker_name": self.speaker_name,
            "confidence": self.confidence,
        }


_copydesk.set_quote_class(Quote)


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
    return _copydesk.find_quotes(text, attribute_speakers, report_uncued_fragments)


_KINDS = {kind.value: kind for kind in QuoteKind}
_ROUNDED: Dict[float, float] = {}  # confidence -> round(confidence, 4)
