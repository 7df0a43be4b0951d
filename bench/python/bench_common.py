"""What the benchmark and evaluation scripts share: where the evaluation data
lives, reading the news corpus, and timing a function over it."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Tuple

# ../shared/data beside the repository: evaluation data, never committed.
SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DEFAULT_CORPUS = SHARED_DATA / "corpus" / "bbc_news.jsonl"


def report_missing(path: Path, what: str) -> int:
    """Says plainly that `path` is absent and returns the exit status to use."""
    print(f"{what} not found at {path}: nothing was measured.\n"
          f"  (evaluation data lives in ../shared/data beside the repository)", file=sys.stderr)
    return 2


def load_corpus(path: Path) -> List[str]:
    """The "text" field of every line of a JSONL corpus."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def leading_stories(stories: List[str], max_bytes: int) -> Tuple[List[str], int]:
    """The first stories, up to about `max_bytes` of UTF-8, and their size: the
    sample a peer too slow for the whole corpus is timed on."""
    sample, size = [], 0
    for story in stories:
        if size >= max_bytes:
            break
        sample.append(story)
        size += len(story.encode("utf-8"))
    return sample, size


def mb_per_second(run: Callable[[str], object], stories: List[str], repeat: int,
                  clock: Callable[[], float] = time.perf_counter) -> float:
    """MB of UTF-8 that `run` processes per second, best of `repeat` passes.

    `clock` is wall time by default; time.process_time counts only this
    process's CPU time, steadier on a machine other jobs share."""
    size = sum(len(s.encode("utf-8", "surrogatepass")) for s in stories)
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = clock()
        for story in stories:
            run(story)
        best = min(best, clock() - start)
    return size / best / 1e6


def print_speed_table(results: Dict[str, float], ours: str) -> None:
    """A Markdown table of MB/s per tool, each compared with the `ours` entry."""
    print(f"| tool | MB/s | {ours} is N x faster |")
    print("|---|---|---|")
    for name, speed in results.items():
        print(f"| {name} | {speed:.2f} | {results[ours] / speed:.1f}x |")
