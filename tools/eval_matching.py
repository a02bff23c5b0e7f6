"""How the matcher decides, per category, on an evaluation set; and how it treats other companies.

    .venv/bin/python tools/eval_matching.py                 # tests/data/match_eval.tsv
    .venv/bin/python tools/eval_matching.py FILE.tsv        # any set, either format below
    .venv/bin/python tools/eval_matching.py --wrong [FILE]  # also every row not as expected
    .venv/bin/python tools/eval_matching.py --mix FILE      # a list of other companies' names

Two formats of TSV are read, told apart per row by the fourth column:

- the tuned set: ``query, expected, category, decision, method`` (decision match/ambiguous/
  none, pinned exactly by tests/test_matching.py);
- a held-out set: ``query, expected, category, expect`` with expect one of match, review, none.

``expected`` is an entity id, or '-' for a name that must not be matched. A '\\u' escape in a
query stands for that character. For each category the table gives the three figures of
issue 24: confident false matches (a match to anything but the expected entity), matched
outright (a match to the expected entity: over all positives, and over the rows labelled
``match``, where a careful analyst would match without looking: the issue's goal), surfaced for review (matched, or the expected
entity first among the candidates of an ambiguous answer); and the silent ``none`` answers on
positives (rows whose expected entity is not '-').

``--mix FILE`` reads one name per line (blank lines and '#' comments skipped), all names of
companies that are not in the registry, and reports the rates of confident matches and of
answers sent to review (the goal: no confident match, at most 1% to review).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from exitcheck.matching import match
from exitcheck.matching.results import DECISION_AMBIGUOUS, DECISION_MATCH, DECISION_NONE
from exitcheck.store.loading import load, shipped_registry

TUNED = Path(__file__).resolve().parents[1] / "tests" / "data" / "match_eval.tsv"
EXPECT = {"match": "match", "ambiguous": "review", "review": "review", "none": "none"}


def unescape(query: str) -> str:
    if "\\u" not in query:
        return query
    return query.encode("ascii", "backslashreplace").decode("unicode_escape")


def is_comment(line: str) -> bool:
    """A line that starts with '#' and has no tab (or the tuned set's '# query' header); a row
    may start with '#' itself (a hashtag, a Markdown heading). As tests/evalsets.py reads."""
    return not line.strip() or (
        line.startswith("#") and ("\t" not in line or line.startswith("# query\t"))
    )


def rows(path: Path = TUNED) -> list[list[str]]:
    """The rows of a TSV set, queries unescaped; comments and blank lines skipped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if is_comment(line):
            continue
        cells = line.split("\t")
        if cells[:3] == ["query", "expected", "category"]:  # a header row
            continue
        cells[0] = unescape(cells[0])
        out.append(cells)
    return out


class Figures:
    """The figures of one category."""

    def __init__(self) -> None:
        self.rows = 0
        self.positives = 0
        self.false = 0  # confident matches to anything but the expected entity
        self.matched = 0  # matches to the expected entity
        self.match_rows = 0  # rows a careful analyst would match without looking
        self.match_hits = 0  # of those, matched outright to the expected entity
        self.surfaced = 0  # matched, or the expected entity first for review
        self.silent = 0  # positives answered none
        self.as_expected = 0  # the answer is the row's expect (match/review/none)

    def add(self, expected: str, expect: str, decision: str, got: str | None, first: str) -> None:
        self.rows += 1
        positive = expected != "-"
        self.positives += positive
        self.false += got is not None and got != expected
        self.matched += positive and got == expected
        self.match_rows += expect == "match" and positive
        self.match_hits += expect == "match" and positive and got == expected
        self.surfaced += positive and (
            got == expected or (decision == DECISION_AMBIGUOUS and first == expected)
        )
        self.silent += positive and decision == DECISION_NONE
        self.as_expected += as_expected(expected, expect, decision, got, first)


def as_expected(expected: str, expect: str, decision: str, got: str | None, first: str) -> bool:
    """match: the expected entity matched; review: sent to review (a positive with its entity
    first) or matched to it; none: answered none."""
    if expect == "match":
        return got == expected
    if expect == "review":
        if expected == "-":
            return decision == DECISION_AMBIGUOUS
        return got == expected or (decision == DECISION_AMBIGUOUS and first == expected)
    return decision == DECISION_NONE


def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.0f}%" if whole else "-"


def evaluate(path: Path, show_wrong: bool) -> None:
    index = load([shipped_registry()], use_cache=False).index
    by_cat: dict[str, Figures] = defaultdict(Figures)
    wrong = []
    for query, expected, category, expect, *_ in rows(path):
        expect = EXPECT.get(expect, expect)
        result = match(index, query)
        got = result.entity_id
        first = result.candidates[0].entity_id if result.candidates else ""
        figures = by_cat[category]
        before = figures.as_expected
        figures.add(expected, expect, result.decision, got, first)
        if figures.as_expected == before:
            wrong.append((category, query, expected, expect, result.decision, got or first))
    print(
        "| category | rows | positives | confident false matches | matched outright "
        "| of rows labelled match | surfaced for review | silent none on positives | as expected |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    total = Figures()
    for cat in sorted(by_cat):
        f = by_cat[cat]
        print(
            f"| {cat} | {f.rows} | {f.positives} | {f.false} | {_pct(f.matched, f.positives)} "
            f"| {_pct(f.match_hits, f.match_rows)} | {_pct(f.surfaced, f.positives)} | {f.silent} | {_pct(f.as_expected, f.rows)} |"
        )
        for name in vars(total):
            setattr(total, name, getattr(total, name) + getattr(f, name))
    print(
        f"| **all** | {total.rows} | {total.positives} | {total.false} "
        f"| {_pct(total.matched, total.positives)} | {_pct(total.match_hits, total.match_rows)} "
        f"| {_pct(total.surfaced, total.positives)} "
        f"| {total.silent} | {_pct(total.as_expected, total.rows)} |"
    )
    print(f"\n{total.rows} rows; confident false matches: {total.false}")
    if show_wrong:
        print("\ncategory\tquery\texpected\texpect\tdecision\tentity")
        for w in wrong:
            print(*w, sep="\t")


def mix(path: Path, show_wrong: bool) -> None:
    """Rates of confident matches and of review answers on names of other companies."""
    index = load([shipped_registry()], use_cache=False).index
    names = [
        unescape(line.strip())
        for line in path.read_text(encoding="utf-8").splitlines()
        if not is_comment(line)
    ]
    matched, review = [], []
    for name in names:
        result = match(index, name)
        if result.decision == DECISION_MATCH:
            matched.append((name, result.entity_id, result.method))
        elif result.decision == DECISION_AMBIGUOUS:
            first = result.candidates[0].entity_id if result.candidates else ""
            review.append((name, first, result.reason))
    n = len(names)
    print(f"{n} names of other companies ({path})")
    print(f"confident matches: {len(matched)} ({100.0 * len(matched) / n:.2f}%)")
    print(f"sent to review:    {len(review)} ({100.0 * len(review) / n:.2f}%)")
    if show_wrong:
        for row in matched:
            print("match", *row, sep="\t")
        for row in review:
            print("review", *row, sep="\t")


def main(argv: list[str]) -> None:
    show_wrong = "--wrong" in argv
    files = [Path(a) for a in argv if not a.startswith("--")]
    if "--mix" in argv:
        if not files:
            sys.exit("--mix needs a file of names, one per line")
        mix(files[0], show_wrong)
        return
    evaluate(files[0] if files else TUNED, show_wrong)


if __name__ == "__main__":
    main(sys.argv[1:])
