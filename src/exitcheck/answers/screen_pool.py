"""Screening on several cores (``screen --jobs N``): batches of rows answered by worker
processes, their records given back in input order.

Each worker loads the registry once (a registry pickles as its paths and fingerprints; a file
changed since is a RegistryError in the worker, raised here), keeps its own memo of names, and
answers whole batches. At most two batches per worker are in flight, so memory stays bounded
whatever the input's size. Workers are started by a fork server (or spawned where there is
none), never forked from a process that may hold threads; they ignore Ctrl-C, which the main
process handles: on any error, interrupt or early stop, the pool is stopped, its processes
ended and waited for, and the exception goes on.
"""

from __future__ import annotations

import collections
import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exitcheck.answers.clocks import Clock
    from exitcheck.answers.screen import Answers
    from exitcheck.answers.screen_input import Row
    from exitcheck.store import Registry

Setup = tuple["Registry", "Clock", float | None, tuple[str, ...] | None]

_SHARED = 0  # in a worker's record: "the run's provenance", put back by the main process
_answers: Answers | None = None  # a worker's own


def answered(jobs: int, setup: Setup, batches: Iterable[list[Row]]) -> Iterator[dict[str, Any]]:
    """The records of every batch, in order, answered by ``jobs`` worker processes."""
    from exitcheck.answers.report_records import provenance_record

    registry, clock, _, _ = setup
    provenance = provenance_record(registry, clock.as_of, clock.known_on, now=clock.now)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(setup,))
    pending: collections.deque[Future[list[dict[str, Any]]]] = collections.deque()
    try:
        for batch in batches:
            pending.append(pool.submit(_answer, [(n, name, cells) for n, name, cells in batch]))
            if len(pending) >= 2 * jobs:
                yield from _restored(pending.popleft().result(), provenance)
        while pending:
            yield from _restored(pending.popleft().result(), provenance)
    finally:
        _stop(pool, pending)


def _restored(records: list[dict[str, Any]], provenance: dict[str, Any]) -> list[dict[str, Any]]:
    """The run's provenance put back as one object (the NDJSON writer serialises it once)."""
    for record in records:
        if record["provenance"] == _SHARED:
            record["provenance"] = provenance
    return records


def _stop(pool: ProcessPoolExecutor, pending: Iterable[Future[Any]]) -> None:
    """End the workers now: nothing they are doing is wanted any more."""
    for future in pending:
        future.cancel()
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join()


def _start(setup: Setup) -> None:
    """A worker's start: Ctrl-C is the main process's to handle; the registry is loaded once."""
    global _answers
    from exitcheck.answers.screen import Answers

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    registry, clock, threshold, header = setup
    _answers = Answers(registry, registry.index, clock, threshold, header)


def _answer(rows: list[tuple[int, str, tuple[str, ...] | None]]) -> list[dict[str, Any]]:
    from exitcheck.answers.screen_input import Row

    assert _answers is not None
    shared = _answers.provenance
    records = _answers.records([Row(*row) for row in rows])
    for record in records:
        if record["provenance"] is shared:
            record["provenance"] = _SHARED
    return records


__all__ = ["answered"]
