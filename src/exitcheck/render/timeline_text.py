"""The timeline in a terminal: one row per entity on a date axis that fits the width.

Each measure is its kind's letter at the announcement, a line to its effective date or
deadline, and a bar there. Plain ASCII when piped or with NO_COLOR; colours and box-drawing
characters at a terminal. No line is ever wider than the width it lays out in (the
width given, within the bounds of ``wrap.fit_width``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from exitcheck.answers.timeline import MARKS, Row, Timeline, position, ticks
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import printable
from exitcheck.render.wrap import clip, display_width, fit_width, pad

COLOURS = {
    "registration_stopped": "cyan",
    "users_cleared": "yellow",
    "closed": "red",
    "service_stopped": "bright_yellow",
    "product_restricted": "blue",
    "features_limited": "bright_blue",
    "access_blocked": "magenta",
    "statement": "white",
    "dissolved": "bright_red",
    "exit_planned": "green",
    "fee_imposed": "bright_cyan",
    "sales_stopped": "bright_magenta",
    "reopened": "bright_green",
    "blocked_by_others": "bright_black",
}
if TYPE_CHECKING:
    from exitcheck.answers.clocks import Clock

Cell = tuple[str, str]  # (character, style)
LETTERS = {*MARKS.values(), "*"}


def caption(files: Iterable[str], clock: Clock, w: Words = ENGLISH) -> str:
    """The line under either picture: both clocks, and the registries it was drawn from."""
    names, gap = w.listing.join(files), "" if w.zh else " "
    as_of, known_on = clock.as_of.isoformat(), clock.known_on.isoformat()
    text = f"{w.label('as_of', 'as of')}{gap}{w.date(as_of)}"
    if known_on != as_of:  # the known-on day only where it is another day
        text += f"{w.comma}{w.label('known_on', 'as known on')}{gap}{w.date(known_on)}"
    registries = w.label("registries", "registries")
    return f"{text} · {registries}{w.colon}{names}"


def dated(day: date, name: str, w: Words = ENGLISH) -> str:
    """A regulation's day and name; the name alone where it already gives the day (the
    Chinese name of the central bank document of 5 Dec 2013 begins with 2013年12月5日)."""
    shown = w.date(day.isoformat())
    if shown in name or day.isoformat() in name:
        return name
    return f"{shown} {name}"


def tick_label(day: date, first: bool, w: Words = ENGLISH) -> str:
    """An axis label: the year and month at the start and in January, else the month alone
    (2014-01, 04; in Chinese 2014年, 4月, and 2013年6月 at a start that is not January)."""
    if w.zh:
        if day.month == 1:
            return f"{day.year}年"
        return f"{day.year}年{day.month}月" if first else f"{day.month}月"
    return f"{day:%Y-%m}" if first or day.month == 1 else f"{day:%m}"


def render(tl: Timeline, *, width: int = 80, words: Words = ENGLISH, styled: bool = False) -> str:
    w, width = words, fit_width(width)
    chars = ("━", "▌", "┆") if styled else ("-", "|", ":")  # span, end, reference line
    names = [printable(w.name(r._asdict())) for r in tl.rows]
    regulations_label = w.label("regulations", "regulations")
    label_width = max(
        8,
        min(
            28, width // 3, max((display_width(n) for n in [*names, regulations_label]), default=8)
        ),
    )
    axis = max(10, width - label_width - 2)

    def line(label: str, cells: list[Cell]) -> list[Cell]:
        return [(ch, "") for ch in pad(clip(label, label_width), label_width) + "  "] + cells

    gap = "：" if w.zh else " "
    title = f"{w.label('timeline', 'Timeline')}{gap}{w.span(tl.start, tl.end)}"
    lines = [[(ch, "bold") for ch in clip(title, width)]]
    lines += [line("", cells) for cells in _ticks(tl, axis, styled, w)]
    lines += [line(label, cells) for label, cells in _markers(tl, axis, w, regulations_label)]
    for name, row in zip(names, tl.rows, strict=True):
        lines.append(line(name, _row(tl, row, axis, chars)))
    for text in _footer(tl, w, width, chars):
        for chunk in _wrap(printable(text), width):
            lines.append([(ch, "dim") for ch in chunk])
    return _emit(lines, width, styled)


def _ticks(tl: Timeline, axis: int, styled: bool, w: Words = ENGLISH) -> list[list[Cell]]:
    """The axis: tick labels (a month, with the year in January and at the start) and marks.
    A wide (Chinese) character takes two cells: its own and an empty one after it."""
    tick_cells: list[Cell] = [(" ", "")] * axis
    tick_marks: list[Cell] = [(" ", "")] * axis
    for index, day in enumerate(ticks(tl.start, tl.end)):
        col = position(day, tl.start, tl.end, axis)
        label = tick_label(day, index == 0, w)
        size = display_width(label)
        free = all(c == " " for c, _ in tick_cells[max(0, col - 1) : col + size + 1])
        if free and col + size <= axis:
            at = col
            for ch in label:
                tick_cells[at] = (ch, "dim")
                if display_width(ch) == 2:
                    tick_cells[at + 1] = ("", "dim")
                at += display_width(ch)
        tick_marks[col] = ("╷" if styled else "|", "dim")
    return [tick_cells, tick_marks]


def _markers(
    tl: Timeline, axis: int, w: Words, regulations_label: str
) -> list[tuple[str, list[Cell]]]:
    """The numbered regulations, and the as-of day, each a line above the entities."""
    out = []
    refs: list[Cell] = [(" ", "")] * axis
    for number, ref in enumerate(tl.regulations, 1):
        col = position(ref.day, tl.start, tl.end, axis)
        refs[col] = (str(number % 10), "bold")
    if tl.regulations:
        out.append((regulations_label, refs))
    if tl.as_of is not None and tl.marks_as_of():
        marker: list[Cell] = [(" ", "")] * axis
        marker[position(tl.as_of, tl.start, tl.end, axis)] = ("v", "bold")
        out.append((w.label("as_of", "as of"), marker))
    return out


def _row(tl: Timeline, row: Row, axis: int, chars: tuple[str, str, str]) -> list[Cell]:
    """One entity's line: reference lines behind, then spans and end bars, then letters."""
    span_char, end_char, ref_char = chars
    cells: list[Cell] = [(" ", "")] * axis
    for ref in tl.regulations:  # reference lines behind the events
        cells[position(ref.day, tl.start, tl.end, axis)] = (ref_char, "dim")
    for event in row.events:  # spans and end bars first, so no span hides a letter
        style = COLOURS.get(event.kind, "")
        a, b = (position(d, tl.start, tl.end, axis) for d in (event.first, event.last))
        for col in range(a, b + 1):
            cells[col] = (span_char, style)
        if event.completes is not None:
            cells[position(event.completes, tl.start, tl.end, axis)] = (end_char, style)
    for event in row.events:
        if event.announced is not None:
            col = position(event.announced, tl.start, tl.end, axis)
            taken = cells[col][0] in LETTERS and cells[col][0] != MARKS[event.kind]
            style = COLOURS.get(event.kind, "")
            cells[col] = ("*", "bold") if taken else (MARKS[event.kind], "bold " + style)
    return cells


