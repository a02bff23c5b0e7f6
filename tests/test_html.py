"""HTML reports (--format html): data stays text, links stay http(s), only the page's own
script runs; and a real browser (Debian's headless Chromium) opens a report, filters and
sorts it through the report's own script, and takes a screenshot.

The browser test is skipped where no ``chromium`` is installed, except in CI (CI=true), where
.ci/run installs it: there its absence is a failure.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exitcheck.render.html import SCRIPT, STYLE, Lookups, Renderer, link, text
from exitcheck.render.safe import printable

from .test_golden import AMBIGUOUS

DAY = ("--as-of", "2021-10-01")

# A registry layered over the shipped one (--registry, not --only): every text a page shows
# is hostile, and one source's URL is javascript:.
HOSTILE = r"""
[registry]
name = "hostile"
version = "1"
last_reviewed = 2026-01-01
schema = 1

[[sources]]
id = "evil-src"
title = "<script>alert(1)</script>"
publisher = "\" onmouseover=alert(1) x=\""
published = 2021-09-26
language = "en"
url = "javascript:alert(1)"

[[sources]]
id = "quote-src"
title = "</script><script>alert(2)</script>\u2028line"
publisher = "Tests"
published = 2021-09-27
language = "en"
url = "https://example.org/a\"onmouseover=\"alert(3)"

[[entities]]
id = "evil"
name = "<script>alert(1)</script>"
name_zh = "</script>\u2028名"
aliases = ["\" onmouseover=alert(1) x=\"", "evil exchange"]
kind = "exchange"

[[entities.measures]]
kind = "closed"
scope = "<img src=x onerror=alert(1)>"
announced = 2021-09-25
description = "javascript:alert(1)"
source = "evil-src"
locator = { quote = "</script><b>bold</b>" }

[[entities.measures]]
kind = "service_stopped"
scope = "' onfocus='alert(4)"
announced = 2021-09-26
description = "x"
source = "quote-src"
locator = { quote = "\u2028</script>" }
"""

# match (several, with scores), ambiguous, none; hostile input names too
SCREEN_INPUT = (
    "Huobi Global\nevil exchange\nqkl124\nPocket Tokn\nalphaswupx\n"
    '<script>alert(1)</script>\n" onmouseover=alert(1) x="\nkucoin\n'
)


class Page(HTMLParser):
    """What a page is made of: its elements (tag, attributes) in order, the content of its
    script and style elements, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.texts: list[str] = []
        self.by_id: dict[str, str] = {}  # the first text in an element with an id
        self._in: str | None = None
        self._id: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._id = dict(attrs).get("id")
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data
        else:
            self.texts.append(data)
            if self._id:
                self.by_id.setdefault(self._id, data)
                self._id = None

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def groups(self) -> list[dict[str, Any]]:
        """The rows of the #rows table: each tbody with data-order, in document order, with its
        first row's cells' data-key values."""
        out: list[dict[str, Any]] = []
        for tag, attrs in self.elements:
            if tag == "tbody" and "data-order" in attrs:
                out.append({"attrs": attrs, "keys": []})
            elif tag == "td" and out and len(out[-1]["keys"]) < 7:
                out[-1]["keys"].append(attrs.get("data-key"))
        return out


def _digest(code: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()


def assert_only_its_own_script(page: Page) -> None:
    """One script (the renderer's), no event-handler attribute, links only to http(s), and a
    CSP that allows exactly the page's style and script."""
    assert page.scripts == [SCRIPT]
    assert page.styles == [STYLE]
    for tag, attrs in page.elements:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "b"), tag
        if tag == "a":
            href = attrs["href"] or ""
            if href.startswith("#"):  # a row's link to its entity's section on the page
                ids = {a.get("id") for _, a in page.elements}
                assert re.fullmatch(r"#entity-\d+", href) and href[1:] in ids, attrs
                continue
            assert href.startswith(("https://", "http://")), attrs
        assert "src" not in attrs, (tag, attrs)
    [csp] = [
        a["content"] or ""
        for t, a in page.elements
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert f"script-src '{_digest(page.scripts[0])}'" in csp
    assert f"style-src '{_digest(page.styles[0])}'" in csp
    assert "default-src 'none'" in csp and "unsafe" not in csp


# --------------------------------------------------------------------------------------------
# The pure parts


@given(st.text())
def test_text_is_text_in_content_and_attributes(value: str) -> None:
    page = Page(f'<p title="{text(value)}">{text(value)}</p>')
    assert page.elements == [("p", {"title": printable(value)})]
    assert page.text == printable(value)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "//evil.example/x",
        "/relative",
        "http:/no-host",
        "https://exa mple.org/",
        "https://example.org/\u202e",
        "vbscript:msgbox",
        "https://[::1",
        "https://",
    ],
)
def test_a_url_that_is_not_http_is_shown_as_text(url: str) -> None:
    shown = link(url, "title")
    page = Page(shown)
    assert "a" not in [t for t, _ in page.elements]
    assert printable(url) in page.text


