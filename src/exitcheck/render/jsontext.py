"""Indented JSON text of plain data, as ``json.dumps(value, ensure_ascii=False, indent=2)``
writes it and then ``safe.json_safe`` escapes it, without importing ``json``.

Importing ``json`` (five modules: the decoder too) costs about 2 ms, more than a status answer
takes to write; its indented output is written by pure Python anyway. ``indented`` writes the
same text from dicts with string keys, lists, tuples, strings, ints, finite floats, booleans
and None (what every record is made of); anything else (another type or subclass, a NaN, a
key that is not a string) is handed to ``json`` itself, so the text is always the same.
Strings are escaped as ``json`` escapes them (quote, backslash, control characters), then
invisible and bidirectional characters as ``json_safe`` does: those occur only inside strings.
"""

from __future__ import annotations

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
