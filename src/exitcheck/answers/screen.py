"""Batch screening: read names lazily, match each, yield one record per input row."""

from __future__ import annotations

import collections
import itertools
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
from exitcheck.matching import (
    DECISION_MATCH,
    DECISION_NONE,
    MAX_QUERY_CHARS,
    SCORE_THRESHOLD,
    MatchResult,
    match_many,
)
from exitcheck.model import Entity

if TYPE_CHECKING:
    from exitcheck.answers.screen_pool import Lines
    from exitcheck.matching import KeyIndex
    from exitcheck.store import Registry


DECISION_UNREADABLE = "unreadable"  # a row that could not be read (its reason says why)
DECISION_EMPTY = "empty"  # a blank row
MEMO = 16384  # distinct names whose answers a run keeps, the last used (memory stays bounded)
VIEWS = 8192  # entities whose views a run keeps
_NO_MEASURES: list[dict[str, Any]] = []  # every unmatched row's (never changed)
# per matched entity: its status, the other view, the provenance cited, its measures
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

    def tally(self, decisions: dict[str, int]) -> None:
        """Rows answered together: how many of each decision."""
        for decision, count in decisions.items():
            self.rows += count
            setattr(self, decision, getattr(self, decision) + count)

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
    """A name over the limit is not matched, so it is answered unreadable, never ``none``: a
    row the matcher did not read may name anything."""
    reason = f"longer than {MAX_QUERY_CHARS} characters"
    return MatchResult(name, "", DECISION_UNREADABLE, reason=reason)


def _unanswered(row: Row) -> MatchResult | None:
    """The answer of a row that cannot be screened: unreadable, or empty; else None."""
    if row.problem is not None:
        return MatchResult(row.name, "", DECISION_UNREADABLE, reason=row.problem)
    if not row.name.strip():
        return MatchResult(row.name, "", DECISION_EMPTY, reason="the name is empty")
    return None


BATCH = 512  # rows answered together: the gate's unit, and a worker's (--jobs)
FIRST = 32  # the first rows, answered one by one in this process (as they come)


def screen(
    registry: Registry,
    index: KeyIndex,
    rows: Iterable[Row],
    clock: Clock,
    threshold: float | None,
    counts: Counts,
    header: tuple[str, ...] | None = None,
    jobs: int = 1,
    lines: Lines | None = None,
) -> Iterator[dict[str, Any]]:
    """One record per row, in order; with a CSV ``header``, each record keeps its row's cells.
    The first ``FIRST`` rows are answered one by one as they are read (the first records come
    at once, whatever the input's size, even from a pipe that stays open); the rest a batch at
    a time, by ``jobs`` worker processes when ``jobs`` > 1 and a whole batch follows them.
    With ``lines`` (the writer of the output's lines, one per record: NDJSON's), the workers
    also write each record's line, a batch at a time: past the first rows, what comes is
    ``Written`` batches, which hold the decisions' tally and the lines only."""
    rows = iter(rows)
    answers = Answers(registry, index, clock, threshold, header)
    for row in itertools.islice(rows, FIRST):  # one by one: each answer comes with its row
        counts.read += 1
        for record in answers.records([row]):
            counts.add(record["decision"])
            yield record
    batches = _batches(rows, counts)
    head = next(batches, None)
    if head is None:
        return
    pool = None
    if jobs > 1 and len(head) == BATCH and registry.reopener and registry.origin:
        from exitcheck.answers.screen_pool import Pool

        setup = (registry, clock, threshold, header)
        pool = Pool(jobs, setup, itertools.chain([head], batches), answers.provenance, lines)
    try:
        if pool is not None and lines is not None:  # a batch's lines at a time
            for written in pool.written():
                counts.tally(written.tally)
                yield written
            return
        later = (
            pool.records()
            if pool
            else (r for b in itertools.chain([head], batches) for r in answers.records(b))
        )
        for record in later:
            counts.add(record["decision"])
            yield record
    finally:
        if pool is not None:
            pool.stop()


def _batches(rows: Iterator[Row], counts: Counts) -> Iterator[list[Row]]:
    """The rows a batch at a time, counted as they are read (``read`` runs ahead of ``rows``
    by what is being answered)."""
    while batch := list(itertools.islice(rows, BATCH)):
        counts.read += len(batch)
        yield batch


class Written(dict[str, Any]):
    """A batch of rows as a worker gave it when the output is NDJSON: how many rows of each
    decision (``tally``, what the run counts), how many rows (``rows``), and ``line``, their
    NDJSON lines as UTF-8 bytes, the lines the main process would have written for their
    records (``render.ndjson.Renderer.screen`` gives them on as they are). The main process then
    only reads, sends and writes, once per batch: the records are built and serialised on
    the workers' cores."""

    __slots__ = ("line", "rows", "tally")

    def __init__(self, tally: dict[str, int], line: bytes) -> None:
        super().__init__()
        self.tally, self.line = tally, line
        self.rows = sum(tally.values())


class Blank(dict[str, Any]):
    """The record of a row answered ``none`` with nothing to show, made from its kind's
    (``Answers._blank``). With ``blank``, that record of its kind, it differs from it only in
    ``row``, ``input`` and ``normalized`` (its lists are its own, and empty as the kind's):
    a writer may write the kind's line once and fill in those three. Pickled (and copied) as
    a plain dict."""

    __slots__ = ("blank",)
    blank: dict[str, Any]  # unset when the record has more (a CSV row's columns)

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))


