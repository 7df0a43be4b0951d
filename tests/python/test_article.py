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


def test_analyze_finds_paragraphs_with_consistent_spans():
    art = cd.analyze(STORY)
    assert art.text == STORY
    assert [p.text for p in art.paragraphs][0] == "Harbour bridge to close for repairs"
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text
    assert len(art.paragraphs) == 3


def test_analyze_empty_text_gives_empty_article():
    art = cd.analyze("")
    assert art.text == "" and art.paragraphs == []


def test_analyze_many_keeps_order_across_batches():
    texts = [f"Story {i}\n\nBody of story {i}." for i in range(50)]
    arts = list(cd.analyze_many(texts, threads=2, batch_size=7))
    assert [a.paragraphs[0].text for a in arts] == [f"Story {i}" for i in range(50)]


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
    assert rows[2]["paragraphs"][0]["text"] == "Head 2"


def test_command_line_reports_a_missing_field(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "x"}) + "\n")
    run = subprocess.run([sys.executable, "-m", "copydesk", "analyze", "--jsonl", str(src),
                          "--text-field", "body"], capture_output=True, text=True)
    assert run.returncode != 0
    assert "no string field 'body'" in run.stderr
