"""The ``copydesk`` command.

    copydesk analyze story.txt                 # a readable report of one story
    copydesk analyze story.txt --format json   # the same as JSON
    copydesk analyze --jsonl stories.jsonl --text-field body --output out.jsonl --threads 0

With ``--jsonl`` every input line is a JSON object; the story is read from
``--text-field`` and the result is written as one JSON object per line, with
the input's ``id`` field (when present) carried over.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, Iterator, List, Optional

from . import ConfigError, __version__, _display, analyze, analyze_many


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Structured text from raw news copy: cleanup, sentences, "
        "datelines and quotes with their speakers.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    a = commands.add_parser(
        "analyze",
        help="analyse stories from files, standard input or JSONL",
        description="Analyse one story per file (or standard input), or one per "
        "line of a JSONL file.",
    )
    a.add_argument("paths", nargs="*", metavar="PATH",
                   help="text files to analyse; '-' or nothing reads standard input")
    a.add_argument("--jsonl", metavar="FILE",
                   help="read stories from a JSONL file ('-' for standard input)")
    a.add_argument("--text-field", default="text",
                   help="field of each JSONL object that holds the story (default: text)")
    a.add_argument("--output", "-o", metavar="FILE",
                   help="write here instead of standard output")
    a.add_argument("--threads", type=int, default=0,
                   help="threads for --jsonl (default 0: all cores)")
    a.add_argument("--format", choices=("text", "json"), default="text",
                   help="output for plain files: a readable report or JSON (default: text)")
    a.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date, to resolve the year of datelines")
    a.add_argument("--language", default="en",
                   help="language of the stories, for sentence rules (default: en)")
    return parser


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def _jsonl_records(stream: IO[str], text_field: str) -> Iterator[dict]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise SystemExit(f"copydesk: line {number}: not JSON ({e.msg})")
        if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
            raise SystemExit(f"copydesk: line {number}: no string field '{text_field}'")
        yield record


def _run_jsonl(args: argparse.Namespace, out: IO[str]) -> None:
    source = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")
    with source:
        records: List[dict] = []

        def texts() -> Iterator[str]:
            for record in _jsonl_records(source, args.text_field):
                records.append({"id": record["id"]} if "id" in record else {})
                yield record[args.text_field]

        articles = analyze_many(texts(), threads=args.threads, published=args.published,
                                language=args.language)
        for i, article in enumerate(articles):
            row = dict(records[i])
            records[i] = {}
            row.update(article.to_dict())
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    if args.jsonl:
        _run_jsonl(args, out)
        return 0
    for path in args.paths or ["-"]:
        try:
            article = analyze(_read_text(path), published=args.published,
                              language=args.language)
        except OSError as e:
            print(f"copydesk: {path}: {e.strerror}", file=sys.stderr)
            return 1
        if args.format == "json":
            out.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            if len(args.paths) > 1:
                out.write(f"== {path}\n")
            out.write(_display.article_text(article) + "\n")
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    """Entry point of the ``copydesk`` command; returns the exit status."""
    args = _build_parser().parse_args(argv)
    if args.command is None:
        _build_parser().print_help()
        return 2
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        return _run(args, out)
    except ConfigError as e:
        print(f"copydesk: {e}", file=sys.stderr)
        return 2
    finally:
        if out is not sys.stdout:
            out.close()
