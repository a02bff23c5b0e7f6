"""`screen FILE --since PREVIOUS`: only the rows whose answer changed, each with what changed,
against the NDJSON of an earlier run or an older registry file, in every format.

Registry v1 is the shipped file copied; v2 is v1 with one of each kind of edit a registry
update makes (a date that moves a status, a measure added, an entity added that matches a
name v1 did not know, an entity removed). The expectations are written here from those edits,
not read back from a run."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.answers import since
from exitcheck.answers.report_records import SCREEN_MEASURE_FIELDS
from exitcheck.errors import UsageError
from exitcheck.store.loading import shipped_registry

from .conftest import entry_point

DAY = ("--as-of", "2021-10-01")
NAMES = ["Huobi Global", "币安", "Acme Exchange", "BiONE", "ZKSwap", "Nobody Trading Ltd"]
UNCHANGED = {"ZKSwap", "Nobody Trading Ltd"}
CLEARED = "huobi-2021-09-26-mainland-users-cleared"
ADDED = "binance-2021-09-30-test-notice"

ADDED_MEASURE = f"""
[[entities.measures]]
id = "{ADDED}"
kind = "statement"
actor = "platform"
scope = "users in mainland China"
announced = 2021-09-30
description = "A notice made up for the tests."

[[entities.measures.sources]]
source = "test-notice"
quote = "made up"
"""

ADDED_ENTITY = """
[[sources]]
id = "test-notice"
title = "A notice made up for the tests"
publisher = "Tests"
published = 2021-09-30
language = "en"
url = "https://example.org/test-notice"

[[entities]]
id = "acme"
name = "Acme Exchange"
kind = "exchange"

[[entities.measures]]
id = "acme-2021-09-28-closed"
kind = "closed"
actor = "platform"
scope = "all users"
announced = 2021-09-28
effective = 2021-09-29
description = "Closes."

[[entities.measures.sources]]
source = "test-notice"
quote = "closes"
"""


def _entity_block(text: str, entity_id: str) -> tuple[int, int]:
    """Where an entity's tables start and end (the next [[entities]], or [[sources]])."""
    start = text.index(f'[[entities]]\nid = "{entity_id}"\n')
    end = text.index("\n[[entities]]\n", start + 1) + 1
    return start, end


def _edited(text: str) -> str:
    # a status-relevant date: Huobi's clearing deadline moves before the as-of day
    at = text.index(f'id = "{CLEARED}"')
    old = "deadline = 2022-01-01T00:00:00+08:00\n"
    assert text.index(old, at) < text.index("[[entities.measures]]", at)
    text = text[:at] + text[at:].replace(old, "deadline = 2021-09-30\n", 1)
    # a measure added to Binance
    _, end = _entity_block(text, "binance")
    text = text[:end] + ADDED_MEASURE.lstrip("\n") + "\n" + text[end:]
    # an entity removed
    start, end = _entity_block(text, "bione")
    text = text[:start] + text[end:]
    # an entity added (with its source) that a name unknown to v1 now matches
    return text + ADDED_ENTITY


