"""The shape every command module keeps: it declares options and hands its work to
runner.answer; it neither writes to stdout itself nor turns exceptions into exit codes."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from exitcheck.cli import COMMANDS

COMMANDS_DIR = Path(importlib.import_module("exitcheck.cli.commands").__file__ or "").parent
MODULES = sorted({module for module, _ in COMMANDS.values()})


def _tree(module: str) -> ast.Module:
    return ast.parse((COMMANDS_DIR / f"{module}.py").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "where"), sorted(COMMANDS.items()))
def test_every_command_hands_its_work_to_answer(name: str, where: tuple[str, str]) -> None:
    module, function = where
    found = [n for n in _tree(module).body if isinstance(n, ast.FunctionDef) and n.name == function]
    assert found, f"{name}: no function {function} in commands/{module}.py"
    calls = [
        n.func.id
        for n in ast.walk(found[0])
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    ]
    assert calls.count("answer") == 1, name


@pytest.mark.parametrize("module", MODULES)
def test_no_command_writes_stdout_or_maps_errors_itself(module: str) -> None:
    tree = _tree(module)
    handlers = [n for n in ast.walk(tree) if isinstance(n, ast.ExceptHandler)]
    assert handlers == [], f"commands/{module}.py catches an exception: exits.py maps them"
    writes = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute)
        and n.attr == "write"
        and isinstance(n.value, ast.Attribute)
        and n.value.attr == "stdout"
    ]
    assert writes == [], f"commands/{module}.py writes to stdout: use call.write"
