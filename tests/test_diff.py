"""`exitcheck diff`: every kind of change on hand-made pairs, and a registry against itself."""

from __future__ import annotations

import json

import pytest

from exitcheck.errors import Finding

from .registries import MINIMAL_HEADER

SRC2 = """
[[sources]]
id = "src2"
title = "Second source"
publisher = "Tests"
published = 2021-09-27
language = "en"
"""

REG_B = """
[[regulations]]
id = "reg-b"
date = 2021-05-18
name = "Notice B"
issuers = ["Bank"]
summary = "Warns."
source = "src"
locator = { paragraph = 2, quote = "warns" }
"""

SECOND = """
[[entities.measures]]
kind = "statement"
scope = "all users"
announced = 2021-09-26
description = "Second statement."
source = "src"
locator = { paragraph = 5, quote = "second" }
"""

GONE = """
[[entities]]
id = "gone"
name = "Gone Pool"
kind = "mining_pool"
"""

GONE_MEASURE = """
[[entities.measures]]
kind = "service_stopped"
scope = "users in China"
announced = 2021-09-27
description = "Stops."
source = "src"
locator = { paragraph = 6, quote = "stops" }
"""

BASE = (
    SRC2
    + """
[[regulations]]
id = "reg-a"
date = 2021-09-24
name = "Notice A"
issuers = ["Bank"]
summary = "Bans it."
source = "src"
locator = { paragraph = 1, quote = "bans" }
"""
    + REG_B
    + """
[[entities]]
id = "acme"
name = "Acme Exchange"
aliases = ["ACX", "acme.com"]
kind = "exchange"

[[entities.measures]]
kind = "registration_stopped"
scope = "new users in mainland China"
announced = 2021-09-26
effective = 2021-09-24
description = "Stops registration."
source = "src"
locator = { paragraph = 3, quote = "stops" }

[[entities.measures]]
kind = "statement"
scope = "all users"
announced = 2021-09-26
description = "First statement."
source = "src"
locator = { paragraph = 4, quote = "first" }
"""
    + SECOND
    + GONE
)

NEW_ENTITY = """
[[entities]]
id = "fresh"
name = "Fresh Wallet"
kind = "wallet"

[[entities.measures]]
kind = "service_stopped"
scope = "users in China"
announced = 2021-09-27
description = "Stops."
source = "src"
locator = { paragraph = 6, quote = "stops" }
"""

# (edit of BASE, the expected (kind, change, id) and changed fields)
CASES = {
    "registry": (
        lambda b: ("", MINIMAL_HEADER.replace('version = "1"', 'version = "2"') + b),
        ("registry", "changed", "registry"),
        ["version"],
    ),
    "entity-added": (lambda b: b + NEW_ENTITY, ("entity", "added", "fresh"), None),
    "entity-removed": (
        lambda b: b.replace(GONE, ""),
        ("entity", "removed", "gone"),
        None,
    ),
    "entity-changed": (
        lambda b: b.replace('name = "Gone Pool"', 'name = "Gone Mining Pool"'),
        ("entity", "changed", "gone"),
        ["name"],
    ),
    "alias-added": (
        lambda b: b.replace('["ACX", "acme.com"]', '["ACX", "acme.com", "Acme Pro"]'),
        ("alias", "added", "Acme Pro"),
        None,
    ),
    "alias-removed": (
        lambda b: b.replace('["ACX", "acme.com"]', '["acme.com"]'),
        ("alias", "removed", "ACX"),
        None,
    ),
    "measure-added": (
        lambda b: b + GONE_MEASURE,
        ("measure", "added", "gone/service_stopped/src/2021-09-27#1"),
        None,
    ),
    "measure-removed": (
        lambda b: b.replace(SECOND, ""),
        ("measure", "removed", "acme/statement/src/2021-09-26#2"),
        None,
    ),
    "measure-changed": (
        lambda b: b.replace("effective = 2021-09-24", "effective = 2021-09-25"),
        ("measure", "changed", "acme/registration_stopped/src/2021-09-26#1"),
        ["effective"],
    ),
    "second-of-two-changed": (
        lambda b: b.replace('"Second statement."', '"Second statement, corrected."'),
        ("measure", "changed", "acme/statement/src/2021-09-26#2"),
        ["description"],
    ),
    "source-added": (
        lambda b: b.replace(
            "[[regulations]]",
            '[[sources]]\nid = "src3"\ntitle = "T"\npublisher = "P"\npublished = 2021-01-01\nlanguage = "zh"\n\n[[regulations]]',
            1,
        ),
        ("source", "added", "src3"),
        None,
    ),
    "source-removed": (
        lambda b: b.replace(SRC2, ""),
        ("source", "removed", "src2"),
        None,
    ),
    "source-changed": (
        lambda b: b.replace(
            'title = "Second source"',
            'title = "Second source, revised"\nurl = "https://example.invalid/"',
        ),
        ("source", "changed", "src2"),
        ["title", "url"],
    ),
    "regulation-added": (
        lambda b: b.replace(
            "[[entities]]",
            '[[regulations]]\nid = "reg-c"\ndate = 2021-06-21\nname = "C"\nissuers = ["X"]\nsummary = "S."\nsource = "src"\nlocator = { paragraph = 7, quote = "c" }\n\n[[entities]]',
            1,
        ),
        ("regulation", "added", "reg-c"),
        None,
    ),
    "regulation-removed": (
        lambda b: b.replace(REG_B, ""),
        ("regulation", "removed", "reg-b"),
        None,
    ),
    "regulation-changed": (
        lambda b: b.replace(
            'issuers = ["Bank"]\nsummary = "Bans it."',
            'issuers = ["Bank", "Court"]\nsummary = "Bans it."',
        ),
        ("regulation", "changed", "reg-a"),
        ["issuers"],
    ),
}


