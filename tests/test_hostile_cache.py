"""A cache someone else wrote, tampered with, corrupted or planted is never served (issue 13)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exitcheck.store import cachefs

from .conftest import entry_point
from .registries import ACME

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


@pytest.fixture(autouse=True)
def _fresh_warnings() -> None:
    cachefs._warned.clear()  # warnings are once per process; each test is one "process"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "exitcheck"


def answer(cli, path: Path, name: str = "acme") -> tuple[int, str, str]:
    result = cli("--registry", str(path), "status", name, "--json")
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    entity = json.loads(result.stdout)["entity"] if result.stdout else None
    return result.exit_code, entity["name"] if entity else "", result.stderr


def the_db(cache: Path) -> Path:
    (db,) = cache.glob("*.sqlite")
    return db


def run_cli(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        entry_point() + args,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **kwargs,
    )


def test_private_modes_whatever_the_umask(write_registry, tmp_path: Path) -> None:
    path = write_registry(ACME)
    cache = tmp_path / "xdg" / "exitcheck"
    done = run_cli(
        ["--registry", str(path), "status", "acme"],
        {"XDG_CACHE_HOME": str(tmp_path / "xdg")},
        preexec_fn=lambda: os.umask(0),
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    for item in cache.iterdir():
        assert stat.S_IMODE(item.stat().st_mode) == 0o600, item


def test_an_existing_readable_cache_directory_is_tightened(cli, write_registry, xdg) -> None:
    xdg.mkdir(parents=True, mode=0o755)
    os.chmod(xdg, 0o755)
    assert answer(cli, write_registry(ACME))[:2] == (0, "Acme Exchange")
    assert stat.S_IMODE(xdg.stat().st_mode) == 0o700


def test_a_cache_directory_writable_by_others_is_not_used(cli, write_registry, xdg) -> None:
    xdg.mkdir(parents=True)
    os.chmod(xdg, 0o777)
    code, name, err = answer(cli, write_registry(ACME))
    assert (code, name) == (0, "Acme Exchange")
    assert err.count("warning") == 1 and "writable by group or others" in err
    assert list(xdg.iterdir()) == []  # nothing written into it


@pytest.mark.skipif(not ROOT, reason="needs root to give a directory to another user")
def test_a_cache_directory_of_another_user_is_not_used(cli, write_registry, xdg) -> None:
    path = write_registry(ACME)
    assert answer(cli, path)[:2] == (0, "Acme Exchange")
    db = the_db(xdg)
    forge(db, "Acme Exchange", "Forged Exchange", reseal=True)
    os.chown(xdg, 65534, 65534)
    code, name, err = answer(cli, path)
    assert (code, name) == (0, "Acme Exchange") and "belongs to uid 65534" in err


@pytest.mark.skipif(not ROOT, reason="needs root to give a file to another user")
def test_a_cache_file_of_another_user_is_not_used(cli, write_registry, xdg) -> None:
    path = write_registry(ACME)
    answer(cli, path)
    db = the_db(xdg)
    forge(db, "Acme Exchange", "Forged Exchange", reseal=True)
    os.chown(db, 65534, 65534)
    code, name, err = answer(cli, path)
    assert (code, name) == (0, "Acme Exchange") and "belongs to uid 65534" in err


def test_a_group_writable_cache_file_is_not_used(cli, write_registry, xdg) -> None:
    path = write_registry(ACME)
    answer(cli, path)
    db = the_db(xdg)
    forge(db, "Acme Exchange", "Forged Exchange", reseal=True)
    os.chmod(db, 0o660)
    code, name, err = answer(cli, path)
    assert (code, name) == (0, "Acme Exchange") and "writable by group or others" in err


def test_a_shared_sticky_cache_home_works_only_through_a_private_directory(
    cli, write_registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # like /tmp
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    assert answer(cli, write_registry(ACME))[:2] == (0, "Acme Exchange")
    assert stat.S_IMODE((shared / "exitcheck").stat().st_mode) == 0o700
    os.chmod(shared, 0o777)  # not sticky: others could swap the directory
    code, name, err = answer(cli, write_registry(ACME))
    assert (code, name) == (0, "Acme Exchange") and "writable by anyone" in err


def forge(db: Path, old: str, new: str, *, reseal: bool) -> None:
    """Edit entity rows in place, as sqlite3 would; optionally recompute the checksum too."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE entities SET data = replace(data, ?, ?)", (old, new))
    conn.commit()
    conn.close()
    if reseal:
        reseal_file(db)


