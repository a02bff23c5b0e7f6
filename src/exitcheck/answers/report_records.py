"""The records every answer is built from (entity, measure, match, source, provenance,
coverage, finding, error): the documented JSON-ready shapes that every renderer formats, and
what they say about an entity's registries (``contributors``) and sources (``disagreements``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from exitcheck.answers.status import counts_from, done_by, earliest, measure_status
from exitcheck.dates import Day, instant_key, iso, sort_key
from exitcheck.matching import Candidate, MatchResult
from exitcheck.model import Citation, Entity, LaterName, Measure
from exitcheck.version import __version__

if TYPE_CHECKING:
    from exitcheck.store import Registry

# The version of the JSON shapes (exitcheck schema ...): 2 since a measure has several sources.
JSON_SCHEMA_VERSION = 2


def registries_record(registry: Registry) -> list[dict[str, Any]]:
    return [
        {
            "name": f.name,
            "version": f.version,
            "last_reviewed": iso(f.last_reviewed),
            "sha256": f.sha256,
            "path": f.path,
        }
        for f in registry.files
    ]


def provenance_record(
    registry: Registry,
    as_of: date,
    known_on: date | None = None,
    contributors: list[str] | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Versions, both clocks (days are calendar days in mainland China, UTC+8; ``now`` the
    moment the command read the clock, which a clock left out stands for), the registries in
    effect and those that contributed (all of them unless ``contributors`` names fewer)."""
    return {
        "exitcheck_version": __version__,
        "schema_version": JSON_SCHEMA_VERSION,
        "as_of": as_of.isoformat(),
        "known_on": iso(known_on),
        "day_offset": "+08:00",
        "now": None if now is None else now.isoformat(timespec="seconds"),
        "registries": registries_record(registry),
        "contributors": contributors
        if contributors is not None
        else list(dict.fromkeys(f.name for f in registry.files)),
    }


def contributors(entity: Entity) -> list[str]:
    """The registries that state something about an entity, the defining one first."""
    names = [entity.registry, *entity.alias_registries]
    names += [m.registry for m in entity.measures] + [n.registry for n in entity.added_notes]
    return list(dict.fromkeys(n for n in names if n))


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "name_zh": entity.name_zh,
        "aliases": list(entity.aliases),
        "kind": entity.kind,
        "relations": [
            {
                "kind": r.kind,
                "entity": r.entity,
                "source": r.source,
                "locator": {"paragraph": r.locator.paragraph, "quote": r.locator.quote},
            }
            for r in entity.relations
        ],
        "later_names": [later_name_record(n) for n in entity.later_names],
        "notes": entity.notes,
        "registry": entity.registry,
        "alias_origins": [
            {"alias": a, "registry": r}
            for a, r in zip(entity.aliases, entity.alias_registries, strict=False)
        ],
        "added_notes": [
            {"text": n.text, "source": n.source, "registry": n.registry} for n in entity.added_notes
        ],
    }


def later_name_record(n: LaterName) -> dict[str, Any]:
    return {"name": n.name, "since": iso(n.since), "source": n.source}


def measure_record(
    measure: Measure,
    as_of: date,
    reported: Day | None = None,
    known_on: date | None = None,
    published: Mapping[str, Day] | None = None,
) -> dict[str, Any]:
    """One measure for answers: its own fields, every source (``source`` and ``locator`` are
    the first's), the status it contributes, the latest possible day it was done when a source
    reports it done, and the dates its sources disagree on (the earliest one counts)."""
    latest = done_by(measure, published)
    reported_done = [c.source for c in measure.sources if c.done]
    return {
        "id": measure.id,
        "kind": measure.kind,
        "actor": measure.actor,
        "scope": measure.scope,
        "announced": iso(measure.announced),
        "effective": iso(measure.effective),
        "effective_stated": measure.effective_stated,
        "effective_offset_assumed": measure.effective_offset_assumed,
        "deadline": iso(measure.deadline),
        "deadline_stated": measure.deadline_stated,
        "deadline_offset_assumed": measure.deadline_offset_assumed,
        "status": measure_status(measure, as_of, reported, known_on, published),
        "counts_from": iso(counts_from(measure, reported)),
        "done_by": None
        if not reported_done
        else {
            "date": iso(latest),  # null: no source that reports it done gives its date
            "latest_possible": True,
            "sources": reported_done,
        },
        "disputed": disputed(measure),
        "products": list(measure.products),
        "description": measure.description,
        "description_zh": measure.description_zh,
        "source": measure.source,
        "locator": {"paragraph": measure.locator.paragraph, "quote": measure.locator.quote},
        "sources": [citation_record(c) for c in measure.sources],
        "see": list(measure.see),
        "notes": measure.notes,
        "scope_zh": measure.scope_zh,
        "notes_zh": measure.notes_zh,
        "products_zh": list(measure.products_zh),
        "registry": measure.registry,
    }


# The fields of a measure a screened row carries (``screen --since`` compares them): enough to
# tell a measure added, removed or changed without the measure's text.
SCREEN_MEASURE_FIELDS = (
    "id",
    "kind",
    "scope",
    "announced",
    "effective",
    "deadline",
    "status",
    "source",
)


