"""codec: records to plain data and back by field name, with no code per record class."""

from __future__ import annotations

import json
import marshal
from datetime import date, datetime, timedelta, timezone

import pytest

import exitcheck
from exitcheck.dates import Day, Moment, PartialDate
from exitcheck.model import Entity, Locator, Measure
from exitcheck.records import Record
from exitcheck.store.codec import from_plain, to_plain
from exitcheck.store.sqlite import entity_from_json, entity_json


def _through_text(record: Record) -> Record:
    plain = to_plain(record)
    assert marshal.loads(marshal.dumps(plain)) == plain
    return from_plain(type(record), json.loads(json.dumps(plain, ensure_ascii=False)))


def _types(value: object) -> object:
    """The value's type tree: a date must not come back as a partial date or a date-time."""
    if isinstance(value, tuple):
        return (type(value), *(_types(v) for v in value))
    return type(value)


def test_every_record_of_the_shipped_registry_round_trips() -> None:
    registry = exitcheck.load()
    records: list[Record] = [*registry.entities, *registry.sources, *registry.regulations]
    records += registry.files
    assert len(registry.entities) > 10 and registry.sources and registry.regulations
    for record in records:
        back = _through_text(record)
        assert back == record and _types(back) == _types(record)
    for entity in registry.entities:
        assert entity_from_json(entity_json(entity)) == entity


def test_plain_data_is_by_field_name_without_defaults() -> None:
    m = Measure("closed", "all users", "closes", "src", Locator(None, "we close"))
    m = m._replace(effective=datetime(2021, 9, 24, 18, tzinfo=timezone(timedelta(hours=8))))
    assert to_plain(m) == {
        "kind": "closed",
        "scope": "all users",
        "description": "closes",
        "source": "src",
        "locator": {"paragraph": None, "quote": "we close"},
        "effective": "2021-09-24T18:00:00+08:00",
    }
    entity = Entity("x", "X", "exchange", measures=(m,), aliases=("a",))
    plain = to_plain(entity)
    assert plain["measures"] == [to_plain(m)] and plain["aliases"] == ["a"]
    assert from_plain(Entity, plain) == entity


class Before(Record):
    """A record as it stands today."""

    name: str
    since: Day
    locator: Locator
    when: Moment | None = None


class After(Record):
    """The same record with fields added later: the codec needs no change for them."""

    name: str
    since: Day
    locator: Locator
    when: Moment | None = None
    until: date | None = None
    places: tuple[Locator, ...] = ()
    flag: bool = False


def test_a_field_added_to_a_record_round_trips_without_codec_changes() -> None:
    after = After(
        "n",
        PartialDate(2019, 3),
        Locator(2, "q"),
        date(2021, 5, 21),
        until=date(2022, 1, 1),
        places=(Locator(1, "a"), Locator(None, "b")),
        flag=True,
    )
    assert _through_text(after) == after
    assert to_plain(after)["until"] == "2022-01-01"
    before = Before("n", date(2019, 3, 1), Locator(2, "q"))
    assert from_plain(After, to_plain(before)) == After(*before)  # older data: defaults


def test_bad_data_and_unreadable_annotations_are_refused() -> None:
    with pytest.raises(ValueError, match="missing field 'since'"):
        from_plain(Before, {"name": "n", "locator": {"quote": "q", "paragraph": None}})
    with pytest.raises(ValueError, match="no field 'other'"):
        from_plain(Before, {"name": "n", "other": 1})

    class Odd(Record):
        counts: dict[str, int]

    with pytest.raises(TypeError, match="cannot read the annotation 'dict"):
        to_plain(Odd({}))
