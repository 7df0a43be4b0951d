"""Golden-rule accuracy of copydesk's sentence splitter against other tools.

Reads ../shared/data/sentences/golden_rules_<xx>.jsonl (or the directory given
with --data) and prints, per language, how many cases each tool gets exactly
right. A case passes when the tool's sentences, each stripped and with runs of
white space read as one space, equal the expected ones (empty ones dropped).
Collapsing white space is what lets a span-based splitter pass the English
"extra" rules 40-42, whose expected output assumes line breaks were cleaned;
every tool is scored the same way.

Tools that are not installed, or that cannot run a language, are shown as
"-" and listed under the table. Run from the repository root:

    PYTHONPATH=build/dev/python python bench/python/eval_sentences.py
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Callable, Dict, List, Optional

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "sentences"

Splitter = Callable[[str], List[str]]


def normalise(sentences: List[str]) -> List[str]:
    return [re.sub(r"\s+", " ", s.strip()) for s in sentences if s.strip()]


def load(path: Path) -> List[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- One factory per tool: language code -> splitter, or None if it cannot. --


def copydesk_splitter(lang: str) -> Optional[Splitter]:
    import copydesk

    if lang not in copydesk.SentenceSplitter.languages():
        return None
    splitter = copydesk.SentenceSplitter(lang)
    return splitter.split


def pysbd_splitter(lang: str) -> Optional[Splitter]:
    import pysbd

    try:
        segmenter = pysbd.Segmenter(language=lang, clean=False)
    except (ValueError, KeyError):
        return None
    return segmenter.segment


def syntok_splitter(lang: str) -> Optional[Splitter]:
    from syntok import segmenter

    def split(text: str) -> List[str]:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                out.append("".join(t.spacing + t.value for t in sentence))
        return out

    return split


def punkt_splitter(lang: str) -> Optional[Splitter]:
    # NLTK's trained punkt models are a separate download that this machine
    # cannot make; the untrained tokenizer (no learned abbreviations) is
    # what runs here, and the report says so.
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return PunktSentenceTokenizer().tokenize


def blingfire_splitter(lang: str) -> Optional[Splitter]:
    import blingfire

    return lambda text: blingfire.text_to_sentences(text).split("\n")


def icu_splitter(lang: str) -> Optional[Splitter]:
    import icu

    iterator = icu.BreakIterator.createSentenceInstance(icu.Locale(lang))

    def split(text: str) -> List[str]:
        # PyICU counts UTF-16 code units.
        units = text.encode("utf-16-le")
        iterator.setText(text)
        out, start = [], 0
        for end in iterator:
            out.append(units[2 * start : 2 * end].decode("utf-16-le"))
            start = end
        return out

    return split


def spacy_splitter(lang: str) -> Optional[Splitter]:
    import spacy

    try:
        nlp = spacy.blank(lang)
    except Exception:  # spaCy has no tokenizer for this language
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return lambda text: [s.text for s in nlp(text).sents]


TOOLS: Dict[str, Callable[[str], Optional[Splitter]]] = {
    "copydesk": copydesk_splitter,
    "pySBD": pysbd_splitter,
    "syntok": syntok_splitter,
    "NLTK Punkt*": punkt_splitter,
    "BlingFire": blingfire_splitter,
    "ICU": icu_splitter,
    "spaCy sentencizer": spacy_splitter,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-failures", metavar="TOOL", help="print the cases TOOL gets wrong")
    args = parser.parse_args()

    files = sorted(args.data.glob("golden_rules_*.jsonl"))
    if not files:
        print(f"No golden rule files under {args.data}: nothing to evaluate.")
        return 1

    notes: List[str] = []
    available = {}
    for name, factory in TOOLS.items():
        try:
            factory("en")
            available[name] = factory
        except ImportError as error:
            notes.append(f"{name}: not installed ({error.name})")

    header = "| language | cases | " + " | ".join(TOOLS) + " |"
    print(header)
    print("|" + "---|" * (len(TOOLS) + 2))
    totals = {name: 0 for name in TOOLS}
    english_totals = {name: 0 for name in TOOLS}
    for path in files:
        key = path.stem.replace("golden_rules_", "")
        lang = key.split("_")[0]
        cases = load(path)
        row = [key, str(len(cases))]
        for name in TOOLS:
            factory = available.get(name)
            split = factory(lang) if factory else None
            if split is None:
                row.append("-")
                if factory:
                    notes.append(f"{name}: no rules for '{lang}'")
                continue
            passed = 0
            for case in cases:
                try:
                    got = normalise(split(case["text"]))
                except Exception as error:  # a tool that crashes fails the case
                    got = [f"<{type(error).__name__}>"]
                if got == normalise(case["sentences"]):
                    passed += 1
                elif args.show_failures == name:
                    print(f"  {name} fails {case['id']}: {got}", file=sys.stderr)
            row.append(str(passed))
            totals[name] += passed
            if lang == "en":
                english_totals[name] += passed
        print("| " + " | ".join(row) + " |")
    all_cases = sum(len(load(p)) for p in files)
    print("| **all** | " + str(all_cases) + " | " + " | ".join(str(totals[n]) for n in TOOLS) + " |")
    print()
    print("* NLTK Punkt runs untrained: its punkt model data is a separate download, "
          "impossible here (no PyPI package ships it).")
    print("Scores: exact match after stripping each sentence and collapsing white space.")
    for note in sorted(set(notes)):
        print(f"- {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
