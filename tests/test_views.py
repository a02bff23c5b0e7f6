"""Views people read: timeline (terminal and SVG), sources, regulations, schemas, --lang, completion."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from exitcheck.render.wrap import display_width

from .test_integrity import ACME, hostile_registry

SOURCE_PLATFORMS = {
    "Sparkpool", "NBMiner", "BiONE", "Futu NiuNiu", "TokenPocket", "BHEX", "Loopring",
    "Binance", "ZKSwap", "HyperDAO", "Huobi", "QKL123", "AEX",
}  # fmt: skip


def test_timeline_in_the_terminal_fits_and_marks_every_platform(cli) -> None:
    result = cli("timeline")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(display_width(line) <= 80 for line in lines), max(lines, key=display_width)
    assert "\x1b[" not in result.stdout
    rows = {line.split("  ")[0].split(" (")[0] for line in lines}
    assert rows >= SOURCE_PLATFORMS
    huobi = next(line for line in lines if line.startswith("Huobi (火币)"))
    assert (
        huobi.rstrip().endswith("|") and "*" in huobi
    )  # two measures announced the same day, then the deadline
    assert any(line.startswith("regulations") for line in lines)
    assert re.search(r"^\d 2021-09-24 Notice on further preventing", result.stdout, re.M)
    undated = " ".join(result.stdout.split("undated: ")[1].split())
    assert "binance statement" in undated and "okex statement" in undated


def test_timeline_filters_like_list(cli) -> None:
    result = cli("timeline", "--measure", "closed", "--after", "2021-01-01")
    names = {
        line.split("  ")[0]
        for line in result.stdout.splitlines()[4:]
        if "|" in line and not line.startswith("legend")
    }
    assert {"BiONE", "BHEX", "JEX"} <= names
    assert "Huobi (火币)" not in names  # Huobi announced no closure
    assert cli("timeline", "--after", "2021-10-01", "--before", "2021-09-01").exit_code == 2


def test_timeline_svg_is_well_formed_and_names_every_entity(cli, tmp_path: Path) -> None:
    target = tmp_path / "t.svg"
    result = cli("timeline", "--svg", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    root = ET.fromstring(target.read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for name in SOURCE_PLATFORMS:
        assert name in texts
    assert "火币" in texts and "2021-09" in texts and "registration_stopped" in texts


def test_timeline_svg_escapes_data(cli, write_registry, tmp_path: Path) -> None:
    target = tmp_path / "t.svg"
    path = write_registry(
        ACME.replace('name = "Acme Exchange"', 'name = "Acme <script>&amp;</script>"')
    )
    assert cli("--only", "--registry", str(path), "timeline", "--svg", str(target)).exit_code == 0
    root = ET.fromstring(target.read_text(encoding="utf-8"))  # would fail on raw markup
    assert any("<script>" in (t.text or "") for t in root.iter("{http://www.w3.org/2000/svg}text"))
    hostile = hostile_registry(write_registry)
    assert (
        cli("--only", "--registry", str(hostile), "timeline", "--svg", str(target)).exit_code == 0
    )
    ET.fromstring(target.read_text(encoding="utf-8"))


def test_sources_and_regulations(cli) -> None:
    data = json.loads(cli("sources", "--json").stdout)
    seed = data[0]
    assert seed["id"] == "cls-2021-09-26"
    assert seed["measures"] == 19 and seed["regulations"] == 6 and "huobi" in seed["entities"]
    assert all(s["measures"] + s["regulations"] > 0 or s["entities"] for s in data)  # all cited
    assert all(s["url"] or s["copy_url"] or s["id"] == "cls-2021-09-26" for s in data)
    regs = json.loads(cli("regulations", "--json").stdout)
    assert [r["date"] for r in regs] == sorted(r["date"] for r in regs)
    assert regs[-1]["name_zh"] == "关于进一步防范和处置虚拟货币交易炒作风险的通知"
    for fmt in ("table", "csv", "markdown", "ndjson"):
        for command in ("sources", "regulations"):
            result = cli(command, "--format", fmt)
            assert result.exit_code == 0 and "cls-2021-09-26" in result.stdout


def test_lang_zh(cli) -> None:
    result = cli("--lang", "zh", "status", "huobi", "--as-of", "2021-10-01")
    assert result.exit_code == 0
    assert result.stdout.startswith("火币（Huobi）\n")
    assert (
        "状态：退出中（截至2021年10月1日，" in result.stdout
        and "停止新用户注册" in result.stdout
        and "清退存量用户" in result.stdout
    )
    after = cli("status", "huobi", "--lang", "zh", "--as-of", "2021-10-01")  # after the command too
    assert after.stdout == result.stdout
    data = json.loads(
        cli("--lang", "zh", "status", "huobi", "--json", "--as-of", "2021-10-01").stdout
    )
    assert data["status"] == "exiting"  # codes never change
    assert data["status_meaning"].startswith("已宣布退出")
    english = json.loads(cli("status", "huobi", "--json", "--as-of", "2021-10-01").stdout)
    assert set(data) == set(english)


def test_lang_defaults_from_the_locale(cli) -> None:
    assert cli("status", "huobi", env={"LANG": "zh_CN.UTF-8"}).stdout.startswith("火币（Huobi）")
    assert cli("status", "huobi", env={"LANG": "en_US.UTF-8"}).stdout.startswith("Huobi (火币)")
    assert cli("--lang", "fr", "status", "huobi").exit_code == 2


SCHEMAS = [
    "status",
    "list",
    "search",
    "screen",
    "validate",
    "info",
    "sources",
    "regulations",
    "diff",
    "error",
]


def test_schema_command_lists_and_prints(cli) -> None:
    assert cli("schema").stdout.split() == sorted(SCHEMAS)
    assert json.loads(cli("schema", "status").stdout)["title"] == "exitcheck status --json output"
    assert cli("schema", "nope").exit_code == 2


@pytest.mark.parametrize(
    ("schema", "args"),
    [
        ("status", ["status", "huobi", "--json"]),
        ("status", ["status", "bione", "--json", "--as-of", "2021-09-29"]),
        ("status", ["status", "coinbase", "--json"]),
        ("list", ["list", "--json"]),
        ("list", ["list", "--after", "2030-01-01", "--json"]),
        ("search", ["search", "houbi", "--json"]),
        ("validate", ["validate", "--json"]),
        ("info", ["info", "--json"]),
        ("sources", ["sources", "--json"]),
        ("regulations", ["regulations", "--json"]),
        ("error", ["list", "--kind", "casino", "--json"]),
    ],
)
def test_json_output_validates_against_its_schema(cli, schema: str, args: list[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(cli("schema", schema).stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    jsonschema.validate(json.loads(cli(*args).stdout), document)


def test_screen_rows_validate_against_the_schema(cli) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(cli("schema", "screen").stdout)
    for line in cli("screen", "-", "--json", input="huobi\nkucoin\n火幣\n").stdout.splitlines():
        jsonschema.validate(json.loads(line), document)


def test_every_command_help_shows_an_example(cli) -> None:
    from exitcheck.cli import whole_app

    names = [c.name or c.callback.__name__ for c in whole_app().registered_commands]  # type: ignore[union-attr]
    assert {
        "status",
        "list",
        "search",
        "screen",
        "validate",
        "info",
        "timeline",
        "sources",
        "regulations",
        "schema",
    } <= set(names)
    for name in names:
        result = cli(name, "--help")
        assert result.exit_code == 0 and "Example: exitcheck" in result.stdout, name


def test_completion_offers_entity_ids_and_names() -> None:
    import os
    import subprocess

    from .conftest import entry_point

    env = {
        **os.environ,
        "_EXITCHECK_COMPLETE": "complete_bash",
        "COMP_WORDS": "exitcheck status huo",
        "COMP_CWORD": "2",
    }
    done = subprocess.run(entry_point(), capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0
    offered = done.stdout.split()
    assert {"huobi", "huobi.com"} <= set(offered)
    env["COMP_WORDS"] = "exitcheck status Huo"
    assert (
        "Huobi"
        in subprocess.run(
            entry_point(), capture_output=True, text=True, env=env, timeout=60
        ).stdout.splitlines()
    )


@pytest.mark.parametrize(
    "args", [["status", "zzqqxx"], ["search", "zzqqxx"], ["status", "huobi"]], ids=str
)
def test_ndjson_is_one_object_on_one_line_for_every_answer(cli, args: list[str]) -> None:
    """--format ndjson: a match, a non-match and a search each print exactly one line."""
    result = cli(*args, "--format", "ndjson")
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and result.stdout.endswith("\n")
    assert isinstance(json.loads(lines[0]), dict)
