#!/usr/bin/env python3
"""How often copydesk.normalize(profile="ftfy") gives ftfy.fix_text's output on
lines that mix correct text with one mojibake word: "News – " (a correct en
dash) and a dictionary word with one non-ASCII Latin-1 letter, encoded as
UTF-8 and decoded as Windows-1252. Words come from the hunspell dictionaries
installed on the machine (/usr/share/hunspell, as eval_mojibake_wordlists.py
reads them), read, never copied.

For every language: the lines, how many ftfy repairs, how many the ftfy
profile repairs and how many it gives exactly as ftfy does, the same with
confirm_mixed_line_pairs=False, and how many the "news" profile repairs.

    PYTHONPATH=build/dev/python python bench/python/eval_ftfy_mixed_lines.py [--words N] [LANG..]
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from pathlib import Path

from eval_mojibake_wordlists import add_dictionary_arguments, chosen_dictionaries, read_words

PREFIX = "News \u2013 "


def mojibake_words(dic: Path, count: int) -> list:
    """Up to `count` words of one dictionary with exactly one non-ASCII
    character, a Latin-1 letter that Windows-1252 mojibake can spell."""
    words = []
    for w in read_words(dic):
        w = unicodedata.normalize("NFC", w)
        special = [c for c in w if not c.isascii()]
        if len(special) != 1 or ord(special[0]) > 0xFF:
            continue
        try:
            words.append((w, w.encode("utf-8").decode("cp1252")))
        except UnicodeDecodeError:  # Á Í Ï Ð Ý: a byte Windows-1252 leaves undefined
            pass
    random.Random(7).shuffle(words)
    return words[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_dictionary_arguments(parser, "da_DK")
    parser.add_argument("--words", type=int, default=1000, help="lines per language")
    args = parser.parse_args()
    dictionaries = chosen_dictionaries(args)
    if not dictionaries:
        return 2

    import ftfy

    import copydesk

    def ftfy_profile(text: str, **options) -> str:
        return copydesk.normalize(text, profile="ftfy", quotes="keep", **options)

    print("| language | lines | ftfy repairs | ftfy profile repairs | same as ftfy | "
          "same as ftfy, confirm_mixed_line_pairs=False | news repairs |")
    print("|---" * 7 + "|")
    totals = [0] * 6
    for dic in dictionaries:
        words = mojibake_words(dic, args.words)
        if not words:
            continue
        row = [0] * 6
        for word, damaged in words:
            line, want = PREFIX + damaged, PREFIX + word
            theirs = ftfy.fix_text(line, uncurl_quotes=False)
            ours = ftfy_profile(line)
            unconfirmed = ftfy_profile(line, confirm_mixed_line_pairs=False)
            outcomes = (True, theirs == want, ours == want, ours == theirs, unconfirmed == theirs,
                        copydesk.normalize(line) == want)
            row = [n + ok for n, ok in zip(row, outcomes)]
        totals = [t + n for t, n in zip(totals, row)]
        print(f"| {dic.stem} | " + " | ".join(str(n) for n in row) + " |")
    print("| all | " + " | ".join(str(n) for n in totals) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
