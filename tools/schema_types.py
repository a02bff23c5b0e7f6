"""The JSON types the schema generator (tools/schemas.py) gives record fields: the shared
vocabulary (strings, dates, counts, enums), the type of each model annotation (TYPES), the
narrower types some fields have (NARROWER), and the fields only the output has (OUTPUT,
OPTIONAL)."""

from __future__ import annotations

from typing import Any

from exitcheck import model
from exitcheck.answers import status
from exitcheck.errors import ExitcheckError, InternalError, RegistryError, UsageError

# The error JSON's kinds, one per error class the command line reports.
ERROR_KINDS = [c.kind for c in (UsageError, RegistryError, ExitcheckError, InternalError)]

Schema = dict[str, Any]

DAY = r"^\d{4}-\d{2}-\d{2}$"
PARTIAL = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # a day, or a month or a year (dates.Day)
MOMENT = r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?)?)?$"
STR: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
NUM: Schema = {"type": "number"}
BOOL: Schema = {"type": "boolean"}
OPT_STR: Schema = {"type": ["string", "null"]}
DATE: Schema = {"type": "string", "format": "date", "pattern": DAY}
OPT_DATE: Schema = {"type": ["string", "null"], "pattern": DAY}
# a clock: a day, or a date-time with offset given as --as-of / --known-on
CLOCK: Schema = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}:\d{2})?$",
}
OPT_PARTIAL: Schema = {"type": ["string", "null"], "pattern": PARTIAL}
COUNT: Schema = {"type": "integer", "minimum": 0}
STATUS: Schema = {"enum": list(status.STATUSES)}
DECISION: Schema = {"enum": ["match", "ambiguous", "none"]}
SCREEN_DECISION: Schema = {
    "enum": [*DECISION["enum"], "unreadable", "empty"],
    "description": "unreadable: the row could not be read (bytes not in the input's encoding, "
    "U+FFFD, NUL, not a string), see reason; empty: a blank row",
}


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def array(items: Schema, **more: Any) -> Schema:
    return {"type": "array", "items": items, **more}


def nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties: dict[str, Schema]) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


# A model field's annotation -> its JSON type.
TYPES: dict[str, Schema] = {
    "str": STR,
    "str | None": OPT_STR,
    "int": INT,
    "int | None": {"type": ["integer", "null"]},
    "bool": BOOL,
    "date": DATE,
    "date | None": OPT_DATE,
    "Day": {"type": "string", "pattern": PARTIAL},
    "Day | None": OPT_PARTIAL,
    "Moment | None": {"type": ["string", "null"], "pattern": MOMENT},
    "tuple[str, ...]": array(STR),
    "Locator": ref("locator"),
    "tuple[Citation, ...]": array(ref("citation")),
    "tuple[Relation, ...]": array(ref("relation")),
    "tuple[LaterName, ...]": array(ref("later_name")),
    "tuple[Note, ...]": array(obj({"text": STR, "source": OPT_STR, "registry": STR})),
}


