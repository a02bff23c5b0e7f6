"""Reading a counterparty list for screening: every row read, or a clear refusal (exit 2).

The whole input is read and checked before the first result is written, so a file that is
not what it seems (another encoding, a CSV screened as lines, a stray quote) is refused with
its line number instead of being answered ``none`` row by row. Checked here:

- encoding: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else ``--encoding`` (default
  UTF-8), decoded strictly; undecodable bytes and U+FFFD replacement characters are refused;
- a plain list whose first lines look like CSV (same separator count) is refused, naming the
  columns, unless ``--plain`` says it is a list;
- CSV is parsed strictly; a field running over several lines (a stray quote) is refused;
  cells of any length are read (a long one is answered ``none`` like a long name).
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from exitcheck.errors import UsageError
from exitcheck.records import Record

MAX_INPUT_BYTES = 1 << 30  # 1 GiB: a larger list is refused before reading
ENCODINGS = "utf-8, utf-16, gb18030 (also reads gbk and gb2312), big5, shift_jis, cp1252, latin-1"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SEPARATORS = (",", ";", "\t", "|")


class Row(Record):
    number: int  # 1-based, after a header; blank rows count
    name: str
    cells: tuple[str, ...] | None = None  # the whole CSV row, for output that keeps it


class Table(Record):
    header: tuple[str, ...] | None  # CSV column names; None for a plain list
    size: int  # non-blank rows, all checked
    rows: Callable[[], Iterator[Row]]  # read them again, lazily (memory stays flat)


def read(
    file: str,
    *,
    column: str | None = None,
    skip_header: bool = False,
    encoding: str | None = None,
    plain: bool = False,
) -> Table:
    """Every non-blank row of the input, or UsageError naming what is wrong and where."""
    text = decode(_bytes(file), encoding, file)
    if column is None:
        lines = text.splitlines()
        if not plain:
            _refuse_csv(lines)
        count = sum(1 for _ in _lines(lines, skip_header))
        return Table(None, count, lambda: _lines(lines, skip_header))
    header, at = _csv_header(text, column)
    count = sum(1 for _ in _cells(text, at))
    return Table(header, count, lambda: _cells(text, at))


def _bytes(file: str) -> bytes:
    if file == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(file)
        if path.is_dir():
            raise UsageError(f"{file}: is a directory", code="is_directory", file=file)
        try:
            with path.open("rb") as stream:
                data = stream.read(MAX_INPUT_BYTES + 1)
        except FileNotFoundError:
            raise UsageError(f"{file}: no such file", code="no_such_file", file=file) from None
        except OSError as exc:
            why = exc.strerror or str(exc)
            raise UsageError(
                f"{file}: cannot read: {why}", code="cannot_read", file=file, why=why
            ) from None
    if len(data) > MAX_INPUT_BYTES:
        raise UsageError(f"{file}: larger than {MAX_INPUT_BYTES >> 20} MiB; split the list")
    return data


def decode(data: bytes, encoding: str | None, file: str) -> str:
    """The text of the input: a byte-order mark wins, then ``encoding``, then UTF-8."""
    chosen = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    chosen = chosen or encoding or "utf-8"
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise UsageError(f"unknown encoding {chosen!r}; usual ones: {ENCODINGS}") from None
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = (
            "files saved by Chinese spreadsheets are often gb18030: try --encoding gb18030"
            if encoding is None
            else f"usual encodings: {ENCODINGS}"
        )
        raise UsageError(
            f"{file}: line {line} is not valid {chosen} (byte 0x{data[exc.start]:02x}); {hint}"
        ) from None
    text = text.removeprefix("\ufeff")
    if "\ufffd" in text:
        line = text[: text.index("\ufffd")].count("\n") + 1
        raise UsageError(
            f"{file}: line {line} holds U+FFFD replacement characters: the names were damaged "
            "when the file was saved in another encoding, and cannot be screened"
        )
    return text


def _lines(lines: list[str], skip_header: bool) -> Iterator[Row]:
    for number, line in enumerate(lines[1:] if skip_header else lines, 1):
        if line.strip():
            yield Row(number, line)


_HEADER_WORDS = (
    "name", "company", "counterparty", "entity", "client", "customer", "vendor", "supplier",
    "platform", "exchange", "id", "country", "jurisdiction", "address", "domain", "url",
    "website", "email", "type", "kind", "date", "note", "status", "名称", "公司", "名字",
    "客户", "交易所", "平台", "国家", "地区", "编号", "序号", "备注", "名單", "名单",
)  # fmt: skip


def _refuse_csv(lines: list[str]) -> None:
    """A plain list whose first line reads like a header and whose lines share a separator
    count is a CSV file: screening its lines would answer 'none' for rows never read."""
    sample = [line for line in lines[:20] if line.strip()]
    if len(sample) < 2:
        return
    for sep in _SEPARATORS:
        counts = [line.count(sep) for line in sample]
        agree = sum(c == counts[0] for c in counts[1:])
        if counts[0] < 1 or agree < max(1, (len(counts) - 1) * 3 // 4):
            continue
        head = [h.strip() for h in next(csv.reader([sample[0]], delimiter=sep))]
        headerish = any(any(w in h.casefold() for w in _HEADER_WORDS) for h in head)
        if sep == "\t" or headerish:
            raise UsageError(
                f"the input looks like a table with columns {', '.join(head)}: name the column "
                "to screen with --column NAME, or pass --plain to screen whole lines"
            )


def _reader(text: str) -> Any:  # csv's reader type is private
    csv.field_size_limit(min(sys.maxsize, (1 << 31) - 1))  # a long cell is a long name
    return csv.reader(io.StringIO(text, newline=""), strict=True)


def _csv_header(text: str, column: str) -> tuple[tuple[str, ...], int]:
    try:
        head = next(_reader(text), None) or []
    except csv.Error as exc:
        raise UsageError(f"malformed CSV in the header line: {exc}") from None
    names = tuple(h.strip() for h in head)
    if column not in names:
        raise UsageError(
            f"--column {column!r} is not in the header ({', '.join(names) or 'empty'})",
            code="column_missing",
            column=column,
            header=", ".join(names) or "-",
        )
    return names, names.index(column)


def _cells(text: str, at: int) -> Iterator[Row]:
    reader = _reader(text)
    next(reader, None)
    number = 0
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise UsageError(f"malformed CSV at line {line}: {exc} (a stray quote?)") from None
        number += 1
        if any("\n" in c or "\r" in c for c in cells):
            raise UsageError(
                f"malformed CSV at line {line}: a quoted field runs over several lines "
                "(a stray quote?)"
            )
        value = cells[at] if at < len(cells) else ""
        if value.strip():
            yield Row(number, value, tuple(cells))


__all__ = ["ENCODINGS", "Row", "Table", "read"]
