"""The keys a registry table may hold come from its record's fields (model.py), less the
fields the loader sets itself (model.LOADER_FIELDS)."""

from __future__ import annotations

import json

import pytest

from exitcheck.model import LOADER_FIELDS, LaterName, Note
from exitcheck.records import Record
from exitcheck.registry.checker import LOCATOR_KEYS, table_keys
from exitcheck.registry.layering import SET_BY_READ, Extension
from exitcheck.registry.measures import MEASURE_KEYS
from exitcheck.registry.tables import (
    ENTITY_KEYS,
    REGISTRY_KEYS,
    REGULATION_KEYS,
    RELATION_KEYS,
    SOURCE_KEYS,
    SOURCE_TEXT_FIELDS,
)

# The keys as they were written out by hand before they were derived: the derivation must
# give the same, key for key.
BY_HAND = {
    "registry": {"name", "version", "last_reviewed", "schema"},
    "sources": {
        "id", "title", "title_zh", "title_ours", "title_ours_zh", "publisher", "author",
        "published", "language", "url", "file", "sha256", "notes", "publisher_zh", "author_zh",
        "copy_url",
    },
    "regulations": {
        "id", "date", "name", "name_zh", "issuers", "summary", "source", "locator", "notes",
        "summary_zh", "issuers_zh",
    },
    "entities": {
        "id", "name", "name_zh", "aliases", "kind", "measures", "relations", "notes", "later_names",
    },
    "measures": {
        "kind", "scope", "announced", "effective", "deadline", "effective_stated",
        "deadline_stated", "effective_offset_assumed", "deadline_offset_assumed", "products",
        "description", "description_zh", "source", "locator", "notes", "scope_zh", "notes_zh",
        "id", "actor", "sources", "see", "products_zh",
    },
    "relations": {"kind", "entity", "source", "locator"},
    "locator": {"paragraph", "quote"},
    "later_names": {"name", "since", "source", "locator", "notes"},
    "extend": {"entity", "aliases", "measures", "notes"},
    "extend.notes": {"text", "source"},
}  # fmt: skip


def test_derived_keys_equal_the_keys_once_written_by_hand() -> None:
    derived = {
        "registry": REGISTRY_KEYS,
        "sources": SOURCE_KEYS,
        "regulations": REGULATION_KEYS,
        "entities": ENTITY_KEYS,
        "measures": MEASURE_KEYS,
        "relations": RELATION_KEYS,
        "locator": LOCATOR_KEYS,
        "later_names": table_keys(LaterName),
        "extend": table_keys(Extension) - SET_BY_READ,
        "extend.notes": table_keys(Note),
    }
    assert derived == BY_HAND
    assert SOURCE_TEXT_FIELDS == (
        "title", "author", "title_zh", "url", "file", "sha256", "notes", "title_ours",
        "title_ours_zh", "publisher_zh", "author_zh", "copy_url",
    )  # fmt: skip


def test_loader_fields_are_fields() -> None:
    for record, fields in LOADER_FIELDS.items():
        assert fields <= set(record._fields), record


def test_a_field_added_to_a_record_becomes_a_key() -> None:
    class Thing(Record):
        name: str
        colour: str | None = None

    assert table_keys(Thing) == {"name", "colour"}
    assert table_keys(Thing, also=frozenset({"schema"})) == {"name", "colour", "schema"}


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[[entities]]\nid = "x"\nname = "X"\nkind = "exchange"\nregistry = "other"\n', "registry"),
        (
            '[[entities]]\nid = "x"\nname = "X"\nkind = "exchange"\nadded_notes = []\n',
            "added_notes",
        ),
        (
            '[[entities]]\nid = "x"\nname = "X"\nkind = "exchange"\n\n[[entities.measures]]\n'
            'kind = "closed"\nscope = "all"\ndescription = "d"\nsource = "src"\n'
            'locator = { paragraph = 1, quote = "q" }\nregistry = "other"\n',
            "registry",
        ),
    ],
)
def test_a_field_the_loader_sets_is_no_key_of_a_file(cli, write_registry, body, key) -> None:
    result = cli("validate", str(write_registry(body)), "--json")
    assert result.exit_code == 2
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    assert f"unknown field '{key}'" in messages