def reseal_file(db: Path) -> None:
    db.write_bytes(bytes(cachefs.seal(bytearray(db.read_bytes()))))
    os.chmod(db, 0o600)


def test_edited_rows_are_not_served(cli, write_registry, xdg) -> None:
    path = write_registry(ACME)
    answer(cli, path)
    forge(the_db(xdg), "Acme Exchange", "Forged Exchange", reseal=False)
    assert answer(cli, path)[:2] == (0, "Acme Exchange")
    forge(the_db(xdg), "Acme Exchange", "Forged Exchange", reseal=False)
    os.utime(path)  # touching the registry does not make a difference either
    assert answer(cli, path)[:2] == (0, "Acme Exchange")


def test_edits_are_caught_after_the_check_was_remembered(
    cli, write_registry, xdg, monkeypatch
) -> None:
    monkeypatch.setattr(cachefs, "RACY_SECONDS", -1.0)
    path = write_registry(ACME)
    answer(cli, path)
    answer(cli, path)  # verified and stamped
    stamp = json.loads(the_db(xdg).with_suffix(".stamp").read_text(encoding="utf-8"))
    assert stamp["db"] is not None
    time.sleep(0.05)
    forge(the_db(xdg), "Acme Exchange", "Forged Exchange", reseal=False)
    assert answer(cli, path)[:2] == (0, "Acme Exchange")


@pytest.mark.parametrize(
    "sql",
    [
        "DROP TABLE meta; CREATE VIEW meta(key, value) AS WITH RECURSIVE r(n) AS"
        " (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'format', n FROM r",
        "CREATE TRIGGER t AFTER INSERT ON keys BEGIN DELETE FROM entities; END",
        "CREATE VIEW extra AS SELECT 1",
        "CREATE INDEX extra ON entities (data)",
        "CREATE TABLE extra (x)",
    ],
    ids=["recursive-view", "trigger", "view", "index", "table"],
)
def test_a_cache_with_an_unexpected_schema_is_rebuilt(cli, write_registry, xdg, sql) -> None:
    """Even with a correct checksum (a forger who knows the format): the schema is compared."""
    path = write_registry(ACME)
    answer(cli, path)
    db = the_db(xdg)
    conn = sqlite3.connect(db)
    conn.executescript(sql)
    conn.close()
    reseal_file(db)
    started = time.monotonic()
    assert answer(cli, path)[:2] == (0, "Acme Exchange")
    assert time.monotonic() - started < 10
    conn = sqlite3.connect(the_db(xdg))
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone() == (
        0,
    )


def test_corrupted_in_place_is_rebuilt(cli, write_registry, xdg) -> None:
    path = write_registry(ACME)
    answer(cli, path)
    db = the_db(xdg)
    data = bytearray(db.read_bytes())
    for offset in range(100, len(data), 97):
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
    assert answer(cli, path)[:2] == (0, "Acme Exchange")
    assert answer(cli, path)[:2] == (0, "Acme Exchange")


def test_planted_links_are_never_followed(cli, write_registry, xdg, tmp_path: Path) -> None:
    path = write_registry(ACME)
    answer(cli, path)
    db = the_db(xdg)
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    db.unlink()
    for name in [db.name, *(f".{db.name}.{pid}.tmp" for pid in range(os.getpid() - 5, 1 << 15))][
        :200
    ]:
        (xdg / name).symlink_to(victim)
    code, name, err = answer(cli, path)
    assert (code, name) == (0, "Acme Exchange") and "symbolic link" in err
    assert victim.read_bytes() == b"precious"


