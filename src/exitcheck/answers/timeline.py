"""The timeline view's data: which events go on which row, and where a day falls on an axis.

Pure functions over the records ``report.list_records`` builds; the pictures themselves are
drawn by ``render.timeline_text`` (terminal) and ``render.timeline_svg`` (SVG).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from exitcheck.records import Record

# One letter per measure kind, for the terminal and the legend.
MARKS = {
    "registration_stopped": "R",
    "users_cleared": "U",
    "closed": "X",
    "service_stopped": "S",
    "product_restricted": "P",
    "features_limited": "F",
    "access_blocked": "B",
    "statement": "!",
    "dissolved": "D",
    "exit_planned": "?",
    "fee_imposed": "$",
    "sales_stopped": "M",
    "reopened": "O",
    "blocked_by_others": "K",
}


class Event(Record):
    kind: str
    announced: date | None
    completes: date | None  # effective date, else deadline (calendar day on its own clock)
    # The last day of a date given only as a month or a year (announced, completes are then
    # its first day): the picture draws such a date as a span across its period.
    announced_end: date | None = None
    completes_end: date | None = None

    @property
    def first(self) -> date:
        return min(d for d in (self.announced, self.completes) if d is not None)

    @property
    def last(self) -> date:
        return max(d for d in (self.announced, self.completes) if d is not None)


class Row(Record):
    id: str
    name: str
    name_zh: str | None
    events: tuple[Event, ...]


class Reference(Record):
    day: date
    id: str
    name: str
    name_zh: str | None = None


class Timeline(Record):
    start: date
    end: date
    rows: tuple[Row, ...]
    regulations: tuple[Reference, ...]  # inside the axis
    earlier: tuple[Reference, ...]  # before the axis starts
    undated: tuple[tuple[str, str], ...]  # (entity id, measure kind) with no date at all
    caption: str = ""  # the clocks and registries the picture was drawn from
    as_of: date | None = None  # marked on the axis when it falls inside

    def marks_as_of(self) -> bool:
        return self.as_of is not None and self.start <= self.as_of <= self.end

    def kinds(self) -> list[str]:
        seen = {e.kind for r in self.rows for e in r.events}
        return [k for k in MARKS if k in seen]


def _day(text: str | None) -> date | None:
    """The day to draw a record's date at (a month or a year: its first day)."""
    from exitcheck.dates import day_of, parse_moment

    return day_of(parse_moment(text)) if text else None


def _period_end(text: str | None) -> date | None:
    """The last day of a month or a year; None for a day, a moment or no date."""
    from exitcheck.dates import PartialDate, parse_moment

    moment = parse_moment(text) if text else None
    return moment.end if isinstance(moment, PartialDate) else None


def build(entities: Iterable[dict[str, Any]], regulations: Iterable[Any], today: date) -> Timeline:
    """Rows of dated events from list records; regulations as references on the same axis.
    ``today`` centres the axis when nothing is dated."""
    rows, undated = [], []
    for record in entities:
        events = []
        for m in record["measures"]:
            completes = _day(m["effective"]) or _day(m["deadline"])
            announced = _day(m["announced"])
            if announced is None and completes is None:
                undated.append((record["id"], m["kind"]))
                continue
            given = m["effective"] if m["effective"] else m["deadline"]
            ends = _period_end(m["announced"]), _period_end(given)
            events.append(Event(m["kind"], announced, completes, *ends))
        if events:
            rows.append(Row(record["id"], record["name"], record["name_zh"], tuple(events)))
    days = [d for r in rows for e in r.events for d in (e.first, e.last)]
    if days:
        start, end = min(days), max(days)
    else:
        start = end = today
    pad = max(timedelta(days=3), (end - start) / 20)
    start, end = start - pad, end + pad
    references = sorted(
        (Reference(r.date, r.id, r.name, r.name_zh) for r in regulations), key=lambda r: r.day
    )
    inside = tuple(r for r in references if start <= r.day <= end)
    earlier = tuple(r for r in references if r.day < start)
    return Timeline(start, end, tuple(rows), inside, earlier, tuple(undated))


def position(day: date, start: date, end: date, width: int) -> int:
    """Column (0 .. width-1) or x offset of a day on an axis of this width."""
    span = max(1, (end - start).days)
    return max(0, min(width - 1, round((day - start).days / span * (width - 1))))


def ticks(start: date, end: date) -> list[date]:
    """First days of months (or of years, for long spans) inside the axis."""
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 14 else 3 if months <= 40 else 12
    day = date(start.year, start.month, 1)
    out = []
    while day <= end:
        if day >= start and (day.month - 1) % step == 0:
            out.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out
