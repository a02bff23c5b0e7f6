"""Command-line usage errors in exitcheck's one style.

Every usage error is one line: ``exitcheck: <what is wrong>; see 'exitcheck CMD --help'``.
An unknown option suggests only options that are one slip away (an edit or two, or a
prefix), never a list of loosely similar ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


def message(exc: Any, lang: str = "en") -> str:
    """One line for a click usage error, in exitcheck's words, with a hint to --help; in
    Chinese for ``lang`` zh."""

    ctx = getattr(exc, "ctx", None)
    if lang == "zh":
        return _chinese(exc, ctx)
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


# Click's messages (format_message) and their Chinese, by [zh.usage] in data/i18n.toml: a key
# of that table names each pattern; {names} are the parts carried over.
_PATTERNS = {
    "no_such_command": r"No such command '(?P<name>.*)'\.?",
    "missing_command": r"Missing command\.?",
    "missing_argument": r"Missing (?:argument|parameter) (?P<hint>.+?)\.?",
    "missing_option": r"Missing option (?P<hint>.+?)\.?",
    "invalid_value_for": r"Invalid value for (?P<hint>.+?): (?P<why>.*)",
    "invalid_value": r"Invalid value: (?P<why>.*)",
    "requires_argument": r"Option '(?P<option>.*)' requires an argument\.?",
    "requires_arguments": r"Option '(?P<option>.*)' requires (?P<count>\d+) arguments\.?",
    "takes_no_value": r"Option '(?P<option>.*)' does not take a value\.?",
    "extra_arguments": r"Got unexpected extra arguments? ?\(?s?\)? \((?P<args>.*)\)",
}
_WHY = {  # why a value is invalid
    "not_one_of": r"'(?P<value>.*)' is not one of:? (?P<choices>.+?)\.?",
    "not_a_number": r"'(?P<value>.*)' is not a valid (?P<type>integer|float|number)(?: range)?\.?",
}


def _chinese(exc: Any, ctx: Any) -> str:
    """The Chinese of a click usage error (the English where no pattern knows it)."""
    import re

    from exitcheck.render.i18n import words

    table = words("zh").table.get("usage", {})

    def say(key: str, **values: str) -> str:
        return str(table.get(key, "")).format(**values)

    if isinstance(exc, click_exceptions.NoSuchOption):
        text = say("no_such_option", option=exc.option_name)
        close = close_options(exc.option_name, _long_options(ctx))
        if close:
            text += say("did_you_mean", options=say("or").join(close))
    else:
        english = exc.format_message().strip()
        text = english
        for key, pattern in _PATTERNS.items():
            found = re.fullmatch(pattern, english, re.DOTALL)
            if found:
                values = {k: _unquote(v) for k, v in found.groupdict().items()}
                if "why" in values:
                    values["why"] = _why(found["why"], say)
                text = say(key, **values) or english
                break
    path = ctx.command_path if ctx is not None else "exitcheck"
    return text + say("see_help", path=path)


def _why(english: str, say: Callable[..., str]) -> str:
    import re

    for key, pattern in _WHY.items():
        found = re.fullmatch(pattern, english.strip(), re.DOTALL)
        if found:
            values = found.groupdict()
            if "choices" in values:
                values["choices"] = "、".join(
                    _unquote(c) for c in re.split(r",\s*", values["choices"])
                )
            if "type" in values:
                values["type"] = say("integer") if values["type"] == "integer" else say("number")
            return say(key, **values) or english
    return english


def _unquote(text: str) -> str:
    """'--format' / '-f' as --format / -f: click's quotes around names and values."""
    return text.replace("'", "").replace('"', "")