@pytest.fixture(scope="module")
def registries(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("since")
    text = shipped_registry().read_text(encoding="utf-8")
    v1, v2 = folder / "v1.toml", folder / "v2.toml"
    v1.write_text(text, encoding="utf-8")
    v2.write_text(_edited(text), encoding="utf-8")
    return v1, v2


@pytest.fixture
def names(tmp_path: Path) -> Path:
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    return path


def _rows(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def previous(cli: Callable[..., Any], registries: tuple[Path, Path], names: Path) -> Path:
    """The NDJSON of screening the list under v1."""
    result = cli("--only", "--registry", str(registries[0]), "screen", str(names), "--json", *DAY)
    assert result.exit_code == 0, result.stderr
    path = names.parent / "previous.ndjson"
    path.write_text(result.stdout, encoding="utf-8")
    return path


def _since(cli: Callable[..., Any], v2: Path, names: Path, previous: Path, *more: str) -> Any:
    return cli(
        "--only", "--registry", str(v2), "screen", str(names), "--since", str(previous), *more
    )


def _expected() -> dict[str, list[dict[str, Any]]]:
    """Each changed row's changes, by input, written from the edits of _edited."""
    return {
        "Huobi Global": [
            {"field": "status", "change": "changed", "measure": None},
            {"field": "measure", "change": "changed", "measure": CLEARED},
        ],
        "币安": [{"field": "measure", "change": "added", "measure": ADDED}],
        "Acme Exchange": [
            {"field": "decision", "change": "changed", "measure": None},
            {"field": "entity_id", "change": "changed", "measure": None},
            {"field": "status", "change": "changed", "measure": None},
        ],
        "BiONE": [
            {"field": "decision", "change": "changed", "measure": None},
            {"field": "entity_id", "change": "changed", "measure": None},
            {"field": "status", "change": "changed", "measure": None},
        ],
    }


def _shape(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: c[k] for k in ("field", "change", "measure")} for c in changes]


def test_ndjson_previous_lists_each_change_and_nothing_else(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    v1, v2 = registries
    result = _since(cli, v2, names, previous, "--json", *DAY)
    assert result.exit_code == 0, result.stderr
    rows = {r["input"]: r for r in _rows(result.stdout)}
    assert {k: _shape(r["changes"]) for k, r in rows.items()} == _expected()
    assert not UNCHANGED & rows.keys()
    huobi = rows["Huobi Global"]["changes"]
    assert huobi[0] | {"before": "exiting", "after": "exited"} == huobi[0]
    assert huobi[1]["before"] == {"deadline": "2022-01-01T00:00:00+08:00", "status": "exiting"}
    assert huobi[1]["after"] == {"deadline": "2021-09-30", "status": "exited"}
    added = rows["币安"]["changes"][0]
    assert added["before"] is None and added["after"]["kind"] == "statement"
    assert added["after"]["announced"] == "2021-09-30"
    acme = rows["Acme Exchange"]["changes"]
    assert [(c["before"], c["after"]) for c in acme] == [
        ("none", "match"),
        (None, "acme"),
        (None, "closed"),
    ]
    bione = rows["BiONE"]["changes"]
    assert [(c["before"], c["after"]) for c in bione] == [
        ("match", "none"),
        ("bione", None),
        ("closed", None),
    ]
    # both registries are named: v1's in `previous`, v2's in the provenance
    digest = _sha256(v1)
    for r in rows.values():
        assert r["previous"]["registries"][0]["sha256"] == digest
        assert r["previous"]["as_of"] == "2021-10-01"
        assert r["provenance"]["registries"][0]["sha256"] == _sha256(v2)
    assert "4 row(s) changed since" in result.stderr
    assert "2 unchanged, not shown" in result.stderr


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_older_registry_as_previous_gives_the_same_changes(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    v1, v2 = registries
    recorded = _since(cli, v2, names, previous, "--json", *DAY)
    answered = _since(cli, v2, names, v1, "--json", *DAY)
    assert answered.exit_code == 0, answered.stderr
    assert _rows(answered.stdout) == _rows(recorded.stdout)


def test_the_same_registry_changes_nothing(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    v1, _ = registries
    for against in (previous, v1):
        result = _since(cli, v1, names, against, "--json", *DAY)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        assert "0 row(s) changed since" in result.stderr


WHAT_CHANGED = {
    "Huobi Global": f"status: exiting → exited; measure {CLEARED}: deadline "
    "2022-01-01T00:00:00+08:00 → 2021-09-30, status exiting → exited",
    "币安": f"measure added: {ADDED}",
    "Acme Exchange": "decision: none → match; entity: - → acme; status: - → closed",
    "BiONE": "decision: match → none; entity: bione → -; status: closed → -",
}


@pytest.mark.parametrize("fmt", ["csv", "markdown", "table"])
def test_each_human_format_has_a_changes_column(
    cli: Callable[..., Any],
    registries: tuple[Path, Path],
    names: Path,
    previous: Path,
    fmt: str,
) -> None:
    result = _since(cli, registries[1], names, previous, "--format", fmt, *DAY)
    assert result.exit_code == 0, result.stderr
    if fmt == "csv":
        table = list(csv.DictReader(io.StringIO(result.stdout)))
    elif fmt == "markdown":
        lines = [line.strip("|\n").split(" | ") for line in result.stdout.splitlines()]
        head = [h.strip() for h in lines[0]]
        table = [dict(zip(head, (c.strip() for c in cells), strict=True)) for cells in lines[2:]]
    else:
        lines = [line.split("\t") for line in result.stdout.splitlines()]
        table = [dict(zip(lines[0], cells, strict=True)) for cells in lines[1:]]
    assert {r["input"]: r["changes"] for r in table} == WHAT_CHANGED


def test_the_workbook_has_a_changes_column(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    pytest.importorskip("xlsxwriter")
    import html
    import zipfile

    book = names.parent / "changed.xlsx"
    result = _since(cli, registries[1], names, previous, "--format", "xlsx", "-o", str(book), *DAY)
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(book) as z:  # strings inline (constant memory) or shared
        parts = [n for n in z.namelist() if n.startswith("xl/worksheets/") or "sharedStrings" in n]
        strings = "".join(html.unescape(z.read(n).decode()) for n in parts)
    texts = re.findall(r"<t[^>]*>([^<]*)</t>", strings)
    assert "changes" in texts
    assert set(WHAT_CHANGED.values()) <= set(texts)
    assert not UNCHANGED & set(texts)


def test_chinese_labels(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    result = cli(
        "--lang", "zh", "--only", "--registry", str(registries[1]),
        "screen", str(names), "--since", str(previous), *DAY,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert lines[0][-1] == "变化"
    shown = {cells[5]: cells[-1] for cells in lines[1:]}
    assert shown["币安"] == f"新增措施：{ADDED}"
    assert shown["Huobi Global"].startswith("状态：退出中 → 已退出；措施")
    assert "截止：2021年12月31日 24:00（UTC+8） → 2021年9月30日" in shown["Huobi Global"]
    assert "与" in result.stderr and "相比有变化的4行已列出" in result.stderr


def test_a_new_row_or_another_name_in_a_row_is_new(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    v1, _ = registries
    changed = names.parent / "changed.txt"
    changed.write_text("\n".join(["OKX", *NAMES[1:], "Nobody Else"]) + "\n", encoding="utf-8")
    result = _since(cli, v1, changed, previous, "--json", *DAY)
    assert result.exit_code == 0, result.stderr
    rows = _rows(result.stdout)
    assert [(r["row"], r["input"]) for r in rows] == [(1, "OKX"), (7, "Nobody Else")]
    for r in rows:
        assert r["changes"] == [
            {"field": "row", "change": "added", "measure": None, "before": None, "after": None}
        ]
        assert r["previous"] is None
    assert "warning" not in result.stderr


def test_previous_from_another_list_warns(
    cli: Callable[..., Any], registries: tuple[Path, Path], previous: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("OKX\nKuCoin\n", encoding="utf-8")
    result = _since(cli, registries[0], other, previous, "--json", *DAY)
    assert result.exit_code == 0, result.stderr
    assert len(_rows(result.stdout)) == 2
    assert "warning: no row of the list is in" in " ".join(result.stderr.split())


def test_other_clocks_are_named_and_their_changes_listed(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    v1, _ = registries
    result = _since(cli, v1, names, previous, "--json", "--as-of", "2021-09-20")
    assert result.exit_code == 0, result.stderr
    assert (
        "answered as of 2021-10-01 (known on 2026-11-26); this run answers as of 2021-09-20 "
        "(known on 2026-11-26)"
    ) in " ".join(result.stderr.split())
    rows = {r["input"]: r for r in _rows(result.stdout)}
    # BiONE closed on 30 Sep 2021: on the 20th its status was not yet 'closed'
    status = next(c for c in rows["BiONE"]["changes"] if c["field"] == "status")
    assert status["before"] == "closed" and status["after"] != "closed"
    assert rows["BiONE"]["previous"]["as_of"] == "2021-10-01"
    assert rows["BiONE"]["as_of"] == "2021-09-20"


def test_fail_on_match_counts_only_the_rows_written(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    v1, v2 = registries
    same = _since(cli, v1, names, previous, "--fail-on-match", *DAY)
    assert same.exit_code == 0, same.stderr  # matches, but none of them changed
    changed = _since(cli, v2, names, previous, "--fail-on-match", *DAY)
    assert changed.exit_code == 3, changed.stderr
    only_gone = names.parent / "gone.txt"
    only_gone.write_text("\n".join([*NAMES[:3], "BiONE"]) + "\n", encoding="utf-8")
    # rows 1-3 as before (v1 answers them as in PREVIOUS); row 4 went match -> none under v2
    keep = names.parent / "keep.toml"
    keep.write_text(_without_bione(v1.read_text(encoding="utf-8")), encoding="utf-8")
    gone = _since(cli, keep, only_gone, previous, "--fail-on-match", "--json", *DAY)
    assert [r["input"] for r in _rows(gone.stdout)] == ["BiONE"]
    assert gone.exit_code == 0, gone.stderr  # the only row written is not a hit


def _without_bione(text: str) -> str:
    start, end = _entity_block(text, "bione")
    return text[:start] + text[end:]


def test_the_summary_file_counts_changed_rows(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    summary = names.parent / "summary.json"
    result = _since(cli, registries[1], names, previous, "--summary", str(summary), *DAY)
    assert result.exit_code == 0, result.stderr
    record = json.loads(summary.read_text(encoding="utf-8"))
    assert (record["rows"], record["changed"]) == (6, 4)


def test_previous_without_measures_compares_the_rest(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    """The NDJSON of exitcheck 0.2 carries no measures: a measure added is not seen, a status
    is, and stderr says what is not compared."""
    old = names.parent / "old.ndjson"
    rows = _rows(previous.read_text(encoding="utf-8"))
    old.write_text(
        "".join(json.dumps({k: v for k, v in r.items() if k != "measures"}) + "\n" for r in rows)
    )
    result = _since(cli, registries[1], names, old, "--json", *DAY)
    assert result.exit_code == 0, result.stderr
    changed = {r["input"]: _shape(r["changes"]) for r in _rows(result.stdout)}
    assert "币安" not in changed  # its only change was a measure
    assert changed["Huobi Global"] == [{"field": "status", "change": "changed", "measure": None}]
    assert "measures are not compared" in " ".join(result.stderr.split())


BAD: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "is empty"),
    "blank": (b"\n  \n", "is empty"),
    "csv output": (b"row,input,decision\n1,Huobi,match\n", "neither the output of"),
    "table output": (b"row\tdecision\n1\tmatch\n", "neither the output of"),
    "not json": (b'{"row": 1,\n', "line 1 is not JSON"),
    "no input": (b'{"row": 1, "decision": "match"}\n', "its 'input' is missing"),
    "bool row": (b'{"row": true, "input": "x"}\n', "its 'row' is missing"),
    "huge int": (b'{"row": 1' + b"0" * 5000 + b"}\n", "line 1 is not JSON"),
    "deep": (b"{" + b'"a":[' * 100000 + b"\n", "line 1 is not JSON"),
    "nested deeply": (b'{"a":' * 100000 + b"\n", "line 1 is not JSON (nested too deeply)"),
    "not utf-8": (b'{"row": 1, "input": "\xff"}\n', "line 1 is not valid UTF-8"),
    "toml, not a registry": (b'[tool]\nname = "x"\n', "neither the output of"),
}


@pytest.mark.parametrize("case", BAD, ids=str)
def test_a_bad_previous_is_refused_before_any_row(
    cli: Callable[..., Any], names: Path, case: str
) -> None:
    content, message = BAD[case]
    bad = names.parent / "bad"
    bad.write_bytes(content)
    result = cli("screen", str(names), "--since", str(bad))
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    as_json = cli("screen", str(names), "--since", str(bad), "--json")
    assert as_json.exit_code == 2
    assert message in json.loads(as_json.stdout)["error"]["message"]  # the error, no row


def test_a_repeated_row_or_a_row_of_the_wrong_shape_is_refused(
    cli: Callable[..., Any], names: Path, previous: Path
) -> None:
    lines = previous.read_text(encoding="utf-8").splitlines()
    doubled = names.parent / "doubled.ndjson"
    doubled.write_text("\n".join([*lines, lines[0]]) + "\n", encoding="utf-8")
    result = cli("screen", str(names), "--since", str(doubled))
    assert result.exit_code == 2 and "line 7 repeats row 1" in result.stderr
    for key, value in (("measures", [{"id": 1}]), ("provenance", {"registries": []})):
        broken = names.parent / f"broken-{key}.ndjson"
        row = json.loads(lines[0]) | {key: value}
        broken.write_text(json.dumps(row) + "\n", encoding="utf-8")
        result = cli("screen", str(names), "--since", str(broken))
        assert result.exit_code == 2, result.stderr
        assert "line 1 is not a row" in result.stderr


def test_a_missing_or_invalid_previous_registry(
    cli: Callable[..., Any], names: Path, write_registry: Callable[..., Path]
) -> None:
    missing = cli("screen", str(names), "--since", str(names.parent / "nope.ndjson"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    folder = cli("screen", str(names), "--since", str(names.parent))
    assert folder.exit_code == 2 and "is a directory" in folder.stderr
    invalid = write_registry('\n[[entities]]\nid = "x"\n')  # no name, no kind
    result = cli("screen", str(names), "--since", str(invalid))
    assert result.exit_code == 2, result.stderr
    assert str(invalid) in result.stderr and "Traceback" not in result.stderr


def test_compare_is_empty_for_a_row_against_itself(
    cli: Callable[..., Any], names: Path, previous: Path
) -> None:
    for r in _rows(previous.read_text(encoding="utf-8")):
        assert since.compare(since.earlier(r), r) == []


def test_measures_without_an_id_are_keyed_by_kind_source_and_day() -> None:
    m = {"id": None, "kind": "closed", "source": "s", "announced": "2021-09-26", "scope": "a"}
    keyed = since.measure_key([m, m | {"scope": "b"}, m | {"announced": None}, m | {"id": "x"}])
    assert list(keyed) == [
        "closed/s/2021-09-26#1",
        "closed/s/2021-09-26#2",
        "closed/s/undated#1",
        "x",
    ]


def test_the_installed_command(registries: tuple[Path, Path], names: Path, tmp_path: Path) -> None:
    v1, v2 = registries
    done = subprocess.run(
        [*entry_point(), "--only", "--registry", str(v2), "screen", str(names), "--since", str(v1),
         "--format", "csv", *DAY],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {r["input"]: r["changes"] for r in table} == WHAT_CHANGED


def test_csv_input_keeps_its_columns_and_adds_the_changes(
    cli: Callable[..., Any], registries: tuple[Path, Path], tmp_path: Path
) -> None:
    book = tmp_path / "book.csv"
    book.write_text("id,name\n7,BiONE\n8,ZKSwap\n", encoding="utf-8")
    v1, v2 = registries
    args = ("screen", str(book), "--column", "name", "--since", str(v1), *DAY)
    result = cli("--only", "--registry", str(v2), *args, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["id"], r["name"], r["changes"]) for r in rows] == [
        ("7", "BiONE", WHAT_CHANGED["BiONE"])
    ]
    as_json = cli("--only", "--registry", str(v2), *args, "--format", "json")  # NDJSON too
    assert as_json.exit_code == 0, as_json.stderr
    (row,) = _rows(as_json.stdout)
    assert row["columns"] == {"id": "7", "name": "BiONE"} and row["changes"]


@settings(max_examples=60)
@given(st.binary(max_size=300))
def test_any_bytes_as_previous_are_read_or_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "previous"
    path.write_bytes(data)
    try:
        found = since.read(str(path))
    except UsageError:
        return
    assert isinstance(found, (since.Recorded, Path))


ROW = {
    "row": 1,
    "input": "x",
    "decision": "match",
    "entity_id": "x",
    "status": "closed",
    "as_of": "2021-10-01",
    "known_on": "2021-10-01",
    "candidates": [],
    "measures": [dict.fromkeys(SCREEN_MEASURE_FIELDS, "a")],
    "provenance": {"registries": [{"name": "n", "version": "1", "sha256": "0" * 64}]},
}
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=150)
@given(st.sampled_from(sorted(ROW)), JSON)
def test_a_row_with_any_value_in_a_field_is_compared_or_refused(
    tmp_path: Path, key: str, value: Any
) -> None:
    path = tmp_path / "previous.ndjson"
    path.write_text(json.dumps(ROW | {key: value}) + "\n", encoding="utf-8")
    try:
        found = since.read(str(path))
    except UsageError as exc:
        assert "line 1" in exc.message
        return
    assert isinstance(found, since.Recorded)
    (before,) = found.rows.values()
    changes = since.compare(before, ROW)
    assert json.loads(json.dumps(changes)) == changes  # JSON-ready, whatever was read

    def compared(e: since.Earlier) -> tuple[Any, ...]:  # clocks and registries are not
        return (e.decision, e.entity_id, e.status, e.candidates, e.measures)

    assert (changes == []) == (compared(before) == compared(since.earlier(ROW)))


def test_the_html_report_shows_what_changed(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    import html

    report = names.parent / "changed.html"
    result = _since(
        cli, registries[1], names, previous, "--format", "html", "-o", str(report), *DAY
    )
    assert result.exit_code == 0, result.stderr
    page = report.read_text(encoding="utf-8")
    shown = re.findall(r'<p class="changes">changes: ([^<]*)</p>', page)
    assert sorted(html.unescape(s) for s in shown) == sorted(WHAT_CHANGED.values())
    assert not any(f"<td>{name}</td>" in page for name in UNCHANGED)
    assert re.search(r'data-count="changed"><strong>4</strong>', page)


# --------------------------------------------------------------------------------------------
# Found by review: what PREVIOUS holds is untrusted, and what --since compares is said


HOSTILE = "\x1b]0;PWNED\x07\x1b[41mred"


def _hostile_previous(previous: Path) -> Path:
    """PREVIOUS with terminal controls in a decision, a status and a measure's kind."""
    rows = _rows(previous.read_text(encoding="utf-8"))
    for r in rows:
        if r["input"] == "Huobi Global":
            r["status"] = HOSTILE
            r["measures"][0]["kind"] = HOSTILE + "k"
        if r["input"] == "BiONE":
            r["decision"] = HOSTILE + "d"
    out = previous.parent / "hostile.ndjson"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_controls_in_previous_are_shown_escaped(
    cli: Callable[..., Any],
    registries: tuple[Path, Path],
    names: Path,
    previous: Path,
    fmt: str,
    lang: str,
) -> None:
    hostile = _hostile_previous(previous)
    result = cli(
        "--lang", lang, "--only", "--registry", str(registries[0]),
        "screen", str(names), "--since", str(hostile), "--format", fmt, *DAY,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    shown = re.sub(r"\\([\\\[\]])", r"\1", result.stdout)  # Markdown escapes \ [ ]
    assert shown.count("\\x1b]0;PWNED\\x07\\x1b[41mred") == 3  # status, kind, decision
    assert "PWNED\\x07\\x1b[41mredk" in shown and "PWNED\\x07\\x1b[41mredd" in shown


def test_a_registry_file_as_previous_says_the_day_moving_is_not_compared(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path
) -> None:
    v1, v2 = registries
    result = _since(cli, v2, names, v1, "--json", *DAY)
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert f"{v1} is a registry file (exitcheck-core " in said
    assert "both answers are as of 2021-10-01" in said
    assert "moved is not compared; for that, give the NDJSON of the earlier run" in said
    zh = cli(
        "--lang", "zh", "--only", "--registry", str(v2),
        "screen", str(names), "--since", str(v1), *DAY,
    )  # fmt: skip
    assert "是数据库文件" in zh.stderr and "2021年10月1日" in zh.stderr


def test_a_line_longer_than_the_limit_is_refused(
    cli: Callable[..., Any], names: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(since, "MAX_LINE_BYTES", 1 << 17)
    long = names.parent / "long.ndjson"
    long.write_bytes(b'{"row": 1, "input": "' + b"x" * (1 << 20) + b'"}\n')
    result = cli("screen", str(names), "--since", str(long))
    assert result.exit_code == 2, result.stderr
    assert "line 1 is longer than" in result.stderr


def test_a_long_line_is_read_in_bounded_pieces() -> None:
    class Endless:
        """A stream of one line that never ends; counts what was read of it."""

        taken = 0

        def readline(self, size: int = -1) -> bytes:
            assert 0 < size <= 1 << 16, size  # never "the whole line"
            self.taken += size
            return b"x" * size

    stream = Endless()
    with pytest.raises(UsageError, match="line 1 is longer than"):
        list(since._lines(stream, "--since x"))
    assert stream.taken <= since.MAX_LINE_BYTES + (1 << 16)


def test_previous_that_is_the_output_file_is_refused(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    before = previous.read_bytes()
    result = _since(cli, registries[1], names, previous, "--json", "-o", str(previous), *DAY)
    assert result.exit_code == 2
    assert "is also the output (-o)" in result.stderr
    assert previous.read_bytes() == before  # the baseline is kept


def test_a_since_output_as_previous_warns_that_it_is_not_a_baseline(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    changed = names.parent / "changed.ndjson"
    first = _since(cli, registries[1], names, previous, "--json", "-o", str(changed), *DAY)
    assert first.exit_code == 0, first.stderr
    assert "is the output of a --since run" not in " ".join(first.stderr.split())
    second = _since(cli, registries[1], names, changed, "--json", *DAY)
    assert second.exit_code == 0, second.stderr
    said = "".join(second.stderr.split())  # wrapped at 80 columns, inside the path too
    assert "".join(f"warning: {changed} is the output of a --since run".split()) in said


def test_a_layered_registry_as_previous_is_refused_with_a_hint_that_applies(
    cli: Callable[..., Any], names: Path, write_registry: Callable[..., Path]
) -> None:
    layer = write_registry('\n[[extend]]\nentity = "huobi"\naliases = ["HB Desk"]\n')
    result = cli("screen", str(names), "--since", str(layer))
    assert result.exit_code == 2, result.stderr
    said = " ".join(result.stderr.split())
    assert "with [[extend]]" in said and "PREVIOUS is loaded alone" in said
    assert "'exitcheck screen --json'" in said


def test_previous_from_a_pipe_or_stdin(
    registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    base = [*entry_point(), "--only", "--registry", str(registries[1]), "screen"]
    env_day = [*DAY, "--json"]
    piped = subprocess.run(
        ["bash", "-c", 'exec "$@" --since <(cat "$PREV")', "bash", *base, str(names), *env_day],
        capture_output=True, text=True, timeout=120, env={**_env(), "PREV": str(previous)},
    )  # fmt: skip
    assert piped.returncode == 0, piped.stderr
    assert {r["input"] for r in _rows(piped.stdout)} == set(_expected())
    stdin = subprocess.run(
        [*base, str(names), "--since", "-", *env_day],
        input=previous.read_text(encoding="utf-8"), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert stdin.returncode == 0, stdin.stderr
    assert stdin.stdout == piped.stdout
    both = subprocess.run(
        [*base, "-", "--since", "-", *env_day],
        input="Huobi Global\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert both.returncode == 2 and "stdin is already the list being screened" in both.stderr


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_a_registry_from_a_pipe_is_refused_clearly(
    registries: tuple[Path, Path], names: Path
) -> None:
    done = subprocess.run(
        [*entry_point(), "screen", str(names), "--since", "-"],
        input=registries[0].read_text(encoding="utf-8"), capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert "a registry file as PREVIOUS must be a file, not a pipe" in done.stderr


def test_blank_lines_before_the_rows_are_skipped(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    padded = names.parent / "padded.ndjson"
    padded.write_bytes(b"\n" * 5000 + b"  \r\n" * 100 + previous.read_bytes())
    result = _since(cli, registries[1], names, padded, "--json", *DAY)
    assert result.exit_code == 0, result.stderr
    assert {r["input"] for r in _rows(result.stdout)} == set(_expected())


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_or_32_previous_is_named(
    cli: Callable[..., Any], names: Path, previous: Path, encoding: str
) -> None:
    wide = names.parent / "wide.ndjson"
    wide.write_bytes(previous.read_text(encoding="utf-8").encode(encoding))
    result = cli("screen", str(names), "--since", str(wide))
    assert result.exit_code == 2
    assert f"is {encoding[:6].upper()}, not UTF-8" in result.stderr


def test_refusals_of_a_malformed_previous_are_in_chinese(
    cli: Callable[..., Any], names: Path
) -> None:
    cases = {
        b'{"row": 1,\n': "第1行不是JSON",
        b'{"row": 1, "input": "\xff"}\n': "第1行不是有效的UTF-8",
        b'{"row": 1, "decision": "match"}\n': "第1行不是“exitcheck screen --json”输出的一行",
        b'{"a":' * 100000 + b"\n": "嵌套过深",
    }
    for content, message in cases.items():
        bad = names.parent / "bad.ndjson"
        bad.write_bytes(content)
        result = cli("--lang", "zh", "screen", str(names), "--since", str(bad))
        assert result.exit_code == 2
        assert message in result.stderr, result.stderr
        assert "line 1" not in result.stderr and "Recursion" not in result.stderr


def test_a_measure_without_an_id_is_named_by_its_kind_and_day() -> None:
    from exitcheck.render.changes import changes_text
    from exitcheck.render.i18n import words

    measure = dict.fromkeys(SCREEN_MEASURE_FIELDS) | {
        "kind": "closed", "source": "src", "announced": "2021-09-25",
    }  # fmt: skip
    changes = [
        {"field": "measure", "change": "added", "measure": "closed/src/2021-09-25#1",
         "before": None, "after": measure},
        {"field": "measure", "change": "changed", "measure": "closed/src/2021-09-25#2",
         "before": {"status": "exiting"}, "after": {"status": "exited"}},
    ]  # fmt: skip
    shown = changes_text(changes)
    assert "#" not in shown and "src" not in shown
    assert shown == (
        "measure added: closed 2021-09-25; measure closed 2021-09-25: status exiting → exited"
    )
    assert changes_text(changes, words("zh")).startswith("新增措施：永久关闭 2021年9月25日")


def test_the_html_report_says_what_it_compared_with(
    cli: Callable[..., Any], registries: tuple[Path, Path], names: Path, previous: Path
) -> None:
    import html

    v1, v2 = registries
    report = names.parent / "changed.html"
    result = _since(cli, v2, names, previous, "--format", "html", "-o", str(report))
    assert result.exit_code == 0, result.stderr
    page = html.unescape(re.sub(r"<[^>]+>", " ", report.read_text(encoding="utf-8")))
    said = " ".join(page.split())
    assert f"compared with {previous}" in said
    assert "its answers as of 2021-10-01 (known on 2026-11-26)" in said
    assert _sha256(v1) in said and _sha256(v2) in said  # PREVIOUS's registry, and this run's
    assert (
        f"The counts above are of all 6 rows answered; the table shows only the 4 rows whose "
        f"answer changed since {previous}."
    ) in said
    assert f"{previous} answered as of 2021-10-01" in said  # the note of stderr, too
    as_toml = _since(cli, v2, names, v1, "--format", "html", *DAY)
    said = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", as_toml.stdout)).split())
    assert f"{v1} is a registry file" in said
