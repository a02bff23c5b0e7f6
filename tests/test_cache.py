"""The parsed-registry cache: built once, reused, and rebuilt whenever it cannot be trusted."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from exitcheck import __version__
from exitcheck.store import cachefs
from exitcheck.store import sqlite as store

from .registries import ACME


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "exitcheck"


def files(cache: Path) -> list[Path]:
    """The cache databases (each has a small .stamp file beside it)."""
    return sorted(cache.glob("*.sqlite")) if cache.exists() else []


def status_name(cli, path: Path, *extra: str) -> str:
    result = cli("--only", "--registry", str(path), *extra, "status", "acme", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["entity"]["name"]


def test_built_on_first_use_under_xdg_cache_home_and_reused(cli, write_registry, cache) -> None:
    path = write_registry(ACME)
    assert status_name(cli, path) == "Acme Exchange"
    (db,) = files(cache)
    assert db.suffix == ".sqlite" and not [p for p in cache.iterdir() if p.name.endswith(".tmp")]
    inode = db.stat().st_ino
    assert status_name(cli, path) == "Acme Exchange"
    assert db.stat().st_ino == inode  # reused, not rewritten


def test_no_cache_writes_nothing(cli, write_registry, cache) -> None:
    path = write_registry(ACME)
    assert status_name(cli, path, "--no-cache") == "Acme Exchange"
    assert files(cache) == []


def test_changed_registry_is_rebuilt(cli, write_registry, cache) -> None:
    path = write_registry(ACME)
    assert status_name(cli, path) == "Acme Exchange"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Acme Exchange", "Acme Trading"), encoding="utf-8"
    )
    assert status_name(cli, path) == "Acme Trading"


def test_touched_but_unchanged_registry_reuses_the_cache(
    cli, write_registry, cache, monkeypatch
) -> None:
    monkeypatch.setattr(cachefs, "RACY_SECONDS", -1.0)  # treat the fresh ctime as settled
    path = write_registry(ACME)
    status_name(cli, path)
    (db,) = files(cache)
    inode = db.stat().st_ino
    os.utime(path, ns=(1, 1))  # new stat signature, same content: the SHA-256 still matches
    assert status_name(cli, path) == "Acme Exchange"
    assert db.stat().st_ino == inode
    stamp = json.loads(db.with_suffix(".stamp").read_text(encoding="utf-8"))
    assert stamp["signature"][0][2] == 1  # the new mtime is remembered: no hashing next time


@pytest.mark.parametrize(
    "damage",
    [
        lambda db: db.write_bytes(b"this is not a database" * 100),  # corrupt
        lambda db: db.write_bytes(db.read_bytes()[: db.stat().st_size // 2]),  # truncated
        lambda db: db.write_bytes(b""),  # empty
        lambda db: _stale(db, "version", '"0.0.0-other"'),  # written by another version
        lambda db: _stale(db, "format", "999"),  # another layout
        lambda db: _drop(db, "meta"),  # no metadata
    ],
    ids=["corrupt", "truncated", "empty", "other-version", "other-format", "no-meta"],
)
def test_untrustworthy_cache_is_ignored_and_rebuilt(cli, write_registry, cache, damage) -> None:
    path = write_registry(ACME)
    status_name(cli, path)
    (db,) = files(cache)
    damage(db)
    assert status_name(cli, path) == "Acme Exchange"
    (rebuilt,) = files(cache)
    meta = dict(sqlite3.connect(rebuilt).execute("SELECT key, value FROM meta").fetchall())
    assert json.loads(meta["format"]) == store.FORMAT
    assert json.loads(meta["version"]) == __version__


def _stale(db: Path, key: str, value: str) -> None:
    """A cache of another version or layout, whose rows would answer wrongly if it were used."""
    _set_meta(db, key, value)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE entities SET data = replace(data, 'Acme Exchange', 'Stale Name')")
    conn.commit()
    conn.close()
    # sealed again, so the checksum cannot be what rejects it: only the version or format can
    db.write_bytes(bytes(cachefs.seal(bytearray(db.read_bytes()))))


def test_a_stale_cache_answers_when_nothing_marks_it_stale(cli, write_registry, cache) -> None:
    """The control for the test above: the poisoned rows are really what a used cache answers."""
    path = write_registry(ACME)
    status_name(cli, path)
    (db,) = files(cache)
    _stale(db, "format", str(store.FORMAT))
    assert status_name(cli, path) == "Stale Name"


def test_each_version_has_its_own_cache_file(cli, write_registry, cache, monkeypatch) -> None:
    """Two installed versions used in turn must not rebuild each other's cache every call."""
    from exitcheck.store import cache as regcache

    path = write_registry(ACME)
    status_name(cli, path)
    (first,) = files(cache)
    inode = first.stat().st_ino
    monkeypatch.setattr(regcache, "__version__", "9.9.9-other")
    assert status_name(cli, path) == "Acme Exchange"
    assert len(files(cache)) == 2
    assert first.stat().st_ino == inode  # the other version's cache is left alone
    other = next(p for p in files(cache) if p != first)
    meta = dict(sqlite3.connect(other).execute("SELECT key, value FROM meta").fetchall())
    assert json.loads(meta["version"]) == "9.9.9-other"


