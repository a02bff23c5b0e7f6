"""The Python API: load the registries, look up one name as of a day, screen many names.

It gives the same records, answers and provenance as the command line, which is built on
it: ``lookup(...).record`` is what ``exitcheck status NAME --json`` prints, and each record
``screen`` yields is one line of ``exitcheck screen FILE --json``. Everything here pickles:
a registry travels as its paths and fingerprints and is loaded again, once per worker
process (or thread), so a process pool, Dask or Spark can screen with it.

    >>> from datetime import date, datetime
    >>> import exitcheck
    >>> registry = exitcheck.load()                     # the shipped registry
    >>> answer = exitcheck.lookup(registry, "火币", as_of=date(2022, 1, 2))
    >>> answer.decision, answer.entity.id, answer.status.status
    ('match', 'huobi', 'exited')
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exitcheck.dates import beijing_day
from exitcheck.errors import RegistryChanged, RegistryError, UsageError
from exitcheck.records import Record

if TYPE_CHECKING:
    from exitcheck.answers.clocks import Clock
    from exitcheck.answers.report import ListAnswer
    from exitcheck.answers.screen import Counts
    from exitcheck.answers.screen_input import Table
    from exitcheck.answers.since import Recorded, Tally
    from exitcheck.answers.status import Status
    from exitcheck.answers.timeline import Timeline
    from exitcheck.errors import Finding
    from exitcheck.matching import MatchResult
    from exitcheck.model import Entity
    from exitcheck.store import Registry

PathLike = str | os.PathLike[str]
Clockish = date | str | None  # a date, an aware datetime or an ISO string


class Answer(Record):
    """What one name is, as of a day: the match, the entity and its status, with provenance.

    ``record`` is the documented JSON shape of ``exitcheck status --json`` (``exitcheck schema
    status``): the entity with every measure, its sources and the provenance when the name
    matched; the match with its candidates and the provenance when it did not.
    """

    query: str
    decision: str  # "match", "ambiguous" or "none"
    entity: Entity | None  # the matched entity, None unless decision == "match"
    status: Status | None  # the entity's status as of ``as_of``
    as_of: date
    match: MatchResult  # method, score, normalised query, candidates, reason
    record: dict[str, Any]
    known_on: date | None = None  # only measures announced by this day were used (clocks.py)

    @property
    def matched(self) -> bool:
        return self.decision == "match"

    @property
    def provenance(self) -> dict[str, Any]:
        """exitcheck version, as-of and known-on days, each registry's name, version, review
        date, SHA-256, and the registries that contributed to the answer."""
        provenance: dict[str, Any] = self.record["provenance"]
        return provenance


def load(
    paths: PathLike | Iterable[PathLike] | None = None,
    *,
    only: bool = False,
    use_cache: bool = True,
) -> Registry:
    """Load and validate registries, as the command line does: the shipped registry with the
    files given layered on it (``--registry``: one path or several, ``[[extend]]`` included),
    or with $EXITCHECK_REGISTRY when ``paths`` is None. With ``only=True`` the files given (or
    $EXITCHECK_REGISTRY) are used alone (``--only``).

    Raises ``exitcheck.UsageError`` for an empty list of paths (a registry of nothing would
    answer every name ``none``), and ``exitcheck.RegistryError`` (with ``.findings``) when any
    file is invalid.
    """
    from exitcheck import store

    if paths is None:
        given = None
    elif isinstance(paths, (str, os.PathLike)):
        given = [Path(paths)]
    elif isinstance(paths, bytes):
        raise TypeError("paths: a path as str or os.PathLike, or an iterable of them")
    else:
        given = [Path(p) for p in paths]
        if not given:
            raise UsageError("load: the list of registry paths is empty; give at least one")
    return store.load(store.registry_paths(given, only=only), use_cache=use_cache)


def check_name(name: str) -> str:
    """The name, or UsageError when it is over-long or has no letters or digits."""
    from exitcheck.matching import MAX_QUERY_CHARS, compact_key
    from exitcheck.matching.names import spells_letters

    if len(name) > MAX_QUERY_CHARS:
        raise UsageError(
            f"the name is {len(name):,} characters long; the limit is {MAX_QUERY_CHARS}",
            code="name_too_long",
            length=f"{len(name):,}",
            limit=MAX_QUERY_CHARS,
        )
    if not compact_key(name) and not spells_letters(name):  # '🇧🇮🇳🇦🇳🇨🇪' spells a name
        raise UsageError(
            "the name is empty: give a platform name, alias or domain", code="name_empty"
        )
    return name


def lookup(
    registry: Registry, name: str, as_of: Clockish = None, *, known_on: Clockish = None
) -> Answer:
    """Match one name (English, Chinese, traditional, pinyin, typo, domain) and compute its
    status as of a day, by what was known on ``known_on`` (the two clocks of ``--as-of`` and
    ``--known-on``, with the same defaults). Raises ``exitcheck.UsageError`` for an empty or
    over-long name, as the command line does (exit 2)."""
    from exitcheck.answers import report
    from exitcheck.matching import match

    registry = _for_this_thread(registry)
    clock = _clock(as_of, known_on)
    day, known = clock.as_of, clock.known_on
    result = match(registry.index, check_name(name))
    if result.entity_id is None:
        record = report.no_match_record(result, registry, clock)
        return Answer(name, result.decision, None, None, day, result, record, known)
    found = report.status_answer(registry, registry.entity(result.entity_id), result, clock)
    record = report.status_record(found)
    return Answer(name, result.decision, found.entity, found.status, day, result, record, known)


def screen(
    registry: Registry,
    names: Iterable[str],
    as_of: Clockish = None,
    *,
    known_on: Clockish = None,
    threshold: float | None = None,
    start: int = 1,
) -> Iterator[dict[str, Any]]:
    """One record per name, in order, numbered from ``start`` (``row``): the shape of a line
    of ``exitcheck screen --json`` (``exitcheck schema screen``). ``threshold`` is the fuzzy
    score needed (a finite number from 0 to 100); ``as_of`` and ``known_on`` are the two
    clocks, as in ``lookup``.

    The arguments are checked when ``screen`` is called, before any record is yielded:
    ``names`` must be an iterable of names, and a single ``str`` or ``bytes`` raises
    ``TypeError`` (it would be screened letter by letter), as does a ``threshold`` that is not
    a number; a threshold out of range (or nan, inf) raises ``exitcheck.UsageError``.

    Never raises on a name: a name that is not a string (None, a float NaN from pandas, a
    number), or holds U+FFFD, undecoded bytes or NUL, is answered ``unreadable`` with its
    ``reason``; a blank one ``empty``; an over-long one ``none``."""
    from exitcheck.answers.screen import Counts
    from exitcheck.answers.screen import screen as run

    if isinstance(names, (str, bytes, bytearray)):
        raise TypeError(
            "names: an iterable of names (a list, a column), not a single "
            f"{type(names).__name__}; for one name use lookup() or screen(registry, [name])"
        )
    if not isinstance(names, Iterable):
        raise TypeError(f"names: an iterable of names, not {type(names).__name__}")
    checked = None if threshold is None else _threshold(threshold)
    if not isinstance(start, int) or isinstance(start, bool):
        raise TypeError(f"start: a whole number, not {type(start).__name__}")
    registry = _for_this_thread(registry)
    clock = _clock(as_of, known_on)
    return run(registry, registry.index, _rows(names, start), clock, checked, Counts())


def _threshold(threshold: object) -> float:
    """The threshold as a float, or TypeError (not a number), UsageError (nan, inf, outside
    0-100)."""
    import math
    from numbers import Real

    if isinstance(threshold, bool) or not isinstance(threshold, Real):
        raise TypeError(f"threshold: a number from 0 to 100, not {type(threshold).__name__}")
    value = float(threshold)
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise UsageError(f"threshold must be a number from 0 to 100, not {threshold}")
    return value


def _rows(names: Iterable[object], start: int) -> Iterator[Any]:
    from exitcheck.answers.screen_input import Row, problem, shown

    for number, name in enumerate(names, start):
        if not isinstance(name, str):
            yield Row(number, "", None, f"not a string ({type(name).__name__})")
            continue
        why = problem(name)
        yield Row(number, shown(name), None, why) if why else Row(number, name)


def clock(as_of: Clockish = None, known_on: Clockish = None) -> Clock:
    """The two clocks of an answer, with their defaults (``answers/clocks.py``), as ``lookup``
    and ``screen`` read them."""
    return _clock(as_of, known_on)


def _clock(as_of: Clockish, known_on: Clockish) -> Clock:
    """Both clocks from the API's arguments, checked up front: a ``date`` (its 00:00 UTC+8),
    an aware ``datetime`` (that instant) or an ISO string of either; the current moment is
    read once, here (``clocks.current``)."""
    from exitcheck.answers.clocks import current, resolve

    return resolve(_when(as_of, "as_of"), _when(known_on, "known_on"), current())


def _when(value: Clockish, name: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime) and (value.tzinfo is None or value.utcoffset() is None):
        raise TypeError(
            f"{name}: a datetime needs a UTC offset (tzinfo); a naive one names no instant"
        )
    if isinstance(value, date):
        from exitcheck.dates import out_of_range

        problem = out_of_range(value)
        if problem:
            raise UsageError(f"{name}: {problem}", code="bad_day", option=name, value=str(value))
        return value
    if isinstance(value, str):
        from exitcheck.dates import parse_when

        try:
            return parse_when(value)
        except ValueError as exc:
            raise UsageError(f"{name}: {exc}", code="bad_day", option=name, value=value) from None
    raise TypeError(
        f"{name} must be a date, an aware datetime or an ISO string, not {type(value).__name__}"
    )


def _for_this_thread(registry: Registry) -> Registry:
    """A loaded registry reads an SQLite connection that belongs to the thread that opened it;
    in another thread (a threaded scheduler) use that thread's own copy."""
    if registry.stale is not None:
        raise RegistryChanged(registry.stale)
    if registry.origin is None or registry.thread in (None, threading.get_ident()):
        return registry
    from exitcheck.store import reopen

    paths, use_cache = registry.origin
    return reopen(paths, use_cache, tuple(f.sha256 for f in registry.files))


