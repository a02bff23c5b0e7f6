"""Chinese words pinned by hand: a label swapped with another (生效 and 截止, 已限制 and
即将限制) prints plausible Chinese and passes any test that only looks for Chinese."""

from __future__ import annotations

import pytest

from exitcheck.render.i18n import words

ZH = words("zh")

STATUS = {
    "closed": "已永久关闭", "closing": "即将关闭", "dissolving": "解散中", "exited": "已退出",
    "exiting": "退出中", "restricted": "已限制", "restricting": "即将限制",
    "statement": "仅有表态", "none": "无措施",
}  # fmt: skip

MEASURE_KINDS = {
    "registration_stopped": "停止新用户注册", "users_cleared": "清退存量用户", "closed": "永久关闭",
    "service_stopped": "停止服务", "product_restricted": "限制产品交易",
    "features_limited": "限制部分功能", "access_blocked": "禁止访问", "statement": "表态",
    "dissolved": "解散", "exit_planned": "计划退出",
}  # fmt: skip

LABELS = {
    "effective": "生效", "deadline": "截止", "announced": "宣布", "status": "状态",
    "kind": "类型", "aliases": "别名", "scope": "范围", "source": "来源", "paragraph": "段落",
    "note": "备注", "stated": "原文", "offset_assumed": "时区为推定", "as_of": "截至",
    "matched": "匹配", "published": "发布", "reviewed": "审核于", "registry": "数据库",
}  # fmt: skip


@pytest.mark.parametrize(("code", "word"), STATUS.items())
def test_status_words(code: str, word: str) -> None:
    assert ZH.status(code) == word


@pytest.mark.parametrize(("code", "word"), MEASURE_KINDS.items())
def test_measure_kind_words(code: str, word: str) -> None:
    assert ZH.measure_kind(code) == word


@pytest.mark.parametrize(("key", "word"), LABELS.items())
def test_labels(key: str, word: str) -> None:
    assert ZH.label(key) == word


def test_bione_in_chinese_puts_each_word_beside_its_value(cli) -> None:
    out = cli("--lang", "zh", "status", "bione", "--as-of", "2021-09-29", "--details").stdout
    lines = [line.strip() for line in out.splitlines()]
    assert "类型：交易所" in lines
    assert any(
        line.startswith("状态：即将关闭（截至2021年9月29日，")
        and line.endswith("已宣布永久关闭，尚未生效或未注明日期）")
        for line in lines
    )
    assert "2021年9月24日  永久关闭【即将关闭】" in lines
    text = "".join(lines)  # the dates line wraps
    assert (
        "生效：2021年9月30日 00:00（UTC+8，原文“2021年9月29日24:00(UTC+8)”）；截止："
        "2021年9月29日（原文“2021年9月29日前”）"
    ) in text
    assert "来源：cls-2021-09-26 第36段「永久停机维护」" in lines


def test_huobi_in_chinese_marks_the_assumed_offset(cli) -> None:
    out = cli("--lang", "zh", "status", "huobi", "--as-of", "2021-10-01", "--details").stdout
    lines = [line.strip() for line in out.splitlines()]
    assert "2021年9月26日  停止新用户注册【已限制】" in lines
    assert "2021年9月26日  清退存量用户【退出中】" in lines
    # the seed gives no offset, CoinDesk quotes Huobi's "24:00 (UTC+8)": stated, not assumed
    # a deadline at 00:00 is written as the end of the day before, as Chinese notices do
    assert "截止：2021年12月31日 24:00（UTC+8，原文“24:00 (UTC+8) on Dec 31, 2021”）" in lines
    btcchina = cli("--lang", "zh", "status", "btcchina", "--as-of", "2021-10-01", "--details")
    btcchina = btcchina.stdout
    assert "时区为推定" in btcchina and "12 p.m. local time" in btcchina
    assert "生效：2021年9月24日（原文“9月24日”）" in lines
