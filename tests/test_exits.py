"""Exceptions become exit codes in one place (commands/exits.py): each kind its own code, one
line on stderr, and an error object on stdout when JSON was asked for."""

from __future__ import annotations

import json
import sqlite3

import pytest
import typer

from exitcheck.cli.argv import requested_format
from exitcheck.cli.exits import exit_code
from exitcheck.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    ExitcheckError,
    UsageError,
)
from exitcheck.render import Format


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    from exitcheck.cli.session import session

    monkeypatch.setattr(session, "lang", "en")  # an earlier call in this process may have set zh


@pytest.mark.parametrize(
    ("exc", "code", "line"),
    [
        (UsageError("bad --on"), EXIT_USAGE, "exitcheck: bad --on\n"),
        (typer.Exit(3), 3, ""),
        (KeyboardInterrupt(), EXIT_INTERRUPTED, ""),
        (typer.Abort(), EXIT_INTERRUPTED, "exitcheck: aborted\n"),
        (ZeroDivisionError("x"), EXIT_INTERNAL, "exitcheck: internal error (ZeroDivisionError: x); please report it\n"),
        (PermissionError(13, "denied"), EXIT_INTERNAL, "exitcheck: internal error (PermissionError: [Errno 13] denied); please report it\n"),
    ],
)  # fmt: skip
def test_each_exception_has_its_code_and_one_line(capsys, exc, code: int, line: str) -> None:
    assert exit_code(exc, Format.table) == code
    out, err = capsys.readouterr()
    assert (out, err) == ("", line)


def test_a_full_disk_is_an_output_error(capsys) -> None:
    assert exit_code(OSError(28, "No space left on device"), Format.table) == EXIT_OUTPUT
    assert capsys.readouterr().err.count("\n") == 1


def test_a_damaged_cache_is_a_registry_problem_not_a_bug(capsys) -> None:
    assert exit_code(sqlite3.DatabaseError("malformed"), Format.json) == EXIT_USAGE
    out, err = capsys.readouterr()
    assert "the registry cache could not be read" in err
    assert json.loads(out)["error"]["kind"] == ExitcheckError.kind


@pytest.mark.parametrize(("fmt", "indent"), [(Format.json, True), (Format.ndjson, False)])
def test_json_errors_are_an_object_on_stdout(capsys, fmt: Format, indent: bool) -> None:
    assert exit_code(RuntimeError("boom"), fmt) == EXIT_INTERNAL
    out, _ = capsys.readouterr()
    assert json.loads(out)["error"] == {
        "kind": "internal",
        "message": "internal error (RuntimeError: boom); please report it",
        "findings": [],
    }
    assert (out.count("\n") > 1) is indent


def test_system_exit_is_not_an_error() -> None:
    with pytest.raises(SystemExit):
        exit_code(SystemExit(0), Format.table)


def test_broken_pipe_is_quiet(monkeypatch, capsys) -> None:
    silenced: list[bool] = []
    monkeypatch.setattr("exitcheck.cli.stdio.silence_stdout", lambda: silenced.append(True))
    assert exit_code(BrokenPipeError(), Format.json) == EXIT_OK
    assert silenced == [True] and capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    ("args", "fmt"),
    [
        (["status", "x", "--json"], Format.json),
        (["screen", "-", "--json"], Format.ndjson),
        (["list", "--format=ndjson"], Format.ndjson),
        (["list", "-f", "json"], Format.json),
        (["list", "--format", "csv"], Format.table),
        (["list", "--format"], Format.table),
        (["--no-cache", "screen", "-", "--json"], Format.ndjson),  # globals before the command
        (["--lang", "zh", "screen", "-", "--json"], Format.ndjson),
        (["--registry", "x.toml", "status", "x", "--json"], Format.json),
    ],
)
def test_the_format_is_read_before_parsing(args: list[str], fmt: Format) -> None:
    assert requested_format(args) is fmt


@pytest.mark.parametrize(
    "args",
    [
        ["screen", "-", "--json", "--bogus"],
        ["--no-cache", "screen", "-", "--json", "--bogus"],
        ["--lang", "en", "screen", "-", "--bogus", "--json"],
    ],
)
def test_a_usage_error_of_screen_json_is_one_ndjson_line(args: list[str]) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "exitcheck", *args],
        input="huobi\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout.count("\n") == 1, done.stdout
    assert json.loads(done.stdout)["error"]["message"].startswith("no such option: --bogus")


@pytest.mark.parametrize(
    "args", [["validate"], ["status", "x", "-r"], ["screen", "x", "--summary"], ["list", "-o"]]
)
def test_a_file_name_with_a_nul_is_a_usage_error(capsys, args: list[str]) -> None:
    from exitcheck.cli import run

    assert run([*args, "\x00"]) == 2
    assert "NUL character" in capsys.readouterr().err
