"""Checking measures: ``[[entities.measures]]`` and the measures an ``[[extend]]`` adds.

A measure needs a known kind, its scope, description, source and locator; its dates are checked
one by one, and dates that contradict each other (a deadline before the announcement) are
warnings, since a source may say just that.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from exitcheck.dates import Day, Moment, first_day, last_day
from exitcheck.model import ACTORS, MEASURE_KINDS, Citation, Locator, Measure
from exitcheck.registry.checker import Checker, Where, fixed, table_keys

SUSPICIOUS_GAP = timedelta(days=366)  # effective this long before announcement: a warning
# A measure cites its source either as "source" + "locator" (one source, schema 1) or as an
# array "sources" of tables (one or more, schema 2); the loader makes both "citations".
MEASURE_KEYS = table_keys(Measure, also=frozenset({"source", "locator", "sources"}))
CITATION_KEYS = (table_keys(Citation) - {"locator"}) | {"quote", "paragraph"}
IMPOSED_KINDS = frozenset({"blocked_by_others", "statement"})  # what an authority or network does


def measure_tables(
    checker: Checker, table: dict[str, Any], eid: str | None, entity_index: int
) -> tuple[Measure, ...]:
    """The [[entities.measures]] of one entity (or its inline measures)."""
    entity_where = checker.where("entities", entity_index)
    start = entity_where(None) or 0
    following = checker.raw.lines.span("entities", entity_index + 1)
    end = following.start if following else float("inf")
    value = table.get("measures", [])
    if not isinstance(value, list):
        checker.error("'measures' must be an array of tables", entity_where("measures"), eid)
        return ()
    out = []
    for item in value:
        index = checker.measure_counter
        checker.measure_counter += 1
        span = checker.raw.lines.span("entities.measures", index)
        where: Where
        if span is not None and start < span.start < end:
            where = checker.where("entities.measures", index)
        else:  # inline measures: point at the entity
            where = fixed(entity_where("measures"))
            checker.measure_counter -= 1
        if not isinstance(item, dict):
            checker.error("each measure must be a table", where(None), eid)
            continue
        found = measure_table(checker, item, eid, where)
        if found is not None:
            out.append(found)
    return tuple(out)


def measure_table(
    checker: Checker, item: dict[str, Any], eid: str | None, where: Where
) -> Measure | None:
    """One measure table as a Measure, or None when a required field is missing or wrong."""
    checker.unknown_keys(item, MEASURE_KEYS, where, eid)
    kind = checker.get(item, "kind", str, where, eid, required=True, what=" in measure")
    if kind is not None and kind not in MEASURE_KINDS:
        checker.error(
            f"unknown measure kind '{kind}' (known: {', '.join(MEASURE_KINDS)})",
            where("kind"),
            eid,
        )
        kind = None
    scope = checker.get(item, "scope", str, where, eid, required=True, what=" in measure")
    description = checker.get(
        item, "description", str, where, eid, required=True, what=" in measure"
    )
    citations = _citations(checker, item, where, eid)
    mid = checker.slug(item, where, eid, required=False)
    actor = checker.get(item, "actor", str, where, eid) or "platform"
    if actor not in ACTORS:
        checker.error(f"unknown actor '{actor}' (known: {', '.join(ACTORS)})", where("actor"), eid)
        actor = "platform"
    if kind == "blocked_by_others" and actor == "platform":
        checker.error(
            "a 'blocked_by_others' measure needs actor 'authority' or 'network'",
            where("actor"),
            eid,
        )
    elif actor != "platform" and kind is not None and kind not in IMPOSED_KINDS:
        checker.error(
            f"a measure of actor '{actor}' is 'blocked_by_others' or 'statement'; the platform's"
            f" own steps have actor 'platform'",
            where("kind"),
            eid,
        )
    see = checker.strings(item, "see", where, eid)
    announced = checker.day(item, "announced", where, eid)
    effective = checker.moment(item, "effective", where, eid)
    deadline = checker.moment(item, "deadline", where, eid)
    flags = {
        which: _offset_assumed(checker, item, which, moment, where, eid)
        for which, moment in (("effective", effective), ("deadline", deadline))
    }
    date_warnings(checker, kind, announced, effective, deadline, eid, where)
    optional = {  # checked whether or not the required fields were usable
        "effective_stated": checker.get(item, "effective_stated", str, where, eid),
        "deadline_stated": checker.get(item, "deadline_stated", str, where, eid),
        "products": checker.strings(item, "products", where, eid),
        "description_zh": checker.get(item, "description_zh", str, where, eid),
        "notes": checker.get(item, "notes", str, where, eid),
        "scope_zh": checker.get(item, "scope_zh", str, where, eid),
        "notes_zh": checker.get(item, "notes_zh", str, where, eid),
        "products_zh": checker.strings(item, "products_zh", where, eid),
    }
    chinese_twins(checker, item, citations, where, eid)
    if not (kind and scope and description and citations):
        return None
    return Measure(
        kind=kind,
        scope=scope,
        description=description,
        source=citations[0].source,
        locator=citations[0].locator,
        id=mid,
        actor=actor,
        citations=citations,
        see=see,
        announced=announced,
        effective=effective,
        deadline=deadline,
        effective_offset_assumed=flags["effective"],
        deadline_offset_assumed=flags["deadline"],
        **optional,
    )


ZH_TWINS = ("scope", "description", "notes", "products")  # shown by --lang zh from <key>_zh


def chinese_twins(
    checker: Checker,
    item: dict[str, Any],
    citations: tuple[Citation, ...],
    where: Where,
    eid: str | None,
) -> None:
    """A measure written in Chinese too gives every text the Chinese views show in Chinese:
    a warning for each that has no ``_zh`` twin (it would show in English), and an error when
    ``products_zh`` does not name the products one for one. A measure with no Chinese at all
    (an English-only registry) is left alone."""
    given = item.get("products_zh")
    if isinstance(given, list) and len(given) != len(item.get("products") or []):
        checker.error(
            "'products_zh' must name the products one for one, in the order of 'products'",
            where("products_zh"),
            eid,
        )
    if not any(item.get(f"{key}_zh") for key in ZH_TWINS):
        return
    for key in ZH_TWINS:
        if item.get(key) and not item.get(f"{key}_zh"):
            checker.warn(
                f"the measure has Chinese text but no '{key}_zh': its '{key}' shows in English"
                " under --lang zh",
                where(key),
                eid,
            )
    for n, c in enumerate(citations, 1):
        if c.notes and not c.notes_zh:
            checker.warn(
                f"the measure has Chinese text but source {n} ('{c.source}') has no 'notes_zh':"
                " its 'notes' show in English under --lang zh",
                where("sources"),
                eid,
            )


def _citations(
    checker: Checker, item: dict[str, Any], where: Where, eid: str | None
) -> tuple[Citation, ...]:
    """The measure's sources: "source" and "locator", or an array "sources" of tables with
    "source", "quote", "paragraph", "done", the dates this source gives when they differ from
    the measure's, and "notes"."""
    listed = item.get("sources")
    if listed is None:
        source = checker.get(item, "source", str, where, eid, required=True, what=" in measure")
        locator = checker.locator(item, where, eid)
        return (Citation(source, locator),) if source and locator else ()
    if "source" in item or "locator" in item:
        checker.error(
            "a measure gives 'sources' or 'source' and 'locator', not both", where("sources"), eid
        )
        return ()
    if not isinstance(listed, list) or not listed or not all(isinstance(t, dict) for t in listed):
        checker.error("'sources' must be a non-empty array of tables", where("sources"), eid)
        return ()
    out = []
    for table in listed:
        checker.unknown_keys(table, CITATION_KEYS, lambda _k: where("sources"), eid)
        source = checker.get(table, "source", str, where, eid, required=True, what=" in sources")
        locator = checker.locator(
            {"locator": {k: table[k] for k in ("quote", "paragraph") if k in table}}, where, eid
        )
        done = checker.get(table, "done", bool, where, eid)
        citation = Citation(
            source or "",
            locator or Locator(None, ""),
            bool(done),
            announced=checker.day(table, "announced", where, eid),
            effective=checker.moment(table, "effective", where, eid),
            deadline=checker.moment(table, "deadline", where, eid),
            effective_stated=checker.get(table, "effective_stated", str, where, eid),
            deadline_stated=checker.get(table, "deadline_stated", str, where, eid),
            notes=checker.get(table, "notes", str, where, eid),
            notes_zh=checker.get(table, "notes_zh", str, where, eid),
        )
        if source and locator:
            out.append(citation)
    return tuple(out) if len(out) == len(listed) else ()