def test_a_killed_builds_temporary_file_is_removed_later(cli, write_registry, xdg) -> None:
    path = write_registry(ACME)
    answer(cli, path)
    gone_pid = _dead_pid()
    dead_file = xdg / f".registry-0123456789abcdef.sqlite.{gone_pid}.00ff00ff00ff00ff.tmp"
    old_file = xdg / f".registry-0123456789abcdef.sqlite.{os.getpid()}.aa.tmp"
    live_file = xdg / f".registry-0123456789abcdef.sqlite.{os.getpid()}.bb.tmp"
    for f in (dead_file, old_file, live_file):
        f.write_bytes(b"half a database")
    os.utime(old_file, (time.time() - 2 * cachefs.STALE_SECONDS,) * 2)
    os.utime(live_file, (time.time(),) * 2)  # the process clock's now, moved or not (CI)
    answer(cli, path)
    assert not dead_file.exists() and not old_file.exists()
    assert live_file.exists()  # a build in progress (this process) is left alone


def test_a_build_killed_with_sigkill_leaves_nothing_behind(write_registry, tmp_path: Path) -> None:
    path = write_registry(ACME)
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    proc = subprocess.Popen(
        [*entry_point(), "--registry", str(path), "status", "acme"],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.15)
    proc.kill()
    proc.wait()
    cache = tmp_path / "xdg" / "exitcheck"
    if cache.exists():  # plant what a kill during the write would leave
        (
            cache / f".registry-0000000000000000.sqlite.{_dead_pid()}.0011223344556677.tmp"
        ).write_bytes(b"x")
    done = run_cli(["--registry", str(path), "status", "acme"], env)
    assert done.returncode == 0, done.stderr
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_relative_xdg_cache_home_is_ignored(write_registry, tmp_path: Path) -> None:
    path = write_registry(ACME)
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    done = run_cli(
        ["--registry", str(path), "status", "acme"],
        {"XDG_CACHE_HOME": "relative/cache", "HOME": str(home)},
        cwd=work,
    )
    assert done.returncode == 0, done.stderr
    assert not (work / "relative").exists()
    assert list((home / ".cache" / "exitcheck").glob("*.sqlite"))


def test_the_shipped_registry_is_read_from_its_pack_not_a_cache(cli, xdg) -> None:
    """The default call reads the read-only pack inside the package: no cache is written, so
    the cache's risks are off the default path."""
    assert cli("status", "huobi").exit_code == 0
    assert not list(xdg.glob("*.sqlite"))


def test_the_shipped_registry_cache_is_checked_too(cli, xdg, monkeypatch) -> None:
    """Without a usable pack (stale: a developer edited the data), the shipped registry goes
    through the cache, which is checked like any other."""
    from exitcheck.store import pack as packed

    monkeypatch.setattr(packed, "stamp", lambda: -1)
    assert cli("status", "huobi").exit_code == 0
    forge(the_db(xdg), "Huobi", "Forged", reseal=False)
    result = cli("status", "huobi", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["entity"]["name"] == "Huobi"


# --------------------------------------------------------------------------------------------
# Property: whatever the cache file holds, the answer is the registry's or a rebuild's.


@pytest.fixture(scope="module")
def valid_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes]:
    from typer.testing import CliRunner

    from exitcheck.cli import app_for

    base = tmp_path_factory.mktemp("prop")
    registry = base / "registry.toml"
    from .registries import MINIMAL_HEADER

    registry.write_text(MINIMAL_HEADER + ACME, encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(base / "xdg")}
    result = CliRunner().invoke(
        app_for(["status"]), ["--registry", str(registry), "status", "acme"], env=env
    )
    assert result.exit_code == 0
    (db,) = (base / "xdg" / "exitcheck").glob("*.sqlite")
    return registry, db, db.read_bytes()