@given(
    st.builds(
        str.__add__,
        st.sampled_from(["http://", "https://", "HTTPS://", "javascript:", " https://", ""]),
        st.text(),
    )
)
def test_only_http_urls_with_a_host_become_links(url: str) -> None:
    page = Page(link(url, "title"))
    for tag, attrs in page.elements:
        assert tag in ("a", "span"), tag
        if tag == "a":
            href = attrs["href"] or ""
            assert href == url and href.lower().startswith(("http://", "https://"))
            assert href.isprintable() and not any(ch.isspace() for ch in href)


def test_http_and_https_urls_are_links_with_their_quotes_escaped() -> None:
    for url in ("http://example.org/x?a=1&b=2", 'HTTPS://example.org/"onmouseover="x'):
        page = Page(link(url, "<b>t</b>"))
        [(tag, attrs)] = page.elements
        assert tag == "a" and attrs["href"] == url and attrs["rel"] == "noopener noreferrer"
        assert page.text == "<b>t</b>"


def test_the_summary_shows_every_count_the_record_has() -> None:
    """Counts other branches add (unreadable, empty) show without a change here; the filter
    lists the decisions that occur, whatever they are."""
    summary = {"read": 5, "rows": 5, "match": 1, "none": 1, "unreadable": 2, "empty": 1}
    records = [
        {"row": i, "input": f"n{i}", "decision": d, "candidates": []}
        for i, d in enumerate(["match", "none", "unreadable", "unreadable", "empty"], 1)
    ]
    [html] = Renderer(lookups=Lookups(summary=lambda: {**summary, "seconds": 0.5})).screen(records)
    page = Page(html)
    counts = {a["data-count"]: None for t, a in page.elements if "data-count" in a}
    assert list(counts) == list(summary)  # in the record's order; seconds is not a count
    assert "rows read" in page.text and "unreadable" in page.text
    filters = [a["data-filter"] for t, a in page.elements if "data-filter" in a]
    assert filters == ["", "match", "none", "unreadable", "empty"]
    assert "unreadable (2)" in page.text and "all (5)" in page.text


def test_every_label_of_the_report_has_a_chinese_entry() -> None:
    import re

    from exitcheck.render import html
    from exitcheck.render.i18n import words

    code = Path(html.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r"""label\(\s*["'](\w+)["']""", code))
    used |= {f"report_count_{k}" for k in html.COUNT_LABELS} | {k for k, _ in html.MEASURE_HEADS}
    used |= {"effective", "deadline", "report_measure_status"}
    assert {"report_now", "report_count_match", "as_of", "known_on"} <= used
    assert sorted(used - set(words("zh").table["labels"])) == []


def test_a_chinese_report_says_its_labels_in_chinese(cli) -> None:
    result = cli("--lang", "zh", "screen", "-", "--format", "html", *DAY, input="huobi\nqkl124\n")
    assert result.exit_code == 0, result.stderr
    page = Page(result.stdout)
    assert ("html", {"lang": "zh-Hans"}) in page.elements
    for label in (
        "筛查报告",
        "读取行数",
        "待复核",
        "无匹配",
        "截至",
        "信息截至",
        "运行时刻",
        "全部",
    ):
        assert label in page.text, label
    for english in ("rows read", "for review", "known on", "run at"):
        assert english not in page.text, english


# --------------------------------------------------------------------------------------------
# Through the command line, with a hostile registry layered over the shipped one


@pytest.fixture
def hostile(write_registry) -> Path:
    return write_registry(HOSTILE, header="")


@pytest.mark.parametrize(
    "args",
    [
        ["screen", "-", "--format", "html"],
        ["status", "evil", "--format", "html"],
        ["status", "<script>alert(1)</script>", "--format", "html"],  # no match: candidates
        ["list", "--after", "2021-09-24", "--before", "2021-09-27", "--format", "html"],
        ["sources", "--format", "html"],
    ],
)
def test_hostile_data_is_text_and_no_script_but_the_pages_own(
    cli, hostile: Path, args: list[str]
) -> None:
    day = DAY if args[0] != "sources" else ()
    result = cli("--registry", str(hostile), *args, *day, input=SCREEN_INPUT)
    assert result.exit_code in (0, 1), result.stderr
    page = Page(result.stdout)
    assert_only_its_own_script(page)
    if args[0] == "sources":
        return
    if args[1] != "evil" or args[0] != "status":
        assert "<script>alert(1)</script>" in page.text
        return
    for shown in (
        "<script>alert(1)</script>",  # the name, as text
        "</script>\\u2028名",  # U+2028 shown escaped, as in every format
        "<img src=x onerror=alert(1)>",
        "</script><b>bold</b>",
        "' onfocus='alert(4)",
        "javascript:alert(1)",  # the URL, as text
        '" onmouseover=alert(1) x="',
    ):
        assert shown in page.text, shown
    hrefs = [a["href"] for t, a in page.elements if t == "a"]
    assert hrefs and set(hrefs) == {'https://example.org/a"onmouseover="alert(3)'}


