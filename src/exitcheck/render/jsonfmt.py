"""JSON: one document per answer; ``listing`` is one array (streamed element by element)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from exitcheck.render import Record
from exitcheck.render.safe import json_safe


def dumps(record: object, *, indent: int | None = 2) -> str:
    return json_safe(json.dumps(record, ensure_ascii=False, indent=indent))


class Renderer:
    def __init__(self, width: int | None = None) -> None:
        self.width = width

    def status(self, record: Record) -> str:
        return dumps(record) + "\n"

    no_match = status
    search = status

    def listing(self, records: Iterable[Record]) -> Iterator[str]:
        first = True
        for record in records:
            body = "\n".join("  " + line for line in dumps(record).splitlines())
            yield ("[\n" if first else ",\n") + body
            first = False
        yield "[]\n" if first else "\n]\n"

    def screen(self, records: Iterable[Record]) -> Iterator[str]:
        for record in records:  # a stream of rows is NDJSON
            yield dumps(record, indent=None) + "\n"
