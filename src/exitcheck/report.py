"""Answers (what a command found) and their records (the documented JSON-ready shapes).

Commands build an answer from the registry with pure functions here; every renderer formats
the same records, so JSON, NDJSON, CSV, Markdown and tables agree on names and values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from exitcheck import __version__
from exitcheck.dates import Day, Moment, iso, overlaps, sort_key
from exitcheck.evidence import disagreements
from exitcheck.matching import Candidate, MatchResult
from exitcheck.model import Entity, LaterName, Measure
from exitcheck.status import Status, counts_from, entity_status, measure_status, visible

if TYPE_CHECKING:
    from exitcheck.clocks import Clock
    from exitcheck.registry import Registry

DATE_FIELDS = ("announced", "effective")  # what --after/--before compare (list --by)


class StatusAnswer(NamedTuple):
    registry: Registry
    entity: Entity  # as known on clock.known_on: only the measures announced by then
    status: Status
    match: MatchResult
    clock: Clock
    other_view: dict[str, Any] | None = None  # see clocks.other_view


class ListAnswer(NamedTuple):
    registry: Registry
    clock: Clock
    rows: tuple[tuple[Entity, tuple[Measure, ...]], ...]

    @property
    def as_of(self) -> date:
        return self.clock.as_of


class SearchAnswer(NamedTuple):
    registry: Registry
    as_of: date
    result: MatchResult
    ranked: tuple[Candidate, ...]
    known_on: date | None = None


class ScreenRow(NamedTuple):
    row: int
    input: str
    result: MatchResult
    entity: Entity | None
    status: Status | None
    threshold: float
    as_of: date
    known_on: date | None = None
    other_view: dict[str, Any] | None = None


def published(registry: Registry) -> dict[str, Day]:
    return {s.id: s.published for s in registry.sources if s.published is not None}


def status_answer(
    registry: Registry, entity: Entity, match: MatchResult, clock: Clock
) -> StatusAnswer:
    from exitcheck.clocks import other_view, shown

    dates = published(registry)
    status = entity_status(entity, clock.as_of, dates, clock.knowledge)
    known = shown(entity, clock.knowledge, dates)
    return StatusAnswer(registry, known, status, match, clock, other_view(entity, clock, dates))


def measure_date(measure: Measure, by: str) -> Moment | None:
    """The date of a measure that --after/--before compare: announced, or effective-or-deadline."""
    return measure.announced if by == "announced" else measure.completes


def select(
    registry: Registry,
    clock: Clock,
    *,
    after: date | None = None,
    before: date | None = None,
    by: str = "announced",
    entity_kinds: Iterable[str] = (),
    measure_kinds: Iterable[str] = (),
) -> ListAnswer:
    """Entities and the measures that pass the filters, sorted by date (undated last).

    With a date bound, measures without the compared date are left out, and a month or a year
    is kept when any day of it lies within the bounds; with any measure filter, entities left
    with no measure are left out.
    """
    kinds, measures_wanted = set(entity_kinds), set(measure_kinds)
    filtering = after is not None or before is not None or bool(measures_wanted)
    dates = published(registry)
    rows = []
    for entity in registry.entities:
        if kinds and entity.kind not in kinds:
            continue
        kept = []
        known = [m for m in entity.measures if visible(m, clock.knowledge, dates.get(m.source))]
        if entity.measures and not known:
            continue  # nothing about it had been announced on the known-on day
        for m in known:
            if measures_wanted and m.kind not in measures_wanted:
                continue
            when = measure_date(m, by)
            if (after or before) and (when is None or not overlaps(when, after, before)):
                continue
            kept.append(m)
        if filtering and not kept:
            continue
        kept.sort(key=lambda m: _measure_order(m, by))
        rows.append((entity, tuple(kept)))
    rows.sort(key=lambda row: (_measure_order(row[1][0], by) if row[1] else _LAST, row[0].id))
    return ListAnswer(registry, clock, tuple(rows))


_LAST: tuple[int, Any] = (1, None)


def _measure_order(measure: Measure, by: str) -> tuple[int, Any]:
    """Dated measures by ``dates.sort_key`` (a month after full dates of its first day), then
    undated ones."""
    when = measure_date(measure, by)
    return (0, sort_key(when)) if when is not None else _LAST


# --------------------------------------------------------------------------------------------
# Records


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
) -> dict[str, Any]:
    """Versions, both clocks, the registries in effect and those that contributed (all of
    them unless ``contributors`` names fewer)."""
    return {
        "exitcheck_version": __version__,
        "as_of": as_of.isoformat(),
        "known_on": iso(known_on),
        "registries": registries_record(registry),
        "contributors": contributors
        if contributors is not None
        else list(dict.fromkeys(f.name for f in registry.files)),
    }


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
    measure: Measure, as_of: date, reported: Day | None = None, known_on: date | None = None
) -> dict[str, Any]:
    return {
        "kind": measure.kind,
        "scope": measure.scope,
        "announced": iso(measure.announced),
        "effective": iso(measure.effective),
        "effective_stated": measure.effective_stated,
        "effective_offset_assumed": measure.effective_offset_assumed,
        "deadline": iso(measure.deadline),
        "deadline_stated": measure.deadline_stated,
        "deadline_offset_assumed": measure.deadline_offset_assumed,
        "status": measure_status(measure, as_of, reported, known_on),
        "counts_from": iso(counts_from(measure, reported)),
        "products": list(measure.products),
        "description": measure.description,
        "description_zh": measure.description_zh,
        "source": measure.source,
        "locator": {"paragraph": measure.locator.paragraph, "quote": measure.locator.quote},
        "notes": measure.notes,
        "scope_zh": measure.scope_zh,
        "notes_zh": measure.notes_zh,
        "registry": measure.registry,
    }


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
    }


def status_record(answer: StatusAnswer) -> dict[str, Any]:
    from exitcheck.layering import contributors

    registry, as_of, known_on = answer.registry, answer.clock.as_of, answer.clock.known_on
    dates = published(registry)
    measures = sorted(answer.entity.measures, key=lambda m: _measure_order(m, "announced"))
    entity = answer.entity
    cited = sorted(
        {m.source for m in entity.measures}
        | {r.source for r in entity.relations}
        | {n.source for n in entity.later_names}
        | {n.source for n in entity.added_notes if n.source}
    )
    return {
        "entity": entity_record(answer.entity),
        "status": answer.status.status,
        "status_meaning": answer.status.meaning,
        "as_of": as_of.isoformat(),
        "known_on": known_on.isoformat(),
        "other_view": answer.other_view,
        "match": match_record(answer.match, registry),
        "measures": [
            measure_record(m, as_of, dates.get(m.source), answer.clock.knowledge) for m in measures
        ],
        "disagreements": disagreements(entity),
        "sources": [source_record(registry, s) for s in cited],
        "coverage": coverage_record(registry),
        "provenance": provenance_record(registry, as_of, known_on, contributors(answer.entity)),
    }


def list_records(answer: ListAnswer) -> Iterator[dict[str, Any]]:
    from exitcheck.clocks import other_view, shown
    from exitcheck.layering import contributors

    dates = published(answer.registry)
    clock = answer.clock
    for entity, measures in answer.rows:
        record = entity_record(entity)
        record["status"] = entity_status(entity, clock.as_of, dates, clock.knowledge).status
        record["other_view"] = other_view(entity, clock, dates)
        record["measures"] = [
            measure_record(m, clock.as_of, dates.get(m.source), clock.knowledge) for m in measures
        ]
        record["provenance"] = provenance_record(
            answer.registry,
            clock.as_of,
            clock.known_on,
            contributors(shown(entity, clock.knowledge, dates)),
        )
        yield record


def search_record(answer: SearchAnswer) -> dict[str, Any]:
    return {
        **match_record(answer.result, answer.registry),
        "ranked": [candidate_record(c, answer.registry) for c in answer.ranked],
        "coverage": coverage_record(answer.registry) if answer.result.decision != "match" else None,
        "provenance": provenance_record(answer.registry, answer.as_of, answer.known_on),
    }


def no_match_record(result: MatchResult, registry: Registry, clock: Clock) -> dict[str, Any]:
    return {
        "entity": None,
        "status": None,
        **clock.record(),
        "match": match_record(result, registry),
        "measures": [],
        "coverage": coverage_record(registry),
        "provenance": provenance_record(registry, clock.as_of, clock.known_on),
    }


def screen_record(
    row: ScreenRow, registry: Registry, provenance: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One screened row; ``provenance`` (the same for every row of a run) may be passed in."""
    entity, result = row.entity, row.result
    best = result.best if result.decision == "match" else None
    later = entity.later_name(best.label) if entity and best else None
    return {
        "row": row.row,
        "input": row.input,
        "decision": result.decision,
        "entity_id": entity.id if entity else None,
        "entity_name": entity.name if entity else None,
        "entity_name_zh": entity.name_zh if entity else None,
        "status": row.status.status if row.status else None,
        "as_of": row.as_of.isoformat(),
        "known_on": iso(row.known_on),
        "other_view": row.other_view,
        "normalized": result.normalized,
        "method": result.method,
        "matched": best.label if best else None,
        "later_name": later_name_record(later) if later else None,
        "score": best.score if best else None,
        "threshold": row.threshold,
        "candidates": [candidate_record(c, registry) for c in result.candidates]
        if result.decision != "match"
        else [],
        "provenance": provenance or provenance_record(registry, row.as_of, row.known_on),
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


def validate_record(files: Iterable[Any], valid: bool, findings: list[Any]) -> dict[str, Any]:
    errors = sum(f.severity == "error" for f in findings)
    return {
        "valid": valid,
        "files": [str(p) for p in files],
        "errors": errors,
        "warnings": len(findings) - errors,
        "findings": [finding_record(f) for f in findings],
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


def info_record(registry: Registry) -> dict[str, Any]:
    """What data is in effect: files, versions, fingerprints, counts and the measure date range."""
    coverage = coverage_record(registry)
    return {
        "exitcheck_version": __version__,
        "registries": registries_record(registry),
        "entities": coverage["entities"],
        "measures": coverage["measures"],
        "sources": len(registry.sources),
        "regulations": len(registry.regulations),
        "oldest_measure": coverage["oldest_measure"],
        "newest_measure": coverage["newest_measure"],
        "coverage_note": ABSENCE_NOTE,
    }


SOURCE_COLUMNS = [
    "id",
    "title",
    "title_ours",
    "publisher",
    "author",
    "published",
    "language",
    "url",
    "measures",
    "regulations",
    "entities",
]
REGULATION_COLUMNS = ["date", "id", "name", "name_zh", "issuers", "summary", "source", "paragraph"]


def source_records(registry: Registry) -> list[dict[str, Any]]:
    """Each source with what it supports: how many measures and regulations cite it, and which
    entities (through a measure, a relation or a later name)."""
    out = []
    for s in registry.sources:
        entities = sorted(
            {e.id for e in registry.entities for m in e.measures if m.source == s.id}
            | {e.id for e in registry.entities for r in e.relations if r.source == s.id}
            | {e.id for e in registry.entities for n in e.later_names if n.source == s.id}
        )
        record = source_record(registry, s.id)
        record["measures"] = sum(m.source == s.id for e in registry.entities for m in e.measures)
        record["regulations"] = sum(r.source == s.id for r in registry.regulations)
        record["entities"] = entities
        out.append(record)
    return out


def regulation_records(registry: Registry) -> list[dict[str, Any]]:
    """The regulatory background, oldest first."""
    return [
        {
            "id": r.id,
            "date": r.date.isoformat(),
            "name": r.name,
            "name_zh": r.name_zh,
            "issuers": list(r.issuers),
            "issuers_zh": list(r.issuers_zh),
            "summary": r.summary,
            "summary_zh": r.summary_zh,
            "source": r.source,
            "paragraph": r.locator.paragraph,
            "notes": r.notes,
        }
        for r in sorted(registry.regulations, key=lambda r: r.date)
    ]
