"""Sentence splitting from Python: golden cases, spans, configuration, pickling."""

from __future__ import annotations

import pickle

import pytest

import copydesk
from conftest import load_cases

CASES = load_cases("sentences.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case):
    language = case.get("language", "en")
    assert copydesk.split_sentences(case["text"], language=language) == case["sentences"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_spans_are_ordered_trimmed_and_round_trip(case):
    text = case["text"]
    spans = copydesk.sentence_spans(text, language=case.get("language", "en"))
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    assert [text[s:e] for s, e in spans] == case["sentences"]


def test_spans_are_str_indices_past_non_ascii():
    text = "Café “opens.” Ünïcode 😀 works. Done."
    spans = copydesk.sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Café “opens.”", "Ünïcode 😀 works.", "Done."]


def test_spans_are_str_indices_wherever_multibyte_characters_fall():
    # Offsets are counted in blocks of the UTF-8 bytes: the accents and
    # quotation marks land before, inside and at the end of several blocks.
    for n in range(0, 140, 3):
        lead = "Señor Núñez " * (n // 12) + "é" * (n % 12)
        text = lead + "dijo. “Está bien,” said the café owner. Prices rose 4%."
        spans = copydesk.sentence_spans(text)
        assert [text[s:e] for s, e in spans] == [
            (lead + "dijo.").strip(),
            "“Está bien,” said the café owner.",
            "Prices rose 4%.",
        ], n


def test_lone_surrogate_keeps_offsets():
    text = "Bad \ud800 char. Next one."
    assert copydesk.split_sentences(text) == ["Bad \ud800 char.", "Next one."]


def test_empty_and_blank_text():
    assert copydesk.split_sentences("") == []
    assert copydesk.sentence_spans(" \n\n\t") == []


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError):
        copydesk.split_sentences(b"bytes. More bytes.")


def test_unknown_language_is_a_config_error():
    with pytest.raises(copydesk.ConfigError, match="'xx'"):
        copydesk.SentenceSplitter("xx")
    with pytest.raises(ValueError):
        copydesk.split_sentences("Hello.", language="xx")


def test_bad_abbreviation_is_a_config_error():
    with pytest.raises(copydesk.ConfigError):
        copydesk.SentenceSplitter(extra_abbreviations=["two words."])


def test_extra_abbreviations():
    text = "He briefed Cmdt. Ruiz on Friday."
    assert len(copydesk.split_sentences(text)) == 2
    splitter = copydesk.SentenceSplitter("en", extra_abbreviations=["Cmdt."])
    assert splitter.split(text) == [text]
    assert splitter.spans(text) == [(0, len(text))]


def test_splitter_pickles():
    splitter = copydesk.SentenceSplitter("de", extra_abbreviations=("Abs.",))
    clone = pickle.loads(pickle.dumps(splitter))
    assert clone.language == "de"
    text = "Siehe Abs. Drei der Regel. Dann weiter."
    assert clone.split(text) == splitter.split(text)


def test_languages_listed():
    assert "en" in copydesk.SentenceSplitter.languages()


TRICKY_PIECES = [
    "U.S.", "Mr.", " ", "  ", "\n", "\n\n", ".", "...", ". . .", "!", "?", "\"", "“", "”", "'",
    "’", "(", ")", "[", "]", "1.", "2)", "a.", "•", "⁃", "Gov.", "The", "he", "a.m.", "Smith",
    "x@y.z", "http://a.b/c", "。", "！", "《", "》", "।", "؟", "…", "\u00a0", "\u3000", "\ud800",
    "é", "😀", "—", ",", "No.", "St.", "I.", "3.5", "Yahoo!",
]


@pytest.mark.parametrize("language", ["en", "de", "el", "hy", "ja", "zh", "fr"])
def test_random_copy_gives_well_formed_spans(language):
    import random

    rng = random.Random(20261128)
    for _ in range(300):
        text = "".join(rng.choice(TRICKY_PIECES) for _ in range(rng.randrange(0, 40)))
        spans = copydesk.sentence_spans(text, language=language)
        previous_end = 0
        for start, end in spans:
            assert previous_end <= start < end <= len(text), (text, spans)
            piece = text[start:end]
            assert piece == piece.strip(), (text, spans)
            previous_end = end
        assert copydesk.split_sentences(text, language=language) == [text[s:e] for s, e in spans]
        # Every non-space character is in some sentence: nothing is lost.
        covered = set()
        for start, end in spans:
            covered.update(range(start, end))
        assert all(text[i].isspace() for i in range(len(text)) if i not in covered), (text, spans)
