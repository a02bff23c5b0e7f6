"""The plain-text renderer's wrapping: a line that fits is kept as textwrap would keep it."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.render.safe import printable
from exitcheck.render.text import Renderer

TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(" \t\n\r\x0b\x0c\u3000-ab火"), st.characters()), max_size=50
)


@settings(max_examples=400)
@given(TEXT, st.sampled_from(["", "  ", "    ", " " * 14]), st.integers(min_value=40, max_value=90))
def test_as_textwrap(text: str, indent: str, width: int) -> None:
    renderer = Renderer(width=width)
    expected = textwrap.wrap(
        printable(text), renderer.width, initial_indent=indent, subsequent_indent=indent
    ) or [indent]
    assert renderer.wrap(text, indent) == expected


def test_edges_as_textwrap() -> None:
    renderer = Renderer(width=40)
    for text in [
        "",
        " ",
        "  lead",
        "trail ",
        "x" * 38,
        "x" * 39,
        "a b " * 12,
        "a\tb\nc",
        "\x0bv",
        "\xa0",
        "ab \xa0",
        "\u3000x",
    ]:
        expected = textwrap.wrap(
            printable(text), 40, initial_indent="  ", subsequent_indent="  "
        ) or ["  "]
        assert renderer.wrap(text, "  ") == expected, text
