"""A registry name inside longer text (matching/context.py), Cantonese readings and Japanese
press forms (nearby.cantonese, review.other_script), app ids and deep links: one test per rule,
one per veto, and properties over noise."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.matching import match
from exitcheck.matching.context import METHOD, _vocab
from exitcheck.store.loading import load, shipped_registry
from tests.evalsets import queries
from tests.shipped import INDEX
from tests.shipped import answer as _answer


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Payment to Binance Holdings Ltd", "binance"),  # payment wording, legal form
        ("Pay to the order of Huobi Global Ltd USD 5,000.00 value 2021-09-30", "huobi"),
        ("FBO KuCoin, ref INV-20211012", "kucoin"),
        ("c/o Bitget Ltd", "bitget"),
        (":59:/123456789\nBINANCE HOLDINGS LIMITED\n2/ORCHARD ROAD 1\n3/SG/SINGAPORE", "binance"),
        ("Cdtr Nm: OKCoin", "okcoin"),  # ISO 20022
        (":59:/998877\nGATE IO", "gate-io"),  # SWIFT character set: dots dropped
        ("Client says funds came from his Binance account, closed 2021.", "binance"),  # KYC
        ("客户称资金来自其币安账户，已于2021年关闭", "binance"),
        ("Оплата Binance Ltd по договору", "binance"),  # another script around the name
        ("Binance'e ödeme", "binance"),  # a suffix after an apostrophe
        ("Chuyển tiền cho Binance", "binance"),
        ("\u200fتحويل إلى Binance\u200f", "binance"),  # bidi marks
        ("Bitget Ltd, 1 Raffles Place, #44-01, Singapore 048616", "bitget"),  # an address
        ("币安中文社区", "binance"),  # a channel
        ("Huobi Official Channel", "huobi"),
        ("Mek Global Ltd d/b/a KuCoin", "kucoin"),  # the registry name is the trading name
        ("OKX f/k/a OKEx", "okex"),  # both names the entity's
        ("BinanceHoldingsLimited", "binance"),  # run together
        ("KuCoinGlobalLtd", "kucoin"),
        ("BINANCEHOLDINGSLIMITED", "binance"),  # run together in capitals
        ("FUTU US Equity", "futu"),  # a listing: the exchange's code set aside
        (
            "北京火币天下网络技术有限公司 统一社会信用代码：91110108MA01XXXX5A",
            "beijing-huobi-tianxia",
        ),
        ("Binance Holdings Ltd, CR No. 1234567", "binance"),
        ("com.binance.dev", "binance"),  # an app's package id
        ("com.kucoin.exchange.android", "kucoin"),
    ],
)
def test_a_distinctive_name_among_noise_is_a_match(query: str, entity: str) -> None:
    result = match(INDEX, query)
    assert (result.decision, result.entity_id) == ("match", entity)
    assert result.method == METHOD
    assert result.reason  # names the rule: what the name stands among


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Payment to Huobi Japan KK", None),  # an affiliate place
        ("Payment to Binance US", None),
        ("Zahlung an Binance Deutschland", None),
        ("Beneficiary: Binance Labs Fund", "binance"),  # a division
        ("BinanceLabsLtd", "binance"),
        ("Binance Support Official", "binance"),  # a support account
        ("币安客服", "binance"),
        ("Fake Binance Official", "binance"),  # an impostor
        ("Binance VIP Signals", "binance"),
        ("Client says he never used Binance", "binance"),  # a negation
        ("Payment to Binance and OKX", None),  # two registry names
        ("Acme Ltd f/k/a Binance", "binance"),  # formerly another company
        ("Binance t/a ABC Ltd", "binance"),  # the registry name is not the trading name
        ("Binance, 1 Main Street, San Francisco, USA", "binance"),  # an affiliate's address
    ],
)
def test_a_veto_or_an_unknown_word_keeps_review(query: str, entity: str | None) -> None:
    decision, got, method = _answer(query)
    assert decision != "match", (query, method)
    if entity is not None:
        assert (decision, got) == ("ambiguous", entity)


@pytest.mark.parametrize(
    "query",
    [
        "Payment to Tiger Airways",
        "c/o Keystone Foods",
        "Payment to Keystone",  # an everyday word: no corroborating word
        ":59:/123456789\nHSBC BANK PLC\n2/8 CANADA SQUARE\n3/GB/LONDON",
        "Client says funds came from his HSBC account",
        "KeystoneFoodsLLC",
        "TigerAirwaysHoldings",
        "HUOBIAN LTD",  # a name run together with a word that is not a company word
        "腾讯科技（深圳）有限公司 统一社会信用代码 9144030071526726XG",
        "Tiger Official Channel",
        "区块链闻名世界",  # 链闻 inside other words: not a whole word
        "com.google.android.gm",
    ],
)
def test_other_companies_in_the_same_wording_are_not_matched(query: str) -> None:
    assert match(INDEX, query).decision != "match"


def test_context_words_are_data() -> None:
    vocab = _vocab()
    assert {"payment", "beneficiary", "fbo", "says", "registration"} <= vocab["noise"]
    assert {"support", "labs", "fake", "not"} <= vocab["veto"]
    assert {"japan", "us"} <= vocab["veto"]  # the affiliate places veto
    assert "us" not in vocab["noise"]
    assert {"中文社区", "统一社会信用代码", "收款方"} <= vocab["noise_zh"]
    assert {"客服", "日本"} <= vocab["veto_zh"]


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Fo Bai", "huobi"),  # Hong Kong government spelling of 火币
        ("Foo Bai", "kucoin"),  # 库币
        ("Bai On Exchange", "binance"),  # 币安, with a generic word
        ("Chi Ma Hoi Mun", "gate-io"),  # 芝麻开门
        ("Fei Siu Ho", "feixiaohao"),  # 非小号
    ],
)
def test_a_cantonese_reading_is_review(query: str, entity: str) -> None:
    result = match(INDEX, query)
    assert (result.decision, result.candidates[0].entity_id) == ("ambiguous", entity)
    assert result.candidates[0].method in ("cantonese", "sounds_like")


@pytest.mark.parametrize("query", ["Hong Kong Land", "Hang Seng Bank", "Wing Lung Bank"])
def test_hong_kong_names_that_read_as_no_registry_name_are_none(query: str) -> None:
    assert match(INDEX, query).decision == "none"


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("バイナンス取引所", "binance"),
        ("フォビ株式会社", "huobi"),
        ("クーコイン取引所", "kucoin"),
        ("オーケーコイン・ジャパン株式会社", "okcoin"),  # an affiliate: review, never a match
    ],
)
def test_japanese_press_forms_are_review(query: str, entity: str) -> None:
    result = match(INDEX, query)
    assert (result.decision, result.candidates[0].entity_id) == ("ambiguous", entity)


@pytest.mark.parametrize("query", ["トヨタ自動車株式会社", "ソニーグループ株式会社"])
def test_other_japanese_companies_are_none(query: str) -> None:
    assert match(INDEX, query).decision == "none"


@pytest.mark.parametrize(
    ("query", "decision", "entity"),
    [
        ("binance://trade", "match", "binance"),
        ("com.tigerbrokers.stock", "ambiguous", "tiger-brokers"),  # not an exact name: review
        ("com.keystone.wallet", "ambiguous", "keystone"),  # an everyday word: review
        ("org.telegram.messenger", "none", None),
    ],
)
def test_app_ids_and_deep_links(query: str, decision: str, entity: str | None) -> None:
    got_decision, got, _ = _answer(query)
    assert got_decision == decision
    if entity is not None:
        assert got == entity


# --------------------------------------------------------------------------------------------
# Properties

NOISE = [
    "Payment to",
    "Pay to the order of",
    "FBO",
    "Attn:",
    "Beneficiary:",
    "Ref",
    "USD 5,000.00",
    "value date 2021-09-30",
    "INV-4411",
    ":59:/123456789",
    "Client says funds came from his",
    "account, closed 2021.",
    "Ltd",
    "Holdings Limited",
    "Official",
    "中文社区",
    "Оплата",
    "转账",
    "金额5000元",
    "Cdtr Nm:",
    "CR No. 1234567",
]
DISTINCTIVE = {
    "Binance": "binance",
    "Huobi Global": "huobi",
    "KuCoin": "kucoin",
    "Bitget": "bitget",
    "币安": "binance",
    "OKCoin": "okcoin",
    "Matrixport": "matrixport",
}
EVERYDAY = ["Keystone", "Tiger", "Spark", "Matrix", "Bee", "Mars", "Pocket", "Loop"]

noise = st.lists(st.sampled_from(NOISE), min_size=1, max_size=4, unique=True)


FORMS = ["Ltd", "Holdings Limited"]
NOTES = [n for n in NOISE if n not in FORMS]
# after the name, not a phrase whose first word is a unit's or product's: 'Binance Pay to the
# order of' names Binance Pay as much as a payment (review, ``context.attached``)
NOTES_AFTER = [n for n in NOTES if n.split()[0].casefold() not in _vocab()["attached"]]


@settings(max_examples=150, deadline=None)
@given(
    before=st.lists(st.sampled_from(NOTES), min_size=1, max_size=4, unique=True),
    form=st.sampled_from(["", *FORMS]),
    after=st.lists(st.sampled_from(NOTES_AFTER), max_size=3, unique=True),
    name=st.sampled_from(sorted(DISTINCTIVE)),
)
def test_noise_around_a_distinctive_name_matches(
    before: list[str], form: str, after: list[str], name: str
) -> None:
    """A legal form stands right after the name, as its own; elsewhere, beside a number and
    other words ('… USD 5,000.00 Ltd account'), it may make another company (review)."""
    query = " ".join(w for w in [*before, name, form, *after] if w)
    assert match(INDEX, query).entity_id == DISTINCTIVE[name], query


@settings(max_examples=150, deadline=None)
@given(
    before=noise,
    after=st.lists(st.sampled_from(NOISE), max_size=3, unique=True),
    word=st.sampled_from(EVERYDAY),
)
def test_noise_around_an_everyday_word_never_matches(
    before: list[str], after: list[str], word: str
) -> None:
    query = " ".join([*before, word, *after])
    assert match(INDEX, query).decision != "match", query


@settings(max_examples=150, deadline=None)
@given(parts=noise)
def test_noise_alone_is_none(parts: list[str]) -> None:
    query = " ".join(parts)
    assert match(INDEX, query).decision == "none", query


@pytest.mark.parametrize(
    ("query", "decision", "entity"),
    [
        ("NASDAQ: TIGR", "match", "tiger-brokers"),  # a ticker beside its exchange
        ("HKEX: 01428", "match", "bright-smart"),  # a Hong Kong code, leading zero
        ("BIDU", "ambiguous", "baidu"),  # a ticker alone: review
        ("NYSE: GT", "ambiguous", "gate-io"),  # a token is not a ticker (Goodyear): review
        ("NASDAQ: TSLA", "none", None),
    ],
)
def test_stock_tickers(query: str, decision: str, entity: str | None) -> None:
    got_decision, got, _ = _answer(query)
    assert got_decision == decision
    if entity is not None:
        assert got == entity


@pytest.mark.parametrize(
    "query",
    [
        "Bright Smart, 1428 Equity Road",  # an address: a house number on Equity Road
        "Bright Smart Equity 1428",  # another firm's name with a number after it
        "1428 Bright Smart Equity Fund",  # a fund's name, a number before it
        "Bright Smart Equity 1428 Ltd",
    ],
)
def test_a_number_beside_an_everyday_name_is_no_listing(query: str) -> None:
    """An everyday-word registry name is corroborated by its company's stock code only where
    the code reads as a listing ('HKEX 01428', '1428 HK Equity'), not by a number anywhere
    in a text that holds the word 'Equity' (a street's, a fund's name)."""
    decision, _, _ = _answer(query)
    assert decision != "match", query


@pytest.mark.parametrize(
    "query",
    [
        "HKEX 01428 Bright Smart",
        "Bright Smart HKEX 1428",
        "SEHK 01428 Bright Smart",
        "Bright Smart (SEHK: 1428)",
        "Bright Smart 1428 HK Equity",
        "1428 HKEX Bright Smart",
    ],
)
def test_an_everyday_name_beside_its_listing_is_a_match(query: str) -> None:
    assert _answer(query)[:2] == ("match", "bright-smart"), query


def test_a_pre_filter_may_skip_only_what_the_rule_leaves_alone() -> None:
    """``may_answer`` False means ``in_context`` leaves a ``none`` as it is: checked on every
    query of the evaluation set and of the mix of other companies."""
    from pathlib import Path

    from exitcheck.matching.context import in_context, may_answer
    from exitcheck.matching.results import none

    data = Path(__file__).parent / "data"
    texts = queries(data / "match_eval.tsv") + queries(data / "company_mix.txt")
    texts += ["Payment to KuCoinLtd", "NASDAQ: BIDU", "BIDU", "客户称资金来自其币安账户"]
    skipped = answered = 0
    for text in texts:
        text = (
            text.encode("ascii", "backslashreplace").decode("unicode_escape")
            if "\\u" in text
            else text
        )
        answer = in_context(INDEX, none(text, "", "no name is close enough to be sure"), text)
        if not may_answer(INDEX, text):
            skipped += 1
            assert answer is None, text
        answered += answer is not None
    assert skipped > 1000 and answered > 100


@pytest.mark.parametrize(
    "query", ["Binance Singapore", "Binance HK", "Binance Ltd Hong Kong", "Huobi Dubai"]
)
def test_a_place_beside_the_name_is_not_an_address(query: str) -> None:
    """A registration place right after the name may be an affiliate's: review; after a
    comma, as part of an address, it is noise."""
    assert match(INDEX, query).decision == "ambiguous"
    assert match(INDEX, "Binance Holdings Ltd, Mahe, Seychelles").decision == "match"


@settings(max_examples=100, deadline=None)
@given(
    before=st.lists(st.sampled_from(NOISE), max_size=3, unique=True),
    name=st.sampled_from([*DISTINCTIVE, *EVERYDAY, "KUCOINLTD", "BitgetLimited", "TIGR", "BIDU"]),
    after=st.lists(st.sampled_from([*NOISE, "NASDAQ:", "US Equity"]), max_size=3, unique=True),
)
def test_the_screening_gate_keeps_these_answers(
    before: list[str], name: str, after: list[str]
) -> None:
    """``match_many`` (the gate in front of the steps) answers these as ``match`` does."""
    from exitcheck.matching import match_many

    index = load([shipped_registry()], use_cache=True).index
    index.preload()
    query = " ".join([*before, name, *after])
    assert match_many(index, [query]) == [match(index, query, limit=0)], query


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("ⓑⓔⓔⓡ 转账至币安", "binance"),
        ("火币科技控股有限公司 - Ⓖⓔⓒⓚⓞ Ⓡⓞⓑⓞⓣⓘⓒⓢ", "huobi"),
        ("路印科技. D̖̤́B̰̈̃Ş͓͐ B̖̤́ä̰̃ņ͓͐ḱ̖̤", "loopring"),
        ("备注：火币全球站 技术服务、Foùndry、Cobalt Metals'te", "huobi"),
    ],
)
def test_a_chinese_name_beside_styled_letters_is_answered(text: str, entity: str) -> None:
    """Circled letters and combining marks split into words otherwise than the phrases do: a
    Chinese name among them was answered with an internal error, which stopped a whole screen."""
    from exitcheck.matching import match_many

    result = match(INDEX, text)
    first = result.candidates[0].entity_id if result.candidates else None
    assert (result.entity_id or first) == entity
    assert match_many(INDEX, [text], 75.0) == [match(INDEX, text, limit=0)]


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Binance TR 12345678", "binance"),  # a country's code: Binance TR is another platform
        ("Binance US 12345678", "binance"),
        ("Huobi HK 1234567", "huobi"),
        ("Tiger Brokers NZ 12345678", "tiger-brokers"),
        ("Binance LABS 1234567", "binance"),  # an affiliate's word in capitals
        ("Huobi Trust ID: 12345", "huobi"),  # a word of the name before a label
        ("Binance Cloud ID: 12345", "binance"),
        ("币安 热币：100", "binance"),
        ("山寨：币安", "binance"),  # a fake's mark before a colon is no field's label
        ("火币 信托：123", "huobi"),
    ],
)
def test_a_code_or_label_that_may_be_a_name_keeps_review(query: str, entity: str) -> None:
    """Machine text read as noise (a code before a number, a field's label) must not take
    away a word that makes the name another entity's, or another party's name."""
    assert _answer(query)[:2] == ("ambiguous", entity)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Transfer to Bybit UID 18827731", "bybit"),
        ("Binance order ID: 12345", "binance"),
        ("Binance Txn Hash: 0x88d2", "binance"),
        ("收款方：火币", "huobi"),
        ("被告：火币", "huobi"),
    ],
)
def test_field_labels_and_codes_are_still_noise(query: str, entity: str) -> None:
    assert _answer(query)[:2] == ("match", entity)


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(["Binance", "Huobi", "KuCoin", "Bybit", "Tiger Brokers", "火币"]),
    word=st.sampled_from(sorted(_vocab()["veto"] | _vocab()["affiliate"])),
    shape=st.sampled_from(["{} {} 12345678", "{} {} UID 18827731", "{} {} ID: 12345"]),
)
def test_a_veto_or_place_beside_a_code_is_never_looked_past(
    name: str, word: str, shape: str
) -> None:
    """A word that makes the name another entity's or no platform's ('Binance FAKE',
    'Huobi KR'), in capitals or not, stays what it is beside a number or a field's label:
    the answer is a match only where the name and the word alone are one."""
    alone = match(INDEX, f"{name} {word}").decision
    for written in (word, word.upper()):
        query = shape.format(name, written)
        assert match(INDEX, query).decision != "match" or alone == "match", query


def test_another_company_beside_a_registry_companys_ticker_is_never_a_match() -> None:
    """'Frost Inc NASDAQ: BIDU', '3M Company 1428.HK': whose listing the ticker is, the cell
    does not say (review at most); the ticker with listing words alone still matches."""
    from pathlib import Path

    from exitcheck.matching import match_many

    names = queries(Path(__file__).parent / "data" / "company_mix.txt")[:300]
    shapes = ["{} NASDAQ: BIDU", "{} TIGR US Equity", "{} 1428.HK", "{} 9888 HK Equity"]
    cells = [shape.format(name) for name in names for shape in shapes]
    answers = match_many(INDEX, cells)
    matched = [c for c, a in zip(cells, answers, strict=True) if a.decision == "match"]
    assert matched == []
    assert [match(INDEX, q).decision for q in ("NASDAQ: BIDU", "1428.HK")] == ["match"] * 2


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("2023_Q4_Bitget_payout.xlsx", "bitget"),  # a word in lower case in its own field
        ("level: warn | venue: Binance | status: degraded", "binance"),  # labelled fields
        ("Bybit_onboarding_runbook_v2.docx", "bybit"),  # a file name's parts
        ("[INFO] 03:12 KuCoin: heartbeat timeout", "kucoin"),  # a log line
    ],
)
def test_a_name_that_fills_a_field_of_its_own_is_a_match(query: str, entity: str) -> None:
    """The other fields hold numbers, labels, note or everyday words, or words in lower case
    beside a name written with capitals: nothing that names another organisation."""
    assert _answer(query) == ("match", entity, "exact_in_field")


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Payment released by Bitget after chargeback", "bitget"),
        ("Transfer from KuCoin for chargeback", "kucoin"),
        ("Pago recibido de Bybit por comisión duplicada", "bybit"),
        ("Goods returned via Bitget after chargeback", "bitget"),  # an everyday first word
    ],
)
def test_a_capitalised_name_among_lower_case_words_is_a_match(query: str, entity: str) -> None:
    assert _answer(query) == ("match", entity, "exact_in_sentence")


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("venue=Binance region=JP", "binance"),  # an affiliate's place
        ("Bitget_Ventures_term_sheet.pdf", "bitget"),  # a unit of the group
        ("Escrow released by Bitget Ventures", "bitget"),
        ("Binance (acmepay.com)", "binance"),  # another site's domain
    ],
)
def test_another_party_beside_a_field_or_sentence_keeps_review(query: str, entity: str) -> None:
    assert _answer(query)[:2] == ("ambiguous", entity)


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(["Binance", "KuCoin", "Bybit", "Bitget", "TradingView", "Huobi"]),
    other=st.sampled_from(queries(Path(__file__).parent / "data" / "company_mix.txt")),
    mark=st.sampled_from([": ", " | ", " - ", "_", " = ", " → "]),
    first=st.booleans(),
)
def test_another_companys_name_in_another_field_is_never_a_match(
    name: str, other: str, mark: str, first: bool
) -> None:
    """Another company's name (the realistic mix) in a field beside the registry name, either
    order: never a confident match to the registry entity by the field or sentence rules."""
    query = f"{name}{mark}{other}" if first else f"{other}{mark}{name}"
    assert match(INDEX, query).method not in ("exact_in_field", "exact_in_sentence")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Intl", "HLDGS", "grp", "tech", "Guotai", "x_intl", "intl2", "sec."]),
        min_size=1,
        max_size=4,
    ),
    st.lists(st.sampled_from([" ", ", ", ".", "-", "_", "/", " (", ") ", "\t"]), min_size=4),
)
def test_a_text_is_written_out_as_the_pattern_writes_it(words: list[str], gaps: list[str]) -> None:
    """``_written_out`` leaves a printable ASCII text with no abbreviation among its words as
    it is without asking the pattern: the pattern finds none there either."""
    from exitcheck.matching.context import _abbreviation_pattern, _written_out
    from exitcheck.matching.decide import _abbreviations

    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    table = _abbreviations()
    want = _abbreviation_pattern().sub(lambda found: table[found[1].lower()], text)
    assert _written_out(text) == want


@pytest.mark.parametrize(
    "query",
    [
        # a product token with its version, its comment, another product: a User-Agent
        "Dalvik/2.1.0 (Linux; U; Android 11; Mi 10 Build/RKQ1.200826.002) Bybit/4.9.0",
        "OKX/6.70.1 (Macintosh; Intel Mac OS X 14_1) Electron/26.2.1",
        "level=warn venue=Binance status=degraded",  # the keys of key=value pairs
        "uid=svc-trading,ou=vendors,o=Matrixport",  # a directory's distinguished name
        "Kode verifikasi Bybit Anda: 556677",  # an account notice's words
        "Registrant: Bitget Limited",  # a registry record's label
        "【币安】尊敬的用户，您的提币请求已经处理完毕",  # a Chinese notice's clauses
        "纳税申报 — 支付方：库币",  # a filing's fields
        "Exhibit A — Counterparty: Bitget",  # a letter alone, outside the name's phrase
    ],
)
def test_a_name_in_the_wrapping_of_a_notice_form_or_machine_is_a_match(query: str) -> None:
    """Interfaces, notices, forms and machines write words around a name that name no one:
    the registry name among them matches."""
    decision, entity, method = _answer(query)
    assert decision == "match", (query, decision, entity, method)
    assert method.startswith("exact_in_")


@pytest.mark.parametrize(
    "query",
    [
        "KeystoneAutomotive/6.1.3 (iPhone; iOS 16.5)",  # the token names another company's app
        "HuobiTracker/1.2.0 (Android 13; Pixel 7)",  # a token that holds the name is its own
        "AcmeTrading/2.0.1 (Windows NT 10.0; Win64) Binance-Helper/1.0",
        "KuCoin Media Ltd",  # a word of a company's name beside the registry name
        "Your Bitget Security Services Ltd",
        "Bybit J Ltd",  # a letter in the name's phrase may be the name's
        "r/kucoin",  # a path: a forum's page
    ],
)
def test_the_wrapping_never_hides_another_party(query: str) -> None:
    assert _answer(query)[0] != "match"


@pytest.mark.parametrize(
    "query",
    [
        # a company related to a platform, or a platform's token, in any wrapping: review
        "Payee: Huobi Technology | Ref: 88123",
        "venue=Huobi Tech status=ok",
        "CN=Huobi Technology Holdings, O=Huobi Technology Holdings, C=SG",
        "okhttp/4.9.3 (Huobi Technology; build 12)",
        "Mining payout from KuCoin Shares 0.21 ETH",
        "Huobi_Token_statement_2023.pdf",
        "Binance_Smart_Chain_statement_2023.pdf",
        # a file name's underscores part a name's words: another firm's, a person's
        "Binance_Motors_statement_2023.pdf",
        "2023_Q4_Smith_Binance_payout.xlsx",
        "Maria_OKX_statement_2023.pdf",
        # a User-Agent's comment or token that names another company beside the name
        "okhttp/4.9.3 (Binance Motors; build 12)",
        "okhttp/4.9.3 (Smith Binance; build 12)",
        "Binance Dental/7.1.2 (iPhone; iOS 17.0; Scale/3.00)",
    ],
)
def test_a_wrapping_never_makes_an_affiliate_a_product_or_a_name_the_platform(
    query: str,
) -> None:
    decision, entity, method = _answer(query)
    assert decision != "match", (query, entity, method)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("[WARN] 12:03:44 connector KuCoin: timeout after 30s", "kucoin"),  # a log's level
        ("TokenPocket_Setup_1.8.6.exe", "tokenpocket"),
        ("TigerTrade/8.12.0 (Tiger Brokers; iOS 16.4)", "tiger-brokers"),  # the platform's app
        ("okhttp/4.9.3 (Binance; build 12)", "binance"),
        (
            "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
            "baidu",
        ),
    ],
)
def test_the_platforms_own_wrapping_still_matches(query: str, entity: str) -> None:
    decision, found, _ = _answer(query)
    assert (decision, found) == ("match", entity)


@pytest.mark.parametrize(
    "query",
    [
        "withdrawal via counterfeit Bitget",  # a word in lower case before the name
        "payment to bogus Bybit site",
        "cloned_Binance_login.html",
        "venue=copycat Binance status=ok",
        "Payee: rogue KuCoin",
        "refund from Bybit imitation for order 12",
        "withdrawal via turkish Binance",  # an affiliate place's adjective: Binance TR
        "Payee: japanese KuCoin",
    ],
)
def test_a_copy_a_rival_or_an_affiliate_said_in_lower_case_is_no_match(query: str) -> None:
    assert _answer(query)[0] != "match", query


@pytest.mark.parametrize(
    "query",
    [
        "我爱我家 币安",
        "你我贷 火币",
        "我的世界 币安",
        "库币 你我他科技",
        "币安_我爱我家_2023.xlsx",
    ],
)
def test_a_short_chinese_brand_with_clause_words_is_another_party(query: str) -> None:
    """A brand of a few characters may hold a pronoun or a particle ('我爱我家', '你我贷'):
    beside a registry name it is another party, not a notice's clause."""
    assert _answer(query)[0] != "match", query


# --------------------------------------------------------------------------------------------
# A registry name beside parties that name no registry entity; a name that stands apart


@pytest.mark.parametrize(
    ("query", "entity", "method"),
    [
        ("Client says funds came from his Binance and Coinbase accounts", "binance", METHOD),
        ("Payment to Binance ref Acme", "binance", "exact_apart"),
        ("Binance: 100 BKEX: 200", "binance", "exact_apart"),
        ("币安：100 热币：200", "binance", "exact_apart"),
        ("火币 - 深圳数字资产有限公司", "huobi", "exact_apart"),
        ("币安 与 腾讯", "binance", "exact_apart"),
        ("【我爱我家】火币", "huobi", "exact_apart"),
        ("Northwind Traders: Binance", "binance", "exact_apart"),
        ("Davis-Carter: Binance", "binance", "exact_apart"),
        ("Zentrix released funds to Bitget", "bitget", "exact_apart"),
        ("KuCoin | Zenith Widgets", "kucoin", "exact_name"),
        ("Escrow released by Zenith via KuCoin", "kucoin", "exact_apart"),
        ("escrow released by kucoin", "kucoin", "exact_apart"),
        ("ORG:KuCoin;Treasury Operations", "kucoin", "exact_in_text"),
        ("Harper & Lowe, Matrixport", "matrixport", "exact_name"),
        ("Binance, George Inc", "binance", "exact_name"),
        ("Huobi / Golden Harvest Trading", "huobi", "exact_name"),
        ("Bybit API", "bybit", "exact_apart"),  # an interface of it, no other entity
        ("Grand Total Matrixport", "matrixport", "exact_apart"),
        ("Bitget Subtotal", "bitget", "exact_apart"),
        ("火币 汇总", "huobi", METHOD),
        ("Etherscan API – Standard plan – USD 199.00", "etherscan", "exact_apart"),
    ],
)
def test_a_name_whose_other_words_name_no_registry_entity_is_matched(
    query: str, entity: str, method: str
) -> None:
    """Issue 24's labelling policy: one registry entity named beside words or parties that
    name none is that entity (the other parts of a list, the other phrases of a text)."""
    assert _answer(query) == ("match", entity, method)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Bybit, Bitget", "bybit"),  # two registry entities
        ("Binance; Taiwan", "binance"),  # only an affiliate's place in the other part
        ("KuCoin / impostor", "kucoin"),
        ("Binance, Binance Labs", "binance"),  # a unit of it in the other part
        ("Brightline Capital, formerly Bybit", "bybit"),  # a rename: whose name is it now?
        ("u/kucoin", "kucoin"),  # a site's page
        ("山寨：币安", "binance"),  # a copy's mark in another field
        ("Case 9021 – Binance Australia onboarding", "binance"),  # a country beside it
        ("OKX Türkiye – Giriş", "okex"),
        ("Vendor 4410 | KuCoin TH | Net 30", "kucoin"),  # a code in capitals
        ("Binance Malaysia Sdn Bhd", "binance"),
        ("Bitget Middle East FZE", "bitget"),  # a region
        ("币安 迪拜 汇总", "binance"),  # a country in Chinese
        ("Bybit Motors – invoice 2231", "bybit"),  # another company's word
        ("Golden KuCoin – onboarding", "kucoin"),
        ("KuCoin garden supplies – invoice 11", "kucoin"),  # lower case after the name
        ("Series: Bybit daily withdrawals", "bybit"),
        ("Kitchen Appliances (Bitget)", "bitget"),  # only in brackets beside other words
        ("Payment to Binance Pay ref 1123", "binance"),  # a product
        ("sites like Bybit", "bybit"),  # a comparison
        ("apps similar to KuCoin", "kucoin"),
        ("MEXC AT", "mexc"),  # a country's code ending a text in capitals
        ("Bitget Foundation", "bitget"),  # a unit set aside as a generic word
        ("富途 新加坡", "futu"),
    ],
)
def test_a_word_that_attaches_or_a_second_entity_keeps_review(query: str, entity: str) -> None:
    assert _answer(query)[:2] == ("ambiguous", entity)


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(["Binance", "KuCoin", "Bybit", "Bitget", "TradingView", "Matrixport"]),
    place=st.sampled_from(sorted(_vocab()["countries"])),
    form=st.sampled_from(["", " Ltd", " GmbH"]),
    wrap=st.sampled_from(
        ["{}", "Case 12 – {} onboarding", "Analyst · {} · 2020", "{} Total", "{}, Acme Ltd"]
    ),
    before=st.booleans(),
)
def test_a_country_beside_a_registry_name_is_never_a_match(
    name: str, place: str, form: str, wrap: str, before: bool
) -> None:
    """Any country or region of the vocabulary next to a registry name, before or after it, in
    any wrapping: another entity of the group or another company, never a match."""
    country = place.title()
    named = f"{country} {name}{form}" if before else f"{name} {country}{form}"
    assert match(INDEX, wrap.format(named)).decision != "match", named


