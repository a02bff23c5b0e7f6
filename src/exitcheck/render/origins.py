"""Sentences about the two clocks and the registries behind each fact, shared by the
people-facing views: the days an answer is for, what the other clock would answer, aliases
and notes added by another registry, a measure announced after the day asked about. Every
value from data passes through ``printable``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exitcheck.render import Doc
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import printable


def clock_text(record: Doc, w: Words = ENGLISH) -> str:
    """'as of D' and, when it is another day, 'as known on K'."""
    gap = "" if w.zh else " "
    text = f"{w.label('as_of', 'as of')}{gap}{w.date(record['as_of'])}"
    if record.get("known_on") and record["known_on"] != record["as_of"]:
        text += f"{w.comma}{w.label('known_on', 'as known on')}{gap}{w.date(record['known_on'])}"
    return text


def aliases_text(entity: Doc, w: Words = ENGLISH) -> str:
    """Aliases, each added by another registry marked with that registry's name."""
    origins = {o["alias"]: o["registry"] for o in entity.get("alias_origins", [])}
    home = entity.get("registry")
    return w.listing.join(
        printable(a) + (f" [{printable(origins[a])}]" if origins.get(a, home) != home else "")
        for a in entity["aliases"]
    )


def measure_extras(m: Doc, record: Doc, w: Words = ENGLISH) -> list[str]:
    """Announced after the day asked about; stated by another registry than the entity's."""
    out = []
    if m["status"] and m["announced"] and not _reached(m["announced"], record["as_of"]):
        later, counts = w.date(m["announced"]), w.date(m["counts_from"])
        if w.zh:
            out.append(f"{w.field('announced_later', later)}，{w.field('counts_from', counts)}")
        else:
            out.append(
                f"{w.label('announced_later', 'announced later')}: {later}; "
                f"{w.label('counts_from', 'counts from')} {counts}"
            )
    if m.get("registry") and m["registry"] != record["entity"].get("registry"):
        out.append(w.field("registry", printable(m["registry"])))
    return out


def _reached(day: str, as_of: str) -> bool:
    """Whether an ISO day, month or year had come by the day ``as_of`` (dates.in_effect)."""
    from exitcheck.dates import in_effect, parse_moment, parse_when

    return in_effect(parse_moment(day), parse_when(as_of))


def added_note_lines(entity: Doc, w: Words = ENGLISH) -> list[str]:
    return [
        f"{w.label('note')} [{printable(n['registry'])}]"
        + (f" ({w.label('source')} {printable(n['source'])})" if n["source"] else "")
        + f": {printable(n['text'])}"
        for n in entity.get("added_notes", [])
    ]


def difference_line(record: Mapping[str, Any], w: Words | None = None) -> str | None:
    """One line for people when the other view answers differently, else None."""
    other = record.get("other_view")
    if not other or other["status"] == record.get("status"):
        return None
    known_on = record.get("known_on") or record["provenance"]["known_on"]
    then = other["known_on"] < known_on
    if w is not None and w.zh:
        return _difference_zh(other, known_on, then, w)
    dated = [m for m in other["differing_measures"] if m["announced"]]
    undated = len(other["differing_measures"]) - len(dated)
    why = "; ".join(
        f"{m['kind']} announced {m['announced']}"
        + (f", effective {m['effective']}" if m["effective"] else "")
        for m in dated
    )
    if undated:  # their announcement is unknown: known now, on no earlier day (Clock.knowledge)
        why += ("; " if why else "") + f"{undated} measure(s) whose announcement is undated"
    if then:
        head = f"as known on {other['known_on']}: {other['status']}"
        return head + (f" (not yet announced then: {why})" if why else "")
    head = f"by what was known on {other['known_on']}: {other['status']}"
    return head + (f" (announced after {known_on}: {why})" if why else "")


def _difference_zh(other: Mapping[str, Any], known_on: str, then: bool, w: Words) -> str:
    """The same line in Chinese."""
    dated = [m for m in other["differing_measures"] if m["announced"]]
    undated = len(other["differing_measures"]) - len(dated)
    parts = [
        f"{w.measure_kind(m['kind'])}（{w.day(m['announced'])}公布"
        + (f"，{w.day(m['effective'])}生效" if m["effective"] else "")
        + "）"
        for m in dated
    ]
    if undated:
        parts.append(f"另有{undated}项公布日期不详的措施")
    why = "；".join(parts)
    if then:
        head = f"{w.label('known_on', 'as known on')}{w.day(other['known_on'])}：{w.status(other['status'])}"
        return head + (f"（当时尚未公布：{why}）" if why else "")
    head = f"按{w.day(other['known_on'])}所知：{w.status(other['status'])}"
    return head + (f"（{w.day(known_on)}之后公布：{why}）" if why else "")
