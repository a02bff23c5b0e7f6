"""The answer says what the sources say (issue 22): stated moments, one event with several
sources (the earliest date counts and the disagreement is shown), who acted (a block imposed
on a platform is never its exit), steps reported done (done by the source's publication at the
latest), and comebacks (a reopening supersedes the steps before it).

Expectations are written from the rules, on registries made here, not read from the data.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from exitcheck.answers.status import done_by, entity_status
from exitcheck.model import Citation, Entity, Locator, Measure

D = date
BEIJING = timezone(timedelta(hours=8))
Q = Locator(None, "q")


def measure(kind: str, announced=None, effective=None, deadline=None, **more) -> Measure:
    return Measure(kind, "everyone", "text", "s", Q, announced, effective, deadline, **more)


def status(*measures: Measure, on, published=None):
    return entity_status(Entity("x", "X", "exchange", None, (), tuple(measures)), on, published)


# -- moments --------------------------------------------------------------------------------


def test_a_deadline_at_24_00_is_the_next_days_00_00() -> None:
    m = measure("users_cleared", D(2021, 9, 26), None, datetime(2022, 1, 1, tzinfo=BEIJING))
    assert status(m, on=D(2021, 12, 31)).status == "exiting"
    assert status(m, on=datetime(2021, 12, 31, 23, 59, tzinfo=BEIJING)).status == "exiting"
    assert status(m, on=D(2022, 1, 1)).status == "exited"


# -- one event, several sources --------------------------------------------------------------


def test_the_earliest_date_of_its_sources_counts() -> None:
    late = Citation("b", Q, effective=D(2021, 10, 5))
    early = Citation("c", Q, effective=D(2021, 9, 30))
    m = measure(
        "service_stopped",
        D(2021, 9, 1),
        D(2021, 10, 1),
        citations=(Citation("s", Q), late, early),
    )
    assert status(m, on=D(2021, 9, 29)).status == "exiting"
    assert status(m, on=D(2021, 9, 30)).status == "exited"


def test_a_disagreement_is_on_the_measure_in_every_format(cli, write_registry) -> None:
    path = write_registry(
        """
        [[sources]]
        id = "other"
        title = "Other"
        publisher = "Tests"
        published = 2021-09-28
        language = "en"
        url = "https://example.org/other"

        [[entities]]
        id = "acme"
        name = "Acme"
        kind = "exchange"

        [[entities.measures]]
        id = "acme-stop"
        kind = "service_stopped"
        actor = "platform"
        scope = "users in mainland China"
        announced = 2021-09-25
        effective = 2021-10-02
        description = "Stops."

        [[entities.measures.sources]]
        source = "src"
        quote = "stops on 2 October"

        [[entities.measures.sources]]
        source = "other"
        quote = "stopped on 1 October"
        effective = 2021-10-01
        notes = "This outlet gives the day before."
        """
    )
    base = ["--registry", str(path), "status", "acme"]
    data = json.loads(cli(*base, "--json", "--as-of", "2021-10-01").stdout)
    assert data["status"] == "exited"  # the earlier date, 1 Oct, counts
    (m,) = data["measures"]
    assert [s["source"] for s in m["sources"]] == ["src", "other"]
    assert m["disputed"] == [
        {
            "field": "effective",
            "dates": [
                {"source": "src", "date": "2021-10-02"},
                {"source": "other", "date": "2021-10-01"},
            ],
            "used": "2021-10-01",
        }
    ]
    assert m["effective"] == "2021-10-02"  # the measure's own date is kept as written
    text = " ".join(cli(*base, "--as-of", "2021-10-01", "--details").stdout.split())
    assert "sources disagree on effective" in text and "the earliest, 2021-10-01, counts" in text
    glance = " ".join(cli(*base, "--as-of", "2021-10-01").stdout.split())
    assert "sources disagree on effective: 2021-10-02 (src), 2021-10-01 (other)" in glance
    assert "stopped on 1 October" not in glance  # the description: --details
    assert "stopped on 1 October" in text and "This outlet gives the day before." in text


# -- who acted -------------------------------------------------------------------------------


def block(day: date | None = None, actor: str = "network") -> Measure:
    day = day or D(2021, 9, 27)
    return measure("blocked_by_others", day, day, actor=actor)


def test_a_block_imposed_on_a_platform_is_not_its_exit() -> None:
    answer = status(block(), on=D(2021, 10, 1))
    assert answer.status == "blocked" and len(answer.imposed) == 1
    denial = measure("statement", D(2021, 9, 28))
    assert status(denial, block(), on=D(2021, 10, 1)).status == "blocked"
    own = measure("registration_stopped", D(2021, 9, 20), D(2021, 9, 20))
    both = status(own, block(actor="authority"), on=D(2021, 10, 1))
    assert both.status == "restricted" and [m.kind for m in both.imposed] == ["blocked_by_others"]
    assert status(block(), on=D(2021, 9, 26)).status == "none"


# -- done ------------------------------------------------------------------------------------


def test_a_step_reported_done_is_done_by_the_publication_at_the_latest() -> None:
    reported = measure(
        "service_stopped", citations=(Citation("s", Q, done=True),), announced=D(2021, 9, 28)
    )
    published = {"s": D(2021, 10, 15)}
    assert status(reported, on=D(2021, 10, 14), published=published).status == "exiting"
    assert status(reported, on=D(2021, 10, 15), published=published).status == "exited"
    assert done_by(reported, published) == D(2021, 10, 15)
    # a month-only publication: the month's last day
    from exitcheck.dates import PartialDate

    month = {"s": PartialDate(2021, 10)}
    assert done_by(reported, month) == D(2021, 10, 31)
    assert status(reported, on=D(2021, 10, 30), published=month).status == "exiting"
    assert status(reported, on=D(2021, 10, 31), published=month).status == "exited"
    # a source that does not say it is done changes nothing
    undone = reported._replace(citations=(Citation("s", Q),))
    assert status(undone, on=D(2030, 1, 1), published=published).status == "exiting"


def test_done_by_is_worked_out_when_answering_and_said_to_be_the_latest(
    cli, write_registry
) -> None:
    path = write_registry(
        """
        [[entities]]
        id = "acme"
        name = "Acme"
        kind = "exchange"

        [[entities.measures]]
        kind = "closed"
        scope = "all users"
        description = "Closed."

        [[entities.measures.sources]]
        source = "src"
        quote = "has closed"
        done = true
        """
    )
    data = json.loads(cli("--registry", str(path), "status", "acme", "--json").stdout)
    (m,) = data["measures"]
    assert data["status"] == "closed"
    assert m["effective"] is None and m["deadline"] is None  # never written into the step
    assert m["done_by"] == {"date": "2021-09-26", "latest_possible": True, "sources": ["src"]}
    text = " ".join(cli("--registry", str(path), "status", "acme", "--details").stdout.split())
    assert "done by 2021-09-26 at the latest" in text and "not the day it happened" in text
    glance = " ".join(cli("--registry", str(path), "status", "acme").stdout.split())
    assert "all users · source: src · done by 2021-09-26 at the latest" in glance


# -- comebacks -------------------------------------------------------------------------------


def test_a_reopening_supersedes_the_steps_before_it_and_a_later_step_counts_again() -> None:
    exit_ = measure("service_stopped", D(2021, 9, 26), D(2021, 12, 31))
    back = measure("reopened", D(2024, 6, 5), D(2024, 6, 5))
    assert status(exit_, back, on=D(2023, 1, 1)).status == "exited"
    answer = status(exit_, back, on=D(2024, 6, 5))
    assert answer.status == "reopened" and answer.superseded == (exit_,)
    again = measure("registration_stopped", D(2025, 3, 1), D(2025, 3, 1))
    assert status(exit_, back, again, on=D(2025, 3, 2)).status == "restricted"
    assert status(exit_, back, again, on=D(2025, 2, 1)).status == "reopened"


def test_a_step_without_any_date_is_not_taken_as_superseded() -> None:
    undated = measure("exit_planned")
    back = measure("reopened", D(2024, 6, 5), D(2024, 6, 5))
    assert status(undated, back, on=D(2024, 7, 1)).status == "exiting"


# -- the registry checks ---------------------------------------------------------------------

ENTITY = """
[[entities]]
id = "acme"
name = "Acme"
kind = "exchange"

