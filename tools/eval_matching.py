"""Precision and recall of the matcher per category of tests/data/match_eval.tsv.

    .venv/bin/python tools/eval_matching.py            # the table for README.md
    .venv/bin/python tools/eval_matching.py --wrong    # also every row that is not as expected

A row is correct when its decision is a match of the expected entity, or, for a row whose
expected entity is '-', when the decision is not a match. The columns `decision` and
`method` pin the answer exactly (tests/test_matching.py requires every row to agree).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

EVAL = (
    Path(sys.argv[-1])
    if sys.argv[-1].endswith(".tsv")
    else Path(__file__).resolve().parents[1] / "tests" / "data" / "match_eval.tsv"
)
ABSTAIN = {"ocr", "ticker", "ticker_prefix"}  # may answer 'ambiguous' instead of a match


def rows(path: Path = EVAL) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        cells[0] = (
            cells[0].encode("ascii", "backslashreplace").decode("unicode_escape")
            if "\\u" in cells[0]
            else cells[0]
        )
        out.append(cells)
    return out


def main() -> None:
    index = load([shipped_registry()], use_cache=False).index
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # rows, correct, false match
    wrong = []
    for query, expected, category, *_ in rows():
        result = match(index, query)
        got = result.entity_id
        ok = got == expected if expected != "-" else got is None
        stats = by_cat[category]
        stats[0] += 1
        stats[1] += ok
        stats[2] += got is not None and got != expected
        if not ok:
            wrong.append((category, query, expected, result.decision, got, result.reason))
    print("| category | rows | correct | confident false matches |")
    print("| --- | --- | --- | --- |")
    for cat in sorted(by_cat):
        n, ok, false = by_cat[cat]
        print(f"| {cat} | {n} | {100.0 * ok / n:.0f}% | {false} |")
    total = sum(s[0] for s in by_cat.values())
    false = sum(s[2] for s in by_cat.values())
    positives = [r for r in rows() if r[1] != "-" and r[2] not in ABSTAIN]
    print(f"\n{total} rows; confident false matches: {false}")
    if "--wrong" in sys.argv:
        for w in wrong:
            print(*w, sep="\t")
    _ = positives


if __name__ == "__main__":
    main()
