"""Stop signals during a command: SIGINT becomes KeyboardInterrupt, SIGTERM and SIGHUP become
``Terminated``, so that what is being written is removed as the exception passes (exit codes
130, 143, 129). The entry point (``exitcheck.__main__``) exits at once on a signal until the
command line calls ``arm``."""

import signal


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: stop as after Ctrl-C (files being written are removed),
    with exit code 128 + the signal's number. Not an Exception: no ``except Exception`` of a
    library in between may swallow it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.exit_code = 128 + signum


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


def arm() -> None:
    """From now on a stop signal is an exception that unwinds the command (and cleans up)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