@pytest.fixture
def pair(write_registry):
    def make(edit):
        old = write_registry(BASE)
        result = edit(BASE)
        header, body = result if isinstance(result, tuple) else (MINIMAL_HEADER, result)
        new = write_registry(body, header=header or "")
        return old, new

    return make


@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_of_change(cli, pair, case) -> None:
    edit, (kind, change, ident), fields = CASES[case]
    old, new = pair(edit)
    result = cli("diff", str(old), str(new), "--json")
    assert result.exit_code == 1, (result.stdout, result.stderr)
    data = json.loads(result.stdout)
    got = [(c["kind"], c["change"], c["id"]) for c in data["changes"]]
    assert (kind, change, ident) in got
    if case != "entity-added":  # a new entity brings its measures along
        assert len(got) == 1, got
    assert data["summary"][kind][change] == 1 and data["same"] is False
    if fields is not None:
        assert [f["field"] for f in data["changes"][0]["fields"]] == fields
    back = json.loads(cli("diff", str(new), str(old), "--json").stdout)
    reverse = {"added": "removed", "removed": "added", "changed": "changed"}[change]
    assert (kind, reverse, ident) in [(c["kind"], c["change"], c["id"]) for c in back["changes"]]


def test_a_changed_field_shows_old_and_new(cli, pair) -> None:
    old, new = pair(CASES["measure-changed"][0])
    data = json.loads(cli("diff", str(old), str(new), "--json").stdout)
    assert data["changes"][0]["fields"] == [
        {"field": "effective", "old": "2021-09-24", "new": "2021-09-25"}
    ]
    assert data["changes"][0]["entity"] == "acme"
    table = cli("diff", str(old), str(new)).stdout
    assert "~ measure acme/registration_stopped/src/2021-09-26#1" in table
    assert 'effective: "2021-09-24" -> "2021-09-25"' in table
    markdown = cli("diff", str(old), str(new), "--format", "markdown").stdout
    assert (
        '| changed | measure | acme/registration_stopped/src/2021-09-26#1 | effective | "2021-09-24" | "2021-09-25" |'
        in markdown
    )


def test_a_registry_against_itself_is_the_same(cli, write_registry, shipped) -> None:
    path = write_registry(BASE)
    for args in ([str(path), str(path)], [str(shipped)], ["--shipped", str(shipped)]):
        result = cli("diff", *args, "--json")
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["same"] is True and data["changes"] == []
    assert "no differences" in cli("diff", str(shipped)).stdout


