"""Reading, validating and combining registry TOML files (the cold path).

``check(paths)`` parses and validates; it returns the combined records, or None when any
error was found, together with every finding (errors and warnings) with file and line.
``registry.load`` runs it only when no valid cache exists.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from exitcheck import layering
from exitcheck.dates import Day, Moment, PartialDate, out_of_range
from exitcheck.errors import Finding
from exitcheck.evidence import evidence_checks, later_names
from exitcheck.layering import Extension
from exitcheck.model import (
    ENTITY_KINDS,
    MEASURE_KINDS,
    RELATION_KINDS,
    Entity,
    Locator,
    Measure,
    RegistryInfo,
    Regulation,
    Relation,
    Source,
)

T = TypeVar("T", date, PartialDate)
SCHEMA_VERSION = 1
MAX_REGISTRY_BYTES = 128 * 1024 * 1024  # larger files are refused before parsing
MAX_QUOTE_CHARS = 40  # a locator quotes a few words, never whole sentences
SUSPICIOUS_GAP = timedelta(days=366)  # effective this long before announcement: a warning
_SOURCE_TEXT_FIELDS = (
    "title", "author", "title_zh", "url", "file", "sha256", "notes", "title_ours", "title_ours_zh",
    "publisher_zh", "author_zh",
)  # fmt: skip
_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


# --------------------------------------------------------------------------------------------
# Reading one file


@dataclass
class RawFile:
    path: str
    data: dict[str, Any]
    sha256: str
    lines: LineMap


def read_bytes(path: Path) -> tuple[bytes | None, Finding | None]:
    """The file's bytes, read once and within the size limit (see rawread)."""
    from exitcheck.rawread import ReadProblem, read_limited

    try:
        return read_limited(path, MAX_REGISTRY_BYTES), None
    except ReadProblem as exc:
        return None, Finding(str(path), str(exc))


def parse_text(name: str, raw: bytes) -> tuple[RawFile | None, Finding | None]:
    from exitcheck.rawread import MAX_KEY_PARTS, long_dotted_key, strip_bom

    digest = hashlib.sha256(raw).hexdigest()  # of the file as it is, BOM included
    raw = strip_bom(raw)
    if not raw.strip():
        return None, Finding(name, "file is empty")
    if b"\x00" in raw:
        return None, Finding(name, "binary data (NUL byte), not a TOML file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Finding(name, "not UTF-8 text", line=line)
    from exitcheck.tomlcompat import TOMLDecodeError, loads

    too_long = long_dotted_key(text)
    if too_long is not None:
        return None, Finding(
            name,
            f"invalid TOML: a dotted key or table header of more than {MAX_KEY_PARTS} parts",
            too_long,
        )
    try:
        data = loads(text)
    except TOMLDecodeError as exc:
        msg = str(exc)
        pos = _TOML_POSITION.search(msg)
        clean = _TOML_POSITION.sub("", msg).strip()
        if pos:
            return None, Finding(name, f"invalid TOML: {clean}", int(pos[1]), int(pos[2]))
        if "(at end of document)" in msg:
            last = text.rstrip("\n").count("\n") + 1
            return None, Finding(
                name,
                f"invalid TOML: {msg.replace('(at end of document)', '').strip()} at the end of the file",
                last,
            )
        return None, Finding(name, f"invalid TOML: {clean}")
    except RecursionError:
        return None, Finding(name, "invalid TOML: nested too deeply")
    return RawFile(name, data, digest, LineMap.scan(text)), None


# --------------------------------------------------------------------------------------------
# Line numbers: the TOML parser gives none for values, so find them in the text.

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\s]+?)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\s]+?)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@dataclass
class Span:
    start: int  # 1-based line of the table header (or 1 for the top level)
    keys: dict[str, int] = field(default_factory=dict)


