"""Output stays data in every format, whatever the registry or the input holds (issue 13)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exitcheck.matching import compact_key
from exitcheck.render.safe import FORMULA_TRIGGERS

from .conftest import entry_point
from .registries import MINIMAL_HEADER, toml_string

CONTROLS = "\x00\x07\x1b\r\x7f\x9b\u202e\u2028"


def registry_with(tmp_path: Path, **fields: str) -> Path:
    values = {
        "name": "Acme Exchange",
        "alias": "ACX",
        "scope": "users in mainland China",
        "description": "Closes.",
        "notes": "A note.",
        "quote": "closes",
    } | fields
    body = f"""
[[entities]]
id = "acme"
name = {toml_string(values["name"])}
aliases = [{toml_string(values["alias"])}]
kind = "exchange"
notes = {toml_string(values["notes"])}

[[entities.measures]]
kind = "closed"
scope = {toml_string(values["scope"])}
announced = 2021-09-25
effective = 2021-10-23
description = {toml_string(values["description"])}
source = "src"
locator = {{ paragraph = 1, quote = {toml_string(values["quote"])} }}
"""
    path = tmp_path / "registry.toml"
    path.write_text(MINIMAL_HEADER + body, encoding="utf-8")
    return path


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def markdown_table(text: str) -> tuple[list[list[str]], list[str]]:
    """The table cells as CommonMark + tables renders them, and the kinds of inline tokens."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    rows: list[list[str]] = []
    kinds: list[str] = []
    in_row = False
    for token in tokens:
        kinds.append(token.type)
        if token.type in ("tr_open", "tr_close"):
            in_row = token.type == "tr_open"
            rows += [[]] if in_row else []
        if token.type == "inline" and in_row:
            rows[-1].append("".join(c.content for c in token.children or []))
            kinds += [c.type for c in token.children or []]
    return rows, kinds


# --------------------------------------------------------------------------------------------
# CSV