edits = st.lists(
    st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    change=st.one_of(
        st.tuples(st.just("edit"), edits),
        st.tuples(st.just("bytes"), st.binary(max_size=4096)),
        st.tuples(st.just("truncate"), st.integers(min_value=0)),
        st.tuples(st.just("append"), st.binary(min_size=1, max_size=64)),
    ),
    stamp=st.none() | st.binary(max_size=200) | st.just(b'{"db": null, "signature": null}'),
)
def test_any_cache_content_gives_the_right_answer(cli, valid_cache, change, stamp) -> None:
    """Random bytes, random edits of a valid cache (and of its stamp): always the registry's
    answer, never a traceback or an internal error."""
    registry, db, good = valid_cache
    kind, arg = change
    data = bytearray(good)
    if kind == "edit":
        for offset, value in arg:
            data[offset % len(data)] = value
    elif kind == "bytes":
        data = bytearray(arg)
    elif kind == "truncate":
        data = data[: arg % len(data)]
    else:
        data += arg
    db.unlink(missing_ok=True)
    db.write_bytes(bytes(data))
    os.chmod(db, 0o600)
    if stamp is not None:
        db.with_suffix(".stamp").unlink(missing_ok=True)
        db.with_suffix(".stamp").write_bytes(stamp)
        os.chmod(db.with_suffix(".stamp"), 0o600)
    result = cli(
        "--registry", str(registry), "status", "acme", "--json",
        env={"XDG_CACHE_HOME": str(registry.parent / "xdg")},
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["entity"]["name"] == "Acme Exchange"


def test_a_database_error_after_opening_removes_the_cache(
    write_registry, xdg, monkeypatch, capsys
) -> None:
    import sqlite3 as sqlite

    from exitcheck.cli import run
    from exitcheck.store import sqlite as store

    path = write_registry(ACME)
    assert run(["--registry", str(path), "status", "acme"]) == 0
    assert list(xdg.glob("*.sqlite"))
    capsys.readouterr()

    def broken(self, entity_id):
        raise sqlite.DatabaseError("database disk image is malformed")

    with monkeypatch.context() as patch:
        patch.setattr(store.SqlTable, "entity", broken)
        assert run(["--registry", str(path), "status", "acme", "--json"]) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err
    assert "registry cache could not be read" in err and "error" in json.loads(out)
    assert not list(xdg.glob("*.sqlite"))  # removed: the next call rebuilds it
    assert run(["--registry", str(path), "status", "acme"]) == 0


@pytest.mark.parametrize("python310", [False, True], ids=["serialize", "backup-fallback"])
def test_a_written_cache_is_sound_and_opens_read_only(tmp_path: Path, python310: bool) -> None:
    """The bytes written are a whole SQLite file whose checksum holds, on 3.11+ (serialize)
    and on 3.10 (no Connection.serialize: a backup into a private temporary file)."""
    from exitcheck.registry import check
    from exitcheck.store import sqlite as store

    from .registries import MINIMAL_HEADER

    registry = tmp_path / "r.toml"
    registry.write_text(MINIMAL_HEADER + ACME, encoding="utf-8")
    checked, _ = check([registry])
    assert checked is not None
    from exitcheck.matching import index_rows

    conn = sqlite3.connect(":memory:")
    rows = index_rows(checked.entities)
    meta = store.plain_meta(
        checked.files, checked.entities, checked.sources, checked.regulations, rows, "v"
    )
    store.build(conn, checked.entities, rows, meta)

    class Without:  # a connection as Python 3.10 has it
        backup = conn.backup

    data = cachefs.serialize(Without() if python310 else conn)  # type: ignore[arg-type]
    db = tmp_path / "c.sqlite"
    st = cachefs.write_atomic(db, cachefs.seal(bytearray(data)))
    assert stat.S_IMODE(st.st_mode) == 0o600
    fd = os.open(db, os.O_RDONLY)
    try:
        assert cachefs.sound(fd, st.st_size)
    finally:
        os.close(fd)
    opened = cachefs.open_readonly(db, store.SCHEMA + store.INDEXES)
    assert store.read_meta(opened)["version"] == "v"
    assert opened.execute("SELECT id FROM entities").fetchall() == [("acme",)]
    with pytest.raises(sqlite3.OperationalError):
        opened.execute("DELETE FROM entities")  # read-only
