"""Sentences about the two clocks and the registries behind each fact, shared by the
people-facing views (text and rich table): the days an answer is for, aliases and notes added
by another registry, a measure announced after the day asked about. Every value from data
passes through ``printable``."""

from __future__ import annotations

from exitcheck.render import Record
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import printable


def clock_text(record: Record, w: Words = ENGLISH) -> str:
    """'as of D' and, when it is another day, 'as known on K'."""
    text = f"{w.label('as_of', 'as of')} {record['as_of']}"
    if record.get("known_on") and record["known_on"] != record["as_of"]:
        text += f", {w.label('known_on', 'as known on')} {record['known_on']}"
    return text


def aliases_text(entity: Record, w: Words = ENGLISH) -> str:
    """Aliases, each added by another registry marked with that registry's name."""
    origins = {o["alias"]: o["registry"] for o in entity.get("alias_origins", [])}
    home = entity.get("registry")
    return w.listing.join(
        printable(a) + (f" [{printable(origins[a])}]" if origins.get(a, home) != home else "")
        for a in entity["aliases"]
    )


def measure_extras(m: Record, record: Record, w: Words = ENGLISH) -> list[str]:
    """Announced after the day asked about; stated by another registry than the entity's."""
    out = []
    if m["status"] and m["announced"] and not _reached(m["announced"], record["as_of"]):
        out.append(
            f"{w.label('announced_later', 'announced later')}: {m['announced']}; "
            f"{w.label('counts_from', 'counts from')} {m['counts_from']}"
        )
    if m.get("registry") and m["registry"] != record["entity"].get("registry"):
        out.append(f"{w.label('registry')}: {printable(m['registry'])}")
    return out


def _reached(day: str, as_of: str) -> bool:
    """Whether an ISO day, month or year had come by the day ``as_of`` (dates.in_effect)."""
    from datetime import date

    from exitcheck.dates import in_effect, parse_moment

    return in_effect(parse_moment(day), date.fromisoformat(as_of))


def added_note_lines(entity: Record, w: Words = ENGLISH) -> list[str]:
    return [
        f"{w.label('note')} [{printable(n['registry'])}]"
        + (f" ({w.label('source')} {printable(n['source'])})" if n["source"] else "")
        + f": {printable(n['text'])}"
        for n in entity.get("added_notes", [])
    ]
