"""The evaluation sets' rows, read one way for every test: a TSV set (the tuned
``match_eval.tsv``, a blind round) or a list of names (``company_mix.txt``, ``others*.txt``).

A line is a comment when it starts with '#' and has no tab (or is the tuned set's '# query'
header): a row may start with '#' itself (a hashtag, a Markdown heading), and such a row is
read, not skipped. A '\\u' escape in a query stands for that character."""

from __future__ import annotations

from pathlib import Path


def unescape(query: str) -> str:
    if "\\u" not in query:
        return query
    return query.encode("ascii", "backslashreplace").decode("unicode_escape")


def is_comment(line: str) -> bool:
    return not line.strip() or (
        line.startswith("#") and ("\t" not in line or line.startswith("# query\t"))
    )


def rows(path: Path) -> list[list[str]]:
    """The cells of every row of a TSV set, the query unescaped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if is_comment(line):
            continue
        cells = line.split("\t")
        out.append([unescape(cells[0]), *cells[1:]])
    return out


def queries(path: Path, *, one_line: bool = False) -> list[str]:
    """The first cell of every row (a TSV set) or every line (a list of names); with
    ``one_line``, without the queries that hold a line break (screen reads one name a line)."""
    out = [cells[0] for cells in rows(path)]
    if one_line:
        out = [q for q in out if "\n" not in q and "\r" not in q]
    return out