@dataclass
class LineMap:
    """Header and key lines for the array-of-tables layout this project writes."""

    tables: dict[str, list[Span]] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> LineMap:
        tables: dict[str, list[Span]] = {}
        current = Span(1)
        tables[""] = [current]
        for number, line in enumerate(text.splitlines(), 1):
            header = _HEADER.match(line) or _TABLE.match(line)
            if header:
                name = re.sub(r"\s+", "", header[1])
                current = Span(number)
                tables.setdefault(name, []).append(current)
                continue
            key = _KEY.match(line)
            if key:
                current.keys.setdefault(key[1], number)
        return cls(tables)

    def span(self, table: str, index: int) -> Span | None:
        spans = self.tables.get(table, [])
        return spans[index] if 0 <= index < len(spans) else None

    def line(self, table: str, index: int, key: str | None = None) -> int | None:
        span = self.span(table, index)
        if span is None:
            return None
        if key is not None and key in span.keys:
            return span.keys[key]
        return span.start


# --------------------------------------------------------------------------------------------
# Validation and building


class _Checker:
    """Validates one parsed file and builds model objects; collects findings on the way."""

    def __init__(self, raw: RawFile) -> None:
        self.raw = raw
        self.findings: list[Finding] = []
        self.measure_counter = 0
        self.id_lines: dict[
            tuple[str, int], int | None
        ] = {}  # (table, built index) -> line of its id

    # -- reporting ---------------------------------------------------------------------------
    def error(self, msg: str, line: int | None, entity: str | None = None) -> None:
        self.findings.append(Finding(self.raw.path, msg, line=line, entity=entity))

    def warn(self, msg: str, line: int | None, entity: str | None = None) -> None:
        self.findings.append(
            Finding(self.raw.path, msg, line=line, entity=entity, severity="warning")
        )

    # -- typed field access ------------------------------------------------------------------
    def get(
        self,
        table: dict[str, Any],
        key: str,
        kind: type | tuple[type, ...],
        where: Callable[[str | None], int | None],
        entity: str | None,
        *,
        required: bool = False,
        what: str = "",
    ) -> Any:
        value = table.get(key)
        if value is None:
            if required:
                self.error(f"missing required field '{key}'{what}", where(None), entity)
            return None
        if kind is str and isinstance(value, str) and not value.strip():
            self.error(f"field '{key}' is empty", where(key), entity)
            return None
        if kind is date and isinstance(value, datetime):
            self.error(
                f"field '{key}' must be a date (YYYY-MM-DD), not a date-time", where(key), entity
            )
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.error(
                f"field '{key}' must be {_type_name(kind)}, not {_type_name(type(value))}",
                where(key),
                entity,
            )
            return None
        if kind is date and isinstance(value, date):
            return self.in_range(key, value, where, entity)
        return value

    def in_range(
        self,
        key: str,
        value: T,
        where: Callable[[str | None], int | None],
        entity: str | None,
    ) -> T | None:
        problem = out_of_range(value)
        if problem:
            self.error(f"field '{key}': {problem}", where(key), entity)
            return None
        return value

    def strings(
        self,
        table: dict[str, Any],
        key: str,
        where: Callable[[str | None], int | None],
        entity: str | None,
    ) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(f"field '{key}' must be a list of non-empty strings", where(key), entity)
            return ()
        return tuple(value)

    def unknown_keys(
        self,
        table: dict[str, Any],
        allowed: set[str],
        where: Callable[[str | None], int | None],
        entity: str | None,
    ) -> None:
        for key in table:
            if key not in allowed:
                self.error(f"unknown field '{key}'", where(key), entity)

    def moment(
        self,
        table: dict[str, Any],
        key: str,
        where: Callable[[str | None], int | None],
        entity: str | None,
    ) -> Moment | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, datetime):
            if value.tzinfo is None:
                self.error(
                    f"field '{key}' is a date-time without a UTC offset; add one (and '{key}_offset_assumed = true' if the source states none)",
                    where(key),
                    entity,
                )
                return None
            return self.in_range(key, value, where, entity)
        if isinstance(value, date):
            return self.in_range(key, value, where, entity)
        if isinstance(value, str):
            return self.partial(value, key, where, entity)
        self.error(
            f'field \'{key}\' must be a date, a date-time with offset or "YYYY-MM" / "YYYY", not {_type_name(type(value))}',
            where(key),
            entity,
        )
        return None

    def day(
        self,
        table: dict[str, Any],
        key: str,
        where: Callable[[str | None], int | None],
        entity: str | None,
        *,
        required: bool = False,
    ) -> Day | None:
        """A date, or a partial date "YYYY-MM" / "YYYY" (never a date-time)."""
        value = table.get(key)
        if isinstance(value, str):
            return self.partial(value, key, where, entity)
        return self.get(table, key, date, where, entity, required=required)  # type: ignore[no-any-return]

    def partial(
        self, value: str, key: str, where: Callable[[str | None], int | None], entity: str | None
    ) -> PartialDate | None:
        from exitcheck.dates import parse_partial

        try:
            found = parse_partial(value)
        except ValueError:
            self.error(
                f'field \'{key}\' must be a date, or a month "YYYY-MM" or a year "YYYY" as a'
                f" string: '{value}' is neither (a full date is written without quotes)",
                where(key),
                entity,
            )
            return None
        return self.in_range(key, found, where, entity)

    def locator(
        self, table: dict[str, Any], where: Callable[[str | None], int | None], entity: str | None
    ) -> Locator | None:
        value = table.get("locator")
        if not isinstance(value, dict):
            self.error(
                "missing or invalid 'locator' (needs a quote, and a paragraph for a source file)",
                where("locator"),
                entity,
            )
            return None
        paragraph, quote = value.get("paragraph"), value.get("quote")
        self.unknown_keys(value, {"paragraph", "quote"}, lambda _k: where("locator"), entity)
        if paragraph is not None and (
            not isinstance(paragraph, int) or isinstance(paragraph, bool) or paragraph < 1
        ):
            self.error("locator.paragraph must be a whole number from 1", where("locator"), entity)
            return None
        if not isinstance(quote, str) or not quote.strip():
            self.error("locator.quote must be a few words of the source", where("locator"), entity)
            return None
        if len(quote) > MAX_QUOTE_CHARS:
            self.error(
                f"locator.quote is {len(quote)} characters; quote at most {MAX_QUOTE_CHARS}",
                where("locator"),
                entity,
            )
        return Locator(paragraph, quote)

    # -- tables ------------------------------------------------------------------------------
    def info(self) -> RegistryInfo:
        meta = self.raw.data.get("registry")
        where = self._where("registry", 0)
        if not isinstance(meta, dict):
            self.error("missing [registry] table (name, version, last_reviewed, schema)", 1)
            meta = {}
        name = self.get(meta, "name", str, where, None, required=True) if meta else None
        version = self.get(meta, "version", str, where, None, required=True) if meta else None
        reviewed = (
            self.get(meta, "last_reviewed", date, where, None, required=True) if meta else None
        )
        schema = self.get(meta, "schema", int, where, None, required=True) if meta else None
        if schema is not None and schema != SCHEMA_VERSION:
            self.error(
                f"schema {schema} is not supported (this exitcheck reads schema {SCHEMA_VERSION})",
                where("schema"),
            )
        if meta:
            self.unknown_keys(meta, {"name", "version", "last_reviewed", "schema"}, where, None)
        return RegistryInfo(
            self.raw.path, self.raw.sha256, name or "unnamed", version or "unversioned", reviewed
        )

    def _where(self, table: str, index: int) -> Callable[[str | None], int | None]:
        def where(key: str | None) -> int | None:
            return self.raw.lines.line(table, index, key)

        return where

    def _array(self, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
        value = self.raw.data.get(key, [])
        if not isinstance(value, list):
            self.error(
                f"'{key}' must be an array of tables ([[{key}]])", self.raw.lines.line("", 0, key)
            )
            return
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item
            else:
                self.error(
                    f"item {index + 1} of '{key}' is not a table", self.raw.lines.line("", 0, key)
                )

    def sources(self) -> list[Source]:
        out: list[Source] = []
        allowed = {
            "id",
            "title",
            "title_zh",
            "title_ours",
            "title_ours_zh",
            "publisher",
            "author",
            "published",
            "language",
            "url",
            "file",
            "sha256",
            "notes",
            "publisher_zh",
            "author_zh",
        }
        for index, table in self._array("sources"):
            where = self._where("sources", index)
            sid = self.slug(table, where)
            self.unknown_keys(table, allowed, where, sid)
            fields = {
                "publisher": self.get(table, "publisher", str, where, sid, required=True),
                "language": self.get(table, "language", str, where, sid, required=True),
            }
            published = self.day(table, "published", where, sid)  # absent: the page gives none
            optional = {k: self.get(table, k, str, where, sid) for k in _SOURCE_TEXT_FIELDS}
            if (
                optional["title"] is None
                and optional["title_ours"] is None
                and "title" not in table
            ):
                self.error(
                    "missing required field 'title' (the title as published; 'title_ours' for a source without one)",
                    where(None),
                    sid,
                )
                continue
            if sid and all(v is not None for v in fields.values()):
                self.id_lines[("sources", len(out))] = where("id")
                out.append(Source(id=sid, published=published, **fields, **optional))
        return out

    def regulations(self) -> list[Regulation]:
        out: list[Regulation] = []
        allowed = {
            "id",
            "date",
            "name",
            "name_zh",
            "issuers",
            "summary",
            "source",
            "locator",
            "notes",
            "summary_zh",
            "issuers_zh",
        }
        for index, table in self._array("regulations"):
            where = self._where("regulations", index)
            rid = self.slug(table, where)
            self.unknown_keys(table, allowed, where, rid)
            day = self.get(table, "date", date, where, rid, required=True)
            name = self.get(table, "name", str, where, rid, required=True)
            summary = self.get(table, "summary", str, where, rid, required=True)
            source = self.get(table, "source", str, where, rid, required=True)
            issuers = self.strings(table, "issuers", where, rid)
            locator = self.locator(table, where, rid)
            name_zh = self.get(table, "name_zh", str, where, rid)
            notes = self.get(table, "notes", str, where, rid)
            summary_zh = self.get(table, "summary_zh", str, where, rid)
            issuers_zh = self.strings(table, "issuers_zh", where, rid)
            if rid and day and name and summary and source and locator:
                self.id_lines[("regulations", len(out))] = where("id")
                out.append(
                    Regulation(
                        rid,
                        day,
                        name,
                        issuers,
                        summary,
                        source,
                        locator,
                        name_zh,
                        notes,
                        summary_zh,
                        issuers_zh,
                    )
                )
        return out

    def slug(self, table: dict[str, Any], where: Callable[[str | None], int | None]) -> str | None:
        value = self.get(table, "id", str, where, None, required=True)
        if value is not None and not _SLUG.fullmatch(value):
            self.error(
                f"id '{value}' must be a slug: lower-case letters, digits and hyphens", where("id")
            )
            return None
        return value  # type: ignore[no-any-return]

    def entities(self) -> list[Entity]:
        out: list[Entity] = []
        allowed = {"id", "name", "name_zh", "aliases", "kind", "measures", "relations", "notes"}
        allowed.add("later_names")
        for index, table in self._array("entities"):
            where = self._where("entities", index)
            eid = self.slug(table, where)
            self.unknown_keys(table, allowed, where, eid)
            name = self.get(table, "name", str, where, eid, required=True)
            kind = self.get(table, "kind", str, where, eid, required=True)
            if kind is not None and kind not in ENTITY_KINDS:
                self.error(
                    f"unknown entity kind '{kind}' (known: {', '.join(ENTITY_KINDS)})",
                    where("kind"),
                    eid,
                )
                kind = None
            name_zh = self.get(table, "name_zh", str, where, eid)
            aliases = self.strings(table, "aliases", where, eid)
            notes = self.get(table, "notes", str, where, eid)
            measures = self.measures(table, eid, index)
            relations = self.relations(table, eid, where)
            later = later_names(self, table, eid, index)
            if eid and name and kind:
                self.id_lines[("entities", len(out))] = where("id")
                out.append(
                    Entity(eid, name, kind, name_zh, aliases, measures, relations, notes, later)
                )
        return out

    def relations(
        self, table: dict[str, Any], eid: str | None, where: Callable[[str | None], int | None]
    ) -> tuple[Relation, ...]:
        value = table.get("relations", [])
        if not isinstance(value, list):
            self.error("'relations' must be a list of tables", where("relations"), eid)
            return ()
        out = []

        def at(_key: str | None) -> int | None:  # inline tables have no lines of their own
            return where("relations")

        for item in value:
            if not isinstance(item, dict):
                self.error("each relation must be a table", at(None), eid)
                continue
            self.unknown_keys(item, {"kind", "entity", "source", "locator"}, at, eid)
            kind = self.get(item, "kind", str, at, eid, required=True, what=" in relation")
            other = self.get(item, "entity", str, at, eid, required=True, what=" in relation")
            source = self.get(item, "source", str, at, eid, required=True, what=" in relation")
            locator = self.locator(item, at, eid)
            if kind is not None and kind not in RELATION_KINDS:
                self.error(
                    f"unknown relation kind '{kind}' (known: {', '.join(RELATION_KINDS)})",
                    at(None),
                    eid,
                )
            elif kind and other and source and locator:
                out.append(Relation(kind, other, source, locator))
        return tuple(out)

    def measures(
        self, table: dict[str, Any], eid: str | None, entity_index: int
    ) -> tuple[Measure, ...]:
        entity_where = self._where("entities", entity_index)
        start = entity_where(None) or 0
        following = self.raw.lines.span("entities", entity_index + 1)
        end = following.start if following else float("inf")
        value = table.get("measures", [])
        if not isinstance(value, list):
            self.error("'measures' must be an array of tables", entity_where("measures"), eid)
            return ()
        out = []
        for item in value:
            index = self.measure_counter
            self.measure_counter += 1
            span = self.raw.lines.span("entities.measures", index)
            where: Callable[[str | None], int | None]
            if span is not None and start < span.start < end:
                where = self._where("entities.measures", index)
            else:  # inline measures: point at the entity
                where = _fixed(entity_where("measures"))
                self.measure_counter -= 1
            if not isinstance(item, dict):
                self.error("each measure must be a table", where(None), eid)
                continue
            measure = self.measure(item, eid, where)
            if measure is not None:
                out.append(measure)
        return tuple(out)

    def measure(
        self, item: dict[str, Any], eid: str | None, where: Callable[[str | None], int | None]
    ) -> Measure | None:
        allowed = {
            "kind", "scope", "announced", "effective", "deadline", "effective_stated", "deadline_stated",
            "effective_offset_assumed", "deadline_offset_assumed", "products", "description",
            "description_zh", "source", "locator", "notes", "scope_zh", "notes_zh",
        }  # fmt: skip
        self.unknown_keys(item, allowed, where, eid)
        kind = self.get(item, "kind", str, where, eid, required=True, what=" in measure")
        if kind is not None and kind not in MEASURE_KINDS:
            self.error(
                f"unknown measure kind '{kind}' (known: {', '.join(MEASURE_KINDS)})",
                where("kind"),
                eid,
            )
            kind = None
        scope = self.get(item, "scope", str, where, eid, required=True, what=" in measure")
        description = self.get(
            item, "description", str, where, eid, required=True, what=" in measure"
        )
        source = self.get(item, "source", str, where, eid, required=True, what=" in measure")
        locator = self.locator(item, where, eid)
        announced = self.day(item, "announced", where, eid)
        effective = self.moment(item, "effective", where, eid)
        deadline = self.moment(item, "deadline", where, eid)
        flags = {}
        for which, moment in (("effective", effective), ("deadline", deadline)):
            flag = self.get(item, f"{which}_offset_assumed", bool, where, eid)
            if flag and not isinstance(moment, datetime):
                self.error(
                    f"'{which}_offset_assumed' needs '{which}' to be a date-time with offset",
                    where(f"{which}_offset_assumed"),
                    eid,
                )
            flags[which] = bool(flag)
        self.date_warnings(kind, announced, effective, deadline, eid, where)
        optional = {  # checked whether or not the required fields were usable
            "effective_stated": self.get(item, "effective_stated", str, where, eid),
            "deadline_stated": self.get(item, "deadline_stated", str, where, eid),
            "products": self.strings(item, "products", where, eid),
            "description_zh": self.get(item, "description_zh", str, where, eid),
            "notes": self.get(item, "notes", str, where, eid),
            "scope_zh": self.get(item, "scope_zh", str, where, eid),
            "notes_zh": self.get(item, "notes_zh", str, where, eid),
        }
        if not (kind and scope and description and source and locator):
            return None
        return Measure(
            kind=kind,
            scope=scope,
            description=description,
            source=source,
            locator=locator,
            announced=announced,
            effective=effective,
            deadline=deadline,
            effective_offset_assumed=flags["effective"],
            deadline_offset_assumed=flags["deadline"],
            **optional,
        )

    def date_warnings(
        self,
        kind: str | None,
        announced: Day | None,
        effective: Moment | None,
        deadline: Moment | None,
        eid: str | None,
        where: Callable[[str | None], int | None],
    ) -> None:
        from exitcheck.dates import first_day, last_day

        if kind == "exit_planned" and (effective or deadline):
            self.warn(
                "an 'exit_planned' measure has a date; use the kind of the measure itself",
                where("kind"),
                eid,
            )
        if announced is None:
            return
        if effective is not None and last_day(effective) < first_day(announced) - SUSPICIOUS_GAP:
            self.warn(
                "effective date is more than a year before the announcement",
                where("effective"),
                eid,
            )
        if deadline is not None and last_day(deadline) < first_day(announced):
            self.warn("deadline is before the announcement", where("deadline"), eid)


def _fixed(line: int | None) -> Callable[[str | None], int | None]:
    """A line finder that always answers the same line (for inline tables)."""

    def where(_key: str | None) -> int | None:
        return line

    return where


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {
        str: "a string",
        int: "an integer",
        bool: "true or false",
        date: "a date",
        list: "a list",
        dict: "a table",
        float: "a number",
        datetime: "a date-time",
    }
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kind)
    return names.get(kind, kind.__name__)


