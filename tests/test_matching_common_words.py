"""A registry name among everyday words (matching/context.py, data/common_words.txt): debris
set aside when it stands apart from the name, a possible second name kept for review when it
stands in the name's own phrase, and a list cell with another company never matched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.matching import match, match_many
from exitcheck.matching.context import IN_TEXT, _common_words, _vocab
from exitcheck.store.loading import load, shipped_registry

INDEX = load([shipped_registry()], use_cache=False).index

# Everyday words no vocabulary of data/matching.toml holds, none a platform's name.
EVERYDAY = ["garden", "kitchen", "travel", "dental", "window", "river", "silver", "winter"]
EVERYDAY += ["morning", "castle", "paper", "doctor", "cherry", "forest", "blanket", "engine"]
DISTINCTIVE = {"Binance": "binance", "KuCoin": "kucoin", "Bitget": "bitget", "OKCoin": "okcoin"}
DISTINCTIVE |= {"Huobi Global": "huobi", "Matrixport": "matrixport", "Bybit": "bybit"}


def test_the_everyday_words_are_data_and_nobody_s_name() -> None:
    common = _common_words()
    assert len(common) > 30000
    assert set(EVERYDAY) <= common
    assert {"binance", "huobi", "kucoin", "wikipedia", "seychelles"}.isdisjoint(common)
    vocab = _vocab()
    assert not (set(EVERYDAY) & (vocab["noise"] | vocab["veto"] | vocab["address"]))


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Bybit: Cold Storage 7", "bybit"),  # an explorer's label after a colon
        ("KuCoin – Encyclopedia entry", "kucoin"),  # a page title after a dash
        ("Huobi withdrawal stuck for three days", "huobi"),  # a question
        ("MEXC 4.2.0 (release notes)", "mexc"),  # a version, a gloss in brackets
        ("Why was my Bitmart transfer delayed", "bitmart"),
        ("Binance (garden kitchen)", "binance"),  # in brackets: another phrase
        ("Matrixport Ltd (Cayman Islands), file ref 7781", "matrixport"),  # a place apart
        ("OKCoin — pmt ref for Q3", "okcoin"),  # an abbreviation apart
    ],
)
def test_everyday_words_apart_from_the_name_are_debris(query: str, entity: str) -> None:
    result = match(INDEX, query)
    assert (result.decision, result.entity_id, result.method) == ("match", entity, IN_TEXT)
    assert "name nothing" in result.reason


@pytest.mark.parametrize(
    "query",
    [
        "Binance Garden Supplies Ltd",  # a company named after the brand
        "binance garden supplies ltd",  # in any case
        "BINANCE GARDEN SUPPLIES LTD",
        "KuCoin dental clinic",
        "Bitmain Mining Farm Ltd",  # through a generic word
        "Bee Pool (garden pools)",  # an everyday brand: its words are never debris
        "Gate.io desktop installer 3.1",
        "Huobi Seychelles",  # a place beside the name: an affiliate's, perhaps
        "Binance t/a ABC Ltd",  # the trading name is ABC's
    ],
)
def test_a_possible_second_name_keeps_review(query: str) -> None:
    result = match(INDEX, query)
    assert result.decision == "ambiguous", (query, result)


@settings(max_examples=120, deadline=None)
@given(
    name=st.sampled_from(sorted(DISTINCTIVE)),
    mark=st.sampled_from([": ", " - ", " – ", " (", ", ", " | "]),
    rest=st.lists(st.sampled_from(EVERYDAY), min_size=1, max_size=3, unique=True),
    number=st.sampled_from(["", " 7", " 2.45.3", " 2021-06-14"]),
)
def test_a_name_then_a_break_then_everyday_words_matches(
    name: str, mark: str, rest: list[str], number: str
) -> None:
    """After punctuation, everyday words and numbers are debris; a list's part of everyday
    words may be another company, which names no registry entity: the registry name's part
    answers alone (issue 24's policy), a match."""
    query = f"{name}{number}{mark}{' '.join(rest)}{')' if mark == ' (' else ''}"
    result = match(INDEX, query)
    assert result.entity_id == DISTINCTIVE[name], query


@settings(max_examples=120, deadline=None)
@given(
    name=st.sampled_from(sorted(DISTINCTIVE)),
    rest=st.lists(st.sampled_from(EVERYDAY), min_size=1, max_size=3, unique=True),
    form=st.sampled_from(["", " Ltd", " LLC", " Co.", " Group"]),
    case=st.sampled_from([str, str.lower, str.upper, str.title, str.capitalize]),
    before=st.sampled_from(["", "Payment to ", "Beneficiary: "]),
)
def test_everyday_words_in_the_name_s_phrase_never_match(
    name: str, rest: list[str], form: str, case: object, before: str
) -> None:
    query = before + case(f"{name} {' '.join(rest)}{form}")  # type: ignore[operator]
    assert match(INDEX, query).decision != "match", query


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(sorted(DISTINCTIVE)),
    rest=st.lists(st.sampled_from(EVERYDAY), min_size=1, max_size=2, unique=True),
    mark=st.sampled_from([" ", ": ", ", ", " (", " and "]),
)
def test_the_screening_gate_keeps_these_answers(name: str, rest: list[str], mark: str) -> None:
    index = load([shipped_registry()], use_cache=True).index
    index.preload()
    query = f"{name}{mark}{' '.join(rest)}"
    assert match_many(index, [query]) == [match(index, query, limit=0)], query


@pytest.mark.parametrize(
    "query", ["Lifestyle International (SOGO)", "Golden Harvest Ltd (Binance)", "App Store (Bybit)"]
)
def test_a_name_only_in_brackets_beside_everyday_words_is_no_match(query: str) -> None:
    """The words outside the brackets are the name the text is about."""
    assert match(INDEX, query).decision != "match"
