"""Answers handed on as files: -o written atomically, CSV with a BOM, and xlsx workbooks."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from exitcheck.errors import UsageError

from .conftest import entry_point

RECORD_COMMANDS = [
    ["status", "huobi"],
    ["list"],
    ["search", "huobi"],
    ["screen", "-"],
    ["sources"],
    ["regulations"],
]
NO_AS_OF = ("sources", "regulations", "info", "validate")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("args", RECORD_COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_output_file_holds_what_stdout_would(cli, tmp_path: Path, args, fmt) -> None:
    target = tmp_path / "answer.out"
    extra = [] if args[0] in NO_AS_OF else ["--as-of", "2021-10-01"]
    piped = cli(*args, "--format", fmt, *extra, input="huobi\n")
    written = cli(*args, "--format", fmt, *extra, "-o", str(target), input="huobi\n")
    assert written.exit_code == piped.exit_code == 0, written.stderr
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == piped.stdout
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "args", [["info"], ["info", "--json"], ["validate"], ["validate", "--json"]]
)
def test_info_and_validate_write_to_a_file_too(cli, tmp_path: Path, args) -> None:
    target = tmp_path / "answer.out"
    piped = cli(*args)
    written = cli(*args, "-o", str(target))
    assert written.exit_code == piped.exit_code == 0 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == piped.stdout


def test_output_file_is_not_styled_even_when_colour_is_forced(cli, tmp_path: Path) -> None:
    target = tmp_path / "status.txt"
    result = cli("status", "huobi", "-o", str(target), env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" not in target.read_text(encoding="utf-8")


def test_error_midway_leaves_the_old_file_and_no_temporary(cli, tmp_path, monkeypatch) -> None:
    from exitcheck.answers import screen as screening

    real = screening.screen

    def failing(*args, **kwargs):
        for n, record in enumerate(real(*args, **kwargs)):
            if n == 2:
                raise UsageError("the input broke off")
            yield record

    monkeypatch.setattr(screening, "screen", failing)
    target = tmp_path / "screened.csv"
    target.write_text("old content\n", encoding="utf-8")
    result = cli("screen", "-", "-f", "csv", "-o", str(target), input="huobi\n" * 10)
    assert result.exit_code == 2 and "the input broke off" in result.stderr
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(tmp_path) == []
    fresh = tmp_path / "new.csv"
    assert cli("screen", "-", "-o", str(fresh), input="huobi\n" * 10).exit_code == 2
    assert not fresh.exists() and leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "screened.csv"
    target.write_text("old content\n", encoding="utf-8")
    proc = subprocess.Popen(
        [*entry_point(), "screen", "-", "-f", "csv", "-o", str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write("huobi\n" * 100)
    proc.stdin.flush()
    deadline = time.monotonic() + 30
    while not leftovers(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers(tmp_path), "the temporary file should exist while screening"
    time.sleep(0.3)  # rows are being written to it
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(tmp_path) == []


def test_output_to_a_missing_directory_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli("list", "-o", str(tmp_path / "no" / "such" / "dir.csv"))
    assert result.exit_code == 2
    assert result.stderr.startswith("exitcheck: cannot write")


def test_output_file_permissions_follow_the_umask(cli, tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    assert cli("list", "-f", "csv", "-o", str(target)).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


# -- CSV ------------------------------------------------------------------------------------


def test_bom_starts_csv_and_dates_stay_iso_text(cli, tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    assert cli("list", "-f", "csv", "--bom", "-o", str(target)).exit_code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfentity_id,")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    dates = [r["announced"] for r in rows if r["announced"]]
    assert dates and all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d) for d in dates)  # ISO text
    stdout = cli("list", "-f", "csv", "--bom")
    assert stdout.stdout.startswith("\ufeffentity_id,")


def test_bom_is_only_for_csv(cli) -> None:
    result = cli("list", "--json", "--bom")
    assert result.exit_code == 2 and "--bom" in result.stderr


# -- xlsx -----------------------------------------------------------------------------------


def _sheets(path: Path) -> tuple[list[str], dict[str, str]]:
    with zipfile.ZipFile(path) as book:
        workbook = book.read("xl/workbook.xml").decode()
        names = re.findall(r'<sheet name="([^"]+)"', workbook)
        parts = {
            n: book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/")
        }
        shared = "xl/sharedStrings.xml"  # none in constant-memory mode: strings are inline
        strings = book.read(shared).decode() if shared in book.namelist() else ""
        parts["strings"] = strings + "".join(parts.values())
    return names, parts


@pytest.mark.parametrize("args", RECORD_COMMANDS)
def test_xlsx_has_a_results_and_a_provenance_sheet(cli, tmp_path: Path, args) -> None:
    pytest.importorskip("xlsxwriter")
    target = tmp_path / "answer.xlsx"
    result = cli(*args, "--format", "xlsx", "-o", str(target), input="huobi\nkucoin\n")
    assert result.exit_code == 0, result.stderr
    names, parts = _sheets(target)
    assert names == ["results", "provenance"]
    assert "exitcheck_version" in parts["strings"] and "sha256" in parts["strings"]
    assert leftovers(tmp_path) == []


def test_xlsx_writes_formula_lookalikes_as_strings(cli, write_registry, tmp_path) -> None:
    pytest.importorskip("xlsxwriter")
    path = write_registry(
        """
        [[entities]]
        id = "formula"
        name = "=HYPERLINK(\\"http://example.invalid\\",\\"click\\")"
        aliases = ["formula"]
        kind = "exchange"

        [[entities.measures]]
        kind = "statement"
        scope = "+cmd|' /C calc'!A0"
        announced = 2021-09-26
        description = "@SUM(1+1)"
        source = "src"
        locator = { paragraph = 1, quote = "-2+3" }
        """
    )
    target = tmp_path / "formula.xlsx"
    result = cli("--registry", str(path), "list", "-f", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    _names, parts = _sheets(target)
    sheets = "".join(v for k, v in parts.items() if k != "strings")
    assert "<f>" not in sheets  # no formula anywhere
    assert "=HYPERLINK" in parts["strings"] and "@SUM(1+1)" in parts["strings"]
    assert "2021-09-26" in parts["strings"]  # dates stay text


def test_xlsx_needs_an_output_file(cli) -> None:
    result = cli("list", "--format", "xlsx")
    assert result.exit_code == 2 and "-o" in result.stderr
    assert result.stdout == ""


def test_xlsx_without_the_extra_says_how_to_install_it(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # as if not installed
    target = tmp_path / "list.xlsx"
    result = cli("list", "--format", "xlsx", "-o", str(target))
    assert result.exit_code == 2
    assert "pip install 'exitcheck[xlsx]'" in result.stderr
    assert not target.exists() and leftovers(tmp_path) == []
    as_json = cli("list", "--format", "xlsx", "-o", str(target), "--json")
    assert as_json.exit_code == 0  # --json wins over --format: a JSON file, no extra needed


def test_xlsx_screen_keeps_the_input_columns(cli, tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    source = tmp_path / "clients.csv"
    source.write_text("name,country,status\nHuobi Global,SC,open\n", encoding="utf-8")
    target = tmp_path / "screened.xlsx"
    result = cli("screen", str(source), "--column", "name", "-f", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    strings = _sheets(target)[1]["strings"]
    heads = re.findall(r"<t>([^<]*)</t>", strings)
    assert heads[:4] == ["name", "country", "status", "row"]
    assert "exitcheck_status" in heads and "open" in heads and "huobi" in heads


def test_output_dash_is_stdout_and_svg_is_written_atomically(cli, tmp_path: Path) -> None:
    dash = cli("list", "-f", "csv", "-o", "-")
    assert dash.exit_code == 0 and dash.stdout.startswith("entity_id,")
    assert not (tmp_path / "-").exists()
    svg = tmp_path / "t.svg"
    assert cli("timeline", "--svg", str(svg)).exit_code == 0
    assert svg.read_text(encoding="utf-8").startswith("<")
    assert leftovers(tmp_path) == []
    missing = cli("timeline", "--svg", str(tmp_path / "no" / "t.svg"))
    assert missing.exit_code == 2 and missing.stderr.startswith("exitcheck: cannot write")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_output_through_a_link_keeps_the_link_and_a_device_is_written_directly(
    cli, tmp_path: Path
) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert cli("list", "-f", "csv", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("entity_id,")
    assert real.stat().st_mode & 0o777 == 0o600  # an existing file keeps its permissions
    assert cli("list", "-o", os.devnull).exit_code == 0
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_bom_is_not_written_before_an_error_and_xlsx_to_stdout_is_refused(cli, tmp_path) -> None:
    failed = cli("--registry", str(tmp_path / "missing.toml"), "list", "-f", "csv", "--bom")
    assert failed.exit_code == 2 and failed.stdout == ""
    to_stdout = cli("list", "-f", "xlsx", "-o", "-")
    assert to_stdout.exit_code == 2 and "-o FILE" in to_stdout.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_disk_is_exit_4() -> None:
    done = subprocess.run(
        [*entry_point(), "list", "-f", "csv", "-o", "/dev/full"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 4, done.stderr
    assert done.stderr.startswith("exitcheck: cannot write") and "Traceback" not in done.stderr


def test_the_same_answer_gives_the_same_workbook_bytes(cli, tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    import time

    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for target in (first, second):
        result = cli("screen", "-", "--format", "xlsx", "-o", str(target), input="huobi\nacme\n")
        assert result.exit_code == 0, result.stderr
        time.sleep(1.1)  # xlsxwriter's own clock has one-second steps
    assert first.read_bytes() == second.read_bytes()
