"""Dates and moments: parsing user input, ISO output and the "in effect on day D" rule.

A *moment* is either a calendar date or a timezone-aware datetime, as the source states it.
"As of day D" means the start of D (00:00) on the wall clock of the moment's own offset; a
date-only moment takes effect at the start of its day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

Moment = date | datetime  # datetime is a subclass of date: test for datetime first

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str) -> date:
    """Parse a YYYY-MM-DD string strictly; raise ValueError with a readable message."""
    value = text.strip()
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a valid date ({exc})") from None


def iso(moment: Moment | None) -> str | None:
    """ISO 8601 text of a moment: YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+HH:MM."""
    if moment is None:
        return None
    return moment.isoformat()


def wall_clock(moment: Moment) -> datetime:
    """The naive wall-clock datetime of a moment in its own offset (a date is its 00:00)."""
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=None)
    return datetime.combine(moment, time())


def day_of(moment: Moment) -> date:
    """The calendar day of a moment on its own wall clock."""
    if isinstance(moment, datetime):
        return moment.date()
    return moment


def in_effect(moment: Moment, as_of: date) -> bool:
    """True when the moment has been reached at the start of day ``as_of``."""
    return wall_clock(moment) <= datetime.combine(as_of, time())
