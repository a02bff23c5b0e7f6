"""The index's tables (SQLite, in memory, the shipped pack) hold and hand over the same rows.

Every look-up is written once, in ``index.KeyIndex``; the tables only supply rows. A table that
supplied other rows for a block would change answers (`qkl124` was once matched to qkl123 by
screen only), so the tables are compared row for row, and whole answers through the command
line against an SQL-backed registry. The queries come from the evaluation set, read
generically: whatever rows it holds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exitcheck.matching import KeyIndex, MemoryTable, compact_key, match
from exitcheck.store.loading import load, shipped_registry
from exitcheck.store.pack import PackTable
from exitcheck.store.sqlite import SqlTable
from tests.evalsets import queries

EVAL = Path(__file__).parent / "data" / "match_eval.tsv"
EXTRA = ["qkl124", "qkl12", "qkl1234", "qkl132", "kql123", "区块链124", "huobi2", "bione1"]


def eval_queries() -> list[str]:
    rows = queries(EVAL, one_line=True)  # screen reads one name per line
    assert len(rows) > 100, "the evaluation set went missing"
    return rows


def _key(decision: str, entity: str | None, method: str | None, score: float | None) -> tuple:
    return (decision, entity, method, score)


def test_status_and_screen_agree_on_every_evaluation_row(cli) -> None:
    """`screen` through the CLI (the shipped pack, in memory) against look-ups on a registry
    built from the TOML and read from SQLite, one query per look-up."""
    queries = [*eval_queries(), *EXTRA]
    screened = cli("screen", "-", "--json", "--as-of", "2021-10-01", input="\n".join(queries))
    assert screened.exit_code == 0, screened.stderr
    rows = [json.loads(line) for line in screened.stdout.splitlines()]
    assert [r["input"] for r in rows] == queries
    single = load([shipped_registry()], use_cache=False).index
    assert isinstance(single.table, SqlTable)  # really the SQL path
    for query, row in zip(queries, rows, strict=True):
        m = match(single, query)
        lookup = _key(m.decision, m.entity_id, m.method, m.best.score if m.entity_id else None)
        batch = _key(
            row["decision"],
            row["entity_id"],
            row["method"],
            row["score"] if row["decision"] == "match" else None,
        )
        assert lookup == batch, query


@pytest.mark.parametrize("query", ["Huobi Global", "houbi", "qkl124", "Pocket Tokn", "火幣"])
def test_the_status_command_answers_as_screen_does(cli, query: str) -> None:
    status = json.loads(cli("status", "--json", "--", query).stdout)
    row = json.loads(cli("screen", "-", "--json", input=query + "\n").stdout)
    m = status["match"]
    entity = status["entity"]["id"] if status["entity"] else None
    assert (m["decision"], entity, m["method"]) == (
        row["decision"],
        row["entity_id"],
        row["method"],
    )


def _tables() -> list[tuple[str, object]]:
    sql = load([shipped_registry()], use_cache=False).index.table
    assert isinstance(sql, SqlTable)
    pack = load([shipped_registry()]).index.table
    assert isinstance(pack, PackTable)  # the shipped pack is fresh
    return [("sql", sql), ("memory", MemoryTable.from_rows(sql.rows())), ("pack", pack)]


TABLES = _tables()


def _queries() -> list[str]:
    return [k for k in (compact_key(q) for q in [*eval_queries(), *EXTRA]) if k]


@pytest.mark.parametrize(("name", "table"), TABLES[1:])
def test_every_table_holds_the_same_rows(name: str, table: SqlTable) -> None:
    sql = TABLES[0][1]
    assert isinstance(sql, SqlTable)
    keys, fuzzy, domains, ids = sql.rows()
    assert table.size == sql.size == len(keys) + len(fuzzy)
    for kind, key, *_ in keys:
        assert table.entries(kind, key) == sql.entries(kind, key), (kind, key)
    assert table.fuzzy_rows(list(range(1, len(fuzzy) + 1))) == sql.fuzzy_rows(
        list(range(1, len(fuzzy) + 1))
    )
    for host, *_ in domains:
        assert table.domain(host) == sql.domain(host), host
    assert table.domain("no-such-host.example") is None
    assert table.domain_entities() == sql.domain_entities()
    for prefix in ["", "h", "huo", "b", "火", "zzz"]:
        assert table.ids_from(prefix, 50) == sql.ids_from(prefix, 50), prefix
        assert table.labels_from(prefix, 50) == sql.labels_from(prefix, 50), prefix
    assert sorted(table.rows()[1]) == sorted(fuzzy) and table.rows()[3] == ids


@pytest.mark.parametrize(("name", "table"), TABLES[1:])
def test_every_table_hands_over_the_same_blocks(name: str, table: SqlTable) -> None:
    sql = TABLES[0][1]
    assert isinstance(sql, SqlTable)
    for script in ("latin", "cjk", "other-latin", "other-cjk"):
        assert table.script_rows(script, None) == sql.script_rows(script, None)
        for query in _queries():
            digits = "".join(ch for ch in query if ch.isdigit())
            blocks = [("first", query[0])]
            if len(query) > 1 and query[0] != query[1]:  # the only first2 blocks asked for
                blocks.append(("first2", query[:2]))
            for column, value in blocks:
                for low, high in ((0, 99), (len(query) - 1, len(query) + 1)):
                    found = table.block(script, column, value, digits, low, high)
                    expected = sql.block(script, column, value, digits, low, high)
                    assert sorted(found) == sorted(expected), (script, query, column)
            assert table.script_rows(script, query[0]) == sql.script_rows(script, query[0])


def test_digits_block_the_same_keys_in_memory_and_in_sql() -> None:
    sql = load([shipped_registry()], use_cache=False).index
    memory = load([shipped_registry()], use_cache=False).index
    memory.preload()
    assert isinstance(memory.table, MemoryTable)  # really preloaded
    for query in _queries():
        for script in ("latin", "cjk"):
            for spread in (1, 2, 3):
                assert sql.fuzzy(script, query, spread) == memory.fuzzy(script, query, spread), (
                    query,
                    script,
                    spread,
                )
            assert sql.suggestions(script, query, 5) == memory.suggestions(script, query, 5)


def test_a_table_that_hands_over_other_rows_changes_answers() -> None:
    """The comparisons above can fail: a table missing the swapped-letters block loses
    'uhobi' -> huobi."""

    class NoSwaps(MemoryTable):
        def block(
            self, script: str, column: str, value: str, digits: str, low: int, high: int
        ) -> list[tuple[int, str]]:
            if column == "first2":
                return []
            return super().block(script, column, value, digits, low, high)

    sql = TABLES[0][1]
    assert isinstance(sql, SqlTable)
    broken = KeyIndex(NoSwaps.from_rows(sql.rows()))
    assert match(KeyIndex(sql), "uhobi").entity_id == "huobi"
    assert match(broken, "uhobi").entity_id != "huobi"


@pytest.mark.parametrize("query", ["qkl124", "qkl12", "qkl1234"])
def test_other_digits_are_no_match_in_both_paths(cli, query: str) -> None:
    assert cli("status", query).exit_code == 1
    row = json.loads(cli("screen", "-", "--json", input=query + "\n").stdout)
    assert (row["decision"], row["entity_id"]) == ("none", None)
