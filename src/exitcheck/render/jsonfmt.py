"""JSON: one document per answer; ``listing`` is one array (streamed element by element).

The indented text is written here (``indented``), as ``json.dumps(value, ensure_ascii=False,
indent=2)`` writes it and then ``safe.json_safe`` escapes it, without importing ``json``:
importing it (five modules, the decoder too) costs about 2 ms, more than a status answer takes
to write, and its indented output is written by pure Python anyway. ``indented`` writes dicts
with string keys, lists, tuples, strings, ints, finite floats, booleans and None (what every
record is made of); anything else (another type or subclass, a NaN, a key that is not a
string) is handed to ``json`` itself, so the text is always the same. Strings are escaped as
``json`` escapes them (quote, backslash, control characters), then invisible and bidirectional
characters as ``json_safe`` does: those occur only inside strings. One-line JSON (NDJSON)
is written by ``json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from exitcheck.render import Record
from exitcheck.render.i18n import ENGLISH, Words

_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x20)}
_ESCAPES.update(
    {ord('"'): '\\"', ord("\\"): "\\\\", 10: "\\n", 13: "\\r", 9: "\\t", 8: "\\b", 12: "\\f"}
)
_INFINITY = float("inf")


class _Unsupported(Exception):
    """A value this writer does not write exactly as ``json`` does."""


def indented(value: object) -> str:
    """The text of ``json_safe(json.dumps(value, ensure_ascii=False, indent=2))``."""
    out: list[str] = []
    try:
        _write(value, out, "\n")
    except _Unsupported:
        import json

        from exitcheck.render.safe import json_safe

        return json_safe(json.dumps(value, ensure_ascii=False, indent=2))
    return "".join(out)


def _string(text: str) -> str:
    if '"' not in text and "\\" not in text and text.isprintable():
        return (
            '"' + text + '"'
        )  # nothing to escape: control and invisible characters are not printable
    from exitcheck.render.safe import json_safe

    return '"' + json_safe(text.translate(_ESCAPES)) + '"'


def _write(value: object, out: list[str], pad: str) -> None:
    if type(value) is str:
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif type(value) is int:
        out.append(int.__repr__(value))
    elif type(value) is float and value == value and abs(value) != _INFINITY:
        out.append(float.__repr__(value))
    elif type(value) is dict:
        _object(value, out, pad)
    elif type(value) is list or type(value) is tuple:
        _array(value, out, pad)
    else:
        raise _Unsupported


def _object(value: dict[object, object], out: list[str], pad: str) -> None:
    if not value:
        out.append("{}")
        return
    inner = pad + "  "
    before = "{" + inner
    for key, item in value.items():
        if type(key) is not str:
            raise _Unsupported
        out.append(before + _string(key) + ": ")
        _write(item, out, inner)
        before = "," + inner
    out.append(pad + "}")


def _array(value: list[object] | tuple[object, ...], out: list[str], pad: str) -> None:
    if not value:
        out.append("[]")
        return
    inner = pad + "  "
    before = "[" + inner
    for item in value:
        out.append(before)
        _write(item, out, inner)
        before = "," + inner
    out.append(pad + "]")


def dumps(record: object, *, indent: int | None = 2) -> str:
    """JSON text with invisible and bidirectional characters escaped (``safe.json_safe``);
    indented by two (``indented``, without importing ``json``) or on one line."""
    if indent == 2:
        return indented(record)
    import json

    from exitcheck.render.safe import json_safe

    return json_safe(json.dumps(record, ensure_ascii=False, indent=indent))


class Renderer:
    def __init__(self, width: int | None = None, words: Words = ENGLISH) -> None:
        self.width = width
        self.w = words

    def status(self, record: Record) -> str:
        return dumps(self.w.status_record(record)) + "\n"

    def no_match(self, record: Record) -> str:
        return dumps(record) + "\n"

    search = no_match

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

    def rows(self, columns: list[str], records: Iterable[Record]) -> Iterator[str]:
        return self.listing(records)
