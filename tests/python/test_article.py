import json
import pickle
import subprocess
import sys

import pytest

import copydesk as cd

STORY = (
    "Harbour bridge to close for repairs\n\n"
    "BRISTOL, England (AP) — The Avonmouth bridge will shut for six weeks.\n\n"
    "“We have no choice,” the council’s engineer said."
)


def test_analyze_finds_headline_and_body_with_consistent_spans():
    art = cd.analyze(STORY)
    assert art.text == STORY
    assert art.headline.text == "Harbour bridge to close for repairs"
    assert [b.kind for b in art.blocks] == ["headline", "body", "body"]
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text


def test_blocks_set_apart_the_tail_of_a_scraped_page():
    page = ("Sport\nUnderdogs reach cup final after extra-time winner\n"
            "The second-division side won 2-1 in front of a sell-out crowd on Saturday.\n"
            "More from Sport\nCoach leaves after ten years 2 hours ago\nTransfer window opens 5 hours ago")
    assert [b.kind for b in cd.blocks(page)] == ["label", "headline", "body", "tail", "tail", "tail"]


def test_analyze_empty_text_gives_empty_article():
    art = cd.analyze("")
    assert art.text == "" and art.blocks == [] and art.headline is None


def test_analyze_many_keeps_order_across_batches():
    texts = [f"Story {i}\n\nBody of story {i}." for i in range(50)]
    arts = list(cd.analyze_many(texts, threads=2, batch_size=7))
    assert [a.paragraphs[1].text for a in arts] == [f"Body of story {i}." for i in range(50)]


def test_article_pickles_and_converts_to_plain_types():
    art = cd.analyze(STORY)
    assert pickle.loads(pickle.dumps(art)) == art
    json.dumps(art.to_dict())


def test_command_line_jsonl_round_trip(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "body": f"Head {i}\n\nText."}) for i in range(3)))
    out = tmp_path / "out.jsonl"
    subprocess.run([sys.executable, "-m", "copydesk", "analyze", "--jsonl", str(src),
                    "--text-field", "body", "--output", str(out)], check=True)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == [0, 1, 2]
    assert rows[2]["blocks"][1]["text"] == "Text."


def test_command_line_reports_a_missing_field(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "x"}) + "\n")
    run = subprocess.run([sys.executable, "-m", "copydesk", "analyze", "--jsonl", str(src),
                          "--text-field", "body"], capture_output=True, text=True)
    assert run.returncode != 0
    assert "no string field 'body'" in run.stderr


WIRE_PAGE = (
    "Asia\n"
    "Typhoon shuts ports along southern coast\n"
    "Manila/Hong Kong, Dec. 31\n"
    "A typhoon forced the closure of ports along the southern coast on Wednesday, "
    "stranding thousands of holiday travellers, officials said.\n"
    "\"We expect the storm to weaken by Friday,\" the weather bureau's chief, Dr. Ana Cruz, said.\n"
    "Latest\nMarkets close year higher 1 hour ago\nFestival crowds gather 2 hours ago"
)


def test_analyze_composes_layout_dateline_and_sentences():
    art = cd.analyze(WIRE_PAGE, published="2026-01-01")
    assert art.headline.text == "Typhoon shuts ports along southern coast"
    d = art.dateline
    assert [loc.name for loc in d.locations] == ["Manila", "Hong Kong"]
    assert d.date.isoformat() == "2025-12-31"      # a December dateline published on New Year's Day
    assert art.text[d.body_start:].startswith("A typhoon forced")
    texts = [s.text for s in art.sentences]
    assert "Manila/Hong Kong, Dec. 31" in texts
    assert any(t.endswith("Dr. Ana Cruz, said.") for t in texts)   # no split after the title
    for s in art.sentences:
        assert art.text[s.start:s.end] == s.text


def test_analyze_takes_a_language_and_rejects_an_unknown_one():
    art = cd.analyze("Der Minister kam um 9 Uhr an. Er sprach z. B. über Steuern.", language="de")
    assert [s.text for s in art.sentences] == ["Der Minister kam um 9 Uhr an.",
                                               "Er sprach z. B. über Steuern."]
    with pytest.raises(cd.ConfigError):
        cd.analyze("Text.", language="xx")
    with pytest.raises(cd.ConfigError):
        cd.analyze("Text.", published="31/12/2025")


def test_analyze_cleans_first_and_maps_spans_back_to_the_raw_text():
    raw = ("LISBON,\u00a0March 3 (Reuters) -\u00a0Portugalâ€™s parliament approved the budget "
           "on Tuesday.\r\n\r\nâ€œIt is a fair deal,â€\x9d the finance minister said.")
    art = cd.analyze(raw, published="2025-03-04")
    assert art.raw == raw
    assert "Portugal’s parliament" in art.text and "\u00a0" not in art.text
    assert {e.kind for e in art.edits} >= {"mojibake", "space", "line_break"}
    d = art.dateline
    assert d.agency.name == "Reuters" and d.date.isoformat() == "2025-03-03"
    start, end = art.to_raw(d.start, d.end)
    assert raw[start:end] == "LISBON,\u00a0March 3 (Reuters) -"
    last = art.sentences[-1]
    assert last.text == "“It is a fair deal,” the finance minister said."
    start, end = art.to_raw(last.start, last.end)
    assert raw[start:end] == "â€œIt is a fair deal,â€\x9d the finance minister said."


def test_analyze_profile_and_options_reach_the_cleanup():
    art = cd.analyze("“Yes,” she said.", normalize_options={"quotes": "straighten"})
    assert art.text == '"Yes," she said.'
    with pytest.raises(cd.ConfigError):
        cd.analyze("Text.", profile="nonsense")
    restored = pickle.loads(pickle.dumps(art))
    assert restored.text == art.text and restored.to_raw(0, 1) == art.to_raw(0, 1)


def test_analyze_attributes_quotes_in_the_story_only():
    page = ("World\n"
            "“We will rebuild,” mayor vows after floods\n"
            "ODESA, Ukraine (AP) — Floodwaters receded on Monday after a week of heavy rain.\n"
            "“We will rebuild every street,” Mayor Olena Marchenko said. She added that aid had "
            "reached 4,000 families.\n"
            "Most read\n“Not guilty,” says former minister 1 hour ago\nMarkets slip 2 hours ago")
    art = cd.analyze(page)
    assert art.headline.text.startswith("“We will rebuild,”")
    quotes = art.quotes
    assert [q.text for q in quotes][:1] == ["We will rebuild every street,"]
    assert quotes[0].speaker_name == "Olena Marchenko"
    assert quotes[0].kind is cd.QuoteKind.DIRECT
    assert any(q.speaker and q.speaker.text == "She" and q.speaker_name == "Olena Marchenko"
               for q in quotes[1:])
    tail_start = next(b.span.start for b in art.blocks if b.kind == "tail")
    assert all(q.end <= tail_start for q in quotes)
    assert all(q.start > art.headline.end for q in quotes)
