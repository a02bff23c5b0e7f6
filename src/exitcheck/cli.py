"""The command line: parse options, call the pure functions, render, exit. Nothing else.

Exit codes: 0 answered, 1 no confident match, 2 usage or registry error, 3 screen
--fail-on-match found a hit, 4 the output could not be written (stdout closed, disk full).
Errors become exit codes in one place, ``_answer``.
"""

import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from exitcheck import __version__, completion
from exitcheck.errors import (
    EXIT_HIT,
    EXIT_NO_MATCH,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    ExitcheckError,
    RegistryError,
    UsageError,
)
from exitcheck.output import Color
from exitcheck.render import Format
from exitcheck.typer_shim import ShownChoice

if TYPE_CHECKING:
    from exitcheck.clocks import Clock
    from exitcheck.matching import MatchIndex
    from exitcheck.registry import Registry
    from exitcheck.report import ListAnswer


class _Group(TyperGroup):
    """Global options may follow the command; errors are reported the same way however the
    command line is invoked (the console script, ``python -m``, a test runner)."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from exitcheck import usage

        argv = usage.hoist_globals(_names_last(list(sys.argv[1:] if args is None else args)))

        def call() -> Any:
            return super(_Group, self).main(
                argv, prog_name, complete_var, standalone_mode=False, **extra
            )

        if not standalone_mode:
            return call()
        sys.exit(_guarded(call, argv))


app = typer.Typer(
    name="exitcheck",
    cls=_Group,
    help="What platforms announced toward mainland-China users, since when, and says who.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# --------------------------------------------------------------------------------------------
# Options declared once, shared by every command that uses them.


def _day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value as a date; a bad one is a usage error (exit 2)."""
    if value is None:
        return None
    from exitcheck.dates import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}", code="bad_day", option=option, value=value) from None


def _clock(as_of: str | None, known_on: str | None) -> "Clock":
    """Both clocks (see clocks.py); today is read here, at the edge, and nowhere deeper."""
    from exitcheck.clocks import resolve

    return resolve(_day(as_of, "--as-of"), _day(known_on, "--known-on"), date.today())


AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Status in effect on this day, by what was known on --known-on \\[default: --known-on, else today].",
    ),
]
KnownOn = Annotated[
    str | None,
    typer.Option(
        "--known-on",
        metavar="YYYY-MM-DD",
        help="Use only measures announced by this day: the view on that day \\[default: today].",
    ),
]
After = Annotated[
    str | None,
    typer.Option(
        "--after",
        metavar="YYYY-MM-DD",
        help="Only measures dated on or after this day.",
    ),
]
Before = Annotated[
    str | None,
    typer.Option(
        "--before",
        metavar="YYYY-MM-DD",
        help="Only measures dated on or before this day.",
    ),
]


def _date_fields() -> tuple[str, ...]:
    from exitcheck.report import DATE_FIELDS

    return DATE_FIELDS


def _entity_kinds() -> list[str]:
    from exitcheck.model import ENTITY_KINDS

    return list(ENTITY_KINDS)


def _measure_kinds() -> list[str]:
    from exitcheck.model import MEASURE_KINDS

    return list(MEASURE_KINDS)


# The choices show in --help and completion; _selection checks them (exitcheck's message, exit 2).
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
Json = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
JsonOnly = Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")]
Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="en|zh",
        autocompletion=completion.langs,
        help="Language of names, labels and status words \\[default: from the locale, else en].",
    ),
]
Fmt = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the answer to FILE (atomically: complete or not at all) instead of stdout.",
    ),
]
Bom = Annotated[
    bool, typer.Option("--bom", help="Start CSV output with a UTF-8 byte-order mark (for Excel).")
]


class _State:
    registries: list[Path] | None = None
    only: bool = False
    use_cache: bool = True
    lang: str = "en"
    color: Color = Color.auto
    out: Any = None  # where answers go: sys.stdout, or the -o file while it is being written
    bom: bool = False  # a byte-order mark is still to be written to stdout


