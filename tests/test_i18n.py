"""--lang zh: nothing half English. Vocabulary from data/i18n.toml, data text from *_zh fields."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exitcheck.answers.clocks import resolve
from exitcheck.render import i18n, wrap
from exitcheck.render import text as text_render
from exitcheck.render.i18n import Words, words
from exitcheck.store.loading import load, shipped_registry
from exitcheck.tomlcompat import loads
from tests.conftest import SOURCES

from . import registries as reg

SRC = Path(__file__).resolve().parents[1] / "src" / "exitcheck"
REGISTRY = load([shipped_registry()], use_cache=False)
ZH = words("zh")
DAY = "2021-10-01"

# ASCII words the source report itself writes inside its Chinese text, and acronyms Chinese
# financial writing keeps in Latin letters; our Chinese may use them.
SOURCE_WORDS = {"App", "APP", "DApp", "QQ", "IP", "UTC", "Swap", "zkRollup", "OTC", "ETP", "C2C"}


def _latin_in_chinese() -> set[str]:
    """Latin words the registry's own Chinese text keeps (names such as 'Huobi Mall')."""
    found: set[str] = set()
    texts = [m.description_zh for e in REGISTRY.entities for m in e.measures]
    texts += [m.scope_zh for e in REGISTRY.entities for m in e.measures]
    texts += [m.notes_zh for e in REGISTRY.entities for m in e.measures]
    for text in filter(None, texts):
        found |= set(re.findall(r"[A-Za-z][A-Za-z0-9]*", re.sub(r"“[^”]*”", "", text)))
    return found


LATIN_IN_CHINESE = _latin_in_chinese()


class Recording(Words):
    """Words that remember every look-up the table could not answer."""

    def __init__(self) -> None:
        super().__init__("zh", ZH.table)
        self.missing: set[tuple[str, str]] = set()

    def _get(self, group: str, key: str, default: str) -> str:
        if not isinstance(self.table.get(group, {}).get(key), str):
            self.missing.add((group, key))
        return super()._get(group, key, default)


def _status_records(as_of: date | None = None) -> list[dict[str, Any]]:
    from exitcheck import api

    names = [e.id for e in REGISTRY.entities] + ["huobi glob", "xinghuo kuangchi"]
    return [api.lookup(REGISTRY, n, as_of).record for n in names]


def _no_match_records() -> list[dict[str, Any]]:
    from exitcheck import api

    return [api.lookup(REGISTRY, q).record for q in ("coinbase", "huobi.us", "exchange", "qkl")]


def test_every_word_the_text_renderer_looks_up_has_a_chinese_entry() -> None:
    from exitcheck.answers import registry_records, report
    from exitcheck.matching import search

    w = Recording()
    out = text_render.Renderer(words=w)
    for record in _status_records():
        out.status(record)
    for record in _no_match_records():
        out.no_match(record)
    for query in ("huobi glob", "coinbase", "exchange"):
        result, ranked = search(REGISTRY.index, query, 5)
        answer = report.SearchAnswer(REGISTRY, report.date(2021, 10, 1), result, ranked)
        out.search(report.search_record(answer))
    day = report.date(2021, 10, 1)
    selected = report.select(REGISTRY, resolve(day, None, day))
    "".join(out.listing(report.list_records(selected)))
    for record in _status_records(as_of=report.date(2021, 9, 25)):  # with the other view
        out.status(record)
    "".join(out.rows(registry_records.SOURCE_COLUMNS, registry_records.source_records(REGISTRY)))
    regulations = registry_records.regulation_records(REGISTRY)
    "".join(out.rows(registry_records.REGULATION_COLUMNS, regulations))
    assert w.missing == set()


