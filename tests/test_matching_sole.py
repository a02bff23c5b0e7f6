"""A registry name that is the only name a record holds (matching/fields.py, ``SOLE``): a
match where nothing beside it, nothing in the line and no other part of it says the record is
about anyone else; review otherwise. The probes are records of this module's own making
(network scans, hostnames, listings), not rows of any held-out round."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.matching.fields import SOLE
from tests.shipped import answer

BASE = "SSID: {name}-Guest · WPA2-PSK · seen 2023-04-11 14:02"
NAMES = {"Bitget": "bitget", "KuCoin": "kucoin", "Matrixport": "matrixport", "Bybit": "bybit"}


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        (BASE.format(name="Bitget"), "bitget"),
        ("hostname KUCOIN-SG-LT07 · OU=Ops · Windows 11", "kucoin"),  # a record in capitals
        ("Printer: Matrixport-Finance-HP · IP 10.2.3.4", "matrixport"),
        ("MDM: device KUCOIN-OPS-MBP-031 · macOS 13.4", "kucoin"),
    ],
)
def test_the_only_name_of_a_record_matches(query: str, entity: str) -> None:
    assert answer(query) == ("match", entity, SOLE)


@pytest.mark.parametrize(
    "query",
    [
        "SSID: Bitget Guest Lounge · WPA2",  # a capitalised word runs on: another name's
        "SSID: CZ Bitget · WPA2",  # a capitalised word before it: a person's, a firm's
        "SSID: bitget garden · wpa2",  # a word of its phrase that may be another name's
        "SSID: Bitget Fund · WPA2",  # a word of another legal entity of the group
        "SSID: Bitget NL · WPA2",  # a country's code after the name: an affiliate's perhaps
        "SSID: AEX-Guest · WPA2-PSK · seen 2023-04-11",  # three letters: an acronym of many
        "设备：币安-访客 · 2.4G · 抹茶运营",  # another registry name, everyday, inside a word
        "SSID: Bitget-Guest · WPA2 · Japan",  # a place where brands run affiliates
        "SSID: Bitget-Guest · WPA2 · fake",  # a copy's word
        "SSID: Bitget-Guest · WPA2 · former",  # another role
        "SSID: Bitget-Guest · WPA2 · Acme Ltd",  # another company in the line
        "SSID: Bitget-Guest · WPA2 · acmepay.com",  # another site in the line
        "SSID: Bitget-Guest · 抹茶 · WPA2",  # another registry name, an everyday one
        "Token: Bitget · price 0.52 · change -3%",  # a label of something else
        "Tickets (Bitget) · 2 seats",  # a bracketed note on what stands before it
        "Device: 币安咖啡 · 咖啡厅 · 2.4G",  # Chinese words glued on: a shop's name
        "SSID: Bitget-Guest · for the visitors of the lounge",  # a sentence
        "SSID: Bitget-Cafe · WPA2-PSK",  # a hyphen runs the name into another's
        "SSID: HUOBI-PARK-HOTEL · WPA2",  # so in capitals
        "SSID: Binance-Square-Guest · WPA2-PSK",  # a product's name, hyphened
        "SSID: Roma-Bitget · WPA2",  # a word hyphened before it: another's name's head
        "SSID: Bitget-Guest-Cafe · WPA2",  # any word of the hyphened chain counts
        "币安路便利店 | Tel +86 21 5555 0101 | 营业中",  # a road's name, glued: a shop on it
        "火币网吧 | 营业中",  # an internet café's name
    ],
)
def test_a_record_that_may_be_about_another_stays_review(query: str) -> None:
    decision, _entity, method = answer(query)
    assert (decision, method) != ("match", SOLE)
    assert decision == "ambiguous", query


MARKS = [
    "former",
    "ex",
    "parent",
    "investor",
    "competitor",
    "vs",
    "like",
    "clone",
    "impostor",
    "support",
    "formerly",
    "Japan",
    "Turkey",
    "Acme Ltd",
    "Holdings Inc",
    "acme.io",
    "x@acme.io",
    "曾任",
    "仿冒",
    "日本",
    "简历",
    "to",
    "the",
    "的",
]


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(sorted(NAMES)),
    mark=st.sampled_from(MARKS),
    where=st.sampled_from(["start", "middle", "end"]),
)
def test_a_mark_anywhere_in_the_record_keeps_it_out_of_this_rule(
    name: str, mark: str, where: str
) -> None:
    """Any word of another role, a copy, a place of affiliates, another company or site, or a
    sentence's function word, wherever it stands, keeps the record from this rule's match."""
    parts = BASE.format(name=name).split(" · ")
    at = {"start": 0, "middle": 2, "end": len(parts)}[where]
    query = " · ".join([*parts[:at], mark, *parts[at:]])
    decision, entity, method = answer(query)
    assert method != SOLE, query
    if decision != "none":
        assert entity == NAMES[name], query


@settings(max_examples=100, deadline=None)
@given(
    name=st.sampled_from(sorted(NAMES)),
    extra=st.lists(
        st.sampled_from(["WPA2", "ch 36", "2.4G", "-70 dBm", "open", "seen 2024-01-02"]),
        max_size=3,
    ),
)
def test_record_words_around_the_only_name_keep_its_match(name: str, extra: list[str]) -> None:
    query = " · ".join([BASE.format(name=name), *extra])
    assert answer(query)[:2] == ("match", NAMES[name]), query


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("出口报关 | 收货人 欧易OKX | 品名 T恤 | 数量 300", "okex"),  # a short name, corroborated
        ("网关日志 抹茶(MEXC) 充值 失败 504", "mexc"),  # an everyday name, corroborated
        ("HS 8471 | 发货人 Bitmain 比特大陆 | 毛重 12kg", "bitmain"),
        ("客户：火币 HUOBI　服务：短信通道　账期 2023-09", "huobi"),
        ("淘宝订单 2024-01-05 电源线 ×2", "taobao"),  # at the line's start, record words glued
    ],
)
def test_a_name_beside_its_other_script_name_or_at_the_edge_matches(
    query: str, entity: str
) -> None:
    assert answer(query) == ("match", entity, SOLE)


@pytest.mark.parametrize(
    "query",
    [
        "出口报关 | 收货人 欧易OKX 土耳其 | 品名 T恤",  # a place of affiliates
        "收货人 欧易OKX 竞争对手 | 品名 T恤",  # another role
        "HS 8471 | 发货人 Bitmain 比特大陆 子公司 | 毛重 12kg",  # a subsidiary
        "抹茶(MEXC) 奶茶店 订单 2024-02-02",  # the everyday meaning: a tea shop
        "[对账任务] 抹茶(MEXC) 链上 充值",  # a product's word glued
        "[对账任务] 库币(KuCoin) 与 火币 对账失败",  # two names
        "发货人：欧易 OKX Wallet　商品：宣传册",  # a product
        "火币 Huobi 招聘 经理",  # a person's post
        "淘宝 小红书 订单 2024",  # another name after one at the line's start
        "Binance-Helper v1.2",  # the head of another name's phrase
        "Binance + Bakery",  # a list of names
    ],
)
def test_a_pair_or_an_edge_name_that_may_be_another_stays_review(query: str) -> None:
    assert answer(query)[0] == "ambiguous", query
