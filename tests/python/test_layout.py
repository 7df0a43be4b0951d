import pytest

import copydesk as cd
from conftest import load_cases


@pytest.mark.parametrize("case", load_cases("layout.jsonl"), ids=lambda c: c["id"])
def test_golden(case):
    text = case["text"]
    assert [text[s:e] for s, e in cd.paragraph_spans(text)] == case["paragraphs"]


def test_offsets_are_str_indices_past_non_ascii():
    text = "«Ça suffit», a-t-il dit. 📰\n\nLe président a répondu — sèchement."
    spans = cd.paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["«Ça suffit», a-t-il dit. 📰", "Le président a répondu — sèchement."]


def test_long_non_ascii_text_maps_every_paragraph():
    paragraphs = [f"Paragraphe {i} : l’économie française a progressé de {i},5 %." for i in range(300)]
    text = "\n\n".join(paragraphs)
    assert [text[s:e] for s, e in cd.paragraph_spans(text)] == paragraphs


def test_lone_surrogate_is_kept_and_offsets_hold():
    text = "Bad \ud800 char.\n\nNext paragraph."
    assert [text[s:e] for s, e in cd.paragraph_spans(text)] == ["Bad \ud800 char.", "Next paragraph."]


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError):
        cd.paragraph_spans(b"bytes are not text")
