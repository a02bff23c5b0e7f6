"""The rows of `list` in the views people read: by the DATE column unless --sort entity; JSON and
NDJSON keep their records in the entity order."""

from __future__ import annotations

import csv
import io
import json

import pytest

from exitcheck.render.order import date_key, rows

DAY = ("--as-of", "2021-10-01")


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2021", "2021-01"),  # a year before its months
        ("2021-09", "2021-09-01"),  # a month before its days
        ("2021-09", "2021-09-30"),
        ("2021-08-31", "2021-09"),
        ("2021-09-24", "2021-09-25"),
        ("2021-09-24", "2021-09-24T10:00:00+08:00"),  # a day before its moments
        ("2021-12-31", None),  # undated last
        ("2020-12", "2021"),
    ],
)
def test_date_key_orders_periods_before_their_days(earlier, later) -> None:
    assert date_key(earlier) < date_key(later)


def _record(eid: str, *announced: str | None) -> dict:
    return {"id": eid, "measures": [{"announced": a} for a in announced]}


def test_rows_by_date_then_entity_id_undated_and_measureless_last() -> None:
    records = [_record("zeta", "2021-09-26", None), _record("alpha"), _record("beta", "2021-09")]
    records.append(_record("acme", "2021-09-26", "2021-09-25"))
    by_date = [(r["id"], m and m["announced"]) for r, m in rows(records, "date")]
    assert by_date == [
        ("beta", "2021-09"),
        ("acme", "2021-09-25"),
        ("acme", "2021-09-26"),
        ("zeta", "2021-09-26"),
        ("zeta", None),
        ("alpha", None),
    ]
    by_entity = [(r["id"], m and m["announced"]) for r, m in rows(records, "entity")]
    assert by_entity == [
        ("zeta", "2021-09-26"),
        ("zeta", None),
        ("alpha", None),
        ("beta", "2021-09"),
        ("acme", "2021-09-26"),
        ("acme", "2021-09-25"),
    ]
    with pytest.raises(ValueError, match="unknown order"):
        rows(records, "name")


def _csv_rows(cli, *args: str) -> list[tuple[str, str]]:
    out = cli("list", *DAY, "--format", "csv", *args).stdout
    return [(r["announced"], r["entity_id"]) for r in csv.DictReader(io.StringIO(out))]


def _json_rows(cli, *args: str) -> list[tuple[str, str]]:
    records = json.loads(cli("list", *DAY, "--json", *args).stdout)
    return [(m["announced"] or "", r["id"]) for r in records for m in r["measures"] or [None]]


def _sorted_by_date(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(pairs, key=lambda p: (date_key(p[0] or None), p[1]))


def test_csv_is_sorted_by_the_date_column_by_default(cli) -> None:
    listed = _csv_rows(cli)
    assert listed == _sorted_by_date(listed)
    assert sorted(listed) == sorted(_json_rows(cli))  # the same rows, in another order
    assert listed != _json_rows(cli)


def test_sort_entity_is_the_order_of_the_json_records(cli) -> None:
    assert _csv_rows(cli, "--sort", "entity") == _json_rows(cli)


@pytest.mark.parametrize("sort", ["date", "entity"])
def test_table_and_markdown_sort_as_csv_does(cli, sort) -> None:
    out = cli("list", *DAY, "--format", "csv", "--sort", sort).stdout
    expected = [
        (r["announced"], r["entity_id"], r["entity_name"]) for r in csv.DictReader(io.StringIO(out))
    ]
    table = cli("list", *DAY, "--sort", sort).stdout.splitlines()[1 : len(expected) + 1]
    shown = [tuple(line.split()[:2]) for line in table]
    assert shown == [(a or "undated", e) for a, e, _ in expected]  # every entity has a measure
    markdown = cli("list", *DAY, "--format", "markdown", "--sort", sort).stdout.splitlines()
    cells = [line.split(" | ") for line in markdown[2 : len(expected) + 2]]
    assert [(c[4], c[0].lstrip("| ")) for c in cells] == [(a, n) for a, _, n in expected]


def test_list_after_a_day_reads_forwards(cli) -> None:
    """Grouped by entity, `list --after 2021-09-24` showed 2021-09-26 sparkpool before
    2021-09-25 bhex."""
    out = cli("list", "--after", "2021-09-24", *DAY).stdout.splitlines()
    days = [line.split()[0] for line in out[1:] if line[:2] == "20"]
    assert days == sorted(days, key=date_key) and len(days) > 10


def test_json_and_ndjson_keep_their_order_whatever_the_sort(cli) -> None:
    for fmt in ("json", "ndjson"):
        plain = cli("list", *DAY, "--format", fmt).stdout
        for sort in ("date", "entity"):
            assert cli("list", *DAY, "--format", fmt, "--sort", sort).stdout == plain


def test_an_unknown_sort_is_a_usage_error(cli) -> None:
    result = cli("list", "--sort", "name")
    assert result.exit_code == 2 and "--sort must be one of: date, entity" in result.stderr
