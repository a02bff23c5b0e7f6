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
    from exitcheck.answers.clocks import Clock


def day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value as a date; a bad one is a usage error (exit 2)."""
    if value is None:
        return None
    from exitcheck.dates import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}", code="bad_day", option=option, value=value) from None


def clock(as_of: str | None, known_on: str | None) -> Clock:
    """Both clocks (see clocks.py); today is read here, at the edge, and nowhere deeper."""
    from exitcheck.answers.clocks import resolve

    return resolve(day(as_of, "--as-of"), day(known_on, "--known-on"), date.today())


def _day_option(name: str, help: str) -> Any:
    return typer.Option(name, metavar="YYYY-MM-DD", help=help)


AsOf = Annotated[
    str | None,
    _day_option(
        "--as-of",
        "Status in effect on this day, by what was known on --known-on \\[default: --known-on, else today].",
    ),
]
KnownOn = Annotated[
    str | None,
    _day_option(
        "--known-on",
        "Use only measures announced by this day: the view on that day \\[default: today].",
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
