"""Names that reached a silent ``none`` or only review: a file's name and a search query
around a registry name (context.py), a news article's address that names a platform, a
Chinese name with a letter for a character, leetspeak, and a privacy-masked name
(nearby.py). One test per rule, with hard negatives of the same shape."""

from __future__ import annotations

import pytest

from exitcheck.matching import match
from exitcheck.matching.context import METHOD
from tests.shipped import INDEX
from tests.shipped import answer as _answer


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
        ("how to close binance account", "binance"),
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


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        (
            "https://www.coindesk.com/markets/2021/09/26/huobi-to-stop-serving-china-users/"
            "?utm_source=twitter",
            "huobi",
        ),
        ("https://www.theblock.co/amp/post/123/okx-exits-china", "okex"),
        (  # a search engine's redirect, percent-encoded
            "https://www.google.com/url?sa=t&url=https%3A%2F%2Fwww.ft.com%2Fcontent%2Fbitget-china-exit",
            "bitget",
        ),
        ("https://m.21jingji.com/article/20210927/huobi_exit.html", "huobi"),
        ("https://www.8btc.com/article/%E7%81%AB%E5%B8%81-%E9%80%80%E5%87%BA", "huobi"),  # 火币
        (  # a redirect to the platform's own page: the domain rules never saw it
            "https://www.google.com/url?q=https://www.binance.com/en/support/announcement&sa=D",
            "binance",
        ),
    ],
)
def test_an_article_about_a_platform_is_review(query: str, entity: str) -> None:
    result = match(INDEX, query)
    assert (result.decision, result.candidates[0].entity_id) == ("ambiguous", entity)
    assert result.candidates[0].method == "article_address"


@pytest.mark.parametrize(
    "query",
    [
        "https://www.reuters.com/business/finance/hsbc-to-cut-jobs-2023-01-01/",
        "https://www.bbc.com/news/business-58700000?utm_source=weibo",  # tracking: set aside
        "https://www.reuters.com/technology/tiger-global-cuts-china-bets-2022-05-01/",
        "https://www.sina.com.cn/news/中国银行-公告",
        "https://www.google.com/url?q=https://www.hsbc.com/news&sa=D",
    ],
)
def test_an_article_about_anything_else_is_none(query: str) -> None:
    assert _answer(query)[0] == "none"


def test_a_platforms_own_page_is_still_its_domain() -> None:
    assert _answer("https://www.huobi.com/en-us/news/huobi-global-update")[:2] == (
        "match",
        "huobi",
    )


@pytest.mark.parametrize(
    ("query", "entity", "method"),
    [
        ("B安", "binance", "letter_for_character"),  # 币安, 'b' for 币
        ("火B", "huobi", "letter_for_character"),
        ("欧Y", "okex", "letter_for_character"),  # 欧易
        ("抹C", "mexc", "letter_for_character"),  # 抹茶, an exact key but not a fuzzy one
        ("b安交易所", "binance", "letter_for_character"),  # generic words set aside
        ("0KX", "okex", "leetspeak"),
        ("K|_|C0in Ltd", "kucoin", "leetspeak"),
        ("M3XC", "mexc", "leetspeak"),
        ("Hu○bi", "huobi", "leetspeak"),  # a symbol that looks like the letter
        ("B!n@nc€", "binance", "leetspeak"),
        ("Bin***", "binance", "masked"),
        ("B****e", "binance", "masked"),  # one mask more or fewer than the letters hidden
        ("火*", "huobi", "masked"),  # a mask beside a Chinese character
        ("K•••in", "kucoin", "masked"),
        ("Bin*** Holdings Ltd", "binance", "masked"),  # generic words and legal forms aside
    ],
)
def test_a_dodged_or_masked_name_is_review(query: str, entity: str, method: str) -> None:
    result = match(INDEX, query)
    assert (result.decision, result.candidates[0].entity_id) == ("ambiguous", entity)
    assert result.candidates[0].method == method


@pytest.mark.parametrize(
    "query",
    [
        "X安",  # no registry name has a character read 'x' there
        "火Z",
        "工B银行",
        "A股",
        "H3LL0 W0RLD",  # leetspeak of no registry name
        "3M Company",
        "Acm3 H0ldings",
        "Acme (HK) Ltd",  # brackets are not letters
        "J0hn$ B@kery Ltd",
        "B***",  # too many names fit
        "Acm***",
        "Tencent***",
        "Acm*** Holdings Ltd",
        "张**",
    ],
)
def test_the_same_shapes_of_no_registry_name_are_none(query: str) -> None:
    assert _answer(query)[0] == "none"


def test_a_masked_name_is_never_a_match() -> None:
    assert _answer("Binan**")[0] != "match"
    assert _answer("Huobi Gl***al")[0] != "match"
