"""The commands, one module each (or one per pair that shares its work), and the options of the
call in progress.

A command module declares its options (the shared ones from ``options``), and hands its work to
``runner.answer``; it never formats, writes or exits by itself. ``exitcheck.cli`` imports only
the module of the command that was invoked. Exceptions become exit codes in ``exits``.

The command modules do not use ``from __future__ import annotations``: Typer reads the invoked
command's signature on every call, and string annotations would be compiled and evaluated
again each time (see cli.py). Names imported only for the type checker are quoted there.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from exitcheck.output import Color


class Session:
    """The global options of this call, and where its answer is being written."""

    def __init__(self) -> None:
        self.registries: list[Path] | None = None
        self.only = False
        self.use_cache = True
        self.lang = "en"
        self.color = Color.auto
        self.out: IO[Any] | None = None  # sys.stdout when None; the -o file while it is written
        self.bom = False  # a byte-order mark is still to be written to stdout


session = Session()
