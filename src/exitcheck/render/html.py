"""HTML reports (--format html): one self-contained page for a person who does not run the CLI.

The page carries everything it shows: inline CSS and one small inline script (sort by a
column, filter by decision or status), no network, no external script, font or image. A
Content-Security-Policy in the page allows only that style and that script, by their SHA-256,
so nothing else can run even if a value escaped its escaping. Every value read from a
registry, a cache or an input file passes ``text`` (controls shown escaped as in every format,
then ``html.escape`` with quotes) and every attribute is quoted; the script holds no data (it
reads the page's own attributes). A source URL is a link only when it is http or https;
anything else is shown as text.

The script reads its state from the URL fragment, so a link (and a test) can open a report
filtered and sorted: ``report.html#decision=match&sort=score&dir=desc``.

Each method returns (or yields) the whole page: a screen's summary comes first on the page
but is known only once every row is read, so the rows are kept until the end.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable, Iterator
from html import escape
from typing import Any, NamedTuple

from exitcheck.render import Doc
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.safe import printable


class Lookups(NamedTuple):
    """What a report shows beyond the records it is given; each is optional."""

    summary: Callable[[], Doc] | None = None  # a screen's summary record, read after the rows
    entity: Callable[[str], Doc | None] | None = None  # an entity's status record, by id
    source: Callable[[str], Doc | None] | None = None  # a source record, by id
    coverage: Doc | None = None  # what the registry covers (after a "none")
    provenance: Callable[[], Doc] | None = None  # the run's, for a report with no record
    previous: Doc | None = None  # screen --since: what PREVIOUS is (api.compared_with + file)


STYLE = """
:root{color-scheme:light;--ink:#1b1f24;--dim:#57606a;--line:#d0d7de;--bg:#f6f8fa;
--match:#b42318;--review:#9a6700;--none:#57606a;--other:#0550ae}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",
"PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);margin:0;padding:24px 32px;
max-width:1400px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.sub{color:var(--dim);margin:0 0 16px}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 12px;padding:0;list-style:none}
.counts li{border:1px solid var(--line);border-radius:6px;padding:6px 12px;background:var(--bg);
min-width:110px}
.counts strong{display:block;font-size:20px}
.counts .d-match strong{color:var(--match)}.counts .d-ambiguous strong{color:var(--review)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 8px}
dl.facts dt{color:var(--dim)}dl.facts dd{margin:0;overflow-wrap:anywhere}
code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.note{color:var(--dim);max-width:80ch}
.filters{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0;align-items:center}
.filters button{font:inherit;border:1px solid var(--line);background:#fff;border-radius:14px;
padding:2px 12px;cursor:pointer}
.filters button[aria-pressed=true]{background:var(--ink);color:#fff;border-color:var(--ink)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
thead th{background:var(--bg);position:sticky;top:0;white-space:nowrap}
th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;
color:inherit}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.num,.day{white-space:nowrap}
.dec{font-weight:600}.d-match .dec{color:var(--match)}.d-ambiguous .dec{color:var(--review)}
.d-none .dec{color:var(--none)}.d-other .dec{color:var(--other)}
tr.detail>td{background:#fcfcfd;padding:4px 8px 12px 32px}
table.measures{font-size:13px}
table.measures th{background:none;position:static;color:var(--dim);font-weight:600}
blockquote{margin:2px 0;padding:0 0 0 8px;border-left:3px solid var(--line);color:#333}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:0 0 16px}
.status{font-size:18px;font-weight:700}
.url{font-family:ui-monospace,monospace;font-size:12px;color:var(--dim)}
footer{margin-top:24px;color:var(--dim);font-size:12px}
section.entity{border-top:1px solid var(--line);padding:4px 0 8px}
h3{font-size:15px;margin:12px 0 4px}
.cols{color:var(--dim);font-size:13px;margin:2px 0}
@media print{thead th{position:static}.filters{display:none}body{padding:0}}
"""

SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("rows");
  if (!table || !table.tHead) { return; }
  var key = table.getAttribute("data-filter-key") || "";
  var heads = table.tHead.rows[0].cells;
  function state() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at < 1) { return; }
      try {
        out[decodeURIComponent(part.slice(0, at))] = decodeURIComponent(part.slice(at + 1));
      } catch (e) { /* a malformed fragment is ignored */ }
    });
    return out;
  }
  function go(changes) {
    var s = state(), parts = [], k;
    for (k in changes) { s[k] = changes[k]; }
    for (k in s) {
      if (s[k]) { parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(s[k])); }
    }
    var hash = "#" + parts.join("&");
    if (location.hash === hash || (hash === "#" && !location.hash)) { apply(); }
    else { location.hash = hash; }
  }
  function value(group, col, num) {
    var cell = group.rows[0].cells[col];
    var v = cell ? cell.getAttribute("data-key") : null;
    if (v === null && cell) { v = cell.textContent.trim(); }
    if (v === null || v === "") { return null; }
    return num ? Number(v) : v;
  }
  function apply() {
    var s = state(), col = -1, i;
    var groups = Array.prototype.slice.call(table.tBodies);
    for (i = 0; i < heads.length; i++) {
      heads[i].removeAttribute("aria-sort");
      if (s.sort && heads[i].getAttribute("data-col") === s.sort) { col = i; }
    }
    var dir = s.dir === "desc" ? -1 : 1;
    if (col >= 0) {
      var num = heads[col].getAttribute("data-type") === "num";
      groups.sort(function (a, b) {
        var x = value(a, col, num), y = value(b, col, num), c = 0;
        if (x === null || y === null) { c = x === y ? 0 : (x === null ? 1 : -1); }
        else { c = dir * (num ? x - y : (x < y ? -1 : x > y ? 1 : 0)); }
        return c || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      });
      heads[col].setAttribute("aria-sort", dir < 0 ? "descending" : "ascending");
    } else {
      groups.sort(function (a, b) {
        return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      });
    }
    groups.forEach(function (g) { table.appendChild(g); });
    var want = key ? (s[key] || "") : "", shown = 0;
    groups.forEach(function (g) {
      g.hidden = want !== "" && g.getAttribute("data-group") !== want;
      if (!g.hidden) { shown++; }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-filter") === want));
    });
    var count = document.getElementById("shown");
    if (count) { count.textContent = String(shown); }
  }
  Array.prototype.forEach.call(heads, function (th) {
    var b = th.querySelector("button");
    if (!b) { return; }
    b.addEventListener("click", function () {
      var s = state(), col = th.getAttribute("data-col");
      go({sort: col, dir: s.sort === col && s.dir !== "desc" ? "desc" : "asc"});
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (b) {
    b.addEventListener("click", function () {
      var change = {};
      change[key] = b.getAttribute("data-filter");
      go(change);
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("a[data-jump]"), function (a) {
    a.addEventListener("click", function (event) {
      var target = document.getElementById(a.getAttribute("data-jump"));
      if (!target) { return; }
      event.preventDefault();  /* the fragment holds the filter and the sort */
      target.scrollIntoView();
    });
  });
  window.addEventListener("hashchange", apply);
  apply();
})();
"""

DECISION_ORDER = ("match", "ambiguous", "none", "unreadable", "empty")
COUNT_LABELS = {
    "read": "rows read",
    "rows": "rows answered",
    "match": "matched",
    "ambiguous": "for review (ambiguous)",
    "none": "no match",
    "unreadable": "unreadable",
    "empty": "empty",
    "changed": "changed since PREVIOUS (the rows shown)",
}
LINK_SCHEMES = ("http", "https")


def _digest(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def policy() -> str:
    """The page's Content-Security-Policy: nothing but its own style and script."""
    return (
        f"default-src 'none'; style-src {_digest(STYLE)}; script-src {_digest(SCRIPT)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def text(value: Any) -> str:
    """Any value as HTML text or a quoted attribute's content: controls shown escaped
    (safe.printable), then &, <, >, " and ' as character references."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(printable(value), quote=True)


def link(url: Any, label: Any = None) -> str:
    """An http(s) URL as a link; any other URL (javascript:, data:, file:, relative, with
    spaces or controls) as text, never a live link."""
    if not isinstance(url, str) or not url:
        return text(label)
    shown = text(label if label else url)
    if _linkable(url):
        return f'<a href="{text(url)}" rel="noopener noreferrer">{shown}</a>'
    if label:
        return f'{shown} <span class="url">{text(url)}</span>'
    return f'<span class="url">{shown}</span>'


def _linkable(url: str) -> bool:
    from urllib.parse import urlsplit

    if not url.isprintable() or any(ch.isspace() for ch in url) or "\\" in url:
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in LINK_SCHEMES and bool(parts.hostname)
    except ValueError:  # a malformed host ("https://[::1")
        return False


def _later(later: Doc, w: Words) -> str:
    """'HTX (since 2023-09-13)'; '火必（2022年11月22日起）'."""
    template = w.label("report_later_name", "{name} (since {since})")
    return template.format(name=printable(later["name"]), since=w.date(printable(later["since"])))


def _decision_class(decision: Any) -> str:
    return f"d-{decision}" if decision in ("match", "ambiguous", "none") else "d-other"


def page(title: str, body: Iterable[str], w: Words) -> str:
    """A whole document around ``body`` (HTML already escaped); ``title`` is plain text."""
    lang = "zh-Hans" if w.zh else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy()}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "".join(body)
        + f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _facts(pairs: Iterable[tuple[str, str]]) -> str:
    """A definition list; labels are plain text, values HTML already escaped."""
    items = "".join(f"<dt>{text(k)}</dt><dd>{v}</dd>" for k, v in pairs if v)
    return f'<dl class="facts">{items}</dl>\n'


def provenance_html(provenance: Doc, w: Words) -> str:
    """Registry name, version, review day and SHA-256 of each file; both clocks and the
    moment the run read as now; the exitcheck version."""
    pairs: list[tuple[str, str]] = [
        (w.label("as_of", "as of"), text(w.date(provenance.get("as_of")))),
        (w.label("known_on", "known on"), text(w.date(provenance.get("known_on")))),
        (w.label("report_now", "run at (now)"), text(w.date(provenance.get("now")))),
    ]
    for f in provenance.get("registries") or []:
        pairs.append(
            (
                w.label("registry", "registry"),
                f"{text(f.get('name'))} {text(f.get('version'))}"
                + (
                    text(w.paren(f"{w.label('reviewed', 'reviewed')} {w.date(f['last_reviewed'])}"))
                    if f.get("last_reviewed")
                    else ""
                ),
            )
        )
        pairs.append(("SHA-256", f'<code class="hash">{text(f.get("sha256"))}</code>'))
    if provenance.get("contributors"):
        pairs.append(
            (
                w.label("report_contributors", "stated by"),
                text(w.listing.join(provenance["contributors"])),
            )
        )
    pairs.append(("exitcheck", text(provenance.get("exitcheck_version"))))
    return _facts(pairs)


def _head(label: str, col: str, num: bool = False) -> str:
    kind = ' data-type="num"' if num else ""
    return f'<th data-col="{text(col)}"{kind}><button type="button">{text(label)}</button></th>'


def _filters(key: str, label: str, groups: dict[str, int], total: int, w: Words) -> str:
    """Buttons for each value of the filter that occurs, with its count; "all" first."""
    order = sorted(
        groups,
        key=lambda g: (DECISION_ORDER.index(g) if g in DECISION_ORDER else len(DECISION_ORDER), g),
    )
    buttons = [
        f'<button type="button" data-filter="" aria-pressed="true">'
        f"{text(w.label('report_all', 'all') + w.paren(str(total)))}</button>"
    ]
    for g in order:
        shown = w.decision(g) if key == "decision" else w.status(g)
        buttons.append(
            f'<button type="button" data-filter="{text(g)}" aria-pressed="false">'
            f"{text(shown + w.paren(str(groups[g])))}</button>"
        )
    return (
        f'<div class="filters" role="group" aria-label="{text(label)}">'
        f"<span>{text(label + w.colon.strip())}</span>{''.join(buttons)}"
        f' <span class="note">{text(w.label("report_shown", "shown") + w.colon)}'
        f'<span id="shown">{total}</span></span></div>\n'
    )


class _Sources:
    """Source records by id: an answer's own, else looked up (and remembered)."""

    def __init__(self, find: Callable[[str], Doc | None] | None) -> None:
        self.find = find
        self.known: dict[str, Doc | None] = {}

    def add(self, records: Iterable[Doc]) -> None:
        for s in records:
            self.known.setdefault(s["id"], s)

    def get(self, source_id: str) -> Doc | None:
        if source_id not in self.known:
            self.known[source_id] = self.find(source_id) if self.find else None
        return self.known[source_id]


def _source_html(source_id: str, sources: _Sources, w: Words) -> str:
    """The source's title as a link to it (http/https), and its id."""
    from exitcheck.render.notes import source_title

    s = sources.get(source_id)
    if s is None:
        return f"<code>{text(source_id)}</code>"
    url = s.get("url") or s.get("copy_url")
    published = text(w.paren(w.date(s["published"]))) if s.get("published") else ""
    return f"{link(url, source_title(s, w))}{published} <code>{text(source_id)}</code>"


def _dates(m: Doc, w: Words) -> str:
    parts = []
    for key in ("effective", "deadline"):
        if m.get(key):
            parts.append(f"{text(w.label(key))} {text(w.date(m[key], deadline=key == 'deadline'))}")
    return "<br>".join(parts)


def measure_cells(m: Doc, sources: _Sources, w: Words) -> list[tuple[str, str]]:
    """(sort key, cell HTML) per measure column: date, kind, scope, status, effective or
    deadline, sources with their quotes."""
    cited = m.get("sources") or [{"source": m["source"], "locator": m.get("locator") or {}}]
    quotes = []
    for c in cited:
        quote = (c.get("locator") or {}).get("quote")
        where = _source_html(c["source"], sources, w)
        quotes.append(where + (f"<blockquote>{text(quote)}</blockquote>" if quote else ""))
    products = w.listing.join(
        (m.get("products_zh") if w.zh and m.get("products_zh") else m.get("products")) or []
    )
    scope = text(w.text(m, "scope")) + (f"<br><small>{text(products)}</small>" if products else "")
    return [
        (
            text(m.get("announced") or ""),
            f'<span class="day">{text(w.date(m.get("announced")) if m.get("announced") else "")}</span>',
        ),
        (text(m["kind"]), text(w.measure_kind(m["kind"]))),
        ("", scope),
        (text(m.get("status") or ""), text(w.status(m["status"])) if m.get("status") else ""),
        ("", _dates(m, w)),
        ("", "".join(f"<div>{q}</div>" for q in quotes)),
    ]


MEASURE_HEADS = [
    ("announced", "date"),
    ("kind", "kind"),
    ("scope", "scope"),
    ("status", "status"),
    ("report_in_effect", "in effect"),
    ("report_sources_quotes", "sources and quotes"),
]


def measures_table(measures: list[Doc], sources: _Sources, w: Words) -> str:
    heads = "".join(f"<th>{text(w.label(k, label))}</th>" for k, label in MEASURE_HEADS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for _, cell in measure_cells(m, sources, w)) + "</tr>\n"
        for m in measures
    )
    return (
        f'<table class="measures"><thead><tr>{heads}</tr></thead><tbody>\n{rows}</tbody></table>\n'
    )


def _note(coverage: Doc | None, w: Words) -> str:
    """What the registry covers, and that absence of a record is not evidence."""
    if not coverage or not coverage.get("note"):
        return ""
    from exitcheck.render.notes import coverage_text

    return f'<p class="note">{text(coverage_text(coverage, w))}</p>\n'


class Renderer:
    def __init__(
        self,
        width: int | None = None,
        words: Words = ENGLISH,
        order: str = "date",
        lookups: Lookups | None = None,
    ) -> None:
        self.width = width
        self.w = words
        self.order = order  # of a listing's rows (render.order)
        self.lookups = lookups or Lookups()

    # -- status -------------------------------------------------------------------------------
    def status(self, record: Doc) -> str:
        w = self.w
        record = w.status_record(record)
        entity, match = record["entity"], record["match"]
        sources = _Sources(self.lookups.source)
        sources.add(record.get("sources") or [])
        card = [
            f"<h1>{text(w.name(entity))}</h1>\n",
            f'<p class="sub">{text(w.entity_kind(entity["kind"]))} · <code>'
            f"{text(entity['id'])}</code></p>\n",
            '<section class="card">\n',
            f'<p><span class="status">{text(w.status(record["status"]))}</span> — '
            f"{text(record.get('status_meaning'))}</p>\n",
        ]
        pairs = [
            (w.label("as_of", "as of"), text(w.date(record.get("as_of")))),
            (w.label("known_on", "known on"), text(w.date(record.get("known_on")))),
            (w.label("query", "query"), text(match.get("query"))),
            (
                w.label("match", "match"),
                text(w.method(match["method"]) if match.get("method") else "")
                + (f" · {text(match['matched'])}" if match.get("matched") else "")
                + (f" · {text(match['score'])}" if match.get("score") is not None else ""),
            ),
            (w.label("aliases", "aliases"), text(w.listing.join(entity.get("aliases") or []))),
            (
                w.label("later_names", "later names"),
                text(w.listing.join(_later(n, w) for n in entity["later_names"]))
                if entity.get("later_names")
                else "",
            ),
        ]
        other = record.get("other_view")
        if other:
            pairs.append(
                (
                    w.label("other_view", "other view"),
                    text(
                        f"{w.status(other['status'])} · {w.label('as_of', 'as of')} "
                        f"{w.date(other['as_of'])} · {w.label('known_on', 'known on')} "
                        f"{w.date(other['known_on'])}"
                    ),
                )
            )
        card.append(_facts(pairs))
        if entity.get("notes"):
            card.append(f'<p class="note">{text(entity["notes"])}</p>\n')
        card.append("</section>\n")
        measures = record.get("measures") or []
        body = [
            *card,
            f"<h2>{text(w.label('measures', 'measures') + w.paren(str(len(measures))))}</h2>\n",
            self._measure_rows(measures, sources),
        ]
        for d in record.get("disagreements") or []:
            values = w.listing.join(w.date(v["moment"]) + w.paren(v["source"]) for v in d["values"])
            body.append(
                f'<p class="note">{text(w.label("report_disagreement", "sources disagree") + w.colon)}'
                f"{text(d['kind'])} · {text(d['scope'])}: {text(values)}</p>\n"
            )
        body.append(self._sources_list(record.get("sources") or []))
        body.append(_note(record.get("coverage"), w))
        body.append(self._footer(record["provenance"]))
        return page(f"exitcheck status: {printable(w.name(entity))}", body, w)

    def _measure_rows(self, measures: list[Doc], sources: _Sources) -> str:
        """The measures as the page's sortable table (one tbody per row)."""
        w = self.w
        heads = "".join(
            _head(w.label(k, label), k) if k in ("announced", "kind", "status") else
            f"<th>{text(w.label(k, label))}</th>"
            for k, label in MEASURE_HEADS
        )  # fmt: skip
        rows = []
        for n, m in enumerate(measures):
            cells = "".join(
                f'<td data-key="{key}">{cell}</td>' for key, cell in measure_cells(m, sources, w)
            )
            group = text(m.get("status") or "")
            rows.append(f'<tbody data-order="{n}" data-group="{group}"><tr>{cells}</tr></tbody>\n')
        return f'<table id="rows">\n<thead><tr>{heads}</tr></thead>\n{"".join(rows)}</table>\n'

    def _sources_list(self, sources: list[Doc]) -> str:
        from exitcheck.render.notes import source_title

        if not sources:
            return ""
        items = []
        for s in sources:
            url = s.get("url") or s.get("copy_url")
            who = self.w.text(s, "publisher")
            when = s.get("published")
            extra = ", ".join(text(x) for x in (who, when) if x)
            items.append(
                f"<li>{link(url, source_title(s, self.w))}"
                + (f" — {extra}" if extra else "")
                + f" <code>{text(s['id'])}</code></li>"
            )
        title = text(self.w.label("sources", "sources"))
        return f"<h2>{title}</h2>\n<ul>{''.join(items)}</ul>\n"

    def _footer(self, provenance: Doc) -> str:
        title = text(self.w.label("report_provenance", "provenance"))
        return f"<footer><h2>{title}</h2>\n{provenance_html(provenance, self.w)}</footer>\n"

    # -- search and no match ------------------------------------------------------------------
    def search(self, record: Doc) -> str:
        from exitcheck.render.flat import CANDIDATE_COLUMNS, candidate_rows

        w = self.w
        match = record.get("match", record)
        body = [
            f"<h1>{text(w.label('query', 'query') + w.colon)}{text(match['query'])}</h1>\n",
            f'<p class="sub"><span class="dec">{text(w.decision(match["decision"]))}</span>'
            + (f" — {text(w.reason(match['reason']))}" if match.get("reason") else "")
            + "</p>\n",
            _table(CANDIDATE_COLUMNS, candidate_rows(record), w),
            _note(record.get("coverage"), w),
            self._footer(record["provenance"]),
        ]
        return page(f"exitcheck: {printable(match['query'])}", body, w)

    no_match = search

    # -- list ---------------------------------------------------------------------------------
    def listing(self, records: Iterable[Doc]) -> Iterator[str]:
        from exitcheck.render.order import rows as ordered

        w = self.w
        sources = _Sources(self.lookups.source)
        provenance: Doc | None = None
        statuses: dict[str, int] = {}
        body: list[str] = []
        heads = (
            _head(w.label("date", "date"), "announced")
            + _head(w.label("entity", "entity"), "entity")
            + _head(w.label("status", "status"), "status")
            + _head(w.label("measure", "measure"), "kind")
            + "".join(
                f"<th>{text(w.label(k, label))}</th>"
                for k, label in [
                    ("report_measure_status", "measure status") if k == "status" else (k, label)
                    for k, label in MEASURE_HEADS[2:]
                ]
            )
        )
        kept = list(records)
        for n, (r, m) in enumerate(ordered(kept, self.order)):
            provenance = r["provenance"]
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
            entity = (
                f"{text(w.name(r))} <code>{text(r['id'])}</code><br><small>"
                f"{text(w.entity_kind(r['kind']))}</small>"
            )
            status = f'<td data-key="{text(r["status"])}">{text(w.status(r["status"]))}</td>'
            if m is None:
                cells = f'<td></td><td data-key="{text(r["id"])}">{entity}</td>{status}' + (
                    "<td></td>" * (len(MEASURE_HEADS) - 1)
                )
            else:
                (date, date_cell), kind, *rest = measure_cells(m, sources, w)
                cells = (
                    f'<td data-key="{date}">{date_cell}</td>'
                    f'<td data-key="{text(r["id"])}">{entity}</td>{status}'
                    f'<td data-key="{kind[0]}">{kind[1]}</td>'
                    + "".join(f"<td>{cell}</td>" for _, cell in rest)
                )
            body.append(
                f'<tbody data-order="{n}" data-group="{text(r["status"])}"><tr>{cells}</tr>'
                "</tbody>\n"
            )
        total = len(body)
        entities = len(kept)
        parts = [
            f"<h1>{text(w.label('report_list_title', 'exitcheck list'))}</h1>\n",
            f'<p class="sub">{entities} {text(w.label("entities", "entities"))}, {total} '
            f"{text(w.label('rows', 'rows'))}</p>\n",
        ]
        if provenance is None and self.lookups.provenance:  # no row: the run's own
            provenance = self.lookups.provenance()
        if provenance is not None:
            parts.append(provenance_html(provenance, w))
        parts.append(_filters("status", w.label("status", "status"), statuses, total, w))
        parts.append(
            f'<table id="rows" data-filter-key="status">\n<thead><tr>{heads}</tr></thead>\n'
            + "".join(body)
            + "</table>\n"
        )
        yield page("exitcheck list", parts, w)

    # -- screen -------------------------------------------------------------------------------
    def screen(self, records: Iterable[Doc]) -> Iterator[str]:
        """The summary, the rows (a matched row links to its entity), then each matched
        entity once, with its status and measures: the page grows with rows plus entities."""
        w = self.w
        entities: dict[str, str] = {}  # a matched entity's id: the anchor of its section
        decisions: dict[str, int] = {}
        provenance: Doc | None = None
        threshold = None
        body: list[str] = []
        for n, r in enumerate(records):
            provenance = provenance or r.get("provenance")
            threshold = r.get("threshold", threshold)
            decision = str(r.get("decision"))
            decisions[decision] = decisions.get(decision, 0) + 1
            anchor = None
            if r.get("entity_id") and self.lookups.entity:
                anchor = entities.setdefault(r["entity_id"], f"entity-{len(entities) + 1}")
            body.append(self._screen_row(n, r, anchor))
        total = len(body)
        summary = self.lookups.summary() if self.lookups.summary else None
        if summary is None:
            summary = {"rows": total, **decisions}
        if provenance is None and self.lookups.provenance:  # no row: the run's own
            provenance = self.lookups.provenance()
        parts = [
            f"<h1>{text(w.label('report_screen_title', 'exitcheck screening report'))}</h1>\n",
            self._counts(summary),
        ]
        if self.lookups.previous is not None:
            parts.append(self._previous(self.lookups.previous, summary, total))
        if provenance is not None:
            parts.append(provenance_html(provenance, w))
        if threshold is not None:
            parts.append(
                f'<p class="note">{text(w.label("report_threshold", "fuzzy score needed") + w.colon)}'
                f"{text(threshold)}</p>\n"
            )
        if decisions.get("none") and self.lookups.coverage:
            parts.append(_note(self.lookups.coverage, w))
        heads = (
            _head("#", "row", num=True)
            + _head(w.label("input", "input"), "input")
            + _head(w.label("decision", "decision"), "decision")
            + _head(w.label("entity", "entity"), "entity")
            + _head(w.label("status", "status"), "status")
            + _head(w.label("matched", "matched"), "matched")
            + _head(w.label("score", "score"), "score", num=True)
        )
        parts.append(_filters("decision", w.label("decision", "decision"), decisions, total, w))
        parts.append(
            f'<table id="rows" data-filter-key="decision">\n<thead><tr>{heads}</tr></thead>\n'
            + "".join(body)
            + "</table>\n"
        )
        parts += self._entities(entities)
        yield page("exitcheck screen", parts, w)

    def _entities(self, entities: dict[str, str]) -> Iterator[str]:
        """A section per matched entity (its status, measures, sources and quotes), in the
        order the rows first met them."""
        if not entities or self.lookups.entity is None:
            return
        w = self.w
        sources = _Sources(self.lookups.source)
        title = text(w.label("report_entities", "matched entities"))
        yield f"<h2>{title}{text(w.paren(str(len(entities))))}</h2>\n"
        for entity_id, anchor in entities.items():
            found = self.lookups.entity(entity_id)
            if found is None:
                continue
            name = text(w.name(found.get("entity") or {"name": entity_id}))
            yield (
                f'<section class="entity" id="{anchor}"><h3>{name} <code>{text(entity_id)}'
                f"</code></h3>\n{self._entity_detail(found, sources)}</section>\n"
            )

    def _previous(self, previous: Doc, summary: Doc, shown: int) -> str:
        """screen --since: what the rows are compared with (the file, the clocks and the
        registries of its answers) and what the counts count."""
        w = self.w
        clocks = w.listing.join(
            f"{w.label('as_of', 'as of')} {w.date(a)}"
            + w.paren(f"{w.label('known_on', 'known on')} {w.date(k) if k else '-'}")
            for a, k in previous["clocks"]
        )
        registries = "<br>".join(
            f'{text(r["name"])} {text(r["version"])} <code class="hash">{text(r["sha256"])}</code>'
            for r in previous["registries"]
        )
        pairs = [
            (w.label("report_previous_file", "compared with"), f"<code>{text(previous['file'])}</code>"),
            (w.label("report_previous_clocks", "its answers"), text(clocks)),
            (w.label("report_previous_registries", "its registries"), registries),
        ]  # fmt: skip
        answered = summary.get("rows", shown)
        english = (
            "The counts above are of all {answered} rows answered; the table shows only the "
            "{shown} rows whose answer changed since {previous}."
        )
        params = {"answered": answered, "shown": shown, "previous": printable(previous["file"])}
        notes = [w.message("report_since_counts", english.format(**params), params)]
        notes += previous.get("notes") or []  # as on stderr: other clocks, a registry file…
        title = text(w.label("report_previous", "compared with an earlier answer"))
        return (
            f"<h2>{title}</h2>\n"
            + "".join(f'<p class="note">{text(n)}</p>\n' for n in notes)
            + _facts(pairs)
        )

    def _counts(self, summary: Doc) -> str:
        """Every count of the summary record, in its order (the run's seconds are not a count)."""
        items = []
        for key, value in summary.items():
            if key == "seconds" or isinstance(value, bool) or not isinstance(value, int):
                continue
            label = self.w.label(f"report_count_{key}", COUNT_LABELS.get(key, key))
            items.append(
                f'<li class="{_decision_class(key)}" data-count="{text(key)}">'
                f"<strong>{value}</strong>{text(label)}</li>"
            )
        return f'<ul class="counts">{"".join(items)}</ul>\n'

    def _entity_detail(self, found: Doc, sources: _Sources) -> str:
        """A matched entity's status and its measures with their sources and quotes."""
        w = self.w
        found = w.status_record(found)
        sources.add(found.get("sources") or [])
        status = f"<p>{text(w.status(found['status']))} — {text(found.get('status_meaning'))}</p>"
        measures = found.get("measures") or []
        return status + (measures_table(measures, sources, w) if measures else "")

    def _screen_row(self, n: int, r: Doc, anchor: str | None) -> str:
        """A row; a matched one links to its entity's section (``anchor``)."""
        w = self.w
        decision = r.get("decision")
        name = ""
        if r.get("entity_id"):
            name = text(w.name({"name": r.get("entity_name"), "name_zh": r.get("entity_name_zh")}))
            if anchor:
                name = f'<a href="#{anchor}" data-jump="{anchor}">{name}</a>'
            name += f" <code>{text(r['entity_id'])}</code>"
        matched = text(r.get("matched"))
        if r.get("method"):
            matched += f" <small>{text(w.method(r['method']))}</small>"
        if r.get("later_name"):
            later = r["later_name"]
            matched += f"<br><small>{text(_later(later, w))}</small>"
        score = r.get("score")
        cells = [
            f'<td class="num" data-key="{text(r.get("row"))}">{text(r.get("row"))}</td>',
            f"<td>{text(r.get('input'))}</td>",
            f'<td class="dec" data-key="{text(decision)}">{text(w.decision(str(decision)))}</td>',
            f'<td data-key="{text(r.get("entity_id"))}">{name}</td>',
            f'<td data-key="{text(r.get("status"))}">'
            f"{text(w.status(r['status'])) if r.get('status') else ''}</td>",
            f"<td>{matched}</td>",
            f'<td class="num" data-key="{text(score)}">{text(score)}</td>',
        ]
        rows = [f"<tr>{''.join(cells)}</tr>"]
        more = []
        if r.get("columns"):  # the input row's columns (a CSV), as the CSV output keeps them
            more.append(
                '<p class="cols">'
                + " · ".join(f"{text(k)}{text(w.colon)}{text(v)}" for k, v in r["columns"].items())
                + "</p>"
            )
        if r.get("changes"):  # screen --since: what changed, first
            from exitcheck.render.changes import changes_text

            label = text(w.label("changes", "changes") + w.colon)
            more.insert(0, f'<p class="changes">{label}{text(changes_text(r["changes"], w))}</p>')
        candidates = r.get("candidates") or []
        if candidates:
            listed = ", ".join(
                f"{text(w.name(c))} <code>{text(c['id'])}</code> {text(c['score'])}"
                for c in candidates
            )
            more.append(
                f"<p>{text(w.label('report_candidates', 'candidates') + w.colon)}{listed}</p>"
            )
        if r.get("decoded"):
            more.append(
                f'<p class="note">{text(w.label("decoded", "decoded") + w.colon)}'
                f"{text(w.decoded(r['decoded']))}</p>"
            )
        if more:
            rows.append(f'<tr class="detail"><td colspan="{len(cells)}">{"".join(more)}</td></tr>')
        return (
            f'<tbody class="{_decision_class(decision)}" data-order="{n}" '
            f'data-group="{text(decision)}">{"".join(rows)}</tbody>\n'
        )

    # -- tables of records (sources, regulations) ---------------------------------------------
    def rows(self, columns: list[str], records: Iterable[Doc]) -> Iterator[str]:
        yield page("exitcheck", [_table(columns, records, self.w)], self.w)


_CODES = {"method": "method", "decision": "decision", "status": "status", "kind": "entity_kind"}


def _table(columns: list[str], records: Iterable[Doc], w: Words) -> str:
    """A plain sortable table of records; a ``url`` column is a link (http/https only). In
    Chinese the headings are Chinese, a column with a Chinese twin (name, name_zh) is shown
    once, in Chinese where the record has it, and codes and dates are as the reader writes
    them; the sort key stays the value itself."""
    from exitcheck.render.pieces import localised

    if w.zh:
        columns = [c for c in columns if not (c.endswith("_zh") and c[:-3] in columns)]
    heads = "".join(_head(w.label(c) if w.zh else c, c) for c in columns)
    body = []
    for n, r in enumerate(records):
        cells = []
        for c in columns:
            v = r.get(c)
            shown_value = localised(r, c, w) if w.zh else v
            if w.zh and isinstance(shown_value, str) and c in _CODES:
                shown_value = getattr(w, _CODES[c])(shown_value)
            if isinstance(v, list):
                v = "; ".join(map(str, v))
            if isinstance(shown_value, list):
                shown_value = w.listing.join(map(str, shown_value))
            shown = link(v) if c in ("url", "copy_url") else text(shown_value)
            cells.append(f'<td data-key="{text(v)}">{shown}</td>')
        body.append(f'<tbody data-order="{n}"><tr>{"".join(cells)}</tr></tbody>\n')
    return f'<table id="rows">\n<thead><tr>{heads}</tr></thead>\n{"".join(body)}</table>\n'