_state = _State()


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"exitcheck {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _global(
    registry: Annotated[
        list[Path] | None,
        typer.Option(
            "--registry",
            "-r",
            metavar="PATH",
            help="Registry file to add to the shipped one (repeatable). Default: $EXITCHECK_REGISTRY.",
        ),
    ] = None,
    only: Annotated[
        bool,
        typer.Option(
            "--only",
            help="Use only the --registry (or $EXITCHECK_REGISTRY) files, not the shipped one.",
        ),
    ] = False,
    lang: Lang = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Parse the registry afresh; neither read nor write the cache."
        ),
    ] = False,
    color: Annotated[
        Color,
        typer.Option(
            "--color",
            help="Colour and rich layout: auto (at a terminal; NO_COLOR and FORCE_COLOR honoured), always or never.",
            case_sensitive=False,
        ),
    ] = Color.auto,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            is_eager=True,
            callback=_print_version,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """exitcheck answers offline: what has platform X announced toward mainland-China users?

    Exit codes: 0 answered, 1 no confident match, 2 usage or registry error, 3 screen --fail-on-match hit,
    4 output could not be written.
    """
    _state.registries = registry
    _state.only = only
    _state.use_cache = not no_cache
    _state.color = color
    from exitcheck.i18n import default_lang

    _state.lang = _checked_lang(lang) or default_lang()


def _checked_lang(lang: str | None) -> str | None:
    from exitcheck.i18n import LANGS

    if lang is not None and lang not in LANGS:
        raise typer.BadParameter(f"'{lang}' is not one of: {', '.join(LANGS)}", param_hint="--lang")
    return lang


def _use_lang(lang: str | None) -> None:
    """A command's own --lang (after the command name) wins over the global one."""
    if lang is not None:
        _state.lang = _checked_lang(lang) or _state.lang


def _format(fmt: Format, json_flag: bool) -> Format:
    return Format.json if json_flag else fmt


def _styled() -> bool:
    from exitcheck import output

    return _state.out is None and output.styled(sys.stdout, _state.color)


def _width() -> int:
    from exitcheck import output

    at_terminal = _state.out is None and sys.stdout.isatty()  # with NO_COLOR too
    return output.width(_styled() or at_terminal)


def _renderer(fmt: Format, provenance: dict[str, Any] | None = None) -> Any:
    from exitcheck.render import renderer

    return renderer(fmt, styled=_styled(), width=_width(), lang=_state.lang, provenance=provenance)


def _write(chunks: Iterable[str]) -> None:
    out = _state.out or sys.stdout
    for chunk in chunks:
        if _state.bom:
            out.write("\ufeff")
            _state.bom = False
        out.write(chunk)


def _answer(
    fmt: Format, body: Callable[[], int], output: Path | None = None, bom: bool = False
) -> None:
    """Run a command body; turn domain errors into one stderr line (and a JSON error) and an exit code.

    With ``output`` the answer goes to that file, written atomically; ``bom`` starts it (or
    stdout) with a UTF-8 byte-order mark.
    """
    try:
        if bom and fmt is not Format.csv:
            raise UsageError("--bom applies to --format csv only")
        if output is not None and str(output) == "-":
            output = None  # -o - is stdout
        if fmt is Format.xlsx:
            _check_xlsx(output)
        if output is None:
            _state.bom = bom  # written before the first chunk: not at all after an early error
            code = body()
        else:
            code = _to_file(fmt, body, output, bom)
        sys.stdout.flush()
    except ExitcheckError as exc:
        _report_error(fmt, exc)
        code = exc.exit_code
    except BrokenPipeError:
        from exitcheck import stdio

        stdio.silence_stdout()
        code = EXIT_OK
    except OSError as exc:
        from exitcheck import stdio

        if not stdio.is_output_error(exc):
            raise
        code = stdio.output_failed(exc)
    finally:
        _state.bom = False
    raise typer.Exit(code)


def _check_xlsx(output: Path | None) -> None:
    from exitcheck.render import xlsx

    if output is None:
        raise UsageError("--format xlsx writes a workbook file: give -o FILE.xlsx")
    if not xlsx.available():
        raise UsageError(f"--format xlsx needs the optional xlsx extra: {xlsx.EXTRA}")


def _to_file(fmt: Format, body: Callable[[], int], output: Path, bom: bool) -> int:
    from exitcheck import output as out

    with out.atomic(output, binary=fmt is Format.xlsx, bom=bom) as stream:
        _state.out = stream
        try:
            return body()
        finally:
            _state.out = None


