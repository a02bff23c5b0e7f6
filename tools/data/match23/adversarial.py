"""Hard negatives of the shapes the mixed-script sole reading touches: a registry name beside
its own name in the other script, or at a line's edge, with a word that makes the record
another's (a place, a role, a product, a shop, a copy, another company). None should be a
confident match. usage: adversarial.py > lines; then count with eval_matching.py --mix."""

import itertools
import random
from pathlib import Path

from exitcheck.tomlcompat import loads

random.seed(23)
data = loads(Path("data/entities.toml").read_text(encoding="utf-8"))
pairs = [(e["name_zh"], e["name"]) for e in data["entities"] if e.get("name_zh")]
beside = [
    "日本",
    "美国",
    "新加坡分公司",
    "迪拜办公室",
    "土耳其",
    "前员工",
    "投资方",
    "竞争对手",
    "子公司",
    "母公司",
    "仿冒",
    "假冒",
    "山寨版",
    "钱包",
    "支付",
    "矿池",
    "云算力",
    "学院",
    "基金会",
    "实验室",
    "咖啡",
    "奶茶店",
    "餐厅",
    "酒店",
    "烧烤",
    "小红书",
    "京东",
    "拼多多",
    "美团",
    "Acme Ltd",
    "Labs",
    "Ventures",
    "Wallet",
    "Pay",
    "Card",
    "Japan",
    "Turkey",
    "Capital",
    "Foundation",
    "Academy",
    "Cafe",
    "Hotel",
    "clone",
    "fake",
    "ex",
    "former",
    "vs 火币",
    "和 币安",
    "+ OKX",
    "& Bybit",
    "/ 库币",
    "曾任",
    "简历",
    "经理",
    "对比",
]
record = ["订单 2024-03-01", "充值 300 USDT", "| 品名 T恤 | 数量 300", "流水号 A1177", "code=504"]
shapes = [
    "{zh}{lat} {x} {r}",
    "{zh} {lat} {x} {r}",
    "{lat}（{zh}）{x} {r}",
    "{zh}({lat}) {x} {r}",
    "收货人 {zh}{lat} {x} | {r}",
    "日志 | {lat} {zh} {x} | {r}",
    "{zh}{x} {r}",
    "{x} {zh} {r}",
    "{lat} {x} {r}",
    "{r} {lat} {x}",
    "{r} {x} {zh}",
    "{zh}{x}",
    "{x}{zh}",
    "{lat}-{x} {r}",
]
lines = set()
for (zh, lat), x, shape in itertools.product(pairs, beside, shapes):
    lines.add(shape.format(zh=zh, lat=lat, x=x, r=random.choice(record)))
for line in sorted(lines):
    print(line)
