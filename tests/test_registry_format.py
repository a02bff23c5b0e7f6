"""Issue 12's registry format: partial dates, locators without paragraphs, later names (name
history), fee_imposed, titles of our own and the coverage every empty answer states."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exitcheck.dates import (
    PartialDate,
    in_effect,
    iso,
    overlaps,
    parse_moment,
    parse_partial,
    sort_key,
)

from .registries import MINIMAL_HEADER

# --------------------------------------------------------------------------------------------
# Partial dates, pure


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019-03", date(2019, 3, 1), date(2019, 3, 31)),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
        ("2021-12", date(2021, 12, 1), date(2021, 12, 31)),
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
    ],
)
def test_partial_date_is_a_period_shown_as_given(text: str, start: date, end: date) -> None:
    p = parse_partial(text)
    assert (p.start, p.end) == (start, end)
    assert iso(p) == text and str(p) == text and parse_moment(text) == p


@pytest.mark.parametrize(
    "text", ["2019-13", "2019-00", "2019-3", "19-03", "March 2019", "", "0000"]
)
def test_malformed_partial_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_partial(text)


@given(st.integers(1, 9999), st.none() | st.integers(1, 12))
def test_partial_dates_round_trip_and_cover_their_period(year: int, month: int | None) -> None:
    p = PartialDate(year, month)
    assert parse_moment(p.isoformat()) == p
    assert p.start <= p.end and p.start.year == p.end.year == year
    assert not in_effect(p, p.end)  # reached only once the whole period is past
    if p.end < date.max:
        assert in_effect(p, p.end + timedelta(days=1))


def test_sorting_by_period_start_with_a_partial_date_after_full_dates_of_that_day() -> None:
    moments = [
        date(2019, 3, 15),
        PartialDate(2019),
        PartialDate(2019, 3),
        date(2019, 3, 1),
        datetime(2019, 2, 28, 23, 0, tzinfo=timezone(timedelta(hours=8))),
        date(2019, 1, 1),
    ]
    assert sorted(moments, key=sort_key) == [
        date(2019, 1, 1),
        PartialDate(2019),
        moments[4],
        date(2019, 3, 1),
        PartialDate(2019, 3),
        date(2019, 3, 15),
    ]


def test_a_period_overlapping_the_bounds_is_included() -> None:
    march = PartialDate(2019, 3)
    assert overlaps(march, date(2019, 1, 1), None)
    assert overlaps(march, date(2019, 3, 31), None)  # the last day of March is within
    assert not overlaps(march, date(2019, 4, 1), None)
    assert overlaps(march, None, date(2019, 3, 1))
    assert not overlaps(march, None, date(2019, 2, 28))
    assert overlaps(PartialDate(2019), date(2019, 6, 1), date(2019, 6, 30))


# --------------------------------------------------------------------------------------------
# Partial dates through the CLI

WEB_SOURCE = """
[[sources]]
id = "web"
title = "库币暂停中国大陆用户注册"
publisher = "Example outlet"
published = "2019-04"
language = "zh"
url = "https://example.org/kucoin"
"""

PARTIAL = (
    WEB_SOURCE
    + """
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
locator = { quote = "暂停中国大陆用户注册" }

[[entities]]
id = "early"
name = "Early Exchange"
kind = "exchange"

[[entities.measures]]
kind = "closed"
scope = "all users"
announced = 2019-03-01
description = "Closed."
source = "src"
locator = { paragraph = 1, quote = "closed" }

[[entities]]
id = "late"
name = "Late Exchange"
kind = "exchange"

