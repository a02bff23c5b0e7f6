"""Date parsing without regular expressions: the same texts accepted and refused as the
patterns it replaced (``\\d`` is a Unicode decimal digit, ``str.isdecimal``)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exitcheck.dates import PartialDate, parse_day, parse_moment, parse_partial

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?")

TRICKY = [
    "2021-10-01", "2021-1-01", "2021-10-1", "20211001", "2021/10/01", "2021-10-01\n",
    " 2021-10-01", "２０２１-１０-０１", "٢٠٢١-١٠-٠١", "2021-10-0²", "2021", "2021-03", "2021-3",
    "202", "20210", "2021-", "-2021", "2021-10x01", "2021-10-011", "2021-031", "２０２１", "２０２１-０３", "", "abcd", "2021-ab",
]  # fmt: skip


def _regex_partial(text: str) -> PartialDate | str:
    found = PARTIAL.fullmatch(text)
    if not found:
        return "refused"
    year, month = int(found[1]), int(found[2]) if found[2] else None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        return "invalid"
    return PartialDate(year, month)


def _partial(text: str) -> PartialDate | str:
    try:
        return parse_partial(text)
    except ValueError as exc:
        return "refused" if "is not a partial date" in str(exc) else "invalid"


def _day(text: str) -> date | str:
    try:
        return parse_day(text)
    except ValueError as exc:
        return str(exc)


def _regex_day(text: str) -> date | str:
    if not ISO_DATE.fullmatch(text.strip()):
        return f"'{text}' is not a date in the form YYYY-MM-DD"
    return _day(text)  # past the shape check both go the same way


@pytest.mark.parametrize("text", TRICKY)
def test_shapes_as_the_patterns(text: str) -> None:
    assert _partial(text) == _regex_partial(text)
    assert _day(text) == _regex_day(text)


@given(st.text(alphabet="0123456789-٠١٢３²x ", max_size=11))
def test_any_text_as_the_patterns(text: str) -> None:
    assert _partial(text) == _regex_partial(text)
    assert _day(text) == _regex_day(text)


def test_moments() -> None:
    assert parse_moment("2021-10-01") == date(2021, 10, 1)
    assert parse_moment("2021-10") == PartialDate(2021, 10)
    assert parse_moment("2021") == PartialDate(2021)
    with pytest.raises(ValueError, match="not a partial date"):
        parse_moment("2021-1-1")
