"""The timeline as a standalone SVG a browser opens: labelled date axis, one row per entity,
regulations as reference lines, and a legend. Every text from data is XML-escaped."""

from __future__ import annotations

from datetime import date
from html import escape

from exitcheck.answers.timeline import MARKS, Event, Row, Timeline, position, ticks
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import printable
from exitcheck.render.timeline_text import dated, tick_label
from exitcheck.render.wrap import clip

# One colour per kind, all distinct: the eight of Okabe and Ito's palette for colour-blind
# readers, then six of Paul Tol's "muted" palette. Fourteen colours cannot all stay apart for
# every reader, so each marker also carries its kind's letter (answers.timeline.MARKS).
COLOURS = {
    "registration_stopped": "#0072B2",  # blue
    "users_cleared": "#E69F00",  # orange
    "closed": "#D55E00",  # vermillion
    "service_stopped": "#000000",  # black
    "product_restricted": "#56B4E9",  # sky blue
    "features_limited": "#009E73",  # bluish green
    "access_blocked": "#CC79A7",  # reddish purple
    "fee_imposed": "#F0E442",  # yellow
    "statement": "#999999",  # grey
    "dissolved": "#882255",  # wine
    "exit_planned": "#DDCC77",  # sand
    "sales_stopped": "#999933",  # olive
    "reopened": "#117733",  # green
    "blocked_by_others": "#332288",  # indigo
}
FONT = "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif"
WIDTH, LEFT, RIGHT, TOP, ROW = 1200, 330, 40, 121, 28
LABEL_COLUMNS = 44  # entity names are clipped to this display width to stay left of the axis


def _text(x: float, y: float, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(printable(text))}</text>'


def written(path: object, tl: Timeline) -> str:
    """The line on stderr once the drawing is written."""
    return f"wrote {path} ({len(tl.rows)} entities)\n"


def render(tl: Timeline, *, words: Words = ENGLISH) -> str:
    w = words
    kinds = tl.kinds()
    legend_rows = (len(kinds) + 3) // 4 + 1
    notes = len(tl.regulations) + len(tl.earlier) + bool(tl.undated) + bool(tl.caption)
    height = TOP + ROW * len(tl.rows) + 40 + 22 * (legend_rows + notes) + 20
    scale = _Scale(tl)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{escape(FONT)}" font-size="13">',
        f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
        _text(
            20,
            30,
            f"{w.label('timeline', 'Timeline')}{w.colon}{w.span(tl.start, tl.end)}",
            font_size="18",
            font_weight="bold",
        ),
    ]
    out += _stripes(tl)  # first: every line is drawn above them
    out += _axis(tl, scale, w)
    out += _references(tl, scale, w)
    for i, row in enumerate(tl.rows):
        out += _row(i, row, scale, w)
    out += _legend(tl, w, legend_rows)
    out.append("</svg>")
    return "\n".join(out) + "\n"


class _Scale:
    """Where a day lies on the axis, in SVG units, and where the rows end."""

    def __init__(self, tl: Timeline) -> None:
        self.tl = tl
        self.axis = WIDTH - LEFT - RIGHT
        self.bottom = TOP + ROW * len(tl.rows)

    def x(self, day: date) -> float:
        return LEFT + position(day, self.tl.start, self.tl.end, self.axis)


def _stripes(tl: Timeline) -> list[str]:
    """A light band behind every other row (drawn before the grid and reference lines)."""
    return [
        f'<rect x="10" y="{TOP + ROW * i}" width="{WIDTH - 20}" height="{ROW}" fill="#f7f7f7"/>'
        for i in range(0, len(tl.rows), 2)
    ]


def _axis(tl: Timeline, scale: _Scale, w: Words = ENGLISH) -> list[str]:
    x = scale.x
    out = [
        f'<line x1="{LEFT}" y1="{TOP - 20}" x2="{LEFT + scale.axis}" y2="{TOP - 20}" stroke="#333"/>'
    ]
    for index, day in enumerate(ticks(tl.start, tl.end)):
        label = tick_label(day, index == 0, w) if w.zh else f"{day:%Y-%m}"
        out.append(
            f'<line x1="{x(day):.1f}" y1="{TOP - 25}" x2="{x(day):.1f}" y2="{scale.bottom}" stroke="#e0e0e0"/>'
        )
        out.append(
            _text(x(day), TOP - 30, label, text_anchor="middle", font_size="11", fill="#333")
        )
    return out


