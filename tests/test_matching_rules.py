"""Matching rules at their boundaries: margin, threshold, slips, romanised and traditional
names, generic words. (Every evaluation row is pinned exactly by test_matching.py.)"""

from __future__ import annotations

import pytest

from exitcheck.matching import match, results
from exitcheck.store.loading import load, shipped_registry

from .registries import entity

INDEX = load([shipped_registry()], use_cache=False).index

# A registry of made-up names far from any known platform: scores are exact fractions.
TWENTY = (
    entity("first", "Quintessentialfoxes")
    + entity("second", "Quintessentialboxes")
    + entity("near", "Alphaswapx")
    + entity("far", "Alphasqaoc")
)


@pytest.fixture
def index(write_registry):
    return load([write_registry(TWENTY)], use_cache=False).index


def test_the_documented_constants() -> None:
    assert (results.SCORE_THRESHOLD, results.MARGIN, results.MAX_QUERY_CHARS) == (75, 10, 200)


def test_a_lead_of_less_than_the_margin_is_ambiguous(index) -> None:
    # 19 characters: one edit scores 94.7, two edits 89.5; a lead of 5.2 points is not enough
    result = match(index, "quintessentialfoxez")
    assert result.decision == "ambiguous"
    assert sorted(c.entity_id for c in result.candidates) == ["first", "second"]


def test_a_lead_of_exactly_the_margin_is_a_match(index) -> None:
    # 10 characters: one slip (alphaswapx) scores 90, two slips (alphasqaoc) 80: 10 points
    result = match(index, "alphaswapc")
    assert (result.decision, result.entity_id, result.best.score) == ("match", "near", 90.0)
    assert [c.score for c in result.candidates] == [90.0, 80.0]


@pytest.mark.parametrize(
    ("query", "entity_id", "score"),
    [
        ("loobrinj", "loopring", 75.0),  # exactly the threshold: two edits in eight letters
        ("uhobi", "huobi", 80.0),  # the first two letters swapped: one edit
        ("binanse", "binance", 85.7),
        ("sparkpoll", "sparkpool", 88.9),
    ],
)
def test_fuzzy_scores(query: str, entity_id: str, score: float) -> None:
    result = match(INDEX, query)
    assert (result.decision, result.entity_id, result.method, result.best.score) == (
        "match", entity_id, "fuzzy", score,
    )  # fmt: skip


def test_a_threshold_above_the_score_is_no_match() -> None:
    assert match(INDEX, "loobrinj", threshold=75.1).decision == "none"


@pytest.mark.parametrize(
    ("query", "entity_id"),
    [
        ("luyim", None),  # romanised 路印 (luyin) is fuzzy-matched only from 8 letters
        ("xinghuokuangchl", "sparkpool"),  # romanised 星火矿池, one letter off
    ],
)
def test_romanised_names_are_fuzzy_only_when_long(query: str, entity_id: str | None) -> None:
    assert match(INDEX, query).entity_id == entity_id


def test_a_name_given_only_in_traditional_characters_matches_in_simplified(
    write_registry,
) -> None:
    path = write_registry(
        '[[entities]]\nid = "lekuda"\nname = "Lekuda"\nname_zh = "樂酷達"\nkind = "exchange"\n'
    )
    index = load([path], use_cache=False).index
    result = match(index, "乐酷达")
    assert (result.decision, result.entity_id, result.method) == (
        "match",
        "lekuda",
        "exact_traditional",
    )


# The generic words of the first matcher, written out by hand: dropping one from
# data/matching.toml (or breaking how they are peeled) fails here.
GENERIC_LATIN = [
    "exchange",
    "exchanges",
    "global",
    "pro",
    "pool",
    "pools",
    "mining",
    "miner",
    "wallet",
    "wallets",
    "app",
    "apps",
    "platform",
    "official",
    "site",
    "website",
    "web",
    "the",
    "inc",
    "ltd",
    "limited",
    "co",
    "corp",
    "company",
    "group",
    "holdings",
    "foundation",
    "technology",
    "technologies",
    "crypto",
    "cryptocurrency",
    "finance",
    "market",
    "markets",
    "trading",
    "trade",
    "broker",
    "brokerage",
    "securities",
    "defi",
    "protocol",
    "dex",
    "swap",
]
GENERIC_ZH = [
    "交易所",
    "交易平台",
    "平台",
    "全球站",
    "官网",
    "网站",
    "钱包",
    "矿池",
    "集团",
    "基金会",
    "有限公司",
    "公司",
    "科技",
    "网络科技",
    "网络技术",
    "技术",
    "证券",
    "国际",
    "网",
    "站",
]


