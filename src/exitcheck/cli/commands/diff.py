"""`exitcheck diff [OLD] NEW`: what was added, removed and changed between two registries.

Exit 0 when the registries are the same, 1 when they differ, 2 on a usage or registry error.
"""

from pathlib import Path
from typing import Annotated

import typer

from exitcheck.cli.options import Fmt, Json
from exitcheck.cli.runner import Call, answer
from exitcheck.errors import EXIT_NO_MATCH, EXIT_OK, UsageError
from exitcheck.render import Format

DIFF_FORMATS = (Format.table, Format.json, Format.markdown)


def diff(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="[OLD] NEW", help="Two registry files; with one, OLD is the shipped registry."
        ),
    ],
    shipped: Annotated[
        bool, typer.Option("--shipped", help="Compare NEW with the shipped registry.")
    ] = False,
    layered: Annotated[
        bool,
        typer.Option(
            "--layered",
            help="Check each file on top of the shipped registry (files that \\[\\[extend]] it).",
        ),
    ] = False,
    json: Json = False,
    fmt: Fmt = Format.table,
) -> None:
    """Compare two registries: what was added, removed and changed, field by field.

    Exit 0 when they are the same, 1 when they differ, 2 on error.
    Example: exitcheck diff entities-old.toml entities-new.toml --format markdown
    """

    def work(call: Call) -> int:
        from exitcheck import api
        from exitcheck.render import diff_view

        if call.fmt not in DIFF_FORMATS:
            raise UsageError(
                f"diff prints {', '.join(f.value for f in DIFF_FORMATS)}, not {call.fmt.value}"
            )
        if len(paths) > 2 or (shipped and len(paths) != 1):
            raise UsageError("diff takes OLD NEW, or NEW alone (or with --shipped)")
        base = [api.shipped_registry()]
        if len(paths) == 1:
            record = api.diff(base, base + paths if layered else paths)
        else:
            old, new = ([*base, p] if layered else [p] for p in paths)
            record = api.diff(old, new)
        as_json, as_markdown = call.fmt is Format.json, call.fmt is Format.markdown
        call.write([diff_view.render(record, as_json, as_markdown)])
        return EXIT_OK if record["same"] else EXIT_NO_MATCH

    answer(work, fmt=fmt, json=json)
