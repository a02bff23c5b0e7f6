"""Write tests/data/company_mix.txt: names of companies that are not crypto platforms.

    .venv/bin/pip install faker && .venv/bin/python tools/company_mix.py

The matcher must leave such names alone: no confident match, at most 1% sent to review
(issue 24; ``tools/eval_matching.py --mix tests/data/company_mix.txt`` reports the rates).
The mix is what a counterparty book holds: company names from Faker in the languages of the
book (seeded, so the file is the same on every run), and names built from everyday words,
the words some registry names are (Keystone, Tiger, Gate, Spark, Loop, Pocket, Mars, Bee,
Token, Matrix …), with the trade and legal form a real company would add ('Keystone Foods
LLC', '老虎食品有限公司'). Faker is needed only here, never by exitcheck or its tests.
"""

from __future__ import annotations

import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "company_mix.txt"
LOCALES = {
    "en_US": 700,
    "en_GB": 250,
    "de_DE": 150,
    "fr_FR": 100,
    "es_ES": 80,
    "it_IT": 80,
    "nl_NL": 60,
    "zh_CN": 400,
    "zh_TW": 150,
    "ja_JP": 100,
    "ko_KR": 80,
    "ru_RU": 50,
}
EVERYDAY = [
    "Keystone", "Tiger", "Gate", "Golden Gate", "Spark", "Loop", "Pocket", "Mars", "Bee",
    "Token", "Matrix", "Summit", "Eagle", "Phoenix", "Anchor", "Pioneer", "Atlas", "Orbit",
    "Harbor", "Lotus", "Sesame", "Mocha", "Bike", "Discus", "Chain", "Coin", "Fish Pond",
    "Key", "Stone", "Sparkle", "Looping", "Pocketful", "Marsh", "Busy Bee", "Red Tiger",
    "Blue Matrix", "Cloud", "Big One", "Open Gate", "World", "Trading Post", "Market Cap",
    "Up", "View", "Pool", "Hyper", "Bit", "Gecko", "Coin World", "Chain Link", "Neo",
    "Bright Smart", "Mars Project", "Interactive",
]  # fmt: skip
TRADES = [
    "Foods", "Mining", "Finance", "Logistics", "Capital", "Partners", "Energy", "Insurance",
    "Holdings", "Trading", "Airways", "Brewing", "Consulting", "Systems", "Realty", "Media",
    "Dental", "Auto Parts", "Construction", "Pharmacy", "Apparel", "Studios", "Fitness",
    "Bakery", "Travel", "Security", "Pools", "Shipping", "Marketing", "Software",
]  # fmt: skip
FORMS = ["", "LLC", "Ltd", "Inc.", "Co., Ltd.", "GmbH", "Pty Ltd", "Limited", "Corp", "PLC"]
EVERYDAY_ZH = [
    "老虎", "火星", "抹茶", "鱼池", "蜜蜂", "钥匙", "火花", "口袋", "矩阵", "大门", "芝麻",
    "星火", "路口", "富贵", "安心", "火锅", "币值", "链条", "世界", "闻香", "库房",
]  # fmt: skip
TRADES_ZH = ["食品", "餐饮", "文化传媒", "物流", "养殖", "建材", "服装", "电子", "茶饮", "旅游"]


def everyday(rng: random.Random, n: int) -> list[str]:
    out = set()
    while len(out) < n:
        if rng.random() < 0.8:
            parts = [rng.choice(EVERYDAY), rng.choice(TRADES), rng.choice(FORMS)]
            out.add(" ".join(p for p in parts if p))
        else:
            out.add(rng.choice(["", "北京", "上海", "深圳"]) + rng.choice(EVERYDAY_ZH)
                    + rng.choice(TRADES_ZH) + "有限公司")  # fmt: skip
    return sorted(out)


def main() -> None:
    from faker import Faker

    names: set[str] = set()
    for seed, (locale, count) in enumerate(LOCALES.items()):
        fake = Faker(locale)
        fake.seed_instance(seed)
        target = len(names) + count
        for _ in range(count * 20):
            if len(names) >= target:
                break
            names.add(fake.company())
    rng = random.Random(24)
    lines = sorted(names) + everyday(rng, 400)
    header = "# Names of companies that are not crypto platforms (tools/company_mix.py)."
    OUT.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    print(f"{len(lines)} names written to {OUT}")


if __name__ == "__main__":
    main()
