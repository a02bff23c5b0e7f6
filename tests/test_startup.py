"""Start-up: a call builds only the invoked command, imports only its module, and answers
exactly as the whole app does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from exitcheck.cli import COMMANDS, app_for, run, whole_app


def _commands(args: list[str]) -> list[str]:
    chosen = [c.name or "" for c in app_for(args).registered_commands]
    return ["*"] if chosen == list(COMMANDS) else chosen


@pytest.mark.parametrize(
    ("args", "built"),
    [
        (["status", "huobi"], ["status"]),
        (["list", "--kind", "exchange"], ["list"]),
        (["--lang", "zh", "-r", "x.toml", "--no-cache", "search", "q"], ["search"]),
        (["--registry=x.toml", "status", "list"], ["status"]),
        (["info", "--help"], ["info"]),
        (["diff", "old.toml", "new.toml", "--json"], ["diff"]),
        ([], ["*"]),
        (["--help"], ["*"]),
        (["-h", "status"], ["*"]),
        (["--version"], ["*"]),
        (["bogus"], ["*"]),
        (["--lang"], ["*"]),
    ],
)
def test_only_the_invoked_command_is_built(args: list[str], built: list[str]) -> None:
    assert _commands(args) == built
    assert len(whole_app().registered_commands) == 11


def test_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_EXITCHECK_COMPLETE", "complete_bash")
    assert _commands(["status", "huo"]) == ["*"]


@pytest.mark.parametrize(
    ("args", "module"),
    [
        (["status", "huobi"], "status"),
        (["list", "--json"], "listing"),
        (["--lang", "zh", "info"], "info"),
        (["diff", "--help"], "diff"),
    ],
)
def test_only_the_invoked_commands_module_is_imported(args: list[str], module: str) -> None:
    code = (
        "import sys; from exitcheck.cli import app_for; app_for(sys.argv[1:]); "
        "print(' '.join(m for m in sys.modules if m.startswith('exitcheck.cli.commands.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    loaded = set(done.stdout.split())
    assert f"exitcheck.cli.commands.{module}" in loaded
    assert loaded <= {f"exitcheck.cli.commands.{m}" for m in (module, "options", "runner")}


@pytest.mark.parametrize(
    "args",
    [
        ["status", "huobi", "--json", "--as-of", "2021-10-01"],
        ["--lang", "zh", "list", "--as-of", "2021-10-01", "--format", "csv"],
        ["search", "houbi", "--as-of", "2021-10-01"],
        ["list", "--help"],
        ["list", "--kind", "casino", "--json"],
    ],
)
def test_one_command_answers_as_the_whole_app(capsys, args: list[str]) -> None:
    from typer.testing import CliRunner

    whole = CliRunner().invoke(whole_app(), args)
    code = run(args)
    out, err = capsys.readouterr()
    assert (code, out, err) == (whole.exit_code, whole.stdout, whole.stderr)


# Modules an exact hit does not need: the registry checks (layering, evidence), the SQLite
# store and the choice type of list's options (typer_shim).
OFF_THE_STATUS_PATH = (
    "exitcheck.registry.layering",
    "exitcheck.registry.evidence",
    "exitcheck.store.sqlite",
    "exitcheck.cli.typer_shim",
)


def test_status_json_imports_only_what_it_needs() -> None:
    code = (
        "import sys; from exitcheck.cli import run; code = run(['status', 'huobi', '--json'])\n"
        f"print(code, [m for m in {OFF_THE_STATUS_PATH!r} if m in sys.modules], file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.startswith('{\n  "entity": {')
    assert done.stderr.strip().splitlines()[-1] == "0 []"


def test_typer_reads_object_annotations() -> None:
    """Typer reads the signatures of the global options and of the invoked command on every
    call; string annotations would be compiled and evaluated each time (see cli.py)."""
    import inspect

    from exitcheck import cli
    from exitcheck.cli import completion
    from exitcheck.cli.commands import status

    functions = [cli._global, cli._print_version, status.status]
    functions += [completion.langs]
    for function in functions:
        for parameter in inspect.signature(function).parameters.values():
            assert not isinstance(parameter.annotation, str), (function.__name__, parameter.name)
