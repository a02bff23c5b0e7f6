"""One registry file read and parsed: its bytes (within the size limit), its TOML data, and
the line of every table and key, which the TOML parser does not give.

Every problem is a ``Finding`` with the file and, where the text shows it, the line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exitcheck.errors import Finding
from exitcheck.registry.safe_read import (
    MAX_KEY_PARTS,
    ReadProblem,
    long_dotted_key,
    read_limited,
    strip_bom,
)

MAX_REGISTRY_BYTES = 128 * 1024 * 1024  # larger files are refused before parsing
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


# --------------------------------------------------------------------------------------------
# Reading one file


@dataclass
class RawFile:
    path: str
    data: dict[str, Any]
    sha256: str
    lines: LineMap


def read_bytes(path: Path) -> tuple[bytes | None, Finding | None]:
    """The file's bytes, read once and within the size limit (see rawread)."""

    try:
        return read_limited(path, MAX_REGISTRY_BYTES), None
    except ReadProblem as exc:
        return None, Finding(str(path), str(exc))


def parse_text(name: str, raw: bytes) -> tuple[RawFile | None, Finding | None]:

    digest = hashlib.sha256(raw).hexdigest()  # of the file as it is, BOM included
    raw = strip_bom(raw)
    if not raw.strip():
        return None, Finding(name, "file is empty")
    if b"\x00" in raw:
        return None, Finding(name, "binary data (NUL byte), not a TOML file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Finding(name, "not UTF-8 text", line=line)
    from exitcheck.tomlcompat import TOMLDecodeError, loads

    too_long = long_dotted_key(text)
    if too_long is not None:
        return None, Finding(
            name,
            f"invalid TOML: a dotted key or table header of more than {MAX_KEY_PARTS} parts",
            too_long,
        )
    try:
        data = loads(text)
    except TOMLDecodeError as exc:
        msg = str(exc)
        pos = _TOML_POSITION.search(msg)
        clean = _TOML_POSITION.sub("", msg).strip()
        if pos:
            return None, Finding(name, f"invalid TOML: {clean}", int(pos[1]), int(pos[2]))
        if "(at end of document)" in msg:
            last = text.rstrip("\n").count("\n") + 1
            return None, Finding(
                name,
                f"invalid TOML: {msg.replace('(at end of document)', '').strip()} at the end of the file",
                last,
            )
        return None, Finding(name, f"invalid TOML: {clean}")
    except RecursionError:
        return None, Finding(name, "invalid TOML: nested too deeply")
    return RawFile(name, data, digest, LineMap.scan(text)), None


# --------------------------------------------------------------------------------------------
# Line numbers: the TOML parser gives none for values, so find them in the text.

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\s]+?)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\s]+?)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@dataclass
class Span:
    start: int  # 1-based line of the table header (or 1 for the top level)
    keys: dict[str, int] = field(default_factory=dict)


@dataclass
class LineMap:
    """Header and key lines for the array-of-tables layout this project writes."""

    tables: dict[str, list[Span]] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> LineMap:
        tables: dict[str, list[Span]] = {}
        current = Span(1)
        tables[""] = [current]
        for number, line in enumerate(text.splitlines(), 1):
            header = _HEADER.match(line) or _TABLE.match(line)
            if header:
                name = re.sub(r"\s+", "", header[1])
                current = Span(number)
                tables.setdefault(name, []).append(current)
                continue
            key = _KEY.match(line)
            if key:
                current.keys.setdefault(key[1], number)
        return cls(tables)

    def span(self, table: str, index: int) -> Span | None:
        spans = self.tables.get(table, [])
        return spans[index] if 0 <= index < len(spans) else None

    def line(self, table: str, index: int, key: str | None = None) -> int | None:
        span = self.span(table, index)
        if span is None:
            return None
        if key is not None and key in span.keys:
            return span.keys[key]
        return span.start
