"""A registry name as a record's value, beside its own domain, or a clause's subject
(matching/fields.py): one test per structure, per language, per veto, and properties over the
words around the name. The probes are this module's own kinds (invoices, dockets, KYB forms,
headlines), not rows of any held-out round."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.matching import match
from exitcheck.matching.fields import (
    FIELD_VALUE,
    SUBJECT,
    WITH_DOMAIN,
    _label_kind,
    _pairs,
    _subjects,
)
from tests.shipped import INDEX
from tests.shipped import answer as _answer


@pytest.mark.parametrize(
    ("query", "entity", "method"),
    [
        ("Invoice 2291 · Bill to: Bitget · Due: 30 days · Total: 4,000 USDT", "bitget", None),
        ("Court docket 23-cv-1183 — Defendant: Binance — Filed 06/05/2023", "binance", None),
        ('"counterparty": "Bybit", "side": "sell", "qty": 2', "bybit", None),
        ("受款单位：币安 金额：12,000.00 用途：服务费", "binance", None),
        ("合作方：火币 合同编号：HB-2021-07", "huobi", None),
        ("取引先名：OKX 契約日：2023/04/01", "okex", None),
        ("Raison sociale : Bitget — Siège : Seychelles", "bitget", None),
        ("银行询证 被询证方：币安 数字资产余额 核对无误", "binance", FIELD_VALUE),
        ("相手方：Bitget　取引種別：暗号資産", "bitget", FIELD_VALUE),
        ("对账单 商户名称：币安 交易笔数：12", "binance", FIELD_VALUE),
        ("Confirmation to KuCoin (kucoin.com) returned undeliverable", "kucoin", None),
        ("Warning list — Bitget (bitget.com) — unauthorised", "bitget", WITH_DOMAIN),
        ("Huobi freezes accounts linked to hack — The Block", "huobi", SUBJECT),
        ("KuCoin will pay $297m to settle DOJ charges — Reuters", "kucoin", SUBJECT),
        ("US regulators fine Bybit over unregistered services — FT", "bybit", SUBJECT),
        ("火币宣布关闭中国大陆用户账户 — 财新", "huobi", SUBJECT),
        ("Bybitが日本市場から撤退 — 日経", "bybit", SUBJECT),
        ("KuCoin이 한국 이용자 서비스 종료", "kucoin", None),  # the particle is a word of its own
        ("Binance anuncia su salida de Canadá — El País", "binance", SUBJECT),
        ("KuCoin annonce la fermeture des comptes français — Le Monde", "kucoin", SUBJECT),
    ],
)
def test_a_name_as_a_value_beside_its_domain_or_a_subject_is_a_match(
    query: str, entity: str, method: str | None
) -> None:
    decision, found, how = _answer(query)
    assert (decision, found) == ("match", entity)
    if method is not None:  # else an earlier band already matched it, whatever its method
        assert how == method


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Invoice 2292 · Bill to: Bitget Labs · Due: 30 days", "bitget"),  # a unit
        ("KYB form — Registered company name: KuCoin Thailand — Jurisdiction: TH", "kucoin"),
        ('"counterparty": "Bybit Card", "side": "sell"', "bybit"),  # a product
        ('"product": "Bybit", "side": "sell"', "bybit"),  # a label of something else
        ("Token: Huobi · price 0.52 · change -3%", "huobi"),
        ("商品名称：火币 周边T恤", "huobi"),
        ("受款单位：币安支付 金额：12,000.00", "binance"),  # a unit glued to the name
        ("火币支付宣布暂停 — 新浪", "huobi"),
        ("被询证方：Huobi Technology Holdings 回函相符", "huobi"),  # an affiliate
        ("函证对象：富途证券国际（香港）有限公司 证券账户余额", "futu"),  # its value's brackets
        ("Bybit Japan halts new sign-ups — Nikkei", "bybit"),
        ("Bybit Japan는 일본에서 철수", "bybit"),  # a particle glued to the affiliate's place
        ("OKX Türkiye가 출시", "okex"),
        ("Binance Japanは撤退", "binance"),
        ("Is KuCoin shutting down? Users ask — forum", "kucoin"),  # a question
        ("Huobi partners with Poloniex on liquidity — press release", "huobi"),  # two names
        ("AEX rises 1% as chipmakers gain — Reuters", "aex"),  # a short name: an index too
        ("DE43: OKX WALLET               VICTORIA     SC", "okex"),  # a product's word
        ("venue=Binance region=JP status=ok", "binance"),  # an affiliate's place in a field
        ("Binance (binance-us.org) — scam site", "binance"),  # a domain it does not list
        ("Parent company: Bybit · Country: SC", "bybit"),  # a label of another role
        ("Parent: Binance · Country: KY", "binance"),  # read by the context rules: review too
        ("Referred by: KuCoin Exchange", "kucoin"),
        ("推荐人：币安 · 类型：个人", "binance"),
        ("仿冒对象：富途 · 来源：短信", "futu"),
        ("AEX Group halts trading after outage", "aex"),  # an acronym's namesake
        ("the AEX raises $10m in new funding", "aex"),
        ("Linkcoin Partners announces new fund", "linkcoin"),  # a verb-shaped word of a name
        ("投诉对象：富途证券国际 诉求：退款", "futu"),  # a group entity's word in the value
        ("Merchant: Binance Capital | Amount: 120.00 USD", "binance"),
    ],
)
def test_a_unit_product_affiliate_or_other_label_keeps_review(query: str, entity: str) -> None:
    assert _answer(query)[:2] == ("ambiguous", entity)


@pytest.mark.parametrize(
    "query",
    [
        "Company: Keystone · Issue: refund · Status: open",  # an everyday word, uncorroborated
        "Company: Gate · Industry: Fencing",
        "Tiger rises after earnings beat — Reuters",
        "Sanctions screening — Entity: Garantex — hit",  # another platform
    ],
)
def test_an_everyday_name_or_another_platform_is_never_matched(query: str) -> None:
    assert _answer(query)[0] != "match"


def test_label_kinds() -> None:
    assert _label_kind("originatingVASP.legalPersonName") == "name"
    assert _label_kind("Confirming party") == "name"
    assert _label_kind("Token issuer") == "name"  # the last word decides
    assert _label_kind("Product name") == "other"  # but a bare 'name' is qualified
    assert _label_kind("Software subscriptions") == ""
    assert _label_kind("投诉对象") == "name"
    assert _label_kind("收款方") == "name"
    assert _label_kind("商品名称") == "other"
    assert _label_kind("Bénéficiaire ") == "name"
    assert _label_kind("Parent company") == "role"  # a word of another role in any place
    assert _label_kind("Beneficiary bank") == "role"
    assert _label_kind("Referred by") == "role"
    assert _label_kind("仿冒对象") == "role"
    assert _label_kind("银行询证 被询证方") == "name"  # a bank's confirmation names the party


def test_values_end_where_records_end_their_fields() -> None:
    assert list(_pairs("Name: HBTC; Website: https://www.hbtc.com")) == [
        ("Name", "HBTC"),
        (" Website", "https://www.hbtc.com"),
    ]
    assert ("DE43", "BINANCE.COM") in _pairs("DE43: BINANCE.COM              VALLETTA     MT")
    assert ("投诉对象", "火币网") in _pairs("投诉对象：火币网 诉求：返还账户资产")
    assert ("名称", "Bitget Limited") in _pairs("名称：Bitget Limited／所在地：セーシェル")


def test_subjects_are_the_words_before_a_clause_verb() -> None:
    assert "Bit-Z" in _subjects("Bit-Z suspends withdrawals amid liquidity crunch — SCMP")
    assert "Bybit" in _subjects("Bybit hack: Lazarus behind theft, FBI says")
    assert "Binance" in _subjects("U.S. SEC sues Binance, founder Zhao for fraud")
    assert "火币" in _subjects("火币宣布逐步清退中国大陆存量用户")
    assert not list(_subjects("BINANCE HOLDINGS LIMITED SC"))  # a record in capitals
    # a verb's form followed by another verb is a word of the name, not the clause's verb
    assert "Linkcoin" not in _subjects("Linkcoin Partners announces new fund")
    assert "Linkcoin" in _subjects("Linkcoin partners with Acme on custody")
    assert "Binance" in _subjects("Binance plans to exit Canada")  # 'to' follows a verb


_NOISE = st.text(alphabet="abcdefgh ·|:：—-()0123456789", max_size=30)


_RECORD = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Binance",
                "火币",
                "微信",
                "AEX",
                "bybit.com",
                "Company",
                "Parent company",
                "收款方",
                ":",
                "：",
                "|",
                "·",
                "(",
                ")",
                "（",
                "[",
                "]",
                "【",
                "「",
                '"',
                "“",
                "'",
                "=",
                "—",
                " - ",
                "?",
                "http://",
                "https://[",
                "]/",
                "@",
                "says",
                "halts",
                "sues",
                "宣布",
                "は",
                "는",
                " ",
                "  ",
                "\t",
                "wx_12345",
                "V1.2",
                "\u200b",
                "İ",
                "ß",
                "\u0301",
            ]
        ),
        st.text(max_size=5),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_RECORD)
def test_a_record_shaped_string_never_raises(query: str) -> None:
    """Brackets, quotes, colons, URLs and mixed scripts around registry names: an answer, and
    a match only to an entity, with the method and reason it says."""
    result = match(INDEX, query)
    assert result.decision in {"match", "ambiguous", "none"}
    if result.decision == "match":
        assert result.best is not None and result.entity_id == result.best.entity_id


@settings(max_examples=150, deadline=None)
@given(before=_NOISE, after=_NOISE)
def test_a_promotion_names_the_entity_whose_name_stands_in_the_line(
    before: str, after: str
) -> None:
    """Whatever words stand around a value, a match of these rules is to an entity whose name
    stands in the line, and never to an everyday word alone."""
    for query in (f"{before} Company: Keystone {after}", f"{before} Merchant: Bybit {after}"):
        result = match(INDEX, query)
        if result.method in {FIELD_VALUE, WITH_DOMAIN, SUBJECT}:
            assert result.entity_id == "bybit"


def test_the_command_line_answers_a_record_with_its_name() -> None:
    """Through the installed entry point: a complaint record's company field is a match."""
    query = "CFPB complaint 7738214 · Company: Interactive Brokers LLC · Product: Money transfer"
    done = subprocess.run(
        [sys.executable, "-m", "exitcheck", "status", query, "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["entity"]["id"] == "interactive-brokers"
    assert '"method": "exact_field_value"' in done.stdout


def test_threads_reading_lines_at_once_get_the_answers_one_reader_gets() -> None:
    """The depth of a line's reading is each thread's own: a counter shared by threads let
    one thread's spans stop another's promotion, so answers changed with the timing."""
    from concurrent.futures import ThreadPoolExecutor

    lines = [
        "Invoice 2291 · Bill to: Bitget · Due: 30 days · Total: 4,000 USDT",
        "Court docket 23-cv-1183 — Defendant: Binance — Filed 06/05/2023",
        "Huobi freezes accounts linked to hack — The Block",
        "Warning list — Bitget (bitget.com) — unauthorised",
        "相手方：Bitget　取引種別：暗号資産",
    ] * 40
    import exitcheck

    registry = exitcheck.load()  # the API gives each thread its own reader of the registry

    def answer(line: str) -> tuple[str, str | None]:
        found = exitcheck.lookup(registry, line)
        return found.decision, found.match.method if found.match else None

    alone = [answer(line) for line in lines]
    assert {decision for decision, _ in alone} == {"match"}
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(answer, lines)) == alone
