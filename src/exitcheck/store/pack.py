"""The shipped registry, precomputed: read from ``exitcheck/data/shipped.pack`` without SQLite or JSON.

``tools/pack.py`` validates ``data/entities.toml`` and writes everything a call reads of it
(the registry's files, sources, regulations and coverage, its entities as plain data, and the
rows of its index, which also depend on ``others.toml``, ``matching.toml`` and
``simplified.txt``) with ``marshal``: plain tuples, lists, dicts, strings and numbers only, a
data-only format whose loading runs no code. The pack is part of the installed package, read
only, so the default call needs neither the user's cache nor ``sqlite3``.

The pack holds a CRC-32 of the data files it was made from and of the code that makes keys
(``names.py``, ``index.py``, ``results.py``), with the exitcheck version and ``FORMAT``; it is
used only when those match the files beside it and this exitcheck (``zlib`` is already loaded
by Typer's ``shutil``; reading and checking the files takes ~0.1 ms). Its own bytes carry a
CRC-32 too, checked before they are decoded, so a damaged pack is never half used. Its keys
were normalised with the Unicode tables of the Python that packed it (NFKC, case folding):
names whose characters are assigned in every supported Python's tables, as all registry names
are, give the same keys everywhere. A pack that does not match (a developer edited
``entities.toml`` without running ``tools/pack.py``) or cannot be read is not used: the
registry is then loaded the usual way, through the cache. Only what an exact hit needs is
decoded at once: the exact keys and the metadata; the rest of the index and each entity are
nested marshal blobs, decoded on first use.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exitcheck.matching import MemoryTable
from exitcheck.version import __version__

if TYPE_CHECKING:
    from exitcheck.matching import FuzzyRow, Rows
    from exitcheck.store.registry import Registry

FORMAT = 3  # bump when the layout below changes (2: entities by field name; 3: a checked header)
PACK = "shipped.pack"
INPUTS = ("entities.toml", "others.toml", "matching.toml", "legal_forms.txt", "simplified.txt")
CODE = ("names.py", "index.py", "results.py")  # the code that turns names into keys (matching/)
MAGIC = b"XCPK"  # then the CRC-32 of the marshal data that follows, 4 bytes big-endian
MARSHAL_VERSION = 4  # readable by every supported Python


def stamp() -> int:
    """CRC-32 of the files the pack is made from (data and key code), as they are now."""
    import zlib

    from exitcheck.datafiles import data_file

    value = 0
    for name in INPUTS:
        value = zlib.crc32(data_file(name).read_bytes(), value)
    here = Path(__file__).parents[1] / "matching"
    for name in CODE:
        value = zlib.crc32((here / name).read_bytes(), value)
    return value


def encode(data: dict[str, Any]) -> bytes:
    """The pack's bytes: a header with the CRC-32 of the marshal data, then the data."""
    import marshal
    import zlib

    payload = marshal.dumps(data, MARSHAL_VERSION)
    return MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload


def decode(raw: bytes) -> dict[str, Any] | None:
    """The pack's data, or None when its header or checksum does not match (a damaged file)."""
    import marshal
    import zlib

    payload = raw[8:]
    if raw[:4] != MAGIC or zlib.crc32(payload).to_bytes(4, "big") != raw[4:8]:
        return None
    data = marshal.loads(payload)
    return data if isinstance(data, dict) else None


def load(path: Path) -> Registry | None:
    """The shipped registry from its pack (``path`` is where entities.toml is), or None when
    the pack is missing, unreadable or stale."""
    from exitcheck.datafiles import data_file

    try:
        data = decode(data_file(PACK).read_bytes())
        if data is None or data.get("format") != FORMAT:
            return None
        if data["version"] != __version__ or data["stamp"] != stamp():
            return None
        return _registry(data, path)
    except (OSError, ValueError, EOFError, TypeError, LookupError):
        return None


