"""Sentence splitting: ``split_sentences``, ``sentence_spans`` and ``SentenceSplitter``."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, List, Tuple

from . import _copydesk
from ._errors import ConfigError


class SentenceSplitter:
    """Splits text into sentences with fixed settings; build once, use often.

    ``language`` is an ISO 639-1 code (see ``SentenceSplitter.languages()``).
    ``extra_abbreviations`` are added to the language's own, written with their
    full stops (``"Supt."``); the word after one decides whether it ends a
    sentence. ``non_breaking_words`` never end a sentence (``"Yahoo!"``).
    Raises ``ConfigError`` for an unknown language or an unusable entry.
    Instances are immutable, safe to share between threads, and pickle.
    """

    __slots__ = ("_core", "_language", "_extra_abbreviations", "_non_breaking_words")

    def __init__(
        self,
        language: str = "en",
        extra_abbreviations: Iterable[str] = (),
        non_breaking_words: Iterable[str] = (),
    ) -> None:
        self._language = language
        self._extra_abbreviations = tuple(extra_abbreviations)
        self._non_breaking_words = tuple(non_breaking_words)
        core, problem = _copydesk.make_sentence_splitter(
            language, list(self._extra_abbreviations), list(self._non_breaking_words)
        )
        if core is None:
            raise ConfigError(problem)
        self._core = core

    @staticmethod
    def languages() -> List[str]:
        """The language codes with built-in rules."""
        return _copydesk.sentence_languages()

    @property
    def language(self) -> str:
        """The ISO 639-1 code this splitter was built for."""
        return self._language

    def split(self, text: str) -> List[str]:
        """The sentences of ``text``, trimmed of surrounding white space."""
        return self._core.split(text)

    def spans(self, text: str) -> List[Tuple[int, int]]:
        """``(start, end)`` str indices of each sentence of ``text``."""
        return self._core.spans(text)

    def __reduce__(self):
        return (
            SentenceSplitter,
            (self._language, self._extra_abbreviations, self._non_breaking_words),
        )

    def __repr__(self) -> str:
        extras = ""
        if self._extra_abbreviations:
            extras += f", extra_abbreviations={list(self._extra_abbreviations)!r}"
        if self._non_breaking_words:
            extras += f", non_breaking_words={list(self._non_breaking_words)!r}"
        return f"SentenceSplitter(language={self._language!r}{extras})"


@lru_cache(maxsize=None)
def _splitter_for(language: str) -> SentenceSplitter:
    return SentenceSplitter(language)


def split_sentences(text: str, *, language: str = "en") -> List[str]:
    """The sentences of ``text``: ``split_sentences("One. Two.") == ["One.", "Two."]``.

    Raises ``ConfigError`` for an unknown ``language``.
    """
    return _splitter_for(language).split(text)


def sentence_spans(text: str, *, language: str = "en") -> List[Tuple[int, int]]:
    """``(start, end)`` str indices of each sentence: ``[(0, 4), (5, 9)]`` for
    ``"One. Two."``. Raises ``ConfigError`` for an unknown ``language``."""
    return _splitter_for(language).spans(text)