class Answers:
    """The answers of one run: the registry's index, the clocks, and the names and entities
    already answered (in the process that screens, or in each worker)."""

    def __init__(
        self,
        registry: Registry,
        index: KeyIndex,
        clock: Clock,
        threshold: float | None,
        header: tuple[str, ...] | None,
    ) -> None:
        self.registry, self.index, self.clock, self.header = registry, index, clock, header
        self.used = SCORE_THRESHOLD if threshold is None else threshold
        index.preload()
        self.dates = published(registry)
        self.provenance = provenance_record(registry, clock.as_of, clock.known_on, now=clock.now)
        # a list repeats names: each is matched once while it is among the last used
        self.answers: collections.OrderedDict[str, MatchResult] = collections.OrderedDict()
        self.views: dict[str, _View] = {}  # per entity
        self.blanks: dict[tuple[str | None, str], dict[str, Any]] = {}  # see _blank
        self.layered = len(registry.files) > 1

    def results(self, names: list[str]) -> dict[str, MatchResult]:
        """The answer of each name, the names not answered before matched together. The memo
        keeps the ``MEMO`` names used last: a book's registry names come back all through it
        (and cost the most to match), other companies' names seldom."""
        answers = self.answers
        found: dict[str, MatchResult] = {}
        new: list[str] = []
        for name in dict.fromkeys(names):
            known = answers.get(name)
            if known is None:
                new.append(name)
            else:  # used again: the last out
                answers.move_to_end(name)
                found[name] = known
        fresh = {n: _too_long(n) for n in new if len(n) > MAX_QUERY_CHARS}
        todo = [n for n in new if n not in fresh]
        fresh.update(zip(todo, match_many(self.index, todo, self.used), strict=True))
        for name, result in fresh.items():
            if len(answers) >= MEMO:
                answers.popitem(last=False)  # the one used longest ago
            found[name] = answers[name] = result
        return found

    def records(self, rows: list[Row]) -> list[dict[str, Any]]:
        registry, clock, provenance, header = (
            self.registry,
            self.clock,
            self.provenance,
            self.header,
        )
        found = self.results([r.name for r in rows if _unanswered(r) is None])
        out: list[dict[str, Any]] = []
        for item in rows:
            number, name, cells = item.number, item.name, item.cells
            result = _unanswered(item) or found[name]
            if (
                result.decision == DECISION_NONE
                and result.best is None
                and not (result.candidates or result.decoded)
            ):  # most rows: the record of its kind, with the row's own three fields
                blank = self._blank(result)
                made = Blank(blank)
                made["row"], made["input"] = number, name
                made["normalized"] = result.normalized
                made["decoded"], made["candidates"] = [], []  # each record its own lists
                if header is not None and cells is not None:
                    made["columns"] = {
                        h: cells[i] if i < len(cells) else "" for i, h in enumerate(header)
                    }
                else:
                    made.blank = blank
                out.append(made)
                continue
            entity = (
                registry.entity(result.entity_id)
                if result.decision == DECISION_MATCH and result.entity_id
                else None
            )
            status, other, cited, measures = None, None, provenance, _NO_MEASURES
            if entity is not None:
                status, other, cited, measures = self._view(entity)
            row = ScreenRow(
                number,
                name,
                result,
                entity,
                status,
                self.used,
                clock.as_of,
                clock.known_on,
                other,
                measures,
            )
            record = screen_record(row, registry, cited)
            if header is not None and cells is not None:
                record["columns"] = {
                    h: cells[i] if i < len(cells) else "" for i, h in enumerate(header)
                }
            out.append(record)
        return out

    def _blank(self, result: MatchResult) -> dict[str, Any]:
        """The record of a ``none`` with no candidate, nothing decoded, and this method and
        reason, made by ``screen_record`` once per kind: a row's differs from it only by its
        number, its input and the normalised name (``records`` sets them)."""
        kind = (result.method, result.reason)
        blank = self.blanks.get(kind)
        if blank is None:
            if len(self.blanks) >= VIEWS:
                self.blanks.clear()
            clock = self.clock
            row = ScreenRow(
                0,
                "",
                result,
                None,
                None,
                self.used,
                clock.as_of,
                clock.known_on,
                None,
                _NO_MEASURES,
            )
            blank = self.blanks[kind] = screen_record(row, self.registry, self.provenance)
        return blank

    def _view(self, entity: Entity) -> _View:
        if entity.id not in self.views:
            if len(self.views) >= VIEWS:
                self.views.clear()
            clock, dates = self.clock, self.dates
            self.views[entity.id] = (
                entity_status(entity, clock.at, dates, clock.knowledge),
                other_view(entity, clock, dates),
                _cited(self.provenance, entity, clock.knowledge, dates, self.layered),
                _measures(entity, clock, dates),
            )
        return self.views[entity.id]


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


__all__ = [
    "BATCH",
    "DECISION_EMPTY",
    "DECISION_UNREADABLE",
    "Answers",
    "Blank",
    "Counts",
    "Written",
    "screen",
]
