"""The JSON writer of the answers writes exactly what ``json.dumps`` (then ``json_safe``) writes."""

from __future__ import annotations

import json
from enum import Enum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.render.jsonfmt import indented
from exitcheck.render.safe import json_safe


def _stdlib(value: object) -> str:
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2))


# Text with what needs escaping: quotes, backslashes, controls, DEL, C1 controls, bidi marks,
# line separators, a BOM, lone surrogates, and ordinary Chinese and Latin letters.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            '"\\/\n\r\t\b\f\x00\x1f\x7f\x85\xad\u061c\u200b\u2028\u202e\u2066\ufeff\ufff9\ud800\udfff火币 aZ09'
        ),
        st.characters(),
    ),
    max_size=12,
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), TEXT
)
PLAIN = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(TEXT, inner, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=300)
@given(PLAIN)
def test_as_json_dumps(value: object) -> None:
    assert indented(value) == _stdlib(value)


class Colour(str, Enum):
    red = "red"


@pytest.mark.parametrize(
    "value",
    [
        {1: "a", "b": 2},  # a key that is not a string
        {"x": [float("nan"), float("-inf")]},
        {"c": Colour.red},  # a subclass of str
        {"k": True, "n": 10**30, "f": 1e-7, "e": [], "d": {}},
        [[[]], {}, ""],
    ],
)
def test_other_values_through_json(value: object) -> None:
    assert indented(value) == _stdlib(value)


def test_unknown_types_fail_as_json_does() -> None:
    with pytest.raises(TypeError):
        indented({"when": object()})
