"""Where answers go and how they look: colour, width, and files written atomically.

Colour follows, in order: ``--color always|never``; ``NO_COLOR`` (no-color.org: set and not
empty); ``FORCE_COLOR`` (set and not empty, as ``force-color.org``); then whether the stream is a
terminal (and ``TERM`` is not ``dumb``). An empty ``NO_COLOR=`` or ``FORCE_COLOR=`` counts as
unset.

``-o FILE`` and ``--summary FILE`` are written to a temporary file in FILE's directory and
renamed over FILE only when the answer is complete: after an error, a full disk, Ctrl-C,
SIGTERM or SIGHUP, FILE is as it was (absent or the old content). A file that is not a regular
file (``/dev/null``, a FIFO) is written in place; a descriptor named by path (``/dev/stdout``,
``/dev/fd/N``, ``/proc/self/fd/N``) is written through that descriptor, so that
``-o /dev/stdout >> log`` appends to the log.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import IO, Any

from exitcheck.errors import UsageError

BOM = "\ufeff"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _env_set(name: str) -> bool:
    return bool(os.environ.get(name))


def styled(stream: Any, color: Color = Color.auto) -> bool:
    """Whether output to ``stream`` gets colour and rich layout."""
    if color is not Color.auto:
        return color is Color.always
    if _env_set("NO_COLOR"):
        return False
    if _env_set("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def width(at_terminal: bool) -> int:
    """The width answers are laid out in: the terminal's columns (``COLUMNS`` wins) for a
    terminal or forced styling, else 80; always within wrap.MIN_WIDTH and wrap.MAX_WIDTH."""
    from exitcheck.render.wrap import DEFAULT_WIDTH, fit_width

    return fit_width(terminal_columns()) if at_terminal else DEFAULT_WIDTH


def terminal_columns(environ: Mapping[str, str] | None = None) -> int | None:
    """``COLUMNS`` when it is a positive whole number, else the terminal's own width, else None.
    Any other ``COLUMNS`` (empty, negative, not a number) counts as unset."""
    value = (os.environ if environ is None else environ).get("COLUMNS", "").strip()
    if value.isascii() and value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or None  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return None


def settle_columns() -> None:
    """Replace a ``COLUMNS`` that is set with the width exitcheck lays out in, so that what
    reads it directly (the help, which rich draws) agrees with the answers, and an absurd value
    (``COLUMNS=99999999999999999999``) reaches nothing."""
    from exitcheck.render.wrap import fit_width

    if "COLUMNS" in os.environ:
        os.environ["COLUMNS"] = str(fit_width(terminal_columns()))


def _mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic(path: Path, *, binary: bool = False, bom: bool = False) -> Iterator[IO[Any]]:
    """A file object whose content replaces ``path`` only when the block ends without error.

    A symbolic link is followed (the file it names is replaced, the link kept); a path that is
    not a regular file (``/dev/null``, a FIFO) is written directly, as it cannot be replaced.
    """
    if path.is_dir():
        raise UsageError(f"cannot write {path}: it is a directory")
    if descriptor(path) is not None or (path.exists() and not path.is_file()):
        with _direct(path, binary) as device:
            if bom and not binary:
                device.write(BOM)
            yield device
        return
    import tempfile  # only when writing a file: it costs start-up time

    target = Path(os.path.realpath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else _mode())
        stream: IO[Any] = (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        )
        with stream:
            if bom and not binary:
                stream.write(BOM)
            yield stream  # a write that fails (disk full) is an output error: exit 4
            stream.flush()
            os.fsync(stream.fileno())  # the content is on disk before the name points to it
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:  # an error, Ctrl-C or a closed pipe: leave no half-written file
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def descriptor(path: Path) -> int | None:
    """The open descriptor of this process that ``path`` names (``/dev/stdout``, ``/dev/fd/1``,
    ``/proc/self/fd/1``), or None. Opening such a path anew would truncate what the shell
    opened for appending; the descriptor itself is written instead."""
    text = os.path.abspath(path)
    named = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
    if text in named:
        return named[text]
    for prefix in ("/dev/fd/", "/proc/self/fd/", f"/proc/{os.getpid()}/fd/"):
        rest = text[len(prefix) :] if text.startswith(prefix) else ""
        if rest.isascii() and rest.isdigit():
            return int(rest)
    return None


@contextlib.contextmanager
def _direct(path: Path, binary: bool) -> Iterator[IO[Any]]:
    fd = descriptor(path)
    try:
        if fd is not None:
            if fd == 1:
                sys.stdout.flush()
            fd = os.dup(fd)
        stream: IO[Any] = (
            os.fdopen(fd, "wb")
            if fd is not None and binary
            else os.fdopen(fd, "w", encoding="utf-8", newline="")
            if fd is not None
            else open(path, "wb")  # noqa: SIM115
            if binary
            else open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        )
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    with stream:
        yield stream


def check_paths(
    file: str, output: Path | None, summary: Path | None, since: str | None = None
) -> None:
    """Refuse, before anything is written, an output that would overwrite the input or the
    earlier results compared with (``--since``), ``-o`` and ``--summary`` naming one file (one
    would be lost), and a summary written among the rows on standard output."""
    if output is not None and since not in (None, "-") and _same(Path(str(since)), output):
        where = f"--since {since}"
        raise UsageError(
            f"{where} is also the output (-o): the answers compared against would be "
            "overwritten by the rows that changed; write the output to another file",
            code="since_is_output",
            file=where,
        )
    if summary is not None and since not in (None, "-") and _same(Path(str(since)), summary):
        raise UsageError(
            f"--summary {summary} is PREVIOUS (--since): it would be overwritten; "
            "write the summary to another file"
        )
    if summary is not None and _on_stdout(summary) and (output is None or _on_stdout(output)):
        raise UsageError(
            f"--summary {summary} is standard output, where the rows go: the summary would land "
            "among them; write the summary to a file (it is on stderr too)"
        )
    named = [(o, f"--{k}") for o, k in ((output, "output"), (summary, "summary")) if o]
    named = [(o, k) for o, k in named if str(o) != "-" and descriptor(o) is None]
    if file != "-":
        for path, option in named:
            if _same(Path(file), path):
                raise UsageError(
                    f"{option} {path} is the input file: it would be overwritten; "
                    "write the results to another file"
                )
    if len(named) == 2 and _same(named[0][0], named[1][0]):
        raise UsageError(f"-o and --summary name the same file ({summary}): give two files")


def _on_stdout(path: Path) -> bool:
    return str(path) == "-" or descriptor(path) == 1


def _same(one: Path, other: Path) -> bool:
    """The same file: by device and inode when both exist, else by resolved path."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.realpath(one) == os.path.realpath(other)


def check_summary(path: Path) -> None:
    """Fail now, before any row is written, if the --summary file cannot be written later.
    A file created by the check is removed again (it is written at the end); a FIFO without a
    reader fails at once instead of blocking."""
    if path.is_dir():
        raise UsageError(f"cannot write summary to {path}: is a directory")
    existed = path.exists()
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
    try:
        os.close(os.open(path, flags, 0o666))
    except OSError as exc:
        raise UsageError(f"cannot write summary to {path}: {exc.strerror or exc}") from None
    if not existed:
        with contextlib.suppress(OSError):
            path.unlink()


def write_summary(summary: dict[str, object], path: Path) -> None:
    """The summary as one JSON line, written whole or not at all (a full disk: exit 4)."""
    import json

    from exitcheck.cli import stdio

    try:
        with atomic(path) as stream:
            stream.write(json.dumps(summary) + "\n")
    except OSError as exc:
        if stdio.is_output_error(exc):
            raise
        raise UsageError(f"cannot write summary to {path}: {exc.strerror or exc}") from None
