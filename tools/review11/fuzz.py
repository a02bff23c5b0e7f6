"""Fuzz the matcher with record-shaped strings: labels, separators, registry names, hyphens,
brackets, Chinese record words and arbitrary text; nothing may raise.

    .venv/bin/python tools/review11/fuzz.py [EXAMPLES]
"""

from __future__ import annotations

import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

INDEX = load([shipped_registry()], use_cache=False).index
PIECES = [
    "Binance",
    "OKX",
    "火币",
    "抹茶",
    "MEXC",
    "Gate",
    "Tiger",
    "KuCoin",
    "币安",
    "欧易",
    "Buyer:",
    "Seller:",
    "Payee:",
    "Issuer:",
    "Name:",
    "exchange=",
    "SSID:",
    "hostname",
    "[快讯]",
    "（来源：",
    "ex-",
    "-",
    "_",
    " · ",
    " | ",
    "(",
    ")",
    "（",
    "）",
    "【",
    "】",
    "2019–2022",
    "Guest",
    "Cafe",
    "路",
    "网吧",
    "收货人",
    "Ltd",
    "GmbH",
    "Japan",
    "like",
    "\u200b",
    "\t",
    ":",
    "：",
    "=",
    '"',
    "PT",
    "KC",
    "交易所",
    "wallet",
    "@",
    ".com",
    "*",
    "***",
    "Bin***",
]
RECORD = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=12).map("".join)


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 3000

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    @given(RECORD)
    def check(text: str) -> None:
        result = match(INDEX, text)
        assert result.decision in {"match", "ambiguous", "none"}

    check()
    print(f"{examples} record-shaped strings: nothing raised")


if __name__ == "__main__":
    main()
