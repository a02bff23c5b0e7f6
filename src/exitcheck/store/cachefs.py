"""The cache's files on disk: a private directory, exclusive writes, a checksum, a stamp.

The threat model is in the README ("The parsed-registry cache"). In short: the cache lives in
a directory only its owner can enter (0700), holding files only its owner can read (0600);
anything else found there (another owner, group- or world-writable, a link, not a regular
file) is not used. Files are written under a fresh random name created exclusively, without
following links, then renamed into place. Each database carries a CRC-32 of its own bytes in
the SQLite header's ``user_version`` field, so a cache changed after it was written (edited,
corrupted, truncated) fails the check and is rebuilt. Checking a large cache costs a read of
the whole file, so the result is remembered in a small stamp file (inode, size, mtime, ctime):
any write to the database changes its ctime, which a user cannot set back.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import sys
import time
import zlib
from pathlib import Path
from typing import Any

STALE_SECONDS = 3600  # a temporary file older than this is left over from a killed build
RACY_SECONDS = 2.0  # a stat taken this soon after a change may miss the next change
MAX_STAMP_BYTES = 1 << 20
SQLITE_MAGIC = b"SQLite format 3\x00"
CHECK_AT = 60  # offset of the header's user_version: holds the CRC-32 of the rest of the file
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class Untrusted(Exception):
    """A cache directory or file that someone else could have written: not used."""


_warned: set[str] = set()


def warn_once(message: str) -> None:
    if message not in _warned and not _warned:
        sys.stderr.write(
            f"exitcheck: warning: {message}; working without the cache"
            " (remove it, or make it yours and private, to use the cache again)\n"
        )
    _warned.add(message)


def _problem(st: os.stat_result, directory: bool) -> str | None:
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link"
    if directory and not stat.S_ISDIR(st.st_mode):
        return "is not a directory"
    if not directory and not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    if uid is not None and st.st_uid != uid:
        return f"belongs to uid {st.st_uid}, not to you (uid {uid})"
    if os.name == "posix" and st.st_mode & 0o022:
        return "is writable by group or others"
    return None


def private_dir(path: Path) -> Path:
    """The cache directory, created 0700 if missing. Raises Untrusted when it cannot be trusted,
    OSError when it cannot be created."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, 0o700)
        st = os.lstat(path)
    problem = _problem(st, directory=True)
    if problem:
        raise Untrusted(f"the cache directory {path} {problem}")
    parent = os.stat(path.parent)
    if os.name == "posix" and parent.st_mode & 0o002 and not parent.st_mode & stat.S_ISVTX:
        raise Untrusted(f"{path.parent} is writable by anyone (and not sticky)")
    if os.name == "posix" and stat.S_IMODE(st.st_mode) != 0o700:
        os.chmod(path, 0o700)  # ours and not writable by others: only tighten it
    return path


def open_private(path: Path) -> tuple[int, os.stat_result] | None:
    """A read-only descriptor of a cache file (never through a link) and its stat; None when
    it does not exist; Untrusted when it is not the owner's private regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | _BINARY)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if os.path.islink(path):
            raise Untrusted(f"the cache file {path} is a symbolic link") from None
        raise exc
    st = os.fstat(fd)
    problem = _problem(st, directory=False)
    if problem:
        os.close(fd)
        raise Untrusted(f"the cache file {path} {problem}")
    return fd, st


def write_atomic(path: Path, data: bytes | bytearray) -> os.stat_result:
    """Write DATA to PATH: a new file (random name, O_EXCL, no links, 0600), renamed into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(8).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
    fd = os.open(temporary, flags, 0o600)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # whatever the umask
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            st = os.fstat(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)  # atomic: readers see the old file or the new one
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return st


def discard(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def sweep(directory: Path, now: float | None = None) -> None:
    """Remove temporary files left by killed builds: their process is gone, or they are old."""
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(".registry-") and name.endswith(".tmp")):
            continue
        with contextlib.suppress(OSError):
            st = entry.stat(follow_symlinks=False)
            if _owner_gone(name) or now - st.st_mtime > STALE_SECONDS:
                os.unlink(entry.path)


def _owner_gone(name: str) -> bool:
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return False
    pids = [p for p in name.split(".")[-3:-1] if p.isdigit()]
    if not pids:
        return False
    pid = int(pids[0])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


