"""The command line: build the Typer app with the invoked command, run it, exit. Nothing else.

The words are read once, before Typer parses them, in ``argv``. Each command lives in
``exitcheck.cli.commands`` (its options, and its work handed to ``runner.answer``); only the
invoked command's module is imported. Every exception becomes an exit code in one place,
``exits.exit_code``:

    0 answered, 1 no confident match, 2 usage or registry error, 3 screen --fail-on-match found a
    hit, 4 the output could not be written (stdout closed, disk full), 5 screen: some rows could
    not be read, 70 internal error (an unexpected exception: a bug), 129 hang-up (SIGHUP), 130
    interrupted (Ctrl-C), 143 terminated (SIGTERM). The signal handlers are set in
    ``exitcheck.__main__``, the entry point, before this module is imported.

No ``from __future__ import annotations`` here nor in the command modules: Typer reads the
signatures of the global options and of the invoked command on every call, and evaluates
string annotations again each time it does (twice per function); as objects they cost nothing
more to read.
"""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from exitcheck.cli import argv as cli_argv
from exitcheck.cli import options
from exitcheck.cli import output as out
from exitcheck.cli.output import Color
from exitcheck.cli.session import session
from exitcheck.errors import EXIT_OK, EXIT_OUTPUT
from exitcheck.version import __version__

# Command name -> its module in exitcheck.cli.commands and its function there, in --help order.
COMMANDS = {
    "status": ("status", "status"),
    "list": ("listing", "list_"),
    "timeline": ("listing", "timeline"),
    "sources": ("sources", "sources"),
    "regulations": ("sources", "regulations"),
    "schema": ("schema", "schema"),
    "search": ("search", "search"),
    "screen": ("screen", "screen"),
    "validate": ("validate", "validate"),
    "info": ("info", "info"),
    "diff": ("diff", "diff"),
}


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
        argv = cli_argv.for_parser(list(sys.argv[1:] if args is None else args))
        out.settle_columns()  # before anything (the help too) reads COLUMNS

        def call() -> Any:
            return super(_Group, self).main(
                argv, prog_name, complete_var, standalone_mode=False, **extra
            )

        if not standalone_mode:
            return call()
        sys.exit(_guarded(call, argv))


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"exitcheck {__version__}\n")
        raise typer.Exit(EXIT_OK)


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
    lang: options.Lang = None,
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
    4 output could not be written, 5 screen: rows could not be read, 70 internal error (please report it),
    129/130/143 hang-up, Ctrl-C, terminated.
    """
    session.registries = registry
    session.only = only
    session.use_cache = not no_cache
    session.color = color
    from exitcheck.render.i18n import default_lang

    session.lang = options.checked_lang(lang) or default_lang()


def _app(names: list[str]) -> typer.Typer:
    """The app with these commands registered (their modules imported), in --help order."""
    import importlib

    app = typer.Typer(
        name="exitcheck",
        cls=_Group,
        help="What platforms announced toward mainland-China users, since when, and says who.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_global)
    for name in names:
        module, function = COMMANDS[name]
        command = importlib.import_module(f"exitcheck.cli.commands.{module}").__dict__[function]
        app.command(name)(command)
    return app


def whole_app() -> typer.Typer:
    """Every command: for help without a command, completion, and an unknown command."""
    return _app(list(COMMANDS))


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the invoked command registered, and only its module imported.

    Typer turns every registered command into click objects on each call (about 1.5 ms for all
    of them), and a call runs one. Help without a command, completion, and no or an unknown
    command get the whole app, so what they print is unchanged.
    """
    import os

    if any(key.startswith("_") and key.endswith("_COMPLETE") for key in os.environ):
        return whole_app()
    name = cli_argv.command(args, COMMANDS)
    return whole_app() if name is None else _app([name])


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    return _guarded(
        lambda: app_for(args)(args=args, prog_name="exitcheck", standalone_mode=False), args
    )


def _guarded(call: Callable[[], Any], args: list[str]) -> int:
    """Call the command line and flush its answer; an exception becomes its exit code."""
    try:
        result = call()
        sys.stdout.flush()
        return result if isinstance(result, int) else EXIT_OK
    except BaseException as exc:
        from exitcheck.cli import exits
        from exitcheck.render.i18n import default_lang

        # the parser may fail before reading --lang: the words and the locale say the language
        session.lang = cli_argv.requested_lang(args) or default_lang()
        return exits.exit_code(exc, cli_argv.requested_format(args))


def main() -> None:
    """Console-script entry point: never a traceback, quiet when the reader goes away."""
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        if sys.stderr is not None:
            sys.stderr.write("exitcheck: cannot write the output: standard output is closed\n")
        sys.exit(EXIT_OUTPUT)
    args = sys.argv[1:]
    for stream in (sys.stdout, sys.stderr):
        if (
            hasattr(stream, "reconfigure")
            and (stream.encoding or "").lower().replace("-", "") != "utf8"
        ):
            if stream is sys.stdout and cli_argv.machine_format(args):
                stream.reconfigure(encoding="utf-8", errors="strict")  # bytes a program reads
            else:
                stream.reconfigure(errors="backslashreplace")

    def armed() -> int:
        from exitcheck import stops

        # from here a signal unwinds the command, removing what it was writing; until here
        # (inside the guard, so that no moment is left between) the entry point's handlers
        # end the program quietly
        stops.arm()
        return run(args)

    sys.exit(_guarded(armed, args))