def test_the_json_validates_against_its_schema(cli, pair) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(cli("schema", "diff").stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    for case in ("registry", "entity-added", "source-changed", "regulation-removed"):
        old, new = pair(CASES[case][0])
        jsonschema.validate(json.loads(cli("diff", str(old), str(new), "--json").stdout), document)


def test_markdown_and_text_escape_data(cli, pair) -> None:
    hostile = "Gone | Pool `x` \x1b[2J\u202e"
    old, new = pair(
        lambda b: b.replace('name = "Gone Pool"', f'name = "{hostile}"'.replace("\x1b", "\\u001b"))
    )
    markdown = cli("diff", str(old), str(new), "--format", "markdown").stdout
    assert "\x1b" not in markdown and "\u202e" not in markdown and "Gone \\| Pool" in markdown
    table = cli("diff", str(old), str(new)).stdout
    assert "\x1b" not in table and "\u202e" not in table


def test_errors_exit_2(cli, write_registry, tmp_path) -> None:
    good = write_registry(BASE)
    bad = write_registry(BASE + BASE)
    result = cli("diff", str(good), str(bad), "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["kind"] == "registry"
    assert cli("diff", str(good), str(tmp_path / "missing.toml")).exit_code == 2
    assert cli("diff", str(good), str(good), str(good)).exit_code == 2
    assert cli("diff", "--shipped", str(good), str(good)).exit_code == 2
    assert cli("diff", str(good), str(good), "--format", "csv").exit_code == 2
    assert cli("diff").exit_code == 2


def test_measure_keys_count_repeats() -> None:
    from exitcheck.answers.diff import measure_keys
    from exitcheck.model import Entity, Locator, Measure

    m = Measure("statement", "all", "d", "src", Locator(1, "q"))
    keys = list(
        measure_keys(Entity("e", "E", "exchange", measures=(m, m, m._replace(source="s2"))))
    )
    assert keys == [
        "e/statement/src/undated#1",
        "e/statement/src/undated#2",
        "e/statement/s2/undated#1",
    ]
    assert Finding  # the diff reuses validation's findings for its errors


def test_layered_compares_extensions_of_the_shipped_registry(cli, write_registry) -> None:
    from .registries import DESK, EXTEND_HUOBI

    old = write_registry(EXTEND_HUOBI, header=DESK)
    new = write_registry(
        EXTEND_HUOBI.replace('["HB Desk"]', '["HB Desk", "HT Exchange"]'), header=DESK
    )
    assert cli("diff", str(old), str(new)).exit_code == 2  # alone, huobi is unknown
    result = cli("diff", "--layered", str(old), str(new), "--json")
    assert result.exit_code == 1, result.stderr
    changes = json.loads(result.stdout)["changes"]
    assert [(c["kind"], c["change"], c["id"]) for c in changes] == [
        ("alias", "added", "HT Exchange")
    ]
    added = json.loads(cli("diff", "--layered", str(old), "--json").stdout)["changes"]
    assert ("measure", "added", "huobi/features_limited/desk-memo/2021-10-04#1") in [
        (c["kind"], c["change"], c["id"]) for c in added
    ]


def test_random_removals_are_reported_exactly(shipped) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from exitcheck.answers.diff import compare
    from exitcheck.registry import check

    full, _ = check([shipped])
    assert full is not None
    ids = [e.id for e in full.entities]

    @settings(max_examples=40, deadline=None)
    @given(st.sets(st.sampled_from(ids)), st.sets(st.sampled_from(ids)))
    def run(dropped, trimmed) -> None:
        kept = [
            e._replace(measures=e.measures[:-1]) if e.id in trimmed else e
            for e in full.entities
            if e.id not in dropped
        ]
        smaller = full._replace(entities=tuple(kept))
        changes = compare(full, smaller)
        removed = {c.id for c in changes if c.kind == "entity" and c.change == "removed"}
        assert removed == dropped
        cut = {c.entity for c in changes if c.kind == "measure" and c.entity not in dropped}
        assert cut == {e for e in trimmed - dropped if full.entities[ids.index(e)].measures}
        assert all(c.change == "removed" for c in changes)
        assert {(c.kind, c.id) for c in compare(smaller, full)} == {(c.kind, c.id) for c in changes}
        assert compare(smaller, smaller) == []

    run()


def test_partial_dates_and_later_names_are_compared_as_written(cli, write_registry) -> None:
    later = (
        '\n[[entities.later_names]]\nname = "Acme New"\nsince = "2023"\nsource = "src"\n'
        'locator = { paragraph = 1, quote = "renamed" }\n'
    )
    body = BASE.replace("announced = 2021-09-26", 'announced = "2021-09"', 1)
    old = write_registry(body)
    new = write_registry(body.replace('kind = "exchange"\n', 'kind = "exchange"\n' + later, 1))
    data = json.loads(cli("diff", str(old), str(new), "--json").stdout)
    assert [(c["kind"], c["id"]) for c in data["changes"]] == [("entity", "acme")]
    field = data["changes"][0]["fields"][0]
    assert field["field"] == "later_names" and field["old"] == []
    assert field["new"][0]["name"] == "Acme New" and field["new"][0]["since"] == "2023"
    removed = json.loads(cli("diff", str(old), str(write_registry(BASE)), "--json").stdout)
    ids = sorted(c["id"] for c in removed["changes"])
    assert "acme/registration_stopped/src/2021-09#1" in ids  # the month is in the stable key
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, json.loads(cli("schema", "diff").stdout))
