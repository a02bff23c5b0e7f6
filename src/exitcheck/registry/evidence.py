"""Registry rules about names and evidence (apart from tables.py, which reads the format).

- ``later_names``: reads ``[[entities.later_names]]``, a name an entity took after its
  measures (HTX for Huobi). It becomes a match key, never the entity's name.
- ``evidence_checks``: rules across files, once every source is known: a locator names its
  paragraph when its source is a file; a later name cites a known source and is not also a
  plain alias; a source has a URL or a file; and no date lies after its source's publication
  unless it is a stated future date (``announced`` never; ``effective`` or ``deadline`` only
  with the source's own wording in ``effective_stated`` / ``deadline_stated``). Measures that
  an ``[[extend]]`` adds (layering.py) are checked the same way.

Where sources disagree on a moment is part of an answer: ``report_records.disagreements``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from exitcheck.dates import Day, Moment, first_day, iso, last_day
from exitcheck.errors import Finding
from exitcheck.model import LaterName, Locator, Measure, Source
from exitcheck.registry.checker import fixed, table_keys

if TYPE_CHECKING:
    from exitcheck.registry.checker import Checker, Where
    from exitcheck.registry.layering import Layer


def later_names(
    checker: Checker, table: dict[str, Any], eid: str | None, entity_index: int
) -> tuple[LaterName, ...]:
    """The [[entities.later_names]] of one entity (inline tables too)."""

    value = table.get("later_names", [])
    entity_where = checker.where("entities", entity_index)
    if not isinstance(value, list):
        checker.error(
            "'later_names' must be an array of tables ([[entities.later_names]])",
            entity_where("later_names"),
            eid,
        )
        return ()
    start = entity_where(None) or 0
    following = checker.raw.lines.span("entities", entity_index + 1)
    end = following.start if following else float("inf")
    spans = [
        i
        for i, span in enumerate(checker.raw.lines.tables.get("entities.later_names", []))
        if start < span.start < end
    ]
    out = []
    for n, item in enumerate(value):
        where: Where
        if n < len(spans):
            where = checker.where("entities.later_names", spans[n])
        else:  # inline tables have no lines of their own: point at the entity's key
            where = fixed(entity_where("later_names"))
        if not isinstance(item, dict):
            checker.error("each later name must be a table", where(None), eid)
            continue
        checker.unknown_keys(item, table_keys(LaterName), where, eid)
        what = " in later name"
        name = checker.get(item, "name", str, where, eid, required=True, what=what)
        since = checker.day(item, "since", where, eid, required=True)
        source = checker.get(item, "source", str, where, eid, required=True, what=what)
        locator = checker.locator(item, where, eid)
        notes = checker.get(item, "notes", str, where, eid)
        if name and since and source and locator:
            out.append(LaterName(name, since, source, locator, notes))
    return tuple(out)


def _after(moment: Moment, published: Day | None) -> bool:
    """True when the moment lies wholly after the publication date (periods: no overlap)."""
    return published is not None and first_day(moment) > last_day(published)


def _measure_findings(m: Measure, sources: Mapping[str, Source]) -> Iterable[str]:
    """Errors (prefixed 'error:') and warnings about one measure against each of its sources:
    the first with the measure's own dates, the others with the dates they give."""
    for n, citation in enumerate(m.sources):
        source = sources.get(citation.source)
        if source is None:
            continue
        if source.file and citation.locator.paragraph is None:
            yield f"error:locator.paragraph is required: source '{source.id}' is a file"
        dated = (
            m
            if n == 0
            else m._replace(
                announced=citation.announced,
                effective=citation.effective,
                deadline=citation.deadline,
                effective_stated=citation.effective_stated or m.effective_stated,
                deadline_stated=citation.deadline_stated or m.deadline_stated,
            )
        )
        yield from _dates_against(dated, source)


