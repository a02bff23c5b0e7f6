"""Generate data/schemas/: the shared definitions (defs.json) and one small file per command.

Run ``python tools/schemas.py`` after changing a record (model.py, report_records.py,
report.py, registry_records.py); ``python tools/schemas.py --check`` (and tests/test_schemas.py)
fail when the shipped files differ.

Where each part comes from:
- the fields of every record, and their order, from the record builders (report_records.py,
  report.py, registry_records.py) run on sample records, so a field added to a record shows up
  here (and needs a type) without copying lists;
- the JSON type of a field of a model record (model.py, errors.Finding) from its annotation
  (TYPES), with the controlled vocabularies (entity kind, measure kind) as enums;
- the types of fields only the output has (computed status, match scores, counts) from OUTPUT.

diff.json (HAND_WRITTEN) is written by hand: its records (diff.py) share nothing with the
others, and it keeps its own $defs. The generator leaves it alone; tests/test_schemas.py checks
that its definitions do not shadow shared ones.

``exitcheck schema NAME`` prints a command's file with the shared definitions inlined
(exitcheck.answers.schemas.document), so what it prints is complete on its own.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tools"))  # schema_types.py beside this file

from schema_types import (  # noqa: E402
    NARROWER,
    OPTIONAL,
    OUTPUT,
    TYPES,
    Schema,
    array,
    obj,
)

from exitcheck import model  # noqa: E402
from exitcheck.answers import (  # noqa: E402
    clocks,
    registry_records,
    report,
    report_records,
)
from exitcheck.answers.schemas import BASE_ID, DEFS, DEFS_FILE  # noqa: E402
from exitcheck.errors import Finding  # noqa: E402
from exitcheck.matching import Candidate, MatchResult  # noqa: E402
from exitcheck.store.loading import Registry  # noqa: E402

# Files of data/schemas/ written by hand, not by this generator.
HAND_WRITTEN = frozenset({"diff.json"})


def shape(record: dict[str, Any], name: str, cls: type | None = None) -> Schema:
    """The object schema of a record built by report_records.py and its users: its keys in
    order, each typed from the model class's annotation, else from OUTPUT[name]. A key with
    neither is an error here."""
    annotations = {  # NamedTuple keeps postponed annotations as ForwardRef('...')
        k: getattr(v, "__forward_arg__", v) for k, v in getattr(cls, "__annotations__", {}).items()
    }
    extra = OUTPUT.get(name, {})
    properties: dict[str, Schema] = {}
    for key in record:
        if cls is not None and (cls.__name__, key) in NARROWER:
            properties[key] = NARROWER[cls.__name__, key]
        elif key in annotations:
            if annotations[key] not in TYPES:
                raise SystemExit(f"{cls.__name__}.{key}: add {annotations[key]!r} to TYPES")
            properties[key] = TYPES[annotations[key]]
        elif key in extra:
            properties[key] = extra[key]
        else:
            raise SystemExit(f"record {name!r}: field {key!r} has no type; add it to OUTPUT")
    schema = obj(properties)
    schema["properties"].update(OPTIONAL.get(name, {}))
    return schema


def samples() -> dict[str, Any]:
    """One record of every kind, built by the record builders from sample data."""
    day = date(2021, 9, 26)
    locator = model.Locator(1, "q")
    relation = model.Relation("operated", "b", "s", locator)
    measure = model.Measure("closed", "all users", "d", "s", locator)
    later = model.LaterName("A2", day, "s", locator)
    entity = model.Entity(
        "a", "A", "exchange", measures=(measure,), relations=(relation,), later_names=(later,)
    )
    info = model.RegistryInfo("p", "0" * 64, "n", "1", day)
    registry = Registry(
        (info,),
        (model.Source("s", "T", "P", day, "en"),),
        (model.Regulation("r", day, "N", ("i",), "S", "s", locator),),
        fetch=lambda entity_id: entity if entity_id == "a" else None,
        fetch_all=lambda: iter((entity,)),
    )
    candidate = Candidate("a", "A", 100.0, "exact_name")
    result = MatchResult("a", "a", "match", "exact_name", candidate, (candidate,))
    finding = Finding("p", "m", 1, 1)
    # known on the day itself, asked later: the other view (as known now) is not null
    clock = clocks.Clock(day, day, date(2022, 1, 1))
    answer = report.status_answer(registry, entity, result, clock)
    rows = ((entity, entity.measures),)
    screened = report.ScreenRow(
        1, "a", result, entity, answer.status, 75.0, day, day, answer.other_view
    )
    return {
        "entity": report_records.entity_record(entity),
        "relation": report_records.entity_record(entity)["relations"][0],
        "locator": report_records.entity_record(entity)["relations"][0]["locator"],
        "citation": report_records.citation_record(model.Citation("s", locator)),
        "measure": report_records.measure_record(measure, day),
        "candidate": report_records.candidate_record(candidate, registry),
        "match": report_records.match_record(result, registry),
        "registry": report_records.registries_record(registry)[0],
        "provenance": report_records.provenance_record(registry, day),
        "source": report_records.source_record(registry, "s"),
        "finding": report_records.finding_record(finding),
        "later_name": report_records.later_name_record(later),
        "coverage": report_records.coverage_record(registry),
        "disagreement": {
            "kind": "closed",
            "scope": "all users",
            "values": [{"source": "s", "moment": "2021-10-01"}] * 2,
        },
        "status": report.status_record(answer),
        "other_view": answer.other_view,
        "status-none": report.no_match_record(result._replace(decision="none"), registry, clock),
        "list": next(report.list_records(report.ListAnswer(registry, clock, rows))),
        "search": report.search_record(report.SearchAnswer(registry, day, result, (candidate,))),
        "screen": report.screen_record(screened, registry),
        "sources": registry_records.source_records(registry)[0],
        "regulations": registry_records.regulation_records(registry)[0],
        "validate": registry_records.validate_record(["p"], False, [finding]),
        "info": registry_records.info_record(registry),
        "error": report_records.error_record("usage", "m", [finding])["error"],
    }


# Shared definitions: name -> model class whose annotations type the fields (None: OUTPUT only).
DEFINITIONS: dict[str, type | None] = {
    "locator": model.Locator,
    "citation": None,
    "relation": model.Relation,
    "entity": model.Entity,
    "measure": model.Measure,
    "candidate": None,
    "match": None,
    "registry": model.RegistryInfo,
    "provenance": None,
    "source": model.Source,
    "finding": Finding,
    "later_name": model.LaterName,
    "coverage": None,
    "disagreement": None,
    "other_view": None,
}

# Shared definitions that may be null instead of the object, with what null means.
NULLABLE: dict[str, str] = {
    "other_view": "the status the other clock gives for the same as_of day: as known then"
    " (known_on = as_of) or as known now; null when both are the same view",
}


def _extended(base: Schema, record: dict[str, Any], name: str) -> Schema:
    """A record that is a shared definition plus a few output fields (list, sources rows)."""
    properties = dict(base["properties"])
    for key in record:
        if key not in properties:
            properties[key] = OUTPUT[name][key]
    if list(properties) != list(record):
        raise SystemExit(f"record {name!r}: fields out of order against its base")
    return obj(properties)


def _regulation(record: dict[str, Any]) -> Schema:
    return shape(record, "regulations", model.Regulation)


def commands(defs: dict[str, Schema], records: dict[str, Any]) -> dict[str, Schema]:
    """Each command's top-level schema (refs to the shared definitions, as #/$defs/NAME)."""
    title: Callable[[str], str] = lambda n: f"exitcheck {n} --json output"  # noqa: E731
    return {
        "error": {
            "title": title("error"),
            **obj({"error": shape(records["error"], "error")}),
        },
        "info": {"title": title("info"), **shape(records["info"], "info")},
        "list": {
            "title": title("list"),
            **array(_extended(defs["entity"], records["list"], "list")),
        },
        "regulations": {
            "title": title("regulations"),
            **array(_regulation(records["regulations"])),
        },
        "screen": {
            "title": title("screen"),
            "description": "One object per line (NDJSON), one line per input row.",
            **shape(records["screen"], "screen"),
        },
        "search": {
            "title": title("search"),
            **_extended(defs["match"], records["search"], "search"),
        },
        "sources": {
            "title": title("sources"),
            **array(_extended(defs["source"], records["sources"], "sources")),
        },
        "status": {
            "title": title("status"),
            "oneOf": [
                shape(records["status"], "status"),
                shape(records["status-none"], "status-none"),
            ],
        },
        "validate": {"title": title("validate"), **shape(records["validate"], "validate")},
    }


