"""Exceptions become exit codes here, and only here; each is one line on stderr (and, when JSON
was asked for, an error object on stdout), never a traceback.

``exit_code`` is called from the two places an exception can surface: ``runner.answer``, for
what a command's work raises, and ``cli.run``, for what the parser and the entry point raise.

    0 answered (or the reader went away)   1 no confident match          2 usage or registry error
    3 screen --fail-on-match hit          4 output could not be written  5 screen: rows unreadable
    70 internal error                     129 hang-up (SIGHUP)           130 interrupted (SIGINT)
    143 terminated (SIGTERM)
"""

from __future__ import annotations

import sys

import typer

from exitcheck.cli import stdio
from exitcheck.cli.session import session
from exitcheck.cli.typer_shim import click_exceptions
from exitcheck.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    ExitcheckError,
    InternalError,
    RegistryError,
    Terminated,
    UsageError,
)
from exitcheck.render import Format


def exit_code(exc: BaseException, fmt: Format) -> int:
    """The exit code for ``exc``, after saying what went wrong (JSON too for a JSON ``fmt``)."""

    if isinstance(exc, typer.Exit):
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(exc, Terminated):
        return exc.exit_code
    if isinstance(exc, typer.Abort):
        sys.stderr.write("exitcheck: aborted\n")
        return EXIT_INTERRUPTED
    if isinstance(exc, click_exceptions.NoArgsIsHelpError):
        exc.show()  # the help text, as for --help
        return EXIT_USAGE
    if isinstance(exc, click_exceptions.ClickException):
        from exitcheck.cli import usage

        exc = UsageError(usage.message(exc, session.lang))
    if isinstance(exc, OSError):
        return _os_error(exc, fmt)
    if isinstance(exc, ValueError) and "null byte" in str(exc):  # a file name holding NUL
        exc = UsageError("a file name cannot hold a NUL character")
    if not isinstance(exc, Exception):
        raise exc  # SystemExit and the like are not errors
    if not isinstance(exc, ExitcheckError):
        exc = _cache_error(exc) or InternalError(exc)  # a bug of ours: still no traceback
    report(exc, fmt)
    return exc.exit_code


def _os_error(exc: OSError, fmt: Format) -> int:

    if isinstance(exc, BrokenPipeError):  # the reader went away: stop quietly
        stdio.silence_stdout()
        return EXIT_OK
    if stdio.is_output_error(exc):
        return stdio.output_failed(exc)
    error = InternalError(exc)
    report(error, fmt)
    return error.exit_code


def _cache_error(exc: Exception) -> ExitcheckError | None:
    """A damaged cache (sqlite3 refuses it) is removed, and said so: the next call rebuilds it."""
    sqlite = sys.modules.get("sqlite3")
    if sqlite is None or not isinstance(exc, sqlite.Error):
        return None
    from exitcheck.api import forget_served_caches

    forget_served_caches()
    return ExitcheckError(
        f"the registry cache could not be read ({exc}); it was removed and the next call rebuilds it"
    )


def report(exc: ExitcheckError, fmt: Format) -> None:
    """One line on stderr in the call's language; the error object on stdout for JSON."""
    from exitcheck.render.i18n import words
    from exitcheck.render.safe import printable

    w = words(session.lang)
    message = w.message(exc.code, exc.message, exc.params)
    sys.stderr.write(f"exitcheck{w.colon}{printable(message)}\n")
    if fmt in (Format.json, Format.ndjson):
        from exitcheck.api import error_record
        from exitcheck.render.jsonfmt import dumps

        findings = exc.findings if isinstance(exc, RegistryError) else ()
        record = error_record(exc.kind, exc.message, findings)
        sys.stdout.write(dumps(record, indent=None if fmt is Format.ndjson else 2) + "\n")