[[entities.measures]]
kind = "closed"
scope = "all users"
announced = 2019-03-15
description = "Closed."
source = "src"
locator = { paragraph = 1, quote = "closed" }
"""
)


def test_partial_dates_validate_and_keep_their_text_in_json(cli, write_registry) -> None:
    path = write_registry(PARTIAL)
    assert cli("validate", str(path)).stdout.strip().endswith("0 error(s), 0 warning(s)")
    data = json.loads(cli("--only", "--registry", str(path), "status", "kucoin", "--json").stdout)
    assert data["measures"][0]["announced"] == "2019-03"
    assert data["sources"][0]["published"] == "2019-04"


def test_list_after_includes_a_month_that_overlaps_and_sorts_it_by_its_start(
    cli, write_registry
) -> None:
    path = write_registry(PARTIAL)

    def ids(*args: str) -> list[str]:
        result = cli("--only", "--registry", str(path), "list", *args, "--json")
        assert result.exit_code == 0, result.stderr
        return [r["id"] for r in json.loads(result.stdout)]

    assert ids("--after", "2019-01-01") == ["early", "kucoin", "late"]
    assert ids("--after", "2019-03-31") == ["kucoin"]
    assert ids("--after", "2019-04-01") == []
    assert ids("--before", "2019-02-28") == []
    assert ids("--before", "2019-03-01") == ["early", "kucoin"]
    text = cli("--only", "--registry", str(path), "list", "--after", "2019-01-01").stdout
    assert "2019-03  " in text and "kucoin" in text


def test_a_month_counts_for_status_once_it_is_past(cli, write_registry) -> None:
    path = write_registry(PARTIAL)

    def status(day: str) -> str:
        out = cli(
            "--only", "--registry", str(path), "status", "kucoin", "--as-of", day, "--json"
        ).stdout
        return json.loads(out)["status"]

    assert status("2019-03-31") == "none"
    assert status("2019-04-01") == "restricting"


def test_partial_dates_in_json_validate_against_the_schemas(cli, write_registry) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    path = write_registry(PARTIAL)
    for schema, args in (
        ("status", ["status", "kucoin"]),
        ("list", ["list"]),
        ("sources", ["sources"]),
        ("info", ["info"]),
    ):
        out = cli("--only", "--registry", str(path), *args, "--json").stdout
        jsonschema.validate(json.loads(out), json.loads(cli("schema", schema).stdout))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('announced = "2019-3"', "field 'announced' must be a date, or a month"),
        ('announced = "2019-03-01"', "a full date is written without quotes"),
        ("announced = 2019-03-01T00:00:00+08:00", "must be a date (YYYY-MM-DD), not a date-time"),
        ('effective = "2019-13"', "field 'effective' must be a date, or a month"),
    ],
)
def test_malformed_dates_are_reported_with_their_line(
    cli, write_registry, line: str, message: str
) -> None:
    body = PARTIAL.replace('announced = "2019-03"', line)
    if line.startswith("effective"):
        body = PARTIAL.replace('announced = "2019-03"', 'announced = "2019-03"\n' + line)
    path = write_registry(body)
    result = cli("validate", str(path), "--json")
    assert result.exit_code == 2
    findings = json.loads(result.stdout)["findings"]
    number = path.read_text(encoding="utf-8").splitlines().index(line) + 1
    assert any(message in f["message"] and f["line"] == number for f in findings), findings


# --------------------------------------------------------------------------------------------
# Locators, sources, dates against publication


def test_a_paragraph_is_required_only_when_the_source_is_a_file(cli, write_registry) -> None:
    header = MINIMAL_HEADER + 'file = "seed.txt"\n'
    body = PARTIAL.replace('{ paragraph = 1, quote = "closed" }', '{ quote = "closed" }', 1)
    result = cli("validate", str(write_registry(body, header=header)))
    assert result.exit_code == 2
    assert "locator.paragraph is required: source 'src' is a file" in result.stdout
    assert cli("validate", str(write_registry(body))).exit_code == 0  # src has only a URL


def test_dates_after_publication_are_flagged_unless_stated(cli, write_registry) -> None:
    late = PARTIAL.replace('announced = "2019-03"', 'announced = "2019-05"')
    result = cli("validate", str(write_registry(late)))
    assert result.exit_code == 0  # a warning: the registry still loads
    assert "announced 2019-05 is after source 'web' was published (2019-04)" in result.stdout
    future = PARTIAL.replace(
        'announced = "2019-03"', 'announced = "2019-03"\neffective = 2019-06-30'
    )
    result = cli("validate", str(write_registry(future)))
    assert "give the source's wording of this future date in 'effective_stated'" in result.stdout
    stated = future.replace(
        "effective = 2019-06-30", 'effective = 2019-06-30\neffective_stated = "6月底"'
    )
    assert cli("validate", str(write_registry(stated))).stdout.strip().endswith("0 warning(s)")


def test_a_source_needs_a_title_or_a_title_of_our_own(cli, write_registry) -> None:
    untitled = WEB_SOURCE.replace('title = "库币暂停中国大陆用户注册"\n', "")
    result = cli("validate", str(write_registry(untitled)))
    assert result.exit_code == 2 and "missing required field 'title'" in result.stdout
    ours = WEB_SOURCE.replace('title = "库币暂停中国大陆用户注册"', 'title_ours = "KuCoin notice"')
    assert cli("validate", str(write_registry(ours))).exit_code == 0


def test_the_seed_reports_title_is_shown_as_ours(cli) -> None:
    text = cli("status", "huobi", "--details").stdout
    assert "[our title; the source has none]" in text
    zh = cli("--lang", "zh", "status", "huobi", "--details").stdout
    assert "9.24通知后多家平台宣布退出中国大陆市场（标题为本库所拟" in zh
    data = json.loads(cli("status", "huobi", "--json").stdout)
    seed = next(s for s in data["sources"] if s["id"] == "cls-2021-09-26")
    assert seed["title"] is None and seed["title_ours"]


def test_status_shows_each_measures_source_url(cli, write_registry) -> None:
    path = write_registry(PARTIAL)
    text = cli("--only", "--registry", str(path), "status", "kucoin", "--details").stdout
    assert "source: web: 「暂停中国大陆用户注册」\n      https://example.org/kucoin" in text
    sources = json.loads(cli("--only", "--registry", str(path), "sources", "--json").stdout)
    web = next(s for s in sources if s["id"] == "web")
    assert (web["url"], web["entities"], web["measures"]) == (
        "https://example.org/kucoin",
        ["kucoin"],
        1,
    )


# --------------------------------------------------------------------------------------------
# Later names


RENAMED = """
[[sources]]
id = "rename"
title = "Huobi rebrands as HTX"
publisher = "Example outlet"
published = 2023-09-13
language = "en"
url = "https://example.org/htx"

