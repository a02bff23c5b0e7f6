"""Every Chinese view reads as Chinese: no English left where the registry has (or should have)
Chinese, one date style, no phrase said twice.

The English a Chinese view may show comes from the data, not from a list made for these
examples: ids, names, aliases, URLs, quotes and the dates as a source states them, titles and
publishers as published, every word of the registry's own Chinese fields (which name products
such as “Huobi Mall” as they are), the command line's own vocabulary (commands, options, codes),
and what the user typed. A product, scope, description or note shown in English, or a label
left untranslated, is an English word none of those give.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

from exitcheck.store.loading import load, shipped_registry

ZH = ("--lang", "zh")
ASCII_WORD = re.compile(r"(?:--)?[A-Za-z0-9_][A-Za-z0-9_.:/%?=&#+~@'’-]*")
HEX = re.compile(r"[0-9a-f]{8,}")  # a fingerprint
LETTERS = re.compile(r"[A-Za-z]{3,}")
ISO_MONTH = re.compile(r"\d{4}-\d{2}")
# The command line's own words that a Chinese view prints: its name, the fingerprint's label,
# the offset of a moment (UTC+8) and the metavars of its usage (PATH, FILE).
OWN_WORDS = {"exitcheck", "sha", "utc", "path", "file"}


class Allowed:
    """What a Chinese view may show in Latin letters, from the data: ``tokens`` (ids, URLs:
    skipped whole), ``verbatim`` (names, quotes, stated dates, titles and publishers as
    published: taken out of the text whole), and ``runs`` (the letter runs of the registry's
    Chinese fields and of the command line's vocabulary)."""

    def __init__(self) -> None:
        from exitcheck.cli import COMMANDS
        from exitcheck.model import ACTORS, ENTITY_KINDS, MEASURE_DATES, MEASURE_KINDS
        from exitcheck.render import Format
        from exitcheck.render.order import ORDERS

        reg = load([shipped_registry()], use_cache=False)
        tokens: set[str] = {i.name for i in reg.files}
        verbatim: list[str] = [i.name for i in reg.files] + [i.path for i in reg.files]
        chinese: list[str] = []
        for e in reg.entities:
            tokens.add(e.id)
            verbatim += [e.name, *e.aliases, *(n.name for n in e.later_names)]
            chinese.append(e.name_zh or "")
            tokens.update(n.source for n in e.later_names)
            tokens.update(r.source for r in e.relations)
            verbatim += [r.locator.quote for r in e.relations]
            for m in e.measures:
                tokens.update(filter(None, [m.id, *m.see]))
                chinese += [m.scope_zh or "", m.description_zh or "", m.notes_zh or ""]
                chinese += m.products_zh
                verbatim += [m.effective_stated or "", m.deadline_stated or ""]
                for c in m.sources:
                    tokens.add(c.source)
                    verbatim += [c.locator.quote, c.effective_stated or "", c.deadline_stated or ""]
                    chinese.append(c.notes_zh or "")
        for src in reg.sources:
            tokens.update(filter(None, [src.id, src.url, src.copy_url]))
            verbatim += [src.title or "", src.publisher, src.author or ""]
            chinese += [src.title_zh or "", src.title_ours_zh or "", src.publisher_zh or ""]
            chinese.append(src.author_zh or "")
        for r in reg.regulations:
            tokens.update([r.id, r.source])
            chinese += [r.name_zh or "", r.summary_zh or "", *r.issuers_zh]
            verbatim.append(r.locator.quote)
        vocabulary = [*COMMANDS, *ENTITY_KINDS, *MEASURE_KINDS, *MEASURE_DATES, *ACTORS, *ORDERS]
        chinese += vocabulary + [f.value for f in Format] + schema_names() + command_words()
        self.tokens = frozenset(tokens)
        self.verbatim = sorted({v for v in verbatim if v}, key=len, reverse=True)
        self.runs = frozenset({r.lower() for t in chinese for r in LETTERS.findall(t)} | OWN_WORDS)
        # where a piece of a word folded by a rich view may come from
        self.anything = " ".join([*self.verbatim, *self.tokens, *self.runs]).lower()


@cache
def allowed() -> Allowed:
    return Allowed()


def schema_names() -> list[str]:
    from exitcheck import api

    return list(api.schema_names())


def command_words() -> list[str]:
    """The names, metavars and choices of every command's parameters."""
    import typer.main

    from exitcheck.cli import whole_app

    group = typer.main.get_command(whole_app())
    out: list[str] = []
    for command in [group, *getattr(group, "commands", {}).values()]:
        for param in command.params:
            out += [param.name or "", param.metavar or "", *param.opts]
            out += [str(c) for c in getattr(param.type, "choices", ()) or ()]
    return out


def unwrapped(text: str, glue: str) -> str:
    """The text with each line break and the indent after it as ``glue`` (a space: where the
    view broke at a space; nothing: between Chinese characters), so that a quote or a title
    it wrapped is whole again; then the ids, URLs and verbatim texts taken out."""
    text = re.sub(r"[ \t]*\n[ \t]*", glue, text)
    tokens = allowed().tokens

    def token(found: re.Match[str]) -> str:  # ids and URLs first: an alias may be inside one
        word = found[0].rstrip(".,:;'’")
        return " " if word in tokens or word.startswith("http") else found[0]

    text = ASCII_WORD.sub(token, text)
    for value in allowed().verbatim:
        text = text.replace(value, " ")
    return text


def english_in(text: str, typed: Iterable[str] = (), folded: bool = False) -> list[str]:
    """The runs of three or more ASCII letters in ``text`` that nothing allowed gives; with
    ``folded`` (a rich view, whose cells break mixed text anywhere), a piece of an allowed
    word counts as that word."""
    ok = allowed()
    typed = [*typed, *("".join(t.split()).lower() for t in typed)]  # and as normalised
    runs = ok.runs | {r.lower() for word in typed for r in LETTERS.findall(word)}
    found: list[list[str]] = [[], []]
    for words, glue in zip(found, (" ", ""), strict=True):  # English either way round
        for word in ASCII_WORD.findall(unwrapped(text, glue)):
            word = word.rstrip(".,:;'’")
            if word in ok.tokens or word.startswith(("--", "http")) or HEX.fullmatch(word):
                continue
            if folded and word.lower() in ok.anything:
                continue
            words += [run for run in LETTERS.findall(word) if run.lower() not in runs]
    return [run for run in found[0] if run in found[1]]


def iso_dates_in(text: str, folded: bool = False) -> list[str]:
    """ISO dates (YYYY-MM…) outside the ids, URLs and verbatim texts that hold them."""
    ok, out = allowed(), []
    for word in ASCII_WORD.findall(unwrapped(text, " ")):
        word = word.rstrip(".,:;")
        if word in ok.tokens or word.startswith("http"):
            continue
        if folded and word.lower() in ok.anything:
            continue
        out += ISO_MONTH.findall(word)
    return out


def check(text: str, typed: Iterable[str] = (), folded: bool = False) -> None:
    """The rules, each failing with what broke it; ``folded`` for a rich view."""
    if folded:
        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    english = english_in(text, typed, folded)
    assert not english, (english, text)
    assert not iso_dates_in(text, folded), (iso_dates_in(text, folded), text)
    doubled = re.search(r"截至\s*(\S+?日)[，,]\s*信息截至\s*\1", text)
    assert doubled is None, text
    assert not re.search(r"截至 \d", text), text  # no space between a word and its date


def entity_ids() -> list[str]:
    return [e.id for e in load([shipped_registry()], use_cache=False).entities]


@pytest.mark.parametrize("entity", entity_ids())
def test_every_status_in_chinese(cli, entity: str) -> None:
    for extra in ((), ("--details",), ("--as-of", "2021-10-01", "--known-on", "2021-09-20")):
        result = cli(*ZH, "status", entity, *extra)
        assert result.exit_code == 0, result.output
        check(result.stdout)


@pytest.mark.parametrize("entity", ["huobi", "bhex", "btcchina", "poolin", "alibaba-com"])
def test_the_styled_status_in_chinese(cli, entity: str) -> None:
    for extra in ((), ("--details",)):
        result = cli(*ZH, "--color", "always", "status", entity, *extra)
        assert result.exit_code == 0
        check(result.stdout, folded=True)


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--after", "2021-09-24", "--sort", "entity"),
        ("list", "--as-of", "2021-10-01", "--known-on", "2021-09-20"),
        ("--color", "always", "list"),
        ("timeline",),
        ("timeline", "--measure", "closed", "--as-of", "2021-10-01", "--known-on", "2021-09-20"),
        ("search", "huobi"),
        ("search", "火币网"),
        ("search", "Pocket Tokn"),
        ("--color", "always", "search", "okx"),
        ("info",),
        ("sources",),
        ("regulations",),
    ],
)
def test_every_view_in_chinese(cli, args: tuple[str, ...]) -> None:
    result = cli(*ZH, *args)
    assert result.exit_code == 0, result.output
    check(result.stdout, typed=args, folded="always" in args)


