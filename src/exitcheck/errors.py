"""Domain exceptions and the exit codes. The CLI turns every exception into an exit code in one
place, ``exitcheck.cli.exits.exit_code``."""

from __future__ import annotations

from exitcheck.records import Record
from exitcheck.stops import Terminated as Terminated  # with the other stops of a run

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_USAGE = 2
EXIT_HIT = 3  # screen --fail-on-match found a match or an ambiguous row
EXIT_OUTPUT = 4  # the output could not be written (stdout closed, disk full)
EXIT_UNREADABLE = 5  # screen: some rows could not be read (answered "unreadable")
EXIT_HANGUP = 129  # SIGHUP (128 + 1): the terminal went away
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT)
EXIT_TERMINATED = 143  # SIGTERM (128 + 15): timeout, systemd, docker stop
EXIT_INTERNAL = 70  # a bug of exitcheck's (an unexpected exception): EX_SOFTWARE in sysexits.h


class ExitcheckError(Exception):
    """An error reported to the user as one line on stderr, never as a traceback."""

    exit_code = EXIT_USAGE
    kind = "error"

    def __init__(self, message: str, *, code: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.code = code  # names the message in data/i18n.toml ([zh.messages]) for --lang zh
        self.params = params  # the values its translation puts in


class UsageError(ExitcheckError):
    kind = "usage"


class RegistryChanged(ExitcheckError):
    """A registry passed to another process or thread whose files changed since it was
    loaded there: its answers would come from other data than the caller's."""

    kind = "registry"


class InternalError(ExitcheckError):
    """An unexpected exception, reported as one line (no traceback) with its own exit code."""

    exit_code = EXIT_INTERNAL
    kind = "internal"

    def __init__(self, exc: BaseException) -> None:
        super().__init__(f"internal error ({type(exc).__name__}: {exc}); please report it")


class Finding(Record):
    """One problem in a registry file: where it is and what is wrong."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    entity: str | None = None
    severity: str = "error"  # "error" or "warning"

    def location(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        subject = f" [{self.entity}]" if self.entity else ""
        return f"{self.location()}: {self.severity}{subject}: {self.message}"


class RegistryError(ExitcheckError):
    """A registry could not be used; carries every error finding."""

    kind = "registry"

    def __init__(self, findings: list[Finding]) -> None:
        errors = [f for f in findings if f.severity == "error"]
        first = str(errors[0]) if errors else "invalid registry"
        more = (
            f" (and {len(errors) - 1} more error(s); run 'exitcheck validate')"
            if len(errors) > 1
            else ""
        )
        super().__init__(first + more)
        self.findings = findings
