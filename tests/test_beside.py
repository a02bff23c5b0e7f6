"""What stands beside a matched name (matching/beside.py): one reading for every match, its
brackets read by the context rules too; and a compound's short last word made another word."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.matching import match, match_many
from exitcheck.matching.beside import bracketed
from exitcheck.matching.names import words
from exitcheck.matching.slips import is_slip, short_part_changed
from exitcheck.store.loading import load, shipped_registry

INDEX = load([shipped_registry()], use_cache=False).index
MIX = Path(__file__).resolve().parents[1] / "tools" / "data" / "match17" / "others17.txt"
BRANDS = {"Binance": "binance", "Bybit": "bybit", "KuCoin": "kucoin", "Bitget": "bitget"}
BRANDS |= {"Gate.io": "gate-io", "MEXC": "mexc", "Huobi": "huobi"}


@pytest.mark.parametrize(
    ("query", "entity", "why"),
    [
        ("Binance Pool", "binance", "product's or unit's word (Pool)"),
        ("Bybit Wallet", "bybit", "product's or unit's word (Wallet)"),
        ("KuCoin (Swap)", "kucoin", "in brackets (swap)"),
        ("Binance钱包", "binance", "product's or unit's word (钱包)"),
        ("Binance FZE", "binance", "legal form of one jurisdiction (FZE)"),
        ("Bybit GmbH", "bybit", "(GmbH)"),
        ("Gate.io S.A.", "gate-io", "(S.A.)"),
        ("Huobi Holdings GmbH", "huobi", "(GmbH)"),  # past the name's own generic words
        ("OOO Binance", "binance", "(OOO)"),  # before the name
        ("株式会社Bybit", "bybit", "(株式会社)"),
        ("Binance 有限公司", "binance", "(有限公司)"),
        ("火币株式会社", "huobi", "(株式会社)"),
        ("Binance Россия", "binance", "country's name (Россия)"),
        ("Bitget 튀르키예", "bitget", "country's name"),
        ("Сбербанк Binance", "binance", "bank's name (Сбербанк)"),
        ("OKX GBR", "okex", "(GBR)"),  # GBR or GbR: another company either way
        ("PAYMENT TO KUCOIN GBR", "kucoin", "(GBR)"),
        ("Pty Ltd Binance", "binance", "(Pty)"),
        ("微信：wx_12345", "wechat", "account's handle"),  # a contact's channel
        ("联系方式：微信 13800000000", "wechat", "account's handle"),
        ("Company: Bybit EU; Website: bybit.com", "bybit", "code in capitals (EU)"),
        ("微信群", "wechat", "unit's word (群)"),  # an app's everyday compound
        ("微信转账 200元", "wechat", "unit's word (转账)"),
    ],
)
def test_what_stands_beside_the_name_makes_a_match_review(
    query: str, entity: str, why: str
) -> None:
    result = match(INDEX, query)
    assert (result.decision, result.candidates[0].entity_id) == ("ambiguous", entity), query
    assert why in result.reason, result.reason


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("imToken Wallet", "imtoken"),  # its own name holds the word
        ("TokenPocket Wallet", "tokenpocket"),  # another of its names does ('TP Wallet')
        ("Sparkpool mining pool", "sparkpool"),  # a pool's name holds 'pool'
        ("BTC.TOP Pool", "btc-top"),  # others.toml lists it among the mining pools
        ("Huobi Pool", "huobi-pool"),  # the pool is its own entity
        ("Transfer to Bybit wallet 0x12ab", "bybit"),  # the sentence's word, in lower case
        ("Bybit Ltd", "bybit"),  # an English form says nothing
        ("CoinGecko Pte. Ltd.", "coingecko"),  # Singapore: a seat of the platforms
        ("币安有限公司", "binance"),  # how Chinese writes a company's name
        ("Paid Binance AS agreed", None),  # 'as' in capitals in a sentence is no form alone
        ("OKX AND BINANCE", None),  # a code that is an English word
        ("富途牛牛 V12.21.7808 Windows版", "futu"),  # a version is no account's handle
        ("币安 2021-09-26 公告", "binance"),  # nor a date
        ("鱼池F2Pool 矿池", "f2pool"),
        (
            "向火币转账 500 USDT",
            "huobi",
        ),  # a transfer to the platform  # nor a Latin name glued to the Chinese one
        ("Binance Holdings Limited", "binance"),  # a holding company is the platform's own
        ("火币科技控股有限公司", "huobi"),
    ],
)
def test_a_word_of_its_own_kind_or_a_sentence_s_keeps_the_answer(
    query: str, entity: str | None
) -> None:
    result = match(INDEX, query)
    if entity is None:
        assert "stands beside" not in result.reason, result.reason
    else:
        assert (result.decision, result.entity_id) == ("match", entity), result.reason


@pytest.mark.parametrize(
    ("inside", "qualifies"),
    [
        ("Kazakhstan", True),
        ("EU", True),
        ("Pay", True),
        ("clone", True),
        ("Россия", True),
        ("united arab emirates", True),
        ("Seychelles", False),  # where platforms register
        ("BNB", False),  # a code: its own ticker
        ("garden kitchen", False),
    ],
)
def test_brackets_are_read_one_way(inside: str, qualifies: bool) -> None:
    """The context rules and ``beside`` read the words in brackets through ``bracketed``."""
    assert (bracketed(words(inside)) is not None) is qualifies
    assert (match(INDEX, f"Binance ({inside})").decision == "match") is not qualifies


def test_a_licensed_place_in_brackets_is_read_for_a_match_only() -> None:
    assert bracketed(words("Malta")) is None  # the context rules: a seat, maybe
    assert bracketed(words("Malta"), (frozenset(), frozenset())) is not None
    assert match(INDEX, "Binance (Malta)").decision == "ambiguous"


@given(
    st.sampled_from(sorted(BRANDS)),
    st.sampled_from(["GmbH", "AG", "FZE", "FZCO", "Pty Ltd", "S.A.", "Sp. z o.o.", "UAB", "OOO"]),
    st.sampled_from(["{b} {f}", "{f} {b}", "Payment to {b} {f} ref 1182", "{b} Holdings {f}"]),
)
@settings(max_examples=60, deadline=None)
def test_a_platform_with_a_local_legal_form_is_never_a_match(
    brand: str, form: str, shape: str
) -> None:
    query = shape.format(b=brand, f=form)
    result = match(INDEX, query)
    assert result.decision != "match", (query, result.reason)
    assert match_many(INDEX, [query])[0].decision == result.decision


def test_a_short_last_word_made_another_word_is_no_slip() -> None:
    assert is_slip("coinmarketcal", "coinmarketcap")  # p and l are neighbours on the keys
    assert short_part_changed("coinmarketcal", "coinmarketcap", "CoinMarketCap")
    assert not short_part_changed("coinmarketcao", "coinmarketcap", "CoinMarketCap")  # no word
    assert not short_part_changed("coinmarketcab", "coinmarketcap", "CoinMarketCap")  # heard
    assert not short_part_changed("coinmarketcsp", "coinmarketcap", "CoinMarketCap")  # inside
    assert not short_part_changed("bitmarl", "bitmart", "BitMart")  # a last part of four
    assert match(INDEX, "CoinMarketCal").decision == "ambiguous"
    assert match(INDEX, "Coinmarketcao").entity_id == "coinmarketcap"
    assert match(INDEX, "BBB complaint — Business: CoinMarketCal — Status: Open").decision == "none"


def test_a_name_with_another_ending_is_a_name_of_its_own() -> None:
    assert match(INDEX, "FCA FS Register · Coinext · FRN 539802").decision == "none"
    assert match(INDEX, "Paid to Binances account").decision == "ambiguous"  # a plural's s
    assert match(INDEX, '"beneficiaryVASP": {"name": "Hex Trust", "country": "SG"}').decision == (
        "none"
    )


def test_the_mix_of_other_companies_stays_out() -> None:
    names = [
        line for line in MIX.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
    ]
    answers = match_many(INDEX, names)
    assert len(names) >= 2000
    assert not [n for n, a in zip(names, answers, strict=True) if a.decision == "match"]
    assert sum(a.decision == "ambiguous" for a in answers) <= len(names) // 100


def test_keys_that_do_not_touch_are_no_slip() -> None:
    """Rows of keys are staggered: 'g' touches 'v' and 'b' below it, not 'n' ('Bit Net' is
    another name than Bitget); 'f' beside it and 'b' below it are slips of the hand."""
    assert not is_slip("bitnet", "bitget")
    assert is_slip("bitfet", "bitget") and is_slip("bitbet", "bitget")
    assert not is_slip("qucoin", "kucoin") and is_slip("kucoim", "kucoin")  # n and m touch
    assert match(INDEX, "Bit Net Holdings").decision == "ambiguous"
    assert match(INDEX, "Bitbet").entity_id == "bitget"


def test_changed_initials_are_other_initials() -> None:
    """A name that begins with initials ('TP Wallet'): a query that swaps or replaces them names
    other initials, another firm's ('PT Wallet Co.'), review; a slip elsewhere stays one."""
    from exitcheck.matching.slips import initials_changed

    assert initials_changed("ptwallet", "tpwallet", "TP Wallet")
    assert initials_changed("tbwallet", "tpwallet", "TP Wallet")
    assert not initials_changed("tpwalet", "tpwallet", "TP Wallet")
    assert not initials_changed("binanse", "binance", "Binance")  # no initials
    assert not initials_changed("kcoin", "kucoin", "KuCoin")  # a syllable, no initials
    assert match(INDEX, "PT Wallet Co.").decision == "ambiguous"
    assert match(INDEX, "TP Walet").entity_id == "tokenpocket"


def test_a_reference_in_capitals_after_a_chinese_name_is_no_handle() -> None:
    """'INV-4411' after 币安 is an invoice's reference, not a contact's handle: the payment
    note stays a match (hypothesis found it in tests/test_matching_context.py)."""
    assert match(INDEX, "Payment to 币安 INV-4411").entity_id == "binance"


def test_a_registered_name_one_letter_off_is_another_company() -> None:
    """A name with a legal form is written as registered: one letter off is another firm
    ('Coinexx Limited', a broker, is not CoinEx), review; the bare slip still matches."""
    assert match(INDEX, "Coinexx Limited").decision == "ambiguous"
    assert match(INDEX, "Binanse").entity_id == "binance"
