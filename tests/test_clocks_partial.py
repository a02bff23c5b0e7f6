"""The two clocks with dates given only as a month or a year: such a date is reached once its
whole period is past, for --as-of and --known-on alike (the rule of dates.in_effect)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exitcheck.answers.status import counts_from, counts_on, measure_status, visible
from exitcheck.dates import PartialDate, in_effect
from exitcheck.model import Locator, Measure

BODY = """
[[sources]]
id = "web"
title = "Partial dates"
publisher = "Example outlet"
published = 2019-06-01
language = "en"
url = "https://example.org/partial"

[[entities]]
id = "kucoin"
name = "KuCoin"
kind = "exchange"

[[entities.measures]]
kind = "registration_stopped"
scope = "new users in mainland China"
announced = "2019-03"
description = "Stopped registering new users from mainland China."
source = "web"
locator = { quote = "registration" }

[[entities]]
id = "gate"
name = "Gate"
kind = "exchange"

[[entities.measures]]
kind = "registration_stopped"
scope = "new users in mainland China"
announced = 2019-05-10
effective = "2019-03"
description = "Said in May that registrations had stopped in March."
source = "web"
locator = { quote = "stopped in March" }
"""


@pytest.fixture
def registry(write_registry):
    return write_registry(BODY)


def answer(cli, registry, name: str, *args: str) -> dict:
    result = cli("--only", "--registry", str(registry), "status", name, "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("day", "status"),
    [("2019-03-01", "none"), ("2019-03-31", "none"), ("2019-04-01", "restricting")],
)
def test_a_month_announced_counts_once_the_month_is_past(cli, registry, day, status) -> None:
    assert answer(cli, registry, "kucoin", "--as-of", day)["status"] == status
    known = answer(cli, registry, "kucoin", "--known-on", day)
    assert known["status"] == status
    assert bool(known["measures"]) == (status != "none")  # unknown until the month is past


def test_known_on_within_the_month_hides_the_measure_and_says_what_the_other_view_knows(
    cli, registry, write_registry
) -> None:
    data = answer(cli, registry, "kucoin", "--as-of", "2019-04-01", "--known-on", "2019-03-31")
    assert data["status"] == "none" and data["measures"] == []
    other = data["other_view"]
    assert other["known_on"] == "2019-04-01" and other["status"] == "restricting"
    assert other["differing_measures"] == [
        {"kind": "registration_stopped", "announced": "2019-03", "effective": None}
    ]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(cli("schema", "status").stdout)
    jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    ("day", "status", "later"),
    [
        ("2019-03-31", "none", False),  # the effective month is not wholly past
        ("2019-04-01", "restricted", True),  # effective March is past, announced in May
        ("2019-05-10", "restricted", False),
    ],
)
def test_an_effective_month_before_the_announcement_counts_once_past(
    cli, registry, day, status, later
) -> None:
    data = answer(cli, registry, "gate", "--as-of", day)
    assert data["status"] == status
    assert data["measures"][0]["counts_from"] == "2019-04-01"
    table = cli("--only", "--registry", str(registry), "status", "gate", "--as-of", day).stdout
    flat = " ".join(table.split())  # a measure's line wraps
    assert ("announced later: 2019-05-10; counts from 2019-04-01" in flat) == later
    assert ("other view" in table) == later  # as known on the day itself: nothing yet


def test_announced_later_compares_a_month_as_a_period_not_as_text(cli, write_registry) -> None:
    """Announced "2019-03", effective 2019-02-20: on 15 March it counts (effective), and March
    is not past, so it was announced later; text comparison ("2019-03" < "2019-03-15") misses it."""
    body = BODY.replace('announced = "2019-03"', 'announced = "2019-03"\neffective = 2019-02-20')
    path = write_registry(body)
    table = cli("--only", "--registry", str(path), "status", "kucoin", "--as-of", "2019-03-15")
    assert "announced later: 2019-03; counts from 2019-02-20" in " ".join(table.stdout.split())


days = st.dates(min_value=date(2019, 1, 1), max_value=date(2021, 12, 31))
periods = st.builds(PartialDate, st.integers(2019, 2021), st.none() | st.integers(1, 12))


@given(days | periods, st.none() | days | periods, days, days)
def test_counts_from_visible_and_status_agree_with_in_effect(announced, effective, as_of, k):
    m = Measure("registration_stopped", "s", "d", "src", Locator(1, "q"), announced, effective)
    start = counts_from(m)
    assert start is not None
    assert (start <= as_of) == counts_on(m, as_of)  # the first day is exactly where it starts
    assert counts_on(m, start) and not counts_on(m, start - timedelta(days=1))
    assert visible(m, k) == in_effect(announced, k)  # the same rule as every other date
    then = measure_status(m, as_of, known_on=k)
    assert then is None or (visible(m, k) and counts_on(m, as_of))
    if visible(m, k):
        assert then == measure_status(m, as_of)


def test_a_measure_of_unknown_announcement_is_known_now_and_on_no_earlier_day() -> None:
    from exitcheck.answers.clocks import Clock

    today = date(2026, 1, 1)
    undated = Measure("closed", "s", "d", "src", Locator(1, "q"), None, date(2021, 10, 1))
    assert visible(undated, None) and not visible(undated, date(2025, 12, 31))
    assert visible(undated, date(2021, 10, 1), PartialDate(2021, 9))  # its source's month
    assert Clock(today, today, today).knowledge is None
    assert Clock(today, date(2030, 1, 1), today).knowledge is None  # a later day knows no more
    assert Clock(today, date(2021, 9, 25), today).knowledge == date(2021, 9, 25)
    assert measure_status(undated, date(2021, 10, 2)) == "closed"  # as of: main's rule, kept
    assert measure_status(undated, date(2021, 10, 2), known_on=date(2021, 10, 2)) is None
