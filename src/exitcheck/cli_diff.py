"""`exitcheck diff`: the command's wiring (registered on ``cli.app`` when cli.py loads).

Exit 0 when the registries are the same, 1 when they differ, 2 on a usage or registry error.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from exitcheck.cli import Fmt, Json, _answer, _format, app
from exitcheck.errors import EXIT_NO_MATCH, EXIT_OK, RegistryError, UsageError
from exitcheck.render import Format

if TYPE_CHECKING:
    from exitcheck.validation import Checked

DIFF_FORMATS = (Format.table, Format.json, Format.markdown)


@app.command()
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
            help="Check each file on top of the shipped registry (files that [[extend]] it).",
        ),
    ] = False,
    json: Json = False,
    fmt: Fmt = Format.table,
) -> None:
    """Compare two registries: what was added, removed and changed, field by field.

    Exit 0 when they are the same, 1 when they differ, 2 on error.
    Example: exitcheck diff entities-old.toml entities-new.toml --format markdown
    """
    fmt = _format(fmt, json)

    def body() -> int:
        from exitcheck import diff as compare
        from exitcheck.registry import shipped_registry

        if fmt not in DIFF_FORMATS:
            raise UsageError(
                f"diff prints {', '.join(f.value for f in DIFF_FORMATS)}, not {fmt.value}"
            )
        if len(paths) > 2 or (shipped and len(paths) != 1):
            raise UsageError("diff takes OLD NEW, or NEW alone (or with --shipped)")
        base = [shipped_registry()]
        if len(paths) == 1:
            before = _checked(base)
            after = _checked(base + paths if layered else paths)
        else:
            before, after = (_checked([*base, p] if layered else [p]) for p in paths)
        record = compare.record(before, after, compare.compare(before, after))
        if fmt is Format.json:
            from exitcheck.render.jsonfmt import dumps

            sys.stdout.write(dumps(record) + "\n")
        else:
            from exitcheck.render import diff_view

            out = diff_view.markdown if fmt is Format.markdown else diff_view.text
            sys.stdout.write(out(record))
        return EXIT_OK if record["same"] else EXIT_NO_MATCH

    _answer(fmt, body)


def _checked(paths: list[Path]) -> "Checked":
    from exitcheck.registry import unique_paths
    from exitcheck.validation import check

    checked, findings = check(unique_paths(paths))
    if checked is None:
        raise RegistryError(findings)
    return checked
