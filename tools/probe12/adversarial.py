"""Hard negatives for the rules that read a registry name inside longer text (issue 24, match12):
other companies and things whose names hold a distinctive registry name as a word (regional
entities, units, products, funds, copies, namesakes), in the wrappings of notes, CV lines,
invoices, pivots, calendars, logs and headlines. Prints every confident match (each is false)
and the counts.

    .venv/bin/python tools/probe12/adversarial.py [--show N]
"""

from __future__ import annotations

import random
import sys

from exitcheck.matching import match
from exitcheck.matching.results import DECISION_AMBIGUOUS, DECISION_MATCH
from exitcheck.store.loading import load, shipped_registry

NAMES = [
    "Binance",
    "Bybit",
    "KuCoin",
    "Bitget",
    "OKX",
    "OKEx",
    "Huobi",
    "HTX",
    "MEXC",
    "CoinEx",
    "BitMart",
    "Poolin",
    "ViaBTC",
    "CoinGecko",
    "CoinMarketCap",
    "TradingView",
    "Etherscan",
    "Matrixport",
    "Cobo",
    "Bitmain",
    "FTX",
    "HashCow",
    "HashMax",
    "Loopring",
    "imToken",
    "TokenPocket",
    "Interactive Brokers",
    "Futu",
    "Taobao",
    "Alibaba",
    "Baidu",
    "Zhihu",
    "Weibo",
    "Sogou",
    "Odaily",
    "ChainNews",
    "F2Pool",
    "Feixiaohao",
    "Yunbi",
    "HBTC",
    "BHEX",
    "JEX",
    "AEX",
    "CoinBene",
    "BiKi",
    "OKCoin",
    "BTCChina",
    "Bishijie",
    "HaoBTC",
    "BitKan",
]
ZH = [
    "币安",
    "火币",
    "库币",
    "抹茶",
    "欧易",
    "老虎证券",
    "富途",
    "淘宝",
    "百度",
    "知乎",
    "链闻",
    "鱼池",
]
COUNTRIES = [
    "Australia",
    "Kazakhstan",
    "Thailand",
    "Türkiye",
    "Turkey",
    "Japan",
    "Korea",
    "Brazil",
    "Argentina",
    "Mexico",
    "France",
    "Italy",
    "Spain",
    "Poland",
    "Lithuania",
    "Netherlands",
    "Germany",
    "Austria",
    "Sweden",
    "Bahrain",
    "Dubai",
    "UAE",
    "Singapore",
    "Hong Kong",
    "India",
    "Indonesia",
    "Philippines",
    "Vietnam",
    "Nigeria",
    "South Africa",
    "Kenya",
    "Canada",
    "USA",
    "United States",
    "United Kingdom",
    "New Zealand",
    "Georgia",
    "Armenia",
    "Ukraine",
    "Russia",
    "Czech Republic",
    "El Salvador",
    "Bermuda",
    "Cayman Islands",
    "Gibraltar",
    "Malta",
    "Cyprus",
    "Europe",
    "Asia",
    "Africa",
    "LatAm",
    "Middle East",
    "MENA",
    "APAC",
    "EMEA",
    "Nordics",
]
CODES = [
    "AU",
    "KZ",
    "TH",
    "TR",
    "JP",
    "KR",
    "BR",
    "AR",
    "MX",
    "FR",
    "IT",
    "ES",
    "PL",
    "LT",
    "NL",
    "DE",
    "AT",
    "SE",
    "BH",
    "AE",
    "SG",
    "HK",
    "IN",
    "ID",
    "PH",
    "VN",
    "NG",
    "ZA",
    "CA",
    "US",
    "UK",
    "NZ",
    "GE",
    "EU",
    "USA",
    "ARE",
    "SGP",
    "GBR",
]
COUNTRIES_ZH = [
    "日本",
    "美国",
    "韩国",
    "泰国",
    "土耳其",
    "澳大利亚",
    "巴西",
    "哈萨克斯坦",
    "迪拜",
    "欧洲",
    "新加坡",
    "印尼",
    "越南",
    "中东",
    "阿根廷",
    "加拿大",
    "香港",
]
UNITS = [
    "Labs",
    "Ventures",
    "Capital",
    "Research",
    "Academy",
    "Charity",
    "Foundation",
    "Pay",
    "Card",
    "Cloud",
    "Futures",
    "Earn",
    "Launchpad",
    "NFT",
    "Custody",
    "Bank",
    "Fund",
    "Insurance",
    "Bridge",
    "Chain",
    "Smart Chain",
    "Token",
    "Coin",
    "DEX",
    "Visa",
    "Lite",
    "Investments",
    "Partners",
    "Asset Management",
    "Institute",
    "Square",
    "Live",
    "P2P",
    "Web3",
    "Incubator",
    "Accelerator",
    "Options",
    "Margin",
    "Loans",
    "Bot",
]
TRADES = [
    "Motors",
    "Dental Clinic",
    "Kitchen Appliances",
    "Garden Supplies",
    "Travel Agency",
    "Media",
    "Records",
    "Bakery",
    "Consulting",
    "Logistics",
    "Plumbing",
    "Realty",
    "Hotel",
    "Pharma",
    "Textiles",
    "Studios",
    "Films",
    "Fitness",
    "Coffee",
    "Beauty Salon",
    "Auto Parts",
    "Construction",
    "Furniture",
    "Solar",
    "Foods",
    "Apparel",
    "Toys",
    "Shipping",
    "Dairy",
    "Farms",
    "Clinic",
    "Law Firm",
    "Architects",
    "Dentistry",
    "Tutoring",
    "Pet Care",
]
PREFIX = [
    "Golden",
    "Apex",
    "Blue",
    "New",
    "Acme",
    "Royal",
    "Smart",
    "Global Acme",
    "Sunrise",
    "Summit",
    "Pacific",
    "Northern",
    "Green",
    "First",
    "Red",
    "Silver",
    "Eagle",
    "Lucky",
]
COPIES = [
    "{n} clone",
    "{n} clone script",
    "like {n}",
    "sites like {n}",
    "{n} vs Coinbase",
    "{n}-style exchange",
    "{n} alternative",
    "{n} killer",
    "fake {n}",
    "{n} copycat",
    "apps similar to {n}",
    "better than {n}",
    "{n} lookalike",
    "rival {n}",
    "{n} inspired",
]
FORMS = ["", " Ltd", " LLC", " GmbH", " Pty Ltd", " Inc.", " S.A.", " Limited", " Co., Ltd."]
WRAPS = [
    "{x}",
    "Payment to {x} ref 1234",
    "Senior Analyst · {x} · Full-time · 2019–2021",
    "Product Manager @ {x}, 2019–2023",
    "{x} — invoice 2231 — USD 129.00",
    "{x} Total",
    "Total {x}",
    "Weekly sync: {x} (Thu 15:00 SGT)",
    "connector={x} status=ok",
    "V-1001 | {x} | Net 30 | USD",
    "{x} raises $10m – The Block",
    "Fwd: {x} – invoice",
    "Case 9021 – {x} onboarding",
    "ORG:{x};Compliance",
    "Zoom: {x} / Acme – review",
    "Employer: {x} — Dealer (2015–2021)",
    "Series: {x} fills",
    "{x} 汇总",
    "收款方：{x}",
    "[x] Name of institution: {x}",
    "bitcoin:bc1qxyz?label={x}%20deposit",
    "Research Analyst at {x}, Kuala Lumpur",
    "Shipper: {x}; HS 8471.50",
    "SEC v. {x}",
    "{x} (cont.)",
    "Sum of Amount - {x}",
    "{x}, Acme Holdings Ltd",
    "Smith & Jones / {x}",
    "{x}; Rogers Group",
    "we sent funds to {x} yesterday",
    "{x} — Q3 report",
    "Meeting with {x} (Thu 15:00)",
    "Senior Engineer @ {x} · Remote",
    "Vendor: {x} | Terms: net 30",
    "Lee, {x}",
]


