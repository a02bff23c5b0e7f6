"""The shipped registry's precomputed pack: what tools/pack.py writes, and every way it is not used."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from exitcheck.datafiles import data_file
from exitcheck.store import pack as packed
from exitcheck.store.loading import load, shipped_registry

REPO = Path(__file__).resolve().parents[1]


def test_the_shipped_pack_is_what_the_generator_writes() -> None:
    """Compared by content: marshal's bytes may differ between Python versions."""
    shipped = packed.decode(data_file(packed.PACK).read_bytes())
    assert shipped is not None
    assert packed.decoded(shipped) == packed.decoded(packed.pack_data())


def test_the_generator_check_fails_on_a_stale_pack(tmp_path: Path, monkeypatch) -> None:
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import pack  # tools/pack.py
    finally:
        sys.path.remove(str(REPO / "tools"))
    assert pack.main(["--check"]) == 0
    stale = tmp_path / "stale.pack"
    data = packed.pack_data()
    data["meta"]["coverage"]["entities"] += 1
    stale.write_bytes(packed.encode(data))
    monkeypatch.setattr(packed, "PACK", str(stale))  # an absolute name: data_file takes it
    assert pack.main(["--check"]) == 1


def test_the_shipped_registry_is_read_from_the_pack() -> None:
    registry = load([shipped_registry()])
    assert type(registry.index.table) is packed.PackTable
    built = load([shipped_registry()], use_cache=False)
    assert registry.files == built.files and registry.sources == built.sources
    assert registry.regulations == built.regulations and registry.coverage == built.coverage
    assert registry.entities == built.entities
    assert registry.entity("huobi") == built.entity("huobi")
    with pytest.raises(KeyError):
        registry.entity("no-such-entity")


def _damaged() -> bytes:
    """The shipped pack with one byte of an entity's blob changed: its checksum fails."""
    raw = bytearray(data_file(packed.PACK).read_bytes())
    raw[len(raw) // 2] ^= 0x01
    return bytes(raw)


def _answer(cli, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    "broken",
    [
        b"",
        b"not marshal data",
        marshal.dumps([1, 2]),
        marshal.dumps({"format": -1}),
        packed.encode({"format": -1}),
        _damaged(),
    ],
    ids=["empty", "garbage", "headerless", "headerless-dict", "other-format", "damaged"],
)
def test_an_unusable_pack_falls_back_to_the_registry(cli, tmp_path, monkeypatch, broken) -> None:
    expected = _answer(cli, "status", "huobi", "--json", "--as-of", "2021-10-01")
    bad = tmp_path / "bad.pack"
    bad.write_bytes(broken)
    monkeypatch.setattr(packed, "PACK", str(bad))
    assert packed.load(shipped_registry()) is None
    assert _answer(cli, "status", "huobi", "--json", "--as-of", "2021-10-01") == expected


def test_a_stale_pack_is_not_used(cli, monkeypatch) -> None:
    """A developer edited the data without running tools/pack.py: the files are read."""
    expected = _answer(cli, "status", "houbi", "--json", "--as-of", "2021-10-01")
    monkeypatch.setattr(packed, "stamp", lambda: -1)
    assert packed.load(shipped_registry()) is None
    assert _answer(cli, "status", "houbi", "--json", "--as-of", "2021-10-01") == expected


def test_an_edited_data_file_makes_the_pack_stale(tmp_path, monkeypatch) -> None:
    before = packed.stamp()
    for name in packed.INPUTS:
        copy = tmp_path / name
        copy.write_bytes(data_file(name).read_bytes())
    edited = tmp_path / "matching.toml"
    edited.write_bytes(edited.read_bytes() + b"\n# edited\n")
    monkeypatch.setattr("exitcheck.datafiles._HERE", tmp_path)
    assert packed.stamp() != before


def test_the_pack_is_used_only_for_the_shipped_registry_alone(cli, write_registry) -> None:
    from .registries import ACME

    path = write_registry(ACME)
    registry = load([shipped_registry(), path])
    assert type(registry.index.table) is not packed.PackTable
    assert type(load([shipped_registry()], use_cache=False).index.table) is not packed.PackTable
    out = json.loads(_answer(cli, "--registry", str(path), "status", "acme", "--json"))
    assert out["entity"]["id"] == "acme"


@pytest.mark.parametrize(
    ("args", "json_imported"),
    [(["status", "huobi"], False), (["status", "huobi", "--json"], True)],
)
def test_an_exact_hit_imports_no_sqlite_no_toml(args: list[str], json_imported: bool) -> None:
    """The default call: neither sqlite3 nor a TOML parser, the validator or rapidfuzz is
    imported (`python -X importtime -m exitcheck status huobi` shows the same), and json only
    for a JSON answer: the registry is read with marshal."""
    code = (
        "import sys\nfrom exitcheck.cli import run\n"
        f"code = run({args!r})\n"
        "mods = ['sqlite3', 'tomli', 'tomllib', 'exitcheck.registry.validation', 'rapidfuzz']\n"
        "print(code, [m for m in mods if m in sys.modules], 'json' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    last = done.stderr.strip().splitlines()[-1]
    assert last == f"0 [] {json_imported}"
