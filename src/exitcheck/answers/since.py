"""Re-screening against an earlier answer (``screen FILE --since PREVIOUS``): the rows whose
answer changed, each with what changed.

PREVIOUS is told apart by its content: the NDJSON of an earlier ``screen --json`` run (its
first character, after a byte-order mark and blanks, is ``{``) holds the answers compared
against; each of its rows carries both clocks and the fingerprints of the registries that gave
it, so the registry file need not exist any more. Anything else must be a registry file
(TOML), under which the command answers every row again (loaded alone, as ``--only`` does).

A row is compared with the earlier answer to the same row number *and* input (a row number
that holds another name is a new row). The changes, in this order:

- ``row`` added: the row is not in PREVIOUS;
- ``decision``, ``entity_id``, ``status``: changed;
- ``candidates``: the ids of an ambiguous row's candidates changed;
- ``measure`` added, removed or changed (in a field of SCREEN_MEASURE_FIELDS), for a row
  matched to the same entity both times; measures are keyed by id, one without an id by
  ``kind/source/announced#occurrence``.

Reading PREVIOUS is this module's only I/O; the comparison is pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exitcheck.answers.report_records import SCREEN_MEASURE_FIELDS
from exitcheck.errors import UsageError
from exitcheck.records import Record

MAX_PREVIOUS_BYTES = 1 << 30  # as for the screened list itself
HITS = ("match", "ambiguous")  # the decisions --fail-on-match counts
_COMPARED = ("decision", "entity_id", "status")


class Earlier(Record):
    """What a row's earlier answer said, as far as it is compared, and what gave it."""

    decision: str
    entity_id: str | None
    status: str | None
    candidates: tuple[str, ...]  # ids, for an ambiguous row
    measures: tuple[dict[str, Any], ...] | None  # None: the row carries none (exitcheck 0.2)
    as_of: str
    known_on: str | None
    registries: tuple[tuple[str, str, str], ...]  # (name, version, sha256)

    def record(self) -> dict[str, Any]:
        """The ``previous`` of an output row: the earlier answer's clocks and registries."""
        return {
            "as_of": self.as_of,
            "known_on": self.known_on,
            "registries": [{"name": n, "version": v, "sha256": s} for n, v, s in self.registries],
        }


class Recorded(Record):
    """PREVIOUS as the answers of an earlier run, by (row number, input)."""

    file: str
    rows: dict[tuple[int, str], Earlier]
    partial: bool = False  # its rows carry ``changes``: the output of a --since run


@dataclass
class Tally:
    """The rows a --since run wrote: how many, and how many of them are hits."""

    changed: int = 0
    hits: int = 0
    rows: int = 0  # rows compared with recorded answers
    common: int = 0  # of them, rows PREVIOUS answered too


def earlier(record: dict[str, Any]) -> Earlier:
    """The compared part of a screen record (``exitcheck schema screen``)."""
    provenance = record.get("provenance") or {}
    registries = tuple(
        (r["name"], r["version"], r["sha256"]) for r in provenance.get("registries", ())
    )
    measures = record.get("measures")
    return Earlier(
        record["decision"],
        record["entity_id"],
        record["status"],
        tuple(c["id"] for c in record["candidates"]) if record["decision"] == "ambiguous" else (),
        None if measures is None else tuple(measures),
        record["as_of"],
        record.get("known_on"),
        registries,
    )


# --------------------------------------------------------------------------------------------
# Reading PREVIOUS


def read(file: str, *, stdin: bool = True) -> Recorded | Path:
    """PREVIOUS as recorded answers, or the path of an older registry to answer under; a file
    that is neither (or a malformed one) is a UsageError (exit 2). PREVIOUS is read as a
    stream, never seeked, so a pipe (``<(…)``) or stdin (``-``, when ``stdin`` is free: not
    the list being screened) holds NDJSON as well as a file does; each line is read in bounded
    pieces, so a line longer than MAX_LINE_BYTES is refused without being held."""
    path = Path(file)
    where = f"--since {file}"
    if file == "-" and not stdin:
        raise UsageError(
            f"{where}: stdin is already the list being screened; give PREVIOUS as a file",
            code="since_stdin",
            file=where,
        )
    if path.is_dir():
        raise UsageError(f"{where}: is a directory", code="is_directory", file=where)
    try:
        if file == "-":
            import sys

            return _read_stream(sys.stdin.buffer, path, where, regular=False)
        with path.open("rb") as stream:
            return _read_stream(stream, path, where, regular=path.is_file())
    except FileNotFoundError:
        raise UsageError(f"{where}: no such file", code="no_such_file", file=where) from None
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise UsageError(
            f"{where}: cannot read: {why}", code="cannot_read", file=where, why=why
        ) from None


