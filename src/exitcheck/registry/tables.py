"""Checking one registry file's tables into records: ``[registry]``, ``[[sources]]``,
``[[regulations]]`` and ``[[entities]]`` with their relations (measures: measures.py; later
names: evidence.py; ``[[extend]]``: layering.py).

``check_file`` gives the file as one ``layering.Layer`` and its findings; the rules across
files come after (crossfile.py, evidence.py, layering.py). A table may hold the keys of its
record's fields (checker.table_keys), so a field added in model.py is accepted here at once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from exitcheck.errors import Finding
from exitcheck.model import (
    ENTITY_KINDS,
    RELATION_KINDS,
    Entity,
    RegistryInfo,
    Regulation,
    Relation,
    Source,
)
from exitcheck.registry import layering
from exitcheck.registry.checker import Checker, Where, table_keys
from exitcheck.registry.evidence import later_names
from exitcheck.registry.layering import Layer
from exitcheck.registry.measures import measure_tables
from exitcheck.registry.parse import RawFile

SCHEMA_VERSION = 2  # the newest; schema 1 files (one source per measure) are still read
SCHEMA_VERSIONS = (1, 2)
REGISTRY_KEYS = table_keys(RegistryInfo, also=frozenset({"schema"}))
SOURCE_KEYS = table_keys(Source)
REGULATION_KEYS = table_keys(Regulation)
ENTITY_KEYS = table_keys(Entity)
RELATION_KEYS = table_keys(Relation)
TOP_LEVEL_KEYS = ("registry", "sources", "regulations", "entities", "extend")
# The optional text fields of a source, checked as strings (those its record types str | None).
SOURCE_TEXT_FIELDS = tuple(f for f in Source._fields if Source.__annotations__[f] == "str | None")


def check_file(raw: RawFile) -> tuple[Layer, list[Finding]]:
    """The records of one parsed file, and every finding about it."""
    checker = Checker(raw)
    for key in raw.data:
        if key not in TOP_LEVEL_KEYS:
            checker.error(
                f"unknown top-level key '{key}'",
                raw.lines.line("", 0, key) or raw.lines.line(key, 0),
            )
    info = info_table(checker)
    entities = entity_tables(checker)
    sources, regulations = source_tables(checker), regulation_tables(checker)
    extensions = layering.read(checker, info.name)
    entities = layering.stamp(entities, info.name)
    layer = Layer(info, entities, sources, regulations, checker.id_lines, extensions)
    return layer, checker.findings


def info_table(checker: Checker) -> RegistryInfo:
    meta = checker.raw.data.get("registry")
    where = checker.where("registry", 0)
    if not isinstance(meta, dict):
        checker.error("missing [registry] table (name, version, last_reviewed, schema)", 1)
        meta = {}
    name = checker.get(meta, "name", str, where, None, required=True) if meta else None
    version = checker.get(meta, "version", str, where, None, required=True) if meta else None
    reviewed = (
        checker.get(meta, "last_reviewed", date, where, None, required=True) if meta else None
    )
    schema = checker.get(meta, "schema", int, where, None, required=True) if meta else None
    if schema is not None and schema not in SCHEMA_VERSIONS:
        checker.error(
            f"schema {schema} is not supported (this exitcheck reads schemas 1 and {SCHEMA_VERSION})",
            where("schema"),
        )
    if meta:
        checker.unknown_keys(meta, REGISTRY_KEYS, where, None)
    return RegistryInfo(
        checker.raw.path, checker.raw.sha256, name or "unnamed", version or "unversioned", reviewed
    )


def source_tables(checker: Checker) -> list[Source]:
    out: list[Source] = []
    for index, table in checker.array("sources"):
        where = checker.where("sources", index)
        sid = checker.slug(table, where)
        checker.unknown_keys(table, SOURCE_KEYS, where, sid)
        fields = {
            "publisher": checker.get(table, "publisher", str, where, sid, required=True),
            "language": checker.get(table, "language", str, where, sid, required=True),
        }
        published = checker.day(table, "published", where, sid)  # absent: the page gives none
        optional = {k: checker.get(table, k, str, where, sid) for k in SOURCE_TEXT_FIELDS}
        if optional["title"] is None and optional["title_ours"] is None and "title" not in table:
            checker.error(
                "missing required field 'title' (the title as published; 'title_ours' for a source without one)",
                where(None),
                sid,
            )
            continue
        if sid and all(v is not None for v in fields.values()):
            checker.id_lines[("sources", len(out))] = where("id")
            out.append(Source(id=sid, published=published, **fields, **optional))
    return out


def regulation_tables(checker: Checker) -> list[Regulation]:
    out: list[Regulation] = []
    for index, table in checker.array("regulations"):
        where = checker.where("regulations", index)
        rid = checker.slug(table, where)
        checker.unknown_keys(table, REGULATION_KEYS, where, rid)
        day = checker.get(table, "date", date, where, rid, required=True)
        name = checker.get(table, "name", str, where, rid, required=True)
        summary = checker.get(table, "summary", str, where, rid, required=True)
        source = checker.get(table, "source", str, where, rid, required=True)
        issuers = checker.strings(table, "issuers", where, rid)
        locator = checker.locator(table, where, rid)
        name_zh = checker.get(table, "name_zh", str, where, rid)
        notes = checker.get(table, "notes", str, where, rid)
        summary_zh = checker.get(table, "summary_zh", str, where, rid)
        issuers_zh = checker.strings(table, "issuers_zh", where, rid)
        twins = {"name": name_zh, "summary": summary_zh, "issuers": issuers_zh}
        if any(twins.values()):  # written in Chinese too: then every text the views show
            for key, zh in twins.items():
                if table.get(key) and not zh:
                    checker.warn(
                        f"the regulation has Chinese text but no '{key}_zh': its '{key}' shows"
                        " in English under --lang zh",
                        where(key),
                        rid,
                    )
        if rid and day and name and summary and source and locator:
            checker.id_lines[("regulations", len(out))] = where("id")
            out.append(
                Regulation(
                    rid,
                    day,
                    name,
                    issuers,
                    summary,
                    source,
                    locator,
                    name_zh,
                    notes,
                    summary_zh,
                    issuers_zh,
                )
            )
    return out


def entity_tables(checker: Checker) -> list[Entity]:
    out: list[Entity] = []
    for index, table in checker.array("entities"):
        where = checker.where("entities", index)
        eid = checker.slug(table, where)
        checker.unknown_keys(table, ENTITY_KEYS, where, eid)
        name = checker.get(table, "name", str, where, eid, required=True)
        kind = checker.get(table, "kind", str, where, eid, required=True)
        if kind is not None and kind not in ENTITY_KINDS:
            checker.error(
                f"unknown entity kind '{kind}' (known: {', '.join(ENTITY_KINDS)})",
                where("kind"),
                eid,
            )
            kind = None
        name_zh = checker.get(table, "name_zh", str, where, eid)
        aliases = checker.strings(table, "aliases", where, eid)
        notes = checker.get(table, "notes", str, where, eid)
        measures = measure_tables(checker, table, eid, index)
        relations = relation_tables(checker, table, eid, where)
        later = later_names(checker, table, eid, index)
        if eid and name and kind:
            checker.id_lines[("entities", len(out))] = where("id")
            out.append(Entity(eid, name, kind, name_zh, aliases, measures, relations, notes, later))
    return out


def relation_tables(
    checker: Checker, table: dict[str, Any], eid: str | None, where: Where
) -> tuple[Relation, ...]:
    value = table.get("relations", [])
    if not isinstance(value, list):
        checker.error("'relations' must be a list of tables", where("relations"), eid)
        return ()
    out = []

    def at(_key: str | None) -> int | None:  # inline tables have no lines of their own
        return where("relations")

    for item in value:
        if not isinstance(item, dict):
            checker.error("each relation must be a table", at(None), eid)
            continue
        checker.unknown_keys(item, RELATION_KEYS, at, eid)
        kind = checker.get(item, "kind", str, at, eid, required=True, what=" in relation")
        other = checker.get(item, "entity", str, at, eid, required=True, what=" in relation")
        source = checker.get(item, "source", str, at, eid, required=True, what=" in relation")
        locator = checker.locator(item, at, eid)
        if kind is not None and kind not in RELATION_KINDS:
            checker.error(
                f"unknown relation kind '{kind}' (known: {', '.join(RELATION_KINDS)})",
                at(None),
                eid,
            )
        elif kind and other and source and locator:
            out.append(Relation(kind, other, source, locator))
    return tuple(out)
