"""A registry Chinese name as a word of Chinese text, an everyday brand beside its trade, and
names inside machine payloads (EMV QR codes, authenticator URIs, app links, hosts with symbols):
each surfaces its entity; hard negatives of the same shapes stay as they were."""

from __future__ import annotations

import json

import pytest

from exitcheck.matching import match, match_many
from exitcheck.matching.decoding import decode
from exitcheck.matching.names import a_word
from exitcheck.store.loading import load, shipped_registry

INDEX = load([shipped_registry()], use_cache=False).index


def _answer(query: str) -> tuple[str, str | None]:
    result = match(INDEX, query)
    first = result.candidates[0].entity_id if result.candidates else None
    return result.decision, result.entity_id or (first if result.decision != "none" else None)


@pytest.mark.parametrize(
    ("run", "start", "end", "word"),
    [
        ("与火币对接", 1, 3, True),
        ("数字货币安全", 3, 5, False),  # 货币 and 安全 cross 币安
        ("平安银行", 1, 3, False),  # 银行 crosses 安银
        ("比特币行情", 2, 4, False),  # 行情 crosses 币行
        ("我在币安买了", 2, 4, True),
    ],
)
def test_a_word_is_crossed_by_no_common_word(run: str, start: int, end: int, word: bool) -> None:
    assert a_word(run, start, end) is word


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("听说库币最近要清退大陆用户", ("ambiguous", "kucoin")),
        ("我一直用欧易做合约", ("ambiguous", "okex")),
        ("不是币安官方客服", ("ambiguous", "binance")),  # a veto: review, never none
        ("【腾讯会议】与富途对接会议", ("match", "futu")),  # a sender's tag set aside
        ("报销：火币会员费", ("match", "huobi")),
        ("区块链123 数据服务费 2022年度", ("match", "qkl123")),
        # hard negatives: the characters of a name across two words
        ("比特币行情走势分析", ("none", None)),
        ("数字货币安全指南", ("none", None)),
        ("平安银行信用卡中心", ("none", None)),
        ("苏州路印刷厂", ("none", None)),
        ("关于币行情的问题请咨询客服", ("none", None)),
        # a tag with an affiliate's place is no sender's
        ("【日本】火币交易所通知", ("ambiguous", "huobi")),
        # a tag before the name is another party's, which names no registry entity: the name
        # is the cell's answer (issue 24's policy; 'context._unattached')
        ("【某某】火币", ("match", "huobi")),
    ],
)
def test_chinese_names_in_chinese_text(query: str, expected: tuple[str, str | None]) -> None:
    assert _answer(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Tiger 港股 开户资料", ("ambiguous", "tiger-brokers")),
        ("Gate — 2FA reset request", ("ambiguous", "gate-io")),
        ("Keystone — seed phrase backup", ("ambiguous", "keystone")),
        ("Keystone · Operations Intern · 2020–2021", ("ambiguous", "keystone")),
        ("Gate 月度复盘", ("ambiguous", "gate-io")),
        # the everyday meaning, another firm or another trade: none as before
        ("Tiger Balm | Account Executive", ("none", None)),
        ("Tiger Beer 啤酒 批发", ("none", None)),
        ("Gate 大门 安装", ("none", None)),
        ("Gate: visitor sign-in", ("none", None)),
        ("Keystone Property Group", ("none", None)),
        ("Spark Plug Supply Co", ("none", None)),
    ],
)
def test_everyday_brands_beside_their_trade(query: str, expected: tuple[str, str | None]) -> None:
    assert _answer(query) == expected


EMV = "0002010102115204599953037025802SG59{n:02d}{name}6009SINGAPORE6304ABCD"


