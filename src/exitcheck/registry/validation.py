"""Validating and combining registry TOML files (the cold path): this module only orchestrates.

``check(paths)`` reads and parses each file (regfile.py), checks its tables into records
(tables.py, with checker.py, measures.py, evidence.later_names and layering.read), then runs
the rules across files (crossfile.py, evidence.py, layering.cross_checks) and merges the layers
(layering.merged). It returns the combined records, or None when any error was found, with
every finding (errors and warnings) with file and line. ``registry.load`` runs it only when no
valid cache exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exitcheck.errors import Finding
from exitcheck.model import Entity, RegistryInfo, Regulation, Source
from exitcheck.records import Record
from exitcheck.registry import crossfile, layering
from exitcheck.registry.evidence import evidence_checks
from exitcheck.registry.layering import Layer
from exitcheck.registry.parse import parse_text, read_bytes
from exitcheck.registry.tables import check_file


class Checked(Record):
    """A registry that passed validation, as records ready for the store."""

    files: tuple[RegistryInfo, ...]
    entities: tuple[Entity, ...]
    sources: tuple[Source, ...]
    regulations: tuple[Regulation, ...]


def check(paths: Sequence[Path]) -> tuple[Checked | None, list[Finding]]:
    """Validate and combine registry files; the result is None when any error was found."""
    findings: list[Finding] = []
    layers: list[Layer] = []
    for path in paths:
        layer, problems = _check_one(path)
        findings.extend(problems)
        if layer is not None:
            layers.append(layer)
    if len(layers) != len(paths):
        return None, findings
    sources = crossfile.first_sources(layers)
    findings += crossfile.definitions(layers)
    findings += evidence_checks(layers, sources)
    findings += crossfile.references(layers, sources)
    findings += layering.cross_checks(layers, set(sources))
    if any(f.severity == "error" for f in findings):
        return None, findings
    checked = Checked(
        files=tuple(p.info for p in layers),
        entities=tuple(layering.merged(layers)),
        sources=tuple(sources.values()),
        regulations=tuple(r for p in layers for r in p.regulations),
    )
    return checked, findings


def _check_one(path: Path) -> tuple[Layer | None, list[Finding]]:
    raw_bytes, problem = read_bytes(path)
    if raw_bytes is None:
        return None, [problem] if problem else []
    raw, problem = parse_text(str(path), raw_bytes)
    if raw is None:
        return None, [problem] if problem else []
    return check_file(raw)
