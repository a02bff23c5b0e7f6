"""The parsed-registry cache: registries parsed and validated from TOML once, then read back.

Any registry but the shipped one alone (which is read from its pack, ``packed``) is parsed and
validated from TOML only when no sound cache exists; the result is built in memory, served from
there, and written to an SQLite cache under the user cache directory, keyed by the SHA-256 of
each file's content (a file whose size, mtime, ctime and inode are unchanged is not hashed
again). Caches that are missing, corrupt, edited, truncated or written by another version are
removed and rebuilt; a cache directory or file that another user could have written is not used
(see ``cachefs`` and the README's threat model).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exitcheck.errors import RegistryError
from exitcheck.records import Record
from exitcheck.store import cachefs, pack
from exitcheck.store import sqlite as store
from exitcheck.store.registry import Registry
from exitcheck.version import __version__

if TYPE_CHECKING:
    import sqlite3


def cache_dir(environ: dict[str, str] | None = None) -> Path:
    """$XDG_CACHE_HOME/exitcheck, else ~/.cache/exitcheck. A relative XDG_CACHE_HOME is
    ignored, as the XDG Base Directory specification says."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "exitcheck"


def _fnv1a(text: str) -> str:
    """A stable 64-bit FNV-1a hash, to name a cache file after the registry paths it holds."""
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8", "surrogatepass"):
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def _signature(paths: Sequence[Path]) -> list[list[Any]] | None:
    """Stat of each registry file; None (never cached) when one is missing or not a regular
    file: a pipe or device is read exactly once, by the validator."""
    out: list[list[Any]] = []
    for path in paths:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        out.append([os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino])
    return out


def load_cached(paths: Sequence[Path], *, use_cache: bool) -> Registry:
    """The registry of these files from a sound cache, else parsed and validated from the TOML
    (and cached, unless ``use_cache`` is false or a file is not a regular one)."""
    signature = _signature(paths)
    if not use_cache or signature is None:
        return _build(paths, None)

    try:
        directory = cachefs.private_dir(cache_dir())
        # the matcher's keys also depend on the packaged word lists: edited, they make a new cache
        data = str(pack.stamp())
        key = _fnv1a(__version__ + "\0" + data + "\0" + "\0".join(s[0] for s in signature))
        target = Target(directory / f"registry-{key}.sqlite", directory / f"registry-{key}.stamp")
        cachefs.sweep(directory)
        cached = _open_cached(target, signature)
    except cachefs.Untrusted as exc:
        cachefs.warn_once(str(exc))
        return _build(paths, None)
    except OSError:
        return _build(paths, None)  # no cache directory can be made: work in memory
    if cached is not None:
        return cached
    return _build(paths, target, signature)


class Target(Record):
    db: Path
    stamp: Path


_served: list[Target] = []  # caches answered from in this process


def forget_served_caches() -> None:
    """A cache failed after it was opened (any SQLite error): remove it, so the next call
    rebuilds it from the TOML."""

    for target in _served:
        cachefs.discard(target.db, target.stamp)


def _open_cached(target: Target, signature: list[list[Any]]) -> Registry | None:
    """The cached registry if the cache is sound and was built from these files, else None
    (the cache is then removed). Raises Untrusted for a file someone else could have written."""
    import sqlite3

    opened = cachefs.open_private(target.db)
    if opened is None:
        return None
    fd, st = opened
    stamp = cachefs.read_stamp(target.stamp)
    verified = stamp.get("db") == cachefs.file_id(st)
    try:
        try:
            if not verified and not cachefs.sound(fd, st.st_size):
                raise sqlite3.DatabaseError("checksum mismatch")
        finally:
            os.close(fd)
        conn = cachefs.open_readonly(target.db, store.SCHEMA + store.INDEXES)
        try:
            meta = store.read_meta(conn)
            if set(meta) != store.META_KEYS:
                raise sqlite3.DatabaseError("unexpected metadata")
        except BaseException:
            conn.close()
            raise
        if meta.get("format") != store.FORMAT or meta.get("version") != __version__:
            conn.close()
            return None
        same_files = stamp.get("signature") == signature
        if not same_files and not _same_content(meta, signature):
            conn.close()
            return None
        registry = from_sql(conn, meta)
    except (sqlite3.Error, OSError, ValueError, LookupError, TypeError, AttributeError):
        cachefs.discard(target.db, target.stamp)
        return None
    if not (verified and same_files):
        _stamp(target, st, signature)
    _served.append(target)
    return registry


def _stamp(target: Target, db: os.stat_result | None, signature: list[list[Any]]) -> None:
    """Remember what was checked, unless it changed so recently that a change within the same
    clock tick could go unnoticed (then it is checked again next time)."""

    now = time.time()
    settled = all(max(s[2], s[3]) / 1e9 < now - cachefs.RACY_SECONDS for s in signature)
    cachefs.write_stamp(
        target.stamp,
        {
            "db": cachefs.file_id(db) if db is not None and cachefs.settled(db, now) else None,
            "signature": signature if settled else None,
        },
    )


def _same_content(meta: dict[str, Any], signature: list[list[Any]]) -> bool:
    """Files touched but unchanged still match the cache: compare their SHA-256."""
    import hashlib

    from exitcheck.registry import read_bytes

    recorded = [f["sha256"] for f in meta.get("files", [])]  # as codec.to_plain(RegistryInfo)
    if len(recorded) != len(signature):
        return False
    for (path, *_), digest in zip(signature, recorded, strict=True):
        raw, problem = read_bytes(Path(path))
        if raw is None or problem is not None or hashlib.sha256(raw).hexdigest() != digest:
            return False
    return True


def _build(
    paths: Sequence[Path], target: Target | None, signature: list[list[Any]] | None = None
) -> Registry:
    """Parse and validate the TOML, build the store in memory and serve from it; write it to
    the cache (best effort) when there is a target."""
    import sqlite3

    from exitcheck.matching import index_rows
    from exitcheck.registry import check

    checked, findings = check(paths)
    if checked is None:
        raise RegistryError(findings)
    rows = index_rows(checked.entities)
    files, entities = checked.files, checked.entities
    meta = store.plain_meta(
        files, entities, checked.sources, checked.regulations, rows, __version__
    )
    conn = sqlite3.connect(":memory:")
    store.build(conn, entities, rows, meta)
    if target is not None and signature is not None:
        from exitcheck.store import cachefs

        with contextlib.suppress(OSError, sqlite3.Error):
            written = cachefs.write_atomic(
                target.db, cachefs.seal(bytearray(cachefs.serialize(conn)))
            )
            _stamp(target, written, signature)
    return from_sql(conn, store.read_meta(conn))


def from_sql(conn: sqlite3.Connection, meta: dict[str, Any]) -> Registry:
    """The registry held in a built database, its index reading the same database."""
    from exitcheck.matching import KeyIndex

    table = store.SqlTable(conn, meta)
    files, sources, regulations = store.records(meta)
    index = KeyIndex(table)
    return Registry(
        files, sources, regulations, table.entity, table.entities, index, meta.get("coverage")
    )
