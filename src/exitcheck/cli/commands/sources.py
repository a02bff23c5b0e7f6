"""`exitcheck sources` and `exitcheck regulations`: the tables behind the registry."""

from exitcheck.cli.options import Bom, Fmt, Json, Lang, Output
from exitcheck.cli.runner import Call, answer
from exitcheck.errors import EXIT_OK
from exitcheck.render import Format


def sources(
    json: Json = False,
    fmt: Fmt = Format.table,
    output: Output = None,
    bom: Bom = False,
    lang: Lang = None,
) -> None:
    """List the sources behind the registry and what each supports.

    Example: exitcheck sources --format markdown
    """

    def work(call: Call) -> int:
        from exitcheck import api

        registry = call.registry()
        out = call.renderer(api.provenance(registry))
        call.write(out.rows(*api.sources(registry)))
        return EXIT_OK

    answer(work, fmt=fmt, json=json, output=output, bom=bom, lang=lang)


def regulations(
    json: Json = False,
    fmt: Fmt = Format.table,
    output: Output = None,
    bom: Bom = False,
    lang: Lang = None,
) -> None:
    """List the regulatory background the sources describe, oldest first.

    Example: exitcheck regulations --json
    """

    def work(call: Call) -> int:
        from exitcheck import api

        registry = call.registry()
        out = call.renderer(api.provenance(registry))
        call.write(out.rows(*api.regulations(registry)))
        return EXIT_OK

    answer(work, fmt=fmt, json=json, output=output, bom=bom, lang=lang)
