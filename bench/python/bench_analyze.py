"""Throughput of the whole pipeline, copydesk.analyze_many(), on the news corpus.

    PYTHONPATH=build/dev/python python3 bench/python/bench_analyze.py [--corpus FILE]

Prints MB/s of UTF-8 input for one thread and for every core, so the scaling
of the GIL-free batch path shows; each figure is the best of --repeat runs.
Reads ../shared/data/corpus/bbc_news.jsonl and says so plainly when it is absent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bench_common import DEFAULT_CORPUS, load_corpus, report_missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_file():
        return report_missing(args.corpus, "The news corpus")

    import copydesk

    stories = load_corpus(args.corpus)
    size = sum(len(s.encode("utf-8")) for s in stories)
    print(f"corpus: {len(stories)} stories, {size / 1e6:.2f} MB; {os.cpu_count()} cores")
    for threads in (1, 0):
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            for _article in copydesk.analyze_many(stories, threads=threads):
                pass
            best = min(best, time.perf_counter() - start)
        label = "1 thread" if threads == 1 else "all cores"
        print(f"analyze_many, {label:9}: {size / best / 1e6:7.1f} MB/s ({len(stories) / best:,.0f} stories/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