[[entities]]
id = "huobi"
name = "Huobi"
name_zh = "火币"
aliases = ["Huobi Global"]
kind = "exchange"

[[entities.later_names]]
name = "HTX"
since = 2023-09-13
source = "rename"
locator = { quote = "rebranded to HTX" }

[[entities.later_names]]
name = "火必"
since = "2022-11"
source = "rename"
locator = { quote = "火必" }

[[entities.measures]]
kind = "users_cleared"
scope = "existing users in mainland China"
announced = 2021-09-26
deadline = 2021-12-31
deadline_stated = "31 Dec 2021"
description = "Clears its mainland users."
source = "src"
locator = { paragraph = 1, quote = "clears" }

[[entities]]
id = "okex"
name = "OKEx"
kind = "exchange"

[[entities.later_names]]
name = "OKX"
since = "2022-01"
source = "rename"
locator = { quote = "OKX" }

[[entities.measures]]
kind = "statement"
scope = "users in China"
description = "No exchange business in China."
source = "src"
locator = { paragraph = 1, quote = "no business" }
"""


def test_status_htx_answers_huobi_and_says_htx_is_the_later_name(cli, write_registry) -> None:
    path = write_registry(RENAMED)
    result = cli("--only", "--registry", str(path), "status", "HTX", "--as-of", "2022-01-02")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Huobi (火币)"  # the name in use at the time, never HTX
    text = " ".join(result.stdout.split())
    assert "'HTX' (exact_later_name)" in text
    assert "'HTX' is a later name of this entity, in use since 2023-09-13 (source: rename)" in text
    assert "announced under the name Huobi (火币)" in text
    assert "later names HTX (since 2023-09-13, source rename), 火必 (since 2022-11" in text
    assert "Huobi Rebrands" not in text and "HTX (火币)" not in text


def test_later_names_in_json_and_every_other_answer(cli, write_registry) -> None:
    path = write_registry(RENAMED)
    data = json.loads(cli("--only", "--registry", str(path), "status", "okx", "--json").stdout)
    assert data["entity"]["name"] == "OKEx"
    assert data["match"]["method"] == "exact_later_name"
    assert data["match"]["later_name"] == {"name": "OKX", "since": "2022-01", "source": "rename"}
    assert data["entity"]["later_names"] == [data["match"]["later_name"]]
    assert "rename" in {s["id"] for s in data["sources"]}
    plain = json.loads(cli("--only", "--registry", str(path), "status", "okex", "--json").stdout)
    assert plain["match"]["later_name"] is None
    search = json.loads(cli("--only", "--registry", str(path), "search", "火必", "--json").stdout)
    assert search["later_name"]["since"] == "2022-11" and search["coverage"] is None
    rows = cli(
        "--only", "--registry", str(path), "screen", "-", "--format", "csv", input="HTX\nHuobi\n"
    )
    assert "HTX (since 2023-09-13)" in rows.stdout.splitlines()[1]
    assert ",Huobi,,100.0," in rows.stdout.splitlines()[2]  # no later name for the old name
    table = cli("--only", "--registry", str(path), "screen", "-", input="HTX\n").stdout
    assert "'HTX' is a later name of this entity, in use since 2023-09-13" in table


def test_later_name_answers_validate_against_the_schemas(cli, write_registry) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    path = write_registry(RENAMED)
    for schema, args in (
        ("status", ["status", "HTX"]),
        ("search", ["search", "OKX"]),
        ("list", ["list"]),
        ("screen", ["screen", "-"]),
    ):
        result = cli("--only", "--registry", str(path), *args, "--json", input="HTX\n")
        record = json.loads(result.stdout.splitlines()[0] if schema == "screen" else result.stdout)
        jsonschema.validate(record, json.loads(cli("schema", schema).stdout))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('aliases = ["Huobi Global"]', 'aliases = ["Huobi Global", "HTX"]'), "is also a name or alias"),
        (('source = "rename"\nlocator = { quote = "OKX" }', 'source = "gone"\nlocator = { quote = "OKX" }'), "cites unknown source 'gone'"),
        (('name = "OKX"', 'name = "Huobi Global"'), "collides with"),
        (("since = 2023-09-13", 'since = "Sep 2023"'), "field 'since' must be a date, or a month"),
        (('name = "OKX"\n', ""), "missing required field 'name' in later name"),
    ],
)  # fmt: skip
def test_bad_later_names_are_errors(cli, write_registry, change, message: str) -> None:
    old, new = change
    assert old in RENAMED
    result = cli("validate", str(write_registry(RENAMED.replace(old, new, 1))))
    assert result.exit_code == 2 and message in result.stdout, result.stdout


# --------------------------------------------------------------------------------------------
# fee_imposed, coverage


FEE = """
[[entities]]
id = "feeco"
name = "Fee Exchange"
kind = "exchange"

