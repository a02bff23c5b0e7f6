"""Hard negatives for the translated and cut-field bands: other companies' names and everyday
sentences built from the words the registry names translate to, in the wrappings the bands read.
    .venv/bin/python tools/data/match16/gen_negatives.py > /tmp/neg.txt"""

import random

random.seed(16)
places = ["上海", "北京", "深圳", "杭州", "广州", "成都", "苏州", "南京", "武汉", "厦门", ""]
words_zh = [
    "老虎",
    "虎",
    "矩阵",
    "港口",
    "交易",
    "视图",
    "硬币",
    "壁虎",
    "令牌",
    "口袋",
    "蜜蜂",
    "明亮",
    "智能",
    "火花",
    "星火",
    "门",
    "大门",
    "基石",
    "链接",
    "循环",
    "火星",
    "云",
    "世界",
    "新闻",
    "市场",
    "哈希",
    "牛",
    "最大",
    "以太",
    "扫描",
    "蚂蚁",
    "股份",
    "铁饼",
    "鱼",
    "项目",
    "计划",
    "商城",
    "互动",
    "经纪",
    "证券",
    "池",
    "矿",
    "帽子",
    "上限",
]
trades = [
    "咖啡",
    "物流",
    "餐饮",
    "科技",
    "教育科技",
    "文化传媒",
    "电子",
    "信息技术",
    "投资管理",
    "资本管理",
    "贸易",
    "服装",
    "食品",
    "广告",
    "软件",
    "数据服务",
    "咨询",
    "网络科技",
    "",
    "",
]
forms = ["有限公司", "股份有限公司", "有限责任公司", "集团", "工作室", ""]
sentences = [
    "切换到{}页面",
    "点击{}按钮查看详情",
    "{}功能已上线",
    "关于{}的说明",
    "请在{}中确认订单",
    "本月{}数据汇总",
    "{}相关新闻",
    "用户反馈：{}加载缓慢",
    "{}设置",
    "打开{}",
]
out = set()
for _ in range(1500):
    a, b = random.sample(words_zh, 2)
    name = (
        random.choice(places)
        + a
        + random.choice([b, ""])
        + random.choice(trades)
        + random.choice(forms)
    )
    out.add(name)
for _ in range(500):
    a, b = random.sample(words_zh, 2)
    out.add(random.choice(sentences).format(a + b))
latin = {
    "es": [
        "tigre",
        "corredores",
        "mercado",
        "monedas",
        "tapa",
        "piscina",
        "chispa",
        "nube",
        "marte",
        "mina",
        "puerto",
        "matriz",
        "vista",
        "comercio",
        "ficha",
        "bolsillo",
        "abeja",
        "cadena",
        "noticias",
        "mundo",
        "enlace",
        "anillo",
        "bucle",
        "valores",
        "inteligente",
        "brillante",
    ],
    "fr": [
        "tigre",
        "courtiers",
        "marché",
        "pièces",
        "casquette",
        "piscine",
        "étincelle",
        "nuage",
        "mars",
        "mine",
        "port",
        "matrice",
        "vue",
        "commerce",
        "jeton",
        "poche",
        "abeille",
        "chaîne",
        "nouvelles",
        "monde",
        "lien",
        "anneau",
        "boucle",
        "interactifs",
        "intelligent",
        "brillant",
    ],
    "de": [
        "tiger",
        "makler",
        "markt",
        "münzen",
        "kappe",
        "pool",
        "funke",
        "wolke",
        "mars",
        "mine",
        "hafen",
        "matrix",
        "ansicht",
        "handel",
        "token",
        "tasche",
        "biene",
        "kette",
        "nachrichten",
        "welt",
        "ring",
        "schleife",
        "interaktive",
        "klug",
        "hell",
    ],
}
legal = {
    "es": ["S.A.", "S.L.", "SRL", ""],
    "fr": ["SARL", "SAS", "SA", ""],
    "de": ["GmbH", "AG", "KG", ""],
}
trade_l = {
    "es": ["Seguros", "Logística", "Consultores", "Inmobiliaria", "Servicios", "Abogados", ""],
    "fr": ["Assurances", "Logistique", "Conseil", "Immobilier", "Services", "Avocats", ""],
    "de": [
        "Versicherungen",
        "Logistik",
        "Beratung",
        "Immobilien",
        "Dienstleistungen",
        "Anwälte",
        "",
    ],
}
for lang, ws in latin.items():
    for _ in range(400):
        a, b = random.sample(ws, 2)
        parts = [
            a.capitalize(),
            random.choice(["", "de", "del", "des", "du"] if lang != "de" else ["", "und"]),
            b.capitalize(),
            random.choice(trade_l[lang]),
            random.choice(legal[lang]),
        ]
        if random.random() < 0.5:
            parts = [
                random.choice(trade_l[lang]),
                a.capitalize(),
                b.capitalize(),
                random.choice(legal[lang]),
            ]
        out.add(" ".join(p for p in parts if p))
english = [
    "Fire",
    "Coin",
    "Safe",
    "Rich",
    "Road",
    "Cloud",
    "Silver",
    "Warehouse",
    "Tiger",
    "Securities",
    "Bit",
    "Continent",
    "Not",
    "Small",
    "Number",
    "Star",
    "Open",
    "Sesame",
    "World",
    "Seal",
    "Net",
    "Matrix",
    "Port",
    "Trading",
    "View",
    "Spark",
    "Pool",
    "Bee",
    "Token",
    "Pocket",
    "Gate",
    "Keystone",
]
tails = [
    "Capital",
    "Partners",
    "Holdings",
    "Ltd",
    "LLC",
    "Inc.",
    "Brands",
    "Logistics",
    "Coffee",
    "Media",
    "Consulting",
    "Standards",
    "Mart",
    "Paving",
    "Storage",
    "Authority",
    "Studios",
    "Games",
    "",
]
for _ in range(800):
    a, b = random.sample(english, 2)
    out.add(
        " ".join(
            p
            for p in [random.choice(["", "The"]), a, b, random.choice(tails), random.choice(tails)]
            if p
        )
    )
# card descriptors of other merchants, cut at 22 characters
merchants = [
    "INTERACTIVE FITNESS LLC",
    "TRADING POST OUTFITTERS",
    "COINSTAR KIOSK",
    "INTERCONTINENTAL HOTEL",
    "ETHERIDGE PLUMBING",
    "TRADINGHOUSE DELI",
    "KEYSTONE AUTOMOTIVE",
    "MATRIXCARE SOFTWARE",
    "TOKENIZE STUDIO",
    "GATEWAY FOODS",
    "COINBASE INC",
    "BRIGHTSMILE DENTAL",
    "CHAINSAW DEPOT",
    "SPARKPLUG AUTO",
    "TIGERDIRECT",
    "HASHTAG MEDIA",
    "LINKEDIN PREMIUM",
    "LOOPNET INC",
    "INTERACTIVEDATA",
    "MARKETPLACE CAFE",
    "COINMASTER GAMES",
    "TRADINGVIEWPOINT LLC",
]
prefixes = ["PAYPAL *", "SQ *", "SP *", "DE43: ", "POS ", ""]
for m in merchants:
    for p in prefixes:
        cut = (p + m)[:22]
        out.add(f"{cut:<25}SAN JOSE     US")
        out.add(cut)
for line in sorted(out):
    print(line)