@pytest.mark.parametrize("value", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1"])
def test_csv_formula_cells_are_neutralised(cli, tmp_path: Path, value: str) -> None:
    path = registry_with(tmp_path, description=value, scope=value)
    result = cli("--only", "--registry", str(path), "list", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    (row,) = csv_rows(result.stdout)
    assert row["description"].startswith("'") and row["scope"].startswith("'")


def test_csv_numbers_are_not_prefixed(cli, tmp_path: Path) -> None:
    result = cli(
        "--only", "--registry", str(registry_with(tmp_path)), "status", "acme", "-f", "csv"
    )
    (row,) = csv_rows(result.stdout)
    assert row["paragraph"] == "1" and row["score"] == "100.0"


def test_csv_screen_echoes_input_neutralised(cli) -> None:
    names = '=HYPERLINK("http://x","y")\n-huobi\n@cmd\nhuobi\n'
    result = cli("screen", "-", "--format", "csv", input=names)
    assert result.exit_code == 0, result.stderr
    inputs = [r["input"] for r in csv_rows(result.stdout)]
    assert inputs == ['\'=HYPERLINK("http://x","y")', "'-huobi", "'@cmd", "huobi"]


def test_csv_escapes_controls_and_keeps_rows_whole(cli, tmp_path: Path) -> None:
    hostile = "a\rb \x1b]8;;https://x\x07link\x1b]8;;\x07 \x00 \x1b[2J end"
    path = registry_with(tmp_path, description=hostile, notes="x\ry")
    for args in (["list"], ["status", "acme"], ["search", "acme"], ["sources"]):
        result = cli("--only", "--registry", str(path), *args, "--format", "csv")
        assert result.exit_code == 0, result.stderr
        assert not set(result.stdout) & set(CONTROLS), args
        rows = csv_rows(result.stdout)
        assert len(rows) == 1 if args[0] != "search" else len(rows) >= 1
    row = csv_rows(cli("--only", "--registry", str(path), "list", "-f", "csv").stdout)[0]
    assert (
        row["description"] == "a\\x0db \\x1b]8;;https://x\\x07link\\x1b]8;;\\x07 \\x00 \\x1b[2J end"
    )


# --------------------------------------------------------------------------------------------
# Markdown


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "![x](http://x/y.png)",
        "<http://evil.example>",
        "&lt;b&gt; &amp;",
        "a | b \\| c \\",
        "*em* _u_ `code` ~~s~~",
    ],
)
def test_markdown_renders_data_as_text(cli, tmp_path: Path, value: str) -> None:
    path = registry_with(tmp_path, description=value)
    result = cli("--only", "--registry", str(path), "list", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    rows, kinds = markdown_table(result.stdout)
    assert not {"html_inline", "html_block", "link_open", "image", "em_open", "code_inline"} & set(
        kinds
    )
    header, *body = rows
    assert body[0][header.index("description")] == value


# --------------------------------------------------------------------------------------------
# JSON: always valid UTF-8, whatever bytes the arguments hold


@pytest.mark.parametrize("fmt", ["--json", "--format=ndjson"])
def test_invalid_argument_bytes_never_reach_stdout_raw(fmt: str) -> None:
    for command in (["status", b"zz\xffqq"], ["search", b"zz\xc3(\xffq"]):
        done = subprocess.run(
            [*(os.fsencode(a) for a in entry_point()), *(os.fsencode(a) for a in command[:1]),
             command[1], fmt.encode()],
            capture_output=True, check=False, timeout=60,
        )  # fmt: skip
        assert done.returncode in (0, 1), done.stderr
        record = json.loads(done.stdout.decode("utf-8"))  # strict UTF-8
        query = record["match"]["query"] if "match" in record else record["query"]
        assert "\ufffd" not in query and "\udcff" in query  # the byte is shown, as an escape
        done = subprocess.run(
            [*(os.fsencode(a) for a in entry_point()), command[0].encode(), command[1]],
            capture_output=True, check=False, timeout=60,
        )  # fmt: skip
        (done.stdout + done.stderr).decode("utf-8")  # table output too


# --------------------------------------------------------------------------------------------
# Property: random text in every field, every format parsed back


safe_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30
).filter(lambda t: t.strip() and "\x00" not in t)
special = st.sampled_from(
    [*FORMULA_TRIGGERS, "<", ">", "&", "|", "\\", "[", "]", "`", "*", "_", "\r", "\x1b", "\u202e"]
)
hostile_text = st.builds(lambda a, b, c: a + b + c, special | st.just(""), safe_text, special)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=hostile_text,
    alias=hostile_text,
    scope=hostile_text,
    description=hostile_text,
    notes=hostile_text,
    quote=hostile_text.filter(lambda t: len(t) <= 40),
)
def test_every_format_parses_back(
    cli, tmp_path_factory, name, alias, scope, description, notes, quote
) -> None:
    assume(compact_key(name) and compact_key(alias) and compact_key(name) != compact_key(alias))
    folder = tmp_path_factory.mktemp("fmt")
    path = registry_with(
        folder,
        name=name,
        alias=alias,
        scope=scope,
        description=description,
        notes=notes,
        quote=quote,
    )
    base = ["--no-cache", "--only", "--registry", str(path)]
    listed = cli(*base, "list", "--json")
    assume(listed.exit_code == 0)  # e.g. a name that normalises onto a generic word
    (entity,) = json.loads(listed.stdout)
    assert entity["name"] == name and entity["aliases"] == [alias] and entity["notes"] == notes
    measure = entity["measures"][0]
    assert (measure["scope"], measure["description"], measure["locator"]["quote"]) == (
        scope,
        description,
        quote,
    )

    out = cli(*base, "list", "--format", "csv").stdout
    assert not set(out) & set(CONTROLS)
    (row,) = csv_rows(out)
    for column, value in (("entity_name", name), ("scope", scope), ("description", description)):
        cell = row[column]
        assert not cell.startswith(FORMULA_TRIGGERS)
        if value.isprintable():
            assert cell in (value, "'" + value)

    out = cli(*base, "list", "--format", "markdown").stdout
    rows, kinds = markdown_table(out)
    assert not {"html_inline", "html_block", "link_open", "image"} & set(kinds)
    header, *body = rows
    assert len(body) == 1 and len(body[0]) == len(header)
    for column, value in (("entity_name", name), ("scope", scope), ("description", description)):
        if value.isprintable():
            assert body[0][header.index(column)] == value.strip(" ")

    svg = folder / "t.svg"
    assert cli(*base, "timeline", "--svg", str(svg)).exit_code == 0
    ET.parse(svg)  # well-formed XML
    assert not set(svg.read_text(encoding="utf-8")) & set(CONTROLS)

    for fmt in ("table", "markdown"):
        result = cli(*base, "status", "--format", fmt, "acme")
        assert result.exit_code == 0, (fmt, result.stderr)
        assert not set(result.stdout) & set(CONTROLS)


def test_csv_screen_keeps_input_columns_neutralised(cli) -> None:
    text = "name,=note\nhuobi,\"=cmd|' /C calc'!A0\"\n-okex,@x\n"
    result = cli("screen", "-", "--column", "name", "--format", "csv", input=text)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    cells = [c for row in rows for c in row]
    assert "'=note" in cells and "'=cmd|' /C calc'!A0" in cells and "'-okex" in cells
    assert not [c for c in cells if c.startswith(FORMULA_TRIGGERS)]


def test_csv_cells_with_a_semicolon_are_quoted(cli, tmp_path: Path) -> None:
    path = registry_with(tmp_path, description="a;=1+1", scope="x;@y")
    out = cli("--only", "--registry", str(path), "list", "--format", "csv").stdout
    assert '"a;=1+1"' in out and '"x;@y"' in out
    (row,) = csv_rows(out)
    assert row["description"] == "a;=1+1"