MAX_LINE_BYTES = 64 << 20  # a screen row with every measure of an entity is a few KiB
_CHUNK = 1 << 16


def _lines(stream: Any, where: str) -> Iterator[tuple[int, bytes]]:
    """(number, line) of a binary stream, each line read in pieces of at most _CHUNK bytes, so
    that a line over MAX_LINE_BYTES is refused once that much is read, not after it is held."""
    number, total = 0, 0
    while True:
        number += 1
        pieces: list[bytes] = []
        size = 0
        while True:
            piece = stream.readline(_CHUNK)
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
            total += len(piece)
            if total > MAX_PREVIOUS_BYTES:
                raise UsageError(
                    f"{where}: larger than {MAX_PREVIOUS_BYTES >> 20} MiB",
                    code="since_too_large",
                    file=where,
                    limit=MAX_PREVIOUS_BYTES >> 20,
                )
            if piece.endswith(b"\n"):
                break
            if size > MAX_LINE_BYTES:
                raise UsageError(
                    f"{where}: line {number} is longer than {MAX_LINE_BYTES >> 20} MiB; "
                    "a row of 'exitcheck screen --json' is a few KiB",
                    code="since_line_too_long",
                    file=where,
                    line=number,
                    limit=MAX_LINE_BYTES >> 20,
                )
        if not pieces:
            return
        yield number, b"".join(pieces)


_UTF16_32 = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(start: bytes) -> str | None:
    """UTF-16 or UTF-32 (as PowerShell's '>' writes UTF-16) by byte-order mark, or by the NUL
    bytes beside ASCII that text in them has; None for anything else."""
    for mark, name in _UTF16_32:
        if start.startswith(mark):
            return name
    head = start[:64]
    if len(head) >= 4 and head.count(0) * 4 >= len(head):
        return "UTF-32" if head[1:3] == b"\x00\x00" or head[:2] == b"\x00\x00" else "UTF-16"
    return None


def _read_stream(stream: Any, path: Path, where: str, *, regular: bool) -> Recorded | Path:
    lines = _lines(stream, where)
    head: list[tuple[int, bytes]] = []  # the blank lines before the first that has text
    for number, raw in lines:
        if number == 1:
            wide = _wide_encoding(raw)
            if wide:
                raise UsageError(
                    f"{where}: is {wide}, not UTF-8 (PowerShell's '>' writes UTF-16); "
                    "save it as UTF-8 (e.g. '| Out-File -Encoding utf8') or use the file "
                    "'exitcheck screen --json -o FILE' writes",
                    code="since_encoding",
                    file=where,
                    encoding=wide,
                )
        head.append((number, raw))
        content = raw.removeprefix(b"\xef\xbb\xbf").strip() if number == 1 else raw.strip()
        if content:
            break
    else:
        raise UsageError(
            f"{where}: is empty; nothing to compare with", code="since_empty", file=where
        )
    if content.startswith(b"{"):
        import itertools

        rows, partial = _rows(itertools.chain(head, lines), where)
        return Recorded(str(path), rows, partial)
    if not regular:
        raise UsageError(
            f"{where}: not the output of 'exitcheck screen --json' (NDJSON); a registry file "
            "as PREVIOUS must be a file, not a pipe",
            code="since_pipe",
            file=where,
        )
    _check_registry(path, where)
    return path


