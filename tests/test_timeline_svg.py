"""The timeline picture: a colour and a letter per kind, lines drawn above the row stripes, a
month given without its day drawn across that month, and data escaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from types import SimpleNamespace

from exitcheck.answers.timeline import MARKS, Event, Row, Timeline, build, position
from exitcheck.model import MEASURE_KINDS
from exitcheck.render import timeline_svg
from exitcheck.render.i18n import words

SVG = "{http://www.w3.org/2000/svg}"


def measure(kind: str, announced: str | None, effective: str | None = None) -> dict[str, object]:
    return {"kind": kind, "announced": announced, "effective": effective, "deadline": None}


def picture(*measures: dict[str, object], rows: int = 1, lang: str = "en") -> ET.Element:
    records = [
        {"id": f"e{i}", "name": f"Entity {i}", "name_zh": None, "measures": list(measures)}
        for i in range(rows)
    ]
    regulation = SimpleNamespace(date=date(2021, 9, 24), id="notice", name="Notice", name_zh=None)
    tl = build(records, [regulation], date(2021, 12, 1))
    tl = tl._replace(as_of=date(2021, 11, 1))
    return ET.fromstring(timeline_svg.render(tl, words=words(lang)))


def in_rows(root: ET.Element, tag: str) -> list[ET.Element]:
    """The elements drawn on the entities' rows (not the legend below them)."""
    rows = sum(1 for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end")
    bottom = timeline_svg.TOP + timeline_svg.ROW * rows
    return [e for e in root.iter(f"{SVG}{tag}") if float(e.get("cy", e.get("y", 0))) < bottom]


def test_every_kind_has_its_own_colour() -> None:
    colours = [timeline_svg.COLOURS[k].lower() for k in MEASURE_KINDS]
    assert len(set(colours)) == len(MEASURE_KINDS)
    assert timeline_svg.COLOURS["service_stopped"] != timeline_svg.COLOURS["fee_imposed"]
    okabe_ito = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"}
    assert okabe_ito <= set(colours)  # the colour-blind-safe palette first


def test_each_marker_carries_its_kinds_letter_in_its_colour() -> None:
    root = picture(*(measure(k, "2021-09-26") for k in MEASURE_KINDS))
    letters = {t.text for t in in_rows(root, "text")}
    assert set(MARKS.values()) <= letters
    fills = {c.get("fill", "").lower() for c in in_rows(root, "circle")}
    assert {c.lower() for c in timeline_svg.COLOURS.values()} <= fills


def test_the_letter_reads_on_its_colour() -> None:
    assert timeline_svg._light("#F0E442") and not timeline_svg._light("#000000")
    assert not timeline_svg._light("#332288") and timeline_svg._light("#56B4E9")


def test_stripes_are_drawn_before_every_line() -> None:
    """A later element paints over an earlier one: the stripes must come first, or they hide
    the grid, the reference lines and the as-of line on every other row."""
    root = picture(measure("closed", "2021-09-26", "2021-10-30"), rows=4)
    shapes = list(root)
    stripes = [
        i for i, el in enumerate(shapes) if el.tag == f"{SVG}rect" and el.get("fill") == "#f7f7f7"
    ]
    lines = [i for i, el in enumerate(shapes) if el.tag == f"{SVG}line"]
    assert len(stripes) == 2 and lines
    assert max(stripes) < min(lines)
    dashed = [el for el in shapes if el.get("stroke-dasharray")]  # the 24 Sep line
    red = [el for el in shapes if el.get("stroke") == "#c00"]  # the as-of line
    assert dashed and red
    assert all(shapes.index(el) > max(stripes) for el in dashed + red)


def test_a_month_spans_the_month_on_the_scale() -> None:
    start, end = date(2021, 1, 1), date(2021, 12, 31)
    scale = timeline_svg._Scale(Timeline(start, end, (Row("e", "E", None, ()),), (), (), ()))
    left, right = timeline_svg.month_x(scale, date(2021, 10, 1), date(2021, 10, 31))
    axis = timeline_svg.WIDTH - timeline_svg.LEFT - timeline_svg.RIGHT
    assert left == timeline_svg.LEFT + position(date(2021, 10, 1), start, end, axis)
    assert right == timeline_svg.LEFT + position(date(2021, 11, 1), start, end, axis)
    assert right - left > 50  # about a twelfth of the axis, not a point


def test_an_announcement_in_a_month_is_drawn_across_it() -> None:
    measures = [measure("users_cleared", "2021-10"), measure("closed", "2021-10-15")]
    root = picture(*measures)
    colour = timeline_svg.COLOURS["users_cleared"]
    band = next(r for r in root.iter(f"{SVG}rect") if r.get("fill") == colour)
    left, width = float(band.get("x", 0)), float(band.get("width", 0))
    records = [{"id": "e0", "name": "E", "name_zh": None, "measures": measures}]
    notice = SimpleNamespace(date=date(2021, 9, 24), id="notice", name="Notice", name_zh=None)
    scale = timeline_svg._Scale(build(records, [notice], date(2021, 12, 1)))  # the same axis
    assert round(left, 1) == round(scale.x(date(2021, 10, 1)), 1)
    assert round(left + width, 1) == round(scale.x(date(2021, 11, 1)), 1)
    assert [t for t in root.iter(f"{SVG}text") if t.text == MARKS["users_cleared"]]
    assert not [c for c in in_rows(root, "circle") if c.get("fill") == colour]  # no point
    day = timeline_svg.COLOURS["closed"]
    assert [c for c in in_rows(root, "circle") if c.get("fill") == day]  # a day still is


def test_an_effective_month_is_a_bar_across_it() -> None:
    event = Event("closed", date(2021, 9, 1), date(2021, 10, 1), None, date(2021, 10, 31))
    tl = Timeline(date(2021, 8, 1), date(2021, 12, 1), (Row("e", "E", None, (event,)),), (), (), ())
    root = ET.fromstring(timeline_svg.render(tl))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == timeline_svg.COLOURS["closed"]]
    scale = timeline_svg._Scale(tl)
    widths = [float(r.get("width", 0)) for r in bars]
    expected = scale.x(date(2021, 11, 1)) - scale.x(date(2021, 10, 1))
    assert any(abs(w - expected) < 0.11 for w in widths), (widths, expected)


def test_dates_in_the_chinese_picture() -> None:
    root = picture(measure("closed", "2021-09-26", "2021-10-30"), lang="zh")
    shown = " ".join(t.text or "" for t in root.iter() if t.tag in (f"{SVG}text", f"{SVG}title"))
    assert "时间线：" in shown and "2021年9月24日" in shown and "截至2021年11月1日" in shown
    assert "2021年9月26日 → 2021年10月30日" in shown
    assert not re.search(r"\d{4}-\d{2}", shown)


def test_names_stay_escaped() -> None:
    hostile = {
        "id": "e",
        "name": "<script>&amp;</script>",
        "name_zh": None,
        "measures": [measure("closed", "2021-10")],
    }
    text = timeline_svg.render(build([hostile], [], date(2021, 12, 1)))
    assert "<script>" not in text and "&lt;script&gt;" in text
    root = ET.fromstring(text)
    assert any("<script>" in (t.text or "") for t in root.iter(f"{SVG}text"))


def test_a_month_on_a_long_axis_stays_visible() -> None:
    tl = Timeline(date(1990, 1, 1), date(2030, 1, 1), (Row("e", "E", None, ()),), (), (), ())
    scale = timeline_svg._Scale(tl)
    left, right = timeline_svg.month_x(scale, date(2021, 2, 1), date(2021, 2, 28))
    assert right - left >= 2
