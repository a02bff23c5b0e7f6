"""Plain text for pipes, NO_COLOR and narrow terminals: no markup, no colour, no box drawing."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from exitcheck.clocks import difference_line
from exitcheck.i18n import ENGLISH, Words
from exitcheck.render import Record, notes, origins
from exitcheck.render.safe import printable

DEFAULT_WIDTH = 80


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def clip(text: str, width: int) -> str:
    """Cut text to a display width, marking the cut with '…'."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def columns(rows: list[list[str]]) -> Iterator[str]:
    """Left-aligned columns separated by two spaces; the last column is not padded."""
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))] if rows else []
    for row in rows:
        cells = [pad(c, w) for c, w in zip(row[:-1], widths, strict=False)] + [row[-1]]
        yield "  ".join(cells).rstrip() + "\n"


def moment_text(m: Record, w: Words = ENGLISH) -> str:
    parts = []
    for which in ("effective", "deadline"):
        if m[which]:
            extra = []
            if m[f"{which}_stated"]:
                extra.append(f"{w.label('stated')}: {printable(m[f'{which}_stated'])}")
            if m[f"{which}_offset_assumed"]:
                extra.append(w.label("offset_assumed", "offset assumed"))
            text = f"{w.label(which)} {m[which]}"
            parts.append(text + (f" ({'; '.join(extra)})" if extra else ""))
    return "; ".join(parts) or w.label("no_date", "no effective date given")


def registry_line(provenance: Record, w: Words = ENGLISH) -> str:
    files = "; ".join(
        f"{printable(f['name'])} {printable(f['version'])}, {w.label('reviewed')} {f['last_reviewed'] or '-'}, sha256 {f['sha256'][:12]}"
        for f in provenance["registries"]
    )
    used = provenance.get("contributors")
    if used is not None and len(provenance["registries"]) > 1:
        files += f" · {w.label('from', 'from')} {', '.join(printable(n) for n in used)}"
    return f"{w.label('registry', 'Registry').capitalize()}: {files} · exitcheck {provenance['exitcheck_version']}"


def match_line(match: Record) -> str:
    if match["method"] in ("exact_id", "exact_name", "exact_alias", "exact_later_name"):
        return f"'{printable(match['matched'])}' ({match['method']})"
    return f"'{printable(match['matched'])}' ({match['method']}, score {match['score']}, query normalised to '{printable(match['normalized'])}')"


def candidate_lines(candidates: list[Record], w: Words = ENGLISH) -> list[list[str]]:
    """id, score, what matched and how, then the name (last: it is the long one)."""
    return [
        [
            c["id"],
            f"{w.label('score')} {c['score']}",
            f"{w.label('via')} '{printable(c['matched'])}' ({c['method']})",
            printable(w.name(c)),
        ]
        for c in candidates
    ]


def info_text(record: Record) -> str:
    """exitcheck info for people: files, versions, fingerprints, counts and date range."""
    lines = [f"exitcheck {record['exitcheck_version']}"]
    for f in record["registries"]:
        lines.append(
            f"registry {printable(f['name'])} {printable(f['version'])} (reviewed {f['last_reviewed']})"
        )
        lines.append(f"  path    {printable(f['path'])}")
        lines.append(f"  sha256  {f['sha256']}")
    lines.append(
        f"{record['entities']} entities, {record['measures']} measures, {record['sources']} source(s), {record['regulations']} regulations"
    )
    lines.append(
        f"measures announced from {record['oldest_measure']} to {record['newest_measure']}"
    )
    lines += textwrap.wrap(record["coverage_note"], DEFAULT_WIDTH)
    return "\n".join(lines) + "\n"


