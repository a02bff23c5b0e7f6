"""Shell completion of option values: languages and schema names (the kinds complete as
choices of their type; entity names in runner.complete_entities). Quiet on any
problem. Typer reads these functions' signatures on every call: their annotations are objects
(no ``from __future__ import annotations``), as in the commands."""

from collections.abc import Iterable


def _starting(values: Iterable[str], incomplete: str) -> list[str]:
    return [v for v in values if v.startswith(incomplete)]


def langs(incomplete: str) -> list[str]:
    from exitcheck.render.i18n import LANGS

    return _starting(LANGS, incomplete)


def schemas(incomplete: str) -> list[str]:
    try:
        from exitcheck.api import schema_names

        return _starting(schema_names(), incomplete)  # not defs.json, the shared definitions
    except OSError:
        return []
