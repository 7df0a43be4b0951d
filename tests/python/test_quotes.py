import pickle

import pytest

import copydesk as cd
from conftest import load_cases


def described(q):
    return {
        "text": q.text,
        "kind": q.kind.value,
        "cue": q.cue.text if q.cue else None,
        "speaker": q.speaker.text if q.speaker else None,
        "speaker_name": q.speaker_name,
    }


@pytest.mark.parametrize("case", load_cases("quotes.jsonl"), ids=lambda c: c["id"])
def test_golden(case):
    assert [described(q) for q in cd.find_quotes(case["text"])] == case["quotes"]


@pytest.mark.parametrize("case", load_cases("quotes.jsonl"), ids=lambda c: c["id"])
def test_spans_round_trip(case):
    text = case["text"]
    last_end = 0
    for q in cd.find_quotes(text):
        assert last_end <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        for span in (q.cue, q.speaker):
            if span is not None:
                assert text[span.start:span.end] == span.text
        assert 0 < q.confidence <= 1
        last_end = q.end


def test_offsets_are_str_indices_past_non_ascii():
    text = "Économie 📰\n\n«Nous avons trouvé un accord», said minister Éloïse Durand."
    (q,) = cd.find_quotes(text)
    assert q.text == "Nous avons trouvé un accord"
    assert q.speaker.text == "minister Éloïse Durand"
    assert q.speaker_name == "Éloïse Durand"


def test_quotes_pickle_and_convert_to_plain_values():
    (q,) = cd.find_quotes('"We will win," Jane Smith said.')
    assert pickle.loads(pickle.dumps(q)) == q
    d = q.to_dict()
    assert d["kind"] == "direct" and d["speaker_name"] == "Jane Smith"
    assert d["cue"] == {"start": 26, "end": 30, "text": "said"}
    assert q.kind is cd.QuoteKind.DIRECT and q.span.text == "We will win,"


def test_options():
    text = 'The council backed its "smart ageing" plan. "We will win," Jane Smith said.'
    assert [q.text for q in cd.find_quotes(text)] == ["We will win,"]
    with_fragments = cd.find_quotes(text, report_uncued_fragments=True)
    assert [(q.text, q.kind.value) for q in with_fragments] == [
        ("smart ageing", "partial"), ("We will win,", "direct")]
    (bare,) = cd.find_quotes(text, attribute_speakers=False)
    assert bare.speaker is None and bare.speaker_name is None and bare.cue.text == "said"


def test_lone_surrogate_and_pathological_input():
    assert cd.find_quotes("Bad \ud800 char.") == []
    assert cd.find_quotes('"' * 100000) == []


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError):
        cd.find_quotes(b'"bytes," he said.')


def test_quotes_are_read_only_records_of_their_story():
    text = ("The mayor spoke on Monday.\n\n"
            '"We will rebuild every street," she said. "It will take a year."')
    quotes = cd.find_quotes(text)
    assert [type(q) for q in quotes] == [cd.Quote, cd.Quote]
    first, second = quotes
    assert first.speaker_name == second.speaker_name
    assert second.cue is None and second.speaker.text == "she"
    with pytest.raises(AttributeError):
        first.start = 0
    # The same quotes from analyze(), pickled with their story, compare equal.
    article_quotes = cd.analyze(text).quotes
    assert [q.text for q in article_quotes] == [q.text for q in quotes]
    copies = pickle.loads(pickle.dumps(quotes))
    assert copies == quotes and hash(copies[0]) == hash(quotes[0])
    assert copies[0].to_dict() == quotes[0].to_dict()
