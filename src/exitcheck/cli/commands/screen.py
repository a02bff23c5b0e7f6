"""`exitcheck screen FILE`: one result row per input row, streamed, and a summary on stderr."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from exitcheck.cli.options import AsOf, Bom, Fmt, KnownOn, Lang, Output, clock
from exitcheck.cli.runner import Call, answer
from exitcheck.errors import EXIT_HIT, EXIT_OK, EXIT_UNREADABLE, UsageError
from exitcheck.render import Format

if TYPE_CHECKING:
    from collections.abc import Iterator

    from exitcheck.answers.clocks import Clock
    from exitcheck.answers.screen import Counts
    from exitcheck.answers.screen_input import Table
    from exitcheck.answers.since import Recorded, Tally
    from exitcheck.render import Doc

File = Annotated[
    str,
    typer.Argument(
        metavar="FILE",
        help="A file of names, one per line, or a CSV with --column; '-' reads stdin.",
    ),
]
Column = Annotated[
    str | None,
    typer.Option(
        "--column", "-c", help="Read FILE as CSV and screen this column (by header name)."
    ),
]
Header = Annotated[bool, typer.Option("--header", help="Skip the first line of a plain list.")]
Encoding = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Encoding of FILE when it has no byte-order mark \\[default: utf-8]; e.g. "
        "gb18030 (also reads gbk), big5, utf-16, shift_jis, cp1252.",
    ),
]
Plain = Annotated[
    bool,
    typer.Option("--plain", help="FILE is a plain list even if its lines look like CSV columns."),
]
Threshold = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        min=0,
        max=100,
        help="Score (0-100) a fuzzy match needs \\[default: 75]. It only raises or lowers "
        "the bar inside the edit budget: no threshold makes a name match that is more edits "
        "away than the budget allows.",
    ),
]
FailOnMatch = Annotated[
    bool, typer.Option("--fail-on-match", help="Exit 3 when any row matched or was ambiguous.")
]
Summary = Annotated[
    Path | None,
    typer.Option("--summary", metavar="FILE", help="Also write the summary as JSON to this file."),
]
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes that answer the rows \\[default: the cores available]. "
        "The first 32 rows are answered here as they come; workers start only when a whole "
        "batch (512 rows) follows them; 1 answers in this process.",
    ),
]
NdJson = Annotated[bool, typer.Option("--json", help="Short for --format ndjson.")]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="PREVIOUS",
        help="Write only the rows whose answer changed since PREVIOUS, each with what changed: "
        "the output of an earlier 'screen --json', or an older registry file. "
        "--fail-on-match then counts only the rows written.",
    ),
]


def screen(
    file: File,
    column: Column = None,
    header: Header = False,
    encoding: Encoding = None,
    plain: Plain = False,
    threshold: Threshold = None,
    fail_on_match: FailOnMatch = False,
    summary: Summary = None,
    since: Since = None,
    as_of: AsOf = None,
    known_on: KnownOn = None,
    json: NdJson = False,
    fmt: Fmt = Format.table,
    output: Output = None,
    bom: Bom = False,
    lang: Lang = None,
    jobs: Jobs = None,
) -> None:
    """Screen a list of counterparties: one result row per input row, streamed.

    Example: exitcheck screen clients.csv --column name --format csv > screened.csv
    """

    def work(call: Call) -> int:
        import math

        from exitcheck import api
        from exitcheck.cli import output

        if threshold is not None and not math.isfinite(threshold):
            raise UsageError(
                f"--threshold must be a number from 0 to 100, not {threshold}",
                code="threshold",
                value=threshold,
            )
        output.check_paths(file, output_path, summary, since)
        if summary is not None:
            output.check_summary(summary)
        table = api.read_names(
            file,
            column=column,
            skip_header=header,
            encoding=encoding,
            plain=plain,
            waiting=sys.stdout.flush,
        )
        registry = call.registry()
        when = clock(as_of, known_on)
        previous, then = None, None
        if since is not None:  # before the first row: a bad PREVIOUS writes none
            previous = api.read_previous(since, stdin=file != "-")
            if isinstance(previous, Path):  # an older registry answers the same rows too
                import itertools

                now, earlier = itertools.tee(table.rows)
                table, then = table._replace(rows=now), table._replace(rows=earlier)
        # NDJSON rows straight to the output: the workers write the lines (--jobs)
        lines = call.fmt is Format.ndjson and since is None
        counts, records = api.screen_table(
            registry, table, when, threshold, jobs or _cores(), lines=lines
        )
        records = _progress(call, records)
        tally, about = None, None
        if since is not None and previous is not None:
            tally, records, about = _changed(call, since, previous, records, then, when, threshold)
        lookups = None
        if call.fmt is Format.html:  # a report: the summary first, each match's measures
            from exitcheck.render.html import Lookups

            lookups = Lookups(
                summary=lambda: (
                    counts.record() | ({} if tally is None else {"changed": tally.changed})
                ),
                entity=lambda entity_id: api.entity_report(registry, entity_id, when),
                source=lambda source_id: api.source(registry, source_id),
                coverage=api.coverage(registry),
                provenance=lambda: api.provenance(registry, when),
                previous=about,
            )
        call.write(call.renderer(lookups=lookups).screen(records))
        sys.stdout.flush()
        _summarise(call, counts)
        record = counts.record()
        if tally is not None:
            from exitcheck.render.changes import changed_line

            record["changed"] = tally.changed
            call.note(changed_line(record, str(since), call.words()))
        if summary is not None:
            output.write_summary(record, summary)
        if counts.unreadable:
            return EXIT_UNREADABLE
        hit = tally.hits if tally is not None else counts.match or counts.ambiguous
        return EXIT_HIT if fail_on_match and hit else EXIT_OK

    output_path = output
    answer(work, fmt=fmt, json=json, json_as=Format.ndjson, output=output, bom=bom, lang=lang)


def _cores() -> int:
    """The cores this process may run on."""
    import os

    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return int(counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _progress(call: Call, records: "Iterator[Doc]") -> "Iterator[Doc]":
    """Rows that are not on screen (piped or to a file) show their progress on stderr."""
    if not call.to_file() and sys.stdout.isatty():
        return records
    from exitcheck.render.progress import tracked

    w = call.words()
    return tracked(records, sys.stderr, w.label("screening", "screening"), w.label("rows", "rows"))


def _summarise(call: Call, counts: "Counts") -> None:
    """The summary line; after a "none" row (not a clean bill), what the registry covers;
    after unreadable rows, that they were not screened."""
    from exitcheck.render.notes import coverage_note, screened_line

    call.note(screened_line(counts.record(), call.words()) + "\n")
    if counts.none:
        from exitcheck import api

        call.note(coverage_note(api.coverage(call.registry()), call.words()))
    if counts.unreadable:
        w = call.words()
        english = (
            f"{counts.unreadable} row(s) could not be read and were not screened "
            "(decision 'unreadable'; see their reason); exit code 5"
        )
        text = w.message("unreadable_rows", english, {"count": counts.unreadable})
        call.note(f"exitcheck{w.colon}{text}\n")


def _changed(
    call: Call,
    since: str,
    previous: "Recorded | Path",
    records: "Iterator[Doc]",
    then: "Table | None",
    when: "Clock",
    threshold: float | None,
) -> "tuple[Tally, Iterator[Doc], Doc]":
    """The rows whose answer changed since PREVIOUS, after notes on what they are compared
    against (other clocks, a registry file, a --since output, no measures recorded); and what
    PREVIOUS is, for a report. That no row of the list is in PREVIOUS is known once the rows
    are read: it is said then, and added to the report's notes."""
    from exitcheck import api
    from exitcheck.cli.session import session

    found = api.compared_with(previous, when, use_cache=session.use_cache)
    from exitcheck.render.changes import compared_lines, compared_notes, disjoint_line

    notes = compared_lines(since, found, when, call.words())
    call.note(compared_notes(notes, call.words()))
    tally, records = api.changed_since(
        previous, records, then, when, threshold, use_cache=session.use_cache
    )

    def then_disjoint() -> "Iterator[Doc]":
        yield from records
        if tally.rows and not tally.common and not isinstance(previous, Path):
            line = disjoint_line(since, call.words())
            notes.append(line)
            call.note(compared_notes([line], call.words()))

    return tally, then_disjoint(), {**found, "file": since, "notes": notes}
