"""`exitcheck validate [PATH]...`: check registry files, list every finding with its line."""

from pathlib import Path
from typing import Annotated

import typer

from exitcheck.cli.options import JsonOnly, Output
from exitcheck.cli.runner import Call, answer, registry_files
from exitcheck.errors import EXIT_OK, EXIT_USAGE


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...", help="Registry files \\[default: the registries in effect]."
        ),
    ] = None,
    json: JsonOnly = False,
    output: Output = None,
) -> None:
    """Check registry files against the schema; list every error and warning with its line.

    Exit 0 when valid (warnings allowed), 2 when not.
    Example: exitcheck validate data/entities.toml
    """

    def work(call: Call) -> int:
        from exitcheck import api
        from exitcheck.render import info

        record, findings = api.validate(paths or registry_files())
        call.write([info.validate(record, findings, as_json=json)])
        return EXIT_OK if record["valid"] else EXIT_USAGE

    answer(work, json=json, output=output)
