"""The global options of the call in progress, and where its answer is being written."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from exitcheck.cli.output import Color


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
