"""NDJSON: one compact JSON object per line (per entity for lists, per row for screening)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from exitcheck.render import Record
from exitcheck.render.jsonfmt import dumps


class Renderer:
    def __init__(self, width: int | None = None) -> None:
        self.width = width

    def status(self, record: Record) -> str:
        return dumps(record, indent=None) + "\n"

    no_match = status
    search = status

    def listing(self, records: Iterable[Record]) -> Iterator[str]:
        for record in records:
            yield dumps(record, indent=None) + "\n"

    screen = listing