# --------------------------------------------------------------------------------------------
# The other questions the command line asks, each answered with the records its --json prints.


def registry_files(given: Iterable[Path] | None = None, *, only: bool = False) -> list[Path]:
    """The registry files in effect: the shipped registry, $EXITCHECK_REGISTRY and the files
    given (``--registry``); with ``only``, the files given (or $EXITCHECK_REGISTRY) alone."""
    from exitcheck.store import registry_paths

    return registry_paths(None if given is None else list(given), only=only)


def search(registry: Registry, query: str, clock: Clock, *, limit: int = 10) -> dict[str, Any]:
    """Ranked candidates for a query: the record of ``exitcheck search --json``."""
    from exitcheck.answers import report
    from exitcheck.matching import search as rank

    registry = _for_this_thread(registry)
    result, ranked = rank(registry.index, check_name(query), limit)
    found = report.SearchAnswer(registry, clock.as_of, result, ranked, clock.known_on)
    return report.search_record(found)


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
    """The entities and measures ``list`` and ``timeline`` show: ``by`` is one of
    ``model.MEASURE_DATES``, the kinds keys of ``model.ENTITY_KINDS`` and ``MEASURE_KINDS``."""
    from exitcheck.answers import report

    return report.select(
        _for_this_thread(registry),
        clock,
        after=after,
        before=before,
        by=by,
        entity_kinds=entity_kinds,
        measure_kinds=measure_kinds,
    )


