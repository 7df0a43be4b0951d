"""Accuracy of copydesk.parse_dateline on the dateline dev set.

Reads ../shared/data/datelines/dev.jsonl (or the file given with --data) and
scores it as that set's README suggests: per case, exact match of the
locations, of (month, day), of the full date (year, month, day) given the
publication date, of the agency and of body_start; on negatives, any parse is
a false positive. Prints one line per field and every miss.

    PYTHONPATH=build/dev/python python3 bench/python/eval_datelines.py
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import copydesk

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "datelines" / "dev.jsonl"
FIELDS = ["locations", "month_day", "full_date", "agency", "body_start"]


def predicted_fields(case: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    d = copydesk.parse_dateline(case["text"], published=case.get("published"))
    if d is None:
        return None
    return {
        "locations": [loc.text.strip() for loc in d.locations],
        "month_day": (d.month, d.day),
        "full_date": (d.year, d.month, d.day),
        "agency": d.agency.name if d.agency else None,
        "body_start": d.body_start,
    }


def gold_fields(gold: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "locations": [loc.strip() for loc in gold["locations"]],
        "month_day": (gold["month"], gold["day"]),
        "full_date": (gold["year"], gold["month"], gold["day"]),
        "agency": gold["agency"],
        "body_start": gold["body_start"],
    }


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dev.jsonl to score")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"eval_datelines: no data at {args.data}; nothing was measured.\n"
              "  The dateline dev set lives in ../shared/data/datelines beside the "
              "repository; pass --data to score another file in its format.")
        return 2

    cases = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    positives = [c for c in cases if c["gold"] is not None]
    negatives = [c for c in cases if c["gold"] is None]
    correct = {field: 0 for field in FIELDS}
    misses: List[str] = []
    for case in positives:
        got = predicted_fields(case)
        want = gold_fields(case["gold"])
        if got is None:
            misses.append(f"{case['id']}: no dateline found")
            continue
        for field in FIELDS:
            if got[field] == want[field]:
                correct[field] += 1
            else:
                misses.append(f"{case['id']}: {field} {got[field]!r} != gold {want[field]!r}")
    found = sum(predicted_fields(c) is not None for c in positives)
    false_positives = [c["id"] for c in negatives if predicted_fields(c) is not None]

    print(f"dateline dev set: {args.data} ({len(positives)} with a dateline or credit, "
          f"{len(negatives)} negatives)")
    print(f"  {'found':<11} {found:>4}/{len(positives)}  {100 * found / len(positives):6.1f}%")
    for field in FIELDS:
        print(f"  {field:<11} {correct[field]:>4}/{len(positives)}  "
              f"{100 * correct[field] / len(positives):6.1f}%")
    print(f"  {'false pos.':<11} {len(false_positives):>4}/{len(negatives)}"
          + (f"  {', '.join(false_positives)}" if false_positives else ""))
    for miss in misses:
        print("  miss:", miss)
    return 0 if not misses and not false_positives else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
