"""Sentence-splitting speed from Python: copydesk against BlingFire and pySBD.

Reads the news corpus (../shared/data/corpus/bbc_news.jsonl, or the JSONL file
given with --corpus; the "text" field of each line), splits every story with
each tool, single-threaded, and prints MB/s (UTF-8 bytes of input per second,
best of --repeat runs) and copydesk's speed as a multiple of each tool's.
pySBD is slow enough that it gets the first --pysbd-bytes of the corpus only.

    PYTHONPATH=build/dev/python python bench/python/bench_sentences.py
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable, List

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "corpus" / "bbc_news.jsonl"


def mb_per_second(split: Callable[[str], object], stories: List[str], repeat: int) -> float:
    size = sum(len(s.encode("utf-8")) for s in stories)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for story in stories:
            split(story)
        best = min(best, time.perf_counter() - start)
    return size / best / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pysbd-bytes", type=int, default=300_000)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"No corpus at {args.corpus}: nothing to measure.")
        return 1
    with open(args.corpus, encoding="utf-8") as f:
        stories = [json.loads(line)["text"] for line in f if line.strip()]

    import copydesk

    splitter = copydesk.SentenceSplitter("en")
    results = {"copydesk split()": mb_per_second(splitter.split, stories, args.repeat),
               "copydesk spans()": mb_per_second(splitter.spans, stories, args.repeat)}
    try:
        import blingfire

        results["BlingFire"] = mb_per_second(blingfire.text_to_sentences, stories, args.repeat)
    except ImportError:
        print("BlingFire is not installed: skipped.")
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        sample, size = [], 0
        for story in stories:
            if size >= args.pysbd_bytes:
                break
            sample.append(story)
            size += len(story.encode("utf-8"))
        results[f"pySBD (first {size // 1000} kB)"] = mb_per_second(segmenter.segment, sample, 1)
    except ImportError:
        print("pySBD is not installed: skipped.")

    total = sum(len(s.encode("utf-8")) for s in stories)
    print(f"corpus: {args.corpus.name}, {len(stories)} stories, {total / 1e6:.1f} MB")
    ours = results["copydesk split()"]
    print("| tool | MB/s | copydesk split() is N x faster |")
    print("|---|---|---|")
    for name, speed in results.items():
        print(f"| {name} | {speed:.2f} | {ours / speed:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