def list_records(selected: ListAnswer) -> Iterator[dict[str, Any]]:
    """One record per entity selected: the elements of ``exitcheck list --json``."""
    from exitcheck.answers import report

    return report.list_records(selected)


def timeline(selected: ListAnswer) -> Timeline:
    """The selection on a date axis: one row per entity, the regulations as reference lines."""
    from exitcheck.answers import report
    from exitcheck.answers import timeline as tl

    records = report.list_records(selected)
    return tl.build(records, selected.registry.regulations, beijing_day(selected.as_of))


def provenance(registry: Registry, clock: Clock | None = None) -> dict[str, Any]:
    """The registries behind an answer, with the version that gave it; with ``clock``, its
    clocks (the provenance of a run's answers, even a run that answered nothing)."""
    from exitcheck.answers.clocks import current
    from exitcheck.answers.report_records import provenance_record

    if clock is not None:
        return provenance_record(registry, clock.as_of, clock.known_on, now=clock.now)
    now = current()
    return provenance_record(_for_this_thread(registry), now.date(), now=now)


def sources(registry: Registry) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and rows of ``exitcheck sources``: each source and what it supports."""
    from exitcheck.answers import registry_records as rr

    return rr.SOURCE_COLUMNS, rr.source_records(_for_this_thread(registry))


def source(registry: Registry, source_id: str) -> dict[str, Any] | None:
    """One source's record (the ``sources`` keys of a status answer), or None."""
    from exitcheck.answers.report_records import source_record

    return source_record(registry, source_id) if registry.source(source_id) else None


