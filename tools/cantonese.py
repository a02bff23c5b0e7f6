#!/usr/bin/env python3
"""Write data/cantonese.txt: Cantonese readings of the Chinese characters of registry names.

Each line is a simplified character, a tab, then its common Hong Kong romanisations without
tones (the Hong Kong government's spellings, Yale and Jyutping), space-separated. The readings
come from the ``cantonese-romanisation`` package (its character tables, keyed by traditional
characters: a simplified character is read as each traditional form it folds from).

    pip install 'cantonese-romanisation==1.0.5' && python tools/cantonese.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
OUT = REPO / "data" / "cantonese.txt"

HEADER = """\
# Cantonese readings of the Chinese characters in registry names (written by tools/cantonese.py
# from the cantonese-romanisation package's tables): a character, a tab, its romanisations
# without tones (Hong Kong government spellings, Yale, Jyutping). Read by matching/nearby.py to
# review a name written as a Hong Kong reading ('Fo Bai' for 火币).
"""


def registry_characters() -> list[str]:
    from exitcheck.matching.names import is_cjk, to_simplified
    from exitcheck.store.loading import load, shipped_registry

    registry = load([shipped_registry()], use_cache=False)
    chars: set[str] = set()
    for e in registry.entities:
        for name in [e.name_zh or "", *e.aliases, *(n.name for n in e.later_names)]:
            chars |= {to_simplified(ch) for ch in name if is_cjk(ch)}
    return sorted(chars)


def main() -> int:
    import cantoroman  # type: ignore[import-not-found]

    from exitcheck.matching.names import _simplified_table

    data = Path(cantoroman.__file__).parent / "data"
    tables = [
        json.loads((data / f).read_text("utf-8"))
        for f in ("charToRoman.json", "charToYale.json", "charToLshk.json")
    ]
    traditional: dict[str, list[str]] = {}
    for t, s in _simplified_table().items():
        traditional.setdefault(chr(s), []).append(chr(t))
    lines = []
    for ch in registry_characters():
        readings: list[str] = []
        for form in [ch, *sorted(traditional.get(ch, []))]:
            for table in tables:
                for reading in table.get(form, []):
                    plain = "".join(c for c in reading if c.isalpha()).lower()
                    if plain and plain not in readings:
                        readings.append(plain)
        if readings:
            lines.append(f"{ch}\t{' '.join(readings)}")
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
