"""Registry names translated word for word (matching/translations.py) and cut by a record's field
width (matching/cut.py): review with the right entity, never a match, never another entity;
the vocabulary covers every word of the registry's names; other companies stay none."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.matching import cut, match, translations
from exitcheck.matching.results import DECISION_MATCH
from exitcheck.store.loading import load, shipped_registry

INDEX = load([shipped_registry()], use_cache=False).index
REPO = Path(__file__).resolve().parents[1]


def _answer(query: str) -> tuple[str, str | None, str | None]:
    """(decision, first candidate, its method)."""
    result = match(INDEX, query)
    first = result.candidates[0] if result.candidates else None
    return result.decision, first and first.entity_id, first and first.method


# --------------------------------------------------------------------------------------------
# The vocabulary


def test_every_word_of_the_registry_names_is_covered() -> None:
    """tools/translation_words.py --check: a name added to the registry with a word the file
    lacks fails here until the word is translated, kept or dropped."""
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import translation_words  # tools/translation_words.py
    finally:
        sys.path.remove(str(REPO / "tools"))
    counts, missing = translation_words.registry_words()
    assert missing == {}
    assert {"tiger", "brokers", "coin", "gecko", "matrix", "port", "trading", "view"} <= set(counts)


@pytest.mark.parametrize(
    ("label", "said"),
    [
        ("CoinMarketCap", ["coin", "market", "cap"]),
        ("Matrixport", ["matrix", "port"]),
        ("Sparkpool", ["spark", "pool"]),
        ("Etherscan", ["ether", "scan"]),
        ("Keystone", ["keystone"]),  # a word of the vocabulary is not split ('key' 'stone')
        ("Gate.io", ["gate", "io"]),
        ("Xylophonezz", None),  # no vocabulary words run together
    ],
)
def test_a_name_is_split_into_its_words(label: str, said: list[str] | None) -> None:
    assert translations.name_words(label) == said


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("monedas", "moneda"),
        ("interactifs", "interactif"),
        ("брокеры", "брокер"),
        ("Münze", "munze"),
    ],
)
def test_stems_set_number_aside(a: str, b: str) -> None:
    assert translations.stem(a) == translations.stem(b)


def test_the_vocabulary_is_not_loaded_to_match_a_registry_name() -> None:
    """An exact hit, and another company's name that a set look-up rejects, never compose the
    forms (the band is last, behind its guard)."""
    import subprocess

    code = (
        "import sys\n"
        "from exitcheck.matching import match\n"
        "from exitcheck.store.loading import load, shipped_registry\n"
        "index = load([shipped_registry()], use_cache=False).index\n"
        "match(index, 'huobi'); match(index, '火币')\n"
        "from exitcheck.matching import translations\n"
        "print(translations._data.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


# --------------------------------------------------------------------------------------------
# Translated names in text


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("通过交互式经纪商账户转入港股", "interactive-brokers"),
        ("數據來源：硬幣壁虎", "coingecko"),  # traditional characters, folded
        ("在矩阵港口购买的理财产品到期", "matrixport"),
        ("门.io平台公告", "gate-io"),  # a one-word name with its domain suffix
        ("基石硬件钱包签名", "keystone"),  # ... with a word of its kind
        ("虎ブローカー口座", "tiger-brokers"),
        ("コイン市場キャップ", "coinmarketcap"),  # not 'koin', KuCoin
        ("Gráfico de Vista de Trading", "tradingview"),
        ("Precio según Gecko de Monedas", "coingecko"),  # the head first
        ("Portefeuille Poche à Jetons", "tokenpocket"),
        ("Überweisung an Tigermakler", "tiger-brokers"),  # a German compound
        ("Источник: Геккон монет", "coingecko"),
        ("Торговля Вид", "tradingview"),  # a capital 'В' is no Latin 'B' here
        ("Überweisung an Ссылка Монета — Ref 22", "linkcoin"),  # 'Ref' is past a dash
        ("Biene Pool", "beepool"),  # before BiONE, a spelling that is no slip
        ("Withdrawal from Fire Coin blocked since May", "huobi"),  # a Chinese name's glosses
        ("Retrait de Pièce de Feu bloqué", "huobi"),  # ... and those translated
    ],
)
def test_a_translated_name_in_text_is_review_with_its_entity(query: str, entity: str) -> None:
    assert _answer(query) == ("ambiguous", entity, "translated")


@pytest.mark.parametrize(
    "query",
    [
        "老虎咖啡",  # one word of a name alone
        "区块链新闻",  # 链新闻 inside 区块链
        "壁虎经纪资本管理",  # 虎 of 壁虎
        "矩阵港口物流有限公司",  # another trade right after the form
        "蚂蚁股份有限公司",  # 股份 of the legal form
        "部门门户网站",  # 门 of 部门 and 门户
        "用户在门户交易所",
        "Fire Coin Laundromat",  # the start of a longer proper name
        "Coin Safe Ltd",  # a firm named with a Chinese name's glosses
        "Avocats Tigre Courtiers SARL",  # a firm's own word before the form
        "Porte Saint-Martin",  # one word of a Latin language is its own word
        "Piscinas Chispa Mantenimiento S.L.",
        "Tiger Brands Limited",
        "Coin Worlds Consulting",  # 币世界's glosses spell its English name: read as a name
    ],
)
def test_other_names_with_translated_words_are_not_surfaced(query: str) -> None:
    result = match(INDEX, query)
    assert not any(c.method == "translated" for c in result.candidates), result.reason


def test_a_translation_beside_the_name_in_brackets_still_matches() -> None:
    assert _answer("老虎经纪人（Tiger Brokers）持仓") == ("match", "tiger-brokers", "exact_name")


_FORMS = translations.forms(INDEX)
_SAMPLE = random.Random(16).sample(sorted(_FORMS.cjk), 60)


@pytest.mark.parametrize("form", _SAMPLE)
def test_each_composed_form_names_its_entity_and_no_other(form: str) -> None:
    """A Chinese or Japanese form in a sentence: never a match to another entity; its own entity
    among the candidates (or matched, where an earlier rule reads the name itself)."""
    own = {entity for entity, _, lone in _FORMS.cjk[form] if not lone}
    if not own:
        return
    result = match(INDEX, f"资金转入{form}账户")
    named = {c.entity_id for c in result.candidates}
    if result.decision == DECISION_MATCH:
        assert result.entity_id in own
    else:
        assert own & named, (form, result)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "老虎",
                "经纪人",
                "硬币",
                "壁虎",
                "矩阵",
                "港",
                "门",
                ".io",
                "交易所",
                "Tapa",
                "del",
                "Mercado",
                "Monedas",
                "Tiger",
                "Ltd",
                "有限公司",
                "物流",
                "区块链",
                "新闻",
                "*",
                "  ",
            ]
        ),
        max_size=6,
    ).map("".join)
)
def test_a_translation_is_never_a_confident_match(text: str) -> None:
    result = match(INDEX, text)
    if result.decision == DECISION_MATCH:
        assert result.method != "translated"
        assert all(c.method != "translated" for c in result.candidates[:1])


# --------------------------------------------------------------------------------------------
# Names cut by a field's width


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("DE43: PAYPAL *INTERACTIVEB      4029357733   US", "interactive-brokers"),
        ("PAYPAL *MATRIXPOR", "matrixport"),
        ("DE43: BRIGHT SMART SECURIT   HONG KONG    HK", "bright-smart"),
        (":59:/00123 GUOTAI JUNAN INTERNATIO", "guotai-junan-international"),
    ],
)
def test_a_name_cut_by_a_field_is_review(query: str, entity: str) -> None:
    assert _answer(query) == ("ambiguous", entity, "truncated")


def test_the_cut_band_reads_a_field_an_earlier_band_also_reads() -> None:
    """'TOKENPOCKE' is a slip to an earlier band; the cut band, asked, reads it too."""
    text = "DE43: TOKENPOCKE             SINGAPORE    SG"
    assert _answer(text)[:2] == ("ambiguous", "tokenpocket")
    found = cut.cut_in_field(INDEX, match(INDEX, "zzz"), text, lambda t: match(INDEX, t))
    assert found is not None and found.candidates[0].entity_id == "tokenpocket"
    assert found.candidates[0].method == "truncated"


@pytest.mark.parametrize(
    "query",
    [
        "PAYPAL *INTERACTIVE",  # a word of its own, not a cut
        "SQ *COINMAST",  # no registry name starts so
        "DE43: TRADING POST OUTFIT    DENVER       US",
        "DE43: TOKENP                 SINGAPORE    SG",  # too short to stand for the name
        "DE43: ETHERS                 LONDON       GB",  # two thirds of Etherscan, 6 letters
        "PAYPAL *INTERACTI",  # 9 letters, half of Interactive Brokers' key
    ],
)
def test_other_cut_fields_are_not_surfaced(query: str) -> None:
    result = match(INDEX, query)
    assert not any(c.method == "truncated" for c in result.candidates), result.reason


def test_the_answer_says_so_through_the_cli(cli) -> None:
    result = cli("status", "价格数据来源：硬币壁虎", "--json")
    assert result.exit_code == 1  # review is no confident match
    data = json.loads(result.stdout)
    assert data["match"]["decision"] == "ambiguous"
    assert [c["id"] for c in data["match"]["candidates"]] == ["coingecko"]
    assert data["match"]["candidates"][0]["method"] == "translated"
    assert "translated word for word" in data["match"]["reason"]