[[entities.measures]]
kind = "{kind}"
scope = "users"
description = "Text."
{extra}
"""


@pytest.mark.parametrize(
    ("kind", "extra", "message"),
    [
        ("blocked_by_others", 'source = "src"\nlocator = { quote = "q" }', "needs actor"),
        (
            "closed",
            'actor = "regulator"\nsource = "src"\nlocator = { quote = "q" }',
            "unknown actor",
        ),
        ("closed", 'actor = "network"\nsource = "src"\nlocator = { quote = "q" }', "own steps"),
        (
            "closed",
            'see = ["nowhere"]\nsource = "src"\nlocator = { quote = "q" }',
            "no measure or source",
        ),
        (
            "closed",
            'source = "src"\nlocator = { quote = "q" }\n[[entities.measures.sources]]\nsource = "src"\nquote = "q"',
            "not both",
        ),
        ("closed", 'id = "Bad Id"\nsource = "src"\nlocator = { quote = "q" }', "slug"),
    ],
)
def test_validate_refuses_what_the_new_shape_forbids(
    cli, write_registry, kind, extra, message
) -> None:
    path = write_registry(ENTITY.format(kind=kind, extra=extra))
    result = cli("--registry", str(path), "--only", "validate")
    assert result.exit_code == 2, result.stdout
    assert message in result.stdout + result.stderr


def test_a_measure_id_is_given_once(cli, write_registry) -> None:
    one = 'id = "acme-x"\nsource = "src"\nlocator = { quote = "q" }'
    body = ENTITY.format(kind="closed", extra=one) + (
        '\n[[entities.measures]]\nkind = "statement"\nscope = "u"\ndescription = "t"\n' + one
    )
    result = cli("--registry", str(write_registry(body)), "--only", "validate")
    assert result.exit_code == 2 and "given twice" in result.stdout + result.stderr


def test_the_json_says_its_schema_version(cli) -> None:
    data = json.loads(cli("status", "huobi", "--json", "--as-of", "2021-10-01").stdout)
    assert data["provenance"]["schema_version"] == 2


def test_a_new_step_announced_after_an_exit_took_effect_shows_service_had_resumed() -> None:
    # a domestic exchange stopped in 2017; in 2021 the platform announced new limits toward
    # the same users: it served them again, so the 2017 steps no longer make its status
    registration = measure("registration_stopped", D(2017, 9, 14), D(2017, 9, 14))
    stop = measure("service_stopped", D(2017, 9, 15), D(2017, 10, 31))
    later = measure("features_limited", D(2021, 5, 23))
    assert status(registration, stop, later, on=D(2018, 1, 1)).status == "exited"
    answer = status(registration, stop, later, on=D(2021, 6, 1))
    assert answer.status == "restricting" and set(answer.superseded) == {registration, stop}
    closed = measure("closed", D(2017, 9, 15), D(2017, 10, 31))
    assert status(closed, later, on=D(2021, 6, 1)).status == "restricting"
    # a fee on assets left behind, or a step announced at the very moment of the exit, is not
    fee = measure("fee_imposed", D(2018, 1, 5), D(2018, 2, 1))
    assert status(stop, fee, on=D(2018, 3, 1)).status == "exited"
    same = measure("features_limited", D(2017, 10, 31))
    assert status(stop, same, on=D(2018, 1, 1)).status == "exited"


def test_an_exit_announced_without_a_date_gives_way_to_steps_a_year_later() -> None:
    exit_ = measure("service_stopped", D(2017, 9, 16))  # no date of effect: "exiting"
    soon = measure("registration_stopped", D(2017, 10, 1), D(2017, 10, 1))
    assert status(exit_, soon, on=D(2017, 11, 1)).status == "exiting"  # part of the exit
    later = measure("features_limited", D(2021, 5, 23))
    answer = status(exit_, later, on=D(2021, 6, 1))
    assert answer.status == "restricting" and answer.superseded == (exit_,)
    closing = measure("closed", D(2017, 9, 16))
    assert status(closing, later, on=D(2021, 6, 1)).status == "restricting"


def test_every_measure_kind_has_its_mark_and_colours() -> None:
    from exitcheck.answers.timeline import MARKS
    from exitcheck.model import MEASURE_KINDS
    from exitcheck.render import timeline_svg, timeline_text

    for table in (MARKS, timeline_svg.COLOURS, timeline_text.COLOURS):
        assert set(table) == set(MEASURE_KINDS)
    assert len(set(MARKS.values())) == len(MARKS)
    assert len(set(timeline_svg.COLOURS.values())) == len(timeline_svg.COLOURS)


def test_validate_warns_about_a_working_note(cli, write_registry) -> None:
    extra = 'source = "src"\nlocator = { quote = "q" }\nnotes = "No better page was found."'
    result = cli(
        "--registry",
        str(write_registry(ENTITY.format(kind="closed", extra=extra))),
        "--only",
        "validate",
    )
    assert (
        "was found" in result.stdout + result.stderr
        and "describe the source" in result.stdout + result.stderr
    )
    assert cli("validate").stdout.rstrip().endswith("0 error(s), 0 warning(s)")


def test_review_cases_of_the_resumption_rule() -> None:
    # an exit announced after it took effect does not cancel itself
    late = measure("service_stopped", D(2021, 9, 26), D(2021, 9, 24))
    assert status(late, on=D(2022, 1, 1)).status == "exited"
    # a follow-up notice of the same exit is not a comeback
    stop = measure("service_stopped", D(2021, 9, 26), D(2021, 10, 1))
    clearing = measure("users_cleared", D(2021, 11, 1), None, D(2021, 12, 1))
    for day in (D(2021, 10, 2), D(2021, 11, 2), D(2022, 1, 1)):
        assert status(stop, clearing, on=day).status == "exited"
    # a new restriction within a year of the exit is a follow-up too; after a year, a comeback
    soon = measure("features_limited", D(2022, 3, 1))
    assert status(stop, soon, on=D(2022, 4, 1)).status == "exited"
    later = measure("features_limited", D(2022, 12, 1))
    assert status(stop, later, on=D(2022, 11, 30)).status == "exited"
    assert status(stop, later, on=D(2022, 12, 2)).status == "restricting"
    # a step that became known only later does not resume the past
    known_late = measure("registration_stopped", D(2023, 6, 1), D(2022, 12, 1))
    assert status(stop, known_late, on=D(2023, 1, 1)).status == "exited"
    # a reopening counts once it is in effect
    back = measure("reopened", D(2024, 1, 1), D(2024, 3, 1))
    assert status(stop, back, on=D(2024, 1, 15)).status == "exited"
    assert status(stop, back, on=D(2024, 3, 1)).status == "reopened"


def test_the_earliest_date_is_the_one_reached_first_and_any_source_may_give_it() -> None:
    day = Citation("b", Q, effective=D(2021, 10, 15))
    month = measure("service_stopped", D(2021, 9, 1), "2021-10", citations=(Citation("s", Q), day))
    from exitcheck.dates import PartialDate

    month = month._replace(effective=PartialDate(2021, 10))
    assert status(month, on=D(2021, 10, 15)).status == "exited"
    # an earlier announcement given by a second source counts from that day
    told = Citation("b", Q, announced=D(2021, 9, 24))
    m = measure("registration_stopped", D(2021, 9, 26), citations=(Citation("s", Q), told))
    assert status(m, on=D(2021, 9, 24)).status == "restricting"


def test_a_timestamp_clock_in_the_table_view(cli) -> None:
    result = cli("status", "huobi", "--as-of", "2021-12-31T23:00+08:00")
    assert result.exit_code == 0, result.stderr
    assert "exiting as of 2021-12-31T23:00:00+08:00" in " ".join(result.stdout.split())
    assert cli("status", "huobi", "--known-on", "2021-12-31T23:00+08:00").exit_code == 0


def test_what_the_resumption_rule_leaves_alone() -> None:
    stop = measure("service_stopped", D(2021, 9, 26), D(2021, 10, 1))
    back = measure("features_limited", D(2022, 12, 1))  # a year later: service had resumed
    # a step that took hold before that point but became known only after it is not superseded
    retro = measure("product_restricted", D(2023, 2, 1), D(2022, 6, 1))
    answer = status(stop, back, retro, on=D(2023, 3, 1))
    assert answer.status == "restricted" and answer.superseded == (stop,)
    # a fee or a clearing notice years later shows no service
    fee = measure("fee_imposed", D(2023, 10, 1), D(2023, 11, 1))
    clearing = measure("users_cleared", D(2023, 10, 1), None, D(2023, 12, 1))
    assert status(stop, fee, on=D(2024, 1, 1)).status == "exited"
    assert status(stop, clearing, on=D(2024, 1, 1)).status == "exited"
    # a reopening announced but not yet in effect contributes nothing
    said = measure("statement", D(2024, 1, 1))
    pending = measure("reopened", D(2024, 1, 1), D(2024, 3, 1))
    assert status(said, pending, on=D(2024, 1, 15)).status == "statement"
    assert status(said, pending, on=D(2024, 3, 1)).status == "reopened"


def test_date_filters_take_surrounding_spaces(cli) -> None:
    result = cli("list", "--json", "--after", " 2021-09-24 ", "--before", " 2021-09-24 ")
    assert result.exit_code == 0, result.stderr
    assert {"bione", "sparkpool"} <= {e["id"] for e in json.loads(result.stdout)}


def test_diff_follows_a_measure_by_its_id(cli, write_registry, tmp_path) -> None:
    body = ENTITY.format(
        kind="closed",
        extra='id = "acme-close"\nannounced = {day}\nsource = "src"\nlocator = { quote = "q" }',
    )
    old = write_registry(body.replace("{day}", "2021-09-25"), name="old.toml")
    new = write_registry(body.replace("{day}", "2021-09-26"), name="new.toml")
    data = json.loads(cli("diff", str(old), str(new), "--json").stdout)
    text = json.dumps(data)
    assert "acme-close" in text and "2021-09-25" in text and "2021-09-26" in text
    assert not data.get("added") and not data.get("removed")


def test_flat_formats_carry_who_acted_done_and_disputes(cli) -> None:
    import csv
    import io

    rows = list(
        csv.DictReader(io.StringIO(cli("status", "coinmarketcap", "--format", "csv").stdout))
    )
    assert "network" in {r["actor"] for r in rows}
    rows = list(csv.DictReader(io.StringIO(cli("status", "hbtc", "--format", "csv").stdout)))
    assert any("at the latest" in r["done_by"] for r in rows)
    assert all(r["measure_id"] for r in rows)


def test_a_reopening_of_named_products_lifts_only_those() -> None:
    freeze = measure(
        "features_limited", D(2017, 2, 9), D(2017, 2, 9), products=("bitcoin withdrawals",)
    )
    fee = measure("fee_imposed", D(2017, 1, 22), D(2017, 1, 24), products=("bitcoin trading",))
    back = measure("reopened", D(2017, 6, 1), products=("coin withdrawals",))
    answer = status(freeze, fee, back, on=D(2017, 7, 1))
    assert answer.superseded == (freeze,)
    assert answer.status == "restricted"  # the fee stays
    everything = measure("reopened", D(2017, 6, 1))  # no products named: every earlier step
    assert set(status(freeze, fee, everything, on=D(2017, 7, 1)).superseded) == {freeze, fee}


def test_a_measure_whose_announcement_is_unknown_counts_from_its_own_dates() -> None:
    # no announcement and no source date given (a registry that reviewed nothing): it counts
    # from when it took effect or was due, where it says
    effective = measure("service_stopped", None, D(2021, 10, 1))
    assert status(effective, on=D(2021, 9, 30)).status == "none"
    assert status(effective, on=D(2021, 10, 1)).status == "exited"
    due = measure("users_cleared", None, None, D(2021, 12, 1))
    assert status(due, on=D(2021, 11, 30)).status == "none"
    assert status(due, on=D(2021, 12, 1)).status == "exited"
