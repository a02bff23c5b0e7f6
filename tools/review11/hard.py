"""Hard negatives for the record-line rules of 8 Dec (exact_sole, roles, party fields).

    .venv/bin/python tools/review11/hard.py > tools/data/review11/hard11.txt

Each line is a record (device name, log, listing, feed, ledger, form, filing) in which a
registry name stands as something other than the record's party: a unit, product, affiliate,
regional entity, namesake, a part of another company's name, another person's employer, a
destination or a source; or another company sharing a word with a registry name. None should
be a confident match. Fixed seed: the file is the same on every run.
"""

from __future__ import annotations

import random

NAMES = [
    "Binance",
    "OKX",
    "Huobi",
    "Bybit",
    "KuCoin",
    "Bitget",
    "MEXC",
    "Gate",
    "CoinEx",
    "BitMart",
    "TokenPocket",
    "Loopring",
    "F2Pool",
    "OKCoin",
    "HTX",
    "Futu",
    "Tiger",
]
ZH = ["币安", "火币", "欧易", "库币", "抹茶", "路印", "鱼池", "富途", "星火矿池"]
UNIT = [
    "Pay",
    "Labs",
    "Ventures",
    "Card",
    "Research",
    "Academy",
    "Wallet",
    "Chain",
    "Earn",
    "Cloud",
    "NFT",
    "Launchpad",
    "Charity",
    "Foundation",
    "Square",
    "Live",
    "Pool",
    "DEX",
]
REGION = [
    "Japan",
    "US",
    "EU",
    "TR",
    "AU",
    "Thailand",
    "Kazakhstan",
    "Bahrain",
    "Lithuania",
    "日本",
    "香港",
    "新加坡",
    "Türkiye",
    "Brasil",
    "Indonesia",
    "UAE",
    "India",
    "NL",
]
FORM = [
    "GmbH",
    "Ltd",
    "LLC",
    "S.A.",
    "Pte. Ltd.",
    "株式会社",
    "有限公司",
    "sp. z o.o.",
    "B.V.",
    "Inc.",
    "SAS",
    "AG",
    "K.K.",
    "Sdn Bhd",
    "OÜ",
]
OTHER = [
    "Acme Corp",
    "Fundco LP",
    "Globex Trading",
    "Kraken",
    "Coinbase",
    "Nordic Pay AB",
    "深圳市星辰科技有限公司",
    "Harbor Freight",
    "Initech",
    "Stripe Payments",
    "杭州云帆网络",
    "Wirex",
    "Revolut Ltd",
    "Bitstamp",
    "Luno",
    "Paxos",
    "Zodia Custody",
]
PEOPLE = ["John Lee", "Maria Rossi", "陈小姐", "王伟", "Ivan Petrov", "Kim Jiwoo", "A. Khan"]
NAMESAKE = {
    "Gate": ["Golden Gate Bridge", "Gate Gourmet", "Gate 12B", "Gatehouse", "Gate Cafe"],
    "Tiger": ["Tiger Balm", "Tiger Beer", "Tiger Woods", "Tiger Lily", "Tiger Brands"],
    "Futu": ["Futurama", "Futu Shanghai Kitchen", "Futuristic Ltd"],
    "HTX": ["HTX Logistics", "Houston HTX Airport"],
    "Binance": ["Binancer Studio", "Binanceo Cafe"],
    "OKX": ["OKX Motors", "OKXpress Couriers"],
    "Loopring": ["Looprings Jewelry", "Loop Ring Co"],
    "MEXC": ["MEXCO Plastics", "MEXCARGO"],
    "KuCoin": ["KuCoins Laundromat"],
    "Bybit": ["Bybits Bakery"],
    "Bitget": ["BitGetter Tools"],
}
WORD_LIKE = [
    "Gate Capital",
    "Gatechain Logistics",
    "Binary Dance",
    "OK Express",
    "Huobee Farm",
    "Bit Mart Grocery",
    "Coin Ex Machina",
    "Tokenpocket Pals",
    "Loop Ringers",
    "Kucoon Toys",
    "By Bit Studio",
    "MEX Co",
    "Bitgeta",
    "Futuo Trading",
    "Tigers Den",
    "火币网吧",
    "币安路便利店",
    "库币街",
    "富途大道",
    "抹茶拿铁",
    "鱼池边烧烤",
]
DOMAINS = [
    "binance-support.help",
    "okx-login.net",
    "huobi-gift.xyz",
    "bybit.com.verify.io",
    "kucoin-airdrop.app",
    "bitget-bonus.cc",
    "mexc.global-claim.org",
    "gate-io.top",
    "binnance.com",
    "0kx.com",
    "huob1.pro",
    "bybitt.com",
    "kuc0in.com",
]

