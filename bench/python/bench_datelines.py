"""copydesk.parse_dateline against dateparser's search_dates, side by side on
the same story openings.

dateparser is the usual Python answer for "find the date in this text"; it
finds only the date (not places, agency or where the body starts), so this
compares speed on equal input, not equal output. Openings are the first
OPENING_CHARS characters of every dateline dev case and of the first
CORPUS_STORIES news-corpus stories. Both tools run in this process, one call
per opening.

    PYTHONPATH=build/dev/python python3 bench/python/bench_datelines.py
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import warnings
from pathlib import Path
from typing import Callable, List

import copydesk

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
DEV = DATA / "datelines" / "dev.jsonl"
CORPUS = DATA / "corpus" / "bbc_news.jsonl"
OPENING_CHARS = 300
CORPUS_STORIES = 300


def load_openings(path: Path, limit: int) -> List[str]:
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    return [t[:OPENING_CHARS] for t in texts[:limit]]


def seconds_per_call(call: Callable[[str], object], openings: List[str], min_seconds: float) -> float:
    """Average seconds per call over the openings in order, cycling through
    them until min_seconds have passed (a slow tool may not reach the end)."""
    call(openings[0])  # warm-up: dateparser loads its language data on first use
    calls = 0
    started = time.perf_counter()
    while True:
        for text in openings:
            call(text)
            calls += 1
            elapsed = time.perf_counter() - started
            if elapsed >= min_seconds and calls >= min(len(openings), 10):
                return elapsed / calls


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-seconds", type=float, default=2.0,
                        help="least time each measurement runs (default 2)")
    args = parser.parse_args(argv)
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("bench_datelines: dateparser is not installed (pip install dateparser); "
              "nothing was measured.")
        return 2
    sets = []
    for name, path, limit in (("dev openings", DEV, 10**9), ("corpus openings", CORPUS, CORPUS_STORIES)):
        if path.is_file():
            sets.append((name, load_openings(path, limit)))
        else:
            print(f"bench_datelines: {path} is absent; skipping {name}.")
    if not sets:
        print("bench_datelines: no data found beside the repository; nothing was measured.")
        return 2

    warnings.simplefilter("ignore")  # dateparser warns about pytz/tz on some systems
    print(f"python {platform.python_version()}, copydesk {copydesk.__version__}, "
          f"openings of {OPENING_CHARS} characters")
    # dateparser twice: as a user would call it first (detecting the language
    # of each text) and told the language, its fastest setting.
    rivals = [
        ("search_dates(text)", search_dates),
        ("search_dates(text, languages=['en'])", lambda text: search_dates(text, languages=["en"])),
    ]
    print(f"{'set':<16} {'n':>4}  {'copydesk':>10}  {'dateparser':>12}  {'ratio':>8}  dateparser call")
    for name, openings in sets:
        ours = seconds_per_call(copydesk.parse_dateline, openings, args.min_seconds)
        for rival_name, rival in rivals:
            theirs = seconds_per_call(rival, openings, args.min_seconds)
            print(f"{name:<16} {len(openings):>4}  {ours * 1e6:>8.2f}us  {theirs * 1e6:>10.0f}us  "
                  f"{theirs / ours:>7.0f}x  {rival_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
