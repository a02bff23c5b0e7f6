"""Flat rows for the tabular formats (CSV, Markdown): one row per measure, entity repeated."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from exitcheck.render import Doc
from exitcheck.render.i18n import ENGLISH, Words

MEASURE_COLUMNS = [
    "entity_id", "entity_name", "entity_name_zh", "entity_kind", "status",
    "measure_kind", "scope", "announced", "effective", "deadline", "offset_assumed",
    "measure_status", "measure_id", "actor", "done_by", "disputed", "products", "description",
    "source", "paragraph", "quote", "other_sources", "notes",
    "stated_by", "query", "method", "matched", "later_name", "score",
    "as_of", "known_on", "registry", "registry_sha256", "exitcheck_version",
]  # fmt: skip

CANDIDATE_COLUMNS = [
    "rank",
    "id",
    "name",
    "name_zh",
    "matched",
    "score",
    "method",
    "query",
    "normalized",
    "decision",
]

SCREEN_COLUMNS = [
    "row", "input", "decision", "entity_id", "entity_name", "entity_name_zh", "status", "as_of", "known_on",
    "normalized", "method", "matched", "later_name", "score", "threshold", "candidates",
    "reason", "registry", "registry_sha256", "exitcheck_version",
]  # fmt: skip


def _registry(provenance: Doc) -> tuple[str, str]:
    files = provenance["registries"]
    names = "; ".join(
        f"{f['name']} {f['version']} (reviewed {f['last_reviewed'] or '-'})" for f in files
    )
    return names, "; ".join(f["sha256"] for f in files)


def measure_rows(
    entity: Doc,
    status: str | None,
    measures: list[Doc],
    provenance: Doc,
    match: Doc | None = None,
) -> Iterator[dict[str, Any]]:
    names, digests = _registry(provenance)
    base = {
        "entity_id": entity["id"],
        "entity_name": entity["name"],
        "entity_name_zh": entity["name_zh"],
        "entity_kind": entity["kind"],
        "status": status,
        "query": match["query"] if match else None,
        "method": match["method"] if match else None,
        "matched": match["matched"] if match else None,
        "later_name": later_name_cell(match.get("later_name") if match else None),
        "score": match["score"] if match else None,
        "as_of": provenance["as_of"],
        "known_on": provenance.get("known_on"),
        "registry": names,
        "registry_sha256": digests,
        "exitcheck_version": provenance["exitcheck_version"],
    }
    for m in measures or [None]:  # type: ignore[list-item]  # an entity without measures still gets its row
        row = dict(base)
        if m is not None:
            row |= {
                "measure_kind": m["kind"],
                "scope": m["scope"],
                "announced": m["announced"],
                "effective": m["effective"],
                "deadline": m["deadline"],
                "offset_assumed": m["effective_offset_assumed"] or m["deadline_offset_assumed"],
                "measure_status": m["status"],
                "measure_id": m.get("id"),
                "actor": m.get("actor"),
                "done_by": _done_by(m.get("done_by")),
                "disputed": "; ".join(
                    f"{d['field']}: "
                    + ", ".join(f"{x['date']} ({x['source']})" for x in d["dates"])
                    + f"; counts {d['used']}"
                    for d in m.get("disputed") or []
                )
                or None,
                "products": "; ".join(m["products"]),
                "description": m["description"],
                "source": m["source"],
                "paragraph": m["locator"]["paragraph"],
                "quote": m["locator"]["quote"],
                "other_sources": "; ".join(
                    f"{c['source']}: {c['locator']['quote']}" for c in (m.get("sources") or [])[1:]
                )
                or None,
                "notes": m["notes"],
                "stated_by": m.get("registry"),
            }
        yield {c: row.get(c) for c in MEASURE_COLUMNS}


def _done_by(done: Doc | None) -> str | None:
    """'2021-10-15 at the latest (src)': a step a source reports done, by its publication."""
    if not done:
        return None
    who = ", ".join(done["sources"])
    if done["date"] is None:
        return f"reported done ({who}; no publication date)"
    return f"{done['date']} at the latest ({who})"


def status_rows(record: Doc) -> Iterator[dict[str, Any]]:
    if record["entity"] is None:
        return iter(())
    return measure_rows(
        record["entity"],
        record["status"],
        record["measures"],
        record["provenance"],
        record["match"],
    )


def listing_rows(records: Iterable[Doc], order: str = "entity") -> Iterator[dict[str, Any]]:
    """One row per measure of each entity record (one for an entity without measures), in
    ``order`` (order.ORDERS)."""
    from exitcheck.render.order import rows

    for r, m in rows(records, order):
        entity = {k: r[k] for k in ("id", "name", "name_zh", "kind")}
        yield from measure_rows(entity, r["status"], [m] if m else [], r["provenance"])


def candidate_rows(record: Doc) -> Iterator[dict[str, Any]]:
    """Ranked candidates of a search answer, or the candidates of a no-match answer."""
    match = record.get("match", record)
    for rank, c in enumerate(record.get("ranked", match["candidates"]), 1):
        yield {
            "rank": rank,
            **{k: c[k] for k in ("id", "name", "name_zh", "matched", "score", "method")},
            "query": match["query"],
            "normalized": match["normalized"],
            "decision": match["decision"],
        }


def screen_columns(first: Doc | None) -> list[str]:
    """The result columns of a screen: with ``changes`` when the rows carry it (--since), as
    the first row tells."""
    return (
        [*SCREEN_COLUMNS, "changes"] if first is not None and "changes" in first else SCREEN_COLUMNS
    )


def screen_row(record: Doc, w: Words = ENGLISH) -> dict[str, Any]:
    row = {c: record.get(c) for c in SCREEN_COLUMNS}
    if "changes" in record:
        from exitcheck.render.changes import changes_text

        row["changes"] = changes_text(record["changes"], w)
    row["candidates"] = "; ".join(f"{c['id']}:{c['score']}" for c in record["candidates"])
    row["later_name"] = later_name_cell(record.get("later_name"))
    row["registry"], row["registry_sha256"] = _registry(record["provenance"])
    row["exitcheck_version"] = record["provenance"]["exitcheck_version"]
    return row


def later_name_cell(later: Doc | None) -> str | None:
    """'HTX (since 2023-09-13)' for a match through a later name."""
    return f"{later['name']} (since {later['since']})" if later else None


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
