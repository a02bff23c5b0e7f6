"""Plain text for pipes, NO_COLOR and narrow terminals: no markup, no colour, no box drawing."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from typing import Any

from exitcheck.clocks import difference_line
from exitcheck.i18n import ENGLISH, Words
from exitcheck.render import Record, notes, origins
from exitcheck.render.safe import printable
from exitcheck.render.wrap import display_width, wrap_display

DEFAULT_WIDTH = 80


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
                stated = printable(m[f"{which}_stated"])
                extra.append(
                    f"{w.label('stated')}{w.quoted(stated)}" if w.zh else f"stated: {stated}"
                )
            if m[f"{which}_offset_assumed"]:
                extra.append(w.label("offset_assumed", "offset assumed"))
            text = w.field(which, m[which]) if w.zh else f"{w.label(which)} {m[which]}"
            parts.append(text + (w.paren(("，" if w.zh else "; ").join(extra)) if extra else ""))
    return ("；" if w.zh else "; ").join(parts) or w.label("no_date", "no effective date given")


def registry_line(provenance: Record, w: Words = ENGLISH) -> str:
    reviewed = w.label("reviewed") + ("" if w.zh else " ")
    files = ("；" if w.zh else "; ").join(
        w.comma.join(
            (
                f"{printable(f['name'])} {printable(f['version'])}",
                f"{reviewed}{f['last_reviewed'] or '-'}",
                f"sha256 {f['sha256'][:12]}",
            )
        )
        for f in provenance["registries"]
    )
    used = provenance.get("contributors")
    if used is not None and len(provenance["registries"]) > 1:
        files += f" · {w.label('from', 'from')} {w.listing.join(printable(n) for n in used)}"
    label = w.label("registry", "Registry").capitalize()
    return f"{label}{w.colon}{files} · exitcheck {provenance['exitcheck_version']}"


def match_line(match: Record, w: Words = ENGLISH) -> str:
    matched = w.quoted(printable(match["matched"]))
    how = [w.method(match["method"])]
    if match["method"] not in ("exact_id", "exact_name", "exact_alias", "exact_later_name"):
        normalised = w.quoted(printable(match["normalized"]))
        if w.zh:
            how += [f"{w.label('score')}{match['score']}", w.label("normalised_to") + normalised]
        else:
            how += [f"score {match['score']}", f"query normalised to {normalised}"]
    return matched + w.paren(w.comma.join(how))


def candidate_lines(candidates: list[Record], w: Words = ENGLISH) -> list[list[str]]:
    """id, score, what matched and how, then the name (last: it is the long one)."""
    return [
        [
            c["id"],
            f"{w.label('score')}{'' if w.zh else ' '}{c['score']}",
            f"{w.label('via')}{'' if w.zh else ' '}{w.quoted(printable(c['matched']))}"
            + w.paren(w.method(c["method"])),
            printable(w.name(c)),
        ]
        for c in candidates
    ]


NOT_VERIFIED = "what was announced, as the sources report it; not a verified outcome"


def coverage_text(coverage: Record, w: Words = ENGLISH) -> str:
    """'46 entities; measures announced 2021-05 – 2021-12-24' (beside a status)."""
    span = f"{coverage['oldest_measure'] or '-'} – {coverage['newest_measure'] or '-'}"
    if w.zh:
        return f"{coverage['entities']}{w.label('entities_count')}；{w.label('measures_announced')}{span}"
    return f"{coverage['entities']} entities; measures announced {span}"


def status_facts(record: Record, w: Words = ENGLISH) -> list[list[str]]:
    """The [key, value] lines at the head of a status answer (the same at a terminal and piped);
    an empty key continues the line above."""
    e = record["entity"]
    facts = [["id", e["id"]], ["kind", w.entity_kind(e["kind"])]]
    if e["aliases"]:
        facts.append(["aliases", origins.aliases_text(e, w)])
    history = notes.name_history(e, w)
    if history:
        facts.append(["later_names", history])
    for rel in e["relations"]:
        if w.zh:
            where = w.cite(printable(rel["source"]), rel["locator"].get("paragraph"))
        else:
            where = notes.where_quoted(rel, w)
        facts.append(["relation", w.relation(rel["kind"], rel["entity"]) + w.paren(where)])
    status = w.status_line(
        record["status"], record["as_of"], record["status_meaning"], record.get("known_on")
    )
    facts.append(["status", status])
    facts.append(["", w.label("not_verified", NOT_VERIFIED)])
    differs = difference_line(record, w)
    if differs:
        facts.append(["other_view", differs])
    if record.get("coverage"):
        facts.append(["covers", coverage_text(record["coverage"], w)])
    facts.append(["matched", match_line(record["match"], w)])
    return facts


def fact_label(key: str, w: Words = ENGLISH) -> str:
    return w.label(key, key.replace("_", " ")) if key else ""


def measures_heading(record: Record, w: Words = ENGLISH) -> str:
    """'Measures', or why there are none: none recorded, or none announced by the known-on day."""
    other = record.get("other_view")
    hidden = other and other["known_on"] > record["known_on"]
    if record["measures"]:
        return w.label("measures", "Measures").capitalize()
    if hidden:
        return (
            f"{w.label('measures_none_known', 'Measures: none announced by')} {record['known_on']}"
        )
    return w.label("measures_none", "Measures: none recorded")


def measure_head(m: Record, w: Words = ENGLISH) -> tuple[str, str, str]:
    """Announced date, kind, and what the measure contributes ('[exited]', '【已退出】')."""
    state = w.status(m["status"]) if m["status"] else w.label("not_announced", "not yet announced")
    return (
        m["announced"] or w.label("undated"),
        w.measure_kind(m["kind"]),
        f"【{state}】" if w.zh else f"[{state}]",
    )


def measure_body(m: Record, w: Words = ENGLISH, record: Record | None = None) -> list[str]:
    """Announced after the day asked about, or stated by another registry (origins.py); scope,
    dates, products, description, where it is said (and the URL), notes: one text each."""
    out = origins.measure_extras(m, record, w) if record is not None else []
    out += [w.field("scope", w.text(m, "scope")), moment_text(m, w)]
    if m["products"]:
        out.append(w.field("products", w.listing.join(m["products"])))
    out.append(w.text(m, "description"))
    quote = f"「{m['locator']['quote']}」"
    out.append(notes.where_quoted(m, w) + (quote if w.zh else f": {quote}"))
    url = notes.source_url(record, m["source"]) if record is not None else None
    if url:
        out.append(url)
    if m["notes"]:
        out.append(w.field("note", w.text(m, "notes")))
    return out


def source_line(s: Record, w: Words = ENGLISH) -> str:
    title, published = notes.source_title(s, w), s.get("published") or "-"
    if w.zh:
        people = [printable(w.text(s, k)) for k in ("publisher", "author") if s.get(k)]
        when = f"{s['published']}{w.label('published')}" if s.get("published") else ""
        parts = [title, *people, when or w.label("published_unknown")]
        return f"{s['id']}：" + "，".join(parts)
    who = ", ".join(printable(x) for x in (s.get("publisher"), s.get("author")) if x)
    return f"{s['id']}: {title} — {who}, {w.label('published')} {published}"


def list_heads(w: Words = ENGLISH) -> list[str]:
    return [
        w.label("date", "DATE"),
        w.label("entity", "ENTITY"),
        w.label("measure", "MEASURE"),
        w.label("effective_or_deadline", "EFFECTIVE / DEADLINE"),
        w.label("status", "STATUS"),
        w.label("scope", "SCOPE"),
    ]


def list_fields(r: Record, m: Record | None, w: Words = ENGLISH) -> list[str]:
    """One row of a listing: date, entity, measure, effective / deadline, status, scope."""
    status = w.status(r["status"])
    if m is None:
        return ["-", r["id"], w.label("no_measure", "(no measure)"), "-", status, "-"]
    return [
        m["announced"] or w.label("undated"),
        r["id"],
        w.measure_kind(m["kind"]),
        m["effective"] or m["deadline"] or "-",
        status,
        printable(w.text(m, "scope")),
    ]


class Renderer:
    def __init__(self, width: int | None = None, words: Words = ENGLISH) -> None:
        self.width = max(40, width or DEFAULT_WIDTH)
        self.w = words

    def wrap(self, text: str, indent: str) -> list[str]:
        if self.w.zh:  # textwrap counts characters, not display columns
            return wrap_display(printable(text), self.width, indent)
        return textwrap.wrap(
            printable(text), self.width, initial_indent=indent, subsequent_indent=indent
        ) or [indent]

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

    def status(self, record: Record) -> str:
        record = self.w.status_record(record)
        w, e = self.w, record["entity"]
        lines = [printable(w.name(e))]
        lines += self.facts(status_facts(record, w))
        through = notes.matched_through_later_name(record["match"], e, w)
        if through:
            lines += self.wrap(through, "  ")
        for line in notes.disagreement_lines(record, w):
            lines += self.wrap(w.field("note", line), "  ")
        lines.append("")
        lines.append(measures_heading(record, w))
        for m in record["measures"]:
            day, kind, state = measure_head(m, w)
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
        lines.append("")
        lines.append(registry_line(record["provenance"], w))
        return "\n".join(lines) + "\n"

    def no_match(self, record: Record) -> str:
        w, match = self.w, record["match"]
        head = f"exitcheck{w.colon}{w.no_match(printable(match['query']), match.get('reason'))}"
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

    def listing(self, records: Iterable[Record]) -> Iterator[str]:
        w = self.w
        rows = [[h.upper() for h in list_heads(w)]]
        provenance = None
        differing = []
        for r in records:
            provenance = r["provenance"]
            for m in r["measures"] or [None]:
                rows.append(list_fields(r, m, w))
            line = difference_line(r, self.w)
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

    def screen(self, records: Iterable[Record]) -> Iterator[str]:
        w = self.w
        head = ("row", "decision", "entity_id", "status", "score", "input", "note")
        yield "\t".join(w.label(h) if w.zh else h for h in head) + "\n"
        for r in records:
            later = r.get("later_name")
            cells: list[Any] = [
                r["row"],
                w.decision(r["decision"]),
                r["entity_id"] or "-",
                w.status(r["status"]) if r["status"] else "-",
                r["score"] if r["score"] is not None else "-",
                printable(r["input"]),
                notes.later_name_text(later, self.w) if later else "",
            ]
            yield "\t".join(str(c) for c in cells) + "\n"
            line = difference_line(r, self.w)
            if line:
                yield f"# row {r['row']} {r['entity_id']}: {line}\n"

    def rows(self, columns_: list[str], records: Iterable[Record]) -> Iterator[str]:
        """Any flat records as aligned columns (sources, regulations). In Chinese, a column
        with a Chinese twin (name, name_zh) is shown once, in Chinese where the record has it."""
        w = self.w
        if w.zh:
            columns_ = [c for c in columns_ if not (c.endswith("_zh") and c[:-3] in columns_)]
        table = [[w.label(c).upper() if w.zh else c.upper() for c in columns_]]
        for r in records:
            cells = [_localised(r, c, w) for c in columns_]
            table.append([printable(_cell(v, w)) for v in cells])
        yield from columns(table)


def _localised(record: Record, column: str, w: Words) -> Any:
    """The column's value; in Chinese its _zh twin where the record has one."""
    if w.zh and record.get(f"{column}_zh"):
        return record[f"{column}_zh"]
    if w.zh and column == "language" and record.get(column):
        return w.language(record[column])
    return record.get(column)


def _cell(value: Any, w: Words = ENGLISH) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, list):
        return ("、" if w.zh else "; ").join(str(v) for v in value)
    return str(value)
