"""copydesk: structured text from raw news copy.

>>> import copydesk
>>> art = copydesk.analyze("Ferries halted as storm hits coast\\n\\nAll crossings were cancelled.")
>>> art.headline.text
'Ferries halted as storm hits coast'


All offsets are ``str`` indices into the text they describe.
"""

from __future__ import annotations

from itertools import islice
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Tuple

from . import _copydesk
from ._article import Article, Block, blocks_from_core
from ._dateline import (
    Dateline,
    DatelineAgency,
    DatelineLocation,
    PublishedDate,
    _published_tuple,
    parse_dateline,
)
from ._errors import ConfigError
from ._normalize import CleanText, Edit, clean, normalize
from ._quotes import Quote, QuoteKind, find_quotes
from ._sentences import SentenceSplitter, _splitter_for, sentence_spans, split_sentences
from ._span import Span

__version__: str = _copydesk.__version__

__all__ = [
    "Article",
    "Block",
    "ConfigError",
    "Dateline",
    "DatelineAgency",
    "DatelineLocation",
    "Quote",
    "QuoteKind",
    "SentenceSplitter",
    "CleanText",
    "Edit",
    "Span",
    "__version__",
    "analyze",
    "analyze_many",
    "blocks",
    "clean",
    "normalize",
    "find_quotes",
    "paragraph_spans",
    "parse_dateline",
    "sentence_spans",
    "split_sentences",
]


def paragraph_spans(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each paragraph of ``text``: blocks between blank lines,
    trimmed of surrounding white space."""
    return _copydesk.paragraph_spans(text)


def blocks(text: str) -> List[Block]:
    """The paragraphs of ``text`` with their kinds: ``label``, ``headline``,
    ``body`` or ``tail`` (the unrelated headlines scraped pages append)."""
    return blocks_from_core(text, _copydesk.blocks(text))


def _splitter_core(language: str, splitter: Optional[SentenceSplitter]) -> object:
    return (splitter or _splitter_for(language))._core


def analyze(
    text: str,
    *,
    published: PublishedDate = None,
    language: str = "en",
    splitter: Optional[SentenceSplitter] = None,
    profile: str = "news",
    normalize_options: Optional[Mapping[str, Any]] = None,
) -> Article:
    """Run every copydesk capability over one story and return its Article.

    The text is first cleaned as :func:`normalize` would with ``profile`` and
    ``normalize_options`` (its keyword options as a dict); every span of the
    Article indexes the clean ``art.text`` and ``art.to_raw()`` maps it back.
    ``published`` (a ``datetime.date``, ``datetime`` or ISO string) resolves
    the year of the dateline. Sentences are split with ``splitter`` if given,
    else with the built-in rules for ``language``. Never fails on text: empty
    text gives an empty Article. Raises ``TypeError`` when ``text`` is not a
    ``str`` and ``ConfigError`` for an unknown language, profile, option or a
    bad date.
    """
    options = dict(normalize_options or {})
    core = _copydesk.analyze(
        text, profile, options, _published_tuple(published), _splitter_core(language, splitter)
    )
    return Article._from_core(core, text, profile, options)


def analyze_many(
    texts: Iterable[str],
    *,
    threads: int = 0,
    batch_size: int = 1024,
    published: PublishedDate = None,
    language: str = "en",
    splitter: Optional[SentenceSplitter] = None,
    profile: str = "news",
    normalize_options: Optional[Mapping[str, Any]] = None,
) -> Iterator[Article]:
    """Analyse many stories, in order, on ``threads`` threads (0: all cores).

    The work runs without the GIL, ``batch_size`` stories at a time, so an
    endless iterator of texts is processed in bounded memory. The other
    arguments are those of :func:`analyze`, applied to every story.
    """
    if batch_size < 1:
        raise ConfigError("batch_size must be at least 1")
    options = dict(normalize_options or {})
    published_core = _published_tuple(published)
    splitter_core = _splitter_core(language, splitter)
    iterator = iter(texts)
    while True:
        batch = list(islice(iterator, batch_size))
        if not batch:
            return
        cores = _copydesk.analyze_many(
            batch, threads, profile, options, published_core, splitter_core
        )
        for raw, core in zip(batch, cores):
            yield Article._from_core(core, raw, profile, options)