@pytest.mark.parametrize(
    ("query", "entity", "why"),
    [
        ("Binance (Malta)", "binance", "licensed affiliates"),
        ("Memo: transfer to Gate.io (Dubai)", "gate-io", "licensed affiliates"),
        ("Beneficiary name: OKX [MX]", "okex", "another platform's ticker"),
        ("Invoice 77 – Binance GBR – USD 12.00", "binance", "country's code"),
        ("Smith v. Acme, as agent of Huobi", "huobi", "relation or denial"),
        ("Complaint 12: unlike Bitget, no reply", "bitget", "relation or denial"),
        ("收款方：火币支付", "huobi", "unit's word"),
        ("火币矿池 发票", "huobi", "unit's word"),
        ("Baidu Bakery, www.baidu.com", "baidu", "another trade"),
    ],
)
def test_what_stands_beside_a_name_makes_a_match_review(query: str, entity: str, why: str) -> None:
    """A match whose name has beside it a licensed place or another's ticker in brackets, a
    country's code, a relation or denial, a Chinese unit word or another trade is review."""
    result = match(INDEX, query)
    assert (result.decision, result.candidates[0].entity_id) == ("ambiguous", entity), query
    assert why in result.reason


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Huobi Global Limited (Seychelles)", "huobi"),  # an offshore seat: the same entity
        ("Bybit Fintech Ltd (Dubai)", "bybit"),  # a place after a legal form: its seat
        ("Row Labels: Binance (BNB)", "binance"),  # its own ticker
        ("向火币支付100元", "huobi"),  # a payment to Huobi
        ("鱼池矿池", "f2pool"),  # a pool's own name
        ("On behalf of Bitget Global, settlement USD 900", "bitget"),
        ("Receivable from agent – Tiger Brokers", "tiger-brokers"),  # another phrase
    ],
)
def test_a_name_with_its_own_seat_ticker_or_payment_still_matches(query: str, entity: str) -> None:
    assert match(INDEX, query).entity_id == entity, query
