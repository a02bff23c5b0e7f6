"""`exitcheck sources` and `exitcheck regulations`: the tables behind the registry."""

from datetime import date

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
        from exitcheck.answers import registry_records, report_records

        registry = call.registry()
        out = call.renderer(report_records.provenance_record(registry, date.today()))
        call.write(
            out.rows(registry_records.SOURCE_COLUMNS, registry_records.source_records(registry))
        )
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
        from exitcheck.answers import registry_records, report_records

        registry = call.registry()
        out = call.renderer(report_records.provenance_record(registry, date.today()))
        call.write(
            out.rows(
                registry_records.REGULATION_COLUMNS, registry_records.regulation_records(registry)
            )
        )
        return EXIT_OK

    answer(work, fmt=fmt, json=json, output=output, bom=bom, lang=lang)
