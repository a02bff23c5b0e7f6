"""Write hard17.txt: hard negatives of the shapes the rules of what stands beside a name read.

    .venv/bin/python tools/data/match17/hard17.py
    .venv/bin/python tools/eval_matching.py --mix tools/data/match17/hard17.txt [--wrong]

Other companies that share a word or sound with a registry name, with the legal forms of many
jurisdictions, products and units of other platforms, banks' names, countries in other
scripts and codes in capitals beside them, in the wrappings of mix17.py. None may be a
confident match (review is allowed here: these are built to be close). Seeded.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from mix17 import _wrap  # noqa: E402

OUT = HERE / "hard17.txt"
SEED = 1718
ROWS = 3000

EVERYDAY = [
    "Keystone",
    "Tiger",
    "Gate",
    "Spark",
    "Neo",
    "Mars",
    "Bee",
    "Loop",
    "Matrix",
    "Pocket",
    "Summit",
    "Cobalt",
    "Hyper",
    "Chain",
    "Golden Gate",
    "Coin World",
    "Token",
    "Bright Smart",
    "Link",
    "Odaily Tea",
    "Yunbi Foods",
    "Cobo Kitchen",
]
TRADES = [
    "Foods",
    "Logistics",
    "Dental",
    "Plumbing",
    "Capital Partners",
    "Brewing",
    "Automotive",
    "Textiles",
    "Media",
    "Holdings",
    "Consulting",
    "Realty",
]
FORMS = [
    "GmbH",
    "AG",
    "S.A.",
    "S.A. de C.V.",
    "Pty Ltd",
    "FZE",
    "FZCO",
    "FZ-LLC",
    "B.V.",
    "N.V.",
    "S.r.l.",
    "S.p.A.",
    "Sp. z o.o.",
    "s.r.o.",
    "Kft.",
    "ApS",
    "A/S",
    "AB",
    "Oy",
    "OÜ",
    "UAB",
    "SIA",
    "Sdn Bhd",
    "PT",
    "Ltda",
    "OOO",
    "ООО",
    "АО",
    "TOV",
    "株式会社",
    "有限公司",
    "주식회사",
    "Ltd",
    "LLC",
    "Inc.",
    "PLC",
    "KK",
    "GK",
]
OTHER_PRODUCTS = [
    "Trust Wallet",
    "Coinbase Wallet",
    "Exodus Wallet",
    "MetaMask Swap",
    "Uniswap Swap",
    "Kraken Pool",
    "Slush Pool",
    "Antpool Mining",
    "Phantom Wallet",
    "Rabby Wallet",
    "PancakeSwap",
    "SushiSwap",
    "Ledger Live",
    "Trezor Suite",
]
BANKS = [
    "Sberbank",
    "Сбербанк",
    "Commerzbank",
    "Raiffeisenbank",
    "Tinkoff Bank",
    "Альфа-Банк",
    "Deutsche Bank",
    "Handelsbanken",
    "Rabobank",
    "Sparkasse",
]
COUNTRIES = ["Россия", "Казахстан", "Україна", "日本", "한국", "ไทย", "Türkiye", "Deutschland"]
CODES = ["GBR", "DEU", "FRA", "USA", "AUS", "KOR", "JPN", "BRA", "GB", "DE", "PL"]


def _name(rnd: random.Random) -> str:
    shape = rnd.randrange(6)
    word = rnd.choice(EVERYDAY)
    if shape == 0:
        return f"{word} {rnd.choice(TRADES)} {rnd.choice(FORMS)}"
    if shape == 1:
        return f"{rnd.choice(FORMS)} {word} {rnd.choice(TRADES)}"
    if shape == 2:
        return rnd.choice(OTHER_PRODUCTS)
    if shape == 3:
        return f"{rnd.choice(BANKS)} {word} {rnd.choice(TRADES)}"
    if shape == 4:
        return f"{word} {rnd.choice(TRADES)} {rnd.choice(COUNTRIES)}"
    return f"{word.upper()} {rnd.choice(TRADES).upper()} {rnd.choice(CODES)}"


def main() -> None:
    rnd = random.Random(SEED)
    rows = []
    for _ in range(ROWS):
        name = _name(rnd)
        rows.append(name if rnd.random() < 0.3 else _wrap(rnd, name, "latin"))
    head = f"# {ROWS} hard negatives beside registry-like names (hard17.py, seed {SEED})"
    OUT.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({ROWS} rows)")


if __name__ == "__main__":
    main()
