"""NDJSON: one compact JSON object per line (per entity for lists, per row for screening)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import cast

from exitcheck.render import Doc
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.jsonfmt import dumps
from exitcheck.render.safe import json_safe


class Renderer:
    def __init__(self, width: int | None = None, words: Words = ENGLISH) -> None:
        self.width = width
        self.w = words

    def status(self, record: Doc) -> str:
        return dumps(self.w.status_record(record), indent=None) + "\n"

    def no_match(self, record: Doc) -> str:
        return dumps(record, indent=None) + "\n"

    search = no_match

    def listing(self, records: Iterable[Doc]) -> Iterator[str]:
        for record in records:
            yield dumps(record, indent=None) + "\n"

    def screen(self, records: Iterable[Doc]) -> Iterator[str | bytes]:
        """One line per row. The provenance, the same object for every row of a run, is
        serialised once and spliced in (it is most of each line); so is the list of an
        entity's measures, the same object for every row matched to it. A batch of rows
        whose lines a worker wrote (``answers.screen.Written``) is given on as it is: the
        lines' UTF-8 bytes."""
        import json  # bound once for the run: a screen writes a line per input row

        # what dumps(value, indent=None) gives: json.dumps with these settings makes this
        # encoder anew for every call
        encode = json.JSONEncoder(ensure_ascii=False).encode

        def line(value: object) -> str:
            return json_safe(encode(value))

        shared: object = None
        text = ""
        measured: dict[int, tuple[object, str]] = {}  # id -> (the list, its text)

        def write(record: Doc) -> str:
            nonlocal shared, text
            provenance = record.get("provenance")
            last = reversed(record)
            if provenance is None or next(last) != "provenance" or next(last, "") != "measures":
                return line(record) + "\n"
            if provenance is not shared:
                shared, text = provenance, line(provenance)
            measures = record["measures"]
            known = measured.get(id(measures))
            if known is None or known[0] is not measures:
                if len(measured) >= 1024:
                    measured.clear()
                known = measured[id(measures)] = (measures, line(measures))
            rest = dict(record)  # the record but its last two, copied in C
            del rest["measures"], rest["provenance"]
            head = line(rest)
            return f'{head[:-1]}, "measures": {known[1]}, "provenance": {text}}}\n'

        # a row made from its kind's record (answers.screen.Blank): the kind's line, written
        # once with markers for the row's three fields, and those filled in
        kinds: dict[int, tuple[object, object, list[str] | None]] = {}
        for record in records:
            written = getattr(record, "line", None)  # by a worker (answers.screen.Written)
            if written is not None:
                yield written
                continue
            blank = getattr(record, "blank", None)
            if blank is None or len(record) != len(blank):  # a field added since: in full
                yield write(record)
                continue
            provenance = record.get("provenance")
            kind = kinds.get(id(blank))
            if kind is None or kind[0] is not blank or kind[1] is not provenance:
                if len(kinds) >= 1024:
                    kinds.clear()
                marked = {**record, **_MARKERS}
                kind = kinds[id(blank)] = (blank, provenance, _split(write(marked), line))
            if kind[2] is None:  # a field without its marker: written as any record
                yield write(record)
                continue
            head, after_row, after_input, tail = kind[2]
            number = record["row"]
            row = str(number) if type(number) is int else line(number)
            name, normalized = line(record["input"]), line(record["normalized"])
            yield f"{head}{row}{after_row}{name}{after_input}{normalized}{tail}"

    def rows(self, columns: list[str], records: Iterable[Doc]) -> Iterator[str]:
        return self.listing(records)


# a row's own fields in its kind's line (answers.screen.Blank): no record holds a NUL
_MARKERS = {"row": "\x00row\x00", "input": "\x00input\x00", "normalized": "\x00normalized\x00"}


def _split(text: str, line: Callable[[object], str]) -> list[str] | None:
    """A kind's line cut where the row's three fields go (around their markers), in order;
    None if one is not found where it should be."""
    pieces = [text]
    for marker in _MARKERS.values():
        before, found, after = pieces.pop().partition(line(marker))
        if not found:
            return None
        pieces += [before, after]
    return pieces


def screen_lines(records: Iterable[Doc]) -> Iterator[str]:
    """The lines of screened rows (``Renderer.screen``): what a ``screen --jobs`` worker
    writes for the main process (given by name: a module-level function pickles)."""
    return cast("Iterator[str]", Renderer().screen(records))  # records only: text only
