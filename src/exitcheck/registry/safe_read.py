"""Reading a registry file's bytes safely, before any parsing.

Whatever the path names, it is read at most once and never beyond the size limit: a regular
file is read up to the limit; a pipe or FIFO (``/dev/stdin``, ``mkfifo``) is opened without
waiting for a writer and read until end of file, the limit, or a stall; a device
(``/dev/zero``, a terminal) is refused. The text is then checked for what would make the TOML
parser slow (dotted keys or table headers with very many parts) before it is parsed.
"""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path

MAX_KEY_PARTS = 64  # a dotted key or table header with more parts is refused before parsing
PIPE_STALL_SECONDS = 10.0  # a pipe that sends nothing for this long is given up on
UTF8_BOM = b"\xef\xbb\xbf"
_DOTS = MAX_KEY_PARTS  # dots after the first part: MAX_KEY_PARTS + 1 parts
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')[ \t]*"""
_DOTTED = re.compile(_PART + r"(?:\.[ \t]*" + _PART + "){" + str(_DOTS) + "}")


class ReadProblem(Exception):
    """Why a registry file cannot be read; the message completes "<path>: "."""


def read_limited(path: Path, limit: int) -> bytes:
    """The file's bytes, read once and at most ``limit`` of them; ReadProblem otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if path.is_dir():
            raise ReadProblem("is a directory, not a registry file")
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReadProblem("no such file") from None
    except PermissionError:
        raise ReadProblem("permission denied") from None
    except OSError as exc:
        raise ReadProblem(f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ReadProblem("is a directory, not a registry file")
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            raise ReadProblem("is a device, not a registry file")
        if stat.S_ISREG(mode):
            size = os.fstat(fd).st_size
            if size > limit:
                raise ReadProblem(_too_big(size, limit))
            data = _read_file(fd, limit)
        else:
            data = _read_pipe(fd, limit)
        if len(data) > limit:
            raise ReadProblem(_too_big(len(data), limit))
        return data
    except OSError as exc:
        raise ReadProblem(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _too_big(size: int, limit: int) -> str:
    return f"file is {size:,} bytes or more; the limit is {limit // (1024 * 1024)} MiB"


def _read_file(fd: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total <= limit:
        chunk = os.read(fd, min(1 << 24, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _read_pipe(fd: int, limit: int) -> bytes:
    """Read a pipe opened non-blocking: no writer means end of file at once (never a hang)."""
    import select

    chunks, total = [], 0
    deadline = time.monotonic() + PIPE_STALL_SECONDS
    while total <= limit:
        try:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
        except BlockingIOError:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise ReadProblem(
                    f"no data arrived within {PIPE_STALL_SECONDS:.0f} s; gave up"
                ) from None
            continue
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        deadline = time.monotonic() + PIPE_STALL_SECONDS
    return b"".join(chunks)


def strip_bom(raw: bytes) -> bytes:
    """A UTF-8 byte order mark at the start is allowed and ignored."""
    return raw[len(UTF8_BOM) :] if raw.startswith(UTF8_BOM) else raw


def long_dotted_key(text: str) -> int | None:
    """The line of a dotted key or table header with more than MAX_KEY_PARTS parts (the TOML
    parser takes time quadratic in their number), else None. Lines are pre-filtered by their
    count of dots, so a large ordinary registry costs one pass of str.count per line."""
    if text.count(".") < _DOTS:
        return None
    for number, line in enumerate(text.split("\n"), 1):
        if line.count(".") >= _DOTS and _DOTTED.search(line):
            return number
    return None
