"""Reading a counterparty list for screening, as a stream: each row is read when it is needed.

Memory stays bounded whatever the input size: nothing is read ahead but the first 64 KiB (the
sample) and the chunk being decoded. What is checked, and where:

- up front, from the sample (a refusal, exit 2): the encoding (a byte-order mark decides; else
  ``--encoding``; else UTF-8, and NUL bytes in the sample name UTF-16 or UTF-32 without a mark,
  bytes that are not UTF-8 are tried as gb18030 and big5 for the hint); a sample in which
  more than one line in ``BAD_SHARE`` cannot be read is in another encoding; a plain list whose
  first lines look like CSV (same separator count) unless ``--plain`` says it is a list;
- row by row: a row holding bytes its encoding cannot decode, U+FFFD replacement characters or
  a NUL character is read as a ``Row`` with ``problem`` set (answered ``unreadable``), and the
  other rows are read as usual;
- CSV (RFC 4180, strict): a quoted field may run over several lines (a note or address
  column). It is a stray quote swallowing rows, refused with the line it opened on, when it
  is never closed, runs over more than ``MAX_FIELD_LINES`` lines, leaves its row with another
  number of cells than the header, or holds lines that read as rows of their own (as many
  comma-separated parts as the header has columns: one such line with 3 columns or more, two
  with 2 columns; a one-column file has no such test).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from exitcheck.errors import UsageError
from exitcheck.records import Record

SAMPLE = 1 << 16  # bytes read ahead to check the encoding and the shape of the input
MAX_LINE = 1 << 20  # characters of a line kept (a longer one is answered as too long)
MAX_FIELD_LINES = 100  # lines a quoted CSV field may run over
BAD_SHARE = 50  # the sample is refused when more than one line in BAD_SHARE cannot be read
ENCODINGS = "utf-8, utf-16, gb18030 (also reads gbk and gb2312), big5, shift_jis, cp1252, latin-1"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SEPARATORS = (",", ";", "\t", "|")
_MARK = "exitcheck-undecodable"  # decoding error handler: a lone surrogate marks the bytes
_MARKED = "\udcff"
_WAIT = 0.2  # seconds a pipe may stay silent before the sample is taken as it is


def _mark(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return _MARKED, exc.end


codecs.register_error(_MARK, _mark)


class Row(Record):
    number: int  # 1-based, after a header; blank rows count
    name: str
    cells: tuple[str, ...] | None = None  # the whole CSV row, for output that keeps it
    problem: str | None = None  # why the row cannot be read: it is answered "unreadable"


_row = tuple.__new__  # Row(number, line) without the keyword handling: one per input line


class Table(Record):
    header: tuple[str, ...] | None  # CSV column names; None for a plain list
    rows: Iterator[Row]  # read as they are asked for, once


def problem(name: str, encoding: str = "utf-8") -> str | None:
    """Why ``name`` cannot be screened (bytes not decoded, U+FFFD, NUL), or None."""
    if not name.isascii():
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            return f"holds bytes that are not valid {encoding}"
        if "\ufffd" in name:
            return (
                "holds U+FFFD replacement characters: the name was damaged when it was saved "
                "in another encoding"
            )
    return "holds a NUL character" if "\x00" in name else None


def shown(text: str) -> str:
    """``text`` with the bytes that could not be decoded shown as U+FFFD (valid UTF-8)."""
    if text.isascii():
        return text
    import re

    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def read(
    file: str,
    *,
    column: str | None = None,
    skip_header: bool = False,
    encoding: str | None = None,
    plain: bool = False,
    waiting: Callable[[], None] | None = None,
) -> Table:
    """The rows of the input, read lazily; UsageError now for what the sample shows is wrong.

    ``waiting`` is called before each read that may block on a pipe (to flush the answers
    given so far, so that they are not held back while the input is slow)."""
    stream, regular = _open(file)
    try:
        sample, whole = _sample(stream, regular)
        chosen = _encoding(sample, encoding, file)
        lines = _checked(sample, whole, chosen, encoding, file)
        raw = io.BufferedReader(_Prefixed(sample, stream, None if regular else waiting))
        if column is None:
            if not plain:
                _refuse_csv(lines)
            text = io.TextIOWrapper(raw, encoding=chosen, errors=_MARK, newline=None)
            return Table(None, _closing(stream, file, _lines(text, skip_header, chosen)))
        text = io.TextIOWrapper(raw, encoding=chosen, errors=_MARK, newline="")
        reader = _reader(text)
        header, at = _csv_header(reader, column)
        return Table(header, _closing(stream, file, _cells(reader, at, len(header), chosen)))
    except BaseException:
        if file != "-":
            stream.close()
        raise


def _open(file: str) -> tuple[IO[bytes], bool]:
    if file == "-":
        stream: IO[bytes] = sys.stdin.buffer
    else:
        path = Path(file)
        if path.is_dir():
            raise UsageError(f"{file}: is a directory", code="is_directory", file=file)
        try:
            stream = path.open("rb")
        except FileNotFoundError:
            raise UsageError(f"{file}: no such file", code="no_such_file", file=file) from None
        except OSError as exc:
            why = exc.strerror or str(exc)
            raise UsageError(
                f"{file}: cannot read: {why}", code="cannot_read", file=file, why=why
            ) from None
    try:
        regular = stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        regular = True  # not a descriptor (a test's stdin): reading never waits
    return stream, regular


def _sample(stream: IO[bytes], regular: bool) -> tuple[bytes, bool]:
    """Up to SAMPLE bytes, and whether that is the whole input. From a pipe, the sample ends
    early when the writer pauses, so that the first answers are not held back."""
    chunks: list[bytes] = []
    size = 0
    read = getattr(stream, "read1", stream.read)
    while size < SAMPLE:
        if chunks and not regular and not _ready(stream):
            return b"".join(chunks), False
        chunk = read(SAMPLE - size)
        if not chunk:
            return b"".join(chunks), True
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks), False


def _ready(stream: IO[bytes]) -> bool:
    import select

    try:
        return bool(select.select([stream.fileno()], [], [], _WAIT)[0])
    except (OSError, ValueError):
        return True


class _Prefixed(io.RawIOBase):
    """The sample, then the rest of the stream."""

    def __init__(
        self, head: bytes, rest: IO[bytes], waiting: Callable[[], None] | None = None
    ) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._read = getattr(rest, "read1", rest.read)
        self._waiting = waiting

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._waiting is not None:
            self._waiting()
        data = self._read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _closing(stream: IO[bytes], file: str, rows: Iterator[Row]) -> Iterator[Row]:
    try:
        yield from rows
    finally:
        if file != "-":
            stream.close()


def _encoding(sample: bytes, encoding: str | None, file: str) -> str:
    """A byte-order mark wins, then ``encoding``; else UTF-8, unless the sample holds NUL
    bytes (UTF-16 or UTF-32 without a mark, or not text at all: refused)."""
    chosen = next((name for bom, name in _BOMS if sample.startswith(bom)), None)
    chosen = chosen or encoding
    if chosen is not None:
        try:
            codecs.lookup(chosen)
        except LookupError:
            raise UsageError(f"unknown encoding {chosen!r}; usual ones: {ENCODINGS}") from None
        return chosen
    if b"\x00" in sample:
        guess = _wide(sample)
        if guess is None:
            raise UsageError(f"{file}: holds NUL bytes: not a text file of names")
        raise UsageError(
            f"{file}: reads as {guess} without a byte-order mark (it holds NUL bytes); "
            f"if it is, pass --encoding {guess}"
        )
    return "utf-8"


def _wide(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 (and which byte order) that the NUL bytes of ``sample`` point to."""
    size = len(sample) - len(sample) % 4
    if size < 4:
        return None
    zeros = [sample[i:size:4].count(0) / (size // 4) for i in range(4)]
    if zeros[2] > 0.9 and zeros[3] > 0.9:
        guess = "utf-32-le"
    elif zeros[0] > 0.9 and zeros[1] > 0.9:
        guess = "utf-32-be"
    else:
        guess = "utf-16-le" if zeros[1] + zeros[3] > zeros[0] + zeros[2] else "utf-16-be"
    decoder = codecs.getincrementaldecoder(guess)("strict")
    try:
        text = decoder.decode(sample[:size], final=False)
    except UnicodeDecodeError:
        return None
    return guess if "\x00" not in text and "\n" in text else None


def _checked(sample: bytes, whole: bool, chosen: str, given: str | None, file: str) -> list[str]:
    """The sample's complete lines, decoded; refused when too many of them cannot be read
    (the file is in another encoding), with the first such line and a hint."""
    decoder = codecs.getincrementaldecoder(chosen)(_MARK)
    text = decoder.decode(sample, final=whole)
    lines = text.splitlines()
    if not whole and lines and not text.endswith(("\n", "\r")):
        lines.pop()  # cut in the middle
    bad = [(n, why) for n, line in enumerate(lines, 1) if (why := problem(line, chosen))]
    # a line beyond ASCII read as UTF-8 proves the encoding: then only a file whose lines are
    # mostly damaged is refused, whatever its length; else one line in BAD_SHARE may be
    proven = codecs.lookup(chosen).name.startswith("utf-8") and any(
        not line.isascii() and problem(line, chosen) is None for line in lines
    )
    few = len(bad) * BAD_SHARE <= len(lines) or (proven and len(bad) * 2 < len(lines))
    if not bad or (few and not _elsewhere(sample, lines, bad, given)):
        return lines
    line, why = bad[0]
    if "U+FFFD" in why:
        raise UsageError(
            f"{file}: line {line} holds U+FFFD replacement characters: the names were damaged "
            "when the file was saved in another encoding, and cannot be screened"
        )
    if "NUL" in why:
        raise UsageError(f"{file}: line {line} holds a NUL character: not a text file of names")
    raise UsageError(f"{file}: line {line} is not valid {chosen}; {_hint(sample, given)}")


def _elsewhere(
    sample: bytes, lines: list[str], bad: list[tuple[int, str]], given: str | None
) -> bool:
    """Whether the few bad lines say the file is in another encoding: no encoding was named,
    they hold bytes UTF-8 cannot decode, no line shows UTF-8 beyond ASCII, and the sample reads
    as gb18030 or big5 (a mostly-ASCII list saved by a Chinese spreadsheet)."""
    if given is not None or not any(why.startswith("holds bytes") for _, why in bad):
        return False
    if any(not line.isascii() and problem(line) is None for line in lines):
        return False
    return bool(_fits(sample[: sample.rfind(b"\n") + 1] or sample))


def _fits(data: bytes) -> list[str]:
    """The Chinese encodings that read ``data`` whole."""
    return [name for name in ("gb18030", "big5") if _decodes(data, name)]


def _hint(sample: bytes, given: str | None) -> str:
    if given is not None:
        return f"usual encodings: {ENCODINGS}"
    complete = sample[: sample.rfind(b"\n") + 1] or sample
    fits = _fits(complete)
    if fits:
        return f"it reads as {' or '.join(fits)}: try --encoding {fits[0]}"
    return f"files saved by Chinese spreadsheets are often gb18030; usual encodings: {ENCODINGS}"


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _lines(text: IO[str], skip_header: bool, encoding: str) -> Iterator[Row]:
    first = True
    if skip_header:
        first = _line(text) is None
    number = 0
    while True:
        line = _line(text)
        if line is None:
            return
        if first:  # a byte-order mark of another encoding than the one read with
            line, first = line.removeprefix("\ufeff"), False
        number += 1
        # most lines are ASCII without a NUL: nothing to ask of them (``problem``)
        why = problem(line, encoding) if not line.isascii() or "\x00" in line else None
        yield Row(number, shown(line), None, why) if why else _row(Row, (number, line, None, None))


def _line(text: IO[str]) -> str | None:
    """The next line without its end; a longer one than MAX_LINE is cut there (the rest is
    skipped, the name is answered as too long); None at the end of the input."""
    line = text.readline(MAX_LINE)
    if line[-1:] == "\n":
        return line[:-1]
    if not line:
        return None
    if len(line) >= MAX_LINE:
        while (rest := text.readline(MAX_LINE)) and not rest.endswith("\n"):
            pass
    return line


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


def _physical(text: IO[str]) -> Iterator[str]:
    """The lines of ``text`` for the CSV reader, each at most MAX_LINE characters."""
    number = 0
    while line := text.readline(MAX_LINE):
        number += 1
        if len(line) >= MAX_LINE and not line.endswith(("\n", "\r")):
            raise UsageError(f"malformed CSV at line {number}: longer than {MAX_LINE:,} characters")
        yield line


def _reader(text: IO[str]) -> Any:  # csv's reader type is private
    csv.field_size_limit(MAX_LINE)  # a long cell is a long name; a longer one, a stray quote
    return csv.reader(_physical(text), strict=True)


def _csv_header(reader: Any, column: str) -> tuple[tuple[str, ...], int]:
    try:
        head = next(reader, None) or []
    except csv.Error as exc:
        raise UsageError(f"malformed CSV in the header line: {exc}") from None
    names = tuple(shown(h).strip() for h in head)
    names = (names[0].removeprefix("\ufeff").strip(), *names[1:]) if names else names
    if column not in names:
        raise UsageError(
            f"--column {column!r} is not in the header ({', '.join(names) or 'empty'})",
            code="column_missing",
            column=column,
            header=", ".join(names) or "-",
        )
    return names, names.index(column)


def _shape(cell: str) -> str:
    """What a first cell looks like: digits only (an id), letters and digits, or words."""
    cell = cell.strip()
    if cell.isdigit():
        return "digits"
    return "mixed" if any(ch.isdigit() for ch in cell) else "words"


def _stray(cells: list[str], line: int, spanned: int, width: int) -> None:
    """Refuse a row whose quoted field over several lines looks like a stray quote."""
    if spanned > MAX_FIELD_LINES:
        shape = f"over {spanned} lines (more than {MAX_FIELD_LINES})"
    elif len(cells) != width:
        shape = f"over {spanned} lines and leaves {len(cells)} cells where the header has {width}"
    else:
        first = _shape(cells[0]) if cells else ""
        rowlike = [
            line + i
            for cell in cells
            for i, part in enumerate(cell.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
            if i > 0
            and width > 1
            and len(part.split(",")) == width
            and _shape(part.split(",")[0]) == first  # '2,Huobi,SC' under '1,…', not 'Room 5, …'
        ]
        if len(rowlike) < (1 if width >= 3 else 2) or width == 1:
            return
        shape = f"over {spanned} lines, and line {rowlike[0]} of the file reads as a row of its own"
    raise UsageError(f"malformed CSV at line {line}: a quoted field runs {shape} (a stray quote?)")


def _cells(reader: Any, at: int, width: int, encoding: str) -> Iterator[Row]:
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
        spanned = reader.line_num - line + 1
        if spanned > 1:
            _stray(cells, line, spanned, width)
        value = cells[at] if at < len(cells) else ""
        why = problem(value, encoding)
        if why or not all(c.isascii() for c in cells):
            cells = [shown(c) for c in cells]
        yield Row(number, shown(value) if why else value, tuple(cells), why)


__all__ = ["ENCODINGS", "Row", "Table", "problem", "read", "shown"]
