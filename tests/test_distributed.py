"""The Dask and Spark examples of docs/python-api.md, run as they are written there, on a CSV
split over several partitions: every input column is kept with its values, `row` numbers the
rows 1, 2, … in input order across partitions, and each row's answer is the in-process
screen's and the command line's for the same file.

Marked `distributed`: the README's test command leaves them out (pyproject's addopts); they
need the extras dask and spark, and Java for Spark. `.ci/run` runs them with
`-m distributed` in a venv of their own, where a skip fails (tests/conftest.py).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import exitcheck

from .conftest import REPO, entry_point

pytestmark = pytest.mark.distributed

DOC = REPO / "docs" / "python-api.md"
FIELDS = ["decision", "entity_id", "entity_name", "status", "score", "method"]
COLUMNS = ["client_id", "name", "country", "note", "status"]
PREFIX = "exitcheck_"  # of the examples' columns: the input has a "status" of its own
# The input, with columns of text a reader could spoil (leading zeros, a quoted comma and
# quote, empty cells, Chinese, a column named as a field of the answer): empty and blank
# names, names pandas reads as missing unless told not to, registry names in several forms (a domain, traditional characters, typos, an
# OCR slip that is ambiguous) and other companies.
CLIENTS = [
    ["000101", "Huobi Global", "SC", "opened 2019", "active"],
    ["000102", "", "US", "name missing", ""],
    ["000103", "NA", "", "", "closed"],
    ["000104", "kucoin", "SC", 'said "closing", by mail', "exited"],
    ["000105", "Acme Trading", "US", "", "active"],
    ["000106", 'Acme "Q", Ltd', "GB", "a, b", ""],
    ["000107", "binance.com", "KY", "火币 client", "restricted"],
    ["000108", "None", "DE", "null", "active"],
    ["000109", "火幣", "HK", "", ""],
    ["000110", "   ", "US", "blank name", "x"],
    ["000111", "Binanse", "MT", "", ""],
    ["000112", "null", "FR", "nan", "active"],
    ["000113", "Huobi Globl", "SC", "", ""],
    ["000114", "0KEx", "SC", "OCR", "exited"],
    ["000115", "nan", "", "", ""],
    ["000116", "OKEx", "MT", "", "active"],
    ["000117", "Coinbase", "US", "", ""],
    ["000118", "", "", "", ""],
    ["000119", "抹茶", "SG", "MEXC", "closed"],
    ["000120", "Acme Trading", "US", "again", "active"],
]
# Written by hand, not read from the code: what a few rows must be answered.
PINNED = {
    1: ("match", "huobi"),
    4: ("match", "kucoin"),
    5: ("none", None),
    7: ("match", "binance"),
    9: ("match", "huobi"),
    13: ("match", "huobi"),
    14: ("ambiguous", None),
    16: ("match", "okex"),
}


def example(title: str) -> str:
    """The code block of docs/python-api.md that starts with '# TITLE'."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    [code] = [block for block in blocks if block.startswith(f"# {title}")]
    return code


def run_example(title: str) -> dict[str, Any]:
    """Run an example in the current directory; its names, for a look at what it built."""
    # a module name nothing imports: workers get its functions pickled by value
    namespace: dict[str, Any] = {"__name__": f"exitcheck_docs_{title.lower()}"}
    exec(compile(example(title), str(DOC), "exec"), namespace)
    return namespace


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([COLUMNS, *rows])


def expected(directory: Path, as_of: date) -> list[dict[str, Any]]:
    """The in-process screen of the whole file, checked against the command line's answers."""
    write_csv(directory / "all.csv", CLIENTS)
    names = [row[1] for row in CLIENTS]
    records = list(exitcheck.screen(exitcheck.load(), names, as_of=as_of))
    assert [r["row"] for r in records] == list(range(1, len(CLIENTS) + 1))
    for row, (decision, entity) in PINNED.items():
        assert (records[row - 1]["decision"], records[row - 1]["entity_id"]) == (decision, entity)
    done = subprocess.run(
        [*entry_point(), "screen", "all.csv", "--column", "name", "--json", "--as-of", str(as_of)],
        capture_output=True,
        text=True,
        cwd=directory,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    by_cli = {r["row"]: r for r in map(json.loads, done.stdout.splitlines())}
    for record in records:
        cli = by_cli.get(record["row"])
        if cli is None:  # the command line of 0.2 leaves out a row with no name
            assert not record["input"].strip(), record
            continue
        assert cli["columns"] == dict(zip(COLUMNS, CLIENTS[record["row"] - 1], strict=True)), cli
        assert {f: cli[f] for f in FIELDS} == {f: record[f] for f in FIELDS}, record["row"]
    assert len(by_cli) >= len(CLIENTS) - 3
    return records


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_the_dask_example_keeps_every_column_and_numbers_rows_across_partitions(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.dataframe")
    monkeypatch.chdir(tmp_path)
    # three files, one of them a header alone: three partitions, one empty
    write_csv(tmp_path / "clients-1.csv", CLIENTS[:7])
    write_csv(tmp_path / "clients-2.csv", [])
    write_csv(tmp_path / "clients-3.csv", CLIENTS[7:])
    with dask.config.set(scheduler=scheduler):
        ran = run_example("Dask")
    assert ran["clients"].npartitions == 3
    records = expected(tmp_path, ran["AS_OF"])

    written = sorted(tmp_path.glob("screened-*.csv"), key=lambda p: int(p.stem.split("-")[1]))
    assert len(written) == 3
    rows: list[dict[str, str]] = []
    for path in written:
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            assert reader.fieldnames == [*COLUMNS, *(PREFIX + f for f in ["row", *FIELDS])]
            rows += reader
    assert [row[PREFIX + "row"] for row in rows] == [str(n) for n in range(1, len(CLIENTS) + 1)]
    for row, given, record in zip(rows, CLIENTS, records, strict=True):
        assert [row[c] for c in COLUMNS] == given
        assert {f: row[PREFIX + f] for f in FIELDS} == {f: _text(record[f]) for f in FIELDS}, row


# pyspark warns about pandas 3 on import; its RDD and CSV readers do not use pandas.
@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")
def test_the_spark_example_keeps_every_column_and_numbers_rows_across_partitions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java (17 or later)")
    from pyspark.sql import SparkSession

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # the executors' Python has exitcheck
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")  # nothing leaves the loopback
    write_csv(tmp_path / "clients.csv", CLIENTS)
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.files.maxPartitionBytes", "256")  # a few rows a partition
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        # a job of seconds: the quick JIT alone and the serial collector start about 1.5x faster
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    try:
        ran = run_example("Spark")  # its getOrCreate() takes the session above
        assert ran["clients"].rdd.getNumPartitions() >= 3
        got = [row.asDict() for row in spark.read.parquet("screened").collect()]
    finally:
        spark.stop()
    records = expected(tmp_path, ran["AS_OF"])

    assert list(got[0]) == [*COLUMNS, *(PREFIX + f for f in ["row", *FIELDS])]
    got.sort(key=lambda row: row[PREFIX + "row"])
    assert [row[PREFIX + "row"] for row in got] == list(range(1, len(CLIENTS) + 1))
    for row, given, record in zip(got, CLIENTS, records, strict=True):
        # Spark reads an empty field as null, and keeps it so
        assert [row[c] for c in COLUMNS] == [cell or None for cell in given]
        assert {f: row[PREFIX + f] for f in FIELDS} == {f: record[f] for f in FIELDS}, row


def _text(value: object) -> str:
    """A value as pandas writes it to CSV."""
    return "" if value is None else str(value)
