"""The last review bands (matching/nearby.py), the sound key and initials (names.py) and the
mojibake round trips (decoding.py): one test per rule, and properties over any input."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.matching import match, nearby
from exitcheck.matching.decoding import (
    MOJIBAKE_GBK,
    MOJIBAKE_GBK_LATIN,
    MOJIBAKE_LATIN,
    MOJIBAKE_LOSSY,
    decode,
    repair_mojibake,
)
from exitcheck.matching.names import initials, sound_key
from exitcheck.matching.results import none
from exitcheck.store.loading import load, shipped_registry

INDEX = load([shipped_registry()], use_cache=False).index


def _review(query: str) -> tuple[str, str | None, str | None]:
    """(decision, first candidate, its method) of an answer."""
    result = match(INDEX, query)
    first = result.candidates[0] if result.candidates else None
    return result.decision, first and first.entity_id, first and first.method


# --------------------------------------------------------------------------------------------
# The sound key and initials (pure)


@pytest.mark.parametrize(
    ("spellings", "sound"),
    [
        (["binance", "bainansu", "bynns", "mpainans", "vynns", "aibaenns"], "bns"),
        (["tradingview", "treydingvyu", "teuleidingbyu", "toredeingubiyu"], "trdngb"),
        (["kucoin", "kookoin", "koukoin"], "kn"),
        (["loopring", "lupring"], "rprng"),
        (["tokenpocket", "tokinpokit"], "tknpkt"),
        (["zhihu", "chzhikhu"], "gh"),
        (["huobi", "fuobi", "hwby"], "hb"),
    ],
)
def test_sound_key_folds_what_hearing_and_transliteration_change(
    spellings: list[str], sound: str
) -> None:
    assert {sound_key(s) for s in spellings} == {sound}


def test_sound_key_keeps_different_consonants_apart() -> None:
    assert len({sound_key(k) for k in ["binance", "bitget", "bybit", "gazprom", "discusfish"]}) == 5
    assert sound_key("discus") != sound_key("discusfish")  # an f is not dropped with an h


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", max_size=40))
def test_sound_key_has_no_vowels_and_no_repeats(key: str) -> None:
    sound = sound_key(key)
    assert not set(sound) & set("aeiouy")
    assert all(a != b for a, b in itertools.pairwise(sound))


@pytest.mark.parametrize(
    ("label", "letters"),
    [
        ("CoinMarketCap", "cmc"),
        ("Futu NiuNiu", "fnn"),
        ("非小号", "fxh"),
        ("比特大陸", "btdl"),  # traditional folded first
        ("Interactive Brokers Group", "ibg"),
        ("Binance", ""),  # one word: no initials
    ],
)
def test_initials(label: str, letters: str) -> None:
    assert initials(label) == letters


# --------------------------------------------------------------------------------------------
# Mojibake


@pytest.mark.parametrize(
    ("name", "wrongly", "undone"),
    [
        ("火币", lambda s: s.encode("utf-8").decode("latin-1"), MOJIBAKE_LATIN),
        ("KuCoin™", lambda s: s.encode("utf-8").decode("cp1252"), MOJIBAKE_LATIN),
        ("比特大陆", lambda s: s.encode("utf-8").decode("gbk"), MOJIBAKE_GBK),
        ("币安", lambda s: s.encode("gbk").decode("latin-1"), MOJIBAKE_GBK_LATIN),
    ],
)
def test_repair_mojibake_round_trips(name: str, wrongly: Callable[[str], str], undone: str) -> None:
    assert repair_mojibake(wrongly(name)) == (name, undone)


def test_repair_mojibake_with_bytes_cp1252_dropped() -> None:
    dropped = "“Binance”".encode().decode("cp1252", errors="ignore")  # 0x9d is undefined
    repaired = repair_mojibake(dropped)
    assert repaired is not None and repaired[1] == MOJIBAKE_LOSSY
    assert "Binance" in repaired[0]


@pytest.mark.parametrize(
    "text",
    [
        "Café Müller GmbH",
        "São Paulo Trading Ltda",
        "平安银行",
        "北京字节跳动科技有限公司",
        "(주) 가온",
        "Huobi",
    ],
)
def test_repair_mojibake_leaves_real_names(text: str) -> None:
    assert repair_mojibake(text) is None


@settings(max_examples=200)
@given(
    st.text(
        alphabet=st.characters(
            min_codepoint=0x80, max_codepoint=0x2FFFF, blacklist_categories=("Cs",)
        ),
        min_size=1,
    )
)
def test_utf8_read_as_latin1_is_undone_before_matching(text: str) -> None:
    """Any non-ASCII text whose UTF-8 was read as Latin-1 comes back whole, and is named."""
    plain, undone = decode(text.encode("utf-8").decode("latin-1"))
    assert (plain, undone[:1]) == (text, (MOJIBAKE_LATIN,))


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_is_never_mojibake(text: str) -> None:
    assert repair_mojibake(text) is None


# --------------------------------------------------------------------------------------------
# The bands, through the matcher


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # memo words only around a distinctive name: a match (matching/context.py)
        ("向路印转账", ("match", "loopring", "exact_in_context")),
        ("【火币】提现", ("match", "huobi", "exact_in_context")),
        ("对方：芝麻开门", ("ambiguous", "gate-io", "memo")),  # an everyday word, in a memo
        ("向路印转账 Acme", ("ambiguous", "loopring", "memo")),  # a word that is not noise
        ("转账-平安银行", ("none", None, None)),  # 安银 inside another word is not read
        ("备注：火锅", ("none", None, None)),
    ],
)
def test_chinese_memo(query: str, expected: tuple[str, str | None, str | None]) -> None:
    decision, first, method = _review(query)
    if expected[0] != "none":  # the band itself reviews the memo
        band = nearby.chinese_memo(
            INDEX, none(query, "", ""), query, lambda text: match(INDEX, text)
        )
        assert band is not None and band.candidates[0].entity_id == expected[1]
    assert (decision, first if decision != "none" else None) == expected[:2]
    if expected[2]:
        assert method == expected[2]


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("twitter.com/binance", ["binance"]),
        ("https://t.me/Huobi_Global", ["huobi"]),
        ("linkedin.com/company/okx", ["okex"]),  # LinkedIn is a known site, no slip of Linkcoin
        ("weibo.com/huobi", ["huobi", "weibo"]),  # the site's own entity after the account's
    ],
)
def test_social_page_is_review_with_the_account_first(query: str, ids: list[str]) -> None:
    result = match(INDEX, query)
    assert result.decision == "ambiguous" and "page or account" in result.reason
    assert [c.entity_id for c in result.candidates] == ids


def test_social_page_naming_nothing_is_none() -> None:
    assert match(INDEX, "facebook.com/acmebakery").decision == "none"


def test_mojibake_band_matches_a_strict_round_trip_to_a_name_and_says_so() -> None:
    result = match(INDEX, "币安".encode().decode("gbk"))
    assert (result.decision, result.entity_id) == ("match", "binance")
    assert result.decoded == (MOJIBAKE_GBK,)


def test_mojibake_band_with_bytes_lost_is_review() -> None:
    result = match(INDEX, "“Binance”".encode().decode("cp1252", errors="ignore"))
    assert (result.decision, result.candidates[0].entity_id) == ("ambiguous", "binance")
    assert result.decoded == (MOJIBAKE_LOSSY,)


def test_utf8_read_as_latin1_still_matches() -> None:
    result = match(INDEX, "火币".encode().decode("latin-1"))
    assert (result.decision, result.entity_id, result.decoded) == (
        "match",
        "huobi",
        (MOJIBAKE_LATIN,),
    )


@pytest.mark.parametrize(("query", "expected"), [("🇧🇮🇳🇦🇳🇨🇪", "binance"), ("🅷🆄🅾🅱🅸", "huobi")])
def test_letter_symbols(query: str, expected: str) -> None:
    assert _review(query)[:2] == ("ambiguous", expected)


def test_a_flag_is_not_letters() -> None:
    assert match(INDEX, "🇨🇳").decision == "none"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Coinmark", "coinmarketcap"),  # cut inside a word
        ("Guotai Junan Intern", "guotai-junan-international"),
        ("Tiger", "tiger-brokers"),  # the word people say: the rest of the name is generic
        ("Gate Exchange", "gate-io"),
        ("Gate", "gate-io"),
    ],
)
def test_truncated(query: str, expected: str) -> None:
    assert _review(query) == ("ambiguous", expected, "truncated")


@pytest.mark.parametrize(
    "query", ["hyper", "Tiger Global", "Tiger Software Co., Ltd.", "pool", "Bina", "Coin", "qkl12"]
)
def test_not_truncated(query: str) -> None:
    """A first word that is not the whole of what people say (HyperDAO), another company's
    words (Global, a legal form), generic words only, or too short a share."""
    assert match(INDEX, query).decision == "none"


@pytest.mark.parametrize(("query", "expected"), [("CMC", "coinmarketcap"), ("FXH", "feixiaohao")])
def test_initialism(query: str, expected: str) -> None:
    assert _review(query) == ("ambiguous", expected, "initials")


@pytest.mark.parametrize("query", ["IBM", "NASA", "GTE Corp"])
def test_not_initials(query: str) -> None:
    assert match(INDEX, query).decision == "none"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("HB", "huobi"), ("hb交易所", "huobi"), ("BA所", "binance"), ("Zmkm 交易所", "gate-io"),
     ("kb钱包", "kucoin"), ("ly app", "loopring"), ("FT", "futu")],
)  # fmt: skip
def test_pinyin_initials(query: str, expected: str) -> None:
    """The pinyin initials of a registry Chinese name (火币 hb, 芝麻开门 zmkm)."""
    assert _review(query) == ("ambiguous", expected, "pinyin_initials")


@pytest.mark.parametrize("query", ["hb", "Hb", "HW", "ZGPA", "JSYH", "HB Fuller", "QX交易所"])
def test_not_pinyin_initials(query: str) -> None:
    """Lower case alone, other Chinese companies' initials, initials among other words."""
    assert match(INDEX, query).decision == "none"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Kookoin", "kucoin"), ("Lupring", "loopring"), ("Tokinpokit", "tokenpocket")],
)
def test_sounds_like(query: str, expected: str) -> None:
    assert _review(query) == ("ambiguous", expected, "sounds_like")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ビットゲット", "bitget"), ("비트겟", "bitget"), ("بينانس", "binance"), ("ביננס", "binance")],
)
def test_other_script_by_sound(query: str, expected: str) -> None:
    assert _review(query) == ("ambiguous", expected, "transliterated")


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(["火币", "币安网", "Binance", "库币", "KuCoin™"]).map(
            lambda s: s.encode().decode("gbk", errors="replace")
        ),
    )
)
def test_bands_never_match_and_name_what_they_find(text: str) -> None:
    """Whatever the text, a band answers review with a registry entity first, or nothing; or
    a match once mojibake is undone, saying so."""
    before = none(text, "", "no name is close enough to be sure")
    for band in (nearby.social_page, *(band for _, band in nearby.BANDS)):
        found = band(INDEX, before, text, lambda part: match(INDEX, part, limit=0))
        if found is not None:
            assert found.candidates and found.candidates[0].entity_id
            if found.decision == "match":
                assert band is nearby.mojibake and found.decoded[0].startswith("mojibake")
            else:
                assert found.decision == "ambiguous"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Binance™", "binance"), ("OKX™ Exchange", "okex"), ("KuCoin\u2120", "kucoin")],
)
def test_trade_mark_signs_are_not_letters(query: str, expected: str) -> None:
    """NFKC spells ™ and ℠ out ('binancetm'): they are dropped before it."""
    assert match(INDEX, query).entity_id == expected


