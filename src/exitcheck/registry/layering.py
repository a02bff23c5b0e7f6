"""Registries in layers: who states what, and ``[[extend]]`` tables that add to an entity
defined in another registry.

Every entity, measure, alias and added note records the *name* of the registry that states
it, so an answer can say where each fact came from. An extension only adds: measures,
aliases and notes; it cannot change or delete a field, and extending an entity that no
registry in effect defines is an error (a plain redefinition stays one too: see
crossfile.py). Each checked file is one ``Layer``; ``merged`` combines them. Part of the cold
path (validation); the store keeps the result, and answers read it
(``report_records.contributors``).

```toml
[[extend]]
entity = "huobi"
aliases = ["HB Desk"]

[[extend.measures]]        # the fields of [[entities.measures]]
kind = "statement"
...

[[extend.notes]]
text = "Our desk confirmed the registration stop on 24 Sep 2021."
source = "our-memo"        # optional: a source id of any registry in effect
```
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from exitcheck.errors import Finding
from exitcheck.model import Entity, Measure, Note, RegistryInfo, Regulation, Source
from exitcheck.records import Record
from exitcheck.registry.checker import table_keys
from exitcheck.registry.measures import measure_table

if TYPE_CHECKING:  # the checking modules are imported when a file is read, not by answers
    from exitcheck.registry.checker import Checker, Where
    from exitcheck.registry.parse import LineMap


class Layer(Record):
    """One registry file's records, checked, before the layers are merged."""

    info: RegistryInfo
    entities: list[Entity]
    sources: list[Source]
    regulations: list[Regulation]
    id_lines: dict[tuple[str, int], int | None]  # (table, index built) -> line of its id
    extensions: list[Extension]

    def line(self, table: str, index: int) -> int | None:
        return self.id_lines.get((table, index))


class Extension(Record):
    """What one ``[[extend]]`` table adds to one entity."""

    entity: str
    registry: str
    path: str
    line: int | None
    aliases: tuple[str, ...]
    measures: tuple[Measure, ...]
    notes: tuple[Note, ...]


SET_BY_READ = frozenset({"registry", "path", "line"})  # of an Extension; not keys of [[extend]]


def stamp(entities: Iterable[Entity], registry: str) -> list[Entity]:
    """Entities of one file, with every measure and alias marked as stated by ``registry``."""
    return [
        e._replace(
            registry=registry,
            alias_registries=(registry,) * len(e.aliases),
            measures=tuple(m._replace(registry=registry) for m in e.measures),
        )
        for e in entities
    ]


def read(checker: Checker, registry: str) -> list[Extension]:
    """The ``[[extend]]`` tables of one parsed file (findings go to the checker)."""

    extend_keys = table_keys(Extension) - SET_BY_READ
    out: list[Extension] = []
    lines = checker.raw.lines
    measure_index = note_index = 0
    for index, table in checker.array("extend"):
        where = checker.where("extend", index)
        eid = checker.get(table, "entity", str, where, None, required=True, what=" in [[extend]]")
        checker.unknown_keys(table, extend_keys, where, eid)
        aliases = checker.strings(table, "aliases", where, eid)
        measures: list[Measure] = []
        for item in _tables(checker, table, "measures", where, eid):
            at = _finder(lines, "extend.measures", measure_index, where)
            measure_index += 1
            measure = measure_table(checker, item, eid, at)
            if measure is not None:
                measures.append(measure._replace(registry=registry))
        notes: list[Note] = []
        for item in _tables(checker, table, "notes", where, eid):
            at = _finder(lines, "extend.notes", note_index, where)
            note_index += 1
            checker.unknown_keys(item, table_keys(Note), at, eid)
            text = checker.get(item, "text", str, at, eid, required=True, what=" in note")
            source = checker.get(item, "source", str, at, eid)
            if text:
                notes.append(Note(text, registry, source))
        if eid is not None and not (aliases or measures or notes):
            checker.warn(f"[[extend]] of '{eid}' adds nothing", where(None), eid)
        if eid is not None:
            out.append(
                Extension(
                    eid,
                    registry,
                    checker.raw.path,
                    where("entity"),
                    aliases,
                    tuple(measures),
                    tuple(notes),
                )
            )
    return out


