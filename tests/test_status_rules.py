"""Status rules on hand-made measures, and a hand-written table of every seed entity's status.

The expected statuses below are written from the README's rules and the source's dates, not
computed from the registry, so a changed date, a lost measure or a changed rule fails here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from exitcheck.answers.status import STATUSES, entity_status, measure_status
from exitcheck.dates import in_effect
from exitcheck.model import Entity, Locator, Measure

D = date
CHICAGO = timezone(timedelta(hours=-5))
BEIJING = timezone(timedelta(hours=8))


def measure(kind: str, announced=None, effective=None, deadline=None, source: str = "s") -> Measure:
    return Measure(
        kind, "everyone", "text", source, Locator(1, "q"), announced, effective, deadline
    )


def status_of(*measures: Measure, on: date, published: dict[str, date] | None = None) -> str:
    entity = Entity("x", "X", "exchange", None, (), tuple(measures))
    return entity_status(entity, on, published).status


def test_the_order_of_severity() -> None:
    assert list(STATUSES) == [
        "closed", "closing", "dissolving", "exited", "exiting",
        "restricted", "restricting", "blocked", "reopened", "statement", "none",
    ]  # fmt: skip


def test_a_closure_in_effect_outranks_one_still_pending() -> None:
    done = measure("closed", D(2021, 9, 1), D(2021, 9, 10))
    pending = measure("closed", D(2021, 9, 1), D(2022, 1, 1))
    assert status_of(done, pending, on=D(2021, 9, 20)) == "closed"
    assert status_of(pending, done, on=D(2021, 9, 20)) == "closed"
    assert status_of(pending, done, on=D(2021, 9, 5)) == "closing"


@pytest.mark.parametrize(
    ("higher", "lower"),
    [
        (("closed", None), ("dissolved", None)),
        (("dissolved", None), ("service_stopped", D(2021, 9, 2))),
        (("service_stopped", D(2021, 9, 2)), ("users_cleared", None)),
        (("exit_planned", None), ("registration_stopped", D(2021, 9, 2))),
        (("registration_stopped", D(2021, 9, 2)), ("features_limited", None)),
        (("product_restricted", None), ("statement", None)),
    ],
)
def test_each_status_outranks_the_next(higher, lower) -> None:
    a = measure(higher[0], D(2021, 9, 1), higher[1])
    b = measure(lower[0], D(2021, 9, 1), lower[1])
    on = D(2021, 9, 3)
    expected = measure_status(a, on)
    assert status_of(a, b, on=on) == expected
    assert status_of(b, a, on=on) == expected


@pytest.mark.parametrize(
    ("kind", "done", "pending"),
    [
        ("closed", "closed", "closing"),
        ("dissolved", "dissolving", "dissolving"),
        ("service_stopped", "exited", "exiting"),
        ("access_blocked", "exited", "exiting"),
        ("users_cleared", "exited", "exiting"),
        ("exit_planned", "exiting", "exiting"),
        ("registration_stopped", "restricted", "restricting"),
        ("product_restricted", "restricted", "restricting"),
        ("features_limited", "restricted", "restricting"),
        ("statement", "statement", "statement"),
    ],
)
def test_what_each_kind_contributes(kind: str, done: str, pending: str) -> None:
    m = measure(kind, D(2021, 9, 1), D(2021, 9, 10))
    assert measure_status(m, D(2021, 8, 31)) is None  # not yet announced
    assert measure_status(m, D(2021, 9, 9)) == pending
    assert measure_status(m, D(2021, 9, 10)) == done
    undated = measure(kind, D(2021, 9, 1))
    assert measure_status(undated, D(2100, 1, 1)) == pending  # never "in effect"


def test_an_instant_is_compared_as_an_instant_and_a_day_starts_in_beijing() -> None:
    # 00:00 at -05:00 on 1 Oct is 13:00 in Beijing: not yet in effect at the start of 1 Oct
    # (00:00 UTC+8), in effect from 2 Oct; the same answer in every time zone.
    m = measure("closed", D(2021, 9, 1), datetime(2021, 10, 1, 0, 0, tzinfo=CHICAGO))
    assert status_of(m, on=D(2021, 10, 1)) == "closing"
    assert status_of(m, on=D(2021, 10, 2)) == "closed"
    assert status_of(m, on=datetime(2021, 10, 1, 5, 0, tzinfo=timezone.utc)) == "closed"
    assert status_of(m, on=datetime(2021, 10, 1, 4, 59, tzinfo=timezone.utc)) == "closing"
    # 00:00 at +08:00 is the start of that day in Beijing.
    b = measure("closed", D(2021, 9, 1), datetime(2021, 9, 30, 0, 0, tzinfo=BEIJING))
    assert status_of(b, on=D(2021, 9, 29)) == "closing"
    assert status_of(b, on=D(2021, 9, 30)) == "closed"
    assert status_of(b, on=datetime(2021, 9, 29, 15, 59, tzinfo=timezone.utc)) == "closing"
    assert status_of(b, on=datetime(2021, 9, 29, 16, 0, tzinfo=timezone.utc)) == "closed"


def test_in_effect_at_the_start_of_the_day_in_beijing() -> None:
    assert in_effect(D(2021, 10, 1), D(2021, 10, 1))
    assert not in_effect(D(2021, 10, 2), D(2021, 10, 1))
    assert not in_effect(datetime(2021, 10, 1, 0, 0, tzinfo=CHICAGO), D(2021, 10, 1))
    assert in_effect(datetime(2021, 10, 1, 0, 0, tzinfo=BEIJING), D(2021, 10, 1))
    assert not in_effect(datetime(2021, 10, 1, 0, 0, 1, tzinfo=BEIJING), D(2021, 10, 1))
    assert in_effect(datetime(2021, 9, 30, 15, 59, tzinfo=timezone.utc), D(2021, 10, 1))
    assert not in_effect(datetime(2021, 9, 30, 16, 1, tzinfo=timezone.utc), D(2021, 10, 1))
    # a day counts from 00:00 UTC+8: 16:00 UTC the day before
    assert not in_effect(D(2021, 10, 1), datetime(2021, 9, 30, 15, 59, tzinfo=timezone.utc))
    assert in_effect(D(2021, 10, 1), datetime(2021, 9, 30, 16, 0, tzinfo=timezone.utc))


def test_the_deadline_counts_when_there_is_no_effective_date() -> None:
    m = measure("users_cleared", D(2021, 9, 1), None, D(2021, 12, 1))
    assert status_of(m, on=D(2021, 11, 30)) == "exiting"
    assert status_of(m, on=D(2021, 12, 1)) == "exited"
    # the effective date wins over the deadline when both are given
    both = measure("users_cleared", D(2021, 9, 1), D(2022, 1, 1), D(2021, 12, 1))
    assert status_of(both, on=D(2021, 12, 15)) == "exiting"


def test_an_undated_measure_counts_from_its_sources_publication() -> None:
    m = measure("statement", source="paper")
    assert status_of(m, on=D(2021, 9, 25), published={"paper": D(2021, 9, 26)}) == "none"
    assert status_of(m, on=D(2021, 9, 26), published={"paper": D(2021, 9, 26)}) == "statement"
    assert status_of(m, on=D(2000, 1, 1)) == "statement"  # no date at all: always known


def test_registration_stopped() -> None:
    m = measure("registration_stopped", D(2021, 9, 26), D(2021, 9, 24))
    assert status_of(m, on=D(2021, 9, 23)) == "none"
    assert status_of(m, on=D(2021, 9, 24)) == "restricted"  # in effect before it was announced
    assert status_of(m, on=D(2021, 9, 26)) == "restricted"
    pending = measure("registration_stopped", D(2021, 9, 26), D(2021, 10, 1))
    assert status_of(pending, on=D(2021, 9, 30)) == "restricting"
    assert status_of(pending, on=D(2021, 10, 1)) == "restricted"


# (entity, day, status), written by hand from the source's dates; the report is of 2021-09-26.
TABLE = [
    ("sparkpool", "2021-09-23", "none"), ("sparkpool", "2021-09-24", "exiting"),
    ("sparkpool", "2030-01-01", "exiting"),
    ("nbminer", "2021-09-23", "none"), ("nbminer", "2021-09-24", "exiting"),
    ("nbminer", "2030-01-01", "exiting"),
    ("bione", "2021-09-23", "none"), ("bione", "2021-09-24", "closing"),
    ("bione", "2021-09-29", "closing"), ("bione", "2021-09-30", "closed"),
    ("futu", "2021-09-23", "none"), ("futu", "2021-09-24", "restricting"),
    ("futu", "2021-09-30", "restricting"), ("futu", "2021-10-01", "restricted"),
    ("tokenpocket", "2021-09-24", "none"), ("tokenpocket", "2021-09-25", "restricting"),
    ("tokenpocket", "2030-01-01", "restricting"),
    ("bhex", "2021-09-24", "none"), ("bhex", "2021-09-25", "closing"),
    ("bhex", "2021-10-22", "closing"), ("bhex", "2021-10-23", "closed"),
    ("loopring", "2021-09-25", "none"), ("loopring", "2021-09-26", "exiting"),
    ("loopring", "2030-01-01", "exiting"),
    ("binance", "2021-09-25", "none"), ("binance", "2021-09-26", "restricted"),
    ("binance", "2030-01-01", "restricted"),
    ("zkswap", "2021-09-25", "none"), ("zkswap", "2021-09-26", "exiting"),
    ("zkswap", "2030-01-01", "exiting"),
    ("hyperdao", "2021-09-25", "none"), ("hyperdao", "2021-09-26", "exiting"),
    ("hyperdao", "2030-01-01", "exiting"),
    ("huobi", "2021-09-23", "none"), ("huobi", "2021-09-24", "restricted"),  # effective 24 Sep
    ("huobi", "2021-09-25", "restricted"), ("huobi", "2021-09-26", "exiting"),
    ("huobi", "2021-12-31", "exiting"), ("huobi", "2022-01-01", "exited"),
    ("qkl123", "2021-09-25", "none"), ("qkl123", "2021-09-26", "exited"),
    ("aex", "2021-09-25", "none"), ("aex", "2021-09-26", "exiting"),
    ("aex", "2030-01-01", "exiting"),
    ("okex", "2021-09-25", "none"), ("okex", "2021-09-26", "statement"),
    ("okcoin", "2021-09-26", "none"), ("okcoin", "2030-01-01", "none"),
    ("beijing-huobi-tianxia", "2021-07-21", "none"),
    ("beijing-huobi-tianxia", "2021-07-22", "dissolving"),
    ("beijing-huobi-tianxia", "2030-01-01", "dissolving"),
    ("beijing-lekuda", "2021-06-23", "none"), ("beijing-lekuda", "2021-06-24", "dissolving"),
    ("beijing-lekuda", "2030-01-01", "dissolving"),
]  # fmt: skip


SEED = "cls-2021-09-26"
SEED_IDS = {
    "sparkpool", "nbminer", "bione", "futu", "tokenpocket", "bhex", "loopring", "binance",
    "zkswap", "hyperdao", "huobi", "qkl123", "aex", "okex", "okcoin", "beijing-huobi-tianxia",
    "beijing-lekuda",
}  # fmt: skip


def test_the_table_covers_every_seed_entity() -> None:
    assert {row[0] for row in TABLE} == SEED_IDS


@pytest.mark.parametrize(("entity_id", "day", "expected"), TABLE)
def test_status_from_the_seed_reports_facts(entity_id: str, day: str, expected: str) -> None:
    """The seed report's measures alone (other sources add measures of their own)."""
    from exitcheck.store.loading import load, shipped_registry

    entity = load([shipped_registry()]).entity(entity_id)
    assert entity is not None
    seed_only = entity._replace(measures=tuple(m for m in entity.measures if m.source == SEED))
    assert entity_status(seed_only, D.fromisoformat(day), {SEED: D(2021, 9, 26)}).status == expected


