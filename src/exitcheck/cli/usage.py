"""Command-line usage errors in exitcheck's one style, and global options after the command.

Every usage error is one line: ``exitcheck: <what is wrong>; see 'exitcheck CMD --help'``.
An unknown option suggests only options that are one slip away (an edit or two, or a
prefix), never a list of loosely similar ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Global options that may also be written after the command (they are moved before it).
GLOBAL_WITH_VALUE = ("--registry", "-r", "--color")
GLOBAL_FLAGS = ("--no-cache", "--only")


def hoist_globals(args: list[str]) -> list[str]:
    """Move global options written after the command name to before it.

    ``exitcheck status huobi --registry extra.toml`` then means
    ``exitcheck --registry extra.toml status huobi``. Nothing after ``--`` moves.
    """
    i = 0
    while i < len(args) and args[i].startswith("-"):
        takes_value = args[i] in GLOBAL_WITH_VALUE or args[i] == "--lang"
        if args[i] == "--" or (takes_value and args[i + 1 : i + 2] == ["--"]):
            return args  # what follows `--` is never moved
        i += 2 if takes_value else 1
    if i >= len(args):
        return args
    head, command, rest = args[:i], args[i], args[i + 1 :]
    moved: list[str] = []
    kept: list[str] = []
    j = 0
    while j < len(rest):
        arg = rest[j]
        if arg == "--":
            kept += rest[j:]
            break
        if arg in GLOBAL_WITH_VALUE and j + 1 < len(rest) and rest[j + 1] != "--":
            moved += rest[j : j + 2]
            j += 2
            continue
        if arg in GLOBAL_FLAGS or any(arg.startswith(o + "=") for o in GLOBAL_WITH_VALUE):
            moved.append(arg)
        else:
            kept.append(arg)
        j += 1
    return [*head, *moved, command, *kept]


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
    from exitcheck.cli.typer_shim import click_exceptions

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
