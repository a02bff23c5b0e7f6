"""What changed between two registries: entities, measures, aliases, sources, regulations and
the [registry] table, added, removed or changed field by field. Pure over validated records.

Matching: entities, sources and regulations by ``id``; aliases by their exact text within
their entity; measures by a stable key, ``(entity id, kind, source, announced)`` plus an
occurrence index counting measures with the same four values in file order (from 1), written
``huobi/registration_stopped/cls-2021-09-26/2021-09-26#1`` (``undated`` when there is no
announced date). A measure whose kind, source or announced date changes is therefore reported
as one removed and one added: those are what identify it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from exitcheck.dates import PartialDate
from exitcheck.model import Entity, Measure, RegistryInfo
from exitcheck.records import Record
from exitcheck.registry import Checked

KINDS = ("registry", "entity", "alias", "measure", "source", "regulation")
REGISTRY_FIELDS = ("name", "version", "last_reviewed")
ENTITY_FIELDS = ("name", "name_zh", "kind", "relations", "later_names", "notes", "added_notes")
MEASURE_KEY = ("kind", "source", "announced")
SKIPPED = {"registry", "alias_registries", "measures", "aliases", "id"}  # compared otherwise


class Change(Record):
    kind: str  # one of KINDS
    change: str  # added, removed, changed
    id: str
    entity: str | None
    fields: tuple[tuple[str, Any, Any], ...]  # (field, old, new), JSON-ready values


def plain(value: Any) -> Any:
    """A JSON-ready value: dates (and months or years) as ISO text, tuples as lists, records
    as objects."""
    if isinstance(value, (date, PartialDate)):
        return value.isoformat()
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def measure_keys(entity: Entity) -> dict[str, Measure]:
    """Each measure of an entity by its stable key: its id where it has one (a corrected date is
    a change of that measure, not one removed and one added), else kind, first source and
    announcement (see the module docstring)."""
    seen: dict[tuple[Any, ...], int] = {}
    out = {}
    for m in entity.measures:
        if m.id is not None:
            out[f"{entity.id}/{m.id}"] = m
            continue
        base = (m.kind, m.source, m.announced)
        seen[base] = seen.get(base, 0) + 1
        announced = m.announced.isoformat() if m.announced else "undated"
        out[f"{entity.id}/{m.kind}/{m.source}/{announced}#{seen[base]}"] = m
    return out


def _fields(old: Any, new: Any, names: Iterable[str]) -> tuple[tuple[str, Any, Any], ...]:
    out = []
    for name in names:
        before = plain(getattr(old, name)) if old is not None else None
        after = plain(getattr(new, name)) if new is not None else None
        if before != after:
            out.append((name, before, after))
    return tuple(out)


def _names(record: Any) -> list[str]:
    return [f for f in record._fields if f not in SKIPPED]


def _by_id(
    kind: str, old: Iterable[Any], new: Iterable[Any], entity: str | None = None
) -> Iterator[Change]:
    before = {r.id: r for r in old}
    after = {r.id: r for r in new}
    for rid in before.keys() | after.keys():
        a, b = before.get(rid), after.get(rid)
        fields = _fields(a, b, _names(a if a is not None else b))
        if a is None:
            yield Change(kind, "added", rid, entity, fields)
        elif b is None:
            yield Change(kind, "removed", rid, entity, fields)
        elif fields:
            yield Change(kind, "changed", rid, entity, fields)


def _measures(old: Entity | None, new: Entity | None) -> Iterator[Change]:
    eid = (old or new).id  # type: ignore[union-attr]
    before = measure_keys(old) if old else {}
    after = measure_keys(new) if new else {}
    for key in before.keys() | after.keys():
        a, b = before.get(key), after.get(key)
        fields = _fields(a, b, _names(a if a is not None else b))
        if a is None or b is None:
            yield Change("measure", "added" if a is None else "removed", key, eid, fields)
        elif fields:
            yield Change("measure", "changed", key, eid, fields)


def _entities(old: Iterable[Entity], new: Iterable[Entity]) -> Iterator[Change]:
    before = {e.id: e for e in old}
    after = {e.id: e for e in new}
    for eid in before.keys() | after.keys():
        a, b = before.get(eid), after.get(eid)
        names = ENTITY_FIELDS if a is not None and b is not None else ("aliases", *ENTITY_FIELDS)
        fields = _fields(a, b, names)
        if a is None or b is None:
            yield Change("entity", "added" if a is None else "removed", eid, eid, fields)
        else:
            if fields:
                yield Change("entity", "changed", eid, eid, fields)
            for alias in sorted(set(b.aliases) - set(a.aliases)):
                yield Change("alias", "added", alias, eid, (("alias", None, alias),))
            for alias in sorted(set(a.aliases) - set(b.aliases)):
                yield Change("alias", "removed", alias, eid, (("alias", alias, None),))
        yield from _measures(a, b)


def compare(old: Checked, new: Checked) -> list[Change]:
    """Every difference, in a stable order: by kind (KINDS), then entity, then id."""
    changes: list[Change] = []
    info = _fields(_info(old.files), _info(new.files), REGISTRY_FIELDS)
    if info:
        changes.append(Change("registry", "changed", "registry", None, info))
    changes += _entities(old.entities, new.entities)
    changes += _by_id("source", old.sources, new.sources)
    changes += _by_id("regulation", old.regulations, new.regulations)
    return sorted(changes, key=lambda c: (KINDS.index(c.kind), c.entity or "", c.id, c.change))


def _info(files: tuple[RegistryInfo, ...]) -> RegistryInfo:
    first = files[0]
    if len(files) == 1:
        return first
    return first._replace(  # several files on one side: their names and versions joined
        name=" + ".join(f.name for f in files), version=" + ".join(f.version for f in files)
    )


def record(old: Checked, new: Checked, changes: list[Change]) -> dict[str, Any]:
    """The documented JSON shape (data/schemas/diff.json)."""
    summary = {k: {"added": 0, "removed": 0, "changed": 0} for k in KINDS}
    for c in changes:
        summary[c.kind][c.change] += 1
    return {
        "same": not changes,
        "old": [_side(f) for f in old.files],
        "new": [_side(f) for f in new.files],
        "key": "measures: entity/kind/source/announced#occurrence",
        "summary": summary,
        "changes": [
            {
                "kind": c.kind,
                "change": c.change,
                "id": c.id,
                "entity": c.entity,
                "fields": [{"field": f, "old": a, "new": b} for f, a, b in c.fields],
            }
            for c in changes
        ],
    }


def _side(f: RegistryInfo) -> dict[str, Any]:
    return {
        "name": f.name,
        "version": f.version,
        "last_reviewed": plain(f.last_reviewed),
        "sha256": f.sha256,
        "path": f.path,
    }
