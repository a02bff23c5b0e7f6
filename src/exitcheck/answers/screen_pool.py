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
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exitcheck.answers.clocks import Clock
    from exitcheck.answers.screen import Answers, Written
    from exitcheck.answers.screen_input import Row
    from exitcheck.store import Registry

Setup = tuple["Registry", "Clock", float | None, tuple[str, ...] | None]
# The writer of a run's lines (NDJSON's), passed by name from the layer that writes
Lines = Callable[[Iterable[dict[str, Any]]], Iterable[str]]
# What a worker is given: the registry as the means to load it again (its pickled form)
Given = tuple[
    tuple[Any, tuple[Any, ...]],
    "Clock",
    float | None,
    tuple[str, ...] | None,
    tuple[Lines, dict[str, Any]] | None,  # the writer of lines, the run's provenance
]

_SHARED = 0  # in a worker's record: "the run's provenance", put back by the main process
_setup: Given | None = None  # a worker's run, as the main process gave it
_answers: Answers | None = None  # a worker's own answers, made by its first batch


class Pool:
    """Worker processes answering batches, started at once; ``records`` gives their records
    in order, keeping two batches per worker in flight; ``stop`` ends the workers."""

    def __init__(
        self,
        jobs: int,
        setup: Setup,
        batches: Iterator[list[Row]],
        provenance: dict[str, Any],
        lines: Lines | None = None,
    ) -> None:
        registry, clock, threshold, header = setup
        # with lines, the workers write the lines, with the run's provenance
        given: Given = (
            registry.__reduce__(),
            clock,
            threshold,
            header,
            None if lines is None else (lines, provenance),
        )
        self.provenance = provenance  # the run's, put back into the workers' records
        self.lines = lines is not None
        self.batches, self.window = batches, 2 * jobs
        self.pending: collections.deque[Future[Any]] = collections.deque()
        self.pool = ProcessPoolExecutor(
            jobs, mp_context=_context(), initializer=_start, initargs=(given,)
        )
        try:
            self._fill()
        except BaseException:
            self.stop()
            raise

    def _fill(self) -> None:
        while len(self.pending) < self.window:
            batch = next(self.batches, None)
            if batch is None:
                return
            rows = [tuple(row) for row in batch]
            self.pending.append(self.pool.submit(_lines if self.lines else _answer, rows))

    def records(self) -> Iterator[dict[str, Any]]:
        """The workers' records, in order (the output is not NDJSON)."""
        while self.pending:
            answered = self.pending.popleft().result()
            yield from _restored(answered, self.provenance)
            self._fill()

    def written(self) -> Iterator[Written]:
        """The workers' batches of lines, in order (the output is NDJSON)."""
        from exitcheck.answers.screen import Written

        while self.pending:
            tally, text = self.pending.popleft().result()
            yield Written(tally, text)  # before reading on: a pipe that stays open gets it
            self._fill()

    def stop(self) -> None:
        """End the workers now: nothing they are doing is wanted any more."""
        for future in self.pending:
            future.cancel()
        processes = list(getattr(self.pool, "_processes", {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join()
        # the executor's own thread closes its wake-up pipe as it ends; on Python < 3.12 the
        # exit hook may write to that pipe as it closes ("Exception ignored … Bad file
        # descriptor" at exit, CPython gh-125451): it ends here, before the exit
        manager = getattr(self.pool, "_executor_manager_thread", None)
        if manager is not None:
            manager.join(timeout=10)


def _context() -> multiprocessing.context.BaseContext:
    """A fork server where there is one (else spawn), started with its standard error on
    /dev/null: a worker stopped while it starts (Ctrl-C at that moment) prints no traceback,
    and a worker's errors come back to the main process as exceptions anyway."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver, resource_tracker

    saved, null = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        resource_tracker.ensure_running()
        forkserver.ensure_running()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)
    return multiprocessing.get_context("forkserver")


def _restored(records: list[dict[str, Any]], provenance: dict[str, Any]) -> list[dict[str, Any]]:
    """The run's provenance put back as one object (the NDJSON writer serialises it once)."""
    for record in records:
        if record["provenance"] == _SHARED:
            record["provenance"] = provenance
    return records


def _start(given: Given) -> None:
    """A worker's start: Ctrl-C is the main process's to handle. The registry is loaded by the
    first batch, so that an error in loading it (a file changed since) reaches the main
    process as itself, not as a broken pool."""
    global _setup
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _setup = given
    parent = multiprocessing.parent_process()
    if parent is not None:  # the main process killed outright: end with it, never an orphan
        threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()
    os._exit(1)


def _lines(rows: list[tuple[Any, ...]]) -> tuple[dict[str, int], bytes]:
    """How many rows of each decision, and the rows' lines, written as the main process
    would write them (by the writer it gave, with the run's provenance), as UTF-8 bytes: the
    main process writes them as they are (a text of other scripts would be decoded there and
    encoded again, the main process's largest cost)."""
    assert _setup is not None and _setup[4] is not None
    write, provenance = _setup[4]
    records = _answer(rows)
    tally: dict[str, int] = {}
    for record in records:
        if record["provenance"] == _SHARED:
            record["provenance"] = provenance
        decision = record["decision"]
        tally[decision] = tally.get(decision, 0) + 1
    return tally, "".join(write(records)).encode("utf-8")


def _answer(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:  # Row fields, in order
    global _answers
    from exitcheck.answers.screen_input import Row

    if _answers is None:
        from exitcheck.answers.screen import Answers

        assert _setup is not None
        (reopen, paths), clock, threshold, header, _ = _setup
        registry = reopen(*paths)
        if registry.stale is not None:  # its files changed since the run loaded it
            from exitcheck.errors import RegistryChanged

            raise RegistryChanged(registry.stale)
        _answers = Answers(registry, registry.index, clock, threshold, header)
    shared = _answers.provenance
    records = _answers.records([Row(*row) for row in rows])
    for record in records:
        if record["provenance"] is shared:
            record["provenance"] = _SHARED
    return records


__all__ = ["Pool"]
