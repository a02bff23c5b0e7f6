"""Every output format compared byte for byte with checked-in golden files (tests/golden/).

The test run never writes them. When an output changes on purpose, regenerate them with one
command and review the diff like any other change:

    .venv/bin/python scripts/regen_golden.py

Machine-specific text (the registry's absolute path) is replaced by ``<registry>`` before the
comparison. The files do not depend on the day or the time zone: the run's "now" is pinned
(EXITCHECK_NOW, the day they were made, in ENV below), the status commands get a fixed
--as-of, and TZ is set far from Beijing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exitcheck.cli import app_for
from exitcheck.store.loading import shipped_registry

GOLDEN = Path(__file__).parent / "golden"
DAY = ("--as-of", "2021-10-01")
SCREEN_INPUT = "Huobi Global\nkucoin\n币安\nqkl124\nPocket Tokn\n火必\nalphaswupx\n"
AMBIGUOUS = Path(__file__).parent / "data" / "ambiguous.toml"
MADE_ON = "2026-11-26"  # "now" for every case: both clocks default to it
ENV = {
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "LANG": "C.UTF-8",
    "TERM": "dumb",
    "EXITCHECK_NOW": MADE_ON,
    "TZ": "America/Los_Angeles",
}

# golden file name -> CLI arguments (the SVG case writes a file and is read back)
CASES: dict[str, list[str]] = {
    "status-huobi.txt": ["status", "huobi", *DAY],
    "status-huobi-details.txt": ["status", "huobi", "--details", *DAY],  # the full view
    "status-huobi.zh.txt": ["--lang", "zh", "status", "huobi", *DAY],
    "status-bione.json": ["status", "bione", "--json", *DAY],
    "status-huobi.ndjson": ["status", "huobi", "--format", "ndjson", *DAY],
    "status-huobi.csv": ["status", "huobi", "--format", "csv", *DAY],
    "status-huobi.md": ["status", "huobi", "--format", "markdown", *DAY],
    "status-huobi.html": ["status", "huobi", "--format", "html", *DAY],
    "status-sparkpool.txt": ["status", "sparkpool", *DAY],  # no date given
    "status-huobi-global.txt": ["status", "Huobi Global", *DAY],  # an alias
    "status-houbi.txt": ["status", "houbi", *DAY],  # fuzzy, with its score
    "status-coinbase.txt": ["status", "coinbase", *DAY],
    "status-coinbase.json": ["status", "coinbase", "--json", *DAY],
    "list.txt": ["list", *DAY],
    "list-by-entity.txt": ["list", "--sort", "entity", *DAY],
    "list.json": ["list", "--json", *DAY],
    "list.ndjson": ["list", "--format", "ndjson", *DAY],
    "list.csv": ["list", "--format", "csv", *DAY],
    "list.md": ["list", "--format", "markdown", *DAY],
    "list-week.html": ["list", "--after", "2021-09-24", "--before", "2021-09-30", "--format", "html", *DAY],
    "search-pocket-tokn.txt": ["search", "Pocket Tokn", "--limit", "3", *DAY],
    "search-pocket-tokn.json": ["search", "Pocket Tokn", "--limit", "3", "--json", *DAY],
    "search-pocket-tokn.csv": ["search", "Pocket Tokn", "--limit", "3", "--format", "csv", *DAY],
    "search-pocket-tokn.md": ["search", "Pocket Tokn", "--limit", "3", "--format", "markdown", *DAY],
    "screen.txt": ["screen", "-", *DAY],
    "screen.ndjson": ["screen", "-", "--json", *DAY],
    "screen.csv": ["screen", "-", "--format", "csv", *DAY],
    "screen.md": ["screen", "-", "--format", "markdown", *DAY],
    "screen.json": ["screen", "-", "--format", "json", *DAY],
    "screen-ambiguous.csv": ["--registry", str(AMBIGUOUS), "screen", "-", "--format", "csv", *DAY],
    "screen-ambiguous.ndjson": ["--registry", str(AMBIGUOUS), "screen", "-", "--json", *DAY],
    "screen-ambiguous.txt": ["--registry", str(AMBIGUOUS), "screen", "-", *DAY],
    "screen-ambiguous.html": ["--registry", str(AMBIGUOUS), "screen", "-", "--format", "html", *DAY],
    "timeline.txt": ["timeline"],
    "timeline.svg": ["timeline", "--svg", "{svg}"],
    "regulations.csv": ["regulations", "--format", "csv"],
    "sources.json": ["sources", "--json"],
    "info.txt": ["info"],
}  # fmt: skip


def produce(name: str, workdir: Path) -> str:
    """The output of one case, as compared with (or written to) its golden file."""
    svg = workdir / f"{name}.out"
    args = [a.replace("{svg}", str(svg)) for a in CASES[name]]
    result = CliRunner().invoke(app_for(args), args, input=SCREEN_INPUT, env=ENV)
    assert result.exit_code in (0, 1), (name, result.stderr)
    text = svg.read_text(encoding="utf-8") if name.endswith(".svg") else result.stdout
    text = text.replace(str(shipped_registry()), "<registry>")
    return text.replace(str(AMBIGUOUS), "<ambiguous.toml>")


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_its_golden_file(name: str, tmp_path: Path) -> None:
    golden = GOLDEN / name
    assert golden.is_file(), f"{golden} is missing: run scripts/regen_golden.py and commit it"
    expected = golden.read_text(encoding="utf-8")
    got = produce(name, tmp_path)
    assert got == expected, difference(name, expected, got)


def difference(name: str, expected: str, got: str) -> str:
    """What differs, first: the first differing lines, then how to accept an intended change."""
    import difflib

    diff = list(difflib.unified_diff(expected.splitlines(), got.splitlines(), "golden", "now", n=0))
    shown = "\n".join(line[:200] for line in diff[:12])
    more = f"\n... {len(diff) - 12} more diff lines" if len(diff) > 12 else ""
    return (
        f"{name} differs from tests/golden/{name}:\n{shown}{more}\n"
        "If the change is intended (not a moved clock or a machine's setting), regenerate "
        "with scripts/regen_golden.py and review git diff tests/golden."
    )


def test_every_golden_file_has_a_case() -> None:
    assert {p.name for p in GOLDEN.iterdir() if p.is_file()} == set(CASES)


def test_every_format_has_golden_files() -> None:
    suffixes = {Path(name).suffix for name in CASES}
    assert suffixes == {".txt", ".json", ".ndjson", ".csv", ".md", ".svg", ".html"}


_: Callable[[str, Path], str] = produce  # the regeneration script's entry point
