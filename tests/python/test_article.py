import json
import pickle
import subprocess
import sys

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
