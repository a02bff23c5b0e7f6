"""Generate a synthetic registry of N entities with realistic Latin, Chinese and mixed names.

    python benchmarks/generate.py 100000 > /tmp/registry-100k.toml

Deterministic for a given N and --seed. Each entity has 1-5 measures (inline tables, to keep
100,000 entities under the registry size limit). Names are unique after normalisation.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator

LATIN_SYLLABLES = [
    "ba", "bi", "bit", "block", "chain", "coin", "crypt", "da", "de", "dex", "do", "ex", "fi", "flux",
    "ga", "gen", "hash", "hyper", "io", "ka", "ko", "la", "ledger", "lo", "lum", "ma", "max", "meta",
    "mi", "mint", "na", "neo", "no", "nova", "on", "or", "pay", "pi", "po", "quant", "ra", "ro", "sa",
    "se", "so", "star", "ta", "ter", "to", "tra", "u", "va", "vo", "wa", "xa", "yo", "za", "zen",
]  # fmt: skip
LATIN_SUFFIXES = [
    "",
    "",
    "",
    " Exchange",
    " Pool",
    " Capital",
    " Markets",
    " Labs",
    " Wallet",
    " Global",
    " Pro",
    " X",
]
CHINESE_CHARS = list(
    "安宝币比彩诚达鼎东丰富港广国海航浩和恒红华汇火佳嘉金晶京聚凯康蓝乐力联链龙路美明诺欧鹏普奇启瑞润森盛顺泰天通网维鑫星兴旭炎阳银宇元云泽哲智中众卓"
)
CHINESE_SUFFIXES = ["", "", "交易所", "矿池", "钱包", "科技", "网络科技有限公司", "数字"]
ENTITY_KINDS = [
    "exchange",
    "mining_pool",
    "wallet",
    "broker",
    "defi_protocol",
    "data_site",
    "project",
    "domestic_company",
]
MEASURE_KINDS = [
    "registration_stopped", "users_cleared", "closed", "service_stopped", "product_restricted",
    "features_limited", "access_blocked", "statement", "dissolved", "exit_planned",
]  # fmt: skip


def latin_name(rng: random.Random) -> str:
    word = "".join(rng.choice(LATIN_SYLLABLES) for _ in range(rng.randint(2, 4)))
    return word.capitalize() + rng.choice(LATIN_SUFFIXES)


def chinese_name(rng: random.Random) -> str:
    return "".join(rng.choice(CHINESE_CHARS) for _ in range(rng.randint(2, 4))) + rng.choice(
        CHINESE_SUFFIXES
    )


def measures(rng: random.Random) -> str:
    items = []
    for _ in range(rng.randint(1, 5)):
        kind = rng.choice(MEASURE_KINDS)
        day = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        dates = "" if kind in ("statement", "exit_planned") else f",effective={day}"
        items.append(
            f'{{kind="{kind}",scope="mainland users",announced={day}{dates},description="Synthetic.",source="syn",locator={{paragraph=1,quote="q"}}}}'
        )
    return "[" + ",".join(items) + "]"


def entities(n: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    seen: set[str] = set()
    i = 0
    while i < n:
        style = rng.random()
        name = latin_name(rng)
        name_zh = chinese_name(rng) if style < 0.6 else None
        if style > 0.9 and name_zh:
            name = f"{name.split()[0]} {name_zh[:2]}"  # mixed script
        keys = {"".join(ch for ch in name.casefold() if ch.isalnum()), name_zh}
        if keys & seen:
            continue
        seen |= {k for k in keys if k}
        i += 1
        zh = f'name_zh="{name_zh}"\n' if name_zh else ""
        yield f'[[entities]]\nid="e{i:06d}"\nname="{name}"\n{zh}kind="{rng.choice(ENTITY_KINDS)}"\nmeasures={measures(rng)}\n'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = sys.stdout
    out.write(
        '[registry]\nname = "synthetic"\nversion = "1"\nlast_reviewed = 2026-11-25\nschema = 1\n\n'
    )
    out.write(
        '[[sources]]\nid = "syn"\ntitle = "Synthetic"\npublisher = "benchmarks/generate.py"\npublished = 2026-11-25\nlanguage = "en"\nurl = "https://example.invalid/synthetic"\n\n'
    )
    for block in entities(args.count, args.seed):
        out.write(block)


if __name__ == "__main__":
    main()
