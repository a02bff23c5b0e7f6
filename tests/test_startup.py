"""Start-up: a call builds only the invoked command, and answers exactly as the whole app does."""

from __future__ import annotations

import pytest

from exitcheck.cli import _app_for, app, run


def _commands(args: list[str]) -> list[str]:
    chosen = _app_for(args)
    if chosen is app:
        return ["*"]
    return [c.name or c.callback.__name__ for c in chosen.registered_commands]


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
    assert len(app.registered_commands) == 11  # the whole app (diff too) is left as it was


def test_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_EXITCHECK_COMPLETE", "complete_bash")
    assert _app_for(["status", "huo"]) is app


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
def test_one_command_answers_as_the_whole_app(cli, capsys, args: list[str]) -> None:
    whole = cli(*args)
    code = run(args)
    out, err = capsys.readouterr()
    assert (code, out, err) == (whole.exit_code, whole.stdout, whole.stderr)
