"""`exitcheck schema [NAME]`: the JSON Schema of a command's --json output."""

from typing import Annotated

import typer

from exitcheck.cli import completion
from exitcheck.cli.runner import Call, answer
from exitcheck.errors import EXIT_OK, UsageError


def schema(
    name: Annotated[
        str | None,
        typer.Argument(
            help="Which output: status, list, search, screen, validate, info, sources, regulations, diff, error.",
            autocompletion=completion.schemas,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a command's --json output (without NAME: list them).

    Example: exitcheck schema status > status.schema.json
    """

    def work(call: Call) -> int:
        from exitcheck import api

        known = api.schema_names()
        if name is None:
            call.write(["\n".join(known) + "\n"])
            return EXIT_OK
        if name not in known:
            raise UsageError(
                f"no schema '{name}' (known: {', '.join(known)})",
                code="no_schema",
                name=name,
                known=list(known),
            )
        call.write([api.schema(name)])
        return EXIT_OK

    answer(work)
