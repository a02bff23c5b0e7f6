"""Hard negatives of review10: the structures fields.py promotes from review to a confident
match (a labelled field's value, a name beside its own domain, a clause's subject or a plain
verb's object) filled with what is NOT the registry entity itself: an affiliate or another legal
entity of the group, a namesake sharing a word, an impersonator, a name in another role, a name
inside a sentence about someone else, a denial, several names, an article's quoted title, and
the everyday words 微博/微信 in Chinese text. None of these is a confident match to anything.

    .venv/bin/python tools/review10/hard.py > /tmp/hard10.tsv    # kind, line
    .venv/bin/python tools/review9/run.py /tmp/hard10.tsv        # confident matches per kind
    .venv/bin/python tools/review9/run.py --show /tmp/hard10.tsv # and the lines

tools/data/review10/hard10.txt holds the lines alone (cut -f2-), which tests/test_gate.py
answers with the gate and the matcher alike.

Confident matches per kind at da75aa4 (before fields.py) / 13d37d0 (main) / review10:
namesake 22/54/23, role 276/290/34, role_zh 53/67/5, weixin_weibo 2/13/4, aff_zh 4/6/5,
aff_value 40/20/20, aff_subject 18/15/15, aff_ko 8/0/0, title 0/105/105, bare_word 15/31/31,
all 725/888/529. Left: a registry name or alias itself ('Weibo Finance', 'Alibaba', 'Cobo
halts …'), an article's quoted title whose subject is the entity, '火币科技控股' (the tuned set
holds a holding company as the platform's own), a contract's partner or a sponsor (the
record's party), and the context readings of a name among other words that were there before
('Acme, backed by Binance, …', 'Party: Binance; Counterparty: Tether').

The kind ``role`` (a name under a label of another role: 'Competitor:', 'Referred by:') is
counted apart: the name there is the entity, in a role that is not the counterparty's.
"""

from __future__ import annotations

import random

