"""Regenerate the ccxt part of data/others.toml: exchange names and web sites from ccxt.

ccxt (MIT) describes every exchange it supports with an id, a display name and its web site.
Names and sites are facts; this script copies only those. Usage:

    pip download --no-deps ccxt==1.56.1 ccxt==4.5.90 -d /tmp/ccxt
    python tools/known_platforms.py /tmp/ccxt/ccxt-*.whl > /tmp/ccxt.toml

then paste the output over the `# ccxt` block of data/others.toml. Products of one exchange
(futures or margin APIs of the same company) are left out: they are that exchange, not another.
"""

from __future__ import annotations

import re
import sys
import zipfile

SKIP_IDS = {  # the same company's product APIs, not other platforms
    "binancecoinm", "binanceusdm", "coinbaseexchange", "coinbaseprime", "coinbasepro",
    "coinbaseinternational", "krakenfutures", "kucoinfutures", "huobipro", "okex5", "okx",
    "okex", "htx", "huobi", "okcoin", "bitfinex1", "bitfinex2", "bitstamp1", "binance",
    "gateio", "woofipro", "hitbtc3",
}  # fmt: skip


def exchanges(wheel: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if not re.fullmatch(r"ccxt/[a-z0-9]+\.py", name):
                continue
            text = z.read(name).decode("utf-8")
            found = re.search(r"'id': '([^']+)',\s*\n\s*'name': '([^']+)'", text)
            if not found or found[1] in SKIP_IDS:
                continue
            www = re.search(r"'www': '([^']+)'", text)
            out[found[1]] = (found[2], www[1] if www else "")
    return out


def main() -> None:
    merged: dict[str, tuple[str, str]] = {}
    for wheel in sys.argv[1:]:
        for key, value in exchanges(wheel).items():
            merged.setdefault(key, value)
    for key in sorted(merged):
        name, www = merged[key]
        host = re.sub(r"^https?://(www\.)?", "", www).split("/")[0]
        domains = f', domains = ["{host}"]' if host else ""
        print(f'  {{ name = "{name}"{domains} }},')


if __name__ == "__main__":
    main()
