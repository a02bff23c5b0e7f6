"""The CLI in-process through Typer's CliRunner: exit codes, streams and exact output."""

from __future__ import annotations

import json

import pytest

from exitcheck import __version__
from exitcheck.cli import run
from exitcheck.render import MODULES, Format
from exitcheck.store import load, shipped_registry


def test_status_huobi_table(cli) -> None:
    result = cli("status", "huobi", "--as-of", "2021-10-01", "--details")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Huobi (火币)\n")
    assert "status exiting as of 2021-10-01" in " ".join(out.split())
    assert "registration_stopped" in out and "users_cleared" in out
    assert "deadline 2022-01-01T00:00:00+08:00 (stated: 24:00 (UTC+8) on Dec 31, 2021)" in out
    assert "source: cls-2021-09-26, paragraph 10" in out
    assert "Registry: exitcheck-core" in out
    assert result.stderr == ""


def test_status_chinese_name(cli_json) -> None:
    code, data = cli_json("status", "火币", "--json", "--as-of", "2022-01-01")
    assert code == 0
    assert data["entity"]["id"] == "huobi"
    assert data["status"] == "exited"
    assert data["match"]["method"] == "exact_name"
    assert data["match"]["matched"] == "火币"


def test_status_json_shape(cli_json) -> None:
    code, data = cli_json("status", "bione", "--json", "--as-of", "2021-09-29")
    assert code == 0
    assert set(data) >= {"entity", "status", "as_of", "measures", "match", "sources", "provenance"}
    assert set(data["entity"]) >= {"id", "name", "name_zh", "aliases", "kind"}
    assert data["status"] == "closing" and data["as_of"] == "2021-09-29"
    (m,) = data["measures"]
    assert m["kind"] == "closed"
    assert m["effective"] == "2021-09-30T00:00:00+08:00"
    assert m["effective_stated"] == "2021年9月29日24:00(UTC+8)"
    assert m["deadline"] == "2021-09-29"
    assert m["source"] == "cls-2021-09-26"
    assert m["locator"] == {"paragraph": 36, "quote": "永久停机维护"}
    assert data["sources"][0]["published"] == "2021-09-26"
    assert data["provenance"]["exitcheck_version"] == __version__
    assert len(data["provenance"]["registries"][0]["sha256"]) == 64


def test_status_as_of_flips_closing_to_closed(cli_json) -> None:
    # the seed report says 23 Oct, BHEX's own schedule (PANews) 16 Oct: the earlier counts
    assert cli_json("status", "bhex", "--json", "--as-of", "2021-10-15")[1]["status"] == "closing"
    assert cli_json("status", "bhex", "--json", "--as-of", "2021-10-16")[1]["status"] == "closed"


def test_status_fuzzy_says_what_matched(cli) -> None:
    result = cli("status", "houbi")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert "matched 'Huobi' (fuzzy, score 80.0, query normalised to 'houbi')" in flat


def test_no_confident_match_exits_1_with_candidates_on_stderr(cli) -> None:
    result = cli("status", "coinbase")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("exitcheck: no confident match for 'coinbase'")
    assert "closest candidates:" in result.stderr