NAMES = [
    "Binance",
    "Huobi",
    "OKX",
    "Bybit",
    "KuCoin",
    "Bitget",
    "Gate.io",
    "MEXC",
    "CoinEx",
    "BitMart",
    "Futu",
    "Tiger Brokers",
    "Poolin",
    "Matrixport",
    "Cobo",
    "Bitmain",
    "ViaBTC",
    "CoinGecko",
    "Weibo",
    "Taobao",
    "Baidu",
    "Alibaba",
    "Zhihu",
    "Sogou",
    "Odaily",
    "FTX",
]
ZH = [
    "币安",
    "火币",
    "库币",
    "抹茶",
    "富途",
    "老虎证券",
    "鱼池",
    "比特大陆",
    "知乎",
    "淘宝",
    "百度",
    "芝麻开门",
    "欧易",
    "微博",
    "微信",
]
AFFILIATES = [
    "Binance.US",
    "Binance US",
    "BAM Trading Services (Binance.US)",
    "Binance TR",
    "Binance France SAS",
    "Binance Japan",
    "Binance Australia",
    "Binance Italy S.r.l.",
    "Binance Poland",
    "Binance Bahrain",
    "Binance Thailand",
    "Binance Kazakhstan",
    "Huobi Technology Holdings",
    "Huobi Japan",
    "Huobi Korea",
    "Huobi Thailand",
    "Huobi Australia Pty Ltd",
    "Huobi Asset Management",
    "Huobi Trust",
    "OKX Türkiye",
    "OKX TR",
    "OKX Europe",
    "OKX Malta",
    "OKX Australia",
    "OKX SG",
    "OKX Hong Kong",
    "OKCoin Japan",
    "OKCoin Europe",
    "OKX Dubai",
    "Bybit EU",
    "Bybit EU GmbH",
    "Bybit Japan",
    "Bybit Kazakhstan",
    "Bybit Georgia",
    "Bybit Türkiye",
    "KuCoin Thailand",
    "KuCoin EU",
    "KuCoin Türkiye",
    "Bitget EU",
    "Bitget Poland",
    "Gate.io Japan",
    "Gate.US",
    "Gate Technology Inc",
    "MEXC Australia",
    "CoinEx Korea",
    "Futu Securities International (Hong Kong)",
    "Futu Singapore",
    "moomoo",
    "Tiger Brokers (NZ)",
    "Tiger Brokers Singapore",
    "Tiger Brokers (Australia) Pty",
    "Bitmain Japan",
    "Alibaba Cloud",
    "Alibaba Health",
    "Baidu Capital",
    "Weibo Finance",
    "Bybit Card",
    "Binance Pay",
    "Binance Labs",
    "OKX Wallet",
    "OKX Ventures",
    "Huobi Ventures",
    "KuCoin Ventures",
    "Bitget Wallet",
    "Binance Charity",
    "Binance Academy",
    "Binance Research",
]
AFF_ZH = [
    "币安美国",
    "币安日本",
    "火币日本",
    "火币韩国",
    "火币科技控股",
    "火币泰国",
    "火币资管",
    "欧易土耳其",
    "欧易欧洲",
    "库币泰国",
    "富途证券国际",
    "富途新加坡",
    "老虎证券新西兰",
    "币安钱包",
    "币安支付",
    "火币钱包",
    "欧易钱包",
    "比特大陆日本",
    "百度智能云",
    "淘宝直播",
    "微信支付",
    "微博财经",
]
AFF_JA = [
    "バイナンスジャパン",
    "Binance Japan株式会社",
    "OKCoin Japan株式会社",
    "Bybit Japan",
    "オーケーコイン・ジャパン",
    "Huobi Japan株式会社",
    "フォビジャパン",
]
AFF_KO = ["Binance Korea", "Huobi Korea", "후오비코리아", "OKX Korea", "Bybit Korea", "고팍스"]
NAMESAKES = [
    "Gate Group",
    "Gate Gourmet",
    "Gate Capital",
    "AEX index",
    "the AEX",
    "AEX Group",
    "Neo Financial",
    "Neo4j",
    "Neo Bank",
    "Neo Technology",
    "Neo Group",
    "Tiger Global",
    "Tiger Airways",
    "Tiger Beer",
    "Tiger Pharma",
    "Tiger Fund",
    "Keystone XL",
    "Keystone Foods",
    "Keystone Capital",
    "Cobo Brothers",
    "Futu Holdings' rival",
    "Poolin Services Ltd (UK)",
    "Mars Inc",
    "Bitchat Labs",
    "Alibaba Pictures",
    "Alibaba Health",
    "Baidu Apollo",
    "Sogou Input",
    "Odaily Media Korea",
    "Linkcoin Partners",
    "JEX Logistics",
    "Coin World Travel",
    "Chain News Network TV",
    "Spark Pool Services",
    "Weibo Corporation's rival",
    "Taobao Village cooperative",
]
IMPOSTERS = [
    "Binance Support",
    "Binance Customer Support",
    "fake KuCoin app",
    "KuCoin clone",
    "Bybit scam site",
    "fake OKX",
    "Huobi phishing page",
    "Binance impersonator",
    "bogus Bitget",
    "Gate.io lookalike",
    "Binance Helpdesk",
    "OKX Support Team",
    "cloned Bybit app",
    "fake Binance",
    "Binance-support",
    "scam Huobi Global",
]
ACME = [
    "Acme Capital",
    "Nordwind AG",
    "Bluefin Labs",
    "Kraken",
    "Coinbase",
    "Circle",
    "Ripple",
    "Galaxy Digital",
    "Jump Trading",
    "Wintermute",
    "Grayscale",
    "Tether",
    "Deribit",
    "Bitstamp",
    "Gemini",
    "Upbit",
    "Bithumb",
    "Revolut",
    "Nexo",
    "Robinhood",
]
VERBS = [
    "announces",
    "suspends withdrawals",
    "launches",
    "says",
    "halts trading",
    "exits Canada",
    "obtains licence",
    "receives approval",
    "plans IPO",
    "denies report",
    "to exit",
    "will",
    "confirms breach",
    "is hacked",
    "raises $10m",
    "hires CEO",
]
NAME_LABELS = [
    "Company",
    "Merchant",
    "Counterparty",
    "Beneficiary",
    "Issuer",
    "Vendor",
    "Entity",
    "Name",
    "Legal name",
    "Party",
    "Platform",
    "Operator",
    "Respondent",
    "Exchange",
    "VASP",
    "Broker",
    "Recipient",
    "Payee",
    "Licensee",
    "Applicant",
    "Firma",
    "Société",
    "Empresa",
    "Denominazione",
    "Bedrijf",
    "Unternehmen",
]
ROLE_LABELS = [
    "Competitor",
    "Previous employer",
    "Former employer",
    "Referred by",
    "Referrer",
    "Beneficiary bank",
    "Intermediary",
    "Intermediary bank",
    "Correspondent bank",
    "Partner",
    "Auditor",
    "Investor",
    "Introduced by",
    "Parent company",
    "Subsidiary of",
    "Acquirer",
    "Source",
    "Reporter",
    "Similar to",
    "Formerly",
    "Not to be confused with",
    "Impersonating",
    "Spoofed brand",
    "Victim",
    "Complainant",
    "Witness",
    "Listed on",
    "Competitor of",
    "Ex-employer",
    "Reference",
    "Data source",
    "Via",
    "Cc",
]
ROLE_ZH = [
    "竞争对手",
    "前雇主",
    "推荐人",
    "介绍人",
    "中间行",
    "代理行",
    "合作伙伴",
    "审计机构",
    "投资方",
    "母公司",
    "来源",
    "数据来源",
    "仿冒对象",
    "受害方",
    "举报人",
    "收款银行",
]
ZH_VERBS = ["宣布", "暂停", "发布公告", "表示", "推出", "关闭", "否认", "回应", "被盗", "将"]
EVERYDAY_WX = [
    "发微博称{n}暂停服务",
    "加微信了解详情",
    "微信支付宣布新规",
    "扫码加微信，领取{n}空投",
    "用户在微博上发布消息",
    "某用户发微博表示{n}冻结资金",
    "微信群里有人说{n}跑路",
    "请通过微信联系客服",
    "微信号：abc123 备注：{n}",
    "转发微博抽奖",
    "微博热搜显示",
    "他在微博上宣布离职",
    "我用微信转账给卖家",
    "关注微信公众号获取{n}最新消息",
    "微信：wx_12345",
    "联系方式：微信 13800000000",
    "公众号：币圈微博",
    "发微博：{n}宣布",
    "微信宣布：红包封面上线",
    "微博称热搜规则调整",
    "通过微信支付宣布的优惠",
    "付款方式：微信支付",
    "收款方：微信支付",
    "商户：微信红包",
    "平台：微信小程序",
]


