#!/usr/bin/env python3
"""Speed of copydesk.normalize from Python against ftfy.fix_text, on the news
corpus (../shared/data/corpus/bbc_news.jsonl, or --corpus) as it is and on a
damaged copy, in one run. Both are called once per story, as a pipeline
would. MB/s count the input's UTF-8 bytes. The two alternate, one pass each
per round for --rounds rounds (copydesk makes --repeat passes a round, it
is fast); the best pass of each is kept, and the spread of the per-round
ratios is printed, since the machine is shared and noisy.

    PYTHONPATH=build/dev/python python bench/python/bench_normalize.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List

from bench_common import DEFAULT_CORPUS, load_corpus, mb_per_second, report_missing



def damage(story: str) -> str:
    """The damage bench/cpp/normalize_bench.cc applies, character for
    character: mojibake quotes and apostrophes, "Â£", "&amp;", CRLF, every
    20th space a NBSP, every 100th "&nbsp;", every 500th followed by ZWSP."""
    out: List[str] = []
    open_quote = True
    spaces = 0
    for c in story:
        if c == '"':
            out.append("\u00e2\u20ac\u0153" if open_quote else "\u00e2\u20ac\u009d")
            open_quote = not open_quote
        elif c == "'":
            out.append("\u00e2\u20ac\u2122")
        elif c == "&":
            out.append("&amp;")
        elif c == "\n":
            out.append("\r\n")
        elif c == "\u00a3":
            out.append("\u00c2\u00a3")
        elif c == " ":
            spaces += 1
            out.append("&nbsp;" if spaces % 100 == 0 else "\u00a0" if spaces % 20 == 0 else " ")
            if spaces % 500 == 0:
                out.append("\u200b")
        else:
            out.append(c)
    return "".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3, help="copydesk passes per round")
    args = parser.parse_args()
    if not args.corpus.is_file():
        return report_missing(args.corpus, "The news corpus")

    import ftfy

    import copydesk

    clean = load_corpus(args.corpus)
    damaged = [damage(s) for s in clean]
    print(f"corpus: {len(clean)} stories, {sum(len(s.encode()) for s in clean) / 1e6:.2f} MB clean, "
          f"{sum(len(s.encode()) for s in damaged) / 1e6:.2f} MB damaged")
    print(f"{'':10} {'copydesk MB/s':>14} {'ftfy MB/s':>10} {'ratio':>8}   per-round ratios")
    for name, stories in (("clean", clean), ("damaged", damaged)):
        ours, theirs = [], []
        for _ in range(max(1, args.rounds)):
            ours.append(mb_per_second(copydesk.normalize, stories, args.repeat))
            theirs.append(mb_per_second(ftfy.fix_text, stories, 1))
        ratios = sorted(o / t for o, t in zip(ours, theirs))
        print(f"{name:10} {max(ours):14.1f} {max(theirs):10.2f} {max(ours) / max(theirs):7.0f}x   "
              f"{ratios[0]:.0f}x-{ratios[-1]:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
