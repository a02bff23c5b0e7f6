"""TOML parsing goes through tomli on every Python, and its errors keep line and column."""

from __future__ import annotations

import json

import tomli

from exitcheck import tomlcompat

from .registries import MINIMAL_HEADER


def test_tomli_parses_on_every_python() -> None:
    assert tomlcompat.TOMLDecodeError is tomli.TOMLDecodeError
    assert tomlcompat.loads('a = "火币"\n') == {"a": "火币"}


def test_invalid_toml_reports_line_and_column(cli, tmp_path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(MINIMAL_HEADER + "x = 1 2\n", encoding="utf-8")
    line = MINIMAL_HEADER.count("\n") + 1
    result = cli("validate", str(path))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{path}:{line}:7: error: invalid TOML: Expected newline")
    finding = json.loads(cli("validate", str(path), "--json").stdout)["findings"][0]
    assert (finding["line"], finding["column"]) == (line, 7)
    assert "(at line" not in finding["message"]


def test_an_error_at_the_end_of_the_file_names_its_last_line(cli, tmp_path) -> None:
    path = tmp_path / "cut.toml"
    path.write_text(MINIMAL_HEADER + "x = [1,\n\n", encoding="utf-8")
    finding = json.loads(cli("validate", str(path), "--json").stdout)["findings"][0]
    assert finding["line"] == MINIMAL_HEADER.count("\n") + 1
    assert finding["message"].endswith("at the end of the file")
