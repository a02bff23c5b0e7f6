"""Excel workbooks (--format xlsx, the optional ``xlsx`` extra): a sheet of results, one row per
measure as in CSV, and a sheet of provenance. Every text is written with ``write_string``, so
nothing read from a registry or an input file is ever taken as a formula; dates stay ISO text.

Each method returns the whole workbook as bytes (the CLI writes it to the -o file atomically);
a screen's workbook, which needs every row, is spooled to temporary files (XlsxWriter's
constant-memory mode, then the zip in a temporary file) and yielded in chunks, never held in
memory.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from exitcheck.render import Doc
from exitcheck.render.flat import (
    CANDIDATE_COLUMNS,
    MEASURE_COLUMNS,
    candidate_rows,
    listing_rows,
    screen_columns,
    screen_row,
    status_rows,
)
from exitcheck.render.i18n import ENGLISH, Words

EXTRA = "pip install 'exitcheck[xlsx]'"
MAX_WIDTH = 60  # columns wider than this wrap instead


def available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("xlsxwriter") is not None
    except ValueError:  # present in sys.modules as None: not importable
        return False


def _value(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value


def workbook(columns: list[str], rows: Iterable[dict[str, Any]], provenance: Doc | None) -> bytes:
    return b"".join(spooled(columns, rows, provenance))


def spooled(
    columns: list[str], rows: Iterable[dict[str, Any]], provenance: Doc | None
) -> Iterator[bytes]:
    """The workbook in chunks, built in temporary files (memory stays flat)."""
    import tempfile

    import xlsxwriter

    with tempfile.TemporaryFile() as buffer:
        _write(
            xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_formulas": False}),
            columns,
            rows,
            provenance,
        )
        buffer.seek(0)
        while chunk := buffer.read(1 << 16):
            yield chunk


def _write(
    book: Any, columns: list[str], rows: Iterable[dict[str, Any]], provenance: Doc | None
) -> None:
    book.set_properties({"created": _created(provenance)})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("results")
    widths = [len(c) for c in columns]
    for col, name in enumerate(columns):
        sheet.write_string(0, col, name, bold)
    count = 0
    for count, row in enumerate(rows, 1):
        for col, name in enumerate(columns):
            value = _value(row.get(name))
            if value is None:
                continue
            if isinstance(value, bool):
                sheet.write_boolean(count, col, value)
            elif isinstance(value, int | float):
                sheet.write_number(count, col, value)
            else:
                text = str(value)
                sheet.write_string(count, col, text)
                widths[col] = max(widths[col], len(text))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, min(width, MAX_WIDTH) + 2)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, count, len(columns) - 1)
    _provenance(book.add_worksheet("provenance"), provenance, bold)
    book.close()


def _created(provenance: Doc | None) -> Any:
    """The workbook's creation time: the moment the run read as now (UTC), so that the same
    answer gives the same bytes (xlsxwriter would write the wall clock)."""
    from datetime import datetime, timezone

    now = (provenance or {}).get("now")
    try:
        moment = datetime.fromisoformat(str(now))
    except ValueError:
        return datetime(2000, 1, 1)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def _provenance(sheet: Any, provenance: Doc | None, bold: Any) -> None:
    rows: list[tuple[str, Any]] = []
    if provenance is not None:
        rows.append(("exitcheck_version", provenance["exitcheck_version"]))
        rows.append(("as_of", provenance.get("as_of")))
        for i, f in enumerate(provenance["registries"], 1):
            for key in ("name", "version", "last_reviewed", "sha256", "path"):
                rows.append((f"registry {i} {key}", f.get(key)))
    sheet.write_string(0, 0, "field", bold)
    sheet.write_string(0, 1, "value", bold)
    for r, (key, value) in enumerate(rows, 1):
        sheet.write_string(r, 0, key)
        if value is not None:
            sheet.write_string(r, 1, str(value))
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 1, 70)


class Renderer:
    def __init__(
        self, width: int | None = None, words: Words = ENGLISH, provenance: Doc | None = None
    ) -> None:
        self.width = width
        self.w = words
        self.provenance = provenance

    def status(self, record: Doc) -> bytes:
        record = self.w.status_record(record)
        return workbook(MEASURE_COLUMNS, status_rows(record), record["provenance"])

    def search(self, record: Doc) -> bytes:
        return workbook(CANDIDATE_COLUMNS, candidate_rows(record), record["provenance"])

    no_match = search

    def listing(self, records: Iterable[Doc]) -> Iterator[bytes]:
        provenance, kept = self.provenance, []
        for r in records:
            provenance = provenance or r["provenance"]
            kept.append(r)
        yield workbook(MEASURE_COLUMNS, listing_rows(kept), provenance)

    def screen(self, records: Iterable[Doc]) -> Iterator[bytes]:
        """As CSV: the input row's columns (when the input was CSV), then the result columns.
        The rows go to temporary files as they come (a workbook is complete only at the end)."""
        records = iter(records)
        first = next(records, None)
        provenance = self.provenance or (first["provenance"] if first else None)
        inputs = list((first or {}).get("columns") or {})
        ours = [f"exitcheck_{c}" if c in inputs else c for c in screen_columns(first)]

        def rows() -> Iterator[dict[str, Any]]:
            for r in itertools.chain([first] if first else [], records):
                flat = screen_row(r, self.w).items()
                row = {f"exitcheck_{c}" if c in inputs else c: v for c, v in flat}
                yield {**(r.get("columns") or {}), **row}

        yield from spooled([*inputs, *ours], rows(), provenance)

    def rows(self, columns: list[str], records: Iterable[Doc]) -> Iterator[bytes]:
        yield workbook(columns, records, self.provenance)
