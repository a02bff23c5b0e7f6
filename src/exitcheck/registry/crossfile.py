"""Rules across every registry file in effect: a source, regulation or entity is defined once;
no two entities share a name after normalisation; every reference resolves.

The rules about evidence are in evidence.py, those about ``[[extend]]`` in
``layering.cross_checks``; validation.check runs them all, in a fixed order, so that findings
always come in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from exitcheck.errors import Finding
from exitcheck.matching import compact_key, mixes_scripts
from exitcheck.model import Entity, Source
from exitcheck.registry.layering import Layer


def first_sources(layers: Sequence[Layer]) -> dict[str, Source]:
    """Each source id with its first definition, in file order."""
    out: dict[str, Source] = {}
    for p in layers:
        for s in p.sources:
            out.setdefault(s.id, s)
    return out


def definitions(layers: Sequence[Layer]) -> list[Finding]:
    """A source defined again with other content; a regulation or entity id defined twice; a
    name or alias that has no letters, mixes scripts, or collides with another entity's."""
    out = list(_source_conflicts(layers))
    sources = first_sources(layers)
    regulation_ids: set[str] = set()
    entity_home: dict[str, str] = {}  # entity id -> the file that defines it
    keys: dict[str, tuple[str, str]] = {}  # name key -> (entity id, label)
    for p in layers:
        path = p.info.path
        for i, r in enumerate(p.regulations):
            line = p.line("regulations", i)
            if r.id in regulation_ids:
                out.append(Finding(path, f"regulation id '{r.id}' is defined twice", line))
            regulation_ids.add(r.id)
            if r.source not in sources:
                out.append(Finding(path, f"regulation cites unknown source '{r.source}'", line))
        for i, e in enumerate(p.entities):
            line = p.line("entities", i)
            if e.id in entity_home:
                out.append(
                    Finding(
                        path,
                        f"entity id '{e.id}' is defined twice (first in {entity_home[e.id]}); "
                        f"to add to it, use [[extend]] with entity = '{e.id}'",
                        line,
                        entity=e.id,
                    )
                )
                continue
            entity_home[e.id] = path
            out += _names(e, path, line, keys)
    return out


def _source_conflicts(layers: Sequence[Layer]) -> Iterator[Finding]:
    sources: dict[str, Source] = {}
    for p in layers:
        for i, s in enumerate(p.sources):
            if s.id in sources and sources[s.id] != s:
                yield Finding(
                    p.info.path,
                    f"source '{s.id}' is defined again with different content",
                    p.line("sources", i),
                )
            sources.setdefault(s.id, s)


def _names(
    e: Entity, path: str, line: int | None, keys: dict[str, tuple[str, str]]
) -> Iterator[Finding]:
    """The entity's names and aliases against each other's keys (``keys`` grows with them)."""
    for label in (e.id, e.name, e.name_zh or "", *e.aliases, *(n.name for n in e.later_names)):
        key = compact_key(label)
        if not key:
            if label:
                yield Finding(
                    path, f"name or alias '{label}' has no letters or digits", line, entity=e.id
                )
            continue
        if mixes_scripts(label):
            yield Finding(
                path,
                f"name or alias '{label}' mixes Latin with Cyrillic or Greek look-alike letters",
                line,
                entity=e.id,
                severity="warning",
            )
        other = keys.get(key)
        if other and other[0] != e.id:
            yield Finding(
                path,
                f"name or alias '{label}' collides with '{other[1]}' of entity '{other[0]}' after normalisation",
                line,
                entity=e.id,
            )
        else:
            keys[key] = (e.id, label)


def references(layers: Sequence[Layer], sources: dict[str, Source]) -> list[Finding]:
    """Measures and relations cite known sources; relations point at known entities; a measure
    id is given once, and a measure's ``see`` names a measure or a source that exists."""
    out: list[Finding] = []
    all_ids = {e.id for p in layers for e in p.entities}
    measures = [
        (p, x.line, x.entity, m) for p in layers for x in p.extensions for m in x.measures
    ] + [
        (p, p.line("entities", i), e.id, m)
        for p in layers
        for i, e in enumerate(p.entities)
        for m in e.measures
    ]
    seen: dict[str, str] = {}
    for p, line, eid, m in measures:
        if m.id is None:
            continue
        if m.id in seen:
            out.append(
                Finding(
                    p.info.path,
                    f"measure id '{m.id}' is given twice (also in '{seen[m.id]}')",
                    line,
                    entity=eid,
                )
            )
        seen.setdefault(m.id, eid)
    for p, line, eid, m in measures:
        for target in m.see:
            if target not in seen and target not in sources:
                out.append(
                    Finding(
                        p.info.path,
                        f"measure '{m.id or m.kind}' refers to '{target}' in 'see': no measure or source has that id",
                        line,
                        entity=eid,
                    )
                )
    for p in layers:
        path = p.info.path
        for i, e in enumerate(p.entities):
            line = p.line("entities", i)
            problems = [
                f"measure cites unknown source '{c.source}'"
                for m in e.measures
                for c in m.sources
                if c.source not in sources
            ]
            for rel in e.relations:
                if rel.entity not in all_ids:
                    problems.append(f"relation points to unknown entity '{rel.entity}'")
                if rel.source not in sources:
                    problems.append(f"relation cites unknown source '{rel.source}'")
            out += [Finding(path, msg, line, entity=e.id) for msg in problems]
    return out
