#!/usr/bin/env python3
"""Scores copydesk.normalize(profile="ftfy") on ftfy's own public test cases
(tests/test_cases.json in an ftfy source checkout or sdist, e.g. from
`pip download --no-deps --no-binary :all: ftfy==6.3.1`), against the `fixed`
output of every case ftfy expects to pass; ftfy.fix_text is scored on the
same cases when it is installed. The file is read, never copied.

    PYTHONPATH=build/dev/python python bench/python/eval_ftfy_suite.py PATH/test_cases.json [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list copydesk's misses")
    args = parser.parse_args()
    if not args.cases.is_file():
        print(f"No ftfy test cases at {args.cases}: nothing was scored.", file=sys.stderr)
        return 2

    import copydesk

    with open(args.cases, encoding="utf-8") as f:
        cases = [c for c in json.load(f) if c.get("expect") == "pass"]
    systems = {"copydesk ftfy profile": lambda text: copydesk.normalize(text, profile="ftfy")}
    try:
        import ftfy

        systems["ftfy.fix_text"] = ftfy.fix_text
    except ImportError:
        print("(ftfy is not installed: scoring copydesk only)")
    for name, fix in systems.items():
        misses = [c for c in cases if fix(c["original"]) != c["fixed"]]
        print(f"{name}: {len(cases) - len(misses)}/{len(cases)} expected-pass cases")
        if args.verbose and name.startswith("copydesk"):
            for c in misses:
                print(f"  miss {c['label']!r}\n    got      {fix(c['original'])!r}\n    expected {c['fixed']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
