"""Batch screening: read names lazily, match each, yield one record per input row."""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from exitcheck.errors import UsageError
from exitcheck.matching import (
    DECISION_MATCH,
    MAX_QUERY_CHARS,
    SCORE_THRESHOLD,
    MatchResult,
    match,
)
from exitcheck.model import Registry
from exitcheck.report import ScreenRow, provenance_record, published, screen_record
from exitcheck.status import entity_status

if TYPE_CHECKING:
    from exitcheck.matching import MatchIndex


@dataclass
class Counts:
    rows: int = 0
    match: int = 0
    ambiguous: int = 0
    none: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, decision: str) -> None:
        self.rows += 1
        setattr(self, decision, getattr(self, decision) + 1)

    def record(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "match": self.match,
            "ambiguous": self.ambiguous,
            "none": self.none,
            "seconds": round(time.perf_counter() - self.started, 3),
        }

    def line(self) -> str:
        r = self.record()
        return f"screened {r['rows']} row(s): {r['match']} match, {r['ambiguous']} ambiguous, {r['none']} none in {r['seconds']:.2f}s"

    def write(self, path: Path) -> None:
        try:
            path.write_text(json.dumps(self.record()) + "\n", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write summary to {path}: {exc.strerror or exc}") from None


def _open(file: str) -> IO[str]:
    if file == "-":
        stream = sys.stdin
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
        return stream
    path = Path(file)
    if path.is_dir():
        raise UsageError(f"{file}: is a directory")
    try:
        return path.open(encoding="utf-8-sig", errors="replace", newline="")
    except FileNotFoundError:
        raise UsageError(f"{file}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{file}: cannot read: {exc.strerror or exc}") from None


def read_rows(
    file: str, *, column: str | None = None, skip_header: bool = False
) -> Iterator[tuple[int, str]]:
    """(row number, name) for every non-blank input row; rows are numbered from 1 after a header.

    The file is opened and a CSV header checked now, so a bad --column fails before any output.
    """
    stream = _open(file)
    if column is None:
        return _lines(stream, skip_header)
    reader = csv.reader(stream)
    head = next(reader, None) or []
    names = [h.strip().lstrip("\ufeff") for h in head]
    if column not in names:
        raise UsageError(
            f"--column {column!r} is not in the header ({', '.join(names) or 'empty'})"
        )
    return _cells(reader, names.index(column))


def _lines(stream: IO[str], skip_header: bool) -> Iterator[tuple[int, str]]:
    lines = (line.rstrip("\r\n") for line in stream)
    if skip_header:
        next(lines, None)
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield number, line


def _cells(reader: Iterator[list[str]], at: int) -> Iterator[tuple[int, str]]:
    for number, row in enumerate(reader, 1):
        value = row[at] if at < len(row) else ""
        if value.strip():
            yield number, value


def _too_long(name: str) -> MatchResult:
    return MatchResult(name, "", "none", reason=f"longer than {MAX_QUERY_CHARS} characters")


def screen(
    registry: Registry,
    index: MatchIndex,
    rows: Iterable[tuple[int, str]],
    as_of: date,
    threshold: float | None,
    counts: Counts,
) -> Iterator[dict[str, Any]]:
    used = SCORE_THRESHOLD if threshold is None else threshold
    preload = getattr(index, "preload", None)
    if preload is not None:
        preload()
    dates = published(registry)
    provenance = provenance_record(registry, as_of)
    for number, name in rows:
        result = (
            _too_long(name)
            if len(name) > MAX_QUERY_CHARS
            else match(index, name, threshold=used, limit=0)
        )
        counts.add(result.decision)
        entity = (
            registry.entity(result.entity_id)
            if result.decision == DECISION_MATCH and result.entity_id
            else None
        )
        status = entity_status(entity, as_of, dates) if entity else None
        yield screen_record(
            ScreenRow(number, name, result, entity, status, used, as_of), registry, provenance
        )


__all__ = ["Counts", "read_rows", "screen"]
