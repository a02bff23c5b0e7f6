"""The Python API: load the registries, look up one name as of a day, screen many names.

It gives the same records, answers and provenance as the command line, which is built on
it: ``lookup(...).record`` is what ``exitcheck status NAME --json`` prints, and each record
``screen`` yields is one line of ``exitcheck screen FILE --json``. Everything here pickles:
a registry travels as its paths and fingerprints and is loaded again, once per worker
process (or thread), so a process pool, Dask or Spark can screen with it.

    >>> from datetime import date
    >>> import exitcheck
    >>> registry = exitcheck.load()                     # the shipped registry
    >>> answer = exitcheck.lookup(registry, "火币", as_of=date(2022, 1, 2))
    >>> answer.decision, answer.entity.id, answer.status.status
    ('match', 'huobi', 'exited')
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exitcheck.errors import UsageError
from exitcheck.records import Record

if TYPE_CHECKING:
    from exitcheck.answers.status import Status
    from exitcheck.matching import MatchResult
    from exitcheck.model import Entity
    from exitcheck.store.registry import Registry

PathLike = str | os.PathLike[str]


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


def load(paths: PathLike | Iterable[PathLike] | None = None, *, use_cache: bool = True) -> Registry:
    """Load and validate registries: one path, several (combined, ``[[extend]]`` included), or
    None for the registries the command line uses by default (the shipped registry, plus
    $EXITCHECK_REGISTRY). Paths given are used alone, as ``--only`` does: to add a file to the
    shipped registry, pass ``[exitcheck.store.load.shipped_registry(), path]``.

    Raises ``exitcheck.RegistryError`` (with ``.findings``) when any file is invalid.
    """
    from exitcheck.store import load as reg

    if paths is None:
        chosen = reg.registry_paths(None)
    elif isinstance(paths, (str, os.PathLike)):
        chosen = [Path(paths)]
    else:
        chosen = [Path(p) for p in paths]
    return reg.load(chosen, use_cache=use_cache)


def check_name(name: str) -> str:
    """The name, or UsageError when it is over-long or has no letters or digits."""
    from exitcheck.matching import MAX_QUERY_CHARS, compact_key

    if len(name) > MAX_QUERY_CHARS:
        raise UsageError(
            f"the name is {len(name):,} characters long; the limit is {MAX_QUERY_CHARS}",
            code="name_too_long",
            length=f"{len(name):,}",
            limit=MAX_QUERY_CHARS,
        )
    if not compact_key(name):
        raise UsageError(
            "the name is empty: give a platform name, alias or domain", code="name_empty"
        )
    return name


def lookup(
    registry: Registry, name: str, as_of: date | None = None, *, known_on: date | None = None
) -> Answer:
    """Match one name (English, Chinese, traditional, pinyin, typo, domain) and compute its
    status as of a day, by what was known on ``known_on`` (the two clocks of ``--as-of`` and
    ``--known-on``, with the same defaults). Raises ``exitcheck.UsageError`` for an empty or
    over-long name, as the command line does (exit 2)."""
    from exitcheck.answers import report
    from exitcheck.answers.clocks import resolve
    from exitcheck.matching import match

    registry = _for_this_thread(registry)
    clock = resolve(as_of, known_on, date.today())
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
    as_of: date | None = None,
    *,
    known_on: date | None = None,
    threshold: float | None = None,
    start: int = 1,
) -> Iterator[dict[str, Any]]:
    """One record per name, in order, numbered from ``start`` (``row``): the shape of a line
    of ``exitcheck screen --json`` (``exitcheck schema screen``). Never raises on a name: an
    empty or over-long one is answered ``none``. ``threshold`` is the fuzzy score needed;
    ``as_of`` and ``known_on`` are the two clocks, as in ``lookup``."""
    from exitcheck.answers.clocks import resolve
    from exitcheck.answers.screen import Counts
    from exitcheck.answers.screen import screen as run
    from exitcheck.answers.screen_input import Row

    registry = _for_this_thread(registry)
    rows = (Row(number, name) for number, name in enumerate(names, start))
    clock = resolve(as_of, known_on, date.today())
    return run(registry, registry.index, rows, clock, threshold, Counts())


def _for_this_thread(registry: Registry) -> Registry:
    """A loaded registry reads an SQLite connection that belongs to the thread that opened it;
    in another thread (a threaded scheduler) use that thread's own copy."""
    if registry.origin is None or registry.thread in (None, threading.get_ident()):
        return registry
    from exitcheck.store.load import reopen

    paths, use_cache = registry.origin
    return reopen(paths, use_cache, tuple(f.sha256 for f in registry.files))


__all__ = ["Answer", "check_name", "load", "lookup", "screen"]
