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
import sys
from pathlib import Path

from bench_common import (
    DEFAULT_CORPUS,
    leading_stories,
    load_corpus,
    mb_per_second,
    print_speed_table,
    report_missing,
)



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pysbd-bytes", type=int, default=300_000)
    args = parser.parse_args()
    if not args.corpus.exists():
        return report_missing(args.corpus, "The news corpus")
    stories = load_corpus(args.corpus)

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
        sample, size = leading_stories(stories, args.pysbd_bytes)
        results[f"pySBD (first {size // 1000} kB)"] = mb_per_second(segmenter.segment, sample, 1)
    except ImportError:
        print("pySBD is not installed: skipped.")

    total = sum(len(s.encode("utf-8")) for s in stories)
    print(f"corpus: {args.corpus.name}, {len(stories)} stories, {total / 1e6:.1f} MB")
    print_speed_table(results, "copydesk split()")
    return 0


if __name__ == "__main__":
    sys.exit(main())