def names() -> list[str]:
    out: list[str] = []
    for n in NAMES:
        out += [f"{n} {c}{f}" for c in COUNTRIES for f in FORMS[:3]]
        out += [f"{n} {c}" for c in CODES]
        out += [f"{n} ({c})" for c in COUNTRIES + UNITS] + [f"{n} [{c}]" for c in CODES]
        out += [f"{c} {n}" for c in COUNTRIES[:20]]
        out += [f"{n} {u}{f}" for u in UNITS for f in FORMS[:2]]
        out += [f"{n} {t}{f}" for t in TRADES for f in FORMS[:4]]
        out += [f"{n} {t}".lower() for t in TRADES]
        out += [f"{p} {n}{f}" for p in PREFIX for f in FORMS[:3]]
        out += [c.format(n=n) for c in COPIES]
    for z in ZH:
        out += [z + c for c in COUNTRIES_ZH] + [f"{z} {c}" for c in COUNTRIES_ZH]
        out += [z + u for u in ("实验室", "资本", "基金", "学院", "慈善", "研究院", "支付", "卡")]
    return list(dict.fromkeys(out))


def main() -> int:
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 50
    index = load([shipped_registry()], use_cache=False).index
    rng = random.Random(12)
    base = names()
    queries = list(base)
    for wrap in WRAPS[1:]:
        queries += [wrap.format(x=x) for x in rng.sample(base, min(len(base), 700))]
    confident = []
    review = 0
    for q in queries:
        r = match(index, q, limit=0)
        if r.decision == DECISION_MATCH:
            confident.append((q, r.best.entity_id if r.best else "-", r.method))
        elif r.decision == DECISION_AMBIGUOUS:
            review += 1
    for q, e, m in confident[:show]:
        print(f"{q}\t{e}\t{m}")
    print(f"{len(queries)} hard negatives: {len(confident)} confident, {review} review")
    return 1 if confident else 0


if __name__ == "__main__":
    raise SystemExit(main())