def lines(rng: random.Random) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    add = out.append
    for aff in AFFILIATES:
        for label in rng.sample(NAME_LABELS, 8):
            add(("aff_value", f"{label}: {aff}"))
        add(("aff_value", f'{{"legalPersonName": "{aff}"}}'))
        add(("aff_value", f"Merchant: {aff} | Amount: 120.00 USD"))
        for verb in rng.sample(VERBS, 6):
            add(("aff_subject", f"{aff} {verb}"))
        add(("aff_subject", f"Regulator fines {aff} over AML lapses"))
        add(("aff_subject", f"SEC sues {aff}, citing unregistered offering"))
        add(("aff_subject", f"{aff} hack: users' funds safe"))
    for aff in AFF_ZH:
        for verb in ZH_VERBS:
            add(("aff_zh", f"{aff}{verb}停止服务"))
        add(("aff_zh", f"商户名称：{aff}"))
        add(("aff_zh", f"投诉对象：{aff} 诉求：退款"))
        add(("aff_zh", f"收款方：{aff}"))
    for aff in AFF_JA:
        add(("aff_ja", f"{aff}は日本でのサービスを終了"))
        add(("aff_ja", f"社名：{aff}"))
        add(("aff_ja", f"取引先：{aff}"))
    for aff in AFF_KO:
        add(("aff_ko", f"{aff}는 서비스를 종료한다"))
        add(("aff_ko", f"상호: {aff}"))
        add(("aff_ko", f"{aff}가 철수"))
    for ns in NAMESAKES:
        for verb in VERBS:
            add(("namesake", f"{ns} {verb}"))
        for label in rng.sample(NAME_LABELS, 6):
            add(("namesake", f"{label}: {ns}"))
    for word in ["Gate", "Tiger", "Neo", "AEX", "Keystone", "Cobo", "Mars", "Spark", "Alibaba"]:
        for verb in VERBS:
            add(("bare_word", f"{word} {verb}"))
    for imp in IMPOSTERS:
        for verb in rng.sample(VERBS, 5):
            add(("imposter", f"{imp} {verb}"))
        for label in rng.sample(NAME_LABELS, 4):
            add(("imposter", f"{label}: {imp}"))
        add(("imposter", f"Warning: {imp} steals seed phrases"))
    for name in NAMES:
        acme = rng.choice(ACME)
        other = rng.choice(ACME)
        for text in [
            f"{acme}, formerly a {name} partner, says it will expand",
            f"{acme}, a former {name} executive, launches fund",
            f"Ex-{name} founder launches {acme}",
            f"ex-{name} CEO joins {acme}",
            f"Former {name} staff launch {acme}",
            f"{acme} acquires stake in {other} from {name}",
            f"{acme} hires {name} veteran",
            f"{acme} says {name} rival is struggling",
            f"{acme} partners with {name}",
            f"{acme} sues {name} users",
            f"{acme} launches {name} competitor",
            f"{acme} lists on {name}",
            f"{acme}, backed by {name}, raises $5m",
            f"{acme} announces integration with {name}",
            f"{acme} is not affiliated with {name}",
            f"{acme} says it has no ties to {name}",
            f"Not affiliated with {name}: {acme} clarifies",
            f"{acme} says it is bigger than {name}",
            f"{acme} vs {name}: which exchange is cheaper",
            f"Like {name}, {acme} halts withdrawals",
            f"Unlike {name}, {acme} stays in China",
            f"{acme} — a {name} alternative — launches",
            f"{name} rival {acme} announces",
            f"{name}-backed {acme} announces listing",
            f"{name} investor {acme} says",
            f"{name} co-founder's new firm {acme} raises",
            f"{name} user sues {acme}",
            f"Police arrest {name} impersonators",
            f"{name} impersonator arrested",
        ]:
            add(("about_other", text))
        for label in rng.sample(ROLE_LABELS, 12):
            add(("role", f"{label}: {name}"))
        add(("role", f"Employer: {acme} | Previous employer: {name}"))
        for label in rng.sample(NAME_LABELS, 3):
            add(("two_names", f"{label}: {name}; Counterparty: {other}"))
            add(("two_names", f"{label}: {name} | Beneficiary: {acme}"))
        add(("two_names", f"{name} and {acme} announce partnership"))
        add(("two_names", f"{name}, {acme} halt withdrawals"))
        add(("two_names", f"SEC sues {name} and {acme}"))
        for title in [
            f'"{name} exits China"',
            f"“Why {name} left China”",
            f"'{name} suspends withdrawals'",
            f"«{name} annonce son départ»",
        ]:
            add(("title", f"Article: {title} by {acme}"))
            add(("title", f"{acme} publishes {title}"))
            add(("title", f"Title: {title} — {acme} blog"))
            add(("title", f"{acme} op-ed {title} draws criticism"))
        add(("denial", f"{acme} denies {name} ties"))
        add(("denial", f"Company: {acme} (not {name})"))
        add(("denial", f"Merchant: {acme} — no relation to {name}"))
        add(("denial", f"{acme} says it is not {name}"))
    for zh in ZH:
        for label in rng.sample(ROLE_ZH, 6):
            add(("role_zh", f"{label}：{zh}"))
        add(("about_other_zh", f"前{zh}高管创办新交易所宣布上线"))
        add(("about_other_zh", f"某公司宣布与{zh}合作"))
        add(("about_other_zh", f"某交易所否认与{zh}有关"))
        add(("about_other_zh", f"假冒{zh}客服宣布诈骗"))
        add(("about_other_zh", f"山寨{zh}APP宣布上线"))
        add(("about_other_zh", f"{zh}前员工宣布创业"))
        add(("about_other_zh", f"{zh}旗下公司宣布裁员"))
        add(("about_other_zh", f"{zh}系交易所宣布停运"))
        add(("about_other_zh", f"{zh}用户起诉某平台"))
        add(("about_other_zh", f"仿冒{zh}网站被查处"))
    for text in EVERYDAY_WX:
        for n in rng.sample(ZH, 4):
            add(("weixin_weibo", text.format(n=n)))
    for eu in [
        "{a} annonce la fermeture",
        "{a} kündigt Rückzug an",
        "{a} anuncia su salida",
        "{a} annuncia la chiusura",
        "{a} anuncia saída",
        "{a} kondigt vertrek aan",
        "Société : {a}",
        "Empfänger: {a}",
        "Beneficiario: {a}",
        "Denominazione: {a}",
    ]:
        for a in [
            "Binance France",
            "Bybit EU GmbH",
            "OKX Europe Ltd",
            "Binance Italy S.r.l.",
            "Binance Spain",
            "Bitget Europe",
            "Kraken",
            "Binance Support",
            "Huobi Europe",
            "OKX NL B.V.",
            "KuCoin EU Exchange GmbH",
        ]:
            add(("aff_eu", eu.format(a=a)))
    return out


def main() -> None:
    rng = random.Random(10)
    for kind, line in lines(rng):
        print(f"{kind}\t{line}")


if __name__ == "__main__":
    main()
