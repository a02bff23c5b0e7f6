"""The two clocks on the Huobi days: registration stopped on 24 Sep 2021, announced on the 26th.
(Huobi had limited features in May 2021, so it is already 'restricting' on the 23rd.)

--as-of D: in effect on D by everything known now; --known-on K: only what was announced by K.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from exitcheck.answers.clocks import Clock, resolve

HUOBI_DAYS = ["2021-09-23", "2021-09-24", "2021-09-25", "2021-09-26"]
# Huobi had already limited features in May 2021 (restricting); the registration stop of the
# 24th counts from that day as of it, and only from the 26th as known then.
AS_OF = dict(zip(HUOBI_DAYS, ["restricting", "restricted", "restricted", "exiting"], strict=True))
KNOWN_ON = dict(zip(HUOBI_DAYS, ["restricting"] * 3 + ["exiting"], strict=True))


def huobi(cli, *args: str) -> dict:
    result = cli("status", "huobi", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("day", HUOBI_DAYS)
def test_as_of_counts_a_measure_from_its_effective_date(cli, day) -> None:
    data = huobi(cli, "--as-of", day)
    assert data["status"] == AS_OF[day]
    assert data["as_of"] == day and data["known_on"] == date.today().isoformat()
    assert data["provenance"]["as_of"] == day
    assert data["provenance"]["known_on"] == date.today().isoformat()
    stop = next(m for m in data["measures"] if m["kind"] == "registration_stopped")
    assert stop["counts_from"] == "2021-09-24" and stop["announced"] == "2021-09-26"


@pytest.mark.parametrize("day", HUOBI_DAYS)
def test_known_on_uses_only_what_was_announced_by_then(cli, day) -> None:
    data = huobi(cli, "--known-on", day)
    assert data["status"] == KNOWN_ON[day]
    assert data["as_of"] == day and data["known_on"] == day  # --as-of defaults to --known-on
    assert data["provenance"]["known_on"] == day
    kinds = [m["kind"] for m in data["measures"]]
    assert ("registration_stopped" in kinds) == (day == "2021-09-26")  # not shown before known
    assert all(m["announced"] is not None or m["counts_from"] for m in data["measures"])


@pytest.mark.parametrize("day", HUOBI_DAYS)
def test_the_other_view_is_given_and_printed_when_it_differs(cli, day) -> None:
    data = huobi(cli, "--as-of", day)
    assert data["other_view"]["known_on"] == day
    assert data["other_view"]["status"] == KNOWN_ON[day]
    table = cli("status", "huobi", "--as-of", day).stdout
    differs = AS_OF[day] != KNOWN_ON[day]
    assert ("other view" in table) == differs
    assert ("announced later: 2021-09-26" in table) == (day in ("2021-09-24", "2021-09-25"))
    if differs:
        flat = " ".join(table.split())  # a long value wraps under itself
        line = flat[flat.index("other view") :]
        assert f"as known on {day}: restricting" in line and "registration_stopped" in line
        back = cli("status", "huobi", "--known-on", day).stdout
        assert "by what was known on" in back and "restricted" in back


def test_both_clocks_together_audit_a_forecast(cli) -> None:
    """Known on the 26th, about the 1 Jan 2022 deadline: what an analyst could foresee."""
    data = huobi(cli, "--known-on", "2021-09-26", "--as-of", "2022-01-01")
    assert data["status"] == "exited" and data["known_on"] == "2021-09-26"
    early = huobi(cli, "--known-on", "2021-09-25", "--as-of", "2022-01-01")
    assert early["status"] == "restricting" and early["other_view"]["status"] == "exited"


def test_every_command_takes_and_echoes_both_clocks(cli, tmp_path) -> None:
    args = ("--as-of", "2021-09-25", "--known-on", "2021-09-25")
    listed = json.loads(cli("list", "--json", *args).stdout)
    assert {r["provenance"]["known_on"] for r in listed} == {"2021-09-25"}
    assert "kucoin" not in {r["id"] for r in listed}  # nothing about it was announced yet
    now = json.loads(cli("list", "--json", "--as-of", "2021-09-25").stdout)
    assert next(r for r in now if r["id"] == "huobi")["status"] == "restricted"
    rows = cli("screen", "-", "--json", *args, input="huobi\n").stdout.splitlines()
    row = json.loads(rows[0])
    assert (row["status"], row["as_of"], row["known_on"]) == (
        "restricting",
        "2021-09-25",
        "2021-09-25",
    )
    assert row["other_view"]["status"] == "restricted"
    csv = cli("screen", "-", "--format", "csv", *args, input="huobi\n").stdout
    assert "known_on" in csv.splitlines()[0] and ",2021-09-25,2021-09-25," in csv
    picture = cli("timeline", *args).stdout
    assert "as of 2021-09-25, as known on 2021-09-25" in picture
    marker = next(x for x in picture.splitlines() if x.startswith("as of "))
    assert marker.rstrip().endswith("v")  # the day is marked on the axis
    assert "KuCoin (" not in picture  # nothing about KuCoin was announced by then
    assert "KuCoin (" in cli("timeline", "--as-of", "2021-09-25").stdout
    svg = tmp_path / "t.svg"
    assert cli("timeline", "--svg", str(svg), *args).exit_code == 0
    assert "as known on 2021-09-25" in svg.read_text(encoding="utf-8")
    assert ">as of 2021-09-25</text>" in svg.read_text(encoding="utf-8")
    listing = cli("list", "--as-of", "2021-09-25", "--measure", "registration_stopped").stdout
    assert "huobi: restricted" in listing and "as known on 2021-09-25: restricting" in listing


def test_a_bad_known_on_is_a_usage_error(cli) -> None:
    result = cli("status", "huobi", "--known-on", "2021-13-01")
    assert result.exit_code == 2 and "--known-on" in result.stderr


def test_defaults_of_the_clocks() -> None:
    today = date(2026, 1, 1)
    assert resolve(None, None, today) == Clock(today, today, today)
    assert resolve(date(2021, 9, 24), None, today) == Clock(date(2021, 9, 24), today, today)
    assert resolve(None, date(2021, 9, 24), today).as_of == date(2021, 9, 24)
    assert Clock(today, today, today).other is None
    then = Clock(date(2021, 9, 24), today, today).other
    assert then is not None and then.known_on == date(2021, 9, 24)
    now = Clock(date(2021, 9, 24), date(2021, 9, 24), today).other
    assert now is not None and now.known_on == today


def test_clock_rules_hold_for_any_dates() -> None:
    from datetime import timedelta

    from hypothesis import given
    from hypothesis import strategies as st

    from exitcheck.answers.status import counts_from, measure_status
    from exitcheck.model import Locator, Measure

    days = st.dates(min_value=date(2020, 1, 1), max_value=date(2023, 12, 31))

    @given(days, st.one_of(st.none(), days), days, days, days)
    def check(announced, effective, as_of, known_on, later) -> None:
        m = Measure("registration_stopped", "s", "d", "src", Locator(1, "q"), announced, effective)
        start = counts_from(m)
        assert start is not None and start <= announced
        assert effective is None or start <= effective
        now = measure_status(m, as_of)
        then = measure_status(m, as_of, known_on=known_on)
        if known_on >= announced:
            assert then == now  # once announced, knowledge adds nothing more
        else:
            assert then is None  # before its announcement it is unknown
        more = max(known_on, later)
        if then is not None:  # knowing more never forgets a measure
            assert measure_status(m, as_of, known_on=more) == then
        assert (now is not None) == (start <= as_of)
        assert measure_status(m, as_of + timedelta(days=1)) is not None or now is None

    check()


def test_the_table_says_when_nothing_was_announced_yet(cli) -> None:
    assert (
        "none announced by 2021-09-24" in cli("status", "kucoin", "--known-on", "2021-09-24").stdout
    )
    assert "none recorded" in cli("status", "okcoin").stdout  # nothing at all, whenever