TEMPLATES = [
    # devices, networks, hosts
    "SSID: {N}-{U}-Guest · WPA2-PSK",
    "hostname {NU}-SRV02 · OU=Ops",
    "Device: {P}'s iPhone ({N} work) · last seen 2024-03-01",
    "SSID: {NS}-5G · channel 36",
    # logs
    "2024-03-01T10:22:11Z INFO forwarding withdrawal to {N} hot wallet tx=0x9af3",
    "[ERROR] upstream {N} {R} API timeout after 30s (retry 3/5)",
    "网关日志 转账至 {Z} 失败 504 对方：{O}",
    "[{O}] price feed stale: source={N} lag=12s",
    "audit: user {P} exported keys to {N} app v3.2",
    "INFO relay {NU} -> {O} settled 1200 USDT",
    # listings
    "Listed exchanges: {N} · Token: ABC · Supply 1B",
    "{O} | Category: Exchanges | Similar: {N}",
    "Job: Senior Engineer @ {O} | Previously: {N} (2019–2022)",
    "Vendor: {O} · Product: {NU} integration kit",
    "{NS} | Open 9–5 | Tel 555-0102",
    "{W} | Tel +86 21 5555 0101 | 营业中",
    # feeds
    "[快讯] {O} 宣布与 {N} 达成合作",
    "Ticker: {N}/{R} volume 24h 1.2M",
    "RSS: {O} launches {N}-style earn product",
    "Feed · {NR} opens registrations in {R2}",
    # ledgers
    "Payee: {O} | Memo: refund re {N} fees | Amt 120.00",
    "2024-01-05 | {O} | ref {N} {U} | -45.00 USD",
    "账户名：{O} | 备注：{Z}充值 | 金额 500",
    "Counterparty: {O} · Ref: {NF}",
    "Beneficiary: {P} · Employer: {N} · Amount 3,000",
    "Transfer to {NF} 2023-06-01 EUR 900",
    # forms
    "Name: {P} | Company: {O} | Referred by: {N}",
    "Company: {NS} | Issue: refund",
    "Merchant: {NR} · MCC 6051",
    "Consignee: {O} | Shipper: {N} {R} | HS 8471",
    "Employer: {N} {R} | Applicant: {P}",
    "Organisation: {NF} | Contact: {P}",
    # filings
    "Form D | Issuer: {O} | Related: {N} {U}",
    "Subsidiary: {NF} · Parent: {O}",
    "{O} 8-K: agreement with {NR} dated 2024-02-01",
    "注册主体：{Z}{R} | 实际控制人：{P}",
    "Trademark: {N} {U} · Owner: {O} · Class 36",
    # domains
    "URL: https://{D}/login · status 200",
    "From: support@{D} | Subject: verify your account",
    "mail.{D} MX 10 · registered 2024-03-02",
    # two names
    "{N} vs {N2} fees compared | 2024",
    "{N} → {N2} transfer 0.5 BTC",
    "{Z} / {Z2} 对比 手续费",
    # other languages
    "Empresa: {O} · Socio: {N} {U}",
    "Firma: {NF} · Kontakt: {P}",
    "Компания: {O} · партнёр {N}",
    "회사: {O} | 제휴: {N} {U}",
    "Société: {NR} · SIREN 912 345 678",
    "ブランド：{N}{U} · 運営：{O}",
    # mixed script
    "{Z}({N}){R} 子公司 | 注册地 {R2}",
    "收货人 {P} | 品名 {N} {U} T恤",
    "{N}{R} 充值 失败 504",
    "{Z}学院 · 讲师 {P}",
    "{Z}{U} | 运营：{O}",
]


def fill(rng: random.Random, t: str) -> str:
    n = rng.choice(NAMES)
    n2 = rng.choice([x for x in NAMES if x != n])
    z = rng.choice(ZH)
    z2 = rng.choice([x for x in ZH if x != z])
    namesake = rng.choice(NAMESAKE.get(n, []) or [f"{n}s Diner"])
    values = {
        "N": n,
        "N2": n2,
        "Z": z,
        "Z2": z2,
        "U": rng.choice(UNIT),
        "R": rng.choice(REGION),
        "R2": rng.choice(REGION),
        "O": rng.choice(OTHER),
        "P": rng.choice(PEOPLE),
        "NU": f"{n} {rng.choice(UNIT)}",
        "NR": f"{n} {rng.choice(REGION)}",
        "NF": f"{n} {rng.choice(REGION)} {rng.choice(FORM)}",
        "NS": namesake,
        "W": rng.choice(WORD_LIKE),
        "D": rng.choice(DOMAINS),
    }
    return t.format(**values)


def main() -> None:
    rng = random.Random(1108)
    seen: set[str] = set()
    out: list[str] = []
    for _ in range(9000):
        line = fill(rng, rng.choice(TEMPLATES))
        if line not in seen:
            seen.add(line)
            out.append(line)
        if len(out) >= 4000:
            break
    print("# tools/review11/hard.py: hard negatives; none should be a confident match")
    print("\n".join(out))


if __name__ == "__main__":
    main()
