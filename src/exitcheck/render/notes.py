"""Sentences shared by the people-facing views (text and rich table): a source's title, a
match through a later name, the name history, and what the registry covers. Every value
from data passes through ``printable``."""

from __future__ import annotations

from typing import Any

from exitcheck.render import Doc
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import printable

COVERAGE = (
    "The registry covers {entities} entities and {measures} measures from {sources} source(s),"
    " announced from {oldest} to {newest}."
)


def source_title(s: Doc, w: Words = ENGLISH) -> str:
    """The title as published; else our own descriptive title, marked as ours."""
    if s.get("title"):
        return printable(w.text(s, "title"))
    if s.get("title_ours"):
        mark = w.label("title_ours", "our title; the source has none")
        title = printable(w.text(s, "title_ours"))
        return f"{title}（{mark}）" if w.zh else f"{title} [{mark}]"
    return w.label("untitled", "(untitled)")


def later_name_text(later: Doc, w: Words = ENGLISH) -> str:
    """'HTX', a later name since 2023-09-13 (source …)."""
    template = w.label(
        "later_name_since",
        "'{name}' is a later name of this entity, in use since {since} (source: {source})",
    )
    since = w.date(later["since"])
    return _fill(template, name=later["name"], since=since, source=later["source"])


def matched_through_later_name(match: Doc, entity: Doc, w: Words = ENGLISH) -> str | None:
    later = match.get("later_name")
    if not later:
        return None
    template = w.label(
        "later_name_note",
        "the measures below were announced under the name {entity}",
    )
    separator = "；" if w.zh else "; "
    return later_name_text(later, w) + separator + _fill(template, entity=w.name(entity))


def name_history(entity: Doc, w: Words = ENGLISH) -> str | None:
    names = entity.get("later_names") or []
    if not names:
        return None
    since = w.label("since", "since")
    if w.zh:
        return "、".join(
            f"“{printable(n['name'])}”（{since}{w.date(n['since'])}起，{w.field('source', printable(n['source']))}）"
            for n in names
        )
    return ", ".join(
        f"{printable(n['name'])} ({since} {n['since']}, {w.label('source')} {printable(n['source'])})"
        for n in names
    )


def disagreement_lines(record: Doc, w: Words = ENGLISH) -> list[str]:
    """One sentence per measure whose sources give different moments."""
    template = w.label(
        "disagree",
        "sources disagree on when {kind} ({scope}) takes effect: {values};"
        " the status counts the earliest",
    )
    out = []
    for d in record.get("disagreements") or []:
        values = "、" if w.zh else ", "
        values = values.join(
            f"{w.date(v['moment'])}{w.paren(printable(v['source']))}" for v in d["values"]
        )
        measure = next(  # the scope in the reader's language, from one of the measures
            (m for m in record["measures"] if (m["kind"], m["scope"]) == (d["kind"], d["scope"])),
            d,
        )
        scope = w.text(measure, "scope")
        out.append(_fill(template, kind=w.measure_kind(d["kind"]), scope=scope, values=values))
    return out


def coverage_text(coverage: Doc, w: Words = ENGLISH) -> str:
    text = _fill(
        w.label("coverage", COVERAGE),
        entities=coverage["entities"],
        measures=coverage["measures"],
        sources=coverage["sources"],
        oldest=w.date(coverage["oldest_measure"]) or "-",
        newest=w.date(coverage["newest_measure"]) or "-",
    )
    return text + ("" if w.zh else " ") + w.label("absence", coverage["note"])


def coverage_note(coverage: Doc, w: Words = ENGLISH) -> str:
    """What the registry covers, as a note on stderr after a screen with unmatched rows."""
    text = coverage_text(coverage, w)
    if w.zh:
        return text + "\n"
    import textwrap

    return textwrap.fill(text, 80) + "\n"


def screened_line(summary: Doc, w: Words = ENGLISH) -> str:
    """The summary line of a screening run (``exitcheck schema screen``'s summary record)."""
    more = [
        w.message(f"screened_{kind}", f"{summary[kind]} {kind}", summary)
        for kind in ("unreadable", "empty")
        if summary.get(kind)
    ]
    if w.zh:
        code = "screened" if summary["read"] == summary["rows"] else "screened_part"
        line = w.message(code, "", {**summary, "seconds": f"{summary['seconds']:.2f}"})
        return line + (f"（{'，'.join(more)}）" if more else "")
    return (
        f"read {summary['read']} row(s), answered {summary['rows']}: {summary['match']} match, "
        f"{summary['ambiguous']} ambiguous, {summary['none']} none"
        + "".join(f", {m}" for m in more)
        + f" in {summary['seconds']:.2f}s"
    )


def source_url(record: Doc, source_id: str) -> str | None:
    """The URL of a cited source, from the answer's sources."""
    for s in record.get("sources") or []:
        if s["id"] == source_id and (s.get("url") or s.get("copy_url")):
            return printable(s.get("url") or s["copy_url"])
    return None


def where_quoted(m: Doc, w: Words = ENGLISH) -> str:
    """'source: id, paragraph N' (no paragraph for a web page); '来源：id 第N段'."""
    if w.zh:
        return w.field("source", w.cite(printable(m["source"]), m["locator"].get("paragraph")))
    where = f"{w.label('source')}: {printable(m['source'])}"
    if m["locator"].get("paragraph") is not None:
        where += f", {w.label('paragraph')} {m['locator']['paragraph']}"
    return where


def _fill(template: str, **values: Any) -> str:
    """Fill {names} in a template from the package's own word list; values are made printable
    and never interpreted (no attribute or index look-ups)."""
    import re

    def value(found: re.Match[str]) -> str:
        key = found[1]
        return printable(str(values[key])) if key in values else found[0]

    return re.sub(r"\{(\w+)\}", value, template)  # one pass: data is never re-read
