"""The bands' guards (matching/nearby.py) change no answer: a guard says False only where its
band answers None, on every evaluation set (the tuned set, every blind round's queries and
other companies, the company mix) and on generated names built from what the bands read
(registry names and their words, masks, digits and symbols, glosses, spelling words, Chinese
characters). A band added without a guard, or a guard that rejects a text its band answers,
fails here."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from exitcheck.matching import match, nearby
from exitcheck.matching.decoding import repair_mojibake
from exitcheck.matching.patterns import any_of
from exitcheck.matching.results import MatchResult, none
from exitcheck.store.loading import load, shipped_registry
from tests.evalsets import queries

INDEX = load([shipped_registry()], use_cache=False).index
DATA = Path(__file__).parent / "data"
SETS = [
    DATA / "match_eval.tsv",
    DATA / "company_mix.txt",
    *sorted((DATA / "blind").glob("**/*.tsv")),
    *sorted((DATA / "blind").glob("**/others*.txt")),
]
# every table of (guard, band) pairs: BANDS, and any other the module keeps
TABLES = sorted(name for name in vars(nearby) if name.endswith("BANDS"))
PAIRS = [pair for name in TABLES for pair in getattr(nearby, name)]


def _match(part: str) -> MatchResult:
    return match(INDEX, part, limit=0)


def rejected_but_answered(text: str) -> list[str]:
    """The bands whose guard rejects ``text`` though the band, asked, answers it."""
    result = none(text, "", "no name is close enough to be sure")
    query = nearby.Query(text)
    return [
        band.__name__
        for guard, band in PAIRS
        if not guard(INDEX, query) and band(INDEX, result, text, _match) is not None
    ]


def test_every_band_has_a_guard() -> None:
    """Each entry of a table of bands is a (guard, band) pair, and every function of the module
    with a band's parameters is in a table (``social_page`` is asked on its own)."""
    assert "BANDS" in TABLES
    for name in TABLES:
        for entry in getattr(nearby, name):
            assert isinstance(entry, tuple) and len(entry) == 2, (name, entry)
            guard = entry[0]
            assert list(inspect.signature(guard).parameters) == ["index", "query"], guard
    bands = {band for _, band in PAIRS}
    shaped = {
        f
        for f in vars(nearby).values()
        if inspect.isfunction(f)
        and f.__module__ == nearby.__name__
        and list(inspect.signature(f).parameters) == ["index", "result", "text", "match_text"]
    }
    assert shaped - bands == {nearby.social_page}


@pytest.mark.parametrize("path", SETS, ids=[str(p.relative_to(DATA)) for p in SETS])
def test_no_guard_rejects_what_its_band_answers(path: Path) -> None:
    wrong = {text: bands for text in queries(path) if (bands := rejected_but_answered(text))}
    assert not wrong, list(wrong.items())[:5]


def test_the_sets_reach_every_band() -> None:
    """The sets above would catch a wrong guard: each band answers some of their texts (a band
    no text reaches is checked only by the generated names)."""
    texts = [text for path in SETS[:1] + SETS[2:] for text in queries(path) if "\n" not in text]
    reached = set()
    for text in texts:
        result = none(text, "", "no name is close enough to be sure")
        query = nearby.Query(text)
        for guard, band in PAIRS:
            if (
                band.__name__ not in reached
                and guard(INDEX, query)
                and band(INDEX, result, text, _match) is not None
            ):
                reached.add(band.__name__)
    assert reached == {band.__name__ for _, band in PAIRS}


# generated names: pieces of what the bands read, put together
_LABELS = sorted({e.label for kind in ("latin", "cjk") for _, e in INDEX.names(kind)})
_PIECES = [
    *_LABELS,
    *(word for label in _LABELS for word in label.split()),
    *"abcdefghijklmnopqrstuvwxyzBCHKMOX0134579",
    *["*", "***", "•", "@", "$", "!", "|", "|_|", "()", "/\\", "○", "€", "vv"],
    *["的", "所", "币", "火", "安", "库", "欧", "易", "网", "交易所", "转账", "备注", "【", "】"],
    *["app", "App", "HB", "OKX", "CMC", "FXH", "Ltd", "Limited", "Exchange", "Global", "Pool"],
    *["fire", "coin", "open", "sesame", "not", "small", "number", "rich", "road", "firecoin"],
    *["bravo", "india", "november", "alpha", "oh", "eye", "see", "gee", "one", "two", "as in"],
    *["fo", "bai", "bi4", "an1", "huo3", "jiao1yi4suo3", "ç\x81«", "»ð", "甯佸", "é", "ü", "Ž"],
    *["\U0001f1e7\U0001f1ee\U0001f1f3", "🅶", "🅱", "ＨＵＯＢＩ", "İ", "K", "\xa0", "\x85", "\u3000"],
]
_SEPARATORS = ["", " ", "  ", "-", ".", ",", "_", " & ", "·", "\t"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=5).map(
        lambda parts: "".join(piece + sep for piece, sep in parts)
    )
)
def test_no_guard_rejects_what_its_band_answers_on_generated_names(text: str) -> None:
    assert not rejected_but_answered(text)


@pytest.mark.parametrize("text", ["区块链123_AEX", "转账_OKX_2024", "火币 OKX2022"])
def test_no_guard_rejects_what_its_band_answers_on_found_cases(text: str) -> None:
    """Cases the generated names found once (an underscore that ``words`` drops in a text not
    in ASCII joined a name to a number)."""
    assert not rejected_but_answered(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_no_guard_rejects_what_its_band_answers_on_any_text(text: str) -> None:
    assert not rejected_but_answered(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab.火", min_size=1, max_size=4), max_size=6),
    st.text(alphabet="ab.火c", max_size=12),
)
def test_a_pattern_of_strings_finds_where_one_starts(strings: list[str], text: str) -> None:
    found = any_of(strings)
    for at in range(len(text) + 1):
        assert (found.match(text, at) is not None) == any(text.startswith(s, at) for s in strings)
    assert (found.search(text) is not None) == any(s in text for s in strings)


@example("Ab\xa0Cd\xa0Ef")
@example("OK\x85X\x85Ltd")
@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="Ab \xa0\x85é»ð±Ò甯佸畨火币ç\x81«", max_size=12),
        st.sampled_from(["火币", "币安网", "KuCoin™", "Huobi Global"]).map(
            lambda s: s.encode().decode("latin-1", errors="replace")
        ),
        st.sampled_from(["火币", "比特大陆", "币安"]).map(
            lambda s: s.encode().decode("gbk", errors="replace")
        ),
    )
)
def test_the_mojibake_guard_passes_every_text_with_a_round_trip(text: str) -> None:
    """The mojibake band's condition starts with a round trip: its guard passes every text
    that has one, whatever the repaired text then matches ('Ab\\xa0Cd\\xa0Ef' has one)."""
    if repair_mojibake(text) is not None:
        assert nearby._may_mojibake(INDEX, nearby.Query(text))
