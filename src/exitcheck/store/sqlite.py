"""The parsed registry as an SQLite database: it only persists, the index looks things up.

A validated registry is written once into SQLite (a data-only format: reading it cannot run
code): entities as JSON rows, and the rows of the matcher's index (``index.index_rows``) as
they are given. ``SqlTable`` reads them back for ``index.KeyIndex``, so a call reads only the
rows it needs, whatever the size of the registry. The same database serves as the on-disk
cache and, with ``:memory:``, as the store when caching is off.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from exitcheck.dates import Day, Moment, sort_key
from exitcheck.model import Entity, RegistryInfo, Regulation, Source
from exitcheck.store.codec import from_plain, to_plain

if TYPE_CHECKING:
    import sqlite3

    from exitcheck.matching import FuzzyRow, Rows

FORMAT = 10  # bump when the layout below changes; older caches are then rebuilt (7: main's checksum and Chinese text fields; 8: with the registry of each fact; 9: records by field name, codec.py; 10: keys written by the index)
ENTITY_CACHE = 4096  # decoded entities kept per process (memory stays flat when screening)

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE TABLE keys (kind TEXT NOT NULL, key TEXT NOT NULL, entity TEXT NOT NULL, label TEXT NOT NULL, field TEXT NOT NULL);
CREATE TABLE fuzzy (script TEXT NOT NULL, first TEXT NOT NULL, first2 TEXT NOT NULL, digits TEXT NOT NULL, len INTEGER NOT NULL,
                    key TEXT NOT NULL, entity TEXT NOT NULL, label TEXT NOT NULL, field TEXT NOT NULL,
                    minimum INTEGER NOT NULL);
CREATE TABLE domains (host TEXT PRIMARY KEY, entity TEXT NOT NULL, label TEXT NOT NULL) WITHOUT ROWID;
"""
META_KEYS = {"coverage", "format", "version", "files", "sources", "regulations", "count", "keys"}
INDEXES = """
CREATE INDEX keys_by_key ON keys (kind, key);
CREATE INDEX fuzzy_by_first ON fuzzy (script, first, digits, len, key);
CREATE INDEX fuzzy_by_swapped ON fuzzy (script, first2, digits, len, key);
"""


# --------------------------------------------------------------------------------------------
# Records <-> JSON


def _iso(value: Moment | None) -> str | None:
    return value.isoformat() if value is not None else None


# Every record is stored as codec.to_plain gives it: a dict by field name, so a field added to
# a record in model.py needs no change here (bump FORMAT all the same).


def entity_json(e: Entity) -> str:
    import json

    return json.dumps(to_plain(e), ensure_ascii=False)


def entity_from_json(text: str) -> Entity:
    import json

    return from_plain(Entity, json.loads(text))


def records(
    meta: dict[str, Any],
) -> tuple[tuple[RegistryInfo, ...], tuple[Source, ...], tuple[Regulation, ...]]:
    """The registry files, sources and regulations kept in the metadata."""
    return (
        tuple(from_plain(RegistryInfo, f) for f in meta["files"]),
        tuple(from_plain(Source, s) for s in meta["sources"]),
        tuple(from_plain(Regulation, r) for r in meta["regulations"]),
    )


def coverage(entities: Iterable[Entity], sources: int) -> dict[str, Any]:
    """Counts and the date range of the announcements, for ``info``."""
    count = measures = 0
    oldest: Day | None = None
    newest: Day | None = None
    for e in entities:
        count += 1
        measures += len(e.measures)
        for m in e.measures:
            if m.announced is None:
                continue
            if oldest is None or sort_key(m.announced) < sort_key(oldest):
                oldest = m.announced
            if newest is None or sort_key(m.announced) > sort_key(newest):
                newest = m.announced
    return {
        "entities": count,
        "measures": measures,
        "sources": sources,
        "oldest_measure": _iso(oldest),
        "newest_measure": _iso(newest),
    }


def plain_meta(
    files: Iterable[RegistryInfo],
    entities: tuple[Entity, ...],
    sources: Iterable[Source],
    regulations: Iterable[Regulation],
    rows: Rows,
    version: str,
) -> dict[str, Any]:
    """The metadata of a built registry, as plain data."""
    source_list = list(sources)
    keys, fuzzy, _, _ = rows
    return {
        "coverage": coverage(entities, len(source_list)),
        "format": FORMAT,
        "version": version,
        "files": [to_plain(f) for f in files],
        "sources": [to_plain(s) for s in source_list],
        "regulations": [to_plain(r) for r in regulations],
        "count": len(entities),
        "keys": len(keys) + len(fuzzy),
    }


# --------------------------------------------------------------------------------------------
# Writing and reading back


