"""A registry name a record line holds in someone else's role is review (matching/roles.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.matching import match
from exitcheck.matching.roles import role_of
from tests.shipped import INDEX
from tests.shipped import answer as _answer


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        # a closed period of years beside a job's title, in any language
        ("Head of Growth @ CoinEx (2019–2021)", "coinex"),
        ("Analyst at Poolin, Hangzhou, 2018–2020", "poolin"),
        ("Ops lead · Bybit · Contract · 2021–2022", "bybit"),
        ("Previous roles: Support Specialist, KuCoin, 2017 - 2019", "kucoin"),
        ("2016 bis 2019 Entwickler bei Bitget, danach Freiberufler", "bitget"),
        ("2015至2018年 币安 运营经理", "binance"),
        ("2020~2022 Gate.io 마케팅 매니저", "gate-io"),
        ("Стаж: 2018–2021, руководитель поддержки в Bybit", "bybit"),
        # a CV's heading, no running period in the name's field
        ("Résumé — Product, MEXC; Growth, Revolut", "mexc"),
        ("简历：币安 产品运营，后加入某券商", "binance"),
        # 'ex-' written onto the name
        ("Advisor: Jin Park (ex-KuCoin)", "kucoin"),
        # a likeness, a rivalry, an example before the name
        ("Looking for a developer to build an exchange like Bybit, budget 5k", "bybit"),
        ("Нужна копия интерфейса в стиле Binance", "binance"),
        ("Pools of the miner's choosing, e.g. ViaBTC", "viabtc"),
        # a byline
        ("Bitget expands in Brazil — staff writer, CoinDesk", "bitget"),
        ("火币 宣布新规（记者：赵敏）", "huobi"),
        ("MEXC, 신규 서비스 출시 (기자: 최영)", "mexc"),
        ("Forum post by user Ann: moved my coins off Bitget", "bitget"),
        # a source in brackets, a news or notice heading in front of the name
        ("Price feed taken from CoinGecko (source: vendor memo)", "coingecko"),
        ("[단독] OKX 한국 진출 검토", "okex"),
        ("[公告] 项目代币将在 MEXC 上线", "mexc"),
        ("Local news, Shenzhen: police warn about fake 火币 apps", "huobi"),
        # a maker, a checker, a data source, a listing venue of another's thing
        ("Batch of 20 rigs (manufactured by Bitmain), seller: HashCo", "bitmain"),
        ("Valuation note: closing prices from CoinMarketCap, 31 March", "coinmarketcap"),
        ("Token ABC | listed_on=mexc.com | supply 1B", "mexc"),
        # another person's account or act
        ("Gift from my father, who sold BTC he held on Kraken and Bybit", "bybit"),
        ("Dinero de mi hermano, que vendió USDT en Binance", "binance"),
    ],
)
def test_a_name_in_anothers_record_is_review(query: str, entity: str) -> None:
    result = match(INDEX, query)
    assert result.decision == "ambiguous", result
    assert result.candidates and result.candidates[0].entity_id == entity


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        # a running period: a current employer is the record's party
        ("Employee: Lin Wu | Employer: Bybit (2022–present) | Role: AML Analyst", "bybit"),
        # an account's, a statement's, a payment's period holds no job's title
        ("Historic trades on Huobi (2017–2019) explain the early BTC holdings", "huobi"),
        ("Transfer to KuCoin 2021–2022 settlement", "kucoin"),
        ("Payment to Bybit, ref 2019-2020 fees", "bybit"),
        # a tag or heading that holds the name is the sender's
        ("[Binance] Your deposit has been credited", "binance"),
        ("【火币】您的验证码是 8812", "huobi"),
        ("Binance news: new listing of XYZ", "binance"),
        # a query's LIKE is no likeness
        ("SELECT * FROM payments WHERE payee LIKE 'Binance'", "binance"),
    ],
)
def test_a_period_or_a_word_that_marks_no_role_keeps_the_match(query: str, entity: str) -> None:
    assert _answer(query)[:2] == ("match", entity)


def test_the_reason_names_the_role() -> None:
    result = match(INDEX, "CV: Risk Analyst, Bybit (2018–2020)")
    assert result.decision == "ambiguous"
    assert "closed period" in result.reason


def test_a_date_is_no_period() -> None:
    text = "Statement | Platform: Bybit | Period: 2022-01-01 to 2022-12-31 | Analyst copy"
    start = text.index("Bybit")
    assert role_of(text, [(start, start + 5)]) is None


@settings(max_examples=60, deadline=None)
@given(
    first=st.integers(1990, 2030),
    length=st.integers(1, 9),
    title=st.sampled_from(["Analyst", "Engineer", "经理", "менеджер", "Gerente"]),
)
def test_a_closed_period_beside_a_title_is_review_for_any_years(
    first: int, length: int, title: str
) -> None:
    query = f"{title}, Bybit ({first}–{first + length})"
    assert match(INDEX, query).decision == "ambiguous"


def test_a_programs_publisher_is_its_maker() -> None:
    """An installed program's record names its maker as publisher: not a byline."""
    query = "DisplayName: TradingView  Publisher: TradingView, Inc.  Version: 2.7.4"
    assert match(INDEX, query).entity_id == "tradingview"
