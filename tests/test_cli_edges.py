"""CLI edges the other tests leave open: interrupts, screen's error lines, exit 3 on an
ambiguous row, plain-text info, and over-long names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exitcheck import cli as cli_module
from exitcheck.cli import run
from exitcheck.errors import EXIT_INTERNAL, EXIT_USAGE
from exitcheck.matching import MAX_QUERY_CHARS

AMBIGUOUS = (
    '[[entities]]\nid = "alphaswap"\nname = "Alphaswapx"\nkind = "exchange"\n'
    '[[entities]]\nid = "alphaswop"\nname = "Alphaswopx"\nkind = "exchange"\n'
)


def _interrupt(*_args: object, **_kwargs: object) -> None:
    raise KeyboardInterrupt


def test_interrupt_inside_a_command_exits_130(monkeypatch, capsys) -> None:
    monkeypatch.setattr("exitcheck.cli.runner.load_registry", _interrupt)
    assert run(["status", "huobi"]) == 130
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err and "internal error" not in err


def test_interrupt_anywhere_in_the_entry_point_exits_130(monkeypatch, capsys) -> None:
    monkeypatch.setattr(cli_module, "run", _interrupt)
    monkeypatch.setattr("sys.argv", ["exitcheck", "info"])
    with pytest.raises(SystemExit) as exited:
        cli_module.main()
    assert exited.value.code == 130
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["screen", "/no/such/file", "--json"],
        ["screen", "IN", "--column", "name", "--json"],  # the header lacks the column
        ["screen", "IN", "--as-of", "2021-02-30", "--json"],
        ["screen", "IN", "--threshold", "300", "--json"],  # refused by the parser
        ["screen", "IN", "--nope", "--json"],  # refused by the parser
        ["screen", "IN", "--format", "ndjson", "--as-of", "yesterday"],
        ["screen", "IN", "--format=ndjson", "--as-of", "yesterday"],
        ["screen", "IN", "--format", "ndjson", "--limit", "3"],  # refused by the parser
    ],
)
def test_screen_usage_errors_are_one_ndjson_line(args: list[str], tmp_path: Path, capsys) -> None:
    (tmp_path / "in.csv").write_text("id,nom\n1,huobi\n", encoding="utf-8")
    argv = [str(tmp_path / "in.csv") if a == "IN" else a for a in args]
    assert run(argv) == 2
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 1, out  # NDJSON: one line, never indented JSON
    assert json.loads(lines[0])["error"]["kind"] == "usage"
    assert err.startswith("exitcheck: ") and err.count("\n") == 1, err


def test_other_commands_indent_their_json_errors(cli) -> None:
    result = cli("status", "huobi", "--as-of", "yesterday", "--json")
    assert result.exit_code == 2 and result.stdout.startswith('{\n  "error"')


def test_fail_on_match_exits_3_on_an_ambiguous_row(cli, write_registry) -> None:
    path = write_registry(AMBIGUOUS)
    base = ("--registry", str(path), "screen", "-", "--json")
    result = cli(*base, "--fail-on-match", input="nothing like it\nalphaswupx\n")
    assert result.exit_code == 3, result.stderr
    assert [json.loads(x)["decision"] for x in result.stdout.splitlines()] == ["none", "ambiguous"]
    assert cli(*base, input="alphaswupx\n").exit_code == 0  # only with --fail-on-match
    assert cli(*base, "--fail-on-match", input="nothing like it\n").exit_code == 0
    assert cli(*base, "--fail-on-match", input="alphaswapx\n").exit_code == 3  # a match


def test_info_as_plain_text(cli, shipped: Path) -> None:
    result = cli("info")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("exitcheck ")
    assert lines[1] == "registry exitcheck-core 2026.12.07 (reviewed 2026-12-07)"
    assert lines[2] == f"  path    {shipped}"
    assert lines[3].startswith("  sha256  ") and len(lines[3].split()[1]) == 64
    assert lines[4:6] == [
        "82 entities, 221 measures, 166 source(s), 6 regulations",
        "measures announced from 2014-01-07 to 2026-06-02",
    ]


def test_names_over_the_limit_are_refused_by_status_and_unreadable_in_screen(cli) -> None:
    long = "huobi" + " " * (MAX_QUERY_CHARS - 4)  # 201 characters that would match Huobi
    assert len(long) == MAX_QUERY_CHARS + 1
    result = cli("status", long)
    assert result.exit_code == 2 and "200" in result.stderr
    # not read, so never a silent none: the row is unreadable, the others keep their answers
    screened = cli("screen", "-", "--json", input=long + "\nhuobi\n")
    rows = [json.loads(line) for line in screened.stdout.splitlines()]
    assert [(r["decision"], r["entity_id"]) for r in rows] == [
        ("unreadable", None),
        ("match", "huobi"),
    ]
    assert rows[0]["reason"] == "longer than 200 characters"
    assert screened.exit_code == 5
    at_limit = "huobi" + " " * (MAX_QUERY_CHARS - 5)
    assert cli("status", at_limit).exit_code == 0
    row = json.loads(cli("screen", "-", "--json", input=at_limit + "\n").stdout)
    assert (row["decision"], row["entity_id"]) == ("match", "huobi")


def test_the_documented_limit_is_200() -> None:
    assert MAX_QUERY_CHARS == 200


def test_csv_column_found_despite_spaces_and_a_byte_order_mark(cli) -> None:
    text = "\ufeffname , id\nhuobi,1\n"
    rows = cli("screen", "-", "--column", "name", "--json", input=text).stdout.splitlines()
    assert [json.loads(r)["entity_id"] for r in rows] == ["huobi"]
    text = "id, name\n1,binance\n2\n3,\n4,huobi\n"  # the last column; rows short of it: empty
    rows = cli("screen", "-", "--column", "name", "--json", input=text).stdout.splitlines()
    assert [
        (json.loads(r)["row"], json.loads(r)["decision"], json.loads(r)["entity_id"]) for r in rows
    ] == [(1, "match", "binance"), (2, "empty", None), (3, "empty", None), (4, "match", "huobi")]


def test_dates_may_carry_surrounding_spaces(cli) -> None:
    result = cli("status", "bione", "--as-of", " 2021-09-30 ", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["as_of"] == "2021-09-30"


@pytest.mark.parametrize(("day", "status"), [("2021-09-25", "none"), ("2021-09-26", "statement")])
def test_screen_counts_undated_measures_from_the_sources_date(
    cli, write_registry, day: str, status: str
) -> None:
    path = write_registry(  # an undated statement; its source is of 26 Sep 2021
        """
        [[entities]]
        id = "okex"
        name = "OKEx"
        kind = "exchange"

        [[entities.measures]]
        kind = "statement"
        scope = "users in mainland China"
        description = "No exchange business in China."
        source = "src"
        locator = { quote = "no exchange business" }
        """
    )
    args = ("--registry", str(path), "--only", "screen", "-", "--json", "--as-of", day)
    row = json.loads(cli(*args, input="okex\n").stdout)
    assert (row["entity_id"], row["status"]) == ("okex", status)


def test_screen_refuses_invalid_utf8_naming_the_line(cli) -> None:
    result = cli("screen", "-", "--json", input=b"huobi\n\xff\xfebad\n")
    assert result.exit_code == 2
    (line,) = result.stdout.splitlines()
    assert "line 2 is not valid utf-8" in json.loads(line)["error"]["message"]


def test_screen_refuses_a_directory_by_name(cli, tmp_path: Path) -> None:
    result = cli("screen", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"exitcheck: {tmp_path}: is a directory\n"


def test_a_byte_order_mark_outranks_the_encoding_asked_for(cli, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffname\n火币\n".encode("utf-8"))  # UTF-8 with its BOM
    result = cli("screen", str(path), "--column", "name", "--encoding", "gb18030", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["entity_id"] == "huobi"


def test_a_byte_order_mark_in_another_encoding_is_dropped(cli, tmp_path: Path) -> None:
    path = tmp_path / "gb.csv"
    path.write_bytes("\ufeffname\n火币\n".encode("gb18030"))  # gb18030 has no BOM of its own
    result = cli("screen", str(path), "--column", "name", "--encoding", "gb18030", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["entity_id"] == "huobi"


def _bug(*_args: object, **_kwargs: object) -> None:
    raise ZeroDivisionError("a bug")


@pytest.mark.parametrize(
    ("target", "args"),
    [
        ("exitcheck.api.lookup", ["status", "huobi"]),
        ("exitcheck.answers.report.list_records", ["list"]),
        ("exitcheck.answers.registry_records.info_record", ["info"]),
    ],
)
def test_an_internal_error_exits_70_with_one_line(cli, monkeypatch, target: str, args) -> None:
    monkeypatch.setattr(target, _bug)
    result = cli(*args)
    assert result.exit_code == 70 != EXIT_USAGE
    assert result.exit_code == EXIT_INTERNAL
    assert result.stdout == ""
    assert (
        result.stderr == "exitcheck: internal error (ZeroDivisionError: a bug); please report it\n"
    )


@pytest.mark.parametrize("args", [["status", "huobi", "--json"], ["info", "--json"]])
def test_an_internal_error_with_json_is_an_error_object(cli, monkeypatch, args) -> None:
    monkeypatch.setattr("exitcheck.answers.report.status_record", _bug)
    monkeypatch.setattr("exitcheck.answers.registry_records.info_record", _bug)
    result = cli(*args)
    assert result.exit_code == EXIT_INTERNAL
    assert json.loads(result.stdout)["error"]["kind"] == "internal"
    assert "ZeroDivisionError" in json.loads(result.stdout)["error"]["message"]
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_an_internal_error_through_the_entry_point_exits_70(monkeypatch, capsys) -> None:
    monkeypatch.setattr("exitcheck.api.lookup", _bug)
    assert run(["status", "huobi", "--json"]) == EXIT_INTERNAL
    out, err = capsys.readouterr()
    assert json.loads(out)["error"]["kind"] == "internal"
    assert err.count("\n") == 1 and "Traceback" not in err