def test_every_label_named_in_the_text_renderer_is_in_the_table() -> None:
    """Also the labels of paths the seed data does not reach (statically, from the source)."""
    code = "".join(
        (SRC / "render" / name).read_text(encoding="utf-8")
        for name in ("text.py", "pieces.py", "notes.py")
    )
    used = set(re.findall(r"""(?:label|field)\(\s*["'](\w+)["']""", code))
    assert {"scope", "source", "note", "products", "query"} <= used
    assert sorted(used - set(ZH.table["labels"])) == []
    for group, codes in (
        ("methods", _codes(r'"((?:exact|fuzzy)\w*|pinyin|suggestion)"')),
        ("languages", {s.language for s in REGISTRY.sources}),
        ("measure_kinds", set(__import__("exitcheck.model").model.MEASURE_KINDS)),
        ("entity_kinds", set(__import__("exitcheck.model").model.ENTITY_KINDS)),
        ("relation_kinds", set(__import__("exitcheck.model").model.RELATION_KINDS)),
        ("decisions", {"match", "ambiguous", "none"}),
    ):
        assert sorted(codes - set(ZH.table[group])) == [], group


def _codes(pattern: str) -> set[str]:
    found: set[str] = set()
    for name in ("matching/decide.py", "matching/review.py"):
        found |= set(re.findall(pattern, (SRC / name).read_text(encoding="utf-8")))
    return found


