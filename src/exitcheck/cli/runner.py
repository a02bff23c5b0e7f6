"""The one preamble of every command: ``answer`` runs a command's work.

A command hands ``answer`` its shared options and its work, a function of a ``Call``. ``answer``
sets the language and the format, checks the output options, opens the output (stdout, or an
``-o`` file written atomically), runs the work (which loads the registry through the call if it
needs one, calls the pure functions, renders and writes), and exits with the code the work
returns. An exception the work raises is given to ``exits.exit_code``, the one place where
exceptions become exit codes (here, inside the command, because the parser would otherwise
take a closed pipe for its own exit 1).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from exitcheck.cli import output as out
from exitcheck.cli.options import checked_lang
from exitcheck.cli.session import session
from exitcheck.errors import UsageError
from exitcheck.render import Format

if TYPE_CHECKING:
    from exitcheck.render import Doc, Renderer
    from exitcheck.render.html import Lookups
    from exitcheck.render.i18n import Words
    from exitcheck.store import Registry


def registry_files() -> list[Path]:
    """The registry files in effect for this call (--registry, --only, $EXITCHECK_REGISTRY)."""
    from exitcheck import api

    return api.registry_files(session.registries, only=session.only)


def load_registry() -> Registry:
    """The registries in effect for this call, loaded (through the cache unless --no-cache)."""
    from exitcheck import api

    return api.load(registry_files(), only=True, use_cache=session.use_cache)


def complete_entities(incomplete: str) -> list[str]:
    """Shell completion for entity names and ids; quiet (no candidates) on any problem."""
    try:
        return load_registry().index.complete(incomplete)
    except Exception:
        return []


class Call:
    """What a command's work is given: the format and language asked for, the registry on
    demand, a renderer, and where to write."""

    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt
        self._registry: Registry | None = None

    def words(self) -> Words:
        """The words of the call's language (--lang)."""
        from exitcheck.render.i18n import words

        return words(session.lang)

    def styled(self) -> bool:
        """Whether the answer gets colour and rich layout (never in an -o file)."""

        return session.out is None and out.styled(sys.stdout, session.color)

    def width(self) -> int:
        """The width to lay the answer out in: the terminal's, else 80."""

        at_terminal = session.out is None and sys.stdout.isatty()  # with NO_COLOR too
        return out.width(self.styled() or at_terminal)

    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = load_registry()
        return self._registry

    def renderer(
        self,
        provenance: Doc | None = None,
        details: bool = False,
        order: str = "date",
        lookups: Lookups | None = None,
    ) -> Renderer:
        from exitcheck.render import renderer

        return renderer(
            self.fmt,
            styled=self.styled(),
            width=self.width(),
            lang=session.lang,
            provenance=provenance,
            details=details,
            order=order,
            lookups=lookups,
        )

    def write(self, chunks: Iterable[str | bytes]) -> None:
        """Text, or bytes: a binary stream's (a workbook), or UTF-8 lines that workers wrote
        for a text stream, written as they are to its buffer when it is UTF-8 and does not
        translate line ends, else as text."""
        out: Any = session.out or sys.stdout  # text, or binary for a workbook
        for chunk in chunks:
            if session.bom:
                out.write("\ufeff")
                session.bom = False
            if isinstance(chunk, bytes) and hasattr(out, "encoding"):  # to a text stream
                raw = _utf8_buffer(out)
                if raw is None:
                    out.write(chunk.decode("utf-8"))
                    continue
                out.flush()  # what was written as text comes first
                raw.write(chunk)
                continue
            out.write(chunk)

    def note(self, text: str) -> None:
        """A line for the person, not the answer: on stderr."""
        sys.stderr.write(text)

    def to_file(self) -> bool:
        """Whether the answer goes to an -o file."""
        return session.out is not None


def _utf8_buffer(out: Any) -> Any:
    """The binary buffer under a text stream whose text is written as UTF-8 bytes unchanged
    (line ends are not translated), else None."""
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" or os.linesep != "\n":
        return None
    return getattr(out, "buffer", None)


def use_lang(lang: str | None) -> None:
    """A command's own --lang (after the command name) wins over the global one."""
    if lang is not None:
        session.lang = checked_lang(lang) or session.lang


def answer(
    work: Callable[[Call], int],
    *,
    fmt: Format = Format.table,
    json: bool = False,
    json_as: Format = Format.json,
    output: Path | None = None,
    bom: bool = False,
    lang: str | None = None,
) -> NoReturn:
    """Run a command's work with its shared options, and exit with its code.

    ``json`` (the --json flag) stands for ``json_as``. With ``output`` the answer goes to that
    file, written atomically; ``bom`` starts it (or stdout) with a UTF-8 byte-order mark.
    """
    use_lang(lang)
    fmt = json_as if json else fmt
    call = Call(fmt)
    try:
        code = _run(call, work, output, bom)
    except Exception as exc:  # every error: exits.exit_code decides
        from exitcheck.cli.exits import exit_code

        code = exit_code(exc, fmt)
    finally:
        session.bom = False
    raise typer.Exit(code)


def _run(call: Call, work: Callable[[Call], int], output: Path | None, bom: bool) -> int:
    if bom and call.fmt is not Format.csv:
        raise UsageError("--bom applies to --format csv only", code="bom_csv")
    if output is not None and str(output) == "-":
        output = None  # -o - is stdout
    if call.fmt is Format.xlsx:
        _check_xlsx(output)
    if output is None:
        session.bom = bom  # written before the first chunk: not at all after an early error
        code = work(call)
    else:
        code = _to_file(call, work, output, bom)
    sys.stdout.flush()
    return code


def _check_xlsx(output: Path | None) -> None:
    from exitcheck.render import xlsx

    if output is None:
        raise UsageError(
            "--format xlsx writes a workbook file: give -o FILE.xlsx", code="xlsx_file"
        )
    if not xlsx.available():
        raise UsageError(f"--format xlsx needs the optional xlsx extra: {xlsx.EXTRA}")


def _to_file(call: Call, work: Callable[[Call], int], output: Path, bom: bool) -> int:

    with out.atomic(output, binary=call.fmt is Format.xlsx, bom=bom) as stream:
        session.out = stream
        try:
            return work(call)
        finally:
            session.out = None
