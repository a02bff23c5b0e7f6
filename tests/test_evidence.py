"""Issue 12's rules of evidence, checked on the shipped registry as it grows: rules, not counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest

from exitcheck.dates import PartialDate, first_day, iso, last_day, sort_key
from exitcheck.model import Entity, Locator
from exitcheck.registry.checker import MAX_QUOTE_CHARS
from exitcheck.store.loading import load, shipped_registry

from .conftest import SOURCES

REGISTRY = load([shipped_registry()], use_cache=False)
SOURCES_BY_ID = {s.id: s for s in REGISTRY.sources}
COPIED_RUN = 12  # a description_zh sharing this many characters with its source copies it


def locators() -> Iterator[tuple[str, str, Locator]]:
    for e in REGISTRY.entities:
        yield from ((e.id, m.source, m.locator) for m in e.measures)
        yield from ((e.id, r.source, r.locator) for r in e.relations)
        yield from ((e.id, n.source, n.locator) for n in e.later_names)
    yield from ((r.id, r.source, r.locator) for r in REGISTRY.regulations)


def _without_measures_explained(e: Entity) -> bool:
    """The one exception: a platform named only as what a listed company operated, whose
    notes say it has no measure of its own (OKCoin in the seed report)."""
    operated = any(
        r.entity == e.id and r.kind == "operated" for o in REGISTRY.entities for r in o.relations
    )
    return operated and "no measure of its own" in (e.notes or "").lower()


def test_every_entity_has_a_measure() -> None:
    missing = [
        e.id for e in REGISTRY.entities if not e.measures and not _without_measures_explained(e)
    ]
    assert missing == []


def test_every_cited_source_has_a_url_or_is_a_source_file() -> None:
    for owner, source_id, _ in locators():
        source = SOURCES_BY_ID[source_id]
        assert source.url or source.file or source.copy_url, (owner, source_id)
    for s in REGISTRY.sources:
        assert s.url or s.file or s.copy_url, s.id
        assert s.title or s.title_ours, s.id


def test_every_quote_is_short_and_a_file_source_names_its_paragraph() -> None:
    for owner, source_id, loc in locators():
        assert 0 < len(loc.quote) <= MAX_QUOTE_CHARS, (owner, loc)
        if SOURCES_BY_ID[source_id].file:
            assert loc.paragraph is not None, (owner, loc)


def test_no_date_lies_after_its_sources_publication_unless_stated_as_future() -> None:
    """`announced` never after publication; an effective date or deadline after it only with
    the source's own words for it (`*_stated`): a future date the source states."""
    for e in REGISTRY.entities:
        for m in e.measures:
            published = SOURCES_BY_ID[m.source].published
            if published is None:
                continue
            end = last_day(published)
            if m.announced is not None:
                assert first_day(m.announced) <= end, (e.id, m.kind, iso(m.announced))
            for which in ("effective", "deadline"):
                moment = getattr(m, which)
                if moment is not None and first_day(moment) > end:
                    assert getattr(m, f"{which}_stated"), (e.id, m.kind, which, iso(moment))


def test_every_partial_date_is_found_by_the_filters_over_its_period(cli) -> None:
    partial = [
        (e.id, m.announced)
        for e in REGISTRY.entities
        for m in e.measures
        if isinstance(m.announced, PartialDate)
    ]
    for entity_id, when in partial:
        for after, before in ((when.start, when.start), (when.end, when.end)):
            out = cli("list", "--after", str(after), "--before", str(before), "--json").stdout
            found = {r["id"]: [m["announced"] for m in r["measures"]] for r in json.loads(out)}
            assert when.isoformat() in found.get(entity_id, []), (entity_id, when)


def test_list_is_in_date_order() -> None:
    from exitcheck.answers.clocks import resolve
    from exitcheck.answers.report import select

    answer = select(REGISTRY, resolve(date(2030, 1, 1), None, date(2030, 1, 1)))
    firsts = [measures[0].announced for _, measures in answer.rows if measures]
    dated = [d for d in firsts if d is not None]
    assert dated == sorted(dated, key=sort_key)


@pytest.mark.parametrize(
    "entity", [e for e in REGISTRY.entities if e.later_names], ids=lambda e: e.id
)
def test_every_later_name_resolves_and_says_so(cli, entity: Entity) -> None:
    for later in entity.later_names:
        data = json.loads(cli("status", later.name, "--json").stdout)
        assert data["entity"]["id"] == entity.id
        assert data["entity"]["name"] == entity.name
        assert data["match"]["later_name"] == {
            "name": later.name,
            "since": iso(later.since),
            "source": later.source,
        }
        text = " ".join(cli("status", later.name).stdout.split())
        assert f"is a later name of this entity, in use since {iso(later.since)}" in text


def _source_text(source_id: str) -> str | None:
    source = SOURCES_BY_ID[source_id]
    if not source.file or not (SOURCES / source.file).is_file():
        return None
    return (SOURCES / source.file).read_text(encoding="utf-8")


def test_chinese_descriptions_do_not_copy_runs_of_their_source() -> None:
    checked = 0
    for e in REGISTRY.entities:
        names = sorted((n for n in (e.name, e.name_zh, *e.aliases) if n), key=len, reverse=True)
        for m in e.measures:
            text = _source_text(m.source)
            if text is None or not m.description_zh:
                continue
            ours = m.description_zh
            for name in names:
                ours = ours.replace(name, "|")
            for start in range(len(ours) - COPIED_RUN + 1):
                run = ours[start : start + COPIED_RUN]
                assert "|" in run or run not in text, (e.id, m.kind, run)
            checked += 1
    if checked == 0:
        pytest.skip(f"no source text found under {SOURCES} (set EXITCHECK_SOURCES)")
