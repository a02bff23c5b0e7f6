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
    if value is None:
        return "-"
    if isinstance(value, list):
        return w.listing.join(printable(v) for v in value) or "-"
    if field == "decision":
        return w.decision(str(value))
    if field == "status":
        return w.status(str(value))
    if field == "kind":
        return w.measure_kind(str(value))
    text = printable(value)
    if field in ("announced", "effective", "deadline"):
        return w.date(text, deadline=field == "deadline")
    return text


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
            parts.append(f"{label}{w.colon}{printable(c['measure'])}")
        elif field == "measure":
            between = w.colon if w.zh else " "
            fields = w.comma.join(
                f"{w.label(f)}{between}{_was(f, c['before'][f], c['after'][f], w)}"
                for f in c["after"]
            )
            key = printable(c["measure"])
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


def compared_notes(
    previous: str,
    clocks: list[tuple[str, str | None]],
    when: Clock,
    common: int,
    rows: int,
    unmeasured: bool,
    w: Words = ENGLISH,
) -> str:
    """Notes before the rows: PREVIOUS answered with other clocks (a status may have changed
    because the day moved), shares no row with the list, or carries no measures."""
    lines = []
    file = printable(previous)
    for as_of, known_on in clocks:
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
    if common == 0 and rows:
        english = (
            "warning: no row of the list is in {previous} (rows are compared by number and "
            "name), so every row is listed as new; was {previous} screened from another list?"
        )
        lines.append(w.message("since_disjoint", english.format(previous=file), {"previous": file}))
    if unmeasured:
        english = (
            "{previous} was written by an exitcheck whose rows carry no measures: measures are "
            "not compared, only decisions, entities and statuses"
        )
        lines.append(
            w.message("since_unmeasured", english.format(previous=file), {"previous": file})
        )
    if not w.zh:
        import textwrap

        lines = [textwrap.fill(line, 80) for line in lines]
    return "".join(line + "\n" for line in lines)