def _footer(tl: Timeline, w: Words, width: int, chars: tuple[str, str, str]) -> list[str]:
    """The legend, the regulations by number, what lies before the axis or has no date, and
    the caption."""
    span_char, end_char, _ = chars
    legend = [f"{MARKS[k]} {w.measure_kind(k)}" for k in tl.kinds()] + [
        f"* {w.label('several', 'several on one day')}"
    ]
    announced, completes = (
        w.label("announced", "announced"),
        w.label("effective_or_deadline", "effective / deadline"),
    )
    symbols = w.field(
        "legend",
        w.comma.join(
            (
                f"{announced} = {w.label('letter', 'letter')}",
                f"{completes} = {end_char}",
                f"{w.label('between')} = {span_char}"
                if w.zh
                else f"{span_char} {w.label('between', 'between')}",
            )
        ),
        "legend",
    )
    footer = [symbols, *_pack(legend, width)]
    for number, ref in enumerate(tl.regulations, 1):
        footer.append(f"{number % 10} {dated(ref.day, w.text(ref._asdict(), 'name'), w)}")
    if tl.earlier:
        earlier = ("；" if w.zh else "; ").join(
            dated(r.day, w.text(r._asdict(), "name"), w) for r in tl.earlier
        )
        footer.append(w.field("earlier", earlier, "earlier"))
    if tl.undated:
        undated = w.listing.join(f"{eid} {w.measure_kind(kind)}" for eid, kind in tl.undated)
        footer.append(w.field("undated", undated, "undated"))
    if tl.caption:
        footer.append(tl.caption)
    return footer


def _pack(items: list[str], width: int) -> list[str]:
    """Legend items on as few lines as fit, never splitting an item."""
    out, current = [], ""
    for item in items:
        candidate = f"{current}   {item}" if current else item
        if current and display_width(candidate) > width:
            out.append(current)
            candidate = item
        current = candidate
    return [*out, current] if current else out


def _wrap(text: str, width: int) -> list[str]:
    """Break on display width (Chinese characters count two) so no line is wider than width."""
    out, current = [], ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if display_width(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        while display_width(word) > width:  # a word wider than the line is folded, not cut
            head = _fitting(word, width)
            out.append(head)
            word = word[len(head) :]
        current = word
    if current:
        out.append(current)
    return out


def _fitting(word: str, width: int) -> str:
    """The longest start of ``word`` that fits ``width`` columns; at least one character, so
    that folding a word always moves on."""
    end = 1
    while end < len(word) and display_width(word[: end + 1]) <= width:
        end += 1
    return word[:end]


def _emit(lines: list[list[Cell]], width: int, styled: bool) -> str:
    if not styled:
        return "".join("".join(ch for ch, _ in cells).rstrip() + "\n" for cells in lines)
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=True, highlight=False, markup=False, emoji=False
    )
    for cells in lines:
        text = Text(no_wrap=True, overflow="crop")
        for ch, style in cells:
            text.append(ch, style=style or None)
        text.rstrip()
        console.print(text)
    return buffer.getvalue()
