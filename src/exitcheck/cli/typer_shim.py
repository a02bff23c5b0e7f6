"""Everything exitcheck takes from Typer's private modules, in one place (Typer 0.28 pinned).

Typer 0.28 vendors click as ``typer._click``; its exceptions and its choice type are not part of
Typer's public API. tests/test_cli.py checks this module against the installed Typer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from typer._click import exceptions as click_exceptions
from typer._types import TyperChoice

__all__ = ["ShownChoice", "click_exceptions"]


class ShownChoice(TyperChoice[str]):
    """A choice that ``--help`` and shell completion show, but that passes any value through:
    the command checks it and reports an unknown one in exitcheck's own words (exit 2), as the
    same check does for a value given through the Python API.

    The choices are read on first use, so defining the option imports nothing.
    """

    def __init__(self, choices: Callable[[], Iterable[str]]) -> None:
        self._load = choices
        self._loaded: tuple[str, ...] | None = None
        self.case_sensitive = True

    @property
    def choices(self) -> Sequence[str]:  # type: ignore[override]
        if self._loaded is None:
            self._loaded = tuple(self._load())
        return self._loaded

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        return str(value)