def _report_error(fmt: Format, exc: ExitcheckError) -> None:
    from exitcheck.i18n import words
    from exitcheck.render.safe import printable

    message = words(_state.lang).message(exc.code, exc.message, exc.params)
    sys.stderr.write(f"exitcheck{words(_state.lang).colon}{printable(message)}\n")
    if fmt in (Format.json, Format.ndjson):
        from exitcheck.render.jsonfmt import dumps
        from exitcheck.report import error_record

        findings = exc.findings if isinstance(exc, RegistryError) else ()
        sys.stdout.write(
            dumps(
                error_record(exc.kind, exc.message, findings),
                indent=None if fmt is Format.ndjson else 2,
            )
            + "\n"
        )


def _registry() -> "Registry":
    from exitcheck.registry import load, registry_paths

    return load(registry_paths(_state.registries, only=_state.only), use_cache=_state.use_cache)


def _index(registry: "Registry") -> "MatchIndex":
    return registry.index


def _complete(incomplete: str) -> list[str]:
    """Shell completion for entity names and ids; quiet (no candidates) on any problem."""
    try:
        return _registry().index.complete(incomplete)
    except Exception:
        return []


def _query(name: str) -> str:
    from exitcheck.api import check_name

    return check_name(name)


# --------------------------------------------------------------------------------------------
# Commands


@app.command()
def status(
    name: Annotated[
        str,
        typer.Argument(
            help="Platform name, alias, Chinese name, pinyin or domain.", autocompletion=_complete
        ),
    ],
    as_of: AsOf = None,
    known_on: KnownOn = None,
    json: Json = False,
    fmt: Fmt = Format.table,
    output: Output = None,
    bom: Bom = False,
    lang: Lang = None,
) -> None:
    """Match NAME to one entity and print its status, measures, dates and sources.

    Example: exitcheck status huobi --as-of 2021-10-01
    """
    _use_lang(lang)
    fmt = _format(fmt, json)

    def body() -> int:
        from exitcheck.api import lookup

        answer = lookup(
            _registry(), name, _day(as_of, "--as-of"), known_on=_day(known_on, "--known-on")
        )
        out = _renderer(fmt)
        record = answer.record
        if answer.entity is None:
            if fmt is Format.table:
                sys.stderr.write(out.no_match(record))
            else:
                _write([out.no_match(record)])
            return EXIT_NO_MATCH
        if _state.lang != "en":
            from exitcheck.i18n import words

            record["status_meaning"] = words(_state.lang).status_meaning(
                record["status"], record["status_meaning"]
            )
        _write([out.status(record)])
        return EXIT_OK

    _answer(fmt, body, output, bom)


def _selection(
    after: str | None,
    before: str | None,
    by: str,
    kind: list[str] | None,
    measure: list[str] | None,
    as_of: str | None,
    known_on: str | None,
) -> "ListAnswer":
    """Check the shared filters of list and timeline and select what they show."""
    from exitcheck import report
    from exitcheck.model import ENTITY_KINDS, MEASURE_KINDS

    if by not in report.DATE_FIELDS:
        raise UsageError(f"--by must be one of: {', '.join(report.DATE_FIELDS)}")
    start, end = _day(after, "--after"), _day(before, "--before")
    if start and end and start > end:
        raise UsageError(f"--after {start} is later than --before {end}")
    for given, known, option in (
        (kind or [], ENTITY_KINDS, "--kind"),
        (measure or [], MEASURE_KINDS, "--measure"),
    ):
        unknown = [k for k in given if k not in known]
        if unknown:
            raise UsageError(f"unknown {option} '{unknown[0]}' (known: {', '.join(known)})")
    return report.select(
        _registry(),
        _clock(as_of, known_on),
        after=start,
        before=end,
        by=by,
        entity_kinds=kind or (),
        measure_kinds=measure or (),
    )


@app.command("list")
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
    _use_lang(lang)
    fmt = _format(fmt, json)

    def body() -> int:
        from exitcheck import report

        if on is not None:
            if after is not None or before is not None:
                raise UsageError("--on is one day: give it without --after and --before")
            _day(on, "--on")
        answer = _selection(on or after, on or before, by, kind, measure, as_of, known_on)
        _write(_renderer(fmt).listing(report.list_records(answer)))
        return EXIT_OK

    _answer(fmt, body, output, bom)


