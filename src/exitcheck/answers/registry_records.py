"""The records of the commands about the registry itself: validate, info, sources and
regulations."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from exitcheck.answers.report_records import (
    ABSENCE_NOTE,
    coverage_record,
    finding_record,
    registries_record,
    source_record,
)
from exitcheck.version import __version__

if TYPE_CHECKING:
    from exitcheck.store import Registry


def validate_record(files: Iterable[Any], valid: bool, findings: list[Any]) -> dict[str, Any]:
    errors = sum(f.severity == "error" for f in findings)
    return {
        "valid": valid,
        "files": [str(p) for p in files],
        "errors": errors,
        "warnings": len(findings) - errors,
        "findings": [finding_record(f) for f in findings],
    }


def info_record(registry: Registry) -> dict[str, Any]:
    """What data is in effect: files, versions, fingerprints, counts and the measure date range."""
    coverage = coverage_record(registry)
    return {
        "exitcheck_version": __version__,
        "registries": registries_record(registry),
        "entities": coverage["entities"],
        "measures": coverage["measures"],
        "sources": len(registry.sources),
        "regulations": len(registry.regulations),
        "oldest_measure": coverage["oldest_measure"],
        "newest_measure": coverage["newest_measure"],
        "coverage_note": ABSENCE_NOTE,
    }


SOURCE_COLUMNS = [
    "id",
    "title",
    "title_ours",
    "publisher",
    "author",
    "published",
    "language",
    "url",
    "copy_url",
    "measures",
    "regulations",
    "entities",
]


REGULATION_COLUMNS = ["date", "id", "name", "name_zh", "issuers", "summary", "source", "paragraph"]


def source_records(registry: Registry) -> list[dict[str, Any]]:
    """Each source with what it supports: how many measures and regulations cite it, and which
    entities (through a measure, a relation or a later name)."""
    out = []
    for s in registry.sources:
        entities = sorted(
            {
                e.id
                for e in registry.entities
                for m in e.measures
                if any(c.source == s.id for c in m.sources)
            }
            | {e.id for e in registry.entities for r in e.relations if r.source == s.id}
            | {e.id for e in registry.entities for n in e.later_names if n.source == s.id}
            | {e.id for e in registry.entities if e.notes and s.id in e.notes}  # an alias's source
        )
        record = source_record(registry, s.id)
        record["measures"] = sum(
            any(c.source == s.id for c in m.sources) for e in registry.entities for m in e.measures
        )
        record["regulations"] = sum(r.source == s.id for r in registry.regulations)
        record["entities"] = entities
        out.append(record)
    return out


def regulation_records(registry: Registry) -> list[dict[str, Any]]:
    """The regulatory background, oldest first."""
    return [
        {
            "id": r.id,
            "date": r.date.isoformat(),
            "name": r.name,
            "name_zh": r.name_zh,
            "issuers": list(r.issuers),
            "issuers_zh": list(r.issuers_zh),
            "summary": r.summary,
            "summary_zh": r.summary_zh,
            "source": r.source,
            "paragraph": r.locator.paragraph,
            "notes": r.notes,
        }
        for r in sorted(registry.regulations, key=lambda r: r.date)
    ]