def _tables(
    checker: Checker,
    table: dict[str, Any],
    key: str,
    where: Where,
    eid: str | None,
) -> list[dict[str, Any]]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        checker.error(f"'{key}' in [[extend]] must be an array of tables", where(key), eid)
        return []
    return value


def _finder(lines: LineMap, table: str, index: int, fallback: Where) -> Where:
    if lines.span(table, index) is None:  # inline tables: point at the [[extend]] table
        return fallback

    def where(key: str | None) -> int | None:
        return lines.line(table, index, key)

    return where


def cross_checks(parsed: Sequence[Layer], sources: set[str]) -> list[Finding]:
    """Registry names unique; extensions point at a defined entity, cite known sources, and
    add aliases that collide with no other entity's names."""
    out: list[Finding] = []
    names: dict[str, str] = {}
    for p in parsed:
        other = names.setdefault(p.info.name, p.info.path)
        if other != p.info.path:
            out.append(
                Finding(
                    p.info.path,
                    f"registry name '{p.info.name}' is also the name of {other}; "
                    "answers name each fact's registry, so names must differ",
                    1,
                )
            )
    extensions = [x for p in parsed for x in p.extensions]
    if not extensions:
        return out
    from exitcheck.matching import compact_key

    entities = {e.id: e for p in parsed for e in p.entities}
    keys: dict[str, str] = {}
    for e in entities.values():
        for label in (e.id, e.name, e.name_zh or "", *e.aliases, *(n.name for n in e.later_names)):
            keys.setdefault(compact_key(label), e.id)
    for x in extensions:
        if x.entity not in entities:
            out.append(
                Finding(
                    x.path,
                    f"[[extend]] of unknown entity '{x.entity}': no registry in effect defines it "
                    "(to check an extension of the shipped registry: exitcheck --registry FILE validate)",
                    x.line,
                    entity=x.entity,
                )
            )
            continue
        cited = [c.source for m in x.measures for c in m.sources]
        cited += [n.source for n in x.notes if n.source]
        out += [
            Finding(x.path, f"extension cites unknown source '{source}'", x.line, entity=x.entity)
            for source in cited
            if source not in sources
        ]
        out += _added_aliases(x, keys)
    return out


def _added_aliases(x: Extension, keys: dict[str, str]) -> list[Finding]:
    """The aliases an extension adds, against every name key so far (``keys`` grows)."""
    from exitcheck.matching import compact_key

    out = []
    for alias in x.aliases:
        key = compact_key(alias)
        owner = keys.get(key)
        if not key:
            out.append(
                Finding(
                    x.path, f"alias '{alias}' has no letters or digits", x.line, entity=x.entity
                )
            )
        elif owner == x.entity:
            out.append(
                Finding(
                    x.path,
                    f"alias '{alias}' is already a name of '{x.entity}' after normalisation; it adds nothing",
                    x.line,
                    entity=x.entity,
                    severity="warning",
                )
            )
        elif owner is not None:
            out.append(
                Finding(
                    x.path,
                    f"alias '{alias}' collides with a name of entity '{owner}' after normalisation",
                    x.line,
                    entity=x.entity,
                )
            )
        else:
            keys[key] = x.entity
    return out


def merged(parsed: Sequence[Layer]) -> list[Entity]:
    """Every entity in file order, with the extensions of all files added to it."""
    from exitcheck.matching import compact_key

    adds: dict[str, list[Extension]] = {}
    for p in parsed:
        for x in p.extensions:
            adds.setdefault(x.entity, []).append(x)
    out = []
    for p in parsed:
        for e in p.entities:
            for x in adds.get(e.id, ()):
                names = (
                    e.id,
                    e.name,
                    e.name_zh or "",
                    *e.aliases,
                    *(n.name for n in e.later_names),
                )
                taken = {compact_key(label) for label in names}
                new = [a for a in x.aliases if compact_key(a) not in taken]
                e = e._replace(
                    aliases=e.aliases + tuple(new),
                    alias_registries=e.alias_registries + (x.registry,) * len(new),
                    measures=e.measures + x.measures,
                    added_notes=e.added_notes + x.notes,
                )
            out.append(e)
    return out