# --------------------------------------------------------------------------------------------
# Combining files


@dataclass
class _Parsed:
    info: RegistryInfo
    entities: list[Entity]
    sources: list[Source]
    regulations: list[Regulation]
    id_lines: dict[tuple[str, int], int | None]
    extensions: list[Extension] = field(default_factory=list)

    def line(self, table: str, index: int) -> int | None:
        return self.id_lines.get((table, index))


def _parse_one(path: Path) -> tuple[_Parsed | None, list[Finding]]:
    raw_bytes, problem = read_bytes(path)
    if problem:
        return None, [problem]
    assert raw_bytes is not None
    raw, problem = parse_text(str(path), raw_bytes)
    if problem:
        return None, [problem]
    assert raw is not None
    checker = _Checker(raw)
    known = {"registry", "sources", "regulations", "entities", "extend"}
    for key in raw.data:
        if key not in known:
            checker.error(
                f"unknown top-level key '{key}'",
                raw.lines.line("", 0, key) or raw.lines.line(key, 0),
            )
    info = checker.info()
    entities, sources, regulations = checker.entities(), checker.sources(), checker.regulations()
    extensions = layering.read(checker, info.name)
    entities = layering.stamp(entities, info.name)
    parsed = _Parsed(info, entities, sources, regulations, checker.id_lines, extensions)
    return parsed, checker.findings


