"""match21's adversarial pass: hard negatives of the shapes the labelled.py bands read (party
fields, device and host names, a unit's word after a name), written with other firms' names,
everyday senses, other labels and the initials of nothing in the registry. None may be a
confident match; the shapes that hold no registry name whole should stay none.

    .venv/bin/python tools/data/match21/adversarial.py [--show]
"""

from __future__ import annotations

import itertools
import random
import sys
from collections import Counter

from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

EVERYDAY = ["Tiger", "Gate", "Keystone", "Spark", "TIGER", "GATE", "KEYSTONE", "SPARK"]
OTHER_FIRMS = [
    "Tiger Balm (HK) Ltd",
    "Gate Hardware Supplies",
    "Keystone Foods LLC",
    "Spark Therapeutics",
    "Golden Gate Bakery",
    "Blue Tiger Textiles",
    "Keystone Automotive Inc",
    "Spark Plug Co",
    "Iron Gate Winery",
    "Tiger Sugar",
    "Keystone Heights Dental",
    "Gate Group AG",
    "Tiger Airways",
    "Spark Energy Ltd",
    "Gateway Logistics",
    "Tigerair",
    "Sparkle Cleaning",
    "KC Logistics",
    "HB Fuller",
    "TP Link",
    "BNC Holdings",
    "OKG Partners",
    "GT Auto Parts",
]
PARTY = [
    "Consignee",
    "Shipper",
    "Buyer",
    "Company",
    "DBA",
    "Author",
    "Payee",
    "Employer",
    "Customer",
    "Client",
    "Merchant",
    "Beneficiary",
    "Organizer",
    "收款方",
]
OTHER_LABELS = [
    "Brand",
    "Gate",
    "Terminal",
    "Color",
    "Pattern",
    "Model",
    "Product",
    "Breed",
    "Mascot",
    "Team",
    "Theme",
    "Species",
    "Style",
    "Room",
    "Zone",
    "Nickname",
]
TAILS = [
    "Ref: 2291",
    "MCC 5999",
    "Qty: 4",
    "Status: open",
    "Port: Ningbo",
    "Flight: CA981",
    "Seat: 14C",
    "Amount: 120.00",
    "备注：无",
]
SEPS = [" | ", " · ", "; ", " — ", "   "]
IDENT_HEADS = [
    "Golden",
    "Pearl",
    "Iron",
    "Blue",
    "My",
    "Home",
    "Cafe",
    "Hotel",
    "Lobby",
    "HB",
    "KC",
    "BNC",
    "TP",
    "GT",
    "OKG",
    "Star",
    "Moon",
    "Red",
]
IDENT_TAILS = [
    "5G",
    "2.4G",
    "Guest",
    "Office",
    "Lily",
    "Valve",
    "Plug",
    "Shark",
    "Lake",
    "Heights",
    "Balm",
    "Beer",
    "Park",
    "House",
    "SRV01",
    "iPad",
    "PC-02",
]
UNITS = [
    "Labs",
    "Ventures",
    "Card",
    "Pay",
    "Wallet",
    "Academy",
    "Research",
    "Foundation",
    "Cloud",
    "Chain",
    "Coin",
    "Token",
    "Capital",
    "Global",
    "Partners",
]


def generated() -> list[tuple[str, str]]:
    """(kind, text): the shapes, most with no registry name whole in them."""
    out: list[tuple[str, str]] = []
    for label, firm, sep, tail in itertools.product(PARTY, OTHER_FIRMS, SEPS, TAILS[:3]):
        out.append(("party_other_firm", f"{label}: {firm}{sep}{tail}"))
    for label, name, sep, tail in itertools.product(OTHER_LABELS, EVERYDAY, SEPS, TAILS):
        out.append(("other_label_everyday", f"{label}: {name}{sep}{tail}"))
    for head, name, tail in itertools.product(IDENT_HEADS, EVERYDAY, IDENT_TAILS):
        out.append(("identifier_inner", f"SSID {head}-{name}-{tail}"))
    for name, tail in itertools.product(EVERYDAY, IDENT_TAILS):
        if tail in (
            "Lily",
            "Valve",
            "Plug",
            "Shark",
            "Lake",
            "Heights",
            "Balm",
            "Beer",
            "Park",
            "House",
        ):
            out.append(("identifier_other_word", f"{name}-{tail} catalogue"))
    for head, tail in itertools.product(IDENT_HEADS, IDENT_TAILS):
        out.append(("identifier_initials", f"hostname {head}-{tail}"))
    for first, unit, sep in itertools.product(
        ["Golden", "Tigers", "Gates", "Sparks", "Stone", "Lion", "Bear", "Door", "Fire", "Key"],
        UNITS,
        SEPS,
    ):
        out.append(("unit_other_name", f"{first} {unit}{sep}Seed round"))
    for name, unit in itertools.product(EVERYDAY[:4], UNITS):
        out.append(("unit_three_words", f"{name} {unit} Shanghai Co | incubator"))
        out.append(("unit_lower", f"{name} {unit.lower()} reader · model 7"))
    random.Random(21).shuffle(out)
    return out


def main() -> int:
    index = load([shipped_registry()], use_cache=False).index
    counts: Counter[tuple[str, str]] = Counter()
    shown = "--show" in sys.argv
    rows = generated()
    for kind, text in rows:
        result = match(index, text)
        counts[(kind, result.decision)] += 1
        if result.decision == "match" or (shown and result.decision == "ambiguous"):
            print(
                f"{result.decision}\t{result.entity_id or result.candidates[0].entity_id}\t{text}"
            )
    print(f"{len(rows)} generated")
    for kind in sorted({k for k, _ in counts}):
        row = {d: counts[(kind, d)] for d in ("match", "ambiguous", "none")}
        print(f"{kind:24} {row}")
    return 1 if any(d == "match" for _, d in counts) else 0


if __name__ == "__main__":
    sys.exit(main())