def _references(tl: Timeline, scale: _Scale, w: Words) -> list[str]:
    """The regulations as numbered dashed lines, and the as-of day in red."""
    x, out = scale.x, []
    for number, ref in enumerate(tl.regulations, 1):
        out.append(
            f'<line x1="{x(ref.day):.1f}" y1="{TOP - 71}" x2="{x(ref.day):.1f}" y2="{scale.bottom}" stroke="#555" stroke-dasharray="4 3"/>'
        )
        out.append(
            _text(
                x(ref.day) + 3,
                TOP - 73 + 11 * ((number - 1) % 3),  # three staggered rows of labels
                f"[{number}] {w.date(ref.day)}",
                font_size="11",
                fill="#555",
            )
        )
    if tl.as_of is not None and tl.marks_as_of():
        out.append(
            f'<line x1="{x(tl.as_of):.1f}" y1="{TOP - 20}" x2="{x(tl.as_of):.1f}" y2="{scale.bottom}" stroke="#c00" stroke-width="1.5"/>'
        )
        label = f"{w.label('as_of', 'as of')}{'' if w.zh else ' '}{w.date(tl.as_of)}"
        near_end = x(tl.as_of) > WIDTH - RIGHT - 120  # the label goes left of the line there
        left = {"text_anchor": "end"} if near_end else {}
        at = x(tl.as_of) - 3 if near_end else x(tl.as_of) + 3
        out.append(_text(at, TOP - 8, label, font_size="11", fill="#c00", **left))
    return out


def _row(i: int, row: Row, scale: _Scale, w: Words) -> list[str]:
    """One entity: its name, and each measure as a line from announcement to completion, a
    bar at completion and its kind's letter at the announcement; a date given only as a month
    (or a year) is a band across that period rather than a point on its first day."""
    x, out = scale.x, []
    y = TOP + ROW * i + ROW / 2
    out.append(
        _text(LEFT - 10, y + 4, clip(w.name(row._asdict()), LABEL_COLUMNS), text_anchor="end")
    )
    tips = []
    for event in row.events:
        when = (w.date(d) if d else "-" for d in (event.announced, event.completes))
        tip = f"{row.id}{w.colon}{w.measure_kind(event.kind)}{w.comma}{' → '.join(when)}"
        tips.append("<g><title>" + escape(printable(tip)) + "</title>")
    # lines and completion bars first, then every announcement: no line hides a letter
    for event, tip in zip(row.events, tips, strict=True):
        colour = COLOURS.get(event.kind, "#000")
        last = max(event.completes_end or event.last, event.last)
        line = f'x1="{x(event.first):.1f}" y1="{y:.1f}" x2="{x(last):.1f}" y2="{y:.1f}"'
        out.append(tip)
        if _light(colour, 0.6):  # a pale line gets a grey edge to stand out on white
            out.append(f'<line {line} stroke="#888" stroke-width="5"/>')
        out.append(f'<line {line} stroke="{colour}" stroke-width="3"/>')
        if event.completes is not None:
            out.append(_band(scale, event.completes, event.completes_end, y, 10, colour))
        out.append("</g>")
    for event, tip in zip(row.events, tips, strict=True):
        if event.announced is not None:
            out += [tip, *_marker(scale, event, y, COLOURS.get(event.kind, "#000")), "</g>"]
    return out


def _band(
    scale: _Scale, first: date, last: date | None, y: float, height: float, colour: str
) -> str:
    """A bar of ``height`` centred on ``y``: across a period from ``first`` to ``last``, or
    10 units wide at a single day."""
    left, right = (
        (scale.x(first) - 5, scale.x(first) + 5) if last is None else month_x(scale, first, last)
    )
    return (
        f'<rect x="{left:.1f}" y="{y - height / 2:.1f}" width="{right - left:.1f}"'
        f' height="{height:.1f}" fill="{colour}"/>'
    )


