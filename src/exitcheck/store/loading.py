"""Which registries are in effect, and loading them (the ``Registry`` itself is in ``registry``).

``load(paths)`` returns a :class:`Registry` or raises :class:`RegistryError`. The shipped
registry alone is read from its precomputed pack inside the package (``pack``) while that
pack is fresh; any other registry goes through the parsed-registry cache (``cache``), which
a default call therefore never imports.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from exitcheck.errors import ExitcheckError
from exitcheck.store.registry import Registry

ENV_REGISTRY = "EXITCHECK_REGISTRY"


def shipped_registry() -> Path:
    """The registry shipped in the package (exitcheck/data/entities.toml)."""
    from exitcheck.datafiles import data_file

    return data_file("entities.toml")


def registry_paths(
    option: Sequence[Path] | None, environ: dict[str, str] | None = None, *, only: bool = False
) -> list[Path]:
    """Registries in effect: the shipped one, then the ``--registry`` options (else the paths
    of $EXITCHECK_REGISTRY) layered on it; with ``only``, just the given files."""
    given = list(option or [])
    if not given:
        env = (os.environ if environ is None else environ).get(ENV_REGISTRY, "")
        given = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    if only:
        if not given:
            from exitcheck.errors import UsageError

            raise UsageError(
                f"--only needs --registry PATH or ${ENV_REGISTRY}",
                code="only_needs",
                env=ENV_REGISTRY,
            )
        return unique_paths(given)
    return unique_paths([shipped_registry(), *given])


def unique_paths(paths: list[Path]) -> list[Path]:
    """Each file once, first mention first: the shipped registry named again (as older
    instructions did), or a file given twice, is not loaded twice."""
    out: list[Path] = []
    for path in paths:
        if not any(_same_file(path, seen) for seen in out):
            out.append(path)
    return out


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return path == other


def load(paths: Sequence[Path], *, use_cache: bool = True) -> Registry:
    """A validated registry, or RegistryError naming the file and line of the first error."""
    registry = _load(paths, use_cache=use_cache)
    registry.origin = (tuple(os.path.abspath(p) for p in paths), use_cache)
    registry.reopener = reopen
    registry.thread = threading.get_ident()
    return registry


_REOPENED: dict[tuple[object, ...], Registry] = {}


def reopen(paths: tuple[str, ...], use_cache: bool, sha256: tuple[str, ...]) -> Registry:
    """The registry of these files for the calling thread, loaded once per thread (SQLite
    connections belong to the thread that opened them); how a pickled registry comes back.
    Files whose content is no longer the given SHA-256 (or that cannot be loaded any more)
    give a stale registry: using it raises RegistryChanged in the worker, where the caller
    sees it (raising here, while unpickling, would kill a pool's worker process)."""
    key = (threading.get_ident(), paths, use_cache, sha256)
    registry = _REOPENED.get(key)
    if registry is None:
        try:
            registry = load([Path(p) for p in paths], use_cache=use_cache)
        except ExitcheckError as exc:
            return _stale(paths, use_cache, sha256, f"it cannot be loaded again: {exc}")
        if tuple(f.sha256 for f in registry.files) != sha256:
            return _stale(paths, use_cache, sha256, "their content is not what was loaded")
        _REOPENED[key] = registry
    return registry


def _stale(paths: tuple[str, ...], use_cache: bool, sha256: tuple[str, ...], why: str) -> Registry:
    from exitcheck.model import RegistryInfo

    files = tuple(
        RegistryInfo(p, digest, "", "", None) for p, digest in zip(paths, sha256, strict=False)
    )
    registry = Registry(files, (), (), lambda _id: None, lambda: iter(()))
    registry.origin = (paths, use_cache)
    registry.reopener = reopen
    registry.stale = (
        "the registry files changed since the registry was loaded (" + ", ".join(paths) + "): "
        f"{why}; load it again"
    )
    return registry


def _load(paths: Sequence[Path], *, use_cache: bool) -> Registry:
    if use_cache and len(paths) == 1 and Path(paths[0]) == shipped_registry():
        from exitcheck.store.pack import load as load_pack

        shipped = load_pack(paths[0])
        if shipped is not None:
            return shipped
    from exitcheck.store.cache import load_cached

    return load_cached(paths, use_cache=use_cache)


def forget_served_caches() -> None:
    """A cache failed after it was opened (any SQLite error): remove the caches this process
    answered from, so the next call rebuilds them from the TOML."""
    from exitcheck.store.cache import forget_served_caches as forget

    forget()