def screen_measure_record(full: dict[str, Any]) -> dict[str, Any]:
    """A measure record (``measure_record``) cut to SCREEN_MEASURE_FIELDS."""
    return {k: full[k] for k in SCREEN_MEASURE_FIELDS}


def citation_record(c: Citation) -> dict[str, Any]:
    return {
        "source": c.source,
        "locator": {"paragraph": c.locator.paragraph, "quote": c.locator.quote},
        "done": c.done,
        "announced": iso(c.announced),
        "effective": iso(c.effective),
        "deadline": iso(c.deadline),
        "effective_stated": c.effective_stated,
        "deadline_stated": c.deadline_stated,
        "notes": c.notes,
        "notes_zh": c.notes_zh,
    }


def disputed(measure: Measure) -> list[dict[str, Any]]:
    """The dates a measure's sources give differently: per field, each source's date and the
    one that counts (the earliest)."""
    out = []
    for field in ("announced", "effective", "deadline"):
        given = [(measure.source, getattr(measure, field))]
        given += [(c.source, getattr(c, field)) for c in measure.sources[1:]]
        dated = [(source, moment) for source, moment in given if moment is not None]
        if len({iso(moment) for _, moment in dated}) < 2:
            continue
        used = earliest(moment for _, moment in dated)
        out.append(
            {
                "field": field,
                "dates": [{"source": source, "date": iso(moment)} for source, moment in dated],
                "used": iso(used),
            }
        )
    return out


def candidate_record(c: Candidate, registry: Registry) -> dict[str, Any]:
    entity = registry.entity(c.entity_id)
    return {
        "id": entity.id,
        "name": entity.name,
        "name_zh": entity.name_zh,
        "matched": c.label,
        "score": c.score,
        "method": c.method,
    }


def match_record(
    result: MatchResult, registry: Registry, threshold: float | None = None
) -> dict[str, Any]:
    best = result.best if result.decision == "match" else None
    later = registry.entity(best.entity_id).later_name(best.label) if best else None
    record: dict[str, Any] = {
        "query": result.query,
        "normalized": result.normalized,
        "decision": result.decision,
        "method": result.method,
        "matched": best.label if best else None,
        "score": best.score if best else None,
        "later_name": later_name_record(later) if later else None,
        "reason": result.reason or None,
        "decoded": list(result.decoded),
        "candidates": [candidate_record(c, registry) for c in result.candidates],
    }
    if threshold is not None:
        record["threshold"] = threshold
    return record


def source_record(registry: Registry, source_id: str) -> dict[str, Any]:
    s = registry.source(source_id)
    if s is None:  # validation guarantees this cannot happen for a loaded registry
        return {"id": source_id}
    return {
        "id": s.id,
        "title": s.title,
        "title_zh": s.title_zh,
        "title_ours": s.title_ours,
        "title_ours_zh": s.title_ours_zh,
        "publisher": s.publisher,
        "publisher_zh": s.publisher_zh,
        "author": s.author,
        "author_zh": s.author_zh,
        "published": iso(s.published),
        "language": s.language,
        "url": s.url,
        "copy_url": s.copy_url,  # an aggregator's copy of the outlet's report
    }


def finding_record(f: Any) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "entity": f.entity,
        "severity": f.severity,
        "message": f.message,
    }


def error_record(kind: str, message: str, findings: Iterable[Any] = ()) -> dict[str, Any]:
    return {
        "error": {
            "kind": kind,
            "message": message,
            "findings": [finding_record(f) for f in findings],
        }
    }


ABSENCE_NOTE = (
    "The registry holds only what its sources report: a platform missing from it, or a measure "
    "missing from a platform, is not evidence that the platform did not act."
)


def coverage_record(registry: Registry) -> dict[str, Any]:
    """What the registry covers (counts, measure date range) and what its absence means."""
    summary = registry.coverage
    if summary is None:  # a registry not built by the store: count now
        measures = [m for e in registry.entities for m in e.measures]
        dated = sorted((m.announced for m in measures if m.announced is not None), key=sort_key)
        summary = {
            "entities": len(registry.entities),
            "measures": len(measures),
            "sources": len(registry.sources),
            "oldest_measure": iso(dated[0]) if dated else None,
            "newest_measure": iso(dated[-1]) if dated else None,
        }
    return {**summary, "note": ABSENCE_NOTE}


def disagreements(entity: Entity) -> list[dict[str, Any]]:
    """Measures of one kind, scope and products whose sources give different moments for when
    they take effect (24:00 UTC+8 in one report, 24:00 UTC in another). Both stay recorded; the status
    counts whichever is reached first, and the answer says so. Earliest first."""
    groups: dict[tuple[str, str, tuple[str, ...]], list[Measure]] = {}
    for m in entity.measures:
        if m.completes is not None:
            groups.setdefault((m.kind, m.scope, m.products), []).append(m)
    out = []
    for (kind, scope, _), measures in groups.items():
        if len({m.source for m in measures}) < 2 or len({iso(m.completes) for m in measures}) < 2:
            continue
        measures.sort(key=lambda m: instant_key(m.completes))  # type: ignore[arg-type]
        values = [{"source": m.source, "moment": iso(m.completes)} for m in measures]
        out.append({"kind": kind, "scope": scope, "values": values})
    return out
