"""The entry point (the console script and ``python -m exitcheck``): signals first, then the rest.

The signal handlers are set before anything heavy is imported, so that Ctrl-C, SIGTERM or
SIGHUP at any moment of start-up ends the program quietly with its exit code (130, 143, 129)
instead of a traceback; during a command each becomes an exception, so that an ``-o`` file
being written is removed and nothing half-done is committed. Only ``signal`` (built in) is
imported here before the command line.
"""

import signal
import sys


def _terminate(signum: int, frame: object) -> None:
    from exitcheck.errors import Terminated

    raise Terminated(signum)


def _quiet(signum: int, frame: object) -> None:
    """A second signal while the first is being handled: stop now, still without a traceback."""
    sys.stderr.flush()
    import os

    os._exit(128 + signum)


def main() -> None:
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    try:
        from exitcheck.cli import main as run

        run()
    except SystemExit as exc:  # the answer is out: a signal now ends it at once, quietly
        _stop(exc.code)
    except KeyboardInterrupt:  # before the command line could catch it (during imports)
        _stop(130)
    except BaseException as exc:  # errors.Terminated (SIGTERM, SIGHUP) during imports
        code = getattr(exc, "exit_code", None)
        if not isinstance(code, int):
            raise
        _stop(code)


def _stop(code: object) -> None:
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _quiet)
    sys.exit(code)


if __name__ == "__main__":
    main()
