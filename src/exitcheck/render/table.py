"""Rich tables for people at a terminal. Every value is a rich ``Text`` (never markup) and is
passed through ``printable`` first, so data cannot style or control the terminal."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from exitcheck.render import Doc, notes, order, origins, pieces, text
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.origins import difference_line
from exitcheck.render.safe import printable
from exitcheck.render.wrap import display_width, fit_width

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


# Padding rich adds after the last character of a line (before its closing style codes).
_TRAILING = re.compile(r"(?:[ ]|\x1b\[[0-9;]*m)+$", re.MULTILINE)
_CODE = re.compile(r"\x1b\[[0-9;]*m")
WIDE = 110  # from this many columns a listing is a table; below, a block per measure


def _t(value: object, style: str = "") -> Text:
    return Text(printable(value), style=style)


def _fold(t: Text) -> Text:
    """Wrap at spaces and fold a word longer than the line: never cut with an ellipsis."""
    t.overflow = "fold"
    return t


class Renderer:
    def __init__(
        self,
        width: int | None = None,
        words: Words = ENGLISH,
        details: bool = False,
        order: str = "date",
    ) -> None:
        self.width = fit_width(width)
        self.w = words
        self.details = details  # a status with every measure in full
        self.order = order  # of a listing's rows (render.order)
        self.plain = text.Renderer(width=width, words=words, details=details, order=order)

    def _render(self, *items: object) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=self.width,
            force_terminal=True,
            highlight=False,
            markup=False,
            emoji=False,
            no_color=False,  # exitcheck decided to style (NO_COLOR was honoured there)
        )
        for item in items:
            console.print(item)
        return _TRAILING.sub(lambda m: "".join(_CODE.findall(m[0])), buffer.getvalue())

    def status(self, record: Doc) -> str:
        """The piped layout, with style: the card and one line per measure; with ``details``,
        every measure in full and the sources. Values wrap and are never cut."""
        record = self.w.status_record(record)
        w = self.w
        items = self._card(record)
        items.append(Text())
        items.append(_t(pieces.measures_heading(record, w), "bold"))
        if self.details:
            items += self._measures_in_full(record)
        else:
            items += self._measures_at_a_glance(record)
        items.append(Text())
        if not self.details and (record["measures"] or record["sources"]):
            items.append(_fold(_t(pieces.details_hint(w), "dim")))
        items.append(_fold(_t(pieces.registry_line(record["provenance"], w), "dim")))
        return self._render(*items)

    def _card(self, record: Doc) -> list[object]:
        w, e = self.w, record["entity"]
        items: list[object] = [_t(w.name(e), "bold")]
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="dim", no_wrap=True)
        facts.add_column(overflow="fold")
        for key, value in pieces.status_facts(record, w):
            style = ""
            if key == "status":
                style = STATUS_STYLE.get(record["status"], "")
            elif not key:
                style = "italic"
            facts.add_row(_t(pieces.fact_label(key, w)), _t(value, style))
        items.append(Padding(facts, (0, 0, 0, 2), expand=False))
        through = notes.matched_through_later_name(record["match"], e, w)
        if through:
            items.append(Padding(_fold(_t(through, "bold")), (0, 0, 0, 2), expand=False))
        for line in notes.disagreement_lines(record, w):
            note = _fold(_t(w.field("note", line), "yellow"))
            items.append(Padding(note, (0, 0, 0, 2), expand=False))
        return items

    def _measures_at_a_glance(self, record: Doc) -> list[object]:
        """The plain view's lines (pieces.glance_lines): the date bold, the status coloured."""
        items: list[object] = []
        for m, line in pieces.glance_lines(record, self.w, self.width):
            styles = {"day": "bold", "state": STATUS_STYLE.get(m["status"] or "", "")}
            text = Text.assemble(*((value, styles.get(role, "")) for value, role in line))
            text.no_wrap = True  # already laid out to the width
            items.append(text)
        return items

    def _measures_in_full(self, record: Doc) -> list[object]:
        w, e = self.w, record["entity"]
        items: list[object] = []
        for m in record["measures"]:
            day, kind, state = pieces.measure_head(m, w, record)
            head = Text.assemble(
                _t(day, "bold"),
                "  ",
                _t(kind),
                "" if w.zh else "  ",
                _t(state, STATUS_STYLE.get(m["status"] or "", "")),
            )
            items.append(Padding(_fold(head), (0, 0, 0, 2), expand=False))
            body = pieces.measure_body(m, w, record)
            described = 3 if m["products"] else 2  # source, URL and notes come after: dim
            for i, line in enumerate(body):
                style = "dim" if i > described else ""
                items.append(Padding(_fold(_t(line, style)), (0, 0, 0, 6), expand=False))
        if record["sources"]:
            items.append(Text())
            items.append(_t(w.label("sources", "Sources").capitalize(), "bold"))
            for s in record["sources"]:
                items.append(
                    Padding(_fold(_t(pieces.source_line(s, w))), (0, 0, 0, 2), expand=False)
                )
                if s.get("url"):
                    items.append(Padding(_fold(_t(s["url"], "dim")), (0, 0, 0, 4), expand=False))
                if s.get("copy_url"):
                    copy = w.field("copy", s["copy_url"])
                    items.append(Padding(_fold(_t(copy, "dim")), (0, 0, 0, 4), expand=False))
        for added in origins.added_note_lines(e, w):
            items.append(Padding(_fold(_t(added, "dim")), (0, 0, 0, 2), expand=False))
        return items

    def no_match(self, record: Doc) -> str:
        return self.plain.no_match(record)

    def search(self, record: Doc) -> str:
        items: list[object] = [self._search_table(record)]
        if record.get("later_name"):
            items.append(_fold(_t(notes.later_name_text(record["later_name"], self.w))))
        if record.get("coverage"):
            items.append(_fold(_t(notes.coverage_text(record["coverage"], self.w), "dim")))
        items.append(_fold(_t(pieces.registry_line(record["provenance"], self.w), "dim")))
        return self._render(*items)

    def _search_table(self, record: Doc) -> Table:
        w = self.w
        decision = w.paren(w.decision(record["decision"]))
        table = Table(title=printable(f"{record['query']} → {record['normalized']}{decision}"))
        for key, col in (("", "#"), ("id", "ID"), ("name", "Name"), ("via", "Matched")):
            table.add_column(w.label(key) if w.zh and key else col, overflow="fold")
        for key, col in (("score", "Score"), ("method", "Method")):
            table.add_column(w.label(key) if w.zh else col, overflow="fold")
        for i, c in enumerate(record["ranked"], 1):
            table.add_row(
                str(i),
                _t(c["id"]),
                _t(w.name(c)),
                _t(c["matched"]),
                _t(c["score"]),
                _t(w.method(c["method"])),
            )
        return table

    def listing(self, records: Iterable[Doc]) -> Iterator[str]:
        """The piped listing's fields: a table when wide, one short block per measure when narrow."""
        w = self.w
        records = list(records)
        rows = [(r, pieces.list_fields(r, m, w)) for r, m in order.rows(records, self.order)]
        provenance = None
        differing = []
        for r in records:
            provenance = r["provenance"]
            if difference_line(r, self.w):
                differing.append(r)
        if not rows:
            yield self._render(_t(w.label("no_entities", "no entity matches these filters")))
            return
        wide = self.width >= WIDE
        items: list[object] = [self._list_table(rows) if wide else self._list_blocks(rows)]
        for r in differing:
            items.append(_fold(_t(f"{r['id']}: {difference_line(r, self.w)}")))
        if provenance is not None:
            items.append(_fold(_t(pieces.registry_line(provenance, w), "dim")))
        yield self._render(*items)

    def _list_table(self, rows: list[tuple[Doc, list[str]]]) -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for i, head in enumerate(pieces.list_heads(self.w)):
            dated = i in (0, 3)
            table.add_column(head, no_wrap=dated, min_width=10 if dated else None, overflow="fold")
        for r, fields in rows:
            cells = [_t(v) for v in fields]
            cells[4].stylize(STATUS_STYLE.get(r["status"], ""))
            table.add_row(*cells)
        return table

    def _list_blocks(self, rows: list[tuple[Doc, list[str]]]) -> Group:
        """Narrow terminals: date and entity, then the other fields indented; nothing is cut."""
        w = self.w
        blocks: list[Any] = []
        for r, (day, entity, kind, when, status, scope) in rows:
            blocks.append(_fold(Text.assemble(_t(day, "bold"), "  ", _t(entity, "bold"))))
            lines = [
                Text.assemble(_t(kind)),
                Text.assemble(
                    (w.label("effective_or_deadline", "effective / deadline") + " ", "dim"),
                    _t(when),
                ),
                Text.assemble(
                    (w.label("status") + " ", "dim"), _t(status, STATUS_STYLE.get(r["status"], ""))
                ),
                Text.assemble((w.label("scope") + " ", "dim"), _t(scope)),
            ]
            blocks += [Padding(_fold(line), (0, 0, 0, 2), expand=False) for line in lines]
        return Group(*blocks)

    def screen(self, records: Iterable[Doc]) -> Iterator[str]:
        return self.plain.screen(records)

    def rows(self, columns: list[str], records: Iterable[Doc]) -> Iterator[str]:
        """Sources, regulations: a table when every value fits on its line, else a block per
        record. Values wrap and are never cut. In Chinese, a column with a Chinese twin
        (name, name_zh) is shown once, in Chinese where the record has it."""
        w = self.w
        if w.zh:
            columns = [c for c in columns if not (c.endswith("_zh") and c[:-3] in columns)]
        heads = [w.label(c) if w.zh else c for c in columns]
        cells = [[pieces.cell(pieces.localised(r, c, w), w) for c in columns] for r in records]
        natural = sum(
            max(display_width(v) for v in [h, *(row[i] for row in cells)]) + 3
            for i, h in enumerate(heads)
        )
        if natural <= self.width:  # a table only when nothing wraps
            table = Table()
            for head in heads:
                table.add_column(head, overflow="fold")
            for row in cells:
                table.add_row(*(_t(v) for v in row))
            yield self._render(table)
            return
        blocks: list[Any] = []
        for row in cells:
            blocks.append(_fold(_t(f"{row[0]}  {row[1]}", "bold")))
            for head, value in list(zip(heads, row, strict=True))[2:]:
                line = Text.assemble((head + " ", "dim"), _t(value))
                blocks.append(Padding(_fold(line), (0, 0, 0, 2), expand=False))
        yield self._render(*blocks)
