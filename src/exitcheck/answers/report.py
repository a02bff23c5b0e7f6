"""Answers (what status, list, search and screen found) and their records.

Commands build an answer from the registry with pure functions here, and its record from the
shapes in report_records.py; every renderer formats the same records, so JSON, NDJSON, CSV,
Markdown and tables agree on names and values. The records about the registry itself (validate, info,
sources, regulations) are in registry_records.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from exitcheck.answers.clocks import other_view, shown
from exitcheck.answers.report_records import (
    candidate_record,
    contributors,
    coverage_record,
    disagreements,
    entity_record,
    later_name_record,
    match_record,
    measure_record,
    provenance_record,
    source_record,
)
from exitcheck.answers.status import Status, entity_status, visible
from exitcheck.dates import Day, Moment, iso, overlaps, sort_key
from exitcheck.matching import Candidate, MatchResult
from exitcheck.model import Entity, Measure
from exitcheck.records import Record

if TYPE_CHECKING:
    from exitcheck.answers.clocks import Clock
    from exitcheck.store import Registry


class StatusAnswer(Record):
    registry: Registry
    entity: Entity  # as known on clock.known_on: only the measures announced by then
    status: Status
    match: MatchResult
    clock: Clock
    other_view: dict[str, Any] | None = None  # see clocks.other_view


class ListAnswer(Record):
    registry: Registry
    clock: Clock
    rows: tuple[tuple[Entity, tuple[Measure, ...]], ...]

    @property
    def as_of(self) -> date:
        return self.clock.as_of


class SearchAnswer(Record):
    registry: Registry
    as_of: date
    result: MatchResult
    ranked: tuple[Candidate, ...]
    known_on: date | None = None


class ScreenRow(Record):
    row: int
    input: str
    result: MatchResult
    entity: Entity | None
    status: Status | None
    threshold: float
    as_of: date
    known_on: date | None = None
    other_view: dict[str, Any] | None = None
    # the entity's, as screen_measure_record gives; one list for every row matched to it
    measures: list[dict[str, Any]] | None = None


def published(registry: Registry) -> dict[str, Day]:
    """Each source's publication date. A source that shows none was published by the day the
    registries were last reviewed at the latest, and that day stands for it: a measure that
    is undated too counts from then (not on every day), and a step it reports done is done by
    then at the latest (the latest possible day, as answers say)."""
    reviewed = [f.last_reviewed for f in registry.files if f.last_reviewed is not None]
    dates: dict[str, Day] = {s.id: s.published for s in registry.sources if s.published}
    if reviewed:
        latest = max(reviewed)
        dates |= {s.id: latest for s in registry.sources if s.published is None}
    return dates


def status_answer(
    registry: Registry, entity: Entity, match: MatchResult, clock: Clock
) -> StatusAnswer:

    dates = published(registry)
    status = entity_status(entity, clock.at, dates, clock.knowledge)
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


def measure_order(measure: Measure) -> tuple[int, Any]:
    """Announced first, undated last: the order of an answer's measures."""
    return _measure_order(measure, "announced")


def _measure_order(measure: Measure, by: str) -> tuple[int, Any]:
    """Dated measures by ``dates.sort_key`` (a month after full dates of its first day), then
    undated ones."""
    when = measure_date(measure, by)
    return (0, sort_key(when)) if when is not None else _LAST


# --------------------------------------------------------------------------------------------
# The records of the matching commands (built from those in report_records.py)


def status_record(answer: StatusAnswer) -> dict[str, Any]:
    registry, as_of, known_on = answer.registry, answer.clock.as_of, answer.clock.known_on
    dates = published(registry)
    measures = sorted(answer.entity.measures, key=lambda m: _measure_order(m, "announced"))
    entity = answer.entity
    cited = sorted(
        {c.source for m in entity.measures for c in m.sources}
        | {r.source for r in entity.relations}
        | {n.source for n in entity.later_names}
        | {n.source for n in entity.added_notes if n.source}
    )
    return {
        "entity": entity_record(answer.entity),
        "status": answer.status.status,
        "status_meaning": answer.status.meaning,
        "imposed": [m.id or m.kind for m in answer.status.imposed],
        "superseded": [m.id or m.kind for m in answer.status.superseded],
        "as_of": as_of.isoformat(),
        "known_on": known_on.isoformat(),
        "other_view": answer.other_view,
        "match": match_record(answer.match, registry),
        "measures": [
            measure_record(m, answer.clock.at, dates.get(m.source), answer.clock.knowledge, dates)
            for m in measures
        ],
        "disagreements": disagreements(entity),
        "sources": [source_record(registry, s) for s in cited],
        "coverage": coverage_record(registry),
        "provenance": provenance_record(
            registry, as_of, known_on, contributors(answer.entity), answer.clock.now
        ),
    }


def list_records(answer: ListAnswer) -> Iterator[dict[str, Any]]:

    dates = published(answer.registry)
    clock = answer.clock
    for entity, measures in answer.rows:
        record = entity_record(entity)
        record["status"] = entity_status(entity, clock.at, dates, clock.knowledge).status
        record["other_view"] = other_view(entity, clock, dates)
        record["measures"] = [
            measure_record(m, clock.at, dates.get(m.source), clock.knowledge, dates)
            for m in measures
        ]
        record["provenance"] = provenance_record(
            answer.registry,
            clock.as_of,
            clock.known_on,
            contributors(shown(entity, clock.knowledge, dates)),
            clock.now,
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
        "provenance": provenance_record(registry, clock.as_of, clock.known_on, now=clock.now),
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
        "decoded": list(result.decoded),
        "method": result.method,
        "matched": best.label if best else None,
        "later_name": later_name_record(later) if later else None,
        "score": best.score if best else None,
        "threshold": row.threshold,
        "candidates": [candidate_record(c, registry) for c in result.candidates]
        if result.decision != "match"
        else [],
        "measures": [] if row.measures is None else row.measures,
        "reason": result.reason or None,
        "provenance": provenance or provenance_record(registry, row.as_of, row.known_on),
    }