def build(
    conn: sqlite3.Connection, entities: tuple[Entity, ...], rows: Rows, meta: dict[str, Any]
) -> None:
    """Write a validated registry, its index rows and its metadata into an empty database."""
    import json

    keys, fuzzy, domains, _ = rows
    conn.executescript(SCHEMA)
    conn.executemany(
        "INSERT INTO entities (id, data) VALUES (?, ?)", ((e.id, entity_json(e)) for e in entities)
    )
    conn.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?)", keys)
    conn.executemany(
        "INSERT INTO fuzzy VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (script, key[0], key[1::-1], _digits(key), len(key), key, entity, label, field, minimum)
            for script, key, entity, label, field, minimum in fuzzy
        ),
    )
    conn.executemany("INSERT OR IGNORE INTO domains VALUES (?, ?, ?)", domains)
    conn.executescript(INDEXES)
    assert set(meta) == META_KEYS
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [(k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()],
    )
    conn.commit()


def _digits(key: str) -> str:
    return "".join(ch for ch in key if ch.isdigit())


def read_meta(conn: sqlite3.Connection) -> dict[str, Any]:
    import json

    return {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}


_FUZZY = "SELECT rowid, key FROM fuzzy WHERE script = ? AND {} = ? AND digits = ? AND len BETWEEN ? AND ?"


class SqlTable:
    """The entities and the index rows of one built database (see ``index.Table``)."""

    def __init__(self, conn: sqlite3.Connection, meta: dict[str, Any]) -> None:
        self.conn = conn
        self.meta = meta
        self.size: int = meta["keys"]
        self._entities: dict[str, Entity | None] = {}  # decoded entities, bounded

    def entity(self, entity_id: str) -> Entity | None:
        if entity_id in self._entities:
            return self._entities[entity_id]
        row = self.conn.execute("SELECT data FROM entities WHERE id = ?", (entity_id,)).fetchone()
        found = entity_from_json(row[0]) if row else None
        if len(self._entities) >= ENTITY_CACHE:
            self._entities.clear()
        self._entities[entity_id] = found
        return found

    def entities(self) -> Iterator[Entity]:
        for (data,) in self.conn.execute("SELECT data FROM entities ORDER BY pos"):
            yield entity_from_json(data)

    def rows(self) -> Rows:
        keys = self.conn.execute(
            "SELECT kind, key, entity, label, field FROM keys ORDER BY rowid"
        ).fetchall()
        fuzzy = self.conn.execute(
            "SELECT script, key, entity, label, field, minimum FROM fuzzy ORDER BY rowid"
        ).fetchall()
        domains = self.conn.execute("SELECT host, entity, label FROM domains").fetchall()
        ids = [row[0] for row in self.conn.execute("SELECT id FROM entities ORDER BY pos")]
        return keys, fuzzy, domains, ids

    def entries(self, kind: str, key: str) -> list[tuple[str, str, str]]:
        return self.conn.execute(
            "SELECT entity, label, field FROM keys WHERE kind = ? AND key = ? ORDER BY rowid",
            (kind, key),
        ).fetchall()

    def block(
        self, script: str, column: str, value: str, digits: str, low: int, high: int
    ) -> list[tuple[int, str]]:
        sql = _FUZZY.format("first2" if column == "first2" else "first")
        return self.conn.execute(sql, (script, value, digits, low, high)).fetchall()

    def script_rows(self, script: str, first: str | None) -> list[tuple[int, str]]:
        if first is None:
            sql = "SELECT rowid, key FROM fuzzy WHERE script = ? ORDER BY rowid"
            args: tuple[str, ...] = (script,)
        else:
            sql = "SELECT rowid, key FROM fuzzy WHERE script = ? AND first = ? ORDER BY rowid"
            args = (script, first)
        return self.conn.execute(sql, args).fetchall()

    def fuzzy_rows(self, rowids: list[int]) -> dict[int, FuzzyRow]:
        out: dict[int, FuzzyRow] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT rowid, script, key, entity, label, field, minimum FROM fuzzy WHERE rowid IN ({marks})"
            for rowid, script, key, entity, label, field, minimum in self.conn.execute(sql, chunk):
                out[rowid] = (script, key, entity, label, field, minimum)
        return out

    def domain(self, host: str) -> tuple[str, str] | None:
        row = self.conn.execute(
            "SELECT entity, label FROM domains WHERE host = ?", (host,)
        ).fetchone()
        return (row[0], row[1]) if row is not None else None

    def domain_entities(self) -> set[str]:
        return {
            row[0] for row in self.conn.execute("SELECT DISTINCT entity FROM domains") if row[0]
        }

    def ids_from(self, prefix: str, limit: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM entities WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        )
        return [row[0] for row in rows]

    def labels_from(self, key: str, limit: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT label FROM keys WHERE kind = 'exact' AND key >= ? AND key < ? ORDER BY key LIMIT ?",
            (key, key + "\U0010ffff", limit),
        )
        return [row[0] for row in rows]
