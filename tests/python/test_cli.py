"""The copydesk command on the bundled sample article, as the Quick start runs it."""

import json
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample_article.txt"


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "copydesk", *args],
                          capture_output=True, text=True, **kwargs)


def test_report_on_the_sample_article():
    done = run("analyze", "--published", "2025-08-14", str(SAMPLE))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "headline:  Rhine barge operators warn of record low water" in out
    assert "Duisburg / Rotterdam / Basel; 2025-08-14" in out
    assert "4 tail lines set aside" in out
    assert "direct   Henrike Vogt [said]" in out


def test_json_output_indexes_the_clean_text():
    done = run("analyze", "--format", "json", str(SAMPLE))
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    text = article["text"]
    for quote in article["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    assert article["dateline"]["year"] is None       # no publication date given


def test_bad_date_and_missing_file_fail_clearly():
    done = run("analyze", "--published", "14/08/2025", str(SAMPLE))
    assert done.returncode == 2
    assert "published must be an ISO date" in done.stderr
    done = run("analyze", "/no/such/story.txt")
    assert done.returncode == 1 and "/no/such/story.txt" in done.stderr


def test_standard_input_and_version():
    done = run("analyze", input="Storm closes ferry routes\n\nAll crossings were cancelled.\n")
    assert "headline:  Storm closes ferry routes" in done.stdout
    assert run("--version").stdout.startswith("copydesk ")
