"""Generate match24's adversarial lines: records of labelled fields holding a registry platform
in its party's field or heading the record (positives: the label rule must not demote them),
and in another role beside a party field holding someone else (the rule's target).

Usage: python tools/data/match24/generate.py OUT_DIR  (writes positives.tsv and roles.tsv)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

PLATFORMS = [
    ("binance", "Binance"),
    ("okex", "OKX"),
    ("huobi", "Huobi"),
    ("bybit", "Bybit"),
    ("kraken", "Kraken"),
    ("kucoin", "KuCoin"),
    ("gate-io", "Gate.io"),
    ("bitget", "Bitget"),
    ("coinbase", "Coinbase"),
    ("bitfinex", "Bitfinex"),
    ("mexc", "MEXC"),
    ("huobi", "火币"),
    ("binance", "币安"),
    ("okex", "欧易"),
    ("bitmain", "Bitmain"),
    ("f2pool", "F2Pool"),
]
OTHERS = [
    "Acme Trading Ltd",
    "Nordwind GmbH",
    "Birch Capital LLC",
    "Helix Partners",
    "张伟",
    "Orion Labs Pte Ltd",
    "Lumen Payments",
    "Kaiko",
    "Alpha Trust Co",
    "Fundco LP",
    "深圳市星河科技有限公司",
    "Maria Ruiz",
    "Tom Becker",
    "Cedar Advisory",
]
PARTY = [
    "Merchant",
    "Counterparty",
    "Payee",
    "Beneficiary",
    "Issuer",
    "Seller",
    "Exchange",
    "Platform",
    "Broker",
    "Vendor",
    "Company",
    "对方",
    "商户",
    "收款方",
    "交易所",
]
OTHER = [
    "Price source",
    "Dataset",
    "Reference",
    "Oracle",
    "Benchmark",
    "Notes",
    "Tag",
    "Data",
    "Feed",
    "Comparison",
    "Destination",
    "Remark",
    "备注",
    "数据",
    "参考",
]
FILL = [
    "Amount: 1,200.00 USD",
    "Date: 2024-03-01",
    "Status: settled",
    "Ref: INV-2291",
    "Qty: 10",
    "UID: 38120044",
    "金额：3000",
    "Period: 2023-01 to 2023-12",
]
SEPS = [" | ", "; ", " · ", "，"]


def line(rng: random.Random, parts: list[str]) -> str:
    return rng.choice(SEPS).join(parts)


def main(out: Path) -> None:
    rng = random.Random(24)
    pos, roles = [], []
    for _ in range(1500):
        eid, name = rng.choice(PLATFORMS)
        fill = rng.sample(FILL, 2)
        shape = rng.randrange(4)
        if shape == 0:  # the platform in its party's field, another party field beside it
            parts = [f"{rng.choice(PARTY)}: {name}", f"Holder: {rng.choice(OTHERS)}", *fill]
        elif shape == 1:  # the platform heads the record
            parts = [name, f"{rng.choice(PARTY)}: {rng.choice(OTHERS)}", *fill]
        elif shape == 2:  # a party field and fill only
            parts = [*fill, f"{rng.choice(PARTY)}: {name}"]
        else:  # a key=value record
            parts = [f"exchange={name.lower()}", f"account={rng.choice(OTHERS)}", *fill]
        rng.shuffle(parts) if shape in (0, 2) else None
        pos.append(f"{line(rng, parts)}\t{eid}\tgen_party\tmatch")
        other = rng.choice(OTHERS)
        parts = [f"{rng.choice(PARTY)}: {other}", f"{rng.choice(OTHER)}: {name}", *fill]
        rng.shuffle(parts)
        roles.append(f"{line(rng, parts)}\t{eid}\tgen_role\treview")
    (out / "positives.tsv").write_text("\n".join(sorted(set(pos))) + "\n", encoding="utf-8")
    (out / "roles.tsv").write_text("\n".join(sorted(set(roles))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
