"""The words of the registry's Latin names, and whether data/translations.toml covers each.

    .venv/bin/python tools/translation_words.py          # every word: translated, kept, dropped
    .venv/bin/python tools/translation_words.py --check  # exit 1 when a word is not covered

A name's words are its spaces' and capitalised humps' parts ('CoinMarketCap': coin market
cap), a hump split on the vocabulary when it is words run together ('Matrixport'). Every word
must be in the file: under ``[words]`` with its translations, or in ``keep`` (a brand
syllable, a ticker, a pinyin syllable: a translation keeps it as written), ``dropped`` (legal
forms, 'group', 'and') or ``domain_suffixes``. tests/test_translations.py runs the check.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from exitcheck.matching.index import labels
from exitcheck.matching.names import has_cjk
from exitcheck.matching.translations import kept, split_word, vocabulary
from exitcheck.store.loading import load, shipped_registry

HUMPS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def registry_words() -> tuple[Counter[str], dict[str, str]]:
    """(the covered words and how many names hold each, the uncovered parts and a name)."""
    registry = load([shipped_registry()], use_cache=False)
    counts: Counter[str] = Counter()
    missing: dict[str, str] = {}
    for entity in registry.entities:
        for label, field in labels(entity):
            if field in ("id", "domain") or has_cjk(label):
                continue
            for hump in HUMPS.findall(label):
                if hump.isdigit():
                    continue
                found = split_word(hump.lower())
                if found is None:
                    missing.setdefault(hump.lower(), label)
                else:
                    counts.update(found)
    return counts, missing


def main(argv: list[str]) -> int:
    counts, missing = registry_words()
    if "--check" not in argv:
        table = vocabulary()
        for word, n in sorted(counts.items()):
            status = "translated" if word in table else "kept" if word in kept() else "other"
            print(f"{word}\t{n}\t{status}")
    for word, label in sorted(missing.items()):
        print(f"not covered: {word!r} (in {label!r})", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
