"""Registries for tests, in one place: the minimal header, the entities several test files
share, and builders that write an entity or a measure as TOML with only the fields a test
cares about (the rest valid defaults). Registry files are written in tmp_path by the
``write_registry`` fixture of conftest.py."""

from __future__ import annotations

import unicodedata
from datetime import date

MINIMAL_HEADER = """\
[registry]
name = "test"
version = "1"
last_reviewed = 2026-01-01
schema = 1

[[sources]]
id = "src"
title = "Test source"
publisher = "Tests"
published = 2021-09-26
language = "en"
url = "https://example.org/test-source"
"""

# One valid entity with one dated measure, citing the header's source.
ACME = """
[[entities]]
id = "acme"
name = "Acme Exchange"
name_zh = "阿克米"
aliases = ["ACX"]
kind = "exchange"

[[entities.measures]]
kind = "closed"
scope = "users in mainland China"
announced = 2021-09-25
effective = 2021-10-23
effective_stated = "23 Oct 2021"
description = "Closes."
source = "src"
locator = { paragraph = 1, quote = "closes" }
"""

# A desk's own registry, and what it adds to the shipped entity 'huobi' ([[extend]]).
DESK = """\
[registry]
name = "desk"
version = "1"
last_reviewed = 2026-11-20
schema = 1

[[sources]]
id = "desk-memo"
title = "Desk memo"
publisher = "Our compliance desk"
published = 2021-10-04
language = "en"
"""

EXTEND_HUOBI = """
[[extend]]
entity = "huobi"
aliases = ["HB Desk"]

[[extend.measures]]
kind = "features_limited"
scope = "mainland-China accounts"
announced = 2021-10-04
description = "Fiat on-ramp unavailable in the desk's test."
source = "desk-memo"
locator = { paragraph = 2, quote = "fiat on-ramp" }

[[extend.notes]]
text = "Checked by the desk on 4 Oct 2021."
source = "desk-memo"
"""


def toml_string(text: str) -> str:
    """A TOML basic string holding exactly TEXT (controls, quotes and invisibles escaped)."""
    out = []
    for ch in text:
        if ch in '"\\' or not ch.isprintable() or unicodedata.category(ch) in ("Cf", "Zs"):
            out.append(f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(value: object) -> str:
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, date)):
        return value.isoformat() if isinstance(value, date) else repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def measure(
    kind: str = "closed",
    *,
    scope: str = "everyone",
    description: str = "Something.",
    source: str = "src",
    locator: dict[str, object] | None = None,
    **fields: object,
) -> str:
    """One [[entities.measures]] table; dates are given as date objects or as strings
    ('2021-09', a partial date)."""
    values = {"kind": kind, "scope": scope, **fields, "description": description}
    values |= {"source": source, "locator": locator or {"paragraph": 1, "quote": "x"}}
    return "\n[[entities.measures]]\n" + "".join(
        f"{k} = {toml_value(v)}\n" for k, v in values.items()
    )


def entity(
    entity_id: str, name: str, kind: str = "exchange", *measures: str, **fields: object
) -> str:
    """One [[entities]] table with its measures (see ``measure``)."""
    values = {"id": entity_id, "name": name, **fields, "kind": kind}
    head = "\n[[entities]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in values.items())
    return head + "".join(measures)