@app.command()
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
    _use_lang(lang)

    def body() -> int:
        from exitcheck import report
        from exitcheck import timeline as tl
        from exitcheck.i18n import words

        answer = _selection(after, before, by, kind, measure, as_of, known_on)
        picture = tl.build(report.list_records(answer), answer.registry.regulations, answer.as_of)
        w = words(_state.lang)
        names = w.listing.join(f.name for f in answer.registry.files)
        clock = answer.clock
        as_of_text = f"{w.label('as_of', 'as of')} {w.day(clock.as_of.isoformat())}"
        known_text = f"{w.label('known_on', 'as known on')} {w.day(clock.known_on.isoformat())}"
        registries = w.label("registries", "registries")
        caption = f"{as_of_text}{w.comma}{known_text} · {registries}{w.colon}{names}"
        picture = picture._replace(caption=caption, as_of=clock.as_of)
        if svg is not None:
            from exitcheck import output
            from exitcheck.render import timeline_svg

            drawing = timeline_svg.render(picture, words=words(_state.lang))
            with output.atomic(svg) as stream:
                stream.write(drawing)
            sys.stderr.write(f"wrote {svg} ({len(picture.rows)} entities)\n")
            return EXIT_OK
        from exitcheck.render import timeline_text

        sys.stdout.write(
            timeline_text.render(
                picture, width=_width(), words=words(_state.lang), styled=_styled()
            )
        )
        return EXIT_OK

    _answer(Format.table, body)


@app.command()
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
    _use_lang(lang)
    fmt = _format(fmt, json)

    def body() -> int:
        from exitcheck import report

        registry = _registry()
        out = _renderer(fmt, report.provenance_record(registry, date.today()))
        _write(out.rows(report.SOURCE_COLUMNS, report.source_records(registry)))
        return EXIT_OK

    _answer(fmt, body, output, bom)


@app.command()
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
    _use_lang(lang)
    fmt = _format(fmt, json)

    def body() -> int:
        from exitcheck import report

        registry = _registry()
        out = _renderer(fmt, report.provenance_record(registry, date.today()))
        _write(out.rows(report.REGULATION_COLUMNS, report.regulation_records(registry)))
        return EXIT_OK

    _answer(fmt, body, output, bom)


@app.command()
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

    def body() -> int:
        from exitcheck import schemas

        known = schemas.names()
        if name is None:
            sys.stdout.write("\n".join(known) + "\n")
            return EXIT_OK
        if name not in known:
            raise UsageError(f"no schema '{name}' (known: {', '.join(known)})")
        sys.stdout.write(schemas.document(name))
        return EXIT_OK

    _answer(Format.table, body)


@app.command()
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
    _use_lang(lang)
    fmt = _format(fmt, json)

    def body() -> int:
        from exitcheck import report
        from exitcheck.matching import search as rank

        registry = _registry()
        result, ranked = rank(_index(registry), _query(query), limit)
        clock = _clock(as_of, None)
        answer = report.SearchAnswer(registry, clock.as_of, result, ranked, clock.known_on)
        _write([_renderer(fmt).search(report.search_record(answer))])
        return EXIT_OK if result.decision == "match" else EXIT_NO_MATCH

    _answer(fmt, body, output, bom)


