"""The entry point (the console script and ``python -m exitcheck``): signals first, then the rest.

Ctrl-C (SIGINT), SIGTERM and SIGHUP end the program quietly with their exit code (130, 143,
129) at any moment, never with a traceback. Until a command runs, nothing has been written, so
the first handlers, set here before anything else is imported, just exit. Once the command line
is up, ``stops.arm`` makes each signal an exception instead, so that an ``-o`` file being
written is removed and nothing half-done is committed; when the answer is out, a signal ends
the program at once again.

The cyclic garbage collector is off while the command line is imported: what is made then
(modules, classes, functions: ~17,000 objects, most of them Typer's) lives until the program
ends. Collecting during the imports freed ~460 of them (a few tens of KB) for 3-4 ms, and the
collection at exit went through them all again. Once imported they are frozen (``gc.freeze``:
never looked at again, at exit neither) and the collector runs as usual for what the command
makes. It is switched off in ``main``, not when this module is imported: the workers of
``screen --jobs`` import the console script, and with it this module, and run with it on.
"""

import _signal  # type: ignore  # the C module (signal.py first builds its enums: longer)
import gc
import os


def _now(signum: int, frame: object) -> None:
    os._exit(128 + signum)  # nothing to clean up: nothing was written yet, or all of it


def _quiet() -> None:
    """A signal ends the program at once, with its exit code."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(_signal, name):
            _signal.signal(getattr(_signal, name), _now)


_quiet()


def main() -> None:
    import contextlib
    import sys

    try:
        gc.disable()  # for the imports (see above)
        try:
            from exitcheck.cli import main as run

            gc.freeze()
        finally:  # on, whatever the import raised: a caller in the same process goes on
            gc.enable()
        run()
    except SystemExit as exc:  # the answer is out: a signal now ends the program at once
        _quiet()
        from exitcheck.errors import EXIT_HANGUP, EXIT_INTERRUPTED, EXIT_TERMINATED

        if exc.code in (
            EXIT_HANGUP,
            EXIT_INTERRUPTED,
            EXIT_TERMINATED,
        ):  # stopped by a signal, cleaned up: end now, without waiting at
            for stream in (sys.stdout, sys.stderr):  # exit for worker processes' pipes
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(exc.code)
        sys.exit(exc.code)


if __name__ == "__main__":
    main()
