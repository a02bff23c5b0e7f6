"""Shell completion of option values: kinds, languages and schema names (quiet on any problem)."""

from __future__ import annotations

from collections.abc import Iterable


def _starting(values: Iterable[str], incomplete: str) -> list[str]:
    return [v for v in values if v.startswith(incomplete)]


def entity_kinds(incomplete: str) -> list[str]:
    from exitcheck.model import ENTITY_KINDS

    return _starting(ENTITY_KINDS, incomplete)


def measure_kinds(incomplete: str) -> list[str]:
    from exitcheck.model import MEASURE_KINDS

    return _starting(MEASURE_KINDS, incomplete)


def langs(incomplete: str) -> list[str]:
    from exitcheck.i18n import LANGS

    return _starting(LANGS, incomplete)


def schemas(incomplete: str) -> list[str]:
    try:
        from exitcheck.datafiles import data_file

        return _starting(sorted(p.stem for p in data_file("schemas").glob("*.json")), incomplete)
    except OSError:
        return []
