"""Command-line usage errors in exitcheck's one style.

Every usage error is one line: ``exitcheck: <what is wrong>; see 'exitcheck CMD --help'``.
An unknown option suggests only options that are one slip away (an edit or two, or a
prefix), never a list of loosely similar ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from exitcheck.cli.typer_shim import click_exceptions


def _edits(a: str, b: str) -> int:
    """Optimal-string-alignment distance (a transposition is one edit)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def close_options(given: str, known: Iterable[str]) -> list[str]:
    """Options one slip from ``given``: 1 edit (2 from 7 letters on), or ``given`` is a prefix."""
    word = given.lstrip("-").split("=", 1)[0]
    if not word:
        return []
    budget = 1 if len(word) < 7 else 2
    out = []
    for option in known:
        name = option.lstrip("-")
        if not option.startswith("--") or name == word:
            continue
        if _edits(word, name) <= budget or (len(word) >= 3 and name.startswith(word)):
            out.append(option)
    return sorted(out)


def _long_options(ctx: Any) -> list[str]:
    command = getattr(ctx, "command", None)
    if command is None:
        return []
    return [o for p in command.get_params(ctx) for o in (*p.opts, *p.secondary_opts)]


def message(exc: Any) -> str:
    """One line for a click usage error, in exitcheck's words, with a hint to --help."""

    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click_exceptions.NoSuchOption):
        text = f"no such option: {exc.option_name}"
        close = close_options(exc.option_name, _long_options(ctx))
        if close:
            text += f" (did you mean {' or '.join(close)}?)"
    else:
        text = exc.format_message().strip().rstrip(".")
        if text[:1].isupper() and text[1:2].islower():
            text = text[0].lower() + text[1:]
    path = ctx.command_path if ctx is not None else "exitcheck"
    return f"{text}; see '{path} --help'"