@app.command()
def screen(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A file of names, one per line, or a CSV with --column; '-' reads stdin.",
        ),
    ],
    column: Annotated[
        str | None,
        typer.Option(
            "--column", "-c", help="Read FILE as CSV and screen this column (by header name)."
        ),
    ] = None,
    header: Annotated[
        bool, typer.Option("--header", help="Skip the first line of a plain list.")
    ] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Encoding of FILE when it has no byte-order mark \\[default: utf-8]; e.g. "
            "gb18030 (also reads gbk), big5, utf-16, shift_jis, cp1252.",
        ),
    ] = None,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain", help="FILE is a plain list even if its lines look like CSV columns."
        ),
    ] = False,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            min=0,
            max=100,
            help="Score (0-100) a fuzzy match needs \\[default: 75]. It only raises or lowers "
            "the bar inside the edit budget: no threshold makes a name match that is more edits "
            "away than the budget allows.",
        ),
    ] = None,
    fail_on_match: Annotated[
        bool, typer.Option("--fail-on-match", help="Exit 3 when any row matched or was ambiguous.")
    ] = False,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary", metavar="FILE", help="Also write the summary as JSON to this file."
        ),
    ] = None,
    as_of: AsOf = None,
    known_on: KnownOn = None,
    json: Annotated[bool, typer.Option("--json", help="Short for --format ndjson.")] = False,
    fmt: Fmt = Format.table,
    output: Output = None,
    bom: Bom = False,
    lang: Lang = None,
) -> None:
    """Screen a list of counterparties: one result row per input row, streamed.

    Example: exitcheck screen clients.csv --column name --format csv > screened.csv
    """
    _use_lang(lang)
    fmt = Format.ndjson if json else fmt

    def body() -> int:
        import math

        from exitcheck import screen_input, screening

        if threshold is not None and not math.isfinite(threshold):
            raise UsageError(f"--threshold must be a number from 0 to 100, not {threshold}")
        if summary is not None:
            screening.check_writable(summary)
        table = screen_input.read(
            file, column=column, skip_header=header, encoding=encoding, plain=plain
        )
        registry = _registry()
        counts = screening.Counts(read=table.size)
        records = screening.screen(
            registry,
            _index(registry),
            table.rows(),
            _clock(as_of, known_on),
            threshold,
            counts,
            table.header,
        )
        from exitcheck.i18n import words
        from exitcheck.render.progress import tracked

        if _state.out is not None or not sys.stdout.isatty():  # rows on screen show progress
            w = words(_state.lang)
            records = tracked(
                records, sys.stderr, w.label("screening", "screening"), w.label("rows", "rows")
            )
        _write(_renderer(fmt).screen(records))
        sys.stdout.flush()
        sys.stderr.write(counts.line(words(_state.lang)) + "\n")
        if counts.none:  # a "none" row is not a clean bill: say what the registry covers
            import textwrap

            from exitcheck import report
            from exitcheck.render.notes import coverage_text

            coverage = report.coverage_record(registry)
            text = coverage_text(coverage, words(_state.lang))
            sys.stderr.write((textwrap.fill(text, 80) if _state.lang == "en" else text) + "\n")
        if summary is not None:
            counts.write(summary)
        return EXIT_HIT if fail_on_match and (counts.match or counts.ambiguous) else EXIT_OK

    _answer(fmt, body, output, bom)