def _to_shared(node: Any) -> Any:
    """#/$defs/NAME -> defs.json#/$defs/NAME: a command file refers to the shared file."""
    if isinstance(node, dict):
        return {
            k: (DEFS_FILE + v if k == "$ref" and v.startswith("#/") else _to_shared(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_to_shared(v) for v in node]
    return node


def generate() -> dict[str, str]:
    """File name -> text of every file of data/schemas/."""
    records = samples()
    defs = {name: shape(records[name], name, cls) for name, cls in DEFINITIONS.items()}
    for name, meaning in NULLABLE.items():
        defs[name] = {"description": meaning, "anyOf": [{"type": "null"}, defs[name]]}
    files = {
        DEFS_FILE: {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": BASE_ID + DEFS_FILE,
            "title": "exitcheck: definitions shared by the --json outputs",
            DEFS: defs,
        }
    }
    for name, body in commands(defs, records).items():
        files[f"{name}.json"] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{BASE_ID}{name}.json",
            **_to_shared(body),
        }
    return {
        name: json.dumps(doc, indent=2, ensure_ascii=False) + "\n" for name, doc in files.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped files differ")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "exitcheck" / "data" / "schemas")
    args = parser.parse_args()
    wanted = generate()
    shipped = {
        p.name: p.read_text(encoding="utf-8")
        for p in args.out.glob("*.json")
        if p.name not in HAND_WRITTEN
    }
    if args.check:
        stale = sorted(n for n in wanted.keys() | shipped.keys() if wanted.get(n) != shipped.get(n))
        for name in stale:
            print(f"{args.out / name}: differs from tools/schemas.py's output", file=sys.stderr)
        return 1 if stale else 0
    for name in shipped.keys() - wanted.keys():
        (args.out / name).unlink()
    for name, text in wanted.items():
        (args.out / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
