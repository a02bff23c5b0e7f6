"""Standard output that cannot be written: a reader that went away, a full disk, a closed
descriptor. Each ends in one plain line (or silence), never a traceback."""

from __future__ import annotations

import contextlib
import errno
import os
import sys

from exitcheck.errors import EXIT_OUTPUT

# Errors of writing stdout (a full disk, a closed or revoked descriptor), not of reading input.
OUTPUT_ERRNOS = {errno.EIO, errno.EBADF, errno.EFBIG, errno.ENOSPC, errno.EDQUOT}


def is_output_error(exc: OSError) -> bool:
    return exc.errno in OUTPUT_ERRNOS


def output_failed(exc: OSError) -> int:
    """The output could not be written: one plain line on stderr, exit 4."""
    if sys.stderr is not None:
        sys.stderr.write(f"exitcheck: cannot write the output: {exc.strerror or exc}\n")
    if sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):
            silence_stdout()  # nothing more to write; the exit flush must not fail again
    return EXIT_OUTPUT


def silence_stdout() -> None:
    """The reader (e.g. `head`) went away: send what is left to /dev/null and stop quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
