"""JSON: one document per answer; ``listing`` is one array (streamed element by element).

Text is written by ``json`` (imported for a JSON answer only), then invisible and
bidirectional characters inside strings are escaped (``safe.json_safe``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from exitcheck.render import Doc
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import json_safe


def dumps(record: object, *, indent: int | None = 2) -> str:
    """JSON text with invisible and bidirectional characters escaped (``safe.json_safe``),
    indented by two or on one line."""
    import json

    return json_safe(json.dumps(record, ensure_ascii=False, indent=indent))


class Renderer:
    def __init__(self, width: int | None = None, words: Words = ENGLISH) -> None:
        self.width = width
        self.w = words

    def status(self, record: Doc) -> str:
        return dumps(self.w.status_record(record)) + "\n"

    def no_match(self, record: Doc) -> str:
        return dumps(record) + "\n"

    search = no_match

    def listing(self, records: Iterable[Doc]) -> Iterator[str]:
        first = True
        for record in records:
            body = "\n".join("  " + line for line in dumps(record).splitlines())
            yield ("[\n" if first else ",\n") + body
            first = False
        yield "[]\n" if first else "\n]\n"

    def screen(self, records: Iterable[Doc]) -> Iterator[str]:
        for record in records:  # a stream of rows is NDJSON
            yield dumps(record, indent=None) + "\n"

    def rows(self, columns: list[str], records: Iterable[Doc]) -> Iterator[str]:
        return self.listing(records)
