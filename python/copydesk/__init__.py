"""copydesk: structured text from raw news copy.

>>> import copydesk
>>> art = copydesk.analyze("Ferries halted as storm hits coast\\n\\nAll crossings were cancelled.")
>>> art.headline.text
'Ferries halted as storm hits coast'


All offsets are ``str`` indices into the text they describe.
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator, List, Tuple

from . import _copydesk
from ._article import Article, Block, Span, blocks_from_core
from ._dateline import Dateline, DatelineAgency, DatelineLocation, parse_dateline
from ._errors import ConfigError
from ._quotes import Quote, QuoteKind, find_quotes
from ._sentences import SentenceSplitter, sentence_spans, split_sentences

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
    "Span",
    "__version__",
    "analyze",
    "analyze_many",
    "blocks",
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


def analyze(text: str) -> Article:
    """Run every copydesk capability over one story and return its Article.

    Never fails on text: empty text gives an empty Article. Raises
    ``TypeError`` when ``text`` is not a ``str``.
    """
    return Article._from_core(_copydesk.analyze(text))


def analyze_many(
    texts: Iterable[str], *, threads: int = 0, batch_size: int = 1024
) -> Iterator[Article]:
    """Analyse many stories, in order, on ``threads`` threads (0: all cores).

    The work runs without the GIL, ``batch_size`` stories at a time, so an
    endless iterator of texts is processed in bounded memory.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    iterator = iter(texts)
    while True:
        batch = list(islice(iterator, batch_size))
        if not batch:
            return
        for core in _copydesk.analyze_many(batch, threads):
            yield Article._from_core(core)
