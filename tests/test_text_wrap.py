"""The plain-text renderer's wrapping gives textwrap's lines (``wrap.wrap_words``, faster)."""

from __future__ import annotations

import itertools
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.render.safe import printable
from exitcheck.render.text import Renderer
from exitcheck.render.wrap import wrap_words

# Letters, digits, hyphens (textwrap splits 'mining-equipment' but not '2021-09-24'), dashes,
# punctuation, spaces and other whitespace, Chinese.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("  -----ab.,'\"!?_—xyz0123 \t\n\r\x0b\x0c\u3000\xa0火"),
        st.characters(),
    ),
    max_size=120,
)
INDENTS = st.sampled_from(["", "  ", "      ", " " * 15])


def _textwrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent) or [indent]


@settings(max_examples=1000)
@given(TEXT, INDENTS, st.integers(min_value=22, max_value=90))
def test_as_textwrap(text: str, indent: str, width: int) -> None:
    assert wrap_words(text, width, indent) == _textwrap(text, width, indent)


@settings(max_examples=300)
@given(TEXT, INDENTS)
def test_the_renderer_as_textwrap(text: str, indent: str) -> None:
    renderer = Renderer(width=40)
    assert renderer.wrap(text, indent) == _textwrap(printable(text), 40, indent)


EDGES = [
    "", " ", "  lead", "trail ", "x" * 38, "x" * 39, "x" * 40, "a b " * 12, "a\tb\nc", "\x0bv",
    "\xa0", "ab \xa0", "\u3000x", "self-custody and over-the-counter desks re-opened in 2021-09",
    "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f-g-h",
    "word--dash and em--dash--chains", "https://example.com/huobi-global-news-2022-11-24-huobi-bi",
    "clients in mainland China of Huobi Mall, Huobi's mining-equipment arm and its cloud-hosting",
]  # fmt: skip


def test_edges_as_textwrap() -> None:
    for text in EDGES:
        for width in (30, 40, 41, 80):
            for indent in ("", "  ", " " * 15):
                assert wrap_words(text, width, indent) == _textwrap(text, width, indent), text


# -- line_spans: a status at a glance, broken at spaces, ids whole where they fit --------------


@pytest.mark.parametrize(
    ("text", "room", "lines"),
    [
        ("abc def ghi", 7, ["abc def", "ghi"]),  # at spaces; the space at a break is on no line
        ("abc  def", 8, ["abc  def"]),  # runs of spaces count as they are
        ("abc  def", 7, ["abc", "def"]),
        ("see huobi-2021-09-26-stop now", 24, ["see", "huobi-2021-09-26-stop", "now"]),  # whole
        ("abcdefgh", 3, ["abc", "def", "gh"]),  # longer than a line: folded, never cut
        ("a b", 1, ["a", "b"]),
        ("", 5, [""]),
        ("火币网用户；来源：x", 6, ["火币网", "用户；", "来源：", "x"]),  # punctuation hangs
        ("火币 abc", 3, ["火", "币", "abc"]),
    ],
)
def test_line_spans(text: str, room: int, lines: list[str]) -> None:
    from exitcheck.render.wrap import display_width, line_spans

    spans = line_spans(text, room)
    assert [text[a:b] for a, b in spans] == lines
    assert all(display_width(text[a:b]) <= room or " " not in text[a:b] for a, b in spans)


@given(st.text(alphabet="ab 火-", max_size=40), st.integers(min_value=1, max_value=20))
@settings(max_examples=200)
def test_line_spans_keep_every_character_but_the_spaces_at_breaks(text: str, room: int) -> None:
    from exitcheck.render.wrap import display_width, line_spans

    spans = line_spans(text, room)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
    assert all(a <= b for a, b in spans)
    assert all(b <= c for (_, b), (c, _) in itertools.pairwise(spans))
    for a, b in spans:  # wider than the room only for one Chinese character in one column
        assert display_width(text[a:b]) <= max(room, 2)


def test_the_ascii_fast_paths_agree_with_the_general_ones() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from exitcheck.render import wrap

    @given(st.text(alphabet=st.characters(max_codepoint=127)))
    def check(text: str) -> None:
        assert wrap._tokens(text) == wrap._tokens_any(text)
        assert wrap.display_width(text) == sum(1 for _ in text)

    check()


def test_the_run_by_run_tokens_agree_with_the_character_by_character_ones() -> None:
    import unicodedata

    from hypothesis import given
    from hypothesis import strategies as st

    from exitcheck.render import wrap

    mixed = st.text(
        alphabet=st.one_of(
            st.sampled_from(" \t\u3000\u00a0\u2028·–—‘’“”，。、）火币幣ａＡ한カ"),
            st.characters(codec="utf-8", exclude_categories=("Cn",)),
        )
    )

    @given(mixed)
    def check(text: str) -> None:
        assert wrap._tokens(text) == wrap._tokens_any(text)
        assert "".join(wrap._tokens(text)) == text
        expected = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        assert wrap.display_width(text) == expected  # assigned characters: as Unicode says

    check()


def _spans_by_slicing(text: str, room: int) -> list[tuple[int, int]]:
    """line_spans as first written: the gap before a word measured on a slice of the text."""
    from exitcheck.render.wrap import _NO_LINE_START, _tokens, display_width

    room = max(1, room)
    spans: list[tuple[int, int]] = []
    start = end = None
    used = at = 0
    for token in _tokens(text):
        begin, at = at, at + len(token)
        if token.isspace():
            continue
        size = display_width(token)
        gap = display_width(text[end:begin]) if end is not None else 0
        if end is not None and start is not None and used + gap + size <= room:
            end, used = at, used + gap + size
            continue
        if end is not None and start is not None and token[0] in _NO_LINE_START:
            end, used = at, used + gap + size
            continue
        if start is not None and end is not None:
            spans.append((start, end))
        while size > room:
            cut = begin + 1
            while cut < at and display_width(text[begin : cut + 1]) <= room:
                cut += 1
            spans.append((begin, cut))
            begin = cut
            size = display_width(text[begin:at])
        start, end, used = begin, at, size
    if start is not None and end is not None:
        spans.append((start, end))
    return spans or [(0, 0)]


def test_line_spans_counts_the_gaps_as_it_goes_and_breaks_where_slicing_did() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from exitcheck.render.wrap import line_spans

    words = st.sampled_from(
        ["huobi", "火币", "，", "。", "）", " ", "  ", "\u3000", "—", "a-very-long-identifier", "x"]
    )

    @given(st.lists(words, max_size=40).map("".join), st.integers(min_value=1, max_value=30))
    def check(text: str, room: int) -> None:
        assert line_spans(text, room) == _spans_by_slicing(text, room)

    check()


def test_a_chinese_date_is_never_broken() -> None:
    from exitcheck.render.wrap import line_spans, wrap_display

    text = "最迟于2026年12月7日已完成；生效：2021年12月31日 24:00（UTC+8）"
    for width in range(14, 40):
        lines = [line.strip() for line in wrap_display(text, width, "")]
        pieces = [text[a:b] for a, b in line_spans(text, width)]
        for chunks in (lines, pieces):
            assert "2026年12月7日" in "\n".join(chunks) and "2021年12月31日" in "\n".join(chunks)
