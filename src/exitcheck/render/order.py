"""The order of a listing's rows in the views people read (table, plain text, CSV, Markdown).

A listing is entity records, each with its measures; a view prints one row per measure (or one
for an entity without measures). ``date`` sorts the rows by the DATE column: the announced
date, a year before its months and a month before its days, ties by entity id, undated
measures and entities without a measure last. ``entity`` keeps the records' own order (entities
by their earliest listed measure, each entity's measures together). JSON and NDJSON print the
records in that order too: they keep the shape a script reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from exitcheck.render import Doc

ORDERS = ("date", "entity")
Row = tuple[Doc, Doc | None]  # an entity record and one of its measures (None: it has none)

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_key(announced: str | None) -> tuple[int, int, int, int, str]:
    """'2021' < '2021-09' < '2021-09-01' < '2021-09-01T10:00+08:00' < undated."""
    found = _DATE.match(announced or "")
    if found is None:
        return (1, 0, 0, 0, "")
    year, month, day = (int(x) if x else 0 for x in found.groups())
    return (0, year, month, day, (announced or "")[found.end() :])


def rows(records: Iterable[Doc], order: str = "date") -> list[Row]:
    """The rows of a listing in ``order`` (one of ORDERS)."""
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r} (known: {', '.join(ORDERS)})")
    listed: list[Row] = [(r, m) for r in records for m in r["measures"] or [None]]
    if order == "entity":
        return listed
    return sorted(
        listed,
        key=lambda row: (
            row[1] is None,
            date_key(row[1]["announced"] if row[1] else None),
            row[0]["id"],
        ),
    )
