"""Encodings undone before matching (decoding.py), one row per rule, and the answer that says so."""

from __future__ import annotations

import json

import pytest

from exitcheck.matching import match
from exitcheck.matching.decoding import decode, spelled_domain
from exitcheck.store.loading import load, shipped_registry

INDEX = load([shipped_registry()], use_cache=False).index


@pytest.mark.parametrize(
    ("raw", "text", "undone"),
    [
        ("Huobi", "Huobi", ()),  # nothing to undo: the text as it is
        ("OKX & Co", "OKX & Co", ()),  # an ampersand that is no character reference
        ("Hu&#111;bi", "Huobi", ("HTML character references",)),
        ("xn--bnance-pvf.com", "b\u0456nance.com", ("punycode",)),  # a Cyrillic і
        ("XN--HUBI-65D.COM", "hu\u043ebi.COM", ("punycode",)),
        ("xn--!!", "xn--!!", ()),  # no punycode label
        ("&#x706B;&#x5E01;", "火币", ("HTML character references",)),
        ("Bitget&nbsp;Global", "Bitget Global", ("HTML character references",)),
        ("<b>Huobi</b>", "Huobi", ("HTML tags",)),
        ("&lt;Huobi&gt;", "Huobi", ("HTML character references", "HTML tags")),  # no element
        ('<img src="h.png" alt="Huobi">', "Huobi", ("HTML tags",)),  # its alt text
        ("<https://www.huobi.com|Huobi>", "Huobi", ("HTML tags",)),  # a chat link's label
        ("<Nm>Huobi</Nm><Ctry/>", "Huobi", ("HTML tags",)),  # XML: closed, or self-closing
        ("Binance%20Exchange", "Binance Exchange", ("percent-encoding",)),
        ("%E7%81%AB%E5%B8%81", "火币", ("percent-encoding",)),
        ("https://huobi.com/a%20b", "https://huobi.com/a%20b", ()),  # a URL keeps its escapes
        ("\\u706b\\u5e01", "火币", ("\\u escapes",)),
        ("\\ud83d\\ude00 Huobi", "\U0001f600 Huobi", ("\\u escapes",)),  # a surrogate pair
        ("=?UTF-8?B?54Gr5biB?=", "火币", ("MIME encoded-words",)),
        ("=?utf-8?Q?Ku=43oin?=", "KuCoin", ("MIME encoded-words",)),
        ('="Huobi"', "Huobi", ("spreadsheet formula",)),
        ('=HYPERLINK("https://huobi.com","Huobi")', "Huobi | https://huobi.com", ("spreadsheet formula",)),
        ('=HYPERLINK("https://huobi.com")', "https://huobi.com", ("spreadsheet formula",)),
        ("&lt;b&gt;Huobi&lt;/b&gt;", "Huobi", ("HTML character references", "HTML tags")),
    ],
)  # fmt: skip
def test_decode(raw: str, text: str, undone: tuple[str, ...]) -> None:
    assert decode(raw) == (text, undone)


@pytest.mark.parametrize(
    ("spoken", "host"),
    [
        (["gate", "dot", "io"], "gate.io"),
        (["support", "at", "huobi", "dot", "com"], "support@huobi.com"),
        (["dot", "com"], None),  # no name before the dot
        (["polka", "dot"], None),
        (["huobi", "global"], None),
    ],
)
def test_spelled_domain(spoken: list[str], host: str | None) -> None:
    assert spelled_domain(spoken) == host


def test_the_answer_says_what_was_decoded(cli) -> None:
    status = json.loads(cli("status", "--json", "--", "Hu&#111;bi").stdout)
    assert status["match"]["decoded"] == ["HTML character references"]
    assert status["match"]["query"] == "Hu&#111;bi"  # the query as given
    assert status["entity"]["id"] == "huobi"
    row = json.loads(cli("screen", "-", "--json", input="gate dot io\n").stdout)
    assert (row["entity_id"], row["decoded"]) == ("gate-io", ["spelled punctuation"])
    plain = json.loads(cli("screen", "-", "--json", input="Huobi\n").stdout)
    assert plain["decoded"] == []


def test_a_formula_whose_link_and_label_disagree_is_ambiguous() -> None:
    result = match(INDEX, '=HYPERLINK("https://www.binance.com","Huobi")')
    assert result.decision == "ambiguous"
    assert {c.entity_id for c in result.candidates} == {"binance", "huobi"}


def test_the_human_views_say_what_was_decoded(cli) -> None:
    english = cli("status", "--", "Hu&#111;bi").stdout
    assert "\n  decoded      HTML character references\n" in english
    chinese = cli("status", "--lang", "zh", "--", "Hu&#111;bi").stdout
    assert "\n  匹配前已解码：HTML字符引用\n" in chinese
    unmatched = cli("status", "--", "Acme%20Trading%20Ltd")
    assert unmatched.exit_code == 1
    assert "decoded: percent-encoding\n" in unmatched.stderr  # a no-match is said on stderr
