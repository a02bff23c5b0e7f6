"""Names typed with the keyboard in another layout (matching/layouts.py, review.keyboard_layout).

The layouts' tables are checked against characters written here by hand from the layouts
(not from the module's tables): a wrong key in a table would read every name typed with it
wrongly, and these expectations would fail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from exitcheck.matching.layouts import readings

# the same keys, 'qwertyuiopasdfghjklzxcvbnm', as each layout types them (written by hand)
TYPED = {
    "Russian": "йцукенгшщзфывапролдячсмить",
    "Greek": ";ςερτυθιοπασδφγηξκλζχψωβνμ",
    "Hebrew": "/'קראטוןםפשדגכעיחלךזסבהנמצ",
    "Arabic": "ضصثقفغعهخحشسيبلاتنمئءؤرﻻىة",
}
LATIN = "qwertyuiopasdfghjklzxcvbnm"


def _typed(word: str, layout: str) -> str:
    return word.translate(str.maketrans(LATIN, TYPED[layout]))


@pytest.mark.parametrize(
    ("text", "layout", "read"),
    [
        ("иштфтсу", "Russian", "binance"),
        ("пфеуюшщ", "Russian", "gate.io"),  # the full stop is the key of ю
        ("сщштуч", "Russian", "coinex"),
        ("ііфтсу", "Ukrainian", "ssance"),  # і is on s in the Ukrainian layout
        ("βυβιτ", "Greek", "bybit"),
        ("ΒΎΒΙΤ", "Greek", "bybit"),  # capitals and the accent: the same keys
        ("נטנןא", "Hebrew", "bybit"),
        ("اعخلاه", "Arabic", "huobi"),  # lam-alef is the one key b
        ("ㅗㅕㅐㅠㅑ", "Korean 2-set", "huobi"),  # jamo as typed
        ("ㅠㅑㅜ뭋ㄷ", "Korean 2-set", "binance"),  # a syllable the input method built: m+u+c
        ("biтфтсу", "Russian", "binance"),  # the layout switched in the middle of the word
    ],
)
def test_a_layouts_letters_read_as_the_keys_that_type_them(
    text: str, layout: str, read: str
) -> None:
    assert (layout, read) in readings(text)


@pytest.mark.parametrize("text", ["Binance", "Cobo Hotеl Group", "Fish Poοl", "火币", "", "123"])
def test_latin_text_and_look_alike_letters_have_no_reading(text: str) -> None:
    """One letter of another script among Latin ones is a look-alike ('Hotеl' with a Cyrillic
    е), which the confusables reading answers; a keyboard did not type it."""
    assert readings(text) == []


@given(st.text(alphabet=LATIN, min_size=1, max_size=12), st.sampled_from(sorted(TYPED)))
def test_any_word_typed_in_a_layout_reads_back(word: str, layout: str) -> None:
    assume(_typed(word, layout).isalpha())  # Greek q, Hebrew q and w type punctuation
    typed = _typed(word, layout)
    assert word in {read for _, read in readings(typed)}


@pytest.mark.parametrize(
    ("query", "entity"),
    [("лгсщшт", "kucoin"), ("ετηερσψαν", "etherscan"), ("Оплата на ишепуе", "bitget")],
)
def test_a_registry_name_typed_in_a_layout_is_review_never_a_match(
    cli_json: Callable[..., tuple[int, Any]], query: str, entity: str
) -> None:
    code, answer = cli_json("status", query, "--json")
    answer = answer["match"]
    assert (code, answer["decision"]) == (1, "ambiguous")
    first = answer["candidates"][0]
    assert (first["id"], first["method"]) == (entity, "keyboard_layout")
    assert "typed with the keyboard set to" in str(answer["reason"])


@pytest.mark.parametrize("query", ["кумщдге", "зщдщтшуч", "στριπε", "овюсщь"])
def test_another_companys_name_typed_in_a_layout_is_none(
    cli_json: Callable[..., tuple[int, Any]], query: str
) -> None:
    """Revolut, Poloniex (another platform, others.toml), Stripe and jd.com typed the same way:
    a domain read from the keys explains the text, so no transliteration is read into it."""
    code, answer = cli_json("status", query, "--json")
    assert (code, answer["match"]["decision"]) == (1, "none")
