"""The timeline as a standalone SVG a browser opens: labelled date axis, one row per entity,
regulations as reference lines, and a legend. Every text from data is XML-escaped."""

from __future__ import annotations

from html import escape

from exitcheck.i18n import ENGLISH, Words
from exitcheck.render.safe import printable
from exitcheck.render.wrap import clip
from exitcheck.timeline import MARKS, Timeline, position, ticks

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
    "fee_imposed": "#bcbd22",
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
    axis = WIDTH - LEFT - RIGHT
    kinds = tl.kinds()
    legend_rows = (len(kinds) + 3) // 4 + 1
    notes = len(tl.regulations) + len(tl.earlier) + bool(tl.undated) + bool(tl.caption)
    height = TOP + ROW * len(tl.rows) + 40 + 22 * (legend_rows + notes) + 20

    def x(day: object) -> float:
        return LEFT + position(day, tl.start, tl.end, axis)  # type: ignore[arg-type]

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
    # axis
    out.append(
        f'<line x1="{LEFT}" y1="{TOP - 20}" x2="{LEFT + axis}" y2="{TOP - 20}" stroke="#333"/>'
    )
    for day in ticks(tl.start, tl.end):
        out.append(
            f'<line x1="{x(day):.1f}" y1="{TOP - 25}" x2="{x(day):.1f}" y2="{TOP + ROW * len(tl.rows)}" stroke="#eee"/>'
        )
        out.append(
            _text(
                x(day), TOP - 30, f"{day:%Y-%m}", text_anchor="middle", font_size="11", fill="#333"
            )
        )
    # regulations
    for number, ref in enumerate(tl.regulations, 1):
        out.append(
            f'<line x1="{x(ref.day):.1f}" y1="{TOP - 60}" x2="{x(ref.day):.1f}" y2="{TOP + ROW * len(tl.rows)}" stroke="#555" stroke-dasharray="4 3"/>'
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
            f'<line x1="{x(tl.as_of):.1f}" y1="{TOP - 20}" x2="{x(tl.as_of):.1f}" y2="{TOP + ROW * len(tl.rows)}" stroke="#c00" stroke-width="1.5"/>'
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
    # rows
    for i, row in enumerate(tl.rows):
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
    # legend and notes
    y = TOP + ROW * len(tl.rows) + 40
    out.append(f'<circle cx="30" cy="{y - 4}" r="5" fill="white" stroke="#333" stroke-width="2"/>')
    out.append(_text(42, y, w.label("announced", "announced")))
    out.append(f'<rect x="170" y="{y - 9}" width="10" height="10" fill="#333"/>')
    out.append(_text(186, y, w.label("effective_or_deadline", "effective / deadline")))
    for n, kind in enumerate(kinds):
        lx, ly = 20 + (n % 4) * 290, y + 22 * (1 + n // 4)
        out.append(f'<rect x="{lx}" y="{ly - 9}" width="18" height="10" fill="{COLOURS[kind]}"/>')
        out.append(_text(lx + 24, ly, f"{w.measure_kind(kind)} ({MARKS[kind]})"))
    y += 22 * legend_rows
    for number, ref in enumerate(tl.regulations, 1):
        y += 22
        out.append(
            _text(20, y, f"[{number}] {ref.day} {w.text(ref._asdict(), 'name')}", fill="#333")
        )
    for ref in tl.earlier:
        y += 22
        out.append(
            _text(
                20,
                y,
                f"[{w.label('earlier', 'earlier')}] {ref.day} {w.text(ref._asdict(), 'name')}",
                fill="#333",
            )
        )
    if tl.undated:
        y += 22
        out.append(
            _text(
                20,
                y,
                w.label("undated", "undated")
                + ": "
                + ", ".join(f"{eid} ({w.measure_kind(k)})" for eid, k in tl.undated),
                fill="#333",
            )
        )
    if tl.caption:
        y += 22
        out.append(_text(20, y, tl.caption, fill="#666"))
    out.append("</svg>")
    return "\n".join(out) + "\n"