def month_x(scale: _Scale, first: date, last: date) -> tuple[float, float]:
    """Where a period lies on the axis: from the start of its first day to the end of its
    last (the next day's start), and at least 2 units wide so it stays visible."""
    from datetime import timedelta

    left, right = scale.x(first), scale.x(last + timedelta(days=1))
    return left, max(right, left + 2)


def _marker(scale: _Scale, event: Event, y: float, colour: str) -> list[str]:
    """The announcement: a disc (a band across a month or year given without a day) in the
    kind's colour with the kind's letter in black or white, whichever reads on it."""
    assert event.announced is not None
    ink = "#000" if _light(colour) else "#fff"
    if event.announced_end is None:
        cx = scale.x(event.announced)
        shape = f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="7" fill="{colour}" stroke="#fff" stroke-width="1"/>'
    else:
        left, right = month_x(scale, event.announced, event.announced_end)
        cx = (left + right) / 2
        shape = (
            f'<rect x="{left:.1f}" y="{y - 7:.1f}" width="{right - left:.1f}" height="14" rx="3"'
            f' fill="{colour}" stroke="#fff" stroke-width="1"/>'
        )
    letter = _text(
        cx,
        y + 3.5,
        MARKS[event.kind],
        text_anchor="middle",
        font_size="10",
        font_weight="bold",
        fill=ink,
    )
    return [shape, letter]


def _light(colour: str, above: float = 0.18) -> bool:
    """Whether the colour's relative luminance (WCAG) is above ``above``: by default, whether
    black reads better than white on it."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return luminance > above


def _legend(tl: Timeline, w: Words, legend_rows: int) -> list[str]:
    """The symbols and kinds, then the regulations by number, the earlier ones, the undated
    measures and the caption."""
    y = TOP + ROW * len(tl.rows) + 40
    out = [f'<circle cx="30" cy="{y - 4}" r="7" fill="#777"/>']
    out.append(_text(44, y, w.label("announced", "announced")))
    out.append(f'<rect x="190" y="{y - 9}" width="10" height="10" fill="#333"/>')
    out.append(_text(206, y, w.label("effective_or_deadline", "effective / deadline")))
    out.append(f'<rect x="400" y="{y - 11}" width="30" height="14" rx="3" fill="#777"/>')
    out.append(_text(438, y, w.label("month_span", "a month without its day: across the month")))
    for n, kind in enumerate(tl.kinds()):
        lx, ly = 20 + (n % 4) * 290, y + 22 * (1 + n // 4)
        colour, ink = COLOURS[kind], "#000" if _light(COLOURS[kind]) else "#fff"
        out.append(f'<circle cx="{lx + 10}" cy="{ly - 4}" r="7" fill="{colour}"/>')
        out.append(
            _text(
                lx + 10,
                ly - 0.5,
                MARKS[kind],
                text_anchor="middle",
                font_size="10",
                font_weight="bold",
                fill=ink,
            )
        )
        out.append(_text(lx + 24, ly, w.measure_kind(kind)))
    y += 22 * legend_rows
    notes = [
        f"[{n}] {dated(ref.day, w.text(ref._asdict(), 'name'), w)}"
        for n, ref in enumerate(tl.regulations, 1)
    ]
    earlier = w.label("earlier", "earlier")
    notes += [f"[{earlier}] {dated(r.day, w.text(r._asdict(), 'name'), w)}" for r in tl.earlier]
    if tl.undated:
        undated = w.listing.join(f"{eid}{w.paren(w.measure_kind(k))}" for eid, k in tl.undated)
        notes.append(w.field("undated", undated, "undated"))
    for text in notes:
        y += 22
        out.append(_text(20, y, text, fill="#333"))
    if tl.caption:
        y += 22
        out.append(_text(20, y, tl.caption, fill="#666"))
    return out
