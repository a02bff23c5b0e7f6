"""Dates and moments: parsing user input, ISO output and the "in effect on day D" rule.

A *moment* is a calendar date, a timezone-aware datetime, or a *partial date* ("2019-03",
"2019") when the source gives only a month or a year. "As of day D" means the start of D (00:00)
on the wall clock of the moment's own offset; a date-only moment takes effect at the start of
its day. A partial date is a period: it counts as reached only once the whole period is past
(conservative: "March 2019" is reached on 1 April 2019), it sorts by the start of its period
(after full dates of the same day), and a date filter keeps it when its period overlaps the
filter's bounds.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from exitcheck.records import Record


def _is_iso_date(text: str) -> bool:
    """Whether TEXT is four, two and two decimal digits joined by '-': the regular expression
    ``\\d{4}-\\d{2}-\\d{2}`` (``\\d`` is ``str.isdecimal``), without compiling one at start-up."""
    return (
        len(text) == 10
        and text[4] == text[7] == "-"
        and (text[:4] + text[5:7] + text[8:]).isdecimal()
    )


class PartialDate(Record):
    """A month ("2019-03") or a year ("2019") the source gives without a day."""

    year: int
    month: int | None = None

    def isoformat(self) -> str:
        """The date as given: YYYY-MM or YYYY."""
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    @property
    def start(self) -> date:
        return date(self.year, self.month or 1, 1)

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.month is None or self.month == 12:
            return date(self.year, 12, 31)
        return date(self.year, self.month + 1, 1) - timedelta(days=1)


Day = date | PartialDate  # a day, or a month or year (announced, published, since)
Moment = date | datetime | PartialDate  # datetime is a subclass of date: test for datetime first


def parse_partial(text: str) -> PartialDate:
    """Parse "YYYY-MM" or "YYYY" strictly; raise ValueError with a readable message."""
    if len(text) == 7 and text[4] == "-":
        year_text, month_text = text[:4], text[5:]
    else:
        year_text, month_text = text, ""
    if len(year_text) != 4 or not (year_text + month_text).isdecimal():
        raise ValueError(f"'{text}' is not a partial date in the form YYYY-MM or YYYY")
    year, month = int(year_text), int(month_text) if month_text else None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        raise ValueError(f"'{text}' is not a valid month or year")
    return PartialDate(year, month)


def parse_moment(text: str) -> Moment:
    """The inverse of ``iso``: YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time with offset."""
    if "T" in text:
        return datetime.fromisoformat(text)
    if _is_iso_date(text):
        return date.fromisoformat(text)
    return parse_partial(text)


# Dates outside these years are refused (registry fields and options alike): they are typos,
# and date arithmetic near year 1 or 9999 would overflow.
MIN_YEAR, MAX_YEAR = 1900, 2200


def out_of_range(moment: Moment) -> str | None:
    """Why a date cannot be used, or None."""
    if MIN_YEAR <= moment.year <= MAX_YEAR:
        return None
    return f"{moment.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}"


def parse_day(text: str) -> date:
    """Parse a YYYY-MM-DD string strictly; raise ValueError with a readable message."""
    value = text.strip()
    if not _is_iso_date(value):
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a valid date ({exc})") from None
    problem = out_of_range(day)
    if problem:
        raise ValueError(problem)
    return day


def iso(moment: Moment | None) -> str | None:
    """ISO 8601 text of a moment: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS+HH:MM, or YYYY-MM / YYYY."""
    if moment is None:
        return None
    return moment.isoformat()


def wall_clock(moment: Moment) -> datetime:
    """The naive wall-clock datetime of a moment in its own offset (a date is its 00:00; a
    partial date the 00:00 of its first day)."""
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=None)
    if isinstance(moment, PartialDate):
        return datetime.combine(moment.start, time())
    return datetime.combine(moment, time())


def day_of(moment: Moment) -> date:
    """The calendar day of a moment on its own wall clock (a partial date: its first day)."""
    if isinstance(moment, datetime):
        return moment.date()
    if isinstance(moment, PartialDate):
        return moment.start
    return moment


def first_day(moment: Moment) -> date:
    """The first day a moment may mean (its own day, or the start of its period)."""
    return day_of(moment)


def last_day(moment: Moment) -> date:
    """The last day a moment may mean (its own day, or the end of its period)."""
    return moment.end if isinstance(moment, PartialDate) else day_of(moment)


def sort_key(moment: Moment) -> tuple[datetime, int]:
    """Order by the start of the moment's period; of equal starts, a full date first, then a
    month, then a year."""
    rank = 0 if not isinstance(moment, PartialDate) else 1 if moment.month else 2
    return (wall_clock(moment), rank)


def instant_key(moment: Moment) -> datetime:
    """Order moments in time: a date-time with offset by its UTC instant, a date or a period by
    the start of its first day at UTC+8 (Beijing time, the clock of these measures)."""
    if isinstance(moment, datetime):
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    return wall_clock(moment) - timedelta(hours=8)


def overlaps(moment: Moment, after: date | None, before: date | None) -> bool:
    """True when the moment (or any day of its period) lies within the inclusive bounds."""
    if after is not None and last_day(moment) < after:
        return False
    return before is None or first_day(moment) <= before


def in_effect(moment: Moment, as_of: date) -> bool:
    """True when the moment has been reached at ``as_of``: a day means the start of that day
    in Beijing (00:00 UTC+8), a date-time with offset is that instant. A date-only moment
    takes effect at 00:00 UTC+8 of its day, a date-time at its instant, and a partial date
    only once its whole period is past."""
    if isinstance(moment, PartialDate):
        return moment.end < beijing_day(as_of)
    if isinstance(moment, datetime):
        return moment <= instant(as_of)
    return moment <= beijing_day(as_of)


# "Today" is the calendar day in mainland China (UTC+8, no daylight saving), whatever the
# machine's zone; a bare day D given as a clock means D 00:00 UTC+8.
BEIJING = timezone(timedelta(hours=8))


def start_of(day: date) -> datetime:
    """00:00 UTC+8 of a calendar day."""
    return datetime(day.year, day.month, day.day, tzinfo=BEIJING)


def instant(when: date) -> datetime:
    """A clock value as an aware instant: a date-time with offset as it is, a day as its
    00:00 UTC+8."""
    return when if isinstance(when, datetime) else start_of(when)


def beijing_day(when: date) -> date:
    """The calendar day in mainland China of a clock value (a day is its own)."""
    return when.astimezone(BEIJING).date() if isinstance(when, datetime) else when


def parse_when(text: str) -> date:
    """A clock value: YYYY-MM-DD (that day, 00:00 UTC+8) or an ISO date-time with a UTC offset
    (``2021-12-31T23:00+08:00``); a date-time without an offset is refused, as it names no
    instant. Raise ValueError with a readable message."""
    given = text.strip()
    if "T" not in given and " " not in given:
        return parse_day(given)
    try:
        moment = datetime.fromisoformat(given.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"'{text}' is not a date (YYYY-MM-DD) or a date-time with offset "
            "(YYYY-MM-DDTHH:MM+08:00)"
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            f"'{text}' has no UTC offset: add one (e.g. {given}+08:00 for Beijing time)"
        )
    problem = out_of_range(moment)
    if problem:
        raise ValueError(problem)
    return moment