# --------------------------------------------------------------------------------------------
# The checksum in the SQLite header


def _crc(data: bytes | bytearray | memoryview) -> int:
    view = memoryview(data)
    return zlib.crc32(view[CHECK_AT + 4 :], zlib.crc32(view[:CHECK_AT])) & 0xFFFFFFFF


def seal(data: bytearray) -> bytearray:
    """Store the file's CRC-32 (computed with that field zeroed) in the header's user_version."""
    data[CHECK_AT : CHECK_AT + 4] = b"\0\0\0\0"
    data[CHECK_AT : CHECK_AT + 4] = _crc(data).to_bytes(4, "big")
    return data


def _header_ok(header: bytes, size: int) -> bool:
    if len(header) < 100 or header[:16] != SQLITE_MAGIC or header[18:20] != b"\x01\x01":
        return False  # not SQLite, or WAL mode (which would read a side file)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return page_size * pages == size


def sound(fd: int, size: int) -> bool:
    """Whether the open file is a whole SQLite database whose bytes match its checksum."""
    os.lseek(fd, 0, os.SEEK_SET)
    header = os.read(fd, 100)
    if not _header_ok(header, size):
        return False
    crc = zlib.crc32(header[:CHECK_AT])
    crc = zlib.crc32(header[CHECK_AT + 4 :], crc)
    read = len(header)
    while read < size:
        chunk = os.read(fd, min(1 << 20, size - read))
        if not chunk:
            return False
        crc = zlib.crc32(chunk, crc)
        read += len(chunk)
    if os.read(fd, 1):
        return False  # grew while being read
    return (crc & 0xFFFFFFFF).to_bytes(4, "big") == header[CHECK_AT : CHECK_AT + 4]


# --------------------------------------------------------------------------------------------
# The stamp: what was verified, so a large cache is not re-read on every call


def file_id(st: os.stat_result) -> list[int]:
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def settled(st: os.stat_result, now: float | None = None) -> bool:
    """Changed long enough ago that a later change cannot share its timestamps."""
    now = time.time() if now is None else now
    return max(st.st_mtime, st.st_ctime) < now - RACY_SECONDS


def read_stamp(path: Path) -> dict[str, Any]:
    try:
        opened = open_private(path)
    except (Untrusted, OSError):
        return {}
    if opened is None:
        return {}
    fd, _ = opened
    try:
        data = json.loads(os.read(fd, MAX_STAMP_BYTES))
    except (OSError, ValueError):
        return {}
    finally:
        os.close(fd)
    return data if isinstance(data, dict) else {}


def write_stamp(path: Path, stamp: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):
        write_atomic(path, json.dumps(stamp).encode("utf-8"))


# --------------------------------------------------------------------------------------------
# The database: written from memory, opened read-only with its schema checked


def serialize(conn: sqlite3.Connection) -> bytes:
    """The database as the bytes of an SQLite file."""
    if hasattr(conn, "serialize"):  # Python 3.11+
        data: bytes = conn.serialize()
        return data
    import tempfile

    with tempfile.TemporaryDirectory() as folder:  # private (0700), random name
        path = Path(folder) / "db.sqlite"
        copy = sqlite3.connect(path)
        conn.backup(copy)
        copy.close()
        return path.read_bytes()


_MASTER = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
_expected: dict[str, list[Any]] = {}


def _expected_master(schema: str) -> list[Any]:
    """sqlite_master of an empty database of this schema: exactly these tables and indexes."""
    if schema not in _expected:
        empty = sqlite3.connect(":memory:")
        empty.executescript(schema)
        _expected[schema] = empty.execute(_MASTER).fetchall()
        empty.close()
    return _expected[schema]


def open_readonly(path: Path, schema: str) -> sqlite3.Connection:
    """Open a cache file read-only (no journal, no writes) and check its schema exactly: only
    the tables and indexes ``schema`` creates, no views, no triggers. Raises sqlite3.Error
    otherwise."""
    conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        if conn.execute(_MASTER).fetchall() != _expected_master(schema):
            raise sqlite3.DatabaseError("unexpected schema")
    except BaseException:
        conn.close()
        raise
    return conn