# --------------------------------------------------------------------------------------------
# Dictated names, tone numbers, a name inside a longer word, pinyin for characters, one
# character changed, letters left out: each review with the band's method, and hard negatives
# of the same shape


@pytest.mark.parametrize(
    ("query", "expected", "method"),
    [
        ("Sierra Papa Alpha Romeo Kilo Papa Oscar Oscar Lima", "sparkpool", "dictated"),
        ("F as in foxtrot, U, T as in tango, U", "futu", "dictated"),
        ("Zulu Hotel India Hotel Uniform", "zhihu", "dictated"),
        ("eff ex bee tee see", "fxbtc", "dictated"),  # the names of the letters
        ("富裕的富，路途的途", "futu", "dictated"),
        ("fo2 bai6", "huobi", "tone_numbers"),
        ("ou1 yi4 jiao1 yi4 suo3", "okex", "tone_numbers"),
        ("fakeTokenpocket", "tokenpocket", "inside"),
        ("backup_Matrixport2.zip", "matrixport", "inside"),
        ("收款人在火币网开户", "huobi", "inside"),
        ("库B 交易所", "kucoin", "letter_for_character"),
        ("fei小号 排行", "feixiaohao", "letter_for_character"),
        ("芝麻开闩", "gate-io", "one_character"),
        ("CnMktCp", "coinmarketcap", "abbreviated"),
        ("Biriance", "binance", "misread"),
        ("Fire Coin", "huobi", "translated"),
        ("Sesame Open exchange", "gate-io", "translated"),
        ("Firecoin", "huobi", "translated"),  # two glosses run together
    ],
)
def test_new_bands_review(query: str, expected: str, method: str) -> None:
    assert _review(query) == ("ambiguous", expected, method)


