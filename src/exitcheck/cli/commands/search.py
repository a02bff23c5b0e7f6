"""`exitcheck search QUERY`: ranked candidates with their scores."""

from typing import Annotated

import typer

from exitcheck.cli.options import AsOf, Bom, Fmt, Json, Lang, Output, clock
from exitcheck.cli.runner import Call, answer
from exitcheck.errors import EXIT_NO_MATCH, EXIT_OK
from exitcheck.render import Format


def search(
    query: Annotated[str, typer.Argument(help="A name to look up.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=100, help="How many candidates to show.")
    ] = 10,
    as_of: AsOf = None,
    json: Json = False,
    fmt: Fmt = Format.table,
    output: Output = None,
    bom: Bom = False,
    lang: Lang = None,
) -> None:
    """Show ranked candidates for QUERY with scores, the name that matched and the normalised form.

    Exit 0 when the query matches one entity confidently, 1 otherwise.
    Example: exitcheck search "huobi global" --limit 3
    """

    def work(call: Call) -> int:
        from exitcheck import api

        record = api.search(call.registry(), query, clock(as_of, None), limit=limit)
        call.write([call.renderer().search(record)])
        return EXIT_OK if record["decision"] == "match" else EXIT_NO_MATCH

    answer(work, fmt=fmt, json=json, output=output, bom=bom, lang=lang)
