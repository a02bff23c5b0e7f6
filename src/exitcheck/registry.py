"""Which registries are in effect, and loading them through the parsed-registry cache.

``load(paths)`` returns a :class:`Registry` or raises :class:`RegistryError`. A registry is
parsed and validated from TOML only when no valid cache exists; the result is written to an
SQLite cache under the user cache directory, keyed by the SHA-256 of each file's content
(a file whose size, mtime, ctime and inode are unchanged is not hashed again). Caches that
are missing, corrupt, truncated or written by another version are ignored and rebuilt; a
cache that cannot be written is skipped, and the registry is built in memory instead.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from exitcheck import __version__
from exitcheck.errors import ExitcheckError, RegistryError
from exitcheck.model import Registry

ENV_REGISTRY = "EXITCHECK_REGISTRY"


def shipped_registry() -> Path:
    """The registry shipped in the wheel (or, in a source checkout, the repository's)."""
    from exitcheck.datafiles import data_file

    return data_file("entities.toml")


def registry_paths(
    option: Sequence[Path] | None, environ: dict[str, str] | None = None, *, only: bool = False
) -> list[Path]:
    """Registries in effect: the shipped one, then the ``--registry`` options (else the paths
    of $EXITCHECK_REGISTRY) layered on it; with ``only``, just the given files."""
    given = list(option or [])
    if not given:
        env = (os.environ if environ is None else environ).get(ENV_REGISTRY, "")
        given = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    if only:
        if not given:
            from exitcheck.errors import UsageError

            raise UsageError(f"--only needs --registry PATH or ${ENV_REGISTRY}")
        return unique_paths(given)
    return unique_paths([shipped_registry(), *given])


def unique_paths(paths: list[Path]) -> list[Path]:
    """Each file once, first mention first: the shipped registry named again (as older
    instructions did), or a file given twice, is not loaded twice."""
    out: list[Path] = []
    for path in paths:
        if not any(_same_file(path, seen) for seen in out):
            out.append(path)
    return out


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return path == other


def cache_dir(environ: dict[str, str] | None = None) -> Path:
    """$XDG_CACHE_HOME/exitcheck, else ~/.cache/exitcheck."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "exitcheck"


def _fnv1a(text: str) -> str:
    """A stable 64-bit FNV-1a hash, to name a cache file after the registry paths it holds."""
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8", "surrogatepass"):
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def _signature(paths: Sequence[Path]) -> list[list[Any]] | None:
    out: list[list[Any]] = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            return None
        out.append([os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino])
    return out


def load(paths: Sequence[Path], *, use_cache: bool = True) -> Registry:
    """A validated registry, or RegistryError naming the file and line of the first error."""
    registry = _load(paths, use_cache=use_cache)
    registry.origin = (tuple(os.path.abspath(p) for p in paths), use_cache)
    registry.thread = threading.get_ident()
    return registry


_REOPENED: dict[tuple[object, ...], Registry] = {}


def reopen(paths: tuple[str, ...], use_cache: bool, sha256: tuple[str, ...]) -> Registry:
    """The registry of these files for the calling thread, loaded once per thread (SQLite
    connections belong to the thread that opened them); how a pickled registry comes back.
    Refuses files whose content is no longer the given SHA-256."""
    key = (threading.get_ident(), paths, use_cache, sha256)
    registry = _REOPENED.get(key)
    if registry is None:
        registry = load([Path(p) for p in paths], use_cache=use_cache)
        if tuple(f.sha256 for f in registry.files) != sha256:
            raise ExitcheckError(
                "the registry files changed since this registry was pickled: " + ", ".join(paths)
            )
        _REOPENED[key] = registry
    return registry


def _load(paths: Sequence[Path], *, use_cache: bool) -> Registry:
    signature = _signature(paths)
    target = None
    if use_cache and signature is not None:
        name = (
            "registry-"
            + _fnv1a(__version__ + "\0" + "\0".join(s[0] for s in signature))
            + ".sqlite"
        )
        target = cache_dir() / name
        cached = _open_cached(target, signature)
        if cached is not None:
            return cached
    return _build(paths, signature or [], target)


def _open_cached(target: Path, signature: list[list[Any]]) -> Registry | None:
    from exitcheck import store

    if not target.is_file():
        return None
    try:
        conn = sqlite3.connect(target)
        page_count, page_size = (
            conn.execute("PRAGMA page_count").fetchone()[0],
            conn.execute("PRAGMA page_size").fetchone()[0],
        )
        if page_count * page_size != target.stat().st_size:
            raise sqlite3.DatabaseError("truncated")
        meta = store.read_meta(conn)
        if meta.get("format") != store.FORMAT or meta.get("version") != __version__:
            conn.close()
            return None
        if meta.get("signature") != signature:
            if not _same_content(meta, signature):
                conn.close()
                return None
            _remember(conn, meta, signature)
    except (sqlite3.Error, OSError, ValueError, KeyError, TypeError):
        _discard(target)
        return None
    return store.Store(conn, meta).registry()


def _same_content(meta: dict[str, Any], signature: list[list[Any]]) -> bool:
    """Files touched but unchanged still match the cache: compare their SHA-256."""
    import hashlib

    recorded = [f[1] for f in meta.get("files", [])]
    if len(recorded) != len(signature):
        return False
    for (path, *_), digest in zip(signature, recorded, strict=True):
        try:
            if hashlib.sha256(Path(path).read_bytes()).hexdigest() != digest:
                return False
        except OSError:
            return False
    return True


def _remember(conn: sqlite3.Connection, meta: dict[str, Any], signature: list[list[Any]]) -> None:
    """Record the new stat signature of files whose content still matches, so they are not
    hashed again on the next call. Best effort: a read-only cache just stays as it was."""
    import json

    meta["signature"] = signature
    with contextlib.suppress(sqlite3.Error):
        conn.execute("UPDATE meta SET value = ? WHERE key = 'signature'", (json.dumps(signature),))
        conn.commit()


def _discard(target: Path) -> None:
    with contextlib.suppress(OSError):
        target.unlink()


def _build(paths: Sequence[Path], signature: list[list[Any]], target: Path | None) -> Registry:
    from exitcheck import store
    from exitcheck.validation import check

    checked, findings = check(paths)
    if checked is None:
        raise RegistryError(findings)
    args = (
        checked.files,
        checked.entities,
        checked.sources,
        checked.regulations,
        signature,
        __version__,
    )
    if target is not None:
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(temporary)
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            store.build(conn, *args)
            conn.close()
            os.replace(temporary, target)  # atomic: readers see the old cache or the new one
            conn = sqlite3.connect(target)
            return store.Store(conn, store.read_meta(conn)).registry()
        except (OSError, sqlite3.Error):
            _discard(temporary)
    conn = sqlite3.connect(":memory:")
    store.build(conn, *args)
    return store.Store(conn, store.read_meta(conn)).registry()
