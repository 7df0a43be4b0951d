"""copydesk.normalize / copydesk.clean: the golden cases in
tests/data/normalize.jsonl (shared with tests/cpp/normalize_test.cc) and the
properties of the offset map."""

from __future__ import annotations

import pickle
import random

import pytest

import copydesk as cd
from conftest import load_cases

CASES = load_cases("normalize.jsonl")


def case_options(case):
    options = dict(case.get("options", {}))
    if "quotes" in case:
        options["quotes"] = case["quotes"]
    return {"profile": case.get("profile", "news"), **options}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_golden(case):
    result = cd.clean(case["text"], **case_options(case))
    assert result.text == case["expect"]
    assert cd.normalize(case["text"], **case_options(case)) == case["expect"]
    if "kinds" in case:
        assert [e.kind for e in result.edits] == case["kinds"]
    for clean_part, raw_part in case.get("maps", []):
        start = result.text.index(clean_part)
        raw_start, raw_end = result.to_raw(start, start + len(clean_part))
        assert result.raw[raw_start:raw_end] == raw_part


PIECES = [
    "News ", "said. ", "Itâ€™s", "Ã©", "Ã", "â€", "?", "&amp;", "&amp;amp;", "&#146;",
    "&nbsp;", "&", "\u00a0", "  ", "\t", "\r\n", "\r", "e\u0301", "\u0301", "\ufeff",
    "\u200e", "שלום", "Путин", "東京", "ﬁ", "Ｔ", "“", "\u0092", "×£", "\x01", "\u00ad",
    "\u2028", "😀", "\u3000", "\ud800", "Ã ", "Ä\u00a0", "ÐŸ", "í\u00a0½í¸€", "\ufffd", "Ä",
    "ï¿½", "\u0149", "＆", "ａｍｐ；", "&#", "x;", "RÎ³", "Ì¶",
    # code page 437, Windows-1251 and MacRoman leads; C1 inside mojibake; a
    # space or "?" that may stand for a byte
    "─î", "┼┐", "Г", "Р\u00a0", "ƒÅ", "Å ", "Â€", "\u009d", "â ", "â?¬", "Ĺž", "Ãƒ",
    # a piece of a broken byte stream before more mojibake; a correct dash;
    # a pair that needs another repair in a mixed line
    "ã†", "–", "Ã¥",
]


def tricky_texts(count=600, seed=7):
    rng = random.Random(seed)
    texts = [""]
    for _ in range(count):
        texts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8))))
    return texts


def check_exact_map(result):
    raw, text = result.raw, result.text
    raw_pos = clean_pos = 0
    for edit in result.edits:
        assert raw_pos <= edit.raw.start and clean_pos <= edit.clean.start
        # Unedited stretches map to identical text.
        assert raw[raw_pos:edit.raw.start] == text[clean_pos:edit.clean.start]
        assert edit.raw.text == raw[edit.raw.start:edit.raw.end]
        raw_pos, clean_pos = edit.raw.end, edit.clean.end
    assert raw[raw_pos:] == text[clean_pos:]
    # Monotone and within the raw text.
    previous = 0
    for i in range(len(text) + 1):
        start, end = result.to_raw(i, len(text))
        assert previous <= start <= end <= len(raw)
        previous = start


@pytest.mark.parametrize("profile", ["news", "ftfy", "minimal"])
def test_map_is_exact_and_normalize_is_idempotent(profile):
    for text in tricky_texts():
        result = cd.clean(text, profile=profile)
        check_exact_map(result)
        assert cd.normalize(result.text, profile=profile) == result.text


def test_to_raw_and_to_clean_use_str_indices():
    result = cd.clean("Caf\u00c3\u00a9 &amp; \u201ccr\u00c3\u00a8me\u201d")
    assert result.text == "Café & “crème”"
    assert result.to_raw(0, 4) == (0, 5)
    assert result.raw[slice(*result.to_raw(5, 6))] == "&amp;"
    assert result.to_clean(6, 11) == (5, 6)


def test_empty_text():
    result = cd.clean("")
    assert (result.text, result.edits, result.to_raw(0, 0)) == ("", [], (0, 0))


def test_lone_surrogate_becomes_one_replacement_character():
    result = cd.clean("a\ud800b")
    assert result.text == "a\ufffdb"
    assert [(e.kind, e.raw.start, e.raw.end) for e in result.edits] == [("invalid_utf8", 1, 2)]


def test_long_text():
    text = ("Itâ€™s a  “deal”&amp;\r\n" * 20000) + "x"
    result = cd.clean(text)
    assert result.text.startswith("It’s a “deal”&\nIt’s")
    assert result.to_raw(0, len(result.text)) == (0, len(text))


def test_every_public_object_pickles():
    result = cd.clean("Itâ€™s &pound;5", quotes="straighten")
    again = pickle.loads(pickle.dumps(result))
    assert again == result and again.text == "It's £5"
    assert pickle.loads(pickle.dumps(result.edits)) == result.edits


def test_bad_options_raise_config_error():
    with pytest.raises(cd.ConfigError):
        cd.normalize("x", profile="newsroom")
    with pytest.raises(cd.ConfigError):
        cd.normalize("x", quotes="curl")
    with pytest.raises(cd.ConfigError):
        cd.normalize("x", fix_everything=True)
    with pytest.raises(cd.ConfigError):
        cd.clean("x", map_spaces="yes")
    with pytest.raises(ValueError):
        cd.normalize("x", normal_form="NFD")


def test_text_must_be_str():
    with pytest.raises(TypeError):
        cd.normalize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cd.clean(None)  # type: ignore[arg-type]


def test_quotes_left_out_follow_the_profile():
    text = "“Itâ€™s over,” she said"
    # news and minimal keep curly quotes, ftfy straightens them as ftfy.fix_text does
    assert cd.normalize(text) == "“It’s over,” she said"
    assert cd.normalize(text, quotes=None) == cd.normalize(text, quotes="keep")
    assert cd.normalize(text, profile="minimal") == text
    assert cd.normalize(text, profile="ftfy") == "\"It's over,\" she said"
    # an explicit mode wins over the profile's
    assert cd.normalize(text, profile="ftfy", quotes="keep") == "“It’s over,” she said"
    assert cd.normalize(text, quotes="straighten") == "\"It's over,\" she said"
    assert cd.clean(text, profile="ftfy", quotes="keep").text == "“It’s over,” she said"


def test_options_are_resolved_once_and_stay_independent():
    # The same options from cache and fresh give the same result; an option
    # set for one call does not leak into the next.
    text = "Itâ€™s\u00a0ok"
    assert cd.normalize(text, map_spaces=False) == "It’s\u00a0ok"
    assert cd.normalize(text) == "It’s ok"
    assert cd.normalize(text, map_spaces=False) == "It’s\u00a0ok"
    assert cd.normalize(text, map_spaces=False, fix_mojibake=False) == text
    with pytest.raises(cd.ConfigError):
        cd.normalize(text, map_spaces=1)  # 1 is not True, even after True was seen


def test_ascii_scanner_agrees_with_a_plain_reference():
    # Short ASCII texts put spaces, line ends and '&' at every offset of the
    # sixteen-byte blocks the scanner reads.
    import re

    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(rng.choice("ab  \n\t&;x\r") for _ in range(rng.randint(0, 70)))
        expected = re.sub(r" {2,}", " ", re.sub(r"\r\n?", "\n", text))
        assert cd.normalize(text) == expected