@pytest.mark.parametrize(
    ("raw", "text", "undone"),
    [
        (EMV.format(n=7, name="BINANCE"), "BINANCE", ("EMV payment QR code",)),
        (EMV.format(n=12, name="KOPI TIAM SG"), "KOPI TIAM SG", ("EMV payment QR code",)),
        # a template whose length was miscounted by hand: the merchant before its city
        (
            "00020101021226390012sg.com.nets5204605153037025802SG5911MEXC GLOBAL6009SINGAPORE6304A1B2",
            "MEXC GLOBAL",
            ("EMV payment QR code",),
        ),
        ("000201", "000201", ()),  # no merchant field
        (
            "otpauth://totp/Bitget:ann@example.com?secret=JBSWY3DP&issuer=Bitget",
            "Bitget",
            ("authenticator URI",),
        ),
        ("otpauth://totp/Acme%20Co:ann", "Acme Co", ("authenticator URI",)),  # the label's issuer
        ("otpauth://totp/ann?secret=JBSWY3DP", "otpauth://totp/ann?secret=JBSWY3DP", ()),
    ],
)
def test_payloads_are_read_as_the_name_they_hold(
    raw: str, text: str, undone: tuple[str, ...]
) -> None:
    assert decode(raw) == (text, undone)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EMV.format(n=7, name="BINANCE"), ("match", "binance")),
        (EMV.format(n=12, name="KOPI TIAM SG"), ("none", None)),
        ("otpauth://totp/KuC0in:alice?issuer=KuC0in", ("ambiguous", "kucoin")),
        ("otpauth://totp/Acme%20Shipping:ann?issuer=Acme%20Shipping", ("none", None)),
        ("tpoutside://pull?param=%7B%7D", ("ambiguous", "tokenpocket")),
        ("wxp://f2f0aB3kXyZ9pQm4LrT", ("ambiguous", "wechat")),
        ("imtokenv2://navigate?screen=DappView&url=https://app.uniswap.org", ("match", "imtoken")),
        ("zoommtg://zoom.us/join?confno=8812", ("none", None)),
        ("f2poo1.com – worker login", ("ambiguous", "f2pool")),
        ("bitg3t.com 2FA backup", ("ambiguous", "bitget")),
        ("acm3.com login", ("none", None)),
    ],
)
def test_names_inside_machine_payloads(query: str, expected: tuple[str, str | None]) -> None:
    assert _answer(query) == expected


def test_the_gate_reads_payloads_as_match_does() -> None:
    """The gate would answer an ASCII payload of no registry word none by itself: it must
    decode it first."""
    queries = [
        EMV.format(n=7, name="BINANCE"),
        "otpauth://totp/Bitget:ann?issuer=Bitget",
        "wxp://f2f0aB3kXyZ9pQm4LrT",
        "Gate 月度复盘",
        "听说库币最近要清退大陆用户",
    ]
    many = match_many(INDEX, queries)
    one = [match(INDEX, q, limit=0) for q in queries]
    assert [(r.decision, r.entity_id) for r in many] == [(r.decision, r.entity_id) for r in one]
    assert many[0].entity_id == "binance" and many[1].entity_id == "bitget"


def test_the_answer_names_the_payload(cli) -> None:
    status = json.loads(cli("status", "--json", "--", EMV.format(n=7, name="BINANCE")).stdout)
    assert status["match"]["decoded"] == ["EMV payment QR code"]
    assert status["entity"]["id"] == "binance"
    chinese = cli("status", "--lang", "zh", "--", EMV.format(n=7, name="BINANCE")).stdout
    assert "EMV支付二维码" in chinese


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("[12/03/2023, 14:25:47] Li Wei: B安 的账户也冻了", ("ambiguous", "binance")),
        ("14:07 老李: 撤回了一条消息 / 火b 那边呢", ("ambiguous", "huobi")),
        ("今天去K歌 然后去医院做B超检查", ("none", None)),  # letters of everyday words
    ],
)
def test_a_letter_for_a_character_in_a_longer_text(
    query: str, expected: tuple[str, str | None]
) -> None:
    assert _answer(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Customer works for Keystone; employer letter requested.", ("ambiguous", "keystone")),
        ("refund requested from Gate after the delisting", ("ambiguous", "gate-io")),
        ("We visited the Gate yesterday", ("none", None)),  # an article: the everyday word
        ("Keystone Roofing and Siding", ("none", None)),  # another firm's name
    ],
)
def test_an_everyday_brand_named_in_a_sentence(
    query: str, expected: tuple[str, str | None]
) -> None:
    assert _answer(query) == expected
