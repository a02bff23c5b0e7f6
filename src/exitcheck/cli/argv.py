"""The command line's words, read in one place before Typer parses them.

Three things are known from the words alone: which command is named (so that only its module
is imported), the format its answer is asked in (so that an error raised before or while
parsing is JSON when JSON was asked for), and the words as the parser reads them. Global
options may also follow the command (``exitcheck status huobi --registry extra.toml``): they
are moved before it. A name that starts with '-' and holds a space ('- Huobi', a chat bullet)
can only be a name, never an option: it is moved after '--'. Nothing after '--' moves.
"""

from __future__ import annotations

from collections.abc import Container

from exitcheck.render import Format

# Global options that may also be written after the command (they are moved before it).
GLOBAL_WITH_VALUE = ("--registry", "-r", "--color")
GLOBAL_FLAGS = ("--no-cache", "--only")
_BEFORE_WITH_VALUE = (*GLOBAL_WITH_VALUE, "--lang")  # --lang is a command's option too
_HELP = ("--help", "-h")


class Words:
    """The options before the command, read once: where the command's name is (``at``),
    whether a help option came first, and whether '--' ended them (as an option or a value)."""

    def __init__(self, args: list[str]) -> None:
        self.help_first = self.ended = self.ended_as_value = False
        i = 0
        while i < len(args) and args[i].startswith("-"):
            if args[i] == "--":
                self.ended = True
                break
            self.help_first = self.help_first or args[i] in _HELP
            if args[i] in _BEFORE_WITH_VALUE:
                self.ended_as_value = self.ended_as_value or args[i + 1 : i + 2] == ["--"]
                i += 2
            else:
                i += 1
        self.at = i
        self.name = args[i] if i < len(args) and not self.ended else None


def command(args: list[str], known: Container[str]) -> str | None:
    """The command the words name, or None for help first, '--' first, no command or an
    unknown one (each then needs the whole app)."""
    words = Words(args)
    if words.help_first or words.name is None or words.name not in known:
        return None
    return words.name


def requested_format(args: list[str]) -> Format:
    """The output format the words ask for: --json is NDJSON for screen, JSON otherwise."""
    if "--json" in args:
        return Format.ndjson if Words(args).name == "screen" else Format.json
    for i, arg in enumerate(args):
        value = (
            arg.split("=", 1)[1]
            if arg.startswith("--format=")
            else args[i + 1]
            if arg in ("--format", "-f") and i + 1 < len(args)
            else None
        )
        if value in ("json", "ndjson"):
            return Format(value)
    return Format.table


def requested_lang(args: list[str]) -> str | None:
    """The language the words ask for (the last --lang before '--'), if it is one there is:
    for an error the parser raises before the --lang option is read."""
    from exitcheck.render.i18n import LANGS

    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value is not None:
            found = value
    return found if found in LANGS else None


def machine_format(args: list[str]) -> bool:
    """Whether the words ask for a format a program reads (JSON, NDJSON, CSV): its bytes are
    UTF-8 whatever the locale says."""
    if requested_format(args) is not Format.table:
        return True
    return any(
        (arg.split("=", 1)[1] if arg.startswith("--format=") else nxt) == "csv"
        for arg, nxt in zip(args, [*args[1:], ""], strict=True)
        if arg.startswith("--format=") or arg in ("--format", "-f")
    )


def for_parser(args: list[str]) -> list[str]:
    """The words as the parser reads them: names with a space after '--', global options
    written after the command moved before it."""
    return hoist_globals(names_last(args))


def names_last(args: list[str]) -> list[str]:
    """A name that starts with '-' and holds a space moves after '--' (unless there is one)."""
    if "--" in args:
        return args
    names = [a for a in args if a.startswith("-") and any(ch.isspace() for ch in a)]
    if not names:
        return args
    return [a for a in args if a not in names] + ["--", *names]


def hoist_globals(args: list[str]) -> list[str]:
    """Move global options written after the command name to before it.

    ``exitcheck status huobi --registry extra.toml`` then means
    ``exitcheck --registry extra.toml status huobi``. Nothing after ``--`` moves.
    """
    words = Words(args)
    if words.ended or words.ended_as_value or words.name is None:
        return args
    i = words.at
    head, name, rest = args[:i], args[i], args[i + 1 :]
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
    return [*head, *moved, name, *kept]