def test_no_match_and_screening_in_chinese(cli, tmp_path: Path) -> None:
    for name in ("Coinbase", "acmecoin"):
        result = cli(*ZH, "status", name)
        assert result.exit_code == 1
        check(result.stdout + result.stderr, typed=[name])
    names = ["huobi", "火必", "Pocket Tokn", "Coinbase", "Huobi Global"]
    listed = tmp_path / "names.txt"
    listed.write_text("\n".join(names) + "\n", encoding="utf-8")
    result = cli(*ZH, "screen", str(listed))
    assert result.exit_code == 0
    check(result.stdout + result.stderr, typed=[*names, listed.name])
    assert "已筛查5行" in result.stderr and "读取" not in result.stderr


def test_the_timeline_picture_in_chinese(cli, tmp_path: Path) -> None:
    target = tmp_path / "t.svg"
    assert cli(*ZH, "timeline", "--svg", str(target)).exit_code == 0
    root = ET.fromstring(target.read_text(encoding="utf-8"))
    shown = "\n".join(
        html.unescape(t.text or "")
        for t in root.iter()
        if t.tag in ("{http://www.w3.org/2000/svg}text", "{http://www.w3.org/2000/svg}title")
    )
    assert "时间线：" in shown and "2021年9月24日" in shown
    check(shown)