class PackTable:
    """The index rows of the pack: the exact keys at once, the rest on first use."""

    def __init__(self, exact: dict[str, list[tuple[str, str, str]]], rest: bytes, size: int):
        self.exact = exact
        self.size = size
        self._rest = rest
        self._table: MemoryTable | None = None

    def full(self) -> MemoryTable:
        if self._table is None:
            import marshal

            keys, fuzzy, domains, ids = marshal.loads(self._rest)
            self._table = MemoryTable(keys, fuzzy, domains, ids, self.size)
        return self._table

    def entries(self, kind: str, key: str) -> list[tuple[str, str, str]]:
        if kind == "exact":
            return self.exact.get(key, [])
        return self.full().entries(kind, key)

    def block(
        self, script: str, column: str, value: str, digits: str, low: int, high: int
    ) -> list[tuple[int, str]]:
        return self.full().block(script, column, value, digits, low, high)

    def script_rows(self, script: str, first: str | None) -> list[tuple[int, str]]:
        return self.full().script_rows(script, first)

    def fuzzy_rows(self, rowids: list[int]) -> dict[int, FuzzyRow]:
        return self.full().fuzzy_rows(rowids)

    def domain(self, host: str) -> tuple[str, str] | None:
        return self.full().domain(host)

    def domain_entities(self) -> set[str]:
        return self.full().domain_entities()

    def ids_from(self, prefix: str, limit: int) -> list[str]:
        return self.full().ids_from(prefix, limit)

    def labels_from(self, key: str, limit: int) -> list[str]:
        return self.full().labels_from(key, limit)

    def rows(self) -> Rows:
        return self.full().rows()


def _registry(data: dict[str, Any], path: Path) -> Registry:
    """The registry of a pack's data. Records are decoded by ``codec`` directly, as the store
    does it (``store.records``), so that a call does not import the
    SQLite store."""
    import marshal

    from exitcheck.matching import KeyIndex
    from exitcheck.model import Entity, RegistryInfo, Regulation, Source
    from exitcheck.store.codec import from_plain
    from exitcheck.store.registry import Registry

    meta = data["meta"]
    meta["files"][0]["path"] = str(path)  # where the package is installed, not where it was packed
    files = tuple(from_plain(RegistryInfo, f) for f in meta["files"])
    sources = tuple(from_plain(Source, s) for s in meta["sources"])
    regulations = tuple(from_plain(Regulation, r) for r in meta["regulations"])
    table = PackTable(data["exact"], data["index"], meta["keys"])
    blobs: list[bytes] = data["entities"]
    positions = {eid: n for n, eid in enumerate(data["ids"])}
    decoded: dict[str, Entity] = {}

    def fetch(entity_id: str) -> Entity | None:
        if entity_id not in decoded:
            if entity_id not in positions:
                return None
            plain = marshal.loads(blobs[positions[entity_id]])
            decoded[entity_id] = from_plain(Entity, plain)
        return decoded[entity_id]

    def fetch_all() -> Iterator[Entity]:
        return (from_plain(Entity, marshal.loads(blob)) for blob in blobs)

    index = KeyIndex(table)
    return Registry(files, sources, regulations, fetch, fetch_all, index, meta["coverage"])


def pack_data() -> dict[str, Any]:
    """What the pack holds, built from the data files (the cold path; see tools/pack.py)."""
    import marshal

    from exitcheck.datafiles import data_file
    from exitcheck.errors import RegistryError
    from exitcheck.matching import MemoryTable, index_rows
    from exitcheck.registry import check
    from exitcheck.store import sqlite as store
    from exitcheck.store.codec import to_plain

    checked, findings = check([data_file("entities.toml")])
    if checked is None:
        raise RegistryError(findings)
    rows = index_rows(checked.entities)
    meta = store.plain_meta(
        checked.files, checked.entities, checked.sources, checked.regulations, rows, __version__
    )
    meta["files"][0]["path"] = ""  # set to the installed path when loaded
    table = MemoryTable.from_rows(rows)
    exact = {key: found for (kind, key), found in table.keys.items() if kind == "exact"}
    rest = (table.keys, table.fuzzy, table.domains, table.ids)
    return {
        "format": FORMAT,
        "version": __version__,
        "stamp": stamp(),
        "meta": meta,
        "exact": exact,
        "index": marshal.dumps(rest, MARSHAL_VERSION),
        "ids": table.ids,
        "entities": [marshal.dumps(to_plain(e), MARSHAL_VERSION) for e in checked.entities],
    }


def decoded(data: dict[str, Any]) -> dict[str, Any]:
    """The pack with its nested blobs decoded: what to compare, since marshal's bytes for
    equal data can differ between Python versions (references, interned strings)."""
    import marshal

    out = dict(data)
    out["index"] = marshal.loads(data["index"])
    out["entities"] = [marshal.loads(blob) for blob in data["entities"]]
    return out
