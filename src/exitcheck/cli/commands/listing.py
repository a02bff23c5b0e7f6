"""`exitcheck list` and `exitcheck timeline`: the measures selected by the same filters, as
records or on a date axis. Their own options (--by, --kind, --measure) are declared here, not in
``options``, so that other commands do not import the choice type (``typer_shim``)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from exitcheck.cli.options import (
    After,
    AsOf,
    Before,
    Bom,
    Fmt,
    Json,
    KnownOn,
    Lang,
    Output,
    clock,
    day,
)
from exitcheck.cli.runner import Call, answer
from exitcheck.cli.typer_shim import ShownChoice
from exitcheck.errors import EXIT_OK, UsageError
from exitcheck.render import Format

if TYPE_CHECKING:
    from exitcheck.answers.report import ListAnswer


def _date_fields() -> tuple[str, ...]:
    from exitcheck.model import MEASURE_DATES

    return MEASURE_DATES


def _entity_kinds() -> list[str]:
    from exitcheck.model import ENTITY_KINDS

    return list(ENTITY_KINDS)


def _measure_kinds() -> list[str]:
    from exitcheck.model import MEASURE_KINDS

    return list(MEASURE_KINDS)


# The choices show in --help and completion; listing.select checks them (exitcheck's message, exit 2).
By = Annotated[
    str,
    typer.Option(
        "--by",
        click_type=ShownChoice(_date_fields),
        help="Which date --after/--before compare: 'announced', or 'effective' (effective date, else deadline).",
    ),
]
Kinds = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        click_type=ShownChoice(_entity_kinds),
        help="Only entities of this kind (repeatable).",
    ),
]
MeasureKinds = Annotated[
    list[str] | None,
    typer.Option(
        "--measure",
        click_type=ShownChoice(_measure_kinds),
        help="Only measures of this kind (repeatable).",
    ),
]


def _orders() -> tuple[str, ...]:
    from exitcheck.render.order import ORDERS

    return ORDERS


Sort = Annotated[
    str,
    typer.Option(
        "--sort",
        click_type=ShownChoice(_orders),
        help="Order of the rows in the table, CSV and Markdown: 'date' (the DATE column; a month "
        "before its days, ties by entity id) or 'entity' (each entity's measures together, "
        "entities by their earliest measure). JSON and NDJSON keep the entity order.",
    ),
]


class Filters:
    """The filters list and timeline share, as given on the command line."""

    def __init__(
        self,
        after: str | None,
        before: str | None,
        by: str,
        kind: list[str] | None,
        measure: list[str] | None,
    ) -> None:
        self.after, self.before, self.by = after, before, by
        self.kind, self.measure = kind or [], measure or []

    def select(self, call: Call, as_of: str | None, known_on: str | None) -> "ListAnswer":
        """Check the filters and select what they show."""
        from exitcheck import api
        from exitcheck.model import ENTITY_KINDS, MEASURE_DATES, MEASURE_KINDS

        if self.by not in MEASURE_DATES:
            dates = ", ".join(MEASURE_DATES)
            raise UsageError(
                f"--by must be one of: {dates}", code="one_of", option="--by", known=MEASURE_DATES
            )
        start, end = day(self.after, "--after"), day(self.before, "--before")
        if start and end and start > end:
            raise UsageError(
                f"--after {start} is later than --before {end}",
                code="after_before",
                after=start,
                before=end,
            )
        for given, known, option in (
            (self.kind, ENTITY_KINDS, "--kind"),
            (self.measure, MEASURE_KINDS, "--measure"),
        ):
            unknown = [k for k in given if k not in known]
            if unknown:
                raise UsageError(
                    f"unknown {option} '{unknown[0]}' (known: {', '.join(known)})",
                    code="unknown_value",
                    option=option,
                    value=unknown[0],
                    known=list(known),
                )
        return api.select(
            call.registry(),
            clock(as_of, known_on),
            after=start,
            before=end,
            by=self.by,
            entity_kinds=self.kind,
            measure_kinds=self.measure,
        )


def list_(
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="YYYY-MM-DD",
            help="Only measures dated on this day (--after D --before D).",
        ),
    ] = None,
    after: After = None,
    before: Before = None,
    by: By = "announced",
    kind: Kinds = None,
    measure: MeasureKinds = None,
    sort: Sort = "date",
    as_of: AsOf = None,
    known_on: KnownOn = None,
    json: Json = False,
    fmt: Fmt = Format.table,
    output: Output = None,
    bom: Bom = False,
    lang: Lang = None,
) -> None:
    """List entities with their measures, sorted by date.

    Example: exitcheck list --after 2021-09-24 --measure closed --json
    """

    def work(call: Call) -> int:
        from exitcheck import api
        from exitcheck.render.order import ORDERS

        if sort not in ORDERS:
            known = ", ".join(ORDERS)
            raise UsageError(
                f"--sort must be one of: {known}", code="one_of", option="--sort", known=ORDERS
            )
        if on is not None:
            if after is not None or before is not None:
                raise UsageError(
                    "--on is one day: give it without --after and --before", code="on_alone"
                )
            day(on, "--on")
        filters = Filters(on or after, on or before, by, kind, measure)
        selected = filters.select(call, as_of, known_on)
        lookups = None
        if call.fmt is Format.html:  # a report links each measure's sources
            from exitcheck.render.html import Lookups

            lookups = Lookups(
                source=lambda source_id: api.source(selected.registry, source_id),
                provenance=lambda: api.provenance(selected.registry, selected.clock),
            )
        out = call.renderer(order=sort, lookups=lookups)
        call.write(out.listing(api.list_records(selected)))
        return EXIT_OK

    answer(work, fmt=fmt, json=json, output=output, bom=bom, lang=lang)


def timeline(
    after: After = None,
    before: Before = None,
    by: By = "announced",
    kind: Kinds = None,
    measure: MeasureKinds = None,
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg", metavar="FILE", help="Write the timeline as a standalone SVG to FILE."
        ),
    ] = None,
    as_of: AsOf = None,
    known_on: KnownOn = None,
    lang: Lang = None,
) -> None:
    """Draw the measures on a date axis: one row per entity, regulations as reference lines.

    Example: exitcheck timeline --after 2021-09-24 --svg exits.svg
    """

    def work(call: Call) -> int:
        from exitcheck import api
        from exitcheck.dates import beijing_day
        from exitcheck.render import timeline_text

        selected = Filters(after, before, by, kind, measure).select(call, as_of, known_on)
        picture = api.timeline(selected)
        files = [f.name for f in selected.registry.files]
        w = call.words()
        caption = timeline_text.caption(files, selected.clock, w)
        picture = picture._replace(caption=caption, as_of=beijing_day(selected.clock.as_of))
        if svg is None:
            text = timeline_text.render(picture, width=call.width(), words=w, styled=call.styled())
            call.write([text])
            return EXIT_OK
        from exitcheck.cli import output
        from exitcheck.render import timeline_svg

        drawing = timeline_svg.render(picture, words=w)
        with output.atomic(svg) as stream:
            stream.write(drawing)
        call.note(timeline_svg.written(svg, picture))
        return EXIT_OK

    answer(work, lang=lang)
