"""`status` (one SQL look-up per call) and `screen` (keys preloaded in memory) must agree.

Both paths block fuzzy candidates by first letter, length and digits before the matcher scores
them; a rule missing from one path changes answers (`qkl124` was matched to qkl123 by screen
only). The rows come from the evaluation set, read generically: whatever rows it holds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exitcheck.matching import compact_key, index_for, match
from exitcheck.registry import load, shipped_registry

EVAL = Path(__file__).parent / "data" / "match_eval.tsv"
EXTRA = ["qkl124", "qkl12", "qkl1234", "qkl132", "kql123", "区块链124", "huobi2", "bione1"]


def eval_queries() -> list[str]:
    rows = []
    for line in EVAL.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query = line.split("\t")[0]
            if "\\u" in query:  # an escape stands for that (invisible) character
                query = query.encode("ascii", "backslashreplace").decode("unicode_escape")
            if "\n" not in query and "\r" not in query:  # screen reads one name per line
                rows.append(query)
    assert len(rows) > 100, "the evaluation set went missing"
    return rows


def _key(decision: str, entity: str | None, method: str | None, score: float | None) -> tuple:
    return (decision, entity, method, score)


def test_status_and_screen_agree_on_every_evaluation_row(cli) -> None:
    """`screen` through the CLI (preloaded keys) against `status`'s look-up, one SQL query per
    name, on a registry loaded the way `status` loads it (not preloaded)."""
    queries = [*eval_queries(), *EXTRA]
    screened = cli("screen", "-", "--json", "--as-of", "2021-10-01", input="\n".join(queries))
    assert screened.exit_code == 0, screened.stderr
    rows = [json.loads(line) for line in screened.stdout.splitlines()]
    assert [r["input"] for r in rows] == queries
    single = index_for(load([shipped_registry()]))
    assert getattr(single, "_keys", None) is None  # really the SQL path
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


def test_digits_block_the_same_keys_in_memory_and_in_sql() -> None:
    sql = index_for(load([shipped_registry()], use_cache=False))
    memory = index_for(load([shipped_registry()], use_cache=False))
    memory.preload()  # type: ignore[attr-defined]
    assert memory._keys is not None  # type: ignore[attr-defined]  # really preloaded
    for query in [*eval_queries(), *EXTRA]:
        key = compact_key(query)
        if not key:
            continue
        for script in ("latin", "cjk"):
            for spread in (1, 2, 3):
                assert sorted(sql.fuzzy(script, key, spread)) == sorted(
                    memory.fuzzy(script, key, spread)
                ), (query, script, spread)


@pytest.mark.parametrize("query", ["qkl124", "qkl12", "qkl1234"])
def test_other_digits_are_no_match_in_both_paths(cli, query: str) -> None:
    assert cli("status", query).exit_code == 1
    row = json.loads(cli("screen", "-", "--json", input=query + "\n").stdout)
    assert (row["decision"], row["entity_id"]) == ("none", None)