[[entities.measures]]
kind = "fee_imposed"
scope = "users in mainland China who left assets behind"
announced = 2021-09-26
effective = 2021-10-01
effective_stated = "10月1日起"
description = "A monthly fee on balances left behind."
source = "src"
locator = { paragraph = 1, quote = "fee" }
"""


def test_fee_imposed_restricts_once_in_effect(cli, write_registry) -> None:
    path = write_registry(FEE)

    def status(day: str) -> str:
        out = cli(
            "--only", "--registry", str(path), "status", "feeco", "--as-of", day, "--json"
        ).stdout
        return json.loads(out)["status"]

    assert status("2021-09-25") == "none"
    assert status("2021-09-30") == "restricting"
    assert status("2021-10-01") == "restricted"
    listed = cli("--only", "--registry", str(path), "list", "--measure", "fee_imposed", "--json")
    assert [r["id"] for r in json.loads(listed.stdout)] == ["feeco"]
    assert (
        "对遗留资产收费或强制转换"
        in cli("--only", "--registry", str(path), "--lang", "zh", "status", "feeco").stdout
    )
    assert "$ fee_imposed" in cli("--only", "--registry", str(path), "timeline").stdout


def test_every_empty_answer_states_the_coverage(cli) -> None:
    for args in (["status", "acmecoin"], ["search", "acmecoin"]):
        result = cli(*args)
        assert result.exit_code == 1
        text = " ".join((result.stdout + result.stderr).split())
        assert "The registry covers " in text and " entities and " in text
        assert "is not evidence that the platform did not act" in text
    data = json.loads(cli("status", "acmecoin", "--json").stdout)
    assert set(data["coverage"]) == {
        "entities",
        "measures",
        "sources",
        "oldest_measure",
        "newest_measure",
        "note",
    }
    screened = cli("screen", "-", input="acmecoin\n")
    assert "is not evidence that the platform did not act" in " ".join(screened.stderr.split())
    info = " ".join(cli("info").stdout.split())
    assert "is not evidence that the platform did not act" in info
    zh = "".join(cli("--lang", "zh", "status", "acmecoin").stderr.split())  # wrapped at 80
    assert "并不说明该平台没有采取行动" in zh


def test_a_later_domain_matches_urls(cli, write_registry) -> None:
    path = write_registry(RENAMED.replace('name = "HTX"', 'name = "htx.com"'))
    text = " ".join(
        cli("--only", "--registry", str(path), "status", "https://www.htx.com/").stdout.split()
    )
    assert text.startswith("Huobi (火币)")
    assert "'htx.com' is a later name of this entity, in use since 2023-09-13" in text


def test_data_is_never_read_as_a_sentence_template() -> None:
    from exitcheck.render.notes import later_name_text

    later = {"name": "OKX {since} {source}", "since": "2022-01", "source": "x\x1b[31m"}
    assert later_name_text(later) == (
        "'OKX {since} {source}' is a later name of this entity, in use since 2022-01 (source: x\\x1b[31m)"
    )


def test_csv_and_markdown_say_when_the_match_was_a_later_name(cli, write_registry) -> None:
    path = write_registry(RENAMED)
    csv_out = cli("--only", "--registry", str(path), "status", "HTX", "--format", "csv").stdout
    header, first = csv_out.splitlines()[:2]
    assert "later_name" in header.split(",") and ",HTX (since 2023-09-13)," in first
    markdown = cli(
        "--only", "--registry", str(path), "status", "HTX", "--format", "markdown"
    ).stdout
    assert "'HTX' is a later name of this entity, in use since 2023-09-13" in markdown


DISAGREE = """
[[sources]]
id = "outlet-a"
title = "A"
publisher = "Outlet A"
published = 2021-10-05
language = "en"
url = "https://example.org/a"