def _reasons() -> list[str]:
    """Every reason the matcher can give, read from its source, with sample values put in."""
    import ast

    def text(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(text(v) or "'Acme'" for v in node.values)
        return None

    found = []
    for name in (
        "matching/decide.py",
        "matching/review.py",
        "matching/results.py",
        "matching/translations.py",
        "matching/cut.py",
        "answers/screen.py",
    ):
        for node in ast.walk(ast.parse((SRC / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "reason" for t in node.targets
            ):
                found.append(text(node.value))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                at = {"none": 2, "ambiguous": 3}.get(node.func.id)
                if at is not None and len(node.args) > at:
                    found.append(text(node.args[at]))
                found += [text(k.value) for k in node.keywords if k.arg == "reason"]
    return [r for r in found if r]


def test_every_reason_of_the_matcher_reads_in_chinese() -> None:
    reasons = _reasons()
    assert len(reasons) >= 12
    for reason in reasons:
        translated = ZH.reason(reason)
        assert translated != reason, reason
        assert not re.search(r"[A-Za-z]{2,}", translated.replace("Acme", "")), translated


def _without_originals(output: str) -> str:
    """The output without what is quoted as written: original words, matched names, titles
    as published (names of works) and URLs."""
    output = re.sub(r"\s*\n\s*", " ", output)  # undo wrapping (it breaks only at spaces or CJK)
    for source in REGISTRY.sources:
        output = output.replace(re.sub(r"\s+", " ", source.title or "\0"), "")
    return re.sub(r"「[^」]*」|“[^”]*”|https?://\S+", "", output)


def _ascii_words(output: str) -> set[str]:
    """ASCII words left once quotes of original text, dates, digests, URLs and names are out."""
    allowed = set(SOURCE_WORDS) | {"exitcheck", "core", "sha256"}
    for e in REGISTRY.entities:
        products = (p for m in e.measures for p in m.products)
        later = (n.name for n in e.later_names)
        ids = (m.id or "" for m in e.measures)  # codes, shown as they are
        for name in (e.id, e.name, *e.aliases, *later, *products, *ids):
            allowed |= set(re.findall(r"[A-Za-z][A-Za-z0-9]*", name))
    allowed |= LATIN_IN_CHINESE
    for s in REGISTRY.sources:  # names of outlets and people, as shown
        for name in (s.publisher_zh or s.publisher, s.author_zh or s.author or ""):
            allowed |= set(re.findall(r"[A-Za-z][A-Za-z0-9]*", name))
    for known in (*REGISTRY.sources, *REGISTRY.regulations):
        allowed |= set(re.findall(r"[A-Za-z][A-Za-z0-9]*", known.id))
    output = _without_originals(" ".join(output.split()))  # a wrapped quote is one quote
    output = re.sub(r"\b[0-9a-f]{12,}\b", "", output)
    output = re.sub(r"--[a-z]+(-[a-z]+)*", "", output)  # an option, as typed
    output = re.sub(r"\d{4}-\d{2}-\d{2}(T[\d:]+([+-]\d{2}:\d{2})?)?", "", output)
    return set(re.findall(r"[A-Za-z][A-Za-z0-9]+", output)) - allowed  # one letter: a symbol


def test_status_in_chinese_has_no_english_words(cli) -> None:
    for entity in REGISTRY.entities:
        for view in ([], ["--details"]):
            result = cli("status", entity.id, "--lang", "zh", "--as-of", DAY, *view)
            assert result.exit_code == 0
            assert _ascii_words(result.stdout) == set(), (entity.id, view)
    huobi = cli("status", "huobi", "--lang", "zh", "--details").stdout
    assert _ascii_words(huobi) == set()
    ours = _without_originals(huobi)  # quotes and titles keep their own colons
    assert "状态：已退出（截至" in huobi and "第10段" in huobi and ": " not in ours
    assert "范围：中国大陆新用户" in huobi and "财联社·区块链日报" in huobi


def test_the_check_finds_english_left_in_chinese_output() -> None:
    """The check above can fail: English data or vocabulary is caught."""
    assert {"whoever", "xyzzy"} <= _ascii_words("范围：whoever in xyzzy China")
    assert _ascii_words("匹配：“Huobi”（exact_name）") == {"exact", "name"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["status", "coinbase"], "exitcheck：“coinbase”无法确定匹配对象：“Coinbase”是另一个平台"),
        (["status", "huobi.us"], "域名huobi.us不在该实体登记的域名之列"),
        (["status", " !! "], "exitcheck：名称为空"),
        (["status", "huobi", "--as-of", "2021-13-01"], "不是有效的日期"),
        (["screen", "/nonexistent/names.txt"], "文件不存在"),
    ],
)
def test_messages_in_chinese(cli, args: list[str], expected: str) -> None:
    result = cli("--lang", "zh", *args)
    assert result.exit_code in (1, 2)
    assert expected in result.stderr
    assert not re.search(r"no confident|is another|is empty|not a date|no such", result.stderr)
    if args[1] == "coinbase":
        assert _ascii_words(result.stderr) <= {"aex", "okcoin", "binance", "loopring"} | {
            "tokenpocket"
        }


def test_search_and_list_in_chinese(cli) -> None:
    search = cli("--lang", "zh", "search", "huobi glob").stdout
    assert "结论：已匹配" in search and "（模糊匹配，得分81.8）" in search
    assert _ascii_words(search) == set()
    listing = cli("--lang", "zh", "list", "--measure", "service_stopped").stdout
    assert "中国大陆用户" in listing and "users in" not in listing
    regs = cli("--lang", "zh", "regulations").stdout
    assert "摘要" in regs and "七个部门联合发布的禁令" in regs and "Ban after" not in regs
    assert _ascii_words(regs) == set()
    sources = cli("--lang", "zh", "sources").stdout
    assert "财联社·区块链日报" in sources and _ascii_words(sources) == set()
    info = cli("--lang", "zh", "info").stdout.replace(str(shipped_registry()), "")  # a path
    assert "路径：" in info and _ascii_words(info) == set()
    timeline = cli("--lang", "zh", "timeline").stdout
    footer = timeline[timeline.index("图例：") :]  # above it, letters are the picture's marks
    assert _ascii_words(footer) == set()


def test_english_where_the_registry_has_no_chinese_without_comment(cli, write_registry) -> None:
    closed = reg.measure(
        "closed",
        scope="all users",
        announced=date(2021, 9, 24),
        description="Closed.",
        notes="An English note.",
    )
    path = write_registry(reg.entity("acme", "Acme", "exchange", closed))
    result = cli("--registry", str(path), "--lang", "zh", "status", "acme", "--details")
    assert result.exit_code == 0 and result.stderr == ""
    assert "范围：all users" in result.stdout and "备注：An English note." in result.stdout
    assert "English" not in result.stdout.replace("An English note.", "")


def test_chinese_fields_round_trip_and_are_checked(cli, write_registry) -> None:
    body = """
        [[entities]]
        id = "acme"
        name = "Acme"
        kind = "exchange"

        [[entities.measures]]
        kind = "closed"
        scope = "all users"
        scope_zh = "全部用户"
        announced = 2021-09-24
        description = "Closed."
        source = "src"
        locator = { paragraph = 1, quote = "x" }
        notes = "A note."
        notes_zh = {NOTES}
        """
    good = write_registry(body.replace("{NOTES}", '"备注"'))
    record = json.loads(cli("--registry", str(good), "status", "acme", "--json").stdout)
    assert record["measures"][0]["scope_zh"] == "全部用户"
    assert record["measures"][0]["notes_zh"] == "备注"
    bad = write_registry(body.replace("{NOTES}", "3"))
    result = cli("validate", str(bad))
    assert result.exit_code == 2 and "notes_zh" in result.stdout


def test_the_shipped_chinese_fields_are_our_own_words() -> None:
    """No run of 8 characters (dates aside) copied from the source report."""
    source = SOURCES / "cls-2021-09-26-exits.zh.txt"
    if not source.is_file():
        pytest.skip("the source text is not available")
    text = re.sub(r"\s", "", source.read_text(encoding="utf-8"))
    data = loads(shipped_registry().read_text(encoding="utf-8"))
    ours = [s.get(k) for s in data["sources"] for k in ("publisher_zh", "author_zh")]
    ours += [r.get("summary_zh") for r in data["regulations"]]
    ours += [
        m.get(k)
        for e in data["entities"]
        for m in e.get("measures", [])
        for k in ("scope_zh", "notes_zh")
    ]
    assert sum(1 for v in ours if v) >= 30
    for value in filter(None, ours):
        plain = re.sub(r"\s", "", value)
        for start in range(len(plain)):
            end = start + 8
            while end <= len(plain) and plain[start:end] in text:
                end += 1
            run = plain[start : end - 1]
            assert len(re.sub(r"[\x00-\x7f年月日：（）]", "", run)) < 8, (run, value)


@given(st.text(alphabet="火币交易所 Huobi，。、：）「」9月24日", max_size=200), st.integers(20, 60))
def test_wrapping_by_display_width(text: str, width: int) -> None:
    lines = wrap.wrap_display(text, width, "  ")
    for line in lines:
        body = line[2:]
        # closing punctuation may hang past the edge, with any spaces between its marks
        kept = body.rstrip("".join(wrap._NO_LINE_START) + " ")
        single = len(re.findall(r"[\x21-\x7e]+|\S", kept)) <= 1  # one unbreakable word
        assert wrap.display_width("  " + kept) <= width or single, line
        assert not body or body[0] not in wrap._NO_LINE_START or line is lines[0]
    assert "".join(re.sub(r"\s", "", line) for line in lines) == re.sub(r"\s", "", text)


def test_words_phrases() -> None:
    assert ZH.cite("cls", 10) == "cls 第10段"
    assert ZH.day("2026-11-25") == "2026年11月25日"
    assert ZH.field("scope", "x") == "范围：x"
    assert i18n.ENGLISH.field("scope", "x") == "scope: x"
    assert ZH.relation("operated", "huobi") == "曾为 huobi 的运营主体"
    assert i18n.ENGLISH.relation("operated", "huobi") == "operated huobi"
    assert ZH.message("nope", "English", {}) == "English"
    assert ZH.reason("something new") == "something new"  # unknown: the English, unchanged


def test_the_status_meaning_is_translated_by_the_renderer_not_the_command() -> None:
    from exitcheck.render.i18n import ENGLISH, words

    record = {"status": "exited", "status_meaning": "English meaning", "entity": {}}
    assert ENGLISH.status_record(record) is record
    translated = words("zh").status_record(record)
    assert translated["status_meaning"] != "English meaning"
    assert record["status_meaning"] == "English meaning"  # the record itself is left as it was
    assert words("zh").status_record({"status": None}) == {"status": None}  # no match
