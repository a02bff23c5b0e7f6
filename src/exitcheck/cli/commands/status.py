"""`exitcheck status NAME`: one entity's status, measures, dates and sources."""

import sys
from typing import Annotated

import typer

from exitcheck.cli.options import AsOf, Bom, Fmt, Json, KnownOn, Lang, Output, when
from exitcheck.cli.runner import Call, answer, complete_entities
from exitcheck.errors import EXIT_NO_MATCH, EXIT_OK
from exitcheck.render import Format


def status(
    name: Annotated[
        str,
        typer.Argument(
            help="Platform name, alias, Chinese name, pinyin or domain.",
            autocompletion=complete_entities,
        ),
    ],
    as_of: AsOf = None,
    known_on: KnownOn = None,
    json: Json = False,
    fmt: Fmt = Format.table,
    output: Output = None,
    bom: Bom = False,
    lang: Lang = None,
    details: Annotated[
        bool,
        typer.Option(
            "--details",
            help="Show each measure in full (description, products, quotes, notes, URLs) and "
            "the sources. The default view is the card and one line per measure; the other "
            "formats always carry everything.",
        ),
    ] = False,
) -> None:
    """Match NAME to one entity and print its status, measures, dates and sources.

    Example: exitcheck status huobi --as-of 2021-10-01
    """

    def work(call: Call) -> int:
        from exitcheck.api import lookup

        found = lookup(
            call.registry(), name, when(as_of, "--as-of"), known_on=when(known_on, "--known-on")
        )
        out = call.renderer(details=details)
        if found.entity is None:
            if call.fmt is Format.table:
                sys.stderr.write(out.no_match(found.record))
            else:
                call.write([out.no_match(found.record)])
            return EXIT_NO_MATCH
        call.write([out.status(found.record)])
        return EXIT_OK

    answer(work, fmt=fmt, json=json, output=output, bom=bom, lang=lang)
