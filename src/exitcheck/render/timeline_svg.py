"""The timeline as a standalone SVG a browser opens: labelled date axis, one row per entity,
regulations as reference lines, and a legend. Every text from data is XML-escaped."""

from __future__ import annotations

from datetime import date
from html import escape

from exitcheck.answers.timeline import MARKS, Row, Timeline, position, ticks
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import printable
from exitcheck.render.wrap import clip

COLOURS = {
    "registration_stopped": "#1f77b4",
    "users_cleared": "#ff7f0e",
    "closed": "#d62728",
    "service_stopped": "#bcbd22",
    "product_restricted": "#9467bd",
    "features_limited": "#17becf",
    "access_blocked": "#e377c2",
    "statement": "#7f7f7f",
    "dissolved": "#8c564b",
    "exit_planned": "#2ca02c",
    "fee_imposed": "#8c6d31",
    "sales_stopped": "#ff9896",
    "reopened": "#98df8a",
    "blocked_by_others": "#c5b0d5",
}
FONT = "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif"
WIDTH, LEFT, RIGHT, TOP, ROW = 1200, 330, 40, 110, 28
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
            f"{w.label('timeline', 'Timeline')}: {tl.start} – {tl.end}",
            font_size="18",
            font_weight="bold",
        ),
    ]
    out += _axis(tl, scale)
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


def _axis(tl: Timeline, scale: _Scale) -> list[str]:
    x = scale.x
    out = [
        f'<line x1="{LEFT}" y1="{TOP - 20}" x2="{LEFT + scale.axis}" y2="{TOP - 20}" stroke="#333"/>'
    ]
    for day in ticks(tl.start, tl.end):
        out.append(
            f'<line x1="{x(day):.1f}" y1="{TOP - 25}" x2="{x(day):.1f}" y2="{scale.bottom}" stroke="#eee"/>'
        )
        out.append(
            _text(
                x(day), TOP - 30, f"{day:%Y-%m}", text_anchor="middle", font_size="11", fill="#333"
            )
        )
    return out


def _references(tl: Timeline, scale: _Scale, w: Words) -> list[str]:
    """The regulations as numbered dashed lines, and the as-of day in red."""
    x, out = scale.x, []
    for number, ref in enumerate(tl.regulations, 1):
        out.append(
            f'<line x1="{x(ref.day):.1f}" y1="{TOP - 60}" x2="{x(ref.day):.1f}" y2="{scale.bottom}" stroke="#555" stroke-dasharray="4 3"/>'
        )
        out.append(
            _text(
                x(ref.day) + 3,
                TOP - 62 + 11 * ((number - 1) % 2),
                f"[{number}] {ref.day}",
                font_size="11",
                fill="#555",
            )
        )
    if tl.as_of is not None and tl.marks_as_of():
        out.append(
            f'<line x1="{x(tl.as_of):.1f}" y1="{TOP - 20}" x2="{x(tl.as_of):.1f}" y2="{scale.bottom}" stroke="#c00" stroke-width="1.5"/>'
        )
        out.append(
            _text(
                x(tl.as_of) + 3,
                TOP - 8,
                f"{w.label('as_of', 'as of')} {tl.as_of}",
                font_size="11",
                fill="#c00",
            )
        )
    return out


def _row(i: int, row: Row, scale: _Scale, w: Words) -> list[str]:
    """One entity: its name, and each measure as a line from announcement to completion."""
    x, out = scale.x, []
    y = TOP + ROW * i + ROW / 2
    if i % 2 == 0:
        out.append(
            f'<rect x="10" y="{y - ROW / 2:.1f}" width="{WIDTH - 20}" height="{ROW}" fill="#f7f7f7"/>'
        )
    out.append(
        _text(LEFT - 10, y + 4, clip(w.name(row._asdict()), LABEL_COLUMNS), text_anchor="end")
    )
    for event in row.events:
        colour = COLOURS.get(event.kind, "#000")
        label = w.measure_kind(event.kind)
        out.append(
            "<g><title>"
            + escape(f"{row.id}: {label}, {event.announced or '-'} → {event.completes or '-'}")
            + "</title>"
        )
        out.append(
            f'<line x1="{x(event.first):.1f}" y1="{y:.1f}" x2="{x(event.last):.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="3"/>'
        )
        if event.completes is not None:
            out.append(
                f'<rect x="{x(event.completes) - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>'
            )
        if event.announced is not None:
            out.append(
                f'<circle cx="{x(event.announced):.1f}" cy="{y:.1f}" r="5.5" fill="white" stroke="{colour}" stroke-width="2.5"/>'
            )
        out.append("</g>")
    return out


def _legend(tl: Timeline, w: Words, legend_rows: int) -> list[str]:
    """The symbols and kinds, then the regulations by number, the earlier ones, the undated
    measures and the caption."""
    y = TOP + ROW * len(tl.rows) + 40
    out = [f'<circle cx="30" cy="{y - 4}" r="5" fill="white" stroke="#333" stroke-width="2"/>']
    out.append(_text(42, y, w.label("announced", "announced")))
    out.append(f'<rect x="170" y="{y - 9}" width="10" height="10" fill="#333"/>')
    out.append(_text(186, y, w.label("effective_or_deadline", "effective / deadline")))
    for n, kind in enumerate(tl.kinds()):
        lx, ly = 20 + (n % 4) * 290, y + 22 * (1 + n // 4)
        out.append(f'<rect x="{lx}" y="{ly - 9}" width="18" height="10" fill="{COLOURS[kind]}"/>')
        out.append(_text(lx + 24, ly, f"{w.measure_kind(kind)} ({MARKS[kind]})"))
    y += 22 * legend_rows
    notes = [
        f"[{n}] {ref.day} {w.text(ref._asdict(), 'name')}"
        for n, ref in enumerate(tl.regulations, 1)
    ]
    earlier = w.label("earlier", "earlier")
    notes += [f"[{earlier}] {ref.day} {w.text(ref._asdict(), 'name')}" for ref in tl.earlier]
    if tl.undated:
        undated = ", ".join(f"{eid} ({w.measure_kind(k)})" for eid, k in tl.undated)
        notes.append(w.label("undated", "undated") + ": " + undated)
    for text in notes:
        y += 22
        out.append(_text(20, y, text, fill="#333"))
    if tl.caption:
        y += 22
        out.append(_text(20, y, tl.caption, fill="#666"))
    return out
