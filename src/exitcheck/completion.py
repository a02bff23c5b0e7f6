"""Shell completion of arguments and option values: entity names and ids, languages and schema
names (the kinds complete as choices of their type). Quiet (no candidates) on any problem."""

from __future__ import annotations

from collections.abc import Iterable


def _starting(values: Iterable[str], incomplete: str) -> list[str]:
    return [v for v in values if v.startswith(incomplete)]


def langs(incomplete: str) -> list[str]:
    from exitcheck.i18n import LANGS

    return _starting(LANGS, incomplete)


def schemas(incomplete: str) -> list[str]:
    try:
        from exitcheck.schemas import names

        return _starting(names(), incomplete)  # not defs.json, the shared definitions
    except OSError:
        return []


def entities(incomplete: str) -> list[str]:
    """Entity names and ids of the registries in effect."""
    try:
        from exitcheck.commands.runner import load_registry

        store = load_registry().backend
        return store.complete(incomplete) if store is not None else []  # type: ignore[attr-defined]
    except Exception:
        return []
