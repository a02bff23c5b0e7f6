"""Screening never answers 'none' for a row it did not read: encodings, CSV shape, long cells."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import entry_point


def ndjson(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


NAMES = "火币\n幣安\nkucoinx\n星火矿池\n"


@pytest.mark.parametrize(
    ("codec", "option"),
    [
        ("gb18030", ["--encoding", "gb18030"]),
        ("gbk", ["--encoding", "gbk"]),
        ("big5", ["--encoding", "big5"]),
        ("utf-16", []),  # a BOM says it all
        ("utf-8-sig", []),
    ],
)
def test_other_encodings_are_read_when_named_or_marked(cli, tmp_path: Path, codec, option) -> None:
    text = NAMES if codec != "big5" else "火幣\n幣安\n"
    path = tmp_path / "names.txt"
    path.write_bytes(text.encode(codec))
    result = cli("screen", str(path), "--json", *option)
    assert result.exit_code == 0, result.stderr
    rows = ndjson(result.stdout)
    assert [r["input"] for r in rows] == text.splitlines()
    assert rows[0]["entity_id"] == "huobi" and rows[1]["entity_id"] == "binance"


def test_undecodable_input_is_refused_with_its_line_and_a_hint(cli, tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes(b"Huobi\nOKEx\n" + "火币\n".encode("gb18030"))
    result = cli("screen", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "line 3 is not valid utf-8" in result.stderr
    assert "--encoding gb18030" in result.stderr


def test_replacement_characters_are_never_screened(cli) -> None:
    result = cli("screen", "-", input="Huobi\n\ufffd\ufffd\n")  # half the lines: refused
    assert result.exit_code == 2
    assert "line 2 holds U+FFFD" in result.stderr
    assert result.stdout == ""


def test_unknown_encoding_is_a_usage_error(cli, tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("Huobi\n")
    result = cli("screen", str(path), "--encoding", "klingon")
    assert result.exit_code == 2
    assert "unknown encoding 'klingon'" in result.stderr


def test_a_csv_screened_as_lines_is_refused_naming_its_columns(cli) -> None:
    body = "name,country\nHuobi Global,SC\nOKEx,MT\n"
    result = cli("screen", "-", input=body)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "columns name, country" in result.stderr and "--column NAME" in result.stderr
    plain = cli("screen", "-", "--plain", "--json", input=body)
    assert plain.exit_code == 0 and len(ndjson(plain.stdout)) == 3


def test_names_with_commas_are_still_a_plain_list(cli) -> None:
    body = "Acme, Inc.\nHuobi Global Limited, Seychelles\nHuobi, Kenya\n"
    result = cli("screen", "-", "--json", input=body)
    assert result.exit_code == 0, result.stderr
    rows = ndjson(result.stdout)
    assert [r["decision"] for r in rows] == ["none", "match", "ambiguous"]


def test_a_stray_quote_is_malformed_csv_with_its_line(cli) -> None:
    body = 'name,country\n"ACME Ltd,GB\nHuobi,SC\nOKEx,MT\n'
    result = cli("screen", "-", "--column", "name", input=body)
    assert result.exit_code == 2
    assert result.stdout.count("\n") <= 1  # at most the table's head: no row was answered
    assert "malformed CSV at line 2" in result.stderr
    as_json = cli("screen", "-", "--column", "name", "--json", input=body)
    assert as_json.exit_code == 2
    assert json.loads(as_json.stdout)["error"]["message"].startswith("malformed CSV at line 2")


def test_a_quoted_field_over_several_lines_is_read(cli) -> None:
    body = 'name,country\n"ACME\nLtd",GB\nHuobi,SC\n'
    result = cli("screen", "-", "--column", "name", "--json", input=body)
    assert result.exit_code == 0, result.stderr
    rows = ndjson(result.stdout)
    assert [(r["row"], r["input"], r["decision"]) for r in rows] == [
        (1, "ACME\nLtd", "none"),
        (2, "Huobi", "match"),
    ]


def test_a_cell_over_the_csv_field_limit_is_answered_unreadable(cli) -> None:
    body = "name\n" + "x" * 200_000 + "\nHuobi\n"
    result = cli("screen", "-", "--column", "name", "--json", input=body)
    assert result.exit_code == 5, result.stderr
    rows = ndjson(result.stdout)
    assert [r["decision"] for r in rows] == ["unreadable", "match"]
    assert "read 2 row(s), answered 2:" in result.stderr


def test_csv_in_csv_out_keeps_every_input_column(cli) -> None:
    body = "id,name,status\n7,Huobi Global,active\n8,ACME Ltd,active\n"
    result = cli("screen", "-", "--column", "name", "--format", "csv", input=body)
    assert result.exit_code == 0, result.stderr
    header, first, second = result.stdout.splitlines()
    assert header.startswith("id,name,status,row,input,decision,entity_id,")
    assert ",exitcheck_status," in header  # the input already has a 'status' column
    assert first.startswith("7,Huobi Global,active,1,Huobi Global,match,huobi,")
    assert second.startswith("8,ACME Ltd,active,2,ACME Ltd,none,,")
    rows = ndjson(cli("screen", "-", "--column", "name", "--json", input=body).stdout)
    assert rows[0]["columns"] == {"id": "7", "name": "Huobi Global", "status": "active"}


def test_summary_states_rows_read_and_answered(tmp_path: Path) -> None:
    summary = tmp_path / "s.json"
    done = subprocess.run(
        [*entry_point(), "screen", "-", "--summary", str(summary), "--json"],
        input="Huobi\n\nOKEx\nnobody\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(summary.read_text())
    assert (data["read"], data["rows"], data["match"], data["none"], data["empty"]) == (
        4,
        4,
        2,
        1,
        1,
    )


def test_a_name_starting_with_a_dash_is_a_name() -> None:
    done = subprocess.run(
        [*entry_point(), "status", "- Huobi", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["entity"]["id"] == "huobi"
