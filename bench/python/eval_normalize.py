#!/usr/bin/env python3
"""Scores copydesk.normalize on the Unicode cleanup dev set:
../shared/data/unicode/cleanup_cases.jsonl (59 cases), each called with
quotes=<the case's mode>. A case counts only when the output equals
`expected` exactly. With --ftfy, scores ftfy.fix_text on the same cases.

    PYTHONPATH=build/dev/python python bench/python/eval_normalize.py [--ftfy] [--data PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "unicode" / "cleanup_cases.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA.resolve())
    parser.add_argument("--profile", default="news")
    parser.add_argument("--ftfy", action="store_true", help="also score ftfy.fix_text")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"No evaluation data at {args.data}: nothing was scored.", file=sys.stderr)
        return 2

    import copydesk

    systems = {"copydesk": lambda text, mode: copydesk.normalize(text, profile=args.profile, quotes=mode)}
    if args.ftfy:
        import ftfy

        systems["ftfy"] = lambda text, mode: ftfy.fix_text(text, uncurl_quotes=(mode == "straighten"))

    with open(args.data, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    for name, fix in systems.items():
        misses = []
        for case in cases:
            got = fix(case["input"], case["mode"])
            if got != case["expected"]:
                misses.append((case["id"], got, case["expected"]))
        print(f"{name}: {len(cases) - len(misses)}/{len(cases)} exact")
        for case_id, got, expected in misses:
            print(f"  miss {case_id}: got {got!r}, expected {expected!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
