"""NDJSON: one compact JSON object per line (per entity for lists, per row for screening)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from exitcheck.i18n import ENGLISH, Words
from exitcheck.render import Record
from exitcheck.render.jsonfmt import dumps


class Renderer:
    def __init__(self, width: int | None = None, words: Words = ENGLISH) -> None:
        self.width = width
        self.w = words

    def status(self, record: Record) -> str:
        return dumps(record, indent=None) + "\n"

    no_match = status
    search = status

    def listing(self, records: Iterable[Record]) -> Iterator[str]:
        for record in records:
            yield dumps(record, indent=None) + "\n"

    screen = listing

    def rows(self, columns: list[str], records: Iterable[Record]) -> Iterator[str]:
        return self.listing(records)