@app.command()
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
    Example: exitcheck validate src/exitcheck/data/entities.toml
    """
    fmt = Format.json if json else Format.table

    def body() -> int:
        from exitcheck import registry as reg
        from exitcheck import report
        from exitcheck.render.jsonfmt import dumps
        from exitcheck.render.safe import printable
        from exitcheck.validation import check

        files = paths or reg.registry_paths(_state.registries, only=_state.only)
        loaded, findings = check(files)
        record = report.validate_record(files, loaded is not None, findings)
        if json:
            _write([dumps(record) + "\n"])
        else:
            _write(printable(str(f)) + "\n" for f in findings)
            verdict = "valid" if loaded is not None else "invalid"
            _write(
                [
                    f"{verdict}: {len(files)} file(s), {record['errors']} error(s), {record['warnings']} warning(s)\n"
                ]
            )
        return EXIT_OK if loaded is not None else EXIT_USAGE

    _answer(fmt, body, output)


@app.command()
def info(json: JsonOnly = False, output: Output = None) -> None:
    """Describe the registries in effect: paths, versions, fingerprints, counts and date range.

    Example: exitcheck info --json
    """
    fmt = Format.json if json else Format.table

    def body() -> int:
        from exitcheck import report
        from exitcheck.render.jsonfmt import dumps

        record = report.info_record(_registry())
        if json:
            _write([dumps(record) + "\n"])
        else:
            from exitcheck.i18n import words
            from exitcheck.render.info import info_text

            _write([info_text(record, words(_state.lang))])
        return EXIT_OK

    _answer(fmt, body, output)


# --------------------------------------------------------------------------------------------
# Entry point


def _json_requested(args: list[str]) -> Format | None:
    if "--json" in args:
        return Format.ndjson if args and args[0] == "screen" else Format.json
    for i, arg in enumerate(args):
        value = (
            arg.split("=", 1)[1]
            if arg.startswith("--format=")
            else args[i + 1]
            if arg in ("--format", "-f") and i + 1 < len(args)
            else None
        )
        if value in ("json", "ndjson"):
            return Format(value)
    return None


def _names_last(args: list[str]) -> list[str]:
    """A name that starts with '-' and holds a space ('- Huobi', a chat bullet) can only be a
    name, never an option: move it after '--' so the parser reads it as one."""
    if "--" in args:
        return args
    names = [a for a in args if a.startswith("-") and any(ch.isspace() for ch in a)]
    if not names:
        return args
    return [a for a in args if a not in names] + ["--", *names]


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the invoked command registered.

    Typer turns every registered command into click objects on each call (about 1.5 ms for all
    of them), and a call runs one. Help without a command, completion, and no or an unknown
    command get the whole app, so what they print is unchanged.
    """
    import os

    if any(key.startswith("_") and key.endswith("_COMPLETE") for key in os.environ):
        return app
    from exitcheck.usage import GLOBAL_WITH_VALUE

    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] in ("--help", "-h", "--"):
            return app
        i += 2 if args[i] in (*GLOBAL_WITH_VALUE, "--lang") else 1
    if i >= len(args):
        return app
    from typer.main import get_command_name

    chosen = [
        c
        for c in app.registered_commands
        if c.callback is not None and (c.name or get_command_name(c.callback.__name__)) == args[i]
    ]
    if not chosen:
        return app
    import copy

    only = copy.copy(app)
    only.registered_commands = chosen
    return only


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; usage errors become exit 2 (and JSON when asked)."""
    args = list(sys.argv[1:] if argv is None else argv)
    return _guarded(
        lambda: _app_for(args)(args=args, prog_name="exitcheck", standalone_mode=False), args
    )


def _guarded(call: Callable[[], Any], args: list[str]) -> int:
    """Call the command line; every error becomes exitcheck's one-line message and an exit code."""
    from exitcheck import usage
    from exitcheck.typer_shim import click_exceptions

    try:
        result = call()
        return result if isinstance(result, int) else EXIT_OK
    except typer.Exit as exc:
        return exc.exit_code
    except click_exceptions.NoArgsIsHelpError as exc:
        exc.show()  # the help text, as for --help
        return EXIT_USAGE
    except click_exceptions.ClickException as exc:
        _report_error(_json_requested(args) or Format.table, UsageError(usage.message(exc)))
        return EXIT_USAGE
    except typer.Abort:
        sys.stderr.write("exitcheck: aborted\n")
        return 130
    except BrokenPipeError:
        raise  # handled by main()
    except OSError as exc:
        from exitcheck import stdio

        if stdio.is_output_error(exc):
            raise  # handled by main()
        return _internal(args, exc)
    except Exception as exc:  # a bug of ours: still no traceback for the user
        sqlite = sys.modules.get("sqlite3")
        if sqlite is not None and isinstance(exc, sqlite.Error):
            from exitcheck.registry import forget_served_caches

            forget_served_caches()
            _report_error(
                _json_requested(args) or Format.table,
                ExitcheckError(
                    f"the registry cache could not be read ({exc}); it was removed and the next call rebuilds it"
                ),
            )
            return EXIT_USAGE
        return _internal(args, exc)


def _internal(args: list[str], exc: Exception) -> int:
    name = type(exc).__name__
    _report_error(
        _json_requested(args) or Format.table,
        ExitcheckError(f"internal error ({name}: {exc}); please report it"),
    )
    return EXIT_USAGE


def main() -> None:
    """Console-script entry point: never a traceback, quiet when the reader goes away."""
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        if sys.stderr is not None:
            sys.stderr.write("exitcheck: cannot write the output: standard output is closed\n")
        sys.exit(EXIT_OUTPUT)
    for stream in (sys.stdout, sys.stderr):
        if (
            hasattr(stream, "reconfigure")
            and (stream.encoding or "").lower().replace("-", "") != "utf8"
        ):
            stream.reconfigure(errors="backslashreplace")
    try:
        code = run()
        sys.stdout.flush()
    except BrokenPipeError:
        from exitcheck import stdio

        stdio.silence_stdout()
        code = EXIT_OK
    except KeyboardInterrupt:
        code = 130
    except OSError as exc:
        from exitcheck import stdio

        if not stdio.is_output_error(exc):
            raise
        code = stdio.output_failed(exc)
    sys.exit(code)


from exitcheck import cli_diff  # noqa: E402, F401  (registers `exitcheck diff` on app)
