"""Options with a fixed set of values: --help and completion show them; a wrong one is exit 2."""

from __future__ import annotations

import os
import subprocess

import pytest
import typer

from exitcheck.cli.typer_shim import ShownChoice, click_exceptions
from exitcheck.model import ENTITY_KINDS, MEASURE_DATES, MEASURE_KINDS

from .conftest import entry_point


def test_the_shim_matches_the_pinned_typer() -> None:
    assert typer.__version__.startswith("0.28."), (
        "typer_shim.py imports Typer 0.28's private modules"
    )
    assert issubclass(click_exceptions.UsageError, click_exceptions.ClickException)
    choice = ShownChoice(lambda: ["a", "b"])
    assert list(choice.choices) == ["a", "b"]
    assert choice.convert("c", None, None) == "c"  # checked by the command, in its own words


@pytest.mark.parametrize("command", ["list", "timeline"])
def test_help_shows_the_choices(cli, command: str) -> None:
    shown = cli(command, "--help", env={"COLUMNS": "800"}).stdout
    for values in (MEASURE_DATES, ENTITY_KINDS, MEASURE_KINDS):
        assert "<" + "|".join(values) + ">" in shown


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("exitcheck list --by e", ["effective"]),
        ("exitcheck list --kind mi", ["mining_pool", "mining_software"]),
        ("exitcheck timeline --measure c", ["closed"]),
    ],
)
def test_completion_offers_the_choices(words: str, offered: list[str]) -> None:
    env = {
        **os.environ,
        "_EXITCHECK_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    done = subprocess.run(entry_point(), capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == offered


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "Effective"], "exitcheck: --by must be one of: announced, effective\n"),
        (["--kind", "EXCHANGE"], "exitcheck: unknown --kind 'EXCHANGE' (known: "),
        (["--measure", "ban"], "exitcheck: unknown --measure 'ban' (known: "),
    ],
)
def test_a_value_not_among_the_choices_is_exitchecks_usage_error(cli, args, message) -> None:
    for command in ("list", "timeline"):
        result = cli(command, *args)
        assert result.exit_code == 2
        assert result.stderr.startswith(message) and "Usage:" not in result.stderr