class Renderer:
    def __init__(self, width: int | None = None, words: Words = ENGLISH) -> None:
        self.width = max(40, width or DEFAULT_WIDTH)
        self.w = words

    def wrap(self, text: str, indent: str) -> list[str]:
        if self.w.zh:  # textwrap counts characters, not display columns: keep Chinese lines whole
            return [indent + printable(text)]
        return textwrap.wrap(
            printable(text), self.width, initial_indent=indent, subsequent_indent=indent
        ) or [indent]

    def status(self, record: Record) -> str:
        w, e = self.w, record["entity"]
        lines = [printable(w.name(e))]
        facts = [[w.label("id"), e["id"]], [w.label("kind"), w.entity_kind(e["kind"])]]
        if e["aliases"]:
            facts.append([w.label("aliases"), origins.aliases_text(e)])
        history = notes.name_history(e, w)
        if history:
            facts.append([w.label("later_names", "later names"), history])
        for rel in e["relations"]:
            where = notes.where_quoted(rel, w)
            facts.append([w.label("relation"), f"{rel['kind']} {rel['entity']} ({where})"])
        status = f"{w.status(record['status'])} {origins.clock_text(record, w)}: {record['status_meaning']}"
        facts.append([w.label("status"), status])
        differs = difference_line(record)
        if differs:
            facts.append([w.label("other_view", "other view"), differs])
        facts.append([w.label("matched"), match_line(record["match"])])
        lines += ["  " + line.rstrip("\n") for line in columns(facts)]
        through = notes.matched_through_later_name(record["match"], e, w)
        if through:
            lines += self.wrap(through, "  ")
        lines.append("")
        hidden = record.get("other_view") and record["other_view"]["known_on"] > record["known_on"]
        lines.append(
            w.label("measures", "Measures").capitalize()
            if record["measures"]
            else f"{w.label('measures_none_known', 'Measures: none announced by')} {record['known_on']}"
            if hidden
            else w.label("measures_none", "Measures: none recorded")
        )
        for m in record["measures"]:
            state = (
                w.status(m["status"])
                if m["status"]
                else w.label("not_announced", "not yet announced")
            )
            lines.append(
                f"  {m['announced'] or w.label('undated')}  {w.measure_kind(m['kind'])}  [{state}]"
            )
            for extra in origins.measure_extras(m, record, w):
                lines += self.wrap(extra, "      ")
            lines += self.wrap(f"{w.label('scope')}: {m['scope']}", "      ")
            lines += self.wrap(moment_text(m, w), "      ")
            if m["products"]:
                lines += self.wrap(f"{w.label('products')}: " + ", ".join(m["products"]), "      ")
            lines += self.wrap(w.text(m, "description"), "      ")
            where = notes.where_quoted(m, w)
            lines.append(f"      {where}: 「{printable(m['locator']['quote'])}」")
            url = notes.source_url(record, m["source"])
            if url:
                lines.append(f"      {url}")
            if m["notes"]:
                lines += self.wrap(f"{w.label('note')}: " + m["notes"], "      ")
        for note in origins.added_note_lines(e, w):
            lines += self.wrap(note, "  ")
        if record["sources"]:
            lines.append("")
            lines.append(w.label("sources", "Sources").capitalize())
            for s in record["sources"]:
                who = ", ".join(printable(x) for x in (s.get("publisher"), s.get("author")) if x)
                lines += self.wrap(
                    f"{s['id']}: {notes.source_title(s, w)} — {who}, {w.label('published')} {s.get('published') or '-'}",
                    "  ",
                )
                if s.get("url"):
                    lines.append(f"    {printable(s['url'])}")
        lines.append("")
        lines.append(registry_line(record["provenance"], w))
        return "\n".join(lines) + "\n"

    def no_match(self, record: Record) -> str:
        w, match = self.w, record["match"]
        head = f"exitcheck: {w.label('no_confident_match', 'no confident match')} for '{printable(match['query'])}'"
        if match.get("reason"):
            head += f": {match['reason']}"
        lines = [head]
        if match["candidates"]:
            lines.append(w.label("closest", "closest candidates:"))
            lines += [
                "  " + line.rstrip("\n")
                for line in columns(candidate_lines(match["candidates"], w))
            ]
        if record.get("coverage"):
            lines += self.wrap(notes.coverage_text(record["coverage"], w), "")
        return "\n".join(lines) + "\n"

    def search(self, record: Record) -> str:
        w = self.w
        lines = [
            f"{w.label('query')}: '{printable(record['query'])}'  {w.label('normalised')}: '{printable(record['normalized'])}'  {w.label('decision')}: {record['decision']}"
        ]
        if record["decision"] == "match":
            lines.append(
                f"match: '{printable(record['matched'])}' ({record['method']}, {w.label('score')} {record['score']})"
            )
            if record.get("later_name"):
                lines.append(notes.later_name_text(record["later_name"], w))
        elif record.get("reason"):
            lines.append(f"reason: {record['reason']}")
        rows = [[str(i), *row] for i, row in enumerate(candidate_lines(record["ranked"], w), 1)]
        lines += [line.rstrip("\n") for line in columns(rows)] if rows else ["no candidates"]
        if record.get("coverage"):
            lines += self.wrap(notes.coverage_text(record["coverage"], w), "")
        lines.append(registry_line(record["provenance"], w))
        return "\n".join(lines) + "\n"

    def listing(self, records: Iterable[Record]) -> Iterator[str]:
        w = self.w
        head = [
            w.label("date", "DATE"),
            w.label("id", "ID"),
            w.label("measure", "MEASURE"),
            w.label("effective_or_deadline", "EFFECTIVE / DEADLINE"),
            w.label("scope", "SCOPE"),
        ]
        rows = [[h.upper() for h in head]]
        provenance = None
        differing = []
        for r in records:
            provenance = r["provenance"]
            for m in r["measures"] or [None]:
                rows.append(self._list_row(r, m))
            line = difference_line(r)
            if line:
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

    def _list_row(self, r: Record, m: Record | None) -> list[str]:
        if m is None:
            return ["-", r["id"], self.w.label("no_measure", "(no measure)"), "-", "-"]
        when = m["effective"] or m["deadline"] or "-"
        return [
            m["announced"] or self.w.label("undated"),
            r["id"],
            self.w.measure_kind(m["kind"]),
            when,
            printable(m["scope"]),
        ]

    def screen(self, records: Iterable[Record]) -> Iterator[str]:
        yield "row\tdecision\tentity_id\tstatus\tscore\tinput\tnote\n"
        for r in records:
            later = r.get("later_name")
            cells: list[Any] = [
                r["row"],
                r["decision"],
                r["entity_id"] or "-",
                r["status"] or "-",
                r["score"] if r["score"] is not None else "-",
                printable(r["input"]),
                notes.later_name_text(later, self.w) if later else "",
            ]
            yield "\t".join(str(c) for c in cells) + "\n"
            line = difference_line(r)
            if line:
                yield f"# row {r['row']} {r['entity_id']}: {line}\n"

    def rows(self, columns_: list[str], records: Iterable[Record]) -> Iterator[str]:
        """Any flat records as aligned columns (sources, regulations)."""
        table = [[c.upper() for c in columns_]]
        table += [[printable(_cell(r.get(c))) for c in columns_] for r in records]
        yield from columns(table)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