@pytest.mark.parametrize(
    "args",
    [
        ("status", "huobi", "--bogus"),
        ("status", "huobi", "--formt", "json"),
        ("status",),
        ("status", "a", "b"),
        ("list", "--format", "bad"),
        ("list", "--format"),
        ("list", "--sort", "foo"),
        ("list", "--kind", "foo"),
        ("list", "--on", "2021-01-01", "--after", "2021-01-01"),
        ("screen", "--threshold", "x", "-"),
        ("schema", "foo"),
        ("bogus",),
    ],
)
def test_usage_errors_in_chinese(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    from exitcheck.cli import run

    for words in ((*ZH, *args), (*args[:1], *ZH, *args[1:])):  # --lang before or after
        assert run(list(words)) == 2
        err = capsys.readouterr().err
        assert err.startswith("exitcheck：") and err.count("\n") == 1, err
        assert re.search(r"[\u4e00-\u9fff]", err), err
        check(err, typed=args)


def test_a_chinese_locale_asks_for_chinese_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from exitcheck.cli import run

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run(["--bogus"]) == 2
    assert capsys.readouterr().err.startswith("exitcheck：无此选项：--bogus")
    assert run(["--lang", "en", "status", "--bogus"]) == 2  # the option wins over the locale
    assert capsys.readouterr().err.startswith("exitcheck: no such option: --bogus")


def test_the_check_finds_english_and_iso_dates() -> None:
    """The rules can fail: an English product, a label, an ISO date and a doubled day."""
    assert "machines" in english_in("涉及产品：sales of mining machines")
    assert english_in("涉及产品：all functions except withdrawal") == [
        "all",
        "functions",
        "except",
        "withdrawal",
    ]
    assert english_in("来源：x，paragraph 10") == ["paragraph"]
    assert english_in("火币（Huobi）；来源：cls-2021-09-26") == []
    assert iso_dates_in("（2021-10公布）") == ["2021-10"]
    assert iso_dates_in("来源：cls-2021-09-26、huobi-2021-12-24-management-fee") == []
    with pytest.raises(AssertionError):
        check("截至2026年12月7日，信息截至2026年12月7日")


def test_the_screening_summary_says_what_was_screened() -> None:
    from exitcheck.render.i18n import words
    from exitcheck.render.notes import screened_line

    counts = {"read": 30, "rows": 30, "match": 2, "ambiguous": 1, "none": 27, "seconds": 0.5}
    assert screened_line(counts, words("zh")).startswith("已筛查30行：匹配2行，有歧义1行，")
    stopped = {**counts, "rows": 12}  # the run stopped early (the reader went away)
    assert screened_line(stopped, words("zh")).startswith("读取30行，已筛查其中12行：")


def test_dates_in_chinese() -> None:
    from exitcheck.render.i18n import words

    w = words("zh")
    assert w.date("2021-09-26") == "2021年9月26日" and w.date("2021-10") == "2021年10月"
    assert w.date("2021") == "2021年" and w.span("2021-05", "2021-12-24") == (
        "2021年5月至2021年12月24日"
    )
    assert w.date("2021-10-08T15:00:00+07:00") == "2021年10月8日 15:00（UTC+7）"
    assert w.date("2021-10-13T03:00:00+00:00") == "2021年10月13日 03:00（UTC）"
    assert w.date("2021-10-13T03:00:30-05:30") == "2021年10月13日 03:00:30（UTC-5:30）"
    midnight = "2022-01-01T00:00:00+08:00"
    assert w.date(midnight) == "2022年1月1日 00:00（UTC+8）"
    assert w.date(midnight, deadline=True) == "2021年12月31日 24:00（UTC+8）"
    assert w.date("cls-2021-09-26") == "cls-2021-09-26" and w.date(None) == ""
    assert words("en").date(midnight, deadline=True) == midnight  # English keeps ISO