def _dates_against(m: Measure, source: Source) -> Iterable[str]:
    if m.announced is not None and _after(m.announced, source.published):
        yield (
            f"announced {m.announced.isoformat()} is after source '{source.id}' was published"
            f" ({iso(source.published)})"
        )
    for which in ("effective", "deadline"):
        moment = getattr(m, which)
        if (
            moment is not None
            and _after(moment, source.published)
            and not getattr(m, f"{which}_stated")
        ):
            yield (
                f"{which} {moment.isoformat()} is after source '{source.id}' was published:"
                f" give the source's wording of this future date in '{which}_stated'"
            )


def _locator_needs_paragraph(locator: Locator, source: Source | None, what: str) -> Iterable[str]:
    if source is not None and source.file and locator.paragraph is None:
        yield f"error:{what} locator.paragraph is required: source '{source.id}' is a file"


# Words of a working note, not of a note for the analyst: a backstop; notes describe the source
# and the reasoning about it, never how it was looked up (structured references go in "see").
WORKING_NOTE_WORDS = (
    "integrator",
    "search tool",
    "searchable corpus",
    "stored copy",
    "copy read",
    "was found",
    "were found",
    "named in the issue",
    "recorded separately",
)


def working_note(text: str | None) -> str | None:
    """The working-note wording a note uses, if any."""
    lowered = (text or "").lower()
    return next((w for w in WORKING_NOTE_WORDS if w in lowered), None)


def _note_findings(p: Layer) -> list[Finding]:
    out = []
    path = p.info.path
    for i, s in enumerate(p.sources):
        found = working_note(s.notes)
        if found:
            msg = (
                f"source '{s.id}': a note says '{found}': describe the source, not how it was read"
            )
            out.append(Finding(path, msg, p.line("sources", i), severity="warning"))
    for i, e in enumerate(p.entities):
        texts = [e.notes] + [m.notes for m in e.measures]
        texts += [c.notes for m in e.measures for c in m.sources]
        for text in texts:
            found = working_note(text)
            if found:
                msg = f"a note says '{found}': describe the source, not how it was read"
                line = p.line("entities", i)
                out.append(Finding(path, msg, line, entity=e.id, severity="warning"))
    return out


def evidence_checks(parsed: list[Layer], sources: Mapping[str, Source]) -> list[Finding]:
    out: list[Finding] = []
    for p in parsed:
        out += _note_findings(p)
        path = p.info.path
        for i, s in enumerate(p.sources):
            if not s.url and not s.file and not s.copy_url:
                out.append(
                    Finding(
                        path,
                        f"source '{s.id}' has neither 'url' nor 'file': how would a reader check it?",
                        p.line("sources", i),
                        severity="warning",
                    )
                )
        for i, reg in enumerate(p.regulations):
            for msg in _locator_needs_paragraph(reg.locator, sources.get(reg.source), "regulation"):
                out.append(Finding(path, msg[6:], p.line("regulations", i), entity=reg.id))
        for i, e in enumerate(p.entities):
            line = p.line("entities", i)
            messages: list[str] = []
            for m in e.measures:
                messages += _measure_findings(m, sources)
            for r in e.relations:
                messages += _locator_needs_paragraph(r.locator, sources.get(r.source), "relation")
            own = {e.name, e.name_zh, *e.aliases}
            for n in e.later_names:
                if n.source not in sources:
                    messages.append(
                        f"error:later name '{n.name}' cites unknown source '{n.source}'"
                    )
                messages += _locator_needs_paragraph(n.locator, sources.get(n.source), "later name")
                if n.name in own:
                    messages.append(
                        f"error:later name '{n.name}' is also a name or alias: a later name is"
                        " name history, list it only under later_names"
                    )
            out += _findings(messages, path, line, e.id)
        for x in p.extensions:  # measures an [[extend]] adds obey the same rules
            extended = [msg for m in x.measures for msg in _measure_findings(m, sources)]
            out += _findings(extended, path, x.line, x.entity)
    return out


def _findings(messages: list[str], path: str, line: int | None, eid: str) -> list[Finding]:
    out = []
    for msg in messages:
        error = msg.startswith("error:")
        out.append(
            Finding(
                path,
                msg[6:] if error else msg,
                line,
                entity=eid,
                severity="error" if error else "warning",
            )
        )
    return out