def screened(cli, *registries: Path) -> list[dict[str, str]]:
    """The same run as CSV: what the report must show, read from another format."""
    import csv
    import io

    layered = [a for r in registries for a in ("--registry", str(r))]
    result = cli(*layered, "screen", "-", "--format", "csv", *DAY, input=SCREEN_INPUT)
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_screen_report_summary_first_then_rows(cli, hostile: Path) -> None:
    import re

    result = cli(
        "--registry", str(hostile), "--registry", str(AMBIGUOUS),
        "screen", "-", "--format", "html", *DAY, input=SCREEN_INPUT,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = screened(cli, hostile, AMBIGUOUS)
    decisions = [r["decision"] for r in rows]
    assert {"match", "ambiguous", "none"} <= set(decisions)
    html = result.stdout
    counts = dict(re.findall(r'data-count="(\w+)"><strong>(\d+)</strong>', html))
    assert counts == {
        "read": str(len(rows)),
        "rows": str(len(rows)),
        **{
            d: str(decisions.count(d))
            for d in ("match", "ambiguous", "none", "unreadable", "empty")
        },
    }
    assert html.index("data-count") < html.index('id="rows"')  # the summary first
    page = Page(html)
    groups = page.groups()
    assert [g["attrs"]["data-group"] for g in groups] == decisions
    assert [g["keys"][0] for g in groups] == [r["row"] for r in rows]
    assert [g["keys"][6] or "" for g in groups] == [r["score"] for r in rows]
    for label in ("as of", "known on", "run at (now)", "SHA-256", "exitcheck-core", "hostile"):
        assert label in page.text
    for digest in rows[0]["registry_sha256"].split("; "):
        assert digest in page.text  # the whole fingerprint of every registry
    assert "2021-10-01" in page.text and "2026-11-26T00:00:00+08:00" in page.text
    # each hit with its measures: Huobi's quotes and its sources' links
    assert "they have halted margin trading services" in page.text
    assert any(t == "a" and "coindesk.com/" in (a["href"] or "") for t, a in page.elements)


def test_html_to_a_file_and_screen_still_exits_3_on_a_hit(cli, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = cli(
        "screen", "-", "--format", "html", "-o", str(target), "--fail-on-match", *DAY,
        input="huobi\n",
    )  # fmt: skip
    assert result.exit_code == 3 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --------------------------------------------------------------------------------------------
# A real browser


def chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        message = "chromium not found (Debian: apt-get install chromium); the browser test needs it"
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(message + "; CI installs it, so its absence is a failure")
        pytest.skip(message)
    return found


def browse(report: Path, fragment: str, work: Path, *extra: str) -> str:
    """Chromium, headless, on the report's file:// URL with ``fragment``; its stdout."""
    profile = work / f"profile-{len(list(work.glob('profile-*')))}"
    done = subprocess.run(
        [
            chromium(), "--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
            "--virtual-time-budget=3000", *extra, report.as_uri() + fragment,
        ],
        capture_output=True, text=True, timeout=60, check=False, cwd=work,
        env={**os.environ, "HOME": str(work)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture
def report(cli, hostile: Path, tmp_path: Path) -> Path:
    chromium()
    target = tmp_path / "report.html"
    result = cli(
        "--registry", str(hostile), "--registry", str(AMBIGUOUS),
        "screen", "-", "--format", "html", "-o", str(target), *DAY, input=SCREEN_INPUT,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return target


def test_the_browser_filters_and_sorts_through_the_reports_own_script(
    cli, hostile: Path, report: Path, tmp_path: Path
) -> None:
    rows = screened(cli, hostile, AMBIGUOUS)
    matched = sorted(
        (r for r in rows if r["decision"] == "match"),
        key=lambda r: (-float(r["score"]), int(r["row"])),
    )
    unscored = [r for r in rows if not r["score"]]  # undated: last, in their order
    dom = Page(browse(report, "#decision=match&sort=score&dir=desc", tmp_path, "--dump-dom"))
    assert_only_its_own_script(dom)  # nothing from the data became a script or a handler
    groups = dom.groups()
    assert [g["keys"][0] for g in groups] == [r["row"] for r in matched + unscored]
    hidden = ["hidden" in g["attrs"] for g in groups]
    assert hidden == [r["decision"] != "match" for r in matched + unscored]
    assert any(hidden) and not all(hidden)
    pressed = [a["data-filter"] for t, a in dom.elements if a.get("aria-pressed") == "true"]
    assert pressed == ["match"]
    sorted_by = [a["data-col"] for t, a in dom.elements if a.get("aria-sort") == "descending"]
    assert sorted_by == ["score"]
    assert dom.by_id["shown"] == str(len(matched))


def test_the_browser_shows_every_row_and_sorts_text(report: Path, tmp_path: Path) -> None:
    dom = Page(browse(report, "#sort=input", tmp_path, "--dump-dom"))
    groups = dom.groups()
    assert len(groups) == 8 and not [g for g in groups if "hidden" in g["attrs"]]
    inputs = [g["attrs"]["data-order"] for g in groups]
    expected = sorted(range(8), key=lambda n: SCREEN_INPUT.splitlines()[n])
    assert inputs == [str(n) for n in expected]


def test_the_browser_takes_a_screenshot(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    browse(report, "", tmp_path, f"--screenshot={shot}", "--window-size=1280,900")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


# --------------------------------------------------------------------------------------------
# Found by review: size, provenance with no row, the input's columns, Chinese


def test_each_matched_entity_is_shown_once_however_many_rows_match_it(cli) -> None:
    quote = "they have halted margin trading services"  # one of Huobi's quotes
    one = cli("screen", "-", "--format", "html", *DAY, input="huobi\n")
    many = cli("screen", "-", "--format", "html", *DAY, input="huobi\nHuobi Global\n" * 50)
    assert one.exit_code == many.exit_code == 0
    assert one.stdout.count(quote) == many.stdout.count(quote) == 1
    page = Page(many.stdout)
    links = [a["href"] for t, a in page.elements if t == "a" and (a["href"] or "")[:1] == "#"]
    assert links == ["#entity-1"] * 100  # every row links to the one section
    assert ("section", {"class": "entity", "id": "entity-1"}) in page.elements
    # the page grows by a row's size, not by a row plus its entity's measures
    assert len(many.stdout) - len(one.stdout) < 99 * 1200


@pytest.mark.parametrize(
    "args, stdin",
    [
        (["screen", "-", "--format", "html"], ""),
        (["list", "--after", "2099-01-01", "--format", "html"], None),
    ],
)
def test_a_report_with_no_row_still_says_its_registry_and_clocks(
    cli, args: list[str], stdin: str | None
) -> None:
    result = cli(*args, *DAY, input=stdin)
    assert result.exit_code == 0, result.stderr
    page = Page(result.stdout)
    for label in ("as of", "known on", "SHA-256", "exitcheck-core", "2021-10-01"):
        assert label in page.text, label


def test_the_screen_report_keeps_the_input_rows_columns(cli, tmp_path: Path) -> None:
    book = tmp_path / "book.csv"
    book.write_text(
        'client_id,name,desk\nC-001,Huobi Global,<b>Asia</b>\nC-002,Acme Ltd,"a, ""b"""\n',
        encoding="utf-8",
    )
    result = cli("screen", str(book), "--column", "name", "--format", "html", *DAY)
    assert result.exit_code == 0, result.stderr
    assert "<b>" not in result.stdout
    page = Page(result.stdout)
    text_ = " ".join(page.text.split())
    for shown in ("client_id: C-001", "desk: <b>Asia</b>", "client_id: C-002", 'desk: a, "b"'):
        assert shown in text_, shown


def test_a_chinese_report_writes_dates_and_brackets_in_chinese(cli) -> None:
    status = cli("--lang", "zh", "status", "huobi", "--format", "html", *DAY)
    assert status.exit_code == 0, status.stderr
    text_ = Page(status.stdout).text
    assert "火必（2022年11月22日起）" in text_
    assert "(since" not in text_ and "(审核于" not in text_ and "（审核于" in text_
    assert "2021年10月1日" in text_ and "2021-10-01" not in text_
    screen = cli("--lang", "zh", "screen", "-", "--format", "html", *DAY, input="HTX\n")
    assert "(since" not in Page(screen.stdout).text
    no_match = cli("--lang", "zh", "status", "qkl124", "--format", "html", *DAY)
    heads = [a["data-col"] for t, a in Page(no_match.stdout).elements if t == "th"]
    page = Page(no_match.stdout)
    assert "rank" in heads  # the sort key is the column's name
    for english in ("rank", "score", "method", "normalized"):
        assert english not in page.text.split(), english
    assert "排名" in page.text and "得分" in page.text