def test_edited_word_lists_make_a_new_cache(cli, write_registry, cache, monkeypatch) -> None:
    """The stored keys depend on the packaged word lists (generic words, legal forms, the
    character table): a cache built before they changed must not answer with old keys."""
    from exitcheck.store import pack as packed

    path = write_registry(ACME)
    status_name(cli, path)
    assert len(files(cache)) == 1
    monkeypatch.setattr(packed, "stamp", lambda: 12345)
    assert status_name(cli, path) == "Acme Exchange"
    assert len(files(cache)) == 2


def _set_meta(db: Path, key: str, value: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    conn.commit()
    conn.close()


def _drop(db: Path, table: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


def test_unwritable_cache_location_still_answers(
    cli, write_registry, tmp_path, monkeypatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # mkdir under a file fails
    path = write_registry(ACME)
    assert status_name(cli, path) == "Acme Exchange"


def test_an_invalid_registry_is_never_cached(cli, write_registry, cache) -> None:
    path = write_registry(ACME + ACME)
    assert cli("--only", "--registry", str(path), "status", "acme").exit_code == 2
    assert files(cache) == []


@pytest.mark.parametrize("cut", [1, 100, "page"])
def test_a_cache_cut_short_is_rebuilt(cli, write_registry, cache, cut) -> None:
    """A cache cut short inside its last page (or by a page) still opens; it must be rebuilt."""
    path = write_registry(ACME)
    status_name(cli, path)
    (db,) = files(cache)
    page = sqlite3.connect(db).execute("PRAGMA page_size").fetchone()[0]
    db.write_bytes(db.read_bytes()[: -(page if cut == "page" else cut)])
    for query in ("acme", "acme exchang", "ACX", "阿克米"):
        result = cli("--only", "--registry", str(path), "status", query, "--json")
        assert result.exit_code == 0, (query, result.stderr)
        assert json.loads(result.stdout)["entity"]["id"] == "acme"
    (rebuilt,) = files(cache)
    assert sqlite3.connect(rebuilt).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_corrupt_cache_is_removed_even_when_nothing_can_replace_it(
    cli, write_registry, cache
) -> None:
    path = write_registry(ACME)
    status_name(cli, path)
    (db,) = files(cache)
    db.write_bytes(b"this is not a database" * 100)
    path.write_text(path.read_text(encoding="utf-8") + ACME, encoding="utf-8")  # invalid
    assert cli("--only", "--registry", str(path), "status", "acme").exit_code == 2
    assert files(cache) == []
