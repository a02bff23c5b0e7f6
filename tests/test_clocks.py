"""The two clocks on the Huobi days: registration stopped on 24 Sep 2021, announced on the 26th.
(Huobi had limited features in May 2021, so it is already 'restricting' on the 23rd.)

--as-of D: in effect on D by everything known now; --known-on K: only what was announced by K.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from exitcheck.answers.clocks import Clock, resolve
from tests.conftest import PINNED_NOW, entry_point

BEIJING = timezone(timedelta(hours=8))

HUOBI_DAYS = ["2021-09-23", "2021-09-24", "2021-09-25", "2021-09-26"]
# The seed's Huobi days on their own (tests/data/huobi_days.toml): the shipped registry's later
# facts (the 2017 steps, a derivatives halt reported done in June 2021) would hide the story.
DAYS = ("--registry", str(Path(__file__).parent / "data" / "huobi_days.toml"), "--only")
# Huobi had already limited features in May 2021 (restricting); the registration stop of the
# 24th counts from that day as of it, and only from the 26th as known then.
AS_OF = dict(zip(HUOBI_DAYS, ["restricting", "restricted", "restricted", "exiting"], strict=True))
KNOWN_ON = dict(zip(HUOBI_DAYS, ["restricting"] * 3 + ["exiting"], strict=True))


def huobi(cli, *args: str) -> dict:
    result = cli(*DAYS, "status", "huobi", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("day", HUOBI_DAYS)
def test_as_of_counts_a_measure_from_its_effective_date(cli, day) -> None:
    data = huobi(cli, "--as-of", day)
    assert data["status"] == AS_OF[day]
    assert data["as_of"] == day and data["known_on"] == PINNED_NOW
    assert data["provenance"]["as_of"] == day
    assert data["provenance"]["known_on"] == PINNED_NOW
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
    table = cli(*DAYS, "status", "huobi", "--as-of", day).stdout
    differs = AS_OF[day] != KNOWN_ON[day]
    assert ("other view" in table) == differs
    later = "announced later: 2021-09-26" in " ".join(table.split())
    assert later == (day in ("2021-09-24", "2021-09-25"))
    if differs:
        flat = " ".join(table.split())  # a long value wraps under itself
        line = flat[flat.index("other view") :]
        assert f"as known on {day}: restricting" in line and "registration_stopped" in line
        back = cli(*DAYS, "status", "huobi", "--known-on", day).stdout
        assert "by what was known on" in back and "restricted" in back


def test_both_clocks_together_audit_a_forecast(cli) -> None:
    """Known on the 26th, about the 1 Jan 2022 deadline: what an analyst could foresee."""
    data = huobi(cli, "--known-on", "2021-09-26", "--as-of", "2022-01-01")
    assert data["status"] == "exited" and data["known_on"] == "2021-09-26"
    early = huobi(cli, "--known-on", "2021-09-25", "--as-of", "2022-01-01")
    assert early["status"] == "restricting" and early["other_view"]["status"] == "exited"


def test_every_command_takes_and_echoes_both_clocks(cli, tmp_path) -> None:
    args = ("--as-of", "2021-09-25", "--known-on", "2021-09-25")
    listed = json.loads(cli(*DAYS, "list", "--json", *args).stdout)
    assert {r["provenance"]["known_on"] for r in listed} == {"2021-09-25"}
    assert "kucoin" not in {r["id"] for r in listed}  # nothing about it was announced yet
    now = json.loads(cli(*DAYS, "list", "--json", "--as-of", "2021-09-25").stdout)
    assert next(r for r in now if r["id"] == "huobi")["status"] == "restricted"
    rows = cli(*DAYS, "screen", "-", "--json", *args, input="huobi\n").stdout.splitlines()
    row = json.loads(rows[0])
    assert (row["status"], row["as_of"], row["known_on"]) == (
        "restricting",
        "2021-09-25",
        "2021-09-25",
    )
    assert row["other_view"]["status"] == "restricted"
    csv = cli(*DAYS, "screen", "-", "--format", "csv", *args, input="huobi\n").stdout
    assert "known_on" in csv.splitlines()[0] and ",2021-09-25,2021-09-25," in csv
    picture = cli(*DAYS, "timeline", *args).stdout
    # one day for both clocks is named once; another known-on day is named beside it
    assert "as of 2021-09-25 · registries" in picture and "as known on" not in picture
    other = cli(*DAYS, "timeline", "--as-of", "2021-09-25", "--known-on", "2021-09-24").stdout
    assert "as of 2021-09-25, as known on 2021-09-24 · registries" in other
    # the day is marked on the axis
    shipped = cli("timeline", *args).stdout  # a range that holds the day
    assert any(x.startswith("as of ") and x.rstrip().endswith("v") for x in shipped.splitlines())
    assert "KuCoin" not in picture  # nothing about KuCoin was announced by then
    assert "KuCoin" in cli(*DAYS, "timeline", "--as-of", "2021-09-25").stdout
    svg = tmp_path / "t.svg"
    later = ("--as-of", "2021-09-25", "--known-on", "2021-09-26")
    assert cli("timeline", "--svg", str(svg), *later).exit_code == 0
    assert "as known on 2021-09-26" in svg.read_text(encoding="utf-8")
    assert ">as of 2021-09-25</text>" in svg.read_text(encoding="utf-8")
    listing = cli(
        *DAYS, "list", "--as-of", "2021-09-25", "--measure", "registration_stopped"
    ).stdout
    assert "huobi: restricted" in listing and "as known on 2021-09-25: restricting" in listing


def test_a_bad_known_on_is_a_usage_error(cli) -> None:
    result = cli("status", "huobi", "--known-on", "2021-13-01")
    assert result.exit_code == 2 and "--known-on" in result.stderr


def test_defaults_of_the_clocks() -> None:
    today = date(2026, 1, 1)
    now = datetime(2026, 1, 1, tzinfo=BEIJING)
    assert resolve(None, None, today) == Clock(today, today, today, now, True, True)
    assert resolve(date(2021, 9, 24), None, today) == Clock(
        date(2021, 9, 24), today, today, now, False, True
    )
    assert resolve(None, date(2021, 9, 24), today).as_of == date(2021, 9, 24)
    assert resolve(None, None, today).other is None
    then = resolve(date(2021, 9, 24), None, today).other
    assert then is not None and then.known_on == date(2021, 9, 24) and not then.known_now
    later = resolve(None, date(2021, 9, 24), today).other
    assert later is not None and later.known_on == today and later.known_now


def test_today_is_beijings_calendar_day_whatever_the_instant_is_written_in() -> None:
    # 2021-09-29 20:00 UTC is 04:00 on the 30th in Beijing, 13:00 on the 29th in Los Angeles
    # and 10:00 on the 30th at UTC+14: today is the 30th everywhere, and the status is computed
    # at that instant.
    instant = datetime(2021, 9, 29, 20, 0, tzinfo=timezone.utc)
    for zone in (0, -7, 8, 14):
        clock = resolve(None, None, instant.astimezone(timezone(timedelta(hours=zone))))
        assert clock.today == date(2021, 9, 30) and clock.at == instant
        assert clock.record() == {"as_of": "2021-09-30", "known_on": "2021-09-30"}


BIONE_CLOSES = "2021-09-30T00:00+08:00"  # the registry's moment of BiONE's closure


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        ("2021-09-29T15:59+00:00", "closing"),  # 23:59 in Beijing
        ("2021-09-29T16:00+00:00", "closed"),  # 00:00 in Beijing
        ("2021-09-29T23:59+08:00", "closing"),
        ("2021-09-30", "closed"),  # a bare day: its 00:00 UTC+8
        ("2021-09-29", "closing"),
        ("2021-09-30T05:00+14:00", "closing"),  # 05:00 on the 30th at UTC+14: 23:00 in Beijing
        ("2021-09-30T09:00+14:00", "closed"),  # 03:00 on the 30th in Beijing
    ],
)
def test_as_of_takes_a_day_or_a_moment_with_offset(cli, moment: str, status: str) -> None:
    result = cli("status", "bione", "--json", "--as-of", moment)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["status"] == status
    assert data["as_of"] == (
        moment if "T" not in moment else datetime.fromisoformat(moment).isoformat()
    )


@pytest.mark.parametrize("bad", ["2021-09-30T00:00", "2021-09-30T25:00+08:00", "tomorrow"])
def test_a_moment_without_offset_or_a_bad_one_is_a_usage_error(cli, bad: str) -> None:
    result = cli("status", "bione", "--as-of", bad)
    assert result.exit_code == 2 and "--as-of" in result.stderr
    assert cli("status", "bione", "--known-on", bad).exit_code == 2


@pytest.mark.parametrize(
    ("now", "status", "day"),
    [
        ("2021-09-29T20:00+00:00", "closed", "2021-09-30"),  # 04:00 in Beijing
        ("2021-09-29T15:00+00:00", "closing", "2021-09-29"),  # 23:00 in Beijing
        ("2021-09-30T05:00+14:00", "closing", "2021-09-29"),  # the 30th at UTC+14: before it
    ],
)
def test_the_same_moment_gets_the_same_answer_in_every_time_zone(cli, now, status, day) -> None:
    for zone in ("UTC", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"):
        result = cli("status", "bione", "--json", env={"EXITCHECK_NOW": now, "TZ": zone})
        data = json.loads(result.stdout)
        assert (data["status"], data["as_of"], data["known_on"]) == (status, day, day), zone
        # the provenance says which moment that day stands for, in Beijing's offset
        moment = datetime.fromisoformat(now).astimezone(BEIJING).isoformat(timespec="seconds")
        assert (data["provenance"]["now"], data["provenance"]["day_offset"]) == (moment, "+08:00")


def test_the_api_takes_a_date_an_aware_datetime_or_an_iso_string() -> None:
    import exitcheck
    from exitcheck.errors import UsageError

    registry = exitcheck.load()
    moment = datetime(2021, 9, 29, 16, 0, tzinfo=timezone.utc)
    assert exitcheck.lookup(registry, "bione", moment).status.status == "closed"
    assert (
        exitcheck.lookup(registry, "bione", moment - timedelta(minutes=1)).status.status
        == "closing"
    )
    assert exitcheck.lookup(registry, "bione", date(2021, 9, 30)).status.status == "closed"
    assert exitcheck.lookup(registry, "bione", "2021-09-29T23:59+08:00").status.status == "closing"
    assert exitcheck.lookup(registry, "bione", known_on="2021-09-01").status.status == "none"
    with pytest.raises(TypeError, match="UTC offset"):
        exitcheck.lookup(registry, "bione", datetime(2021, 9, 30))
    with pytest.raises(TypeError, match="must be a date"):
        exitcheck.lookup(registry, "bione", 20210930)  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="known_on"):
        exitcheck.lookup(registry, "bione", known_on="30/09/2021")
    with pytest.raises(TypeError, match="UTC offset"):
        list(exitcheck.screen(registry, ["bione"], datetime(2021, 9, 30)))


def _beijing_today() -> str:
    return datetime.now(BEIJING).date().isoformat()


def _real_clock_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "EXITCHECK_NOW"}
    return {**env, "NO_COLOR": "1", **extra}


def test_the_installed_command_reads_the_real_clock_as_beijings_day() -> None:
    """No override: the installed command's default day is Beijing's calendar day, whatever the
    machine's zone. In CI this runs under a moved system clock (.ci/run), so the day asserted
    is the moved one."""
    # Under CI's moved clock each process reads libfaketime's start moment in its own zone, so
    # the command keeps the run's zone there (Pacific/Kiritimati); elsewhere it tries two.
    moved = "FAKETIME" in os.environ
    zones = (
        [os.environ.get("TZ", "UTC")] if moved else ["Pacific/Kiritimati", "America/Los_Angeles"]
    )
    for zone in zones:
        for _ in range(3):  # the day may roll over between the two readings: read again
            before = _beijing_today()
            result = subprocess.run(
                [*entry_point(), "status", "huobi", "--json"],
                capture_output=True,
                text=True,
                env=_real_clock_env(TZ=zone),
                timeout=60,
            )
            if before == _beijing_today():
                break
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert (data["as_of"], data["known_on"]) == (before, before), zone
        assert data["provenance"]["known_on"] == before


def _libfaketime() -> Path | None:
    for path in (
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
    ):
        if Path(path).exists():
            return Path(path)
    return None


def test_a_moved_system_clock_gives_beijings_day_in_any_zone() -> None:
    """BiONE closed at 2021-09-30 00:00 UTC+8. At 2021-09-29 20:00 UTC (04:00 in Beijing) every
    zone sees it closed and today as the 30th; at 15:00 UTC (23:00 in Beijing) every zone, UTC+14
    included, sees it closing on the 29th. The system clock is moved with libfaketime
    (Debian's faketime; .ci/run installs it)."""
    library = _libfaketime()
    if library is None:
        if os.environ.get("CI"):
            pytest.fail("libfaketime is missing: .ci/run installs Debian's faketime")
        pytest.skip("libfaketime is not installed (apt-get install faketime)")
    from zoneinfo import ZoneInfo

    for fake, status, day in (
        (datetime(2021, 9, 29, 20, 0, tzinfo=timezone.utc), "closed", "2021-09-30"),
        (datetime(2021, 9, 29, 15, 0, tzinfo=timezone.utc), "closing", "2021-09-29"),
    ):
        for zone in ("UTC", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"):
            # libfaketime reads an absolute FAKETIME in the process's own zone
            local = fake.astimezone(ZoneInfo(zone)).strftime("@%Y-%m-%d %H:%M:%S")
            env = _real_clock_env(
                TZ=zone,
                LD_PRELOAD=str(library),
                FAKETIME=local,
            )
            result = subprocess.run(
                [*entry_point(), "status", "bione", "--json"],
                capture_output=True,
                text=True,
                env=env,
                timeout=60,
            )
            assert result.returncode == 0, result.stderr
            data = json.loads(result.stdout)
            assert (data["status"], data["known_on"]) == (status, day), (fake, zone)


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
    assert "none recorded" in cli(*DAYS, "status", "okcoin").stdout  # nothing at all, whenever
