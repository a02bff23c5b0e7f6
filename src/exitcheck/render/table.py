"""Rich tables for people at a terminal. Every value is a rich ``Text`` (never markup) and is
passed through ``printable`` first, so data cannot style or control the terminal."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.table import Table
from rich.text import Text

from exitcheck.render import Record, text
from exitcheck.render.safe import printable

STATUS_STYLE = {
    "closed": "bold red",
    "closing": "red",
    "dissolving": "red",
    "exited": "bold yellow",
    "exiting": "yellow",
    "restricted": "cyan",
    "restricting": "cyan",
    "statement": "blue",
    "none": "dim",
}


def _t(value: object, style: str = "") -> Text:
    return Text(printable(value), style=style)


class Renderer:
    def __init__(self, width: int | None = None) -> None:
        self.width = width
        self.plain = text.Renderer(width=width)

    def _render(self, *items: object) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=self.width,
            force_terminal=True,
            highlight=False,
            markup=False,
            emoji=False,
        )
        for item in items:
            console.print(item)
        return buffer.getvalue()

    def status(self, record: Record) -> str:
        e = record["entity"]
        head = Text.assemble(
            _t(e["name"], "bold"),
            _t(f"  {e['name_zh']}" if e["name_zh"] else "", "bold"),
            _t(f"  {e['kind']} · {e['id']}", "dim"),
        )
        status = Text.assemble(
            ("Status ", "dim"),
            _t(record["status"], STATUS_STYLE.get(record["status"], "")),
            _t(f" as of {record['as_of']}: {record['status_meaning']}"),
        )
        matched = Text.assemble(("Matched ", "dim"), _t(text.match_line(record["match"])))
        aliases = Text.assemble(("Aliases ", "dim"), _t(", ".join(e["aliases"]) or "-"))
        table = Table(show_lines=True, expand=False)
        for col in (
            "Announced",
            "Measure",
            "Effective / deadline",
            "Scope and description",
            "Source",
        ):
            table.add_column(col)
        for m in record["measures"]:
            desc = Text.assemble(_t(m["scope"], "italic"), "\n", _t(m["description"]))
            if m["products"]:
                desc.append_text(
                    Text.assemble("\n", _t("products: " + ", ".join(m["products"]), "dim"))
                )
            if m["notes"]:
                desc.append_text(Text.assemble("\n", _t("note: " + m["notes"], "dim")))
            source = _t(f"{m['source']} ¶{m['locator']['paragraph']}\n「{m['locator']['quote']}」")
            kind = Text.assemble(
                _t(m["kind"]), "\n", _t(m["status"] or "", STATUS_STYLE.get(m["status"] or "", ""))
            )
            table.add_row(
                _t(m["announced"] or "undated"), kind, _t(text.moment_text(m)), desc, source
            )
        footer = _t(text.registry_line(record["provenance"]), "dim")
        return self._render(head, status, matched, aliases, table, footer)

    def no_match(self, record: Record) -> str:
        return self.plain.no_match(record)

    def search(self, record: Record) -> str:
        table = Table(
            title=printable(f"{record['query']} → {record['normalized']} ({record['decision']})")
        )
        for col in ("#", "ID", "Name", "Matched", "Score", "Method"):
            table.add_column(col)
        for i, c in enumerate(record["ranked"], 1):
            name = c["name"] + (f" ({c['name_zh']})" if c["name_zh"] else "")
            table.add_row(
                str(i), _t(c["id"]), _t(name), _t(c["matched"]), _t(c["score"]), _t(c["method"])
            )
        return self._render(table)

    def listing(self, records: Iterable[Record]) -> Iterator[str]:
        table = Table()
        for col in ("Date", "Entity", "Measure", "Effective / deadline", "Scope", "Status"):
            table.add_column(col)
        provenance = None
        for r in records:
            provenance = r["provenance"]
            name = _t(text.entity_title(r))
            for m in r["measures"] or [None]:
                if m is None:
                    table.add_row("-", name, "(no measure)", "-", "-", _t(r["status"]))
                    continue
                when = m["effective"] or m["deadline"] or "-"
                table.add_row(
                    _t(m["announced"] or "undated"),
                    name,
                    _t(m["kind"]),
                    _t(when),
                    _t(m["scope"]),
                    _t(r["status"], STATUS_STYLE.get(r["status"], "")),
                )
        items: list[object] = [table]
        if provenance is not None:
            items.append(_t(text.registry_line(provenance), "dim"))
        yield self._render(*items)

    def screen(self, records: Iterable[Record]) -> Iterator[str]:
        return self.plain.screen(records)
