"""The mutation list (scripts/mutants.py) follows the code: every snippet occurs exactly once.

scripts/mutate.py refuses stale mutants, but nothing runs it on every change; a snippet the
code no longer contains would silently test nothing until the next mutation run."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


MUTANTS: list[Any] = _load("mutants").MUTANTS


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: f"{m.group}:{m.file}:{m.find[:40]}")
def test_every_mutant_applies_to_exactly_one_place(mutant: Any) -> None:
    text = (REPO / mutant.file).read_text(encoding="utf-8")
    assert text.count(mutant.find) == 1


def test_a_mutant_changes_the_code() -> None:
    assert all(m.find != m.replace for m in MUTANTS)
