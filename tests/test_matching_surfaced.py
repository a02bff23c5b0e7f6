"""Names that reached a silent ``none`` or only review: a file's name and a search query
around a registry name (context.py), a news article's address that names a platform, a
Chinese name with a letter for a character, leetspeak, and a privacy-masked name
(nearby.py). One test per rule, with hard negatives of the same shape."""

from __future__ import annotations

import pytest

from exitcheck.matching import match
from exitcheck.matching.context import METHOD
from exitcheck.store.loading import load, shipped_registry

INDEX = load([shipped_registry()], use_cache=False).index


def _answer(query: str) -> tuple[str, str | None, str]:
    """(decision, matched entity or the first candidate's, method)."""
    result = match(INDEX, query)
    first = result.candidates[0].entity_id if result.candidates else None
    return result.decision, result.entity_id or first, result.method or "-"


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Binance_Statement_2023Q1.pdf", "binance"),
        ("huobi-export (2).csv", "huobi"),
        ("bybit-transactions-2023-04.xlsx", "bybit"),  # the extension is not a domain
        ("火币对账单2021.pdf", "huobi"),
        ("is huobi legal in china", "huobi"),
        ("火币还能用吗", "huobi"),
        ("how to withdraw from binance", "binance"),
        ("OKX 还能用吗", "okex"),
    ],
)
def test_a_distinctive_name_among_file_or_query_noise_is_a_match(query: str, entity: str) -> None:
    assert _answer(query) == ("match", entity, METHOD)


@pytest.mark.parametrize(
    "query",
    [
        "Keystone_Statement_2023.pdf",  # an everyday word: never a match
        "Binance_Labs_report_2023.pdf",  # an affiliate
        "is binance us legal",  # an affiliate place
        "火币客服电话",  # a support line
        "Acme_Statement_2023Q1.pdf",
        "how to withdraw from my bank",
    ],
)
def test_file_and_query_noise_never_matches_anything_else(query: str) -> None:
    assert _answer(query)[0] != "match"
