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
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exitcheck.errors import UsageError
from exitcheck.records import Record

if TYPE_CHECKING:
    from exitcheck.clocks import Clock
    from exitcheck.loaded import Registry
    from exitcheck.matching import MatchResult
    from exitcheck.model import Entity
    from exitcheck.status import Status

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


def load(paths: PathLike | Iterable[PathLike] | None = None, *, use_cache: bool = True) -> Registry:
    """Load and validate registries: one path, several (combined, ``[[extend]]`` included), or
    None for the registries the command line uses by default (the shipped registry, plus
    $EXITCHECK_REGISTRY). Paths given are used alone, as ``--only`` does: to add a file to the
    shipped registry, pass ``[exitcheck.registry.shipped_registry(), path]``.

    Raises ``exitcheck.RegistryError`` (with ``.findings``) when any file is invalid.
    """
    from exitcheck import registry as reg

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
    registry: Registry, name: str, as_of: Clockish = None, *, known_on: Clockish = None
) -> Answer:
    """Match one name (English, Chinese, traditional, pinyin, typo, domain) and compute its
    status as of a day, by what was known on ``known_on`` (the two clocks of ``--as-of`` and
    ``--known-on``, with the same defaults). Raises ``exitcheck.UsageError`` for an empty or
    over-long name, as the command line does (exit 2)."""
    from exitcheck import report
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
    of ``exitcheck screen --json`` (``exitcheck schema screen``). Never raises on a name: an
    empty or over-long one is answered ``none``. ``threshold`` is the fuzzy score needed;
    ``as_of`` and ``known_on`` are the two clocks, as in ``lookup``."""
    from exitcheck.screen_input import Row
    from exitcheck.screening import Counts
    from exitcheck.screening import screen as run

    registry = _for_this_thread(registry)
    rows = (Row(number, name) for number, name in enumerate(names, start))
    clock = _clock(as_of, known_on)
    return run(registry, registry.index, rows, clock, threshold, Counts())


def _clock(as_of: Clockish, known_on: Clockish) -> Clock:
    """Both clocks from the API's arguments, checked up front: a ``date`` (its 00:00 UTC+8),
    an aware ``datetime`` (that instant) or an ISO string of either; the current moment is
    read once, here (``clocks.current``)."""
    from exitcheck.clocks import current, resolve

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
    if registry.origin is None or registry.thread in (None, threading.get_ident()):
        return registry
    from exitcheck.registry import reopen

    paths, use_cache = registry.origin
    return reopen(paths, use_cache, tuple(f.sha256 for f in registry.files))


__all__ = ["Answer", "check_name", "load", "lookup", "screen"]
