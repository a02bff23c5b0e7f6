"""Markdown: pipe tables a report can paste; cells escaped for controls, HTML and markup."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from exitcheck.render import Doc
from exitcheck.render.flat import (
    CANDIDATE_COLUMNS,
    candidate_rows,
    cell,
    listing_rows,
    screen_columns,
    screen_row,
    status_rows,
)
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.origins import difference_line
from exitcheck.render.safe import markdown_text

COLUMNS = [
    "entity_name",
    "entity_name_zh",
    "status",
    "measure_kind",
    "announced",
    "effective",
    "deadline",
    "scope",
    "description",
    "source",
    "paragraph",
]


def _cell(value: Any) -> str:
    return markdown_text(cell(value))


def _table(columns: list[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield "| " + " | ".join(columns) + " |\n"
    yield "|" + "|".join("---" for _ in columns) + "|\n"
    for row in rows:
        yield "| " + " | ".join(_cell(row[c]) for c in columns) + " |\n"


def _footer(provenance: Doc) -> str:
    files = ", ".join(
        f"{f['name']} {f['version']} (sha256 {f['sha256'][:12]})" for f in provenance["registries"]
    )
    known = provenance.get("known_on")
    clock = f"As of {provenance['as_of']}" + (f", as known on {known}" if known else "")
    return f"\n{clock}; registry {_cell(files)}; exitcheck {provenance['exitcheck_version']}.\n"


class Renderer:
    def __init__(
        self, width: int | None = None, words: Words = ENGLISH, order: str = "date"
    ) -> None:
        self.width = width
        self.w = words
        self.order = order  # of a listing's rows (render.order)

    def status(self, record: Doc) -> str:
        record = self.w.status_record(record)
        later = record["match"].get("later_name")
        note = ""
        if later:
            from exitcheck.render.notes import later_name_text

            note = "\n" + _cell(later_name_text(later, self.w)) + "\n"
        line = difference_line(record)
        other = f"\nOther view: {_cell(line)}\n" if line else ""
        rows = "".join(_table(COLUMNS, status_rows(record)))
        return rows + note + other + _footer(record["provenance"])

    def search(self, record: Doc) -> str:
        return "".join(_table(CANDIDATE_COLUMNS, candidate_rows(record)))

    no_match = search

    def listing(self, records: Iterable[Doc]) -> Iterator[str]:
        provenance: Doc | None = None

        def remember(rs: Iterable[Doc]) -> Iterator[Doc]:
            nonlocal provenance
            for r in rs:
                provenance = r["provenance"]
                yield r

        yield from _table(COLUMNS, listing_rows(remember(records), self.order))
        if provenance is not None:
            yield _footer(provenance)

    def screen(self, records: Iterable[Doc]) -> Iterator[str]:
        it = iter(records)
        first = next(it, None)
        rest = () if first is None else itertools.chain([first], it)
        return _table(screen_columns(first), (screen_row(r, self.w) for r in rest))

    def rows(self, columns: list[str], records: Iterable[Doc]) -> Iterator[str]:
        return _table(
            columns,
            (
                {
                    c: "; ".join(map(str, v)) if isinstance(v, list) else v
                    for c, v in ((c, r.get(c)) for c in columns)
                }
                for r in records
            ),
        )
