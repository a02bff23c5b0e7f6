"""`exitcheck info` and `exitcheck validate`: as JSON, or for people (files, versions,
fingerprints, counts and date range; every finding and a verdict)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from exitcheck.render import Doc
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import printable


def info(record: Doc, as_json: bool, w: Words = ENGLISH) -> str:
    if as_json:
        from exitcheck.render.jsonfmt import dumps

        return dumps(record) + "\n"
    return info_text(record, w)


def validate(record: Doc, findings: Iterable[object], as_json: bool) -> str:
    """The findings, one a line as each states itself, then the verdict; or the record as JSON."""
    if as_json:
        from exitcheck.render.jsonfmt import dumps

        return dumps(record) + "\n"
    lines = [printable(str(f)) + "\n" for f in findings]
    verdict = "valid" if record["valid"] else "invalid"
    files, errors, warnings = len(record["files"]), record["errors"], record["warnings"]
    lines.append(f"{verdict}: {files} file(s), {errors} error(s), {warnings} warning(s)\n")
    return "".join(lines)


def info_text(record: Doc, w: Words = ENGLISH) -> str:
    lines = [f"exitcheck {record['exitcheck_version']}"]
    for f in record["registries"]:
        name = f"{printable(f['name'])} {printable(f['version'])}"
        if w.zh:
            lines.append(
                f"{w.label('registry')} {name}（{w.label('reviewed')}{w.date(f['last_reviewed'])}）"
            )
            lines.append(f"  {w.field('path', printable(f['path']))}")
            lines.append(f"  {w.field('sha256', f['sha256'])}")
        else:
            lines.append(f"registry {name} (reviewed {f['last_reviewed']})")
            lines.append(f"  path    {printable(f['path'])}")
            lines.append(f"  sha256  {f['sha256']}")
    e, m, s, r = (record[k] for k in ("entities", "measures", "sources", "regulations"))
    oldest, newest = record["oldest_measure"], record["newest_measure"]
    if w.zh:
        lines.append(f"实体{e}个，措施{m}项，来源{s}个，监管文件{r}份")
        lines.append(w.field("announced_range", w.span(oldest, newest)))
    else:
        lines.append(f"{e} entities, {m} measures, {s} source(s), {r} regulations")
        lines.append(f"measures announced from {oldest} to {newest}")
    if w.zh:
        lines.append(w.label("absence", record["coverage_note"]))
    else:
        lines += textwrap.wrap(record["coverage_note"], 80)
    return "\n".join(lines) + "\n"