@pytest.mark.parametrize(
    "query",
    [
        "Alpha Omega Partners",  # one spelling-alphabet word among others
        "Hotel Golf Resort",
        "Oscar Mike Echo Trading",  # spells 'ome': no registry name
        "A B C Trading Co",
        "see sea holdings",  # letter names that spell no name
        "上海的上",  # one character dictated
        "ma1 ma1 mian4 guan3",  # tone numbers, no registry name
        "Unit 3 Floor 5",
        "Qkl1239 Ltd",  # digits run on
        "Cobox Logistics",  # 'cobo' is four letters: too short inside a word
        "Keystonefoods Inc",  # an everyday name inside a word, uncorroborated
        "https://news.example.com/story?utm_source=huobi",  # an address: its own rules
        "北京老虎食品有限公司",  # two characters after a place, before a trade
        "中国平安银行",  # 安银 inside another word
        "AB币业",
        "Fire Coin Laundromat",  # the words of a translation in another business's name
        "Fire Coin Ltd",  # with a company's word
        "Fish Pond",  # 鱼池, an everyday name, uncorroborated
    ],
)
def test_new_bands_leave_other_names(query: str) -> None:
    assert match(INDEX, query).decision == "none"


def test_one_character_reads_a_name_alone_not_a_company_of_another_first_character() -> None:
    assert _review("新世界")[0] == "none"  # 币世界 with another first character
    assert _review("北京富途牛午网络科技有限公司")[0] != "match"
    assert _review("蚂蚁矿池")[0] == "none"  # 矿机 turned into the generic 矿池


def test_dictated_readings_never_recurse() -> None:
    """A reading that is the text itself is not read again ('p0f3b2c1' spelt as it stands)."""
    for query in ["SPOTIFY P0F3B2C1", "a b c d e f g", "oh oh oh oh", "one two three four"]:
        assert match(INDEX, query).decision in ("none", "ambiguous")
