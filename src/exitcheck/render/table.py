"""Rich tables for people at a terminal. Every value is a rich ``Text`` (never markup) and is
passed through ``printable`` first, so data cannot style or control the terminal."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.table import Table
from rich.text import Text

from exitcheck.clocks import difference_line
from exitcheck.i18n import ENGLISH, Words
from exitcheck.render import Record, notes, origins, text
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
    def __init__(self, width: int | None = None, words: Words = ENGLISH) -> None:
        self.width = width
        self.w = words
        self.plain = text.Renderer(width=width, words=words)

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
        w, e = self.w, record["entity"]
        head = Text.assemble(
            _t(w.name(e), "bold"), _t(f"  {w.entity_kind(e['kind'])} · {e['id']}", "dim")
        )
        status = Text.assemble(
            (w.label("status").capitalize() + " ", "dim"),
            _t(w.status(record["status"]), STATUS_STYLE.get(record["status"], "")),
            _t(
                w.status_line("", record["as_of"], record["status_meaning"], record.get("known_on"))
            ),
        )
        differs = difference_line(record, w)
        other = Text.assemble(
            (w.label("other_view", "other view").capitalize() + " ", "dim"), _t(differs or "")
        )
        matched = Text.assemble(
            (w.label("matched").capitalize() + " ", "dim"), _t(text.match_line(record["match"], w))
        )
        aliases = Text.assemble(
            (w.label("aliases").capitalize() + " ", "dim"), _t(origins.aliases_text(e, w) or "-")
        )
        extra: list[object] = []
        history = notes.name_history(e, w)
        if history:
            label = w.label("later_names", "later names").capitalize()
            extra.append(Text.assemble((label + " ", "dim"), _t(history)))
        through = notes.matched_through_later_name(record["match"], e, w)
        if through:
            extra.append(_t(through, "bold"))
        table = Table(show_lines=True, expand=False)
        for col in ("announced", "measure", "effective_or_deadline", "scope", "source"):
            table.add_column(w.label(col, col.replace("_or_", " / ").capitalize()))
        for m in record["measures"]:
            desc = Text.assemble(
                _t(w.text(m, "scope"), "italic"), "\n", _t(w.text(m, "description"))
            )
            for line in origins.measure_extras(m, record, w):
                desc.append_text(Text.assemble("\n", _t(line, "bold")))
            if m["products"]:
                desc.append_text(
                    Text.assemble(
                        "\n", _t(w.field("products", w.listing.join(m["products"])), "dim")
                    )
                )
            if m["notes"]:
                desc.append_text(
                    Text.assemble("\n", _t(w.field("note", w.text(m, "notes")), "dim"))
                )
            paragraph = m["locator"]["paragraph"]
            if w.zh:
                where = w.cite(m["source"], paragraph)
            else:
                where = m["source"] + (f" ¶{paragraph}" if paragraph is not None else "")
            url = notes.source_url(record, m["source"])
            source = _t(f"{where}\n「{m['locator']['quote']}」" + (f"\n{url}" if url else ""))
            state = w.status(m["status"]) if m["status"] else ""
            kind = Text.assemble(
                _t(w.measure_kind(m["kind"])),
                "\n",
                _t(state, STATUS_STYLE.get(m["status"] or "", "")),
            )
            table.add_row(
                _t(m["announced"] or w.label("undated")),
                kind,
                _t(text.moment_text(m, w)),
                desc,
                source,
            )
        added = [_t(n, "dim") for n in origins.added_note_lines(e, w)]
        footer = _t(text.registry_line(record["provenance"], w), "dim")
        items = [head, status, *([other] if differs else []), matched, *extra, aliases, table]
        return self._render(*items, *added, footer)

    def no_match(self, record: Record) -> str:
        return self.plain.no_match(record)

    def search(self, record: Record) -> str:
        items: list[object] = [self._search_table(record)]
        if record.get("later_name"):
            items.append(_t(notes.later_name_text(record["later_name"], self.w)))
        if record.get("coverage"):
            items.append(_t(notes.coverage_text(record["coverage"], self.w), "dim"))
        return self._render(*items)

    def _search_table(self, record: Record) -> Table:
        w = self.w
        decision = w.paren(w.decision(record["decision"]))
        table = Table(title=printable(f"{record['query']} → {record['normalized']}{decision}"))
        for key, col in (("", "#"), ("id", "ID"), ("name", "Name"), ("via", "Matched")):
            table.add_column(w.label(key) if w.zh and key else col)
        for key, col in (("score", "Score"), ("method", "Method")):
            table.add_column(w.label(key) if w.zh else col)
        for i, c in enumerate(record["ranked"], 1):
            name = w.name(c)
            table.add_row(
                str(i),
                _t(c["id"]),
                _t(name),
                _t(c["matched"]),
                _t(c["score"]),
                _t(w.method(c["method"])),
            )
        return table

    def listing(self, records: Iterable[Record]) -> Iterator[str]:
        w = self.w
        table = Table()
        for col in ("date", "entity", "measure", "effective_or_deadline", "scope", "status"):
            table.add_column(w.label(col, col.replace("_or_", " / ").capitalize()))
        provenance = None
        differing = []
        for r in records:
            provenance = r["provenance"]
            if difference_line(r, self.w):
                differing.append(r)
            name = _t(w.name(r))
            style = STATUS_STYLE.get(r["status"], "")
            for m in r["measures"] or [None]:
                if m is None:
                    table.add_row(
                        "-",
                        name,
                        w.label("no_measure", "(no measure)"),
                        "-",
                        "-",
                        _t(w.status(r["status"]), style),
                    )
                    continue
                when = m["effective"] or m["deadline"] or "-"
                table.add_row(
                    _t(m["announced"] or w.label("undated")),
                    name,
                    _t(w.measure_kind(m["kind"])),
                    _t(when),
                    _t(w.text(m, "scope")),
                    _t(w.status(r["status"]), style),
                )
        items: list[object] = [table]
        for r in differing:
            items.append(_t(f"{r['id']}: {difference_line(r, self.w)}"))
        if provenance is not None:
            items.append(_t(text.registry_line(provenance, w), "dim"))
        yield self._render(*items)

    def screen(self, records: Iterable[Record]) -> Iterator[str]:
        return self.plain.screen(records)

    def rows(self, columns: list[str], records: Iterable[Record]) -> Iterator[str]:
        w = self.w
        if w.zh:  # a column with a Chinese twin (name, name_zh) is shown once, in Chinese
            columns = [c for c in columns if not (c.endswith("_zh") and c[:-3] in columns)]
        table = Table()
        for col in columns:
            table.add_column(w.label(col) if w.zh else col)
        for r in records:
            table.add_row(*(_t(text._cell(text._localised(r, c, w), w)) for c in columns))
        yield self._render(table)