def _check_registry(path: Path, where: str) -> None:
    """A file that is not NDJSON must at least be TOML with a [registry] table; the registry
    is validated when it is loaded (alone, its [[extend]] not followed)."""
    from exitcheck.tomlcompat import loads

    neither = UsageError(
        f"{where}: neither the output of 'exitcheck screen --json' (NDJSON) nor a registry "
        "file (TOML); a CSV or table output cannot be compared",
        code="since_unknown",
        file=where,
    )
    if path.stat().st_size > MAX_PREVIOUS_BYTES:
        raise neither
    try:
        document = loads(path.read_bytes().decode("utf-8-sig"))
    except (ValueError, RecursionError):  # TOMLDecodeError and UnicodeDecodeError are
        raise neither from None
    if not isinstance(document.get("registry"), dict):
        raise neither
    if document.get("extend"):
        raise UsageError(
            f"{where}: a registry file with [[extend]] (a layer over other files) cannot be "
            "PREVIOUS: PREVIOUS is loaded alone; give the output of the earlier run's "
            "'exitcheck screen --json' instead",
            code="since_layered",
            file=where,
        )


def _rows(
    lines: Iterable[tuple[int, bytes]], where: str
) -> tuple[dict[tuple[int, str], Earlier], bool]:
    """The rows by (number, input), and whether any carries ``changes`` (a --since output)."""
    import json

    rows: dict[tuple[int, str], Earlier] = {}
    interned: dict[tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str], ...]] = {}
    partial = False
    for number, raw in lines:
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise UsageError(
                f"{where}: line {number} is not valid UTF-8",
                code="since_not_utf8",
                file=where,
                line=number,
            ) from None
        if not text.strip():
            continue
        try:
            value = json.loads(text)
        except RecursionError:
            raise UsageError(
                f"{where}: line {number} is not JSON (nested too deeply)",
                code="since_too_deep",
                file=where,
                line=number,
            ) from None
        except ValueError as exc:
            why = getattr(exc, "msg", None) or "a number with too many digits"
            raise UsageError(
                f"{where}: line {number} is not JSON ({why})",
                code="since_not_json",
                file=where,
                line=number,
            ) from None
        problem = _malformed(value)
        if problem:
            raise UsageError(
                f"{where}: line {number} is not a row of 'exitcheck screen --json' output "
                f"(its {problem!r} is missing or not what screen writes)",
                code="since_not_a_row",
                file=where,
                line=number,
                field=problem,
            )
        key = (value["row"], value["input"])
        if key in rows:
            raise UsageError(
                f"{where}: line {number} repeats row {key[0]}: PREVIOUS must be one run's output",
                code="since_repeated",
                file=where,
                line=number,
                row=key[0],
            )
        partial = partial or "changes" in value
        found = earlier(value)
        rows[key] = found._replace(
            registries=interned.setdefault(found.registries, found.registries),
        )
    if not rows:
        raise UsageError(
            f"{where}: is empty; nothing to compare with", code="since_empty", file=where
        )
    return rows, partial


def _malformed(value: Any) -> str | None:
    """What keeps a JSON value from being a screen row as ``earlier`` reads it, or None."""
    if not isinstance(value, dict):
        return "not an object"
    row = value.get("row")
    if not isinstance(row, int) or isinstance(row, bool) or row < 1:
        return "row"
    for key in ("input", "decision", "as_of"):
        if not isinstance(value.get(key), str):
            return key
    for key in ("entity_id", "status", "known_on"):
        if (key not in value and key != "known_on") or not _text(value.get(key)):
            return key
    candidates = value.get("candidates")
    if not isinstance(candidates, list) or not all(
        isinstance(c, dict) and isinstance(c.get("id"), str) for c in candidates
    ):
        return "candidates"
    measures = value.get("measures", [])
    if not isinstance(measures, list) or not all(_measure_ok(m) for m in measures):
        return "measures"
    provenance = value.get("provenance")
    registries = provenance.get("registries") if isinstance(provenance, dict) else None
    if (
        not isinstance(registries, list)
        or not registries
        or not all(
            isinstance(r, dict)
            and all(isinstance(r.get(k), str) for k in ("name", "version", "sha256"))
            for r in registries
        )
    ):
        return "provenance.registries"
    return None


def _text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _measure_ok(m: Any) -> bool:
    return isinstance(m, dict) and all(k in m and _text(m[k]) for k in SCREEN_MEASURE_FIELDS)


# --------------------------------------------------------------------------------------------
# Comparing


