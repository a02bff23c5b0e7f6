"""The plain-text renderer's wrapping gives textwrap's lines (``wrap.wrap_words``, faster)."""

from __future__ import annotations

import textwrap

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
