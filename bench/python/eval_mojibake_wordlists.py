#!/usr/bin/env python3
"""Mojibake repair measured on whole vocabularies: the hunspell dictionaries
installed on the machine (/usr/share/hunspell, e.g. `apt-get install
hunspell-tools hunspell-cs hunspell-pl hunspell-ru ...`), read, never copied.

For every language, a fixed sample of its words that are not plain ASCII:

- correct text: how many words change under copydesk.normalize, alone (as
  written, in capitals, capitalised) and in lines of eight, also after a
  line-opening of Windows-1252 mojibake (so that the line shows evidence of
  mojibake, as damaged pages do). Any change is a false repair.
- damaged text: each word encoded as UTF-8 and decoded with a code page
  (Windows-1252, MacRoman, Windows-1250/1251/1257, ISO-8859-2, code page
  437): how many come back exactly.

Word forms come from `unmunch` (hunspell-tools) when it is installed, else
from the dictionary stems.

    PYTHONPATH=build/dev/python python bench/python/eval_mojibake_wordlists.py [--words N] [LANG..]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import List

CODE_PAGES = ["cp1252", "mac_roman", "cp1250", "iso8859_2", "cp1251", "cp1257", "cp437"]
MOJIBAKE_OPENING = ("It\u00e2\u20ac\u2122s \u00e2\u20ac\u0153good\u00e2\u20ac\u009d: ",
                    "It\u2019s \u201cgood\u201d: ")
MAX_FORMS = 1_000_000


def add_dictionary_arguments(parser: argparse.ArgumentParser, example: str) -> None:
    """The languages to read (`example` names one) and where their dictionaries are."""
    parser.add_argument("languages", nargs="*",
                        help=f"dictionary names, e.g. {example} (default: all)")
    parser.add_argument("--dir", type=Path, default=Path("/usr/share/hunspell"))


def chosen_dictionaries(args: argparse.Namespace) -> List[Path]:
    """The .dic files of the languages asked for (all when none were); says so
    on stderr when there are none, and the caller then measures nothing."""
    dictionaries = sorted(p for p in args.dir.glob("*.dic") if not p.is_symlink())
    if args.languages:
        dictionaries = [p for p in dictionaries if p.stem in args.languages]
    if not dictionaries:
        print(f"No hunspell dictionaries in {args.dir}: nothing was measured.", file=sys.stderr)
    return dictionaries


def read_words(dic: Path) -> List[str]:
    """The word forms of one hunspell dictionary, decoded."""
    aff = dic.with_suffix(".aff")
    encoding = "utf-8"
    for line in aff.read_bytes().splitlines():
        if line.startswith(b"SET "):
            encoding = line.split()[1].decode("ascii").lower().replace("iso8859", "iso8859_")
            break
    if shutil.which("unmunch"):
        with subprocess.Popen(["unmunch", str(dic), str(aff)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL) as proc:
            assert proc.stdout is not None
            raw = [line for _, line in zip(range(MAX_FORMS), proc.stdout)]
            proc.kill()
    else:
        raw = dic.read_bytes().splitlines(keepends=True)[1:]
    words = {line.decode(encoding, "replace").split("/")[0].strip() for line in raw}
    return sorted(w for w in words if w and not w.isascii() and "\ufffd" not in w)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_dictionary_arguments(parser, "cs_CZ")
    parser.add_argument("--words", type=int, default=20000, help="words sampled per language")
    parser.add_argument("-v", "--verbose", action="store_true", help="show a few changed words")
    args = parser.parse_args()
    dictionaries = chosen_dictionaries(args)
    if not dictionaries:
        return 2

    import copydesk

    def nfc(s: str) -> str:
        return unicodedata.normalize("NFC", s)

    print(f"| language | words | changed alone | in lines | in lines after mojibake | "
          f"{' | '.join(CODE_PAGES)} |")
    print("|---" * (5 + len(CODE_PAGES)) + "|")
    total_changed = 0
    for dic in dictionaries:
        words = read_words(dic)
        random.Random(7).shuffle(words)
        words = [nfc(w) for w in words[: args.words]]
        if not words:
            continue
        examples = []
        alone = lines = after = 0
        for form in (str, str.upper, str.title):
            forms = [nfc(form(w)) for w in words]  # upper() may decompose (ΐ → Ϊ́)
            for w in forms:
                if copydesk.normalize(w) != w:
                    alone += 1
                    examples.append(w)
            for i in range(0, len(forms), 8):
                line = " ".join(forms[i:i + 8])
                lines += copydesk.normalize(line) != line
                if copydesk.normalize(MOJIBAKE_OPENING[0] + line) != MOJIBAKE_OPENING[1] + line:
                    after += 1
                    examples.append(MOJIBAKE_OPENING[0] + line)
        total_changed += alone + lines + after
        recall = []
        for page in CODE_PAGES:
            damaged = []
            for w in words:
                try:
                    damaged.append((w.encode("utf-8").decode(page), w))
                except UnicodeDecodeError:
                    pass
            repaired = sum(copydesk.normalize(d) == w for d, w in damaged)
            recall.append(f"{100 * repaired / len(damaged):.1f}%" if damaged else "-")
        n_lines = 3 * ((len(words) + 7) // 8)
        print(f"| {dic.stem} | {3 * len(words)} | {alone} | {lines}/{n_lines} | "
              f"{after}/{n_lines} | {' | '.join(recall)} |")
        if args.verbose and examples:
            print(f"    e.g. {examples[:5]}")
    print(f"\ncorrect text changed: {total_changed} "
          "(words alone, in lines, in lines after mojibake)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
