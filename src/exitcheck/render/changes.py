"""The words of ``screen --since``: what changed in a row (the ``changes`` column of the table,
CSV, Markdown and workbook views), and the notes on stderr about the answers compared against
(answers/since.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from exitcheck.render import Doc
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import printable

if TYPE_CHECKING:
    from exitcheck.answers.clocks import Clock

_LABELS = {"entity_id": "entity"}  # a field's label where it is not the field's name


def _value(field: str, value: Any, w: Words) -> str:
    """A value of a change, shown: a value read from PREVIOUS is untrusted, so it is made
    printable first, and a code is translated only when it is a known one (an unknown code
    is shown as it is, escaped)."""
    if value is None:
        return "-"
    if isinstance(value, list):
        return w.listing.join(printable(v) for v in value) or "-"
    text = printable(value)
    if field == "decision":
        return w.decision(text)
    if field == "status":
        return w.status(text)
    if field == "kind":
        return w.measure_kind(text)
    if field in ("announced", "effective", "deadline"):
        return w.date(text, deadline=field == "deadline")
    return text


def _measure(change: Doc, w: Words) -> str:
    """A measure named in a change: its id; a measure without one (keyed in JSON as
    ``kind/source/announced#n``) by its kind and day, as a person reads it."""
    key = str(change["measure"])
    whole = change["after"] if change["change"] == "added" else change["before"]
    if change["change"] in ("added", "removed") and isinstance(whole, dict):
        if whole.get("id"):
            return printable(whole["id"])
        kind, day = whole.get("kind"), whole.get("announced")
    elif "#" in key and key.count("/") >= 2:
        base = key.rsplit("#", 1)[0]
        kind, day = base.split("/", 1)[0], base.rsplit("/", 1)[1]
        day = None if day == "undated" else day
    else:
        return printable(key)
    shown = _value("kind", kind, w)
    return f"{shown} {_value('announced', day, w)}" if day else shown


def _was(field: str, before: Any, after: Any, w: Words) -> str:
    return f"{_value(field, before, w)} → {_value(field, after, w)}"


def changes_text(changes: list[Doc], w: Words = ENGLISH) -> str:
    """'status: exiting → exited; measure added: huobi-…'; in Chinese with Chinese labels."""
    parts = []
    for c in changes:
        field, change = str(c["field"]), str(c["change"])
        if field == "row":
            parts.append(w.label("new_row", "new row"))
        elif field == "measure" and change in ("added", "removed"):
            label = w.label(f"measure_{change}", f"measure {change}")
            parts.append(f"{label}{w.colon}{_measure(c, w)}")
        elif field == "measure":
            between = w.colon if w.zh else " "
            fields = w.comma.join(
                f"{w.label(f)}{between}{_was(f, c['before'][f], c['after'][f], w)}"
                for f in c["after"]
            )
            key = _measure(c, w)
            parts.append(
                f"{w.label('measure')}{key}{w.paren(fields)}"
                if w.zh
                else f"{w.label('measure')} {key}: {fields}"
            )
        else:
            label = w.label(_LABELS.get(field, field))
            parts.append(f"{label}{w.colon}{_was(field, c['before'], c['after'], w)}")
    return ("；" if w.zh else "; ").join(parts)


def changed_line(summary: Doc, previous: str, w: Words = ENGLISH) -> str:
    """The line after the summary: how many rows changed, how many are not shown."""
    params = {
        "changed": summary["changed"],
        "unchanged": summary["rows"] - summary["changed"],
        "previous": printable(previous),
    }
    english = "{changed} row(s) changed since {previous}; {unchanged} unchanged, not shown"
    return w.message("since_changed", english.format(**params), params) + "\n"


def compared_notes(lines: list[str], w: Words = ENGLISH) -> str:
    """The notes of ``compared_lines`` for stderr (in English, wrapped at 80 columns)."""
    if not w.zh:
        import textwrap

        lines = [textwrap.fill(line, 80) for line in lines]
    return "".join(line + "\n" for line in lines)


def disjoint_line(previous: str, w: Words = ENGLISH) -> str:
    """PREVIOUS shares no row with the list (known once the rows are read)."""
    file = printable(previous)
    english = (
        "warning: no row of the list is in {previous} (rows are compared by number and "
        "name), so every row is listed as new; was {previous} screened from another list?"
    )
    return w.message("since_disjoint", english.format(previous=file), {"previous": file})


def compared_lines(previous: str, found: Doc, when: Clock, w: Words = ENGLISH) -> list[str]:
    """Notes before the rows, from ``api.compared_with``: PREVIOUS answered with other clocks
    (a status may have changed because the day moved), is a registry file (answered with this
    run's clocks, so such a change is not seen), is a --since output (only changed rows), or
    carries no measures. That it shares no row with the list is known after the rows
    (``disjoint_line``)."""
    lines = []
    file = printable(previous)
    for as_of, known_on in found["other_clocks"]:
        params = {
            "previous": file,
            "before": w.day(printable(as_of)),
            "before_known": w.day(printable(known_on)) if known_on else "-",
            "as_of": w.day(when.as_of.isoformat()),
            "known_on": w.day(when.known_on.isoformat()),
        }
        english = (
            "{previous} answered as of {before} (known on {before_known}); this run answers as "
            "of {as_of} (known on {known_on}): a status that changed because the day moved is "
            "listed as a change"
        )
        lines.append(w.message("since_clock", english.format(**params), params))
    if found["registry_file"]:
        registries = w.listing.join(
            printable(f"{r['name']} {r['version']}")
            + (w.paren(f"{w.label('reviewed', 'reviewed')} {w.date(r['last_reviewed'])}")
               if r.get("last_reviewed") else "")
            for r in found["registries"]
        )  # fmt: skip
        params = {
            "previous": file,
            "registries": registries,
            "as_of": w.day(when.as_of.isoformat()),
            "known_on": w.day(when.known_on.isoformat()),
        }
        english = (
            "{previous} is a registry file ({registries}): both answers are as of {as_of} "
            "(known on {known_on}), so a status that changed only because the day moved is not "
            "compared; for that, give the NDJSON of the earlier run ('screen --json')"
        )
        lines.append(w.message("since_registry", english.format(**params), params))
    if found["partial"]:
        english = (
            "warning: {previous} is the output of a --since run: it holds only the rows that "
            "changed then, so the rows missing from it are listed as new; compare with the "
            "whole output of 'screen --json'"
        )
        lines.append(w.message("since_partial", english.format(previous=file), {"previous": file}))
    if found["unmeasured"]:
        english = (
            "{previous} was written by an exitcheck whose rows carry no measures: measures are "
            "not compared, only decisions, entities and statuses"
        )
        lines.append(
            w.message("since_unmeasured", english.format(previous=file), {"previous": file})
        )
    return lines
