"""Write a realistic counterparty list for the screening benchmark: 20% registry names in varied
forms, 80% other companies, almost every row a name not seen before in the run.

    python3 benchmarks/mix.py 100000 > /tmp/mix-100k.txt

The registry names are the shipped registry's names, Chinese names, aliases and ids, written
as a book writes them: as registered, upper or lower case, with a legal form or a place
('Huobi Global Ltd', '火币科技有限公司'), with a one-letter slip, with a row number. The other
companies are the names of tests/data/company_mix.txt and tests/data/blind/others_mix.txt
recombined (the first word of one before the rest of another: 'Hamilton Rogers Group'), so
that a million rows hold hundreds of thousands of distinct names, as a real book does, and the
per-name memo of ``screen`` does not hide the matcher's cost. Deterministic for a given N and
--seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10: the project's own dependency
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
LATIN_AFFIXES = ["Ltd", "Limited", "Global", "Inc.", "Exchange", "Holdings", "Pte. Ltd.", "LLC"]
CHINESE_AFFIXES = ["有限公司", "科技有限公司", "交易所", "(香港)有限公司", "网络科技"]


def registry_names() -> list[str]:
    data = tomllib.loads((ROOT / "data" / "entities.toml").read_text(encoding="utf-8"))
    names: list[str] = []
    for entity in data["entities"]:
        names += [entity["name"], entity["id"], *entity.get("aliases", ())]
        if entity.get("name_zh"):
            names.append(entity["name_zh"])
    return names


def other_names() -> list[str]:
    out: list[str] = []
    for path in ("tests/data/company_mix.txt", "tests/data/blind/others_mix.txt"):
        lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
        out += [line for line in lines if line.strip() and not line.startswith("#")]
    return out


def varied(name: str, rng: random.Random) -> str:
    """A registry name as a counterparty book may write it."""
    chinese = not name.isascii()
    roll = rng.random()
    if roll < 0.3:
        return name
    if roll < 0.45:
        return name.upper() if rng.random() < 0.5 else name.lower()
    if roll < 0.7:
        return name + (rng.choice(CHINESE_AFFIXES) if chinese else " " + rng.choice(LATIN_AFFIXES))
    if roll < 0.85 and not chinese and len(name) >= 6:  # a slip: two letters swapped
        i = rng.randrange(1, len(name) - 2)
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return f"{name} {rng.randrange(1, 10000)}"


def script(name: str) -> str:
    """The script of a name's first letter ('LATIN', 'CJK', 'HANGUL', 'CYRILLIC' …)."""
    import unicodedata

    letter = next((ch for ch in name if ch.isalpha()), "a")
    return "LATIN" if letter.isascii() else unicodedata.name(letter, "?").split()[0]


def recombined(others: list[str], rng: random.Random) -> str:
    """Another company: a name of the lists, or two of the same script recombined (the first
    word of one before the rest of another; the first characters of a Chinese, Japanese or
    Korean name before the last ones of another)."""
    a = rng.choice(others)
    if rng.random() < 0.2:
        return a
    b = rng.choice(others)
    while script(b) != script(a):
        b = rng.choice(others)
    if not a.isascii():
        return a[: max(1, len(a) // 2)] + b[len(b) // 2 :]
    first = a.split()[0]
    rest = b.split(maxsplit=1)[1] if " " in b else b
    return f"{first} {rest}"


def rows(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    registry, others = registry_names(), other_names()
    for _ in range(count):
        if rng.random() < 0.2:
            yield varied(rng.choice(registry), rng)
        else:
            yield recombined(others, rng)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    out = sys.stdout
    for name in rows(args.count, args.seed):
        out.write(" ".join(name.split()) + "\n")


if __name__ == "__main__":
    main()