[[sources]]
id = "outlet-b"
title = "B"
publisher = "Outlet B"
published = 2021-10-04
language = "zh"
url = "https://example.org/b"

[[entities]]
id = "kucoin"
name = "KuCoin"
kind = "exchange"

[[entities.measures]]
kind = "users_cleared"
scope = "users in mainland China"
announced = 2021-10-03
deadline = 2022-01-01T00:00:00+00:00
deadline_stated = "24:00 UTC on 31 Dec"
description = "Clears mainland users by the end of 2021 (UTC)."
source = "outlet-a"
locator = { quote = "24:00 UTC" }
notes = "Outlet B gives 24:00 UTC+8."

[[entities.measures]]
kind = "users_cleared"
scope = "users in mainland China"
announced = 2021-10-03
deadline = 2022-01-01T00:00:00+08:00
deadline_stated = "12月31日24:00(UTC+8)"
description = "Clears mainland users by the end of 2021 (Beijing time)."
source = "outlet-b"
locator = { quote = "24:00(UTC+8)" }
notes = "Outlet A gives 24:00 UTC."
"""


def test_disagreeing_sources_are_both_shown_earliest_first(cli, write_registry) -> None:
    path = write_registry(DISAGREE)
    data = json.loads(cli("--only", "--registry", str(path), "status", "kucoin", "--json").stdout)
    assert data["disagreements"] == [
        {
            "kind": "users_cleared",
            "scope": "users in mainland China",
            "values": [
                {"source": "outlet-b", "moment": "2022-01-01T00:00:00+08:00"},
                {"source": "outlet-a", "moment": "2022-01-01T00:00:00+00:00"},
            ],
        }
    ]
    text = " ".join(cli("--only", "--registry", str(path), "status", "kucoin").stdout.split())
    assert (
        "note: sources disagree on when users_cleared (users in mainland China) takes effect:"
        " 2022-01-01T00:00:00+08:00 (outlet-b), 2022-01-01T00:00:00+00:00 (outlet-a);"
        " the status counts the earliest"
    ) in text
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, json.loads(cli("schema", "status").stdout))
    single = json.loads(cli("status", "huobi", "--json").stdout)
    assert single["disagreements"] == []