@pytest.mark.parametrize("word", GENERIC_LATIN)
def test_each_generic_word_is_peeled(word: str) -> None:
    """A generic word beside a name is set aside; one that names a unit or product of a
    platform ('foundation', 'dex': attached_words; after the name 'pool', 'wallet':
    product_kinds, none of which BiONE's names hold) leaves it review with the name."""
    from exitcheck.matching.beside import _vocab_beside
    from exitcheck.matching.context import _vocab

    unit = word in _vocab()["attached"] | _vocab()["veto"]
    product = word in _vocab_beside()["products"]
    for query in (f"bione {word}", f"{word} bione"):
        result = match(INDEX, query)
        if unit or (product and query.startswith("bione")):
            assert (result.decision, result.candidates[0].entity_id) == ("ambiguous", "bione")
        else:
            assert (result.entity_id, result.method) == ("bione", "exact_without_generic"), query
    assert match(INDEX, word).decision == "none"


@pytest.mark.parametrize("affix", GENERIC_ZH)
def test_each_chinese_affix_is_peeled(affix: str) -> None:
    """Each generic affix is peeled; a unit's word glued after the name (钱包, 矿池, 基金会:
    ``unit_words_zh``) names another entity or product of it, so the answer is review."""
    result = match(INDEX, "区块链123" + affix)
    from exitcheck.matching.context import _vocab

    if affix in _vocab()["units_zh"]:
        assert (result.decision, result.candidates[0].entity_id) == ("ambiguous", "qkl123")
    else:
        assert (result.entity_id, result.method) == ("qkl123", "exact_without_generic"), affix
    assert match(INDEX, affix).decision == "none"


def test_chinese_company_names_are_compared_by_their_distinctive_part(write_registry) -> None:
    path = write_registry(
        '[[entities]]\nid = "lantian"\nname = "Lantian"\n'
        'name_zh = "北京蓝天白云青山绿水科技有限公司"\nkind = "domestic_company"\n'
    )
    index = load([path], use_cache=False).index
    for query in ("蓝天白云青山绿树", "北京蓝天白云青山绿树科技有限公司"):
        result = match(index, query)
        assert (result.decision, result.entity_id, result.method) == (
            "match", "lantian", "fuzzy_chinese",
        ), query  # fmt: skip


def test_the_edit_budget_is_the_shorter_names() -> None:
    # 'binance' (7 letters) allows one edit; 'bimancex' is two away, though 8 letters allow two
    assert match(INDEX, "bimancex").entity_id is None
    # two slips each (a neighbouring key, a letter typed twice): 8 letters, but the names have 7
    # (binance) and 6 (okcoin) letters, whose budget is one edit
    # Beyond the budget is never a match; spelt within 85 (rapidfuzz ratio) of the name it is
    # for review, by the last band (close_spelling), so that none means no name is close
    expected = {"bunancce": "none", "binnancee": "ambiguous", "okcooinn": "ambiguous"}
    for query, decision in expected.items():
        result = match(INDEX, query)
        assert (result.decision, result.entity_id) == (decision, None), query


def test_a_query_of_generic_words_says_so() -> None:
    result = match(INDEX, "global exchange")
    assert (result.decision, result.reason) == ("none", "the query is only generic words")


@pytest.mark.parametrize(
    "query", ["huo\u200bbi.com", "https://www.huobi\u202e.com/", "huobi.com\u200d"]
)
def test_invisible_characters_inside_a_domain_are_removed(query: str) -> None:
    result = match(INDEX, query)
    assert (result.decision, result.entity_id, result.method) == ("match", "huobi", "exact_domain")


def test_spelling_candidates_do_not_depend_on_an_earlier_cutoff() -> None:
    """The index lists the keys near each query length once; a narrower cutoff asked first
    (the last band's 85) must not hide a key from a wider one (other scripts' 60)."""
    index = load([shipped_registry()], use_cache=False).index
    assert index.spelt_like("latin", "bainaenseu", 85) == []
    wide = index.spelt_like("latin", "bainaenseu", 60)
    assert "binance" in [e.entity_id for _, e, _ in wide]


def test_one_letter_replaced_in_a_short_name_is_for_review() -> None:
    """'Boone' (a surname) is one QWERTY slip from BiONE: in a name of five letters or fewer a
    replaced letter makes another word as often as a slip, so it is never a confident match."""
    boone = match(INDEX, "Boone PLC")
    assert (boone.decision, [c.entity_id for c in boone.candidates]) == ("ambiguous", ["bione"])
    assert match(INDEX, "Bione").entity_id == "bione"  # the name itself
    assert match(INDEX, "binace").entity_id == "binance"  # a letter left out, longer name
