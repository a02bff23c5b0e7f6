"""CSV: a header row, then one row per measure (entity columns repeated); UTF-8, ISO dates.

Cells are data: control characters are escaped as in every other format, and text that a
spreadsheet would evaluate as a formula is prefixed with a single quote."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from exitcheck.render import Doc
from exitcheck.render.flat import (
    CANDIDATE_COLUMNS,
    MEASURE_COLUMNS,
    candidate_rows,
    cell,
    listing_rows,
    screen_columns,
    screen_row,
    status_rows,
)
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import spreadsheet_text


def _cell(value: Any) -> str:
    """Numbers and booleans as they are; text escaped and neutralised (see safe.spreadsheet_text)."""
    if isinstance(value, str):
        return spreadsheet_text(value)
    return cell(value)


def _quoted(text: str) -> str:
    """RFC 4180 quoting, also for a semicolon: a spreadsheet that splits on semicolons (the
    list separator of many locales) must not see a new cell, perhaps a formula, inside one."""
    if any(ch in text for ch in ',";\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _line(values: Iterable[Any]) -> str:
    return ",".join(_quoted(_cell(v)) for v in values) + "\n"


def _table(columns: list[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield _line(columns)
    for row in rows:
        yield _line(row[c] for c in columns)


class Renderer:
    def __init__(
        self, width: int | None = None, words: Words = ENGLISH, order: str = "date"
    ) -> None:
        self.width = width
        self.w = words
        self.order = order  # of a listing's rows (render.order)

    def status(self, record: Doc) -> str:
        record = self.w.status_record(record)
        return "".join(_table(MEASURE_COLUMNS, status_rows(record)))

    def search(self, record: Doc) -> str:
        return "".join(_table(CANDIDATE_COLUMNS, candidate_rows(record)))

    no_match = search  # the candidates of a no-match answer, as for search

    def listing(self, records: Iterable[Doc]) -> Iterator[str]:
        return _table(MEASURE_COLUMNS, listing_rows(records, self.order))

    def screen(self, records: Iterable[Doc]) -> Iterator[str]:
        """CSV in, CSV out: each row is the input row, then the result columns (a result
        column whose name the input already uses is prefixed 'exitcheck_')."""
        it = iter(records)
        first = next(it, None)
        results = screen_columns(first)
        if first is None or "columns" not in first:
            rest = () if first is None else itertools.chain([first], it)
            yield from _table(results, (screen_row(r, self.w) for r in rest))
            return
        inputs = list(first["columns"])
        ours = [f"exitcheck_{c}" if c in inputs else c for c in results]
        yield _line([*inputs, *ours])
        for r in itertools.chain([first], it):
            flat = screen_row(r, self.w)
            yield _line([*(r["columns"].get(c, "") for c in inputs), *(flat[c] for c in results)])

    def rows(self, columns: list[str], records: Iterable[Doc]) -> Iterator[str]:
        return _table(columns, ({c: _flat(r.get(c)) for c in columns} for r in records))


def _flat(value: Any) -> Any:
    return "; ".join(map(str, value)) if isinstance(value, list) else value