# The whole registry, through the CLI, where other sources change the answer; each checked by
# hand against the measure that decides it.
FULL = [
    ("sparkpool", "2021-09-29", "closing"),  # CoinDesk, 26 Sep: closing on 30 Sep
    ("sparkpool", "2021-09-30", "closed"),  # CoinDesk: the pool closed on 30 Sep 2021
    ("bhex", "2021-10-15", "closing"),
    ("bhex", "2021-10-16", "closed"),  # PANews: the platform closed on 16 Oct
    ("huobi", "2021-05-23", "restricting"),  # Pandaily: Huobi Mall limited, 23 May 2021
    ("huobi", "2021-12-30", "exiting"),
    # Huobi's notice of 24 Dec restates 31 Dec without a time; the deadline is 24:00 UTC+8
    ("huobi", "2021-12-31", "exiting"),
    ("huobi", "2022-01-01", "exited"),
    ("bione", "2021-09-29", "closing"),
    ("bione", "2021-09-30", "closed"),
    ("qkl123", "2021-09-26", "exited"),
    # OKCoin's domestic exchange announced in Sept 2017 it would halt all trading for local
    # customers and gave no date: exiting, as the record has it
    ("okcoin", "2021-09-01", "exiting"),
    # Huobi's October 2021 notices have no date and neither has their source: they count from
    # the day they took effect, not on every day (it was 'restricting' in May 2021 before).
    # Huobi's domestic exchange announced in Sept 2017 that it would halt all trading for local
    # customers, with no date: exiting, until its new steps of May 2021 (more than a year
    # later) show it served mainland users again
    ("huobi", "2021-05-22", "exiting"),
    ("huobi", "2021-05-23", "restricting"),
    # an undated measure of a source with no publication date (Pandaily, Oct 2021) counts from
    # the day the registry was reviewed at the latest, not on every day
    ("aex", "2021-09-25", "none"),
]  # fmt: skip


@pytest.mark.parametrize(("entity_id", "day", "expected"), FULL)
def test_status_of_seed_entities_in_the_whole_registry(
    cli, entity_id: str, day: str, expected: str
) -> None:
    import json

    result = cli("status", entity_id, "--as-of", day, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["status"] == expected
