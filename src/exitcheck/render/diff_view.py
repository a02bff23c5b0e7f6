"""`exitcheck diff` for people: a plain-text listing and a Markdown table for release notes.
Every value from a registry passes through ``printable`` (and Markdown escaping)."""

from __future__ import annotations

import json
from typing import Any

from exitcheck.render import Doc
from exitcheck.render.safe import printable

SIGNS = {"added": "+", "removed": "-", "changed": "~"}
PLURAL = {
    "registry": "registry",
    "entity": "entities",
    "alias": "aliases",
    "measure": "measures",
    "source": "sources",
    "regulation": "regulations",
}


def value_text(value: Any) -> str:
    """A field value on one line: text quoted, lists and objects as compact JSON."""
    if value is None:
        return "(none)"
    return printable(json.dumps(value, ensure_ascii=False))


def _side(files: list[Doc]) -> str:
    return "; ".join(
        printable(f"{f['name']} {f['version']} ({f['path']}, sha256 {f['sha256'][:12]})")
        for f in files
    )


def summary_text(record: Doc) -> str:
    parts = []
    for kind, counts in record["summary"].items():
        done = [f"{n} {what}" for what, n in counts.items() if n]
        if done:
            parts.append(f"{PLURAL[kind]} " + ", ".join(done))
    return "summary: " + ("; ".join(parts) if parts else "no differences")


def _title(change: Doc) -> str:
    if change["kind"] == "registry":
        return f"{SIGNS[change['change']]} registry"
    name = change["id"] if change["kind"] != "alias" else f"{change['entity']}: {change['id']}"
    return f"{SIGNS[change['change']]} {change['kind']} {printable(name)}"


def text(record: Doc) -> str:
    lines = [f"--- old  {_side(record['old'])}", f"+++ new  {_side(record['new'])}"]
    for change in record["changes"]:
        lines.append(_title(change))
        if change["change"] == "changed" or change["kind"] == "registry":
            for f in change["fields"]:
                lines.append(f"    {f['field']}: {value_text(f['old'])} -> {value_text(f['new'])}")
    lines.append(summary_text(record))
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return printable(value).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")


def markdown(record: Doc) -> str:
    lines = [
        f"Registry changes from {_cell(_side(record['old']))} to {_cell(_side(record['new']))}.",
        "",
        "| change | kind | id | field | old | new |",
        "|---|---|---|---|---|---|",
    ]
    for c in record["changes"]:
        name = _cell(c["id"] if c["kind"] != "alias" else f"{c['entity']}: {c['id']}")
        if c["change"] != "changed":
            lines.append(f"| {c['change']} | {c['kind']} | {name} |  |  |  |")
            continue
        for f in c["fields"]:
            old, new = _cell(value_text(f["old"])), _cell(value_text(f["new"]))
            lines.append(f"| changed | {c['kind']} | {name} | {f['field']} | {old} | {new} |")
    lines += ["", _cell(summary_text(record)).capitalize() + "."]
    return "\n".join(lines) + "\n"


def render(record: Doc, as_json: bool, as_markdown: bool) -> str:
    """The comparison as JSON, as a Markdown table, or as plain text."""
    if as_json:
        from exitcheck.render.jsonfmt import dumps

        return dumps(record) + "\n"
    return markdown(record) if as_markdown else text(record)
