"""Escaping at the edges of each format: Markdown pipes and backslashes, control characters in
the drawn part of an SVG label, and CSV's boolean columns."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from .registries import ACME, toml_string

SVG = "{http://www.w3.org/2000/svg}"


def _with_name(write_registry, name: str, description: str = "Closes.") -> Path:
    body = ACME.replace('name = "Acme Exchange"', f"name = {toml_string(name)}")
    return write_registry(
        body.replace('description = "Closes."', f"description = {toml_string(description)}")
    )


def _split_row(line: str) -> list[str]:
    """Cells of a Markdown pipe-table row: split on pipes not escaped by a backslash."""
    cells, current, chars = [], "", iter(line.strip()[1:-1])
    for ch in chars:
        if ch == "\\":
            current += ch + next(chars)
        elif ch == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += ch
    cells.append(current.strip())
    return cells


def test_markdown_escapes_pipes_and_backslashes(cli, write_registry) -> None:
    path = _with_name(write_registry, "Acme | Pipe \\ Slash", "a|b \\| c")
    result = cli(
        "--registry", str(path), "status", "acme", "--format", "markdown", "--as-of", "2021-10-01"
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    header = _split_row(lines[0])
    row = dict(zip(header, _split_row(lines[2]), strict=True))
    assert row["entity_name"] == "Acme \\| Pipe \\\\ Slash"
    assert row["description"] == "a\\|b \\\\\\| c"
    assert row["status"] == "closing"


def test_svg_labels_escape_controls_in_the_drawn_part(cli, write_registry, tmp_path: Path) -> None:
    path = _with_name(write_registry, "\x1b[31mA\x07c\u202eme & <b>")
    target = tmp_path / "t.svg"
    assert cli("--registry", str(path), "timeline", "--svg", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    root = ET.fromstring(text)
    labels = [t.text or "" for t in root.iter(SVG + "text")]
    assert any(label.startswith("\\x1b[31mA\\x07c\\u202eme") for label in labels), labels


def test_csv_boolean_columns(cli) -> None:
    out = cli("status", "huobi", "--format", "csv", "--as-of", "2021-10-01").stdout
    rows = {
        r["measure_kind"]: r
        for r in csv.DictReader(io.StringIO(out))
        if r["source"] == "cls-2021-09-26"  # the seed report's two measures
    }
    # the seed gives no offset, CoinDesk quotes Huobi's "24:00 (UTC+8)": stated, not assumed
    assert rows["users_cleared"]["offset_assumed"] == "false"
    assert rows["registration_stopped"]["offset_assumed"] == "false"
    out = cli("status", "bione", "--format", "csv").stdout
    (bione,) = [r for r in csv.DictReader(io.StringIO(out)) if r["measure_kind"] == "closed"]
    assert bione["offset_assumed"] == "false"  # the source states UTC+8


def test_csv_keeps_values_exact(cli, write_registry) -> None:
    path = _with_name(write_registry, 'Acme, "quoted"\nnext line')
    out = cli("--registry", str(path), "status", "acme", "--format", "csv").stdout
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["entity_name"] == 'Acme, "quoted" next line'  # a cell is one line


def test_line_breaks_in_data_become_spaces_in_text_formats(cli, write_registry) -> None:
    path = _with_name(write_registry, "Acme\nExchange", "first line\r\nsecond\tline")
    for fmt in ("table", "markdown"):
        out = cli("--registry", str(path), "status", "acme", "--format", fmt, "--details").stdout
        assert "Acme Exchange" in out and "first line second line" in out, fmt
        assert "\\x0a" not in out and "\\x0d" not in out and "\\x09" not in out


def test_c1_controls_are_escaped_inside_json(cli, write_registry) -> None:
    path = _with_name(write_registry, "Acme \x9b31m \x85 \x7f")
    out = cli("--registry", str(path), "status", "acme", "--json").stdout
    assert "\x9b" not in out and "\x85" not in out and "\x7f" not in out
    assert "\\u009b31m \\u0085 \\u007f" in out
    assert json.loads(out)["entity"]["name"] == "Acme \x9b31m \x85 \x7f"


def test_closing_punctuation_hangs_without_a_space_before_it() -> None:
    from exitcheck.render import wrap

    lines = wrap.wrap_display("2222222222、、、、 、", 20, "  ")  # found by Hypothesis
    assert lines == ["  2222222222、、、、、"]