# Fields whose JSON type is narrower than their annotation.
NARROWER: dict[tuple[str, str], Schema] = {
    ("Entity", "kind"): {"enum": list(model.ENTITY_KINDS)},
    ("Entity", "registry"): {
        **OPT_STR,
        "description": "name of the registry that defines the entity",
    },
    ("Measure", "kind"): {"enum": list(model.MEASURE_KINDS)},
    ("Measure", "actor"): {
        "enum": list(model.ACTORS),
        "description": "who took the step: only the platform's own steps make its status",
    },
    ("Measure", "id"): {**OPT_STR, "description": "the measure's id, unique in the registries"},
    ("Locator", "paragraph"): {"type": ["integer", "null"], "minimum": 1},
    ("RegistryInfo", "sha256"): {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    ("Finding", "severity"): {"enum": ["error", "warning"]},
}


# Fields only the output has, by record.
OUTPUT: dict[str, dict[str, Schema]] = {
    "entity": {
        "alias_origins": array(obj({"alias": STR, "registry": OPT_STR})),
    },
    "citation": {
        "source": STR,
        "locator": ref("locator"),
        "done": {**BOOL, "description": "the source reports the step as already taken"},
        "announced": OPT_PARTIAL,
        "effective": {"type": ["string", "null"], "pattern": MOMENT},
        "deadline": {"type": ["string", "null"], "pattern": MOMENT},
        "effective_stated": OPT_STR,
        "deadline_stated": OPT_STR,
        "notes": OPT_STR,
        "notes_zh": OPT_STR,
    },
    "measure": {
        "status": nullable(STATUS),
        "counts_from": OPT_DATE,
        "done_by": nullable(
            obj({"date": OPT_DATE, "latest_possible": BOOL, "sources": array(STR)}),
        ),
        "disputed": array(
            obj(
                {
                    "field": {"enum": ["announced", "effective", "deadline"]},
                    "dates": array(obj({"source": STR, "date": STR})),
                    "used": STR,
                }
            )
        ),
        "sources": array(ref("citation"), minItems=1),
    },
    "candidate": {
        "id": STR,
        "name": STR,
        "name_zh": OPT_STR,
        "matched": STR,
        "score": NUM,
        "method": STR,
    },
    "match": {
        "query": STR,
        "normalized": STR,
        "decision": DECISION,
        "method": OPT_STR,
        "matched": OPT_STR,
        "score": {"type": ["number", "null"]},
        "later_name": nullable(ref("later_name")),
        "reason": OPT_STR,
        "decoded": {
            **array(STR),
            "description": "encodings undone before matching (HTML, percent-encoding, ...)",
        },
        "candidates": array(ref("candidate")),
    },
    "provenance": {
        "exitcheck_version": STR,
        "schema_version": {"const": 2, "description": "the version of these JSON shapes"},
        "as_of": CLOCK,
        "known_on": {**CLOCK, "type": ["string", "null"]},
        "day_offset": {
            "const": "+08:00",
            "description": "days are calendar days in mainland China; a day means its 00:00 UTC+8",
        },
        "now": {
            "type": ["string", "null"],
            "description": "the moment the command read the clock (EXITCHECK_NOW replaces it)",
        },
        "registries": array(ref("registry"), minItems=1),
        "contributors": {
            **array(STR),
            "description": "names of the registries that contributed to this answer",
        },
    },
    "other_view": {
        "as_of": CLOCK,
        "known_on": CLOCK,
        "status": STATUS,
        "differing_measures": array(
            obj({"kind": STR, "announced": OPT_PARTIAL, "effective": OPT_STR})
        ),
    },
    "status": {
        "entity": ref("entity"),
        "status": STATUS,
        "status_meaning": STR,
        "imposed": {
            **array(STR),
            "description": "ids of blocks by an authority or the network counting on the day",
        },
        "superseded": {
            **array(STR),
            "description": "ids of the platform's steps before a reopening that counts",
        },
        "as_of": CLOCK,
        "known_on": CLOCK,
        "other_view": ref("other_view"),
        "match": ref("match"),
        "measures": array(ref("measure")),
        "sources": array(ref("source")),
        "coverage": ref("coverage"),
        "disagreements": array(ref("disagreement")),
        "provenance": ref("provenance"),
    },
    "status-none": {
        "entity": {"type": "null"},
        "status": {"type": "null"},
        "as_of": DATE,
        "known_on": DATE,
        "match": ref("match"),
        "measures": {"type": "array", "maxItems": 0},
        "coverage": ref("coverage"),
        "provenance": ref("provenance"),
    },
    "list": {
        "status": STATUS,
        "other_view": ref("other_view"),
        "measures": array(ref("measure")),
        "provenance": ref("provenance"),
    },
    "search": {
        "ranked": array(ref("candidate")),
        "coverage": nullable(ref("coverage")),
        "provenance": ref("provenance"),
    },
    "screen": {
        "row": {"type": "integer", "minimum": 1},
        "input": STR,
        "decision": SCREEN_DECISION,
        "entity_id": OPT_STR,
        "entity_name": OPT_STR,
        "entity_name_zh": OPT_STR,
        "status": nullable(STATUS),
        "as_of": DATE,
        "known_on": OPT_DATE,
        "other_view": ref("other_view"),
        "normalized": STR,
        "decoded": {
            **array(STR),
            "description": "encodings undone before matching (HTML, percent-encoding, ...)",
        },
        "method": OPT_STR,
        "matched": OPT_STR,
        "later_name": nullable(ref("later_name")),
        "score": {"type": ["number", "null"]},
        "threshold": NUM,
        "candidates": array(ref("candidate")),
        "measures": {
            **array(
                obj(
                    {
                        "id": OPT_STR,
                        "kind": {"enum": list(model.MEASURE_KINDS)},
                        "scope": STR,
                        "announced": OPT_PARTIAL,
                        "effective": {"type": ["string", "null"], "pattern": MOMENT},
                        "deadline": {"type": ["string", "null"], "pattern": MOMENT},
                        "status": nullable(STATUS),
                        "source": STR,
                    }
                )
            ),
            "description": "the matched entity's measures known on known_on, as in status "
            "(a few of their fields); empty for a row that is not a match",
        },
        "reason": {
            "type": ["string", "null"],
            "description": "why the row is ambiguous, none, unreadable or empty (English)",
        },
        "provenance": ref("provenance"),
    },
    "sources": {"measures": INT, "regulations": INT, "entities": array(STR)},
    "regulations": {"paragraph": INT},
    "validate": {
        "valid": BOOL,
        "files": array(STR),
        "errors": INT,
        "warnings": INT,
        "findings": array(ref("finding")),
    },
    "info": {
        "exitcheck_version": STR,
        "registries": array(ref("registry")),
        "entities": INT,
        "measures": INT,
        "sources": INT,
        "regulations": INT,
        "oldest_measure": OPT_PARTIAL,
        "newest_measure": OPT_PARTIAL,
        "coverage_note": STR,
    },
    "coverage": {
        "entities": COUNT,
        "measures": COUNT,
        "sources": COUNT,
        "oldest_measure": OPT_PARTIAL,
        "newest_measure": OPT_PARTIAL,
        "note": STR,
    },
    "disagreement": {
        "kind": STR,
        "scope": STR,
        "values": array(
            {
                "type": "object",
                "properties": {"source": STR, "moment": STR},
                "required": ["source", "moment"],
                "additionalProperties": False,
            },
            minItems=2,
        ),
    },
    "error": {
        "kind": {"enum": ERROR_KINDS},
        "message": STR,
        "findings": array(ref("finding")),
    },
}


# Fields a record has only sometimes (not required), by record.
OPTIONAL: dict[str, dict[str, Schema]] = {
    "screen": {
        "columns": {
            "type": "object",
            "description": "the input row's cells by column name (CSV input with --column)",
            "additionalProperties": STR,
        },
        "changes": {
            **array(
                obj(
                    {
                        "field": {
                            "enum": [
                                "row",
                                "decision",
                                "entity_id",
                                "status",
                                "candidates",
                                "measure",
                            ]
                        },
                        "change": {"enum": ["added", "removed", "changed"]},
                        "measure": {
                            **OPT_STR,
                            "description": "the measure's id (kind/source/announced#n without one)",
                        },
                        "before": {"description": "the earlier value (for a measure: its fields)"},
                        "after": {"description": "the value now (for a measure: its fields)"},
                    }
                ),
                minItems=1,
            ),
            "description": "with --since: what changed since PREVIOUS ('row' added: a new row)",
        },
        "previous": {
            "description": "with --since: the clocks and registries of the earlier answer; "
            "null for a new row",
            "anyOf": [
                {"type": "null"},
                obj(
                    {
                        "as_of": STR,
                        "known_on": OPT_STR,
                        "registries": array(
                            obj({"name": STR, "version": STR, "sha256": STR}), minItems=1
                        ),
                    }
                ),
            ],
        },
    },
}
