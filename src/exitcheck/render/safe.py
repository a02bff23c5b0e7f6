"""Data is printed as data: control characters are shown escaped, never sent to the terminal."""

from __future__ import annotations

import functools
import re
import unicodedata

_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _escape(ch: str) -> str:
    code = ord(ch)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def printable(value: object) -> str:
    """Text safe for a terminal: newlines and tabs become spaces, other controls are escaped."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    if text.isprintable():
        return text
    return "".join(
        _escape(ch) if unicodedata.category(ch) in _UNSAFE_CATEGORIES else ch for ch in text
    )


# Characters JSON may carry raw but a terminal would act on: escape them in JSON text too.
_JSON_UNSAFE_RANGES = (
    (0x7F, 0x9F),
    (0xAD, 0xAD),
    (0x61C, 0x61C),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0xD800, 0xDFFF),  # lone surrogates: undecodable bytes of an argument (surrogateescape)
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
)


@functools.cache
def _json_unsafe() -> re.Pattern[str]:
    return re.compile(
        "[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in _JSON_UNSAFE_RANGES) + "]"
    )


def json_safe(text: str) -> str:
    """Escape invisible and bidirectional characters in serialised JSON (valid: only in strings).
    Lone surrogates become \\u escapes, so the text always encodes as UTF-8."""
    if text.isascii() and "\x7f" not in text:
        return text
    return _json_unsafe().sub(lambda m: f"\\u{ord(m[0]):04x}", text)


# Cells a spreadsheet would evaluate (OWASP, "CSV Injection"): text starting with one of these.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_text(value: str) -> str:
    """Text for a CSV cell: controls escaped as everywhere else, and a cell that a spreadsheet
    would read as a formula prefixed with a single quote (shown as text, not evaluated)."""
    text = printable(value)
    if value.startswith(FORMULA_TRIGGERS) or text.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


_MARKDOWN_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>&|~"})


def markdown_text(value: str) -> str:
    """Text for a Markdown table cell: controls escaped, and every character CommonMark could
    turn into markup (raw HTML, entities, links, emphasis, code, pipes) backslash-escaped."""
    return printable(value).translate(_MARKDOWN_SPECIAL)