class Checked(NamedTuple):
    """A registry that passed validation, as records ready for the store."""

    files: tuple[RegistryInfo, ...]
    entities: tuple[Entity, ...]
    sources: tuple[Source, ...]
    regulations: tuple[Regulation, ...]


def check(paths: Sequence[Path]) -> tuple[Checked | None, list[Finding]]:
    """Validate and combine registry files; the result is None when any error was found."""
    findings: list[Finding] = []
    parsed: list[_Parsed] = []
    for path in paths:
        one, problems = _parse_one(path)
        findings.extend(problems)
        if one is not None:
            parsed.append(one)
    if len(parsed) == len(paths):
        findings.extend(_cross_checks(parsed))
        findings.extend(layering.cross_checks(parsed, {s.id for p in parsed for s in p.sources}))
    if any(f.severity == "error" for f in findings) or len(parsed) != len(paths):
        return None, findings
    checked = Checked(
        files=tuple(p.info for p in parsed),
        entities=tuple(layering.merged(parsed)),
        sources=tuple(_unique_sources(parsed)),
        regulations=tuple(r for p in parsed for r in p.regulations),
    )
    return checked, findings


def _unique_sources(parsed: list[_Parsed]) -> Iterator[Source]:
    seen: set[str] = set()
    for p in parsed:
        for s in p.sources:
            if s.id not in seen:
                seen.add(s.id)
                yield s


