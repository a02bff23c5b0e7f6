"""A loaded registry: its files, sources and regulations, its entities fetched on demand, and
the index the matcher looks names up in. How it is loaded is ``registry``'s concern."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exitcheck.matching import KeyIndex
    from exitcheck.model import Entity, RegistryInfo, Regulation, Source


class Registry:
    """One or more registry files combined. Entities are fetched on demand (a registry may
    hold 100,000 of them); instances hash by identity so derived indexes can be cached.
    ``index`` answers the matcher's look-ups.

    A registry from ``registry.load`` pickles as the paths it was loaded from and the SHA-256
    of each file: unpickling loads it again (once per process; the cache makes that cheap).
    Files whose content changed since give a ``stale`` registry, which every API function
    refuses (``RegistryChanged``): an unpickling that raised would kill a pool's worker and
    leave ``Pool.map`` waiting for ever, where an error raised by the work reaches the caller.
    """

    origin: tuple[tuple[str, ...], bool] | None = None  # (paths, use_cache), set by load
    reopener: Callable[..., Registry] | None = None  # registry.reopen, set by load
    thread: int | None = None  # the thread whose SQLite connection it reads, set by load
    stale: str | None = None  # why it cannot be used: its files changed since it was pickled

    def __init__(
        self,
        files: tuple[RegistryInfo, ...],
        sources: tuple[Source, ...],
        regulations: tuple[Regulation, ...],
        fetch: Callable[[str], Entity | None],
        fetch_all: Callable[[], Iterator[Entity]],
        index: KeyIndex | None = None,
        coverage: dict[str, object] | None = None,
    ) -> None:
        if index is None:  # a registry built by hand: nothing to match
            from exitcheck.matching import KeyIndex, MemoryTable

            index = KeyIndex(MemoryTable({}, [], {}, [], 0))
        self.files = files
        self.sources = sources
        self.regulations = regulations
        self.index: KeyIndex = index
        self.coverage = coverage  # counts and date range, computed when the store was built
        self._fetch = fetch
        self._fetch_all = fetch_all
        self._all: tuple[Entity, ...] | None = None

    @property
    def entities(self) -> tuple[Entity, ...]:
        if self._all is None:
            self._all = tuple(self._fetch_all())
        return self._all

    def entity(self, entity_id: str) -> Entity:
        found = self._fetch(entity_id)
        if found is None:
            raise KeyError(entity_id)
        return found

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def __reduce__(self) -> tuple[Callable[..., Registry], tuple[object, ...]]:
        if self.origin is None or self.reopener is None:
            raise TypeError("only a registry made by exitcheck.load can be pickled")
        paths, use_cache = self.origin
        return self.reopener, (paths, use_cache, tuple(f.sha256 for f in self.files))
