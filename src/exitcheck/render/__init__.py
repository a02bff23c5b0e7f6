"""Output formats. Each format is one module with a ``Renderer`` that returns text (or yields
lines for streams) and never prints; ``renderer(fmt)`` builds the one asked for."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from exitcheck.render.html import Lookups

Doc = dict[str, Any]  # an answer as a JSON document: the shape its --json prints


class Format(str, Enum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"  # a workbook file: needs -o and the optional xlsx extra
    html = "html"  # one self-contained page (render/html.py)


class Renderer(Protocol):
    def status(self, record: Doc) -> str: ...

    def listing(self, records: Iterable[Doc]) -> Iterator[str]: ...

    def search(self, record: Doc) -> str: ...

    def screen(self, records: Iterable[Doc]) -> Iterator[str | bytes]: ...

    def no_match(self, record: Doc) -> str: ...

    def rows(self, columns: list[str], records: Iterable[Doc]) -> Iterator[str]: ...


# Format -> module in this package. The table format has a plain-text variant for pipes.
MODULES = {
    Format.table: "table",
    Format.json: "jsonfmt",
    Format.ndjson: "ndjson",
    Format.csv: "csvfmt",
    Format.markdown: "markdown",
    Format.xlsx: "xlsx",
    Format.html: "html",
}


def renderer(
    fmt: Format,
    *,
    styled: bool = False,
    width: int | None = None,
    lang: str = "en",
    provenance: Doc | None = None,
    details: bool = False,
    order: str = "date",
    lookups: Lookups | None = None,
) -> Renderer:
    """The renderer for a format; ``styled`` asks the table format for rich terminal output.
    ``provenance`` is for the workbook's provenance sheet where the records carry none.
    ``details`` asks the table format for every measure in full (the other formats always
    carry everything). ``order`` is the order of a listing's rows in the views people read
    (table, CSV, Markdown, HTML; see render/order.py); JSON and NDJSON keep the records' order.
    ``lookups`` (html.Lookups) is what an HTML report shows beyond its records."""
    from exitcheck.render.i18n import words

    name = "text" if fmt is Format.table and not styled else MODULES[fmt]
    module = importlib.import_module(f"exitcheck.render.{name}")
    extra: dict[str, Any] = {}
    if fmt is Format.xlsx:
        extra["provenance"] = provenance
    if fmt is Format.table:
        extra["details"] = details
    if fmt in (Format.table, Format.csv, Format.markdown, Format.html):
        extra["order"] = order
    if fmt is Format.html:
        extra["lookups"] = lookups
    made: Renderer = module.Renderer(width=width, words=words(lang), **extra)
    return made
