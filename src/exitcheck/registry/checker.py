"""The checker of one registry file: typed access to the fields of its tables, where each
key stands, and the findings collected on the way.

``Checker`` reads values (strings, dates, partial dates, moments, lists, locators, slugs) and
reports each problem once, with the file and line; the modules that check the tables
(tables.py, measures.py, evidence.later_names, layering.read) build records from what it
reads. ``table_keys`` gives the keys a table may have: its record's fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from datetime import date, datetime
from typing import Any, TypeVar

from exitcheck.dates import Day, Moment, PartialDate, out_of_range
from exitcheck.errors import Finding
from exitcheck.model import LOADER_FIELDS, Locator
from exitcheck.records import Record
from exitcheck.registry.parse import RawFile

T = TypeVar("T", date, PartialDate)
Where = Callable[[str | None], int | None]  # the line of a key of one table (None: the table)
MAX_QUOTE_CHARS = 40  # a locator quotes a few words, never whole sentences
LOCATOR_KEYS = frozenset(Locator._fields)
_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")


def table_keys(record: type[Record], *, also: frozenset[str] = frozenset()) -> frozenset[str]:
    """The keys a registry table may have: the fields of its record that the loader does not
    set itself (model.LOADER_FIELDS), and ``also``."""
    return frozenset(record._fields) - LOADER_FIELDS.get(record, frozenset()) | also


class Checker:
    """Reads the tables of one parsed file; collects findings on the way."""

    def __init__(self, raw: RawFile) -> None:
        self.raw = raw
        self.findings: list[Finding] = []
        self.measure_counter = 0  # [[entities.measures]] headers seen so far (see measures.py)
        self.id_lines: dict[tuple[str, int], int | None] = {}  # (table, index built) -> line

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
        where: Where,
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
                f"field '{key}' must be {type_name(kind)}, not {type_name(type(value))}",
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
        where: Where,
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
        where: Where,
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
        allowed: Collection[str],
        where: Where,
        entity: str | None,
    ) -> None:
        for key in table:
            if key not in allowed:
                self.error(f"unknown field '{key}'", where(key), entity)

    def moment(
        self,
        table: dict[str, Any],
        key: str,
        where: Where,
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
            f'field \'{key}\' must be a date, a date-time with offset or "YYYY-MM" / "YYYY", not {type_name(type(value))}',
            where(key),
            entity,
        )
        return None

    def day(
        self,
        table: dict[str, Any],
        key: str,
        where: Where,
        entity: str | None,
        *,
        required: bool = False,
    ) -> Day | None:
        """A date, or a partial date "YYYY-MM" / "YYYY" (never a date-time)."""
        value = table.get(key)
        if isinstance(value, str):
            return self.partial(value, key, where, entity)
        return self.get(table, key, date, where, entity, required=required)  # type: ignore[no-any-return]

    def partial(self, value: str, key: str, where: Where, entity: str | None) -> PartialDate | None:
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

    def locator(self, table: dict[str, Any], where: Where, entity: str | None) -> Locator | None:
        value = table.get("locator")
        if not isinstance(value, dict):
            self.error(
                "missing or invalid 'locator' (needs a quote, and a paragraph for a source file)",
                where("locator"),
                entity,
            )
            return None
        paragraph, quote = value.get("paragraph"), value.get("quote")
        self.unknown_keys(value, LOCATOR_KEYS, lambda _k: where("locator"), entity)
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

    def slug(
        self, table: dict[str, Any], where: Where, entity: str | None = None, required: bool = True
    ) -> str | None:
        value = self.get(table, "id", str, where, entity, required=required)
        if value is not None and not _SLUG.fullmatch(value):
            self.error(
                f"id '{value}' must be a slug: lower-case letters, digits and hyphens",
                where("id"),
                entity,
            )
            return None
        return value  # type: ignore[no-any-return]

    # -- where things are ---------------------------------------------------------------
    def where(self, table: str, index: int) -> Where:
        def where(key: str | None) -> int | None:
            return self.raw.lines.line(table, index, key)

        return where

    def array(self, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
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


def fixed(line: int | None) -> Where:
    """A line finder that always answers the same line (for inline tables)."""

    def where(_key: str | None) -> int | None:
        return line

    return where


def type_name(kind: type | tuple[type, ...]) -> str:
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