def _cross_checks(parsed: list[_Parsed]) -> list[Finding]:
    """Uniqueness and references across every file in effect."""
    from exitcheck.matching import compact_key
    from exitcheck.names import mixes_scripts

    out: list[Finding] = []
    sources: dict[str, Source] = {}
    entity_home: dict[str, str] = {}
    keys: dict[str, tuple[str, str]] = {}
    for p in parsed:
        path = p.info.path
        for i, s in enumerate(p.sources):
            if s.id in sources and sources[s.id] != s:
                out.append(
                    Finding(
                        path,
                        f"source '{s.id}' is defined again with different content",
                        p.line("sources", i),
                    )
                )
            sources.setdefault(s.id, s)
    regulation_ids: set[str] = set()
    for p in parsed:
        path = p.info.path
        for i, r in enumerate(p.regulations):
            line = p.line("regulations", i)
            if r.id in regulation_ids:
                out.append(Finding(path, f"regulation id '{r.id}' is defined twice", line))
            regulation_ids.add(r.id)
            if r.source not in sources:
                out.append(Finding(path, f"regulation cites unknown source '{r.source}'", line))
        for i, e in enumerate(p.entities):
            line = p.line("entities", i)
            if e.id in entity_home:
                out.append(
                    Finding(
                        path,
                        f"entity id '{e.id}' is defined twice (first in {entity_home[e.id]}); "
                        f"to add to it, use [[extend]] with entity = '{e.id}'",
                        line,
                        entity=e.id,
                    )
                )
                continue
            entity_home[e.id] = path
            for label in (
                e.id,
                e.name,
                e.name_zh or "",
                *e.aliases,
                *(n.name for n in e.later_names),
            ):
                key = compact_key(label)
                if not key:
                    if label:
                        out.append(
                            Finding(
                                path,
                                f"name or alias '{label}' has no letters or digits",
                                line,
                                entity=e.id,
                            )
                        )
                    continue
                if mixes_scripts(label):
                    out.append(
                        Finding(
                            path,
                            f"name or alias '{label}' mixes Latin with Cyrillic or Greek look-alike letters",
                            line,
                            entity=e.id,
                            severity="warning",
                        )
                    )
                other = keys.get(key)
                if other and other[0] != e.id:
                    out.append(
                        Finding(
                            path,
                            f"name or alias '{label}' collides with '{other[1]}' of entity '{other[0]}' after normalisation",
                            line,
                            entity=e.id,
                        )
                    )
                else:
                    keys[key] = (e.id, label)
    all_ids = set(entity_home)
    out += evidence_checks(parsed, sources)
    for p in parsed:
        path = p.info.path
        for i, e in enumerate(p.entities):
            line = p.line("entities", i)
            for m in e.measures:
                if m.source not in sources:
                    out.append(
                        Finding(
                            path, f"measure cites unknown source '{m.source}'", line, entity=e.id
                        )
                    )
            for rel in e.relations:
                if rel.entity not in all_ids:
                    out.append(
                        Finding(
                            path,
                            f"relation points to unknown entity '{rel.entity}'",
                            line,
                            entity=e.id,
                        )
                    )
                if rel.source not in sources:
                    out.append(
                        Finding(
                            path, f"relation cites unknown source '{rel.source}'", line, entity=e.id
                        )
                    )
    return out
