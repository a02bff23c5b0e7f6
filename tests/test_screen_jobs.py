"""screen --jobs: worker processes answer batches of rows; the output is the same bytes, in
input order, as in one process; a short list starts no worker; errors and early stops end
the workers."""

from __future__ import annotations

import multiprocessing
import subprocess
from pathlib import Path

import pytest

import exitcheck
from exitcheck import api
from exitcheck.answers import screen_pool
from exitcheck.answers.screen import BATCH, FIRST
from exitcheck.errors import ExitcheckError
from tests.evalsets import queries

from .conftest import entry_point
from .registries import ACME

DATA = Path(__file__).parent / "data"
HITS = [
    "Huobi",
    "火币",
    "houbi",
    "Binance Exchange",
    "OKX Japan",
    "币安智能链",
    "huobi.com",
    "Binance, Huobi",
]


def mixed_rows(count: int) -> list[str]:
    """Registry names and other companies, interleaved, most of them distinct."""
    others = queries(DATA / "company_mix.txt")
    return [
        HITS[i % len(HITS)] if i % 5 == 0 else f"{others[i % len(others)]} {i // len(others)}"
        for i in range(count)
    ]


def run(path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*entry_point(), "screen", str(path), *args], capture_output=True, timeout=600
    )


@pytest.mark.parametrize("fmt", ["--json", "--format=csv"])
def test_two_jobs_write_the_bytes_of_one(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "names.txt"
    path.write_text("\n".join(mixed_rows(3000)) + "\n", encoding="utf-8")
    one, two = run(path, fmt, "--jobs", "1"), run(path, fmt, "--jobs", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert one.stdout.count(b"\n") >= 3000
    assert b'"decision": "match"' in one.stdout or b",match," in one.stdout


def test_workers_write_the_ndjson_lines_of_one_process(tmp_path: Path) -> None:
    """With NDJSON out, the workers write the lines (each row's CSV cells too, and the
    measures of the entities matched), and the main process only writes them."""
    import csv
    import json

    path = tmp_path / "book.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "name", "note"])
        out.writerows([i, name, f"note, {i}"] for i, name in enumerate(mixed_rows(2 * BATCH + 50)))
    args = ("--column", "name", "--json", "--as-of", "2024-01-01")
    one, two = run(path, *args, "--jobs", "1"), run(path, *args, "--jobs", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    rows = [json.loads(line) for line in two.stdout.splitlines()]
    assert [r["row"] for r in rows] == list(range(1, 2 * BATCH + 51))
    huobi = rows[2 * BATCH + 16]  # in the last batch, answered by a worker
    assert huobi["input"] == "Huobi" and huobi["decision"] == "match" and huobi["measures"]
    assert rows[-1]["columns"]["note"] == f"note, {2 * BATCH + 49}"


def test_the_workers_lines_reach_a_file_and_text_streams_as_they_are(tmp_path: Path) -> None:
    """The workers send each batch's lines as UTF-8 bytes: written to -o's file (after the
    first rows, written as text), and to a text stream with no buffer (decoded), the same
    text as one process writes."""
    import io

    from exitcheck.answers.screen import Written
    from exitcheck.cli.runner import Call
    from exitcheck.render import Format

    path = tmp_path / "names.txt"
    names = [*mixed_rows(2 * BATCH), "火币 Ürün", "Binance\u200b"]
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    one = run(path, "--json", "--jobs", "1")
    two = run(path, "--json", "--jobs", "2", "-o", str(tmp_path / "two.ndjson"))
    assert one.returncode == two.returncode == 0, two.stderr
    assert (tmp_path / "two.ndjson").read_bytes() == one.stdout
    assert one.stdout.count(b"\n") == len(names)

    text = io.StringIO()  # no buffer under it: the bytes are decoded
    from exitcheck.cli.session import session

    saved, session.out = session.out, text
    try:
        Call(Format.ndjson).write(["first\n", Written({"none": 1}, "火币\n".encode()).line])
    finally:
        session.out = saved
    assert text.getvalue() == "first\n火币\n"


def test_records_come_back_in_input_order(shipped: Path) -> None:
    names = mixed_rows(3 * BATCH + 7)
    registry = exitcheck.load()
    from exitcheck.answers.screen import Counts, screen
    from exitcheck.answers.screen_input import Row

    counts = Counts()
    rows = [Row(i, name) for i, name in enumerate(names, 1)]
    clock = api.clock("2026-12-07")
    records = list(screen(registry, registry.index, rows, clock, None, counts, jobs=2))
    assert [r["row"] for r in records] == list(range(1, len(names) + 1))
    assert [r["input"] for r in records] == names
    assert counts.rows == len(names)
    assert counts.match + counts.ambiguous + counts.none == len(names)
    single = list(screen(registry, registry.index, rows, clock, None, Counts(), jobs=1))
    assert records == single
    assert records[0]["provenance"] is records[-1]["provenance"]  # one object, as in-process


def test_a_short_list_starts_no_worker(monkeypatch: pytest.MonkeyPatch, cli) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("workers started for a list of one batch")

    monkeypatch.setattr(screen_pool, "Pool", refuse)
    names = "\n".join(mixed_rows(FIRST + BATCH - 1)) + "\n"
    result = cli("screen", "-", "--json", "--jobs", "4", input=names)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == FIRST + BATCH - 1
    longer = "\n".join(mixed_rows(FIRST + BATCH)) + "\n"
    result = cli("screen", "-", "--json", "--jobs", "4", input=longer)
    assert result.exit_code != 0  # one row more, and the workers are asked for


def test_a_registry_changed_since_loading_is_an_error_of_its_own(write_registry) -> None:
    path = write_registry(ACME)
    registry = exitcheck.load(path)
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    from exitcheck.answers.screen import Counts, screen
    from exitcheck.answers.screen_input import Row

    rows = [Row(i, f"Company {i}") for i in range(1, 2 * BATCH + 1)]
    records = screen(registry, registry.index, rows, api.clock(), None, Counts(), jobs=2)
    with pytest.raises(ExitcheckError, match="changed since"):
        list(records)
    assert multiprocessing.active_children() == []


def test_stopping_early_ends_the_workers() -> None:
    registry = exitcheck.load()
    from exitcheck.answers.screen import Counts, screen
    from exitcheck.answers.screen_input import Row

    rows = (Row(i, name) for i, name in enumerate(mixed_rows(8 * BATCH), 1))
    records = screen(registry, registry.index, rows, api.clock(), None, Counts(), jobs=2)
    assert next(records)["row"] == 1
    records.close()
    assert multiprocessing.active_children() == []


def test_jobs_must_be_at_least_one(cli) -> None:
    result = cli("screen", "-", "--jobs", "0", input="Huobi\n")
    assert result.exit_code == 2


def test_ctrl_c_ends_every_worker_quietly(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the process group, as a terminal sends it) while workers answer: exit
    130, no traceback from any process, and no process of the run left behind."""
    import os
    import shutil
    import signal
    import time

    if shutil.which("pgrep") is None:
        pytest.skip("pgrep lists the processes of the run")
    path = tmp_path / "names.txt"
    path.write_text("\n".join(mixed_rows(40 * BATCH)) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [*entry_point(), "screen", str(path), "--json", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith(b'{"row": 1,')
    time.sleep(0.5)  # the workers are answering
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in stderr
    for _ in range(50):  # the workers end with the run (at most a batch later)
        left = subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True, text=True)
        if not left.stdout.split():
            break
        time.sleep(0.1)
    assert left.stdout.split() == []
