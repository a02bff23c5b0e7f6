"""The options several commands share, declared once, and the checks of their values.

Each is an ``Annotated`` type a command puts in its signature (Typer reads the signature);
``day`` and ``clock`` turn the date options into dates, a bad one a usage error (exit 2).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from exitcheck.cli import completion
from exitcheck.errors import UsageError
from exitcheck.render import Format

if TYPE_CHECKING:
    from collections.abc import Callable

    from exitcheck.answers.clocks import Clock


def when(value: str | None, option: str) -> date | None:
    """A clock option's value: a YYYY-MM-DD day (its 00:00 UTC+8) or a date-time with offset;
    a bad one is a usage error (exit 2)."""
    from exitcheck.dates import parse_when

    return _parsed(value, option, parse_when)


def day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value as a date; a bad one is a usage error (exit 2)."""
    from exitcheck.dates import parse_day

    return _parsed(value, option, parse_day)


def _parsed(value: str | None, option: str, parse: Callable[[str], date]) -> date | None:
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}", code="bad_day", option=option, value=value) from None


def clock(as_of: str | None, known_on: str | None) -> Clock:
    """Both clocks (see answers/clocks.py); the current moment is read once, by api.clock."""
    given = when(as_of, "--as-of"), when(known_on, "--known-on")
    from exitcheck import api

    return api.clock(*given)


def _day_option(name: str, help: str, metavar: str = "YYYY-MM-DD") -> Any:
    return typer.Option(name, metavar=metavar, help=help)


AsOf = Annotated[
    str | None,
    _day_option(
        "--as-of",
        "Status in effect on this day (00:00 Beijing time, UTC+8) or at this moment "
        "(2021-12-31T23:00+08:00), by what was known on --known-on "
        "\\[default: --known-on, else now; today is Beijing's calendar day].",
        "DATE|DATETIME",
    ),
]
KnownOn = Annotated[
    str | None,
    _day_option(
        "--known-on",
        "Use only measures announced by this day (or moment): the view on that day "
        "\\[default: now].",
        "DATE|DATETIME",
    ),
]
After = Annotated[str | None, _day_option("--after", "Only measures dated on or after this day.")]
Before = Annotated[
    str | None, _day_option("--before", "Only measures dated on or before this day.")
]


Json = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
JsonOnly = Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")]
Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="en|zh",
        autocompletion=completion.langs,
        help="Language of names, labels and status words \\[default: from the locale, else en].",
    ),
]
Fmt = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the answer to FILE (atomically: complete or not at all) instead of stdout.",
    ),
]
Bom = Annotated[
    bool, typer.Option("--bom", help="Start CSV output with a UTF-8 byte-order mark (for Excel).")
]


def checked_lang(lang: str | None) -> str | None:
    """A --lang value, or a usage error naming the languages there are."""
    from exitcheck.render.i18n import LANGS

    if lang is not None and lang not in LANGS:
        raise typer.BadParameter(f"'{lang}' is not one of: {', '.join(LANGS)}", param_hint="--lang")
    return lang
