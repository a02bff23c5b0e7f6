"""Batch screening and the provenance a reviewer needs next to every answer."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import subprocess
from pathlib import Path

from exitcheck import __version__

from .conftest import entry_point
from .registries import ACME

NAMES = ["Huobi Global", "acmecoin", "币安", "", "houbi", "exchange", "火幣", "coinbase"]


def ndjson(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_plain_list_from_stdin(cli) -> None:
    result = cli("screen", "-", "--json", "--as-of", "2021-10-01", input="\n".join(NAMES) + "\n")
    assert result.exit_code == 0, result.stderr
    rows = ndjson(result.stdout)
    assert [r["row"] for r in rows] == [1, 2, 3, 4, 5, 6, 7, 8]  # the blank line 4 answered
    assert [r["decision"] for r in rows] == [
        "match",
        "none",
        "match",
        "empty",
        "match",
        "none",
        "match",
        "none",
    ]
    assert [r["entity_id"] for r in rows] == [
        "huobi",
        None,
        "binance",
        None,
        "huobi",
        None,
        "huobi",
        None,
    ]
    huobi = rows[0]
    assert (
        huobi["input"] == "Huobi Global"
        and huobi["method"] == "exact_alias"
        and huobi["matched"] == "Huobi Global"
    )
    assert huobi["status"] == "exiting" and huobi["as_of"] == "2021-10-01"
    assert rows[4]["method"] == "fuzzy" and rows[4]["score"] == 80.0
    assert rows[1]["candidates"] == []  # none rows carry no suggestions (see `search`)
    assert rows[3]["reason"] == "the name is empty"
    assert result.stderr.startswith(
        "read 8 row(s), answered 8: 4 match, 0 ambiguous, 3 none, 1 empty in "
    )


def test_csv_column_with_header_and_csv_output(cli, tmp_path: Path) -> None:
    source = tmp_path / "clients.csv"
    source.write_text(
        'id,name,country\n1,Binance,MT\n2,,HK\n3,"Loopring, Ltd",CN\n', encoding="utf-8"
    )
    result = cli("screen", str(source), "--column", "name", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["row"], r["input"], r["decision"], r["entity_id"]) for r in rows] == [
        ("1", "Binance", "match", "binance"),
        ("2", "", "empty", ""),
        ("3", "Loopring, Ltd", "match", "loopring"),
    ]


def test_header_flag_skips_the_first_line(cli) -> None:
    rows = ndjson(cli("screen", "-", "--header", "--json", input="name\nbhex\n").stdout)
    assert [(r["row"], r["entity_id"]) for r in rows] == [(1, "bhex")]


def test_fail_on_match_and_summary(cli, tmp_path: Path) -> None:
    summary = tmp_path / "summary.json"
    hit = cli(
        "screen",
        "-",
        "--fail-on-match",
        "--summary",
        str(summary),
        "--json",
        input="acmecoin\nOKEx\n",
    )
    assert hit.exit_code == 3
    assert json.loads(summary.read_text())["rows"] == 2
    assert {k: v for k, v in json.loads(summary.read_text()).items() if k != "seconds"} == {
        "read": 2,
        "rows": 2,
        "match": 1,
        "ambiguous": 0,
        "none": 1,
        "unreadable": 0,
        "empty": 0,
    }
    clean = cli("screen", "-", "--fail-on-match", "--json", input="acmecoin\ncoinbase\n")
    assert clean.exit_code == 0
    assert (
        cli("screen", "-", "--json", input="OKEx\n").exit_code == 0
    )  # without the flag a hit is not a failure


def test_threshold_is_recorded_and_applied(cli) -> None:
    loose = ndjson(cli("screen", "-", "--json", input="houbi\n").stdout)[0]
    strict = ndjson(cli("screen", "-", "--json", "--threshold", "90", input="houbi\n").stdout)[0]
    assert (loose["decision"], loose["threshold"]) == ("match", 75.0)
    # above the fuzzy score it needs, a slip still sounds as Huobi: review, never a silent none
    assert (strict["decision"], strict["threshold"]) == ("ambiguous", 90.0)
    assert strict["candidates"][0]["id"] == "huobi"


def test_ambiguous_rows_list_every_close_candidate(cli, write_registry) -> None:
    path = write_registry(
        '[[entities]]\nid = "alphaswap"\nname = "Alphaswapx"\nkind = "exchange"\n'
        '[[entities]]\nid = "alphaswop"\nname = "Alphaswopx"\nkind = "exchange"\n'
    )
    rows = ndjson(
        cli("--only", "--registry", str(path), "screen", "-", "--json", input="alphaswupx\n").stdout
    )
    assert rows[0]["decision"] == "ambiguous"
    assert sorted(c["id"] for c in rows[0]["candidates"]) == ["alphaswap", "alphaswop"]
    assert all(c["score"] == 90.0 for c in rows[0]["candidates"])


def test_a_missing_column_fails_before_any_output(cli, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,name\n1,huobi\n", encoding="utf-8")
    for fmt in ("csv", "table", "ndjson"):
        result = cli("screen", str(tmp_path / "a.csv"), "--column", "nom", "--format", fmt)
        assert result.exit_code == 2
        if fmt == "ndjson":
            assert json.loads(result.stdout)["error"]["kind"] == "usage"
        else:
            assert result.stdout == ""


def test_bad_screen_input(cli, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,name\n1,x\n", encoding="utf-8")
    for args in (
        ["screen", str(tmp_path / "missing.txt")],
        ["screen", str(tmp_path)],
        ["screen", str(tmp_path / "a.csv"), "--column", "nom"],
    ):
        result = cli(*args)
        assert (
            result.exit_code == 2
            and result.stderr.startswith("exitcheck: ")
            and "Traceback" not in result.stderr
            and "internal error" not in result.stderr
        )


def test_ten_thousand_row_csv_from_stdin_streams_one_row_per_input_row() -> None:
    rng = random.Random(7)
    names = [
        "Huobi",
        "币安",
        "kucoin",
        "tokenpoket",
        "",
        "AEX安银交易所",
        "random corp",
        "x" * 300,
        "\x1b[31mred",
    ]
    body = "name,country\n" + "".join(f"{rng.choice(names)},CN\n" for _ in range(10_000))
    done = subprocess.run(
        [*entry_point(), "screen", "-", "--column", "name", "--json"],
        input=body,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 5, done.stderr[-500:]  # the names over 200 characters
    rows = ndjson(done.stdout)
    lines = body.splitlines()[1:]
    expected = list(range(1, len(lines) + 1))
    assert [r["row"] for r in rows] == expected
    assert [r["decision"] == "empty" for r in rows] == [line.startswith(",") for line in lines]
    long = [r["decision"] == "unreadable" for r in rows]
    assert long == [line.startswith("x" * 300) for line in lines]
    assert done.stderr.startswith(f"read {len(expected)} row(s), answered {len(expected)}:")


# --------------------------------------------------------------------------------------------
# Provenance


def test_provenance_golden(cli, write_registry) -> None:
    path = write_registry(ACME)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    data = json.loads(
        cli(
            "--only",
            "--registry",
            str(path),
            "status",
            "acx",
            "--json",
            "--as-of",
            "2021-10-01",
            "--known-on",
            "2021-10-01",
        ).stdout
    )
    assert data["provenance"] == {
        "exitcheck_version": __version__,
        "schema_version": 2,
        "as_of": "2021-10-01",
        "known_on": "2021-10-01",
        "day_offset": "+08:00",
        "now": "2026-11-26T00:00:00+08:00",
        "contributors": ["test"],
        "registries": [
            {
                "name": "test",
                "version": "1",
                "last_reviewed": "2026-01-01",
                "sha256": digest,
                "path": str(path),
            }
        ],
    }
    assert data["match"] | {"candidates": None} == {
        "query": "acx",
        "normalized": "acx",
        "decision": "match",
        "method": "exact_alias",
        "matched": "ACX",
        "score": 100.0,
        "later_name": None,
        "reason": None,
        "decoded": [],
        "candidates": None,
    }
    assert data["status"] == "closing"


def test_fingerprint_changes_with_the_registry(cli, write_registry) -> None:
    path = write_registry(ACME)
    before = json.loads(cli("--only", "--registry", str(path), "info", "--json").stdout)[
        "registries"
    ][0]["sha256"]
    path.write_text(path.read_text(encoding="utf-8") + "\n# reviewed again\n", encoding="utf-8")
    after = json.loads(cli("--only", "--registry", str(path), "info", "--json").stdout)[
        "registries"
    ][0]["sha256"]
    assert before != after and len(after) == 64


def test_every_machine_format_carries_provenance(cli) -> None:
    sha = json.loads(cli("info", "--json").stdout)["registries"][0]["sha256"]
    assert (
        json.loads(cli("list", "--json").stdout)[0]["provenance"]["registries"][0]["sha256"] == sha
    )
    assert (
        json.loads(cli("search", "huobi", "--json").stdout)["provenance"]["registries"][0]["sha256"]
        == sha
    )
    rows = list(csv.DictReader(io.StringIO(cli("status", "huobi", "--format", "csv").stdout)))
    assert {r["registry_sha256"] for r in rows} == {sha} and {
        r["exitcheck_version"] for r in rows
    } == {__version__}
    assert rows[0]["method"] == "exact_name" and rows[0]["query"] == "huobi"
    screened = ndjson(cli("screen", "-", "--json", input="huobi\n").stdout)
    assert screened[0]["provenance"]["registries"][0]["sha256"] == sha
    assert screened[0]["provenance"]["registries"][0]["version"] == "2026.12.07"
    assert (
        "Registry: exitcheck-core 2026.12.07, reviewed 2026-12-07" in cli("status", "huobi").stdout
    )


def test_a_none_row_is_the_record_screen_record_makes(shipped: Path) -> None:
    """Rows answered none with nothing to show are made from one record of their kind
    (``Answers._blank``): each is the record ``screen_record`` makes for the row itself,
    with its own lists, whatever its method, reason, CSV cells or place in the run."""
    import exitcheck
    from exitcheck import api
    from exitcheck.answers.report import ScreenRow, screen_record
    from exitcheck.answers.screen import Answers
    from exitcheck.answers.screen_input import Row

    registry = exitcheck.load()
    clock = api.clock("2026-12-07")
    names = [
        "Stiebitz Faulkner-Howard",
        "Holdings Ltd",  # only generic words: another reason
        "Acme Bakery",
        "x" * 300,  # too long: another reason again
        "Huobi",
        "Walmart Stores",
        "Stiebitz Faulkner-Howard",  # again, from the memo
    ]
    for header in (None, ("name", "note")):
        answers = Answers(registry, registry.index, clock, None, header)
        rows = [
            Row(i, name, (name, f"n{i}") if header else None) for i, name in enumerate(names, 1)
        ]
        made = answers.records(rows)
        found = answers.results(names)
        for row, record in zip(rows, made, strict=True):
            result = found[row.name]
            if result.decision != "none":
                continue
            expected = screen_record(
                ScreenRow(
                    row.number,
                    row.name,
                    result,
                    None,
                    None,
                    75.0,
                    clock.as_of,
                    clock.known_on,
                    None,
                    [],
                ),
                registry,
                answers.provenance,
            )
            if header:
                expected["columns"] = {"name": row.name, "note": f"n{row.number}"}
            assert record == expected
            assert list(record) == list(expected)
        nones = [r for r in made if r["decision"] == "none"]
        assert len(nones) >= 5
        assert nones[0]["decoded"] is not nones[1]["decoded"]
        assert nones[0]["candidates"] is not nones[-1]["candidates"]


def test_a_none_row_is_written_as_its_record(shipped: Path) -> None:
    """The NDJSON writer writes a row made from its kind's record (its line once per kind,
    the row's number, input and normalised name filled in) as it writes the record itself:
    quotes, backslashes, controls, invisible and bidirectional characters, other scripts."""
    import exitcheck
    from exitcheck import api
    from exitcheck.answers.screen import Answers, Blank
    from exitcheck.answers.screen_input import Row
    from exitcheck.render.ndjson import Renderer

    registry = exitcheck.load()
    answers = Answers(registry, registry.index, api.clock("2026-12-07"), None, None)
    names = [
        'Acme "Quoted" Bakery',
        "Back\\slash Foods",
        "Tab\tand Bell\x07 Trading",
        "Zero\u200bWidth Mills",
        "Right\u202eto left Ltd",
        "Ürün Gıda Sanayi",
        "Ωmega Ποτά",
        "Holdings Ltd",
        "x" * 300,
        "Acme Bakery",
    ]
    records = answers.records([Row(i, name) for i, name in enumerate(names, 1)])
    made = [r for r in records if isinstance(r, Blank) and hasattr(r, "blank")]
    assert len(made) >= 8
    fast = list(Renderer().screen(records))
    plain = list(Renderer().screen([dict(r) for r in records]))
    assert fast == plain
    assert [json.loads(line) for line in fast] == [dict(r) for r in records]
