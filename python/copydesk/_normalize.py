"""Unicode cleanup of raw news copy, with a map back to the raw text.

>>> import copydesk
>>> copydesk.normalize("Itâ€™s &pound;5")
'It’s £5'
>>> c = copydesk.clean("Itâ€™s")
>>> c.text, c.to_raw(2, 3), c.raw[2:5]
('It’s', (2, 5), 'â€™')

All offsets are ``str`` indices. See docs/normalize.md for the profiles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from . import _copydesk
from ._span import Span

PROFILES = ("news", "ftfy", "minimal")

QuoteMode = Optional[str]  # "keep", "straighten", or None: the profile's choice

# Options resolved in C++ once per (profile, quotes, overrides) and kept: a
# call then only passes the text. Bounded, in case a caller varies options
# without end.
_RESOLVED: Dict[Any, Any] = {}
_MAX_RESOLVED = 64


def _resolved(profile: str, quotes: QuoteMode, options: Dict[str, Any]) -> Any:
    # (name, type, value): True and 1 hash alike, but only True is valid.
    key: Any = (profile, quotes)
    if options:
        key = (profile, quotes, *sorted((k, type(v), v) for k, v in options.items()))
    try:
        return _RESOLVED[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable value: resolve it (and have it refused) uncached
        key = None
    overrides = dict(options)
    if quotes is not None:
        overrides["quotes"] = quotes
    resolved = _copydesk.normalize_options(profile, overrides)
    if key is not None and len(_RESOLVED) < _MAX_RESOLVED:
        _RESOLVED[key] = resolved
    return resolved


def normalize(text: str, *, profile: str = "news", quotes: QuoteMode = None, **options: Any) -> str:
    """The repaired and normalised ``text``.

    ``profile`` is ``"news"`` (default), ``"ftfy"`` or ``"minimal"``.
    ``quotes`` is ``"keep"`` (curly quotes stay) or ``"straighten"`` (‘ ’ “ ”
    become ' and "); left out (``None``), the profile decides: ``"keep"`` for
    ``"news"`` and ``"minimal"``, ``"straighten"`` for ``"ftfy"``, as
    ``ftfy.fix_text`` does. Every other repair is a keyword that switches it
    on or off: ``fix_mojibake``, ``confirm_mixed_line_pairs``, ``fix_c1_controls``,
    ``decode_html_entities``, ``map_spaces``, ``collapse_spaces``,
    ``remove_invisible``, ``remove_bom``, ``fix_line_breaks``,
    ``remove_controls``, ``keep_form_feed``, ``keep_c1_controls``,
    ``fold_compatibility``, and ``normal_form`` (``"NFC"``, ``"NFKC"`` or
    ``None``). Raises ``copydesk.ConfigError`` for an unknown profile,
    option or value and ``TypeError`` when ``text`` is not a ``str``.
    """
    if options:
        return _copydesk.normalize(text, _resolved(profile, quotes, options))
    try:  # the common call, kept short: it costs as much as a short clean story
        return _copydesk.normalize(text, _RESOLVED[profile, quotes])
    except (KeyError, TypeError):
        return _copydesk.normalize(text, _resolved(profile, quotes, options))


@dataclass(frozen=True)
class Edit:
    """One repair: ``kind`` (``"mojibake"``, ``"html_entity"``, ``"space"``,
    ...), the ``raw`` text it replaced and the ``clean`` text it produced."""

    kind: str
    raw: Span
    clean: Span


class CleanText:
    """A cleaned text that remembers where every character came from.

    ``text`` is the clean text, ``raw`` the input, ``edits`` the repairs in
    order. ``to_raw(start, end)`` maps a span of ``text`` onto ``raw``
    exactly (a span edge inside a repair widens to the whole repair);
    ``to_clean`` maps the other way.
    """

    __slots__ = ("_core", "_raw", "_profile", "_options", "_edits")

    def __init__(self, raw: str, profile: str = "news", options: Optional[Dict[str, Any]] = None):
        self._raw = raw
        self._profile = profile
        self._options = dict(options or {})
        quotes = self._options.pop("quotes", None)
        self._core = _copydesk.clean(raw, _resolved(profile, quotes, self._options))
        if quotes is not None:
            self._options["quotes"] = quotes
        self._edits: Optional[List[Edit]] = None

    @classmethod
    def _from_core(cls, raw: str, profile: str, options: Dict[str, Any], core: Any) -> "CleanText":
        """Wraps a cleanup already done in C++ (by analyze) without redoing it."""
        obj = cls.__new__(cls)
        obj._raw, obj._profile, obj._options, obj._core, obj._edits = raw, profile, options, core, None
        return obj

    @property
    def text(self) -> str:
        """The clean text."""
        return self._core.text

    @property
    def raw(self) -> str:
        """The text as given."""
        return self._raw

    @property
    def edits(self) -> List[Edit]:
        """The repairs, in order; text between them was copied unchanged."""
        if self._edits is None:
            text = self.text
            self._edits = [
                Edit(kind, Span.of(self._raw, raw), Span.of(text, clean))
                for kind, raw, clean in self._core.edits
            ]
        return self._edits

    def to_raw(self, start: int, end: int) -> Tuple[int, int]:
        """The (start, end) in ``raw`` of the span ``text[start:end]``."""
        return self._core.to_raw(start, end)

    def to_clean(self, start: int, end: int) -> Tuple[int, int]:
        """The (start, end) in ``text`` of what ``raw[start:end]`` became."""
        return self._core.to_clean(start, end)

    def __reduce__(self) -> Any:
        # Cleaning is deterministic: the raw text and options rebuild it.
        return (CleanText, (self._raw, self._profile, self._options))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CleanText):
            return NotImplemented
        return (self._raw, self.text, self.edits) == (other._raw, other.text, other.edits)

    def __hash__(self) -> int:
        return hash((self._raw, self.text))

    def __repr__(self) -> str:
        return f"CleanText(text={self.text!r}, edits={len(self.edits)})"


def clean(
    text: str, *, profile: str = "news", quotes: QuoteMode = None, **options: Any
) -> CleanText:
    """Like :func:`normalize` (same profile, ``quotes`` and options), but
    returns a :class:`CleanText` with the edits and the offset maps between
    the clean and the raw text."""
    if quotes is not None:
        options["quotes"] = quotes
    return CleanText(text, profile, options)
