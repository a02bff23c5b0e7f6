"""Plain text for pipes, NO_COLOR and narrow terminals: no markup, no colour, no box drawing."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from exitcheck.render import Record
from exitcheck.render.safe import printable

DEFAULT_WIDTH = 80


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def columns(rows: list[list[str]]) -> Iterator[str]:
    """Left-aligned columns separated by two spaces; the last column is not padded."""
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))] if rows else []
    for row in rows:
        cells = [pad(c, w) for c, w in zip(row[:-1], widths, strict=False)] + [row[-1]]
        yield "  ".join(cells).rstrip() + "\n"


def entity_title(entity: Record) -> str:
    zh = f" ({printable(entity['name_zh'])})" if entity.get("name_zh") else ""
    return printable(entity["name"]) + zh


def moment_text(m: Record) -> str:
    parts = []
    for which in ("effective", "deadline"):
        if m[which]:
            text = f"{which} {m[which]}"
            extra = []
            if m[f"{which}_stated"]:
                extra.append(f"stated: {printable(m[f'{which}_stated'])}")
            if m[f"{which}_offset_assumed"]:
                extra.append("offset assumed")
            parts.append(text + (f" ({'; '.join(extra)})" if extra else ""))
    return "; ".join(parts) or "no effective date given"


def registry_line(provenance: Record) -> str:
    files = "; ".join(
        f"{printable(f['name'])} {printable(f['version'])}, reviewed {f['last_reviewed'] or 'unknown'}, sha256 {f['sha256'][:12]}"
        for f in provenance["registries"]
    )
    return f"Registry: {files} · exitcheck {provenance['exitcheck_version']}"


def match_line(match: Record) -> str:
    if match["method"] in ("exact_id", "exact_name", "exact_alias"):
        return f"'{printable(match['matched'])}' ({match['method']})"
    return f"'{printable(match['matched'])}' ({match['method']}, score {match['score']}, query normalised to '{printable(match['normalized'])}')"


def candidate_lines(candidates: list[Record]) -> list[list[str]]:
    """id, score, what matched and how, then the name (last: it is the long one)."""
    return [
        [
            c["id"],
            f"score {c['score']}",
            f"via '{printable(c['matched'])}' ({c['method']})",
            entity_title(c),
        ]
        for c in candidates
    ]


class Renderer:
    def __init__(self, width: int | None = None) -> None:
        self.width = max(40, width or DEFAULT_WIDTH)

    def wrap(self, text: str, indent: str) -> list[str]:
        return textwrap.wrap(
            printable(text), self.width, initial_indent=indent, subsequent_indent=indent
        ) or [indent]

    def status(self, record: Record) -> str:
        e = record["entity"]
        lines = [entity_title(e)]
        facts = [["id", e["id"]], ["kind", e["kind"]]]
        if e["aliases"]:
            facts.append(["aliases", ", ".join(printable(a) for a in e["aliases"])])
        for rel in e["relations"]:
            facts.append(
                [
                    "relation",
                    f"{rel['kind']} {rel['entity']} (source {rel['source']}, paragraph {rel['locator']['paragraph']})",
                ]
            )
        facts.append(
            ["status", f"{record['status']} as of {record['as_of']}: {record['status_meaning']}"]
        )
        facts.append(["matched", match_line(record["match"])])
        lines += ["  " + line.rstrip("\n") for line in columns(facts)]
        lines.append("")
        lines.append("Measures" if record["measures"] else "Measures: none recorded")
        for m in record["measures"]:
            lines.append(
                f"  {m['announced'] or 'undated'}  {m['kind']}  [{m['status'] or 'not yet announced'}]"
            )
            lines += self.wrap(f"scope: {m['scope']}", "      ")
            lines += self.wrap(moment_text(m), "      ")
            if m["products"]:
                lines += self.wrap("products: " + ", ".join(m["products"]), "      ")
            lines += self.wrap(m["description"], "      ")
            lines.append(
                f"      source: {m['source']}, paragraph {m['locator']['paragraph']}: 「{printable(m['locator']['quote'])}」"
            )
            if m["notes"]:
                lines += self.wrap("note: " + m["notes"], "      ")
        if record["sources"]:
            lines.append("")
            lines.append("Sources")
            for s in record["sources"]:
                who = ", ".join(printable(x) for x in (s.get("publisher"), s.get("author")) if x)
                lines += self.wrap(
                    f"{s['id']}: {s.get('title')} — {who}, published {s.get('published')}", "  "
                )
        lines.append("")
        lines.append(registry_line(record["provenance"]))
        return "\n".join(lines) + "\n"

    def no_match(self, record: Record) -> str:
        match = record["match"]
        head = f"exitcheck: no confident match for '{printable(match['query'])}'"
        if match.get("reason"):
            head += f": {match['reason']}"
        lines = [head]
        if match["candidates"]:
            lines.append("closest candidates:")
            lines += [
                "  " + line.rstrip("\n") for line in columns(candidate_lines(match["candidates"]))
            ]
        return "\n".join(lines) + "\n"

    def search(self, record: Record) -> str:
        lines = [
            f"query: '{printable(record['query'])}'  normalised: '{printable(record['normalized'])}'  decision: {record['decision']}"
        ]
        if record["decision"] == "match":
            lines.append(
                f"match: '{printable(record['matched'])}' ({record['method']}, score {record['score']})"
            )
        elif record.get("reason"):
            lines.append(f"reason: {record['reason']}")
        rows = [[str(i), *row] for i, row in enumerate(candidate_lines(record["ranked"]), 1)]
        lines += [line.rstrip("\n") for line in columns(rows)] if rows else ["no candidates"]
        return "\n".join(lines) + "\n"

    def listing(self, records: Iterable[Record]) -> Iterator[str]:
        rows = [["DATE", "ID", "MEASURE", "EFFECTIVE / DEADLINE", "SCOPE"]]
        provenance = None
        for r in records:
            provenance = r["provenance"]
            for m in r["measures"] or [None]:
                rows.append(self._list_row(r, m))
        yield from columns(rows) if len(rows) > 1 else ["no entity matches these filters\n"]
        if provenance is not None:
            yield registry_line(provenance) + "\n"

    @staticmethod
    def _list_row(r: Record, m: Record | None) -> list[str]:
        if m is None:
            return ["-", r["id"], "(no measure)", "-", "-"]
        when = m["effective"] or m["deadline"] or "-"
        return [m["announced"] or "undated", r["id"], m["kind"], when, printable(m["scope"])]

    def screen(self, records: Iterable[Record]) -> Iterator[str]:
        yield "row\tdecision\tentity_id\tstatus\tscore\tinput\n"
        for r in records:
            cells: list[Any] = [
                r["row"],
                r["decision"],
                r["entity_id"] or "-",
                r["status"] or "-",
                r["score"] if r["score"] is not None else "-",
                printable(r["input"]),
            ]
            yield "\t".join(str(c) for c in cells) + "\n"