def test_no_confident_match_json_has_candidates(cli) -> None:
    result = cli("status", "coinbase", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["entity"] is None
    assert data["match"]["decision"] == "none"
    assert data["match"]["candidates"], "candidates are listed"


def test_list_after_json(cli) -> None:
    result = cli("list", "--after", "2021-09-24", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    ids = [e["id"] for e in data]
    assert "huobi" in ids and "beijing-lekuda" not in ids  # 2021-06-24 is before
    for entity in data:
        assert entity["measures"]
        # a month given as a period ('2021-09') is listed when it overlaps the bound
        assert all(m["announced"][:7] >= "2021-09" for m in entity["measures"])
        assert all(
            len(m["announced"]) == 7 or m["announced"] >= "2021-09-24" for m in entity["measures"]
        )
    firsts = [e["measures"][0]["announced"] for e in data]
    assert firsts == sorted(firsts)


def test_list_before_is_inclusive_and_by_effective(cli_json) -> None:
    _, data = cli_json("list", "--before", "2021-09-24", "--after", "2021-09-24", "--json")
    assert {"bione", "futu", "nbminer", "sparkpool"} <= {e["id"] for e in data}
    for entity in data:
        assert all(m["announced"] in ("2021-09-24", "2021-09", "2021") for m in entity["measures"])
    _, data = cli_json("list", "--by", "effective", "--after", "2021-10-01", "--json")
    pairs = {(e["id"], m["kind"]) for e in data for m in e["measures"]}
    assert {("bhex", "closed"), ("futu", "product_restricted"), ("huobi", "users_cleared")} <= pairs
    assert ("bione", "closed") not in pairs  # 30 Sep 2021 is before the bound


def test_list_filters_by_kind_and_measure(cli_json) -> None:
    _, data = cli_json("list", "--kind", "domestic_company", "--json")
    ids = [e["id"] for e in data]
    assert {"beijing-lekuda", "beijing-huobi-tianxia", "btcchina"} <= set(ids)
    assert all(e["kind"] == "domestic_company" for e in data)
    _, data = cli_json("list", "--measure", "closed", "--json")
    assert {"bione", "bhex", "jex", "sparkpool"} <= {e["id"] for e in data}
    assert all(m["kind"] == "closed" for e in data for m in e["measures"])


def test_list_empty_result_is_an_empty_array(cli) -> None:
    result = cli("list", "--after", "2030-01-01", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--after", "2021-13-45"],
        ["list", "--after", "yesterday"],
        ["list", "--after", "2021-10-01", "--before", "2021-09-01"],
        ["list", "--kind", "casino"],
        ["list", "--measure", "banned"],
        ["list", "--by", "whenever"],
        ["status", "huobi", "--as-of", "2021-02-30"],
        ["status", ""],
        ["status", "   "],
        ["status", "x" * 200_000],
        ["status", "\x00\x01"],
    ],
)
def test_bad_input_is_exit_2_with_one_line(cli, args) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("exitcheck: ")
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    json_result = cli(*args, "--json")
    assert json_result.exit_code == 2
    assert json.loads(json_result.stdout)["error"]["kind"] == "usage"


@pytest.mark.parametrize(
    "args", [["bogus"], ["status"], ["list", "--nope"], ["status", "huobi", "--format", "yaml"]]
)
def test_usage_errors_from_the_parser(args, capsys) -> None:
    assert run(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    assert run([*args, "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["kind"] == "usage"


def test_version(capsys) -> None:
    assert run(["--version"]) == 0
    assert capsys.readouterr().out == f"exitcheck {__version__}\n"


def test_every_format_has_a_renderer(cli) -> None:
    assert set(MODULES) == set(Format)
    for fmt in set(Format) - {Format.xlsx}:  # a workbook needs -o: test_spreadsheet.py
        for args in (
            ["status", "huobi"],
            ["list"],
            ["search", "huobi"],
            ["screen", "-"],
            ["sources"],
            ["regulations"],
        ):
            result = cli(*args, "--format", fmt.value, input="huobi\nkucoin\n")
            assert result.exit_code == 0, (fmt, args, result.stderr)
            assert result.stdout.strip()
            if args[0] in ("status", "screen"):
                assert "huobi" in result.stdout.lower()


def test_csv_has_one_row_per_measure_with_chinese_intact(cli) -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(cli("list", "--format", "csv").stdout)))
    info = json.loads(cli("info", "--json").stdout)
    bare = sum(1 for e in load([shipped_registry()], use_cache=False).entities if not e.measures)
    assert len(rows) == info["measures"] + bare  # one row per measure, and one per entity with none
    huobi = [r for r in rows if r["entity_id"] == "huobi"]
    assert {r["entity_name_zh"] for r in huobi} == {"火币"}
    assert {"registration_stopped", "users_cleared"} <= {r["measure_kind"] for r in huobi}


def test_ndjson_list_is_one_entity_per_line(cli) -> None:
    lines = cli("list", "--format", "ndjson").stdout.splitlines()
    assert len(lines) == json.loads(cli("info", "--json").stdout)["entities"]
    assert {json.loads(line)["id"] for line in lines} >= {"huobi", "okcoin"}


def test_search_explains_its_ranking(cli_json) -> None:
    code, data = cli_json("search", "huobi global", "--json", "--limit", "3")
    assert code == 0
    assert data["decision"] == "match" and data["normalized"] == "huobiglobal"
    assert data["ranked"][0]["id"] == "huobi" and data["ranked"][0]["matched"] == "Huobi Global"
    assert len(data["ranked"]) == 3


def test_search_without_match_exits_1(cli_json) -> None:
    code, data = cli_json("search", "okcoxx", "--json")  # two edits from OKCoin: too far
    assert code == 1
    assert data["decision"] == "none"
    assert "okcoin" in [r["id"] for r in data["ranked"][:3]]  # close, not close enough to be sure


def test_info(cli_json) -> None:
    from exitcheck.store.loading import load, shipped_registry

    code, data = cli_json("info", "--json")
    assert code == 0
    shipped = load([shipped_registry()], use_cache=False)
    measures = [m for e in shipped.entities for m in e.measures]
    assert (data["entities"], data["measures"], data["sources"], data["regulations"]) == (
        len(shipped.entities),
        len(measures),
        len(shipped.sources),
        6,
    )
    assert data["entities"] >= 40 and data["measures"] >= 100
    assert data["oldest_measure"] <= "2021-05-23"  # the May 2021 steps
    assert data["newest_measure"] >= "2021-12-24"
    assert data["registries"][0]["version"] == "2026.12.07"
