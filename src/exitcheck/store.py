"""The parsed registry as an SQLite database: entities as JSON rows plus the matching keys.

A validated registry is written once into SQLite (a data-only format: reading it cannot run
code) and queried from then on, so a call reads only the rows it needs, whatever the size of
the registry. The same database serves as the on-disk cache and, with ``:memory:``, as the
store when caching is off. Fuzzy candidates are blocked by first letter and length, which are
exactly the matcher's own preconditions, so blocking never changes a result.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from exitcheck.codec import from_plain, to_plain
from exitcheck.dates import Day, Moment, sort_key
from exitcheck.matching import (
    MIN_FUZZY_CJK,
    MIN_FUZZY_LATIN,
    MIN_FUZZY_PINYIN,
    Entry,
    clean,
    compact_key,
    domain_of,
    has_cjk,
    romanise,
    to_simplified,
)
from exitcheck.model import (
    Entity,
    Registry,
    RegistryInfo,
    Regulation,
    Source,
)
from exitcheck.names import core_key

FORMAT = 9  # bump when the layout below changes; older caches are then rebuilt (7: main's checksum and Chinese text fields; 8: with the registry of each fact; 9: records by field name, codec.py)
SCAN_ALL_BELOW = 5000  # suggestions scan every key of a registry with fewer keys than this
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
    return json.dumps(to_plain(e), ensure_ascii=False)


def entity_from_json(text: str) -> Entity:
    return from_plain(Entity, json.loads(text))


def _source_json(s: Source) -> dict[str, Any]:
    return to_plain(s)


def _source_from(row: dict[str, Any]) -> Source:
    return from_plain(Source, row)


def _regulation_json(r: Regulation) -> dict[str, Any]:
    return to_plain(r)


def _regulation_from(row: dict[str, Any]) -> Regulation:
    return from_plain(Regulation, row)


def _info_json(f: RegistryInfo) -> dict[str, Any]:
    return to_plain(f)


def _info_from(row: dict[str, Any]) -> RegistryInfo:
    return from_plain(RegistryInfo, row)


# --------------------------------------------------------------------------------------------
# Keys


def labels(e: Entity) -> list[tuple[str, str]]:
    """(label, field) for every name of an entity; domains are aliases that look like one."""
    out = [(e.name, "name")]
    if e.name_zh:
        out.append((e.name_zh, "name_zh"))
    out += [(a, "domain" if "." in a and domain_of(clean(a)) else "alias") for a in e.aliases]
    out += [(n.name, "later_name") for n in e.later_names]
    out.append((e.id, "id"))
    return out


def key_rows(e: Entity) -> Iterator[tuple[str, str, str, str, str]]:
    """(table, key, label, field, extra) rows for one entity; see ``build``."""
    seen: set[tuple[str, str]] = set()
    for label, field in labels(e):
        key = compact_key(label)
        if not key:
            continue
        for row in _label_rows(label, field, key):
            if (row[0], row[1]) not in seen:
                seen.add((row[0], row[1]))
                yield row


def _label_rows(label: str, field: str, key: str) -> Iterator[tuple[str, str, str, str, str]]:
    yield ("exact", key, label, field, "")
    if field == "domain" or (field == "later_name" and "." in label and domain_of(clean(label))):
        found = domain_of(clean(label))
        if found:
            yield ("domain", found[0], label, field, "")
        return
    if has_cjk(label):
        simplified = to_simplified(label)
        folded = compact_key(simplified)
        yield ("folded", folded, label, field, "")
        core = core_key(simplified)  # fuzzy on the distinctive part, never on the boilerplate
        yield ("fuzzy:cjk", core if has_cjk(core) else folded, label, field, str(MIN_FUZZY_CJK))
        romanised = romanise(simplified)
        if romanised:
            yield ("romanised", romanised, label, field, "")
            yield ("fuzzy:latin", romanised, label, field, str(MIN_FUZZY_PINYIN))
    else:
        yield ("fuzzy:latin", key, label, field, str(MIN_FUZZY_LATIN))


def other_rows(known: set[str]) -> Iterator[tuple[str, str, str, str]]:
    """(table, key, label, extra) rows for the known other platforms of data/others.toml,
    leaving out every name whose key is also a registry key (the registry always wins)."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("others.toml").read_text(encoding="utf-8"))
    seen: set[tuple[str, str]] = set()
    for group in data["groups"]:
        for item in group["names"]:
            name = item["name"]
            key = compact_key(name)
            if not key or key in known:
                continue
            rows = [("exact", key)]
            rows += [("domain", d.lower()) for d in item.get("domains", ())]
            if has_cjk(name):
                core = core_key(to_simplified(name))
                rows.append(("fuzzy:cjk", core if has_cjk(core) else key))
            else:
                rows.append(("fuzzy:latin", key))
            for table, value in rows:
                if (table, value) not in seen:
                    seen.add((table, value))
                    yield table, value, name, ""


# --------------------------------------------------------------------------------------------
# Building and opening