def _offset_assumed(
    checker: Checker,
    item: dict[str, Any],
    which: str,
    moment: Moment | None,
    where: Where,
    eid: str | None,
) -> bool:
    """``<which>_offset_assumed``: the source gives no UTC offset for this date-time."""
    flag = checker.get(item, f"{which}_offset_assumed", bool, where, eid)
    if flag and not isinstance(moment, datetime):
        checker.error(
            f"'{which}_offset_assumed' needs '{which}' to be a date-time with offset",
            where(f"{which}_offset_assumed"),
            eid,
        )
    return bool(flag)


def date_warnings(
    checker: Checker,
    kind: str | None,
    announced: Day | None,
    effective: Moment | None,
    deadline: Moment | None,
    eid: str | None,
    where: Where,
) -> None:
    if kind == "exit_planned" and (effective or deadline):
        checker.warn(
            "an 'exit_planned' measure has a date; use the kind of the measure itself",
            where("kind"),
            eid,
        )
    if announced is None:
        return
    if effective is not None and last_day(effective) < first_day(announced) - SUSPICIOUS_GAP:
        checker.warn(
            "effective date is more than a year before the announcement",
            where("effective"),
            eid,
        )
    if deadline is not None and last_day(deadline) < first_day(announced):
        checker.warn("deadline is before the announcement", where("deadline"), eid)
