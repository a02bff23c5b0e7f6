"""Masked names ('Bin***', '北京火币天下网络技术有限**'): what is hidden cannot be checked, so a
masked name is never a confident match, whatever it resembles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import exitcheck

REGISTRY = exitcheck.load()
NAMES = sorted(
    {e.name for e in REGISTRY.entities} | {e.name_zh for e in REGISTRY.entities if e.name_zh}
)


@pytest.mark.parametrize(
    "name",
    ["Coin***", "Binance***", "OK**", "Hu**i Global", "火币**", "北京火币天下网络技术有限**",
     "Kucoin ●●●●", "Gate.io •• Exchange", "Hu*obi",
     "Beijing Huobi Tianxia Network Technology Co., **td.",  # a part read alone is unmasked
     "Company: Bin***e · Status: open"],
)  # fmt: skip
def test_a_masked_name_is_never_matched_confidently(name: str) -> None:
    answer = exitcheck.lookup(REGISTRY, name)
    assert answer.decision != "match", (name, answer.match)


@pytest.mark.parametrize("name", ["Huobi*", "Binance (*)", "OKX * Exchange", "huobi"])
def test_a_footnote_star_is_not_masking(name: str) -> None:
    assert exitcheck.lookup(REGISTRY, name).decision == "match"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(NAMES), st.data())
def test_masking_any_part_of_a_registry_name_leaves_it_unconfirmed(
    name: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(min_value=1, max_value=len(name)))
    mask = data.draw(st.sampled_from(["**", "***", "●●", "＊＊", "••"]))
    masked = name[:at] + mask + name[at + 1 :]
    assert exitcheck.lookup(REGISTRY, masked).decision != "match", masked