def compare(before: Earlier | None, after: dict[str, Any]) -> list[dict[str, Any]]:
    """What changed from a row's earlier answer to ``after`` (a screen record); [] for none."""
    if before is None:
        return [_change("row", "added")]
    now = earlier(after)
    out = [
        _change(f, "changed", getattr(before, f), getattr(now, f))
        for f in _COMPARED
        if getattr(before, f) != getattr(now, f)
    ]
    if before.candidates != now.candidates:
        out.append(_change("candidates", "changed", list(before.candidates), list(now.candidates)))
    same_entity = now.entity_id is not None and before.entity_id == now.entity_id
    if same_entity and before.measures is not None and now.measures is not None:
        out += _measures(before.measures, now.measures)
    return out


def _change(
    field: str, change: str, before: Any = None, after: Any = None, measure: str | None = None
) -> dict[str, Any]:
    return {"field": field, "change": change, "measure": measure, "before": before, "after": after}


def measure_key(measures: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each measure by its id; one without an id by kind/source/announced#occurrence (counting
    the measures of the same three values in the row's order, from 1), as ``diff`` keys it."""
    seen: dict[str, int] = {}
    out = {}
    for m in measures:
        if m["id"]:
            out[m["id"]] = m
            continue
        base = f"{m['kind']}/{m['source']}/{m['announced'] or 'undated'}"
        seen[base] = seen.get(base, 0) + 1
        out[f"{base}#{seen[base]}"] = m
    return out


def _measures(
    before: Iterable[dict[str, Any]], after: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    old, new = measure_key(before), measure_key(after)
    out = []
    for key in [*new, *(k for k in old if k not in new)]:  # the row's order, then removed ones
        a, b = old.get(key), new.get(key)
        if a is None:
            out.append(_change("measure", "added", None, b, key))
        elif b is None:
            out.append(_change("measure", "removed", a, None, key))
        else:
            fields = [f for f in SCREEN_MEASURE_FIELDS if f != "id" and a[f] != b[f]]
            if fields:
                was, now = {f: a[f] for f in fields}, {f: b[f] for f in fields}
                out.append(_change("measure", "changed", was, now, key))
    return out


def changed(
    pairs: Iterable[tuple[dict[str, Any], Earlier | None]], tally: Tally
) -> Iterator[dict[str, Any]]:
    """The records whose answer changed, each with ``changes`` and ``previous`` (the earlier
    answer's clocks and registries; null for a new row)."""
    for record, before in pairs:
        found = compare(before, record)
        if not found:
            continue
        tally.changed += 1
        tally.hits += record["decision"] in HITS
        yield {**record, "changes": found, "previous": before.record() if before else None}


def against_recorded(
    records: Iterable[dict[str, Any]], recorded: Recorded, tally: Tally
) -> Iterator[tuple[dict[str, Any], Earlier | None]]:
    """Each record with the earlier answer to its row number and input, if any (counted in
    ``tally``: a list that shares no row with PREVIOUS is worth a warning)."""
    rows = recorded.rows
    for r in records:
        before = rows.get((r["row"], r["input"]))
        tally.rows += 1
        tally.common += before is not None
        yield r, before


def against_answers(
    records: Iterable[dict[str, Any]], old: Iterable[dict[str, Any]]
) -> Iterator[tuple[dict[str, Any], Earlier | None]]:
    """Each record with the same row's answer under the older registry (both runs read the
    same rows in the same order)."""
    for r, o in zip(records, old, strict=True):
        if (r["row"], r["input"]) != (o["row"], o["input"]):
            raise RuntimeError(f"--since: row {r['row']} answered out of step")
        yield r, earlier(o)


# --------------------------------------------------------------------------------------------
# What the person is told on stderr


def clocks(recorded: Recorded) -> list[tuple[str, str | None]]:
    """The clocks (as-of, known-on) of PREVIOUS's answers, in the order first met."""
    return list(dict.fromkeys((e.as_of, e.known_on) for e in recorded.rows.values()))


def registries(recorded: Recorded) -> list[dict[str, str]]:
    """The registries (name, version, sha256) that gave PREVIOUS's answers, each once."""
    found = dict.fromkeys(r for e in recorded.rows.values() for r in e.registries)
    return [{"name": n, "version": v, "sha256": s} for n, v, s in found]


def unmeasured(recorded: Recorded) -> bool:
    """Whether PREVIOUS's matched rows carry no measures (written by exitcheck 0.2)."""
    return any(e.measures is None and e.decision == "match" for e in recorded.rows.values())


__all__ = ["Earlier", "Recorded", "Tally", "changed", "compare", "read"]