def entity_report(registry: Registry, entity_id: str, clock: Clock) -> dict[str, Any] | None:
    """The status record of one entity, by its id, under ``clock``: what a report shows of a
    screened row's match (its measures and their sources). None for an unknown id."""
    from exitcheck.answers import report
    from exitcheck.matching import MatchResult

    registry = _for_this_thread(registry)
    entity = registry.entity(entity_id)
    if entity is None:
        return None
    found = MatchResult(entity_id, entity_id, "match", "exact_id")
    return report.status_record(report.status_answer(registry, entity, found, clock))


def regulations(registry: Registry) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and rows of ``exitcheck regulations``, oldest first."""
    from exitcheck.answers import registry_records as rr

    return rr.REGULATION_COLUMNS, rr.regulation_records(_for_this_thread(registry))


def coverage(registry: Registry) -> dict[str, Any]:
    """What the registry covers: counts and the date range of its measures."""
    from exitcheck.answers.report_records import coverage_record

    return coverage_record(_for_this_thread(registry))


def info(registry: Registry) -> dict[str, Any]:
    """The record of ``exitcheck info --json``: files, versions, fingerprints and counts."""
    from exitcheck.answers.registry_records import info_record

    return info_record(_for_this_thread(registry))


def validate(paths: Iterable[Path]) -> tuple[dict[str, Any], list[Finding]]:
    """Check registry files: the record of ``exitcheck validate --json`` (``valid`` says
    whether they may be used) and every finding, errors and warnings."""
    from exitcheck.answers.registry_records import validate_record
    from exitcheck.registry import check

    files = list(paths)
    checked, findings = check(files)
    return validate_record(files, checked is not None, findings), findings


def diff(old: Iterable[Path], new: Iterable[Path]) -> dict[str, Any]:
    """What was added, removed and changed from the registries ``old`` to ``new`` (each one
    file, or a file on top of others): the record of ``exitcheck diff --json``. Raises
    RegistryError when either side is invalid."""
    from exitcheck.answers import diff as compare

    before, after = _checked(old), _checked(new)
    return compare.record(before, after, compare.compare(before, after))


def _checked(paths: Iterable[Path]) -> Any:
    from exitcheck.registry import check
    from exitcheck.store import unique_paths

    checked, findings = check(unique_paths(list(paths)))
    if checked is None:
        raise RegistryError(findings)
    return checked


def shipped_registry() -> Path:
    """The registry file shipped in the package."""
    from exitcheck.store import shipped_registry as shipped

    return shipped()


def schema_names() -> list[str]:
    """The outputs that have a JSON Schema (``exitcheck schema``)."""
    from exitcheck.answers import schemas

    return schemas.names()


def schema(name: str) -> str:
    """The JSON Schema of one output, as ``exitcheck schema NAME`` prints it."""
    from exitcheck.answers import schemas

    return schemas.document(name)


def read_names(
    file: str,
    *,
    column: str | None = None,
    skip_header: bool = False,
    encoding: str | None = None,
    plain: bool = False,
    waiting: Callable[[], None] | None = None,
) -> Table:
    """The rows of a counterparty list ('-' is stdin), read as they are screened; UsageError
    (exit 2) now when the start of the input shows it is not a list to screen (its encoding,
    its shape). ``waiting`` is called before a read that may block on a pipe."""
    from exitcheck.answers import screen_input

    return screen_input.read(
        file,
        column=column,
        skip_header=skip_header,
        encoding=encoding,
        plain=plain,
        waiting=waiting,
    )


def screen_table(
    registry: Registry,
    table: Table,
    clock: Clock,
    threshold: float | None,
    jobs: int = 1,
    *,
    lines: bool = False,
) -> tuple[Counts, Iterator[dict[str, Any]]]:
    """One record per row of a list read by ``read_names``, and the counts of the run (its
    ``record()`` is the summary), which grow as the records are read; ``jobs`` worker
    processes answer a list longer than one batch. With ``lines`` (for an NDJSON writer
    only), what the workers give is a batch at a time: the tally of its decisions and the
    NDJSON lines they wrote, as UTF-8 bytes (``answers.screen.Written``), so that the main
    process only reads and writes."""
    from exitcheck.answers.screen import Counts
    from exitcheck.answers.screen import screen as run

    writer: Callable[[Iterable[dict[str, Any]]], Iterable[str]] | None = None
    if lines:  # the workers write NDJSON's lines
        from exitcheck.render.ndjson import screen_lines

        writer = screen_lines

    registry = _for_this_thread(registry)
    counts = Counts()
    rows = run(
        registry,
        registry.index,
        table.rows,
        clock,
        threshold,
        counts,
        table.header,
        jobs,
        writer,
    )
    return counts, rows


def read_previous(file: str, *, stdin: bool = True) -> Recorded | Path:
    """PREVIOUS of ``screen --since``: the answers of an earlier ``screen --json`` run, or the
    path of an older registry file (told apart by content); UsageError (exit 2) for a file
    that is neither, or a malformed one. ``-`` reads stdin,
    unless ``stdin`` is False (stdin is the list screened)."""
    from exitcheck.answers import since

    return since.read(file, stdin=stdin)


def compared_with(
    previous: Recorded | Path, clock: Clock, *, use_cache: bool = True
) -> dict[str, Any]:
    """What a person should know about PREVIOUS before the rows: the clocks of its answers
    (``clocks``) and those that differ from this run's (``other_clocks``), the registries
    that gave them (``registries``), whether its rows carry no measures (``unmeasured``) or
    are a --since output (``partial``), and whether it is a registry file
    (``registry_file``), which answers with this run's clocks. How many rows of the list it
    holds is counted as they are read (``Tally.common``)."""
    from exitcheck.answers import since
    from exitcheck.answers.report_records import registries_record

    as_of, known_on = clock.as_of.isoformat(), clock.known_on.isoformat()
    if not isinstance(previous, since.Recorded):
        return {
            "registry_file": True,
            "clocks": [(as_of, known_on)],
            "other_clocks": [],
            "registries": registries_record(load(previous, use_cache=use_cache, only=True)),
            "unmeasured": False,
            "partial": False,
        }
    clocks = since.clocks(previous)
    return {
        "registry_file": False,
        "clocks": clocks,
        "other_clocks": [c for c in clocks if c != (as_of, known_on)],
        "registries": since.registries(previous),
        "unmeasured": since.unmeasured(previous),
        "partial": previous.partial,
    }


def changed_since(
    previous: Recorded | Path,
    records: Iterable[dict[str, Any]],
    then: Table | None,
    clock: Clock,
    threshold: float | None,
    *,
    use_cache: bool = True,
) -> tuple[Tally, Iterator[dict[str, Any]]]:
    """The records (of ``screen_table``) whose answer changed since PREVIOUS, each with
    ``changes`` and ``previous``; and the tally of those written. An older registry is loaded
    alone and answers ``then``, the same rows (a copy of the stream that gave ``records``),
    with the same clocks and threshold."""
    from exitcheck.answers import since

    tally = since.Tally()
    if isinstance(previous, since.Recorded):
        pairs = since.against_recorded(records, previous, tally)
    else:
        if then is None:
            raise ValueError("an older registry answers the same rows: give them as then")
        old = load(previous, use_cache=use_cache, only=True)
        _, answers = screen_table(old, then, clock, threshold)
        pairs = since.against_answers(records, answers)
    return tally, since.changed(pairs, tally)


def error_record(kind: str, message: str, findings: Iterable[Finding] = ()) -> dict[str, Any]:
    """The record of an error (``exitcheck schema error``)."""
    from exitcheck.answers.report_records import error_record as record

    return record(kind, message, findings)


def forget_served_caches() -> None:
    """Remove the caches this process answered from (after an SQLite error in one)."""
    from exitcheck.store import forget_served_caches as forget

    forget()


__all__ = ["Answer", "check_name", "load", "lookup", "screen"]
