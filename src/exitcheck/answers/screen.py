"""Batch screening: read names lazily, match each, yield one record per input row."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from exitcheck.answers.clocks import Clock, other_view, shown
from exitcheck.answers.report import ScreenRow, measure_order, published, screen_record
from exitcheck.answers.report_records import (
    contributors,
    measure_record,
    provenance_record,
    screen_measure_record,
)
from exitcheck.answers.screen_input import Row
from exitcheck.answers.status import Status, entity_status
from exitcheck.dates import Day
from exitcheck.matching import DECISION_MATCH, MAX_QUERY_CHARS, SCORE_THRESHOLD, MatchResult, match
from exitcheck.model import Entity

if TYPE_CHECKING:
    from exitcheck.matching import KeyIndex
    from exitcheck.store import Registry


DECISION_UNREADABLE = "unreadable"  # a row that could not be read (its reason says why)
DECISION_EMPTY = "empty"  # a blank row
MEMO = 8192  # distinct names whose answers a run keeps (memory stays bounded)
# per matched entity: its status, the other view, the provenance cited, its measures
_NO_MEASURES: list[dict[str, Any]] = []  # every unmatched row's (never changed)
_View = tuple[Status, dict[str, Any] | None, dict[str, Any], list[dict[str, Any]]]


@dataclass
class Counts:
    read: int = 0  # rows read from the input so far (it is read as it is screened)
    rows: int = 0  # rows answered
    match: int = 0
    ambiguous: int = 0
    none: int = 0
    unreadable: int = 0  # rows that could not be read: answered "unreadable", exit 5
    empty: int = 0  # blank rows: answered "empty"
    started: float = field(default_factory=time.perf_counter)

    def add(self, decision: str) -> None:
        self.rows += 1
        setattr(self, decision, getattr(self, decision) + 1)

    def record(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "rows": self.rows,
            "match": self.match,
            "ambiguous": self.ambiguous,
            "none": self.none,
            "unreadable": self.unreadable,
            "empty": self.empty,
            "seconds": round(time.perf_counter() - self.started, 3),
        }


def _too_long(name: str) -> MatchResult:
    return MatchResult(name, "", "none", reason=f"longer than {MAX_QUERY_CHARS} characters")


def _unanswered(row: Row) -> MatchResult | None:
    """The answer of a row that cannot be screened: unreadable, or empty; else None."""
    if row.problem is not None:
        return MatchResult(row.name, "", DECISION_UNREADABLE, reason=row.problem)
    if not row.name.strip():
        return MatchResult(row.name, "", DECISION_EMPTY, reason="the name is empty")
    return None


def screen(
    registry: Registry,
    index: KeyIndex,
    rows: Iterable[Row],
    clock: Clock,
    threshold: float | None,
    counts: Counts,
    header: tuple[str, ...] | None = None,
) -> Iterator[dict[str, Any]]:
    """One record per row; with a CSV ``header``, each record keeps its row's cells."""
    used = SCORE_THRESHOLD if threshold is None else threshold
    index.preload()
    dates = published(registry)
    as_of, known_on = clock.as_of, clock.known_on
    provenance = provenance_record(registry, as_of, known_on, now=clock.now)
    answers: dict[str, MatchResult] = {}  # a list repeats names: each is matched once
    views: dict[str, _View] = {}  # per entity
    layered = len(registry.files) > 1
    for item in rows:
        counts.read += 1
        number, name, cells = item.number, item.name, item.cells
        result = _unanswered(item) or answers.get(name)
        if result is None:
            result = (
                _too_long(name)
                if len(name) > MAX_QUERY_CHARS
                else match(index, name, threshold=used, limit=0)
            )
            if len(answers) >= MEMO:
                answers.clear()
            answers[name] = result
        counts.add(result.decision)
        entity = (
            registry.entity(result.entity_id)
            if result.decision == DECISION_MATCH and result.entity_id
            else None
        )
        status, other, cited = None, None, provenance
        measures = _NO_MEASURES
        if entity is not None:
            if entity.id not in views:
                if len(views) >= MEMO:
                    views.clear()
                views[entity.id] = (
                    entity_status(entity, clock.at, dates, clock.knowledge),
                    other_view(entity, clock, dates),
                    _cited(provenance, entity, clock.knowledge, dates, layered),
                    _measures(entity, clock, dates),
                )
            status, other, cited, measures = views[entity.id]
        row = ScreenRow(
            number, name, result, entity, status, used, as_of, known_on, other, measures
        )
        record = screen_record(row, registry, cited)
        if header is not None and cells is not None:
            record["columns"] = {
                h: cells[i] if i < len(cells) else "" for i, h in enumerate(header)
            }
        yield record


def _measures(entity: Entity, clock: Clock, dates: dict[str, Day]) -> list[dict[str, Any]]:
    """The entity's measures known on the known-on day, in date order, as a row carries them
    (one list for all its rows: the NDJSON writer serialises it once)."""
    known = shown(entity, clock.knowledge, dates).measures
    return list(
        screen_measure_record(
            measure_record(m, clock.at, dates.get(m.source), clock.knowledge, dates)
        )
        for m in sorted(known, key=measure_order)
    )


def _cited(
    provenance: dict[str, Any],
    entity: Entity,
    known_on: date | None,
    dates: dict[str, Day],
    layered: bool,
) -> dict[str, Any]:
    """The run's provenance, naming only the registries that state something about the
    entity when several are in effect (one registry: the shared record as it is)."""
    if not layered:
        return provenance

    return {**provenance, "contributors": contributors(shown(entity, known_on, dates))}


__all__ = ["DECISION_EMPTY", "DECISION_UNREADABLE", "Counts", "screen"]
