"""Who said what: every quote of a JSONL file of stories, as CSV.

    python examples/python/quotes_to_csv.py stories.jsonl --text-field text > quotes.csv

Each row is one quote: the story's id, the kind (direct, partial, mixed,
indirect), the speaker's canonical name, the cue and the quote itself.
copydesk.analyze_many() runs on every core without the GIL.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

import copydesk


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", help="one JSON object per line, with the story in --text-field")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--id-field", default="id")
    args = parser.parse_args()

    with open(args.jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    writer = csv.writer(sys.stdout)
    writer.writerow(["id", "kind", "speaker", "cue", "quote"])
    texts = (r[args.text_field] for r in records)
    for record, article in zip(records, copydesk.analyze_many(texts)):
        for q in article.quotes:
            writer.writerow([record.get(args.id_field), q.kind, q.speaker_name or "",
                             q.cue.text if q.cue else "", q.text])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
