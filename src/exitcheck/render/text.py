"""Doc text for pipes, NO_COLOR and narrow terminals: no markup, no colour, no box drawing."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from exitcheck.render import Doc, notes, order, origins
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.origins import difference_line
from exitcheck.render.pieces import (
    candidate_lines,
    cell,
    details_hint,
    fact_label,
    glance_lines,
    list_fields,
    list_heads,
    localised,
    measure_body,
    measure_head,
    measures_heading,
    registry_line,
    source_line,
    status_facts,
)
from exitcheck.render.safe import printable
from exitcheck.render.wrap import (
    columns,
    display_width,
    fit_width,
    pad,
    wrap_display,
    wrap_words,
)


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

    def wrap(self, text: str, indent: str) -> list[str]:
        if self.w.zh:  # textwrap counts characters, not display columns
            return wrap_display(printable(text), self.width, indent)
        return wrap_words(printable(text), self.width, indent)  # as textwrap.wrap, faster

    def facts(self, facts: list[list[str]]) -> list[str]:
        """Label and value lines: a long value wraps under itself; '标签：值' in Chinese."""
        w = self.w
        if w.zh:
            return [f"  {w.field(key, value) if key else value}" for key, value in facts]
        labels = [fact_label(key, w) for key, _ in facts]
        width = max(display_width(label) for label in labels)
        hang = " " * (width + 4)
        out = []
        for label, (_, value) in zip(labels, facts, strict=True):
            lines = self.wrap(value, hang)
            out.append("  " + pad(label, width) + "  " + lines[0][len(hang) :])
            out += lines[1:]
        return [line.rstrip() for line in out]

    def status(self, record: Doc) -> str:
        """The card and one line per measure; with ``details``, every measure in full and the
        sources."""
        record = self.w.status_record(record)
        lines = self.card(record)
        lines.append("")
        lines.append(measures_heading(record, self.w))
        if self.details:
            lines += self.measures_in_full(record)
        else:
            lines += self.measures_at_a_glance(record)
        lines.append("")
        if not self.details and (record["measures"] or record["sources"]):
            lines.append(details_hint(self.w))
        lines.append(registry_line(record["provenance"], self.w))
        return "\n".join(lines) + "\n"

    def card(self, record: Doc) -> list[str]:
        """The name, the facts (status, coverage, match, qualifiers) and the notes on them."""
        w, e = self.w, record["entity"]
        lines = [printable(w.name(e))]
        lines += self.facts(status_facts(record, w))
        through = notes.matched_through_later_name(record["match"], e, w)
        if through:
            lines += self.wrap(through, "  ")
        for line in notes.disagreement_lines(record, w):
            lines += self.wrap(w.field("note", line), "  ")
        return lines

    def measures_at_a_glance(self, record: Doc) -> list[str]:
        """One entry per measure: its date, then kind, status and fields on the same line,
        continued under the kind when the line is full (glance_lines)."""
        lines = glance_lines(record, self.w, self.width)
        return ["".join(text for text, _ in parts) for _, parts in lines]

    def measures_in_full(self, record: Doc) -> list[str]:
        """Every measure with its description, quotes, URLs and notes; then the sources."""
        w, e = self.w, record["entity"]
        lines = []
        for m in record["measures"]:
            day, kind, state = measure_head(m, w, record)
            lines.append(f"  {day}  {kind}{state if w.zh else '  ' + state}")
            for text in measure_body(m, w, record):
                if text.startswith(("http://", "https://")):  # a URL is never broken
                    lines.append("      " + printable(text))
                else:
                    lines += self.wrap(text, "      ")
        for note in origins.added_note_lines(e, w):
            lines += self.wrap(note, "  ")
        if record["sources"]:
            lines.append("")
            lines.append(w.label("sources", "Sources").capitalize())
            for s in record["sources"]:
                lines += self.wrap(source_line(s, w), "  ")
                if s.get("url"):
                    lines.append(f"    {printable(s['url'])}")
                if s.get("copy_url"):
                    lines.append("    " + w.field("copy", printable(s["copy_url"])))
        return lines

    def no_match(self, record: Doc) -> str:
        w, match = self.w, record["match"]
        head = f"exitcheck{w.colon}{w.no_match(printable(match['query']), match.get('reason'))}"
        lines = [head]
        if match.get("decoded"):
            lines.append(w.field("decoded", w.decoded(match["decoded"])))
        if match["candidates"]:
            lines.append(w.label("closest", "closest candidates:"))
            lines += [
                "  " + line.rstrip("\n")
                for line in columns(candidate_lines(match["candidates"], w))
            ]
        if record.get("coverage"):
            lines += self.wrap(notes.coverage_text(record["coverage"], w), "")
        return "\n".join(lines) + "\n"

    def search(self, record: Doc) -> str:
        w = self.w
        query, normalised = (
            w.quoted(printable(record["query"])),
            w.quoted(printable(record["normalized"])),
        )
        decision = w.decision(record["decision"])
        lines = [
            f"{w.field('query', query)}  {w.field('normalised', normalised)}  {w.field('decision', decision)}"
        ]
        if record["decision"] == "match":
            how = w.comma.join(
                (
                    w.method(record["method"]),
                    f"{w.label('score')}{'' if w.zh else ' '}{record['score']}",
                )
            )
            lines.append(w.field("match", w.quoted(printable(record["matched"])) + w.paren(how)))
            if record.get("later_name"):
                lines.append(notes.later_name_text(record["later_name"], w))
        elif record.get("reason"):
            lines.append(w.field("reason", w.reason(record["reason"])))
        rows = [[str(i), *row] for i, row in enumerate(candidate_lines(record["ranked"], w), 1)]
        no_rows = [w.label("no_candidates", "no candidates")]
        lines += [line.rstrip("\n") for line in columns(rows)] if rows else no_rows
        if record.get("coverage"):
            lines += self.wrap(notes.coverage_text(record["coverage"], w), "")
        lines.append(registry_line(record["provenance"], w))
        return "\n".join(lines) + "\n"

    def listing(self, records: Iterable[Doc]) -> Iterator[str]:
        w = self.w
        records = list(records)
        rows = [[h.upper() for h in list_heads(w)]]
        rows += [list_fields(r, m, w) for r, m in order.rows(records, self.order)]
        provenance = None
        differing = []
        for r in records:
            provenance = r["provenance"]
            line = difference_line(r, self.w)
            if line and w.zh:
                when = origins.clock_text(r["provenance"], w)
                differing.append(f"{r['id']}：{w.status(r['status'])}（{when}）；{line}\n")
            elif line:
                differing.append(
                    f"{r['id']}: {r['status']} {origins.clock_text(r['provenance'], w)}; {line}\n"
                )
        yield from (
            columns(rows)
            if len(rows) > 1
            else [w.label("no_entities", "no entity matches these filters") + "\n"]
        )
        yield from differing
        if provenance is not None:
            yield registry_line(provenance, w) + "\n"

    def screen(self, records: Iterable[Doc]) -> Iterator[str]:
        w = self.w
        it = iter(records)
        first = next(it, None)
        since = first is not None and "changes" in first  # the rows of screen --since
        head: tuple[str, ...] = ("row", "decision", "entity_id", "status", "score", "input", "note")
        head += ("changes",) if since else ()
        yield "\t".join(w.label(h) if w.zh else h for h in head) + "\n"
        for r in () if first is None else itertools.chain([first], it):
            later = r.get("later_name")
            cells: list[Any] = [
                r["row"],
                w.decision(r["decision"]),
                r["entity_id"] or "-",
                w.status(r["status"]) if r["status"] else "-",
                r["score"] if r["score"] is not None else "-",
                printable(r["input"]),
                notes.later_name_text(later, self.w)
                if later
                else printable(r["reason"])
                if r["decision"] in ("unreadable", "empty") and r.get("reason")
                else "",
            ]
            if since:
                from exitcheck.render.changes import changes_text

                cells.append(changes_text(r["changes"], w))
            yield "\t".join(str(c) for c in cells) + "\n"
            line = difference_line(r, self.w)
            if line:
                where = (
                    f"第{r['row']}行 {r['entity_id']}："
                    if w.zh
                    else f"row {r['row']} {r['entity_id']}: "
                )
                yield f"# {where}{line}\n"

    def rows(self, columns_: list[str], records: Iterable[Doc]) -> Iterator[str]:
        """Any flat records as aligned columns (sources, regulations). In Chinese, a column
        with a Chinese twin (name, name_zh) is shown once, in Chinese where the record has it."""
        w = self.w
        if w.zh:
            columns_ = [c for c in columns_ if not (c.endswith("_zh") and c[:-3] in columns_)]
        table = [[w.label(c).upper() if w.zh else c.upper() for c in columns_]]
        for r in records:
            cells = [localised(r, c, w) for c in columns_]
            table.append([printable(cell(v, w)) for v in cells])
        yield from columns(table)