def build(
    conn: sqlite3.Connection,
    files: Iterable[RegistryInfo],
    entities: Iterable[Entity],
    sources: Iterable[Source],
    regulations: Iterable[Regulation],
    version: str,
) -> None:
    """Write a validated registry into an empty database."""
    conn.executescript(SCHEMA)
    count = measures = 0
    keys, fuzzy, domains = [], [], []
    rows = []
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
        rows.append((e.id, entity_json(e)))
        for table, key, label, field, extra in key_rows(e):
            if table == "domain":
                domains.append((key, e.id, label))
            elif table.startswith("fuzzy:"):
                digits = "".join(ch for ch in key if ch.isdigit())
                row = (
                    table[6:],
                    key[0],
                    key[1::-1],
                    digits,
                    len(key),
                    key,
                    e.id,
                    label,
                    field,
                    int(extra),
                )
                fuzzy.append(row)
            else:
                keys.append((table, key, e.id, label, field))
    known = {row[1] for row in keys} | {row[5] for row in fuzzy}
    for table, key, label, _ in other_rows(known):
        if table == "domain":
            domains.append((key, "", label))
        elif table.startswith("fuzzy:"):
            digits = "".join(ch for ch in key if ch.isdigit())
            script = "other-" + table[6:]
            minimum = MIN_FUZZY_CJK if table == "fuzzy:cjk" else MIN_FUZZY_LATIN
            fuzzy.append(
                (script, key[0], key[1::-1], digits, len(key), key, "", label, "other", minimum)
            )
        else:
            keys.append(("other", key, "", label, "other"))
    conn.executemany("INSERT INTO entities (id, data) VALUES (?, ?)", rows)
    conn.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?)", keys)
    conn.executemany("INSERT INTO fuzzy VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fuzzy)
    conn.executemany("INSERT OR IGNORE INTO domains VALUES (?, ?, ?)", domains)
    conn.executescript(INDEXES)
    source_list = list(sources)
    meta = {
        "coverage": {
            "entities": count,
            "measures": measures,
            "sources": len(source_list),
            "oldest_measure": _iso(oldest),
            "newest_measure": _iso(newest),
        },
        "format": FORMAT,
        "version": version,
        "files": [_info_json(f) for f in files],
        "sources": [_source_json(s) for s in source_list],
        "regulations": [_regulation_json(r) for r in regulations],
        "count": count,
        "keys": len(keys) + len(fuzzy),
    }
    assert set(meta) == META_KEYS
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [(k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()],
    )
    conn.commit()


def read_meta(conn: sqlite3.Connection) -> dict[str, Any]:
    return {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}


class Store:
    """Queries over one built database: the registry's entities and the matcher's keys."""

    def __init__(self, conn: sqlite3.Connection, meta: dict[str, Any]) -> None:
        self.conn = conn
        self.meta = meta
        self._has_domains: set[str] | None = None
        self._entities: dict[str, Entity | None] = {}  # decoded entities, bounded
        self._keys: dict[tuple[str, str], list[Entry]] | None = None  # set by preload()
        self._fuzzy: dict[str, list[tuple[int, str]]] = {}
        # preloaded fuzzy keys by (script, first letter, digits) and by (script, first two
        # letters swapped, digits): the blocking of the SQL query in ``fuzzy``
        self._fuzzy_first: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
        self._fuzzy_first2: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
        self._rows: dict[int, tuple[str, Entry, int]] = {}

    def preload(self) -> None:
        """For many look-ups (screening) in a small registry: hold every key in memory.
        Answers are the same as from SQL; only the per-look-up cost changes."""
        if self._keys is not None or self.meta["keys"] >= SCAN_ALL_BELOW:
            return
        keys: dict[tuple[str, str], list[Entry]] = {}
        for kind, key, entity, label, field in self.conn.execute(
            "SELECT kind, key, entity, label, field FROM keys ORDER BY rowid"
        ):
            keys.setdefault((kind, key), []).append(Entry(entity, label, field))
        for rowid, script, digits, key, entity, label, field, minimum in self.conn.execute(
            "SELECT rowid, script, digits, key, entity, label, field, minimum FROM fuzzy"
            " ORDER BY rowid"
        ):
            self._fuzzy.setdefault(script, []).append((rowid, key))
            # blocked like the SQL path: first letter (or first two swapped) and the same digits
            self._fuzzy_first.setdefault((script, key[0], digits), []).append((rowid, key))
            if len(key) > 1 and key[1] != key[0]:
                self._fuzzy_first2.setdefault((script, key[1::-1], digits), []).append((rowid, key))
            self._rows[rowid] = (key, Entry(entity, label, field), minimum)
        self._keys = keys

    def registry(self) -> Registry:
        meta = self.meta
        return Registry(
            files=tuple(_info_from(f) for f in meta["files"]),
            sources=tuple(_source_from(s) for s in meta["sources"]),
            regulations=tuple(_regulation_from(r) for r in meta["regulations"]),
            fetch=self.entity,
            fetch_all=self.entities,
            backend=self,
            coverage=meta.get("coverage"),
        )

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

    def complete(self, prefix: str, limit: int = 50) -> list[str]:
        """Ids, then names and aliases, that start with what was typed (shell completion)."""
        ids = [
            row[0]
            for row in self.conn.execute(
                "SELECT id FROM entities WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                (prefix, prefix + "\U0010ffff", limit),
            )
        ]
        key = compact_key(prefix)
        rows = self.conn.execute(
            "SELECT DISTINCT label FROM keys WHERE kind = 'exact' AND key >= ? AND key < ? ORDER BY key LIMIT ?",
            (key, key + "\U0010ffff", limit),
        )
        folded = prefix.casefold()
        names = [
            label for (label,) in rows if label.casefold().startswith(folded) and label not in ids
        ]
        return (ids + names)[:limit]

    # -- the matcher's index (see matching.MatchIndex) ---------------------------------------
    def _entries(self, kind: str, key: str) -> list[Entry]:
        if self._keys is not None:
            return self._keys.get((kind, key), [])
        rows = self.conn.execute(
            "SELECT entity, label, field FROM keys WHERE kind = ? AND key = ? ORDER BY rowid",
            (kind, key),
        )
        return [Entry(*row) for row in rows]

    def exact(self, key: str) -> list[Entry]:
        return self._entries("exact", key)

    def other(self, key: str) -> list[Entry]:
        return self._entries("other", key)

    def folded(self, key: str) -> list[Entry]:
        return self._entries("folded", key)

    def romanised(self, key: str) -> list[Entry]:
        return self._entries("romanised", key)

    def domain(self, host: str) -> Entry | None:
        row = self.conn.execute(
            "SELECT entity, label FROM domains WHERE host = ?", (host,)
        ).fetchone()
        if row is None:
            return None
        return Entry(row[0], row[1], "domain" if row[0] else "other")

    def has_domains(self, entity_id: str) -> bool:
        if self._has_domains is None:
            self._has_domains = {
                row[0] for row in self.conn.execute("SELECT DISTINCT entity FROM domains") if row[0]
            }
        return entity_id in self._has_domains

    def fuzzy(self, script: str, query: str, spread: int) -> list[tuple[str, Entry, int]]:
        """Keys within ``spread`` edits whose first letter is the query's (or whose first two
        are the query's swapped): the matcher's own preconditions, so nothing it would keep
        is left out. Distances are computed by rapidfuzz in C over the blocked keys."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        low, high = len(query) - spread, len(query) + spread
        digits = "".join(ch for ch in query if ch.isdigit())  # the matcher wants the same digits
        if self._keys is not None:
            first = self._fuzzy_first.get((script, query[0], digits), [])
            by_first = first + self._fuzzy_first2.get((script, query[:2], digits), [])
            rows = [(rowid, key) for rowid, key in by_first if low <= len(key) <= high]
        else:
            rows = self.conn.execute(
                "SELECT rowid, key FROM fuzzy WHERE script = ? AND first = ? AND digits = ? AND len BETWEEN ? AND ?"
                " UNION ALL SELECT rowid, key FROM fuzzy WHERE script = ? AND first2 = ? AND digits = ?"
                " AND len BETWEEN ? AND ? AND first != ?",
                (
                    script,
                    query[0],
                    digits,
                    low,
                    high,
                    script,
                    query[:2],
                    digits,
                    low,
                    high,
                    query[0],
                ),
            ).fetchall()
        if not rows:
            return []
        keys = [key for _, key in rows]
        hits = process.extract(query, keys, scorer=OSA.distance, score_cutoff=spread, limit=None)
        return list(self._details([rows[index][0] for _, _, index in hits]).values())

    def _details(self, rowids: list[int]) -> dict[int, tuple[str, Entry, int]]:
        """Full rows of the given fuzzy keys, by rowid."""
        if self._keys is not None:
            return {rowid: self._rows[rowid] for rowid in rowids}
        out = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT rowid, key, entity, label, field, minimum FROM fuzzy WHERE rowid IN ({marks})"
            for rowid, key, entity, label, field, minimum in self.conn.execute(sql, chunk):
                out[rowid] = (key, Entry(entity, label, field), minimum)
        return out

    def suggestions(self, script: str, query: str, limit: int) -> list[tuple[str, Entry, float]]:
        """The keys most like the query by rapidfuzz's WRatio: every key of a small registry,
        else those sharing the query's first letter."""
        from rapidfuzz import fuzz, process

        if self._keys is not None:
            rows = self._fuzzy.get(script, [])
        elif self.meta["keys"] < SCAN_ALL_BELOW:
            rows = self.conn.execute(
                "SELECT rowid, key FROM fuzzy WHERE script = ? ORDER BY rowid", (script,)
            ).fetchall()
        else:
            rows = self.conn.execute(
                "SELECT rowid, key FROM fuzzy WHERE script = ? AND first = ? ORDER BY rowid",
                (script, query[0]),
            ).fetchall()
        if not rows:
            return []
        hits = process.extract(query, [key for _, key in rows], scorer=fuzz.WRatio, limit=limit * 4)
        details = self._details([rows[index][0] for _, _, index in hits])
        return [(details[rows[i][0]][0], details[rows[i][0]][1], score) for _, score, i in hits]
