"""The pieces of the people-facing views that the plain-text renderer (text.py) and the rich
one (table.py) share: the facts at the head of a status, a measure's lines, the registry line,
a listing's columns, a cell of a flat table. Each returns text; none prints."""

from __future__ import annotations

import itertools
from typing import Any

from exitcheck.render import Doc, notes, origins
from exitcheck.render.i18n import ENGLISH, Words
from exitcheck.render.origins import difference_line
from exitcheck.render.safe import printable


def moment_text(m: Doc, w: Words = ENGLISH) -> str:
    parts = []
    for which in ("effective", "deadline"):
        if m[which]:
            extra = []
            if m[f"{which}_stated"]:
                stated = printable(m[f"{which}_stated"])
                extra.append(
                    f"{w.label('stated')}{w.quoted(stated)}" if w.zh else f"stated: {stated}"
                )
            if m[f"{which}_offset_assumed"]:
                extra.append(w.label("offset_assumed", "offset assumed"))
            when = w.date(m[which], deadline=which == "deadline")
            text = w.field(which, when) if w.zh else f"{w.label(which)} {when}"
            if extra and w.zh and text.endswith("）"):  # one bracket: （UTC+8，原文“…”）
                text = f"{text[:-1]}，{'，'.join(extra)}）"
            elif extra:
                text += w.paren(("，" if w.zh else "; ").join(extra))
            parts.append(text)
    return ("；" if w.zh else "; ").join(parts) or w.label("no_date", "no effective date given")


def registry_line(provenance: Doc, w: Words = ENGLISH) -> str:
    reviewed = w.label("reviewed") + ("" if w.zh else " ")
    files = ("；" if w.zh else "; ").join(
        w.comma.join(
            (
                f"{printable(f['name'])} {printable(f['version'])}",
                f"{reviewed}{w.date(f['last_reviewed']) or '-'}",
                f"sha256 {f['sha256'][:12]}",
            )
        )
        for f in provenance["registries"]
    )
    used = provenance.get("contributors")
    if used is not None and len(provenance["registries"]) > 1:
        files += f" · {w.label('from', 'from')} {w.listing.join(printable(n) for n in used)}"
    label = w.label("registry", "Registry").capitalize()
    return f"{label}{w.colon}{files} · exitcheck {provenance['exitcheck_version']}"


def match_line(match: Doc, w: Words = ENGLISH) -> str:
    matched = w.quoted(printable(match["matched"]))
    how = [w.method(match["method"])]
    if match["method"] not in ("exact_id", "exact_name", "exact_alias", "exact_later_name"):
        normalised = w.quoted(printable(match["normalized"]))
        if w.zh:
            how += [f"{w.label('score')}{match['score']}", w.label("normalised_to") + normalised]
        else:
            how += [f"score {match['score']}", f"query normalised to {normalised}"]
    return matched + w.paren(w.comma.join(how))


def candidate_lines(candidates: list[Doc], w: Words = ENGLISH) -> list[list[str]]:
    """id, score, what matched and how, then the name (last: it is the long one)."""
    return [
        [
            c["id"],
            f"{w.label('score')}{'' if w.zh else ' '}{c['score']}",
            f"{w.label('via')}{'' if w.zh else ' '}{w.quoted(printable(c['matched']))}"
            + w.paren(w.method(c["method"])),
            printable(w.name(c)),
        ]
        for c in candidates
    ]


NOT_VERIFIED = "what was announced, as the sources report it; not a verified outcome"


def coverage_text(coverage: Doc, w: Words = ENGLISH) -> str:
    """'46 entities; measures announced 2021-05 – 2021-12-24' (beside a status)."""
    span = w.span(coverage["oldest_measure"], coverage["newest_measure"])
    if w.zh:
        return f"{coverage['entities']}{w.label('entities_count')}；{w.label('measures_announced')}{span}"
    return f"{coverage['entities']} entities; measures announced {span}"


def status_facts(record: Doc, w: Words = ENGLISH) -> list[list[str]]:
    """The [key, value] lines at the head of a status answer (the same at a terminal and piped);
    an empty key continues the line above."""
    e = record["entity"]
    facts = [["id", e["id"]], ["kind", w.entity_kind(e["kind"])]]
    if e["aliases"]:
        facts.append(["aliases", origins.aliases_text(e, w)])
    history = notes.name_history(e, w)
    if history:
        facts.append(["later_names", history])
    for rel in e["relations"]:
        if w.zh:
            where = w.cite(printable(rel["source"]), rel["locator"].get("paragraph"))
        else:
            where = notes.where_quoted(rel, w)
        facts.append(["relation", w.relation(rel["kind"], rel["entity"]) + w.paren(where)])
    status = w.status_line(
        record["status"], record["as_of"], record["status_meaning"], record.get("known_on")
    )
    facts.append(["status", status])
    facts.append(["", w.label("not_verified", NOT_VERIFIED)])
    if record.get("imposed"):
        facts.append(["imposed", imposed_text(record["imposed"], w)])
    if record.get("superseded"):
        facts.append(["superseded", superseded_text(record["superseded"], w)])
    differs = difference_line(record, w)
    if differs:
        facts.append(["other_view", differs])
    if record.get("coverage"):
        facts.append(["covers", coverage_text(record["coverage"], w)])
    facts.append(["matched", match_line(record["match"], w)])
    if record["match"].get("decoded"):
        facts.append(["decoded", w.decoded(record["match"]["decoded"])])
    return facts


def fact_label(key: str, w: Words = ENGLISH) -> str:
    return w.label(key, key.replace("_", " ")) if key else ""


def measures_heading(record: Doc, w: Words = ENGLISH) -> str:
    """'Measures', or why there are none: none recorded, or none announced by the known-on day."""
    other = record.get("other_view")
    hidden = other and other["known_on"] > record["known_on"]
    if record["measures"]:
        return w.label("measures", "Measures").capitalize()
    if hidden and w.zh:
        return f"措施：截至{w.date(record['known_on'])}尚无已公布的措施"
    if hidden:
        return (
            f"{w.label('measures_none_known', 'Measures: none announced by')} {record['known_on']}"
        )
    return w.label("measures_none", "Measures: none recorded")


def measure_head(m: Doc, w: Words = ENGLISH, record: Doc | None = None) -> tuple[str, str, str]:
    """Announced date, kind, and what the measure contributes ('[exited]', '【已退出】'); a
    step the platform's later service superseded says so ('[superseded]')."""
    state = w.status(m["status"]) if m["status"] else w.label("not_announced", "not yet announced")
    if m["status"] and record is not None and m.get("id") in (record.get("superseded") or ()):
        state = "不再计入" if w.zh else "superseded"
    return (
        w.date(m["announced"]) or w.label("undated"),
        w.measure_kind(m["kind"]),
        f"【{state}】" if w.zh else f"[{state}]",
    )


def measure_body(m: Doc, w: Words = ENGLISH, record: Doc | None = None) -> list[str]:
    """Announced after the day asked about, or stated by another registry (origins.py); scope,
    dates, products, description, where it is said (and the URL), notes: one text each."""
    out = origins.measure_extras(m, record, w) if record is not None else []
    out += [w.field("scope", w.text(m, "scope")), moment_text(m, w)]
    if m["products"]:
        products = m["products_zh"] if w.zh and m.get("products_zh") else m["products"]
        out.append(w.field("products", w.listing.join(products)))
    out.append(w.text(m, "description"))
    if m.get("actor", "platform") != "platform":
        out.append(w.field("actor", actor_text(m["actor"], w)))
    for text in settled_texts(m, w):
        out.append(text)
    for n, c in enumerate(m.get("sources") or [m]):
        quote = f"「{c['locator']['quote']}」"
        where = notes.where_quoted(c, w)
        if n:
            where = (w.label("also_source", "also") + " " if not w.zh else "另见") + where
        done = ("（报道为已完成）" if w.zh else " (reports it done)") if c.get("done") else ""
        out.append(where + (quote if w.zh else f": {quote}") + done)
        url = notes.source_url(record, c["source"]) if record is not None else None
        if url:
            out.append(url)
        if c.get("notes"):
            out.append(w.field("note", printable(w.text(c, "notes"))))
    if m["notes"]:
        out.append(w.field("note", w.text(m, "notes")))
    if m.get("see"):
        out.append(w.field("see", w.listing.join(printable(x) for x in m["see"])))
    return out


def glance_parts(m: Doc, w: Words = ENGLISH, record: Doc | None = None) -> list[str]:
    """A measure on one line, after its date and kind: its effective date or deadline, scope,
    source ids, and the qualifiers that exist (announced after the day asked about, stated by
    another registry, done by a day at the latest, dates its sources disagree on, an actor
    other than the platform). Descriptions, quotes, notes and URLs are for ``measure_body``."""
    out = []
    for which in ("effective", "deadline"):
        if m[which]:
            when = w.date(m[which], deadline=which == "deadline")
            out.append(w.field(which, when) if w.zh else f"{w.label(which)} {when}")
    out.append(printable(w.text(m, "scope")))  # unlabelled: it reads as what it is
    cited = [printable(c["source"]) for c in m.get("sources") or [m]]
    key = "sources" if len(cited) > 1 and not w.zh else "source"
    out.append(w.field(key, w.listing.join(cited)))
    out += origins.measure_extras(m, record, w) if record is not None else []
    done = m.get("done_by")
    if done and done["date"]:
        out.append(
            f"最迟于{w.day(done['date'])}已完成"
            if w.zh
            else f"done by {done['date']} at the latest"
        )
    elif done:
        out.append(
            "报道为已完成，来源未注明日期" if w.zh else "reported done, in an undated source"
        )
    for d in m.get("disputed") or []:
        field = w.label(d["field"], d["field"])
        dates = w.listing.join(
            f"{w.date(x['date'], deadline=d['field'] == 'deadline')}{w.paren(printable(x['source']))}"
            for x in d["dates"]
        )
        out.append(
            f"来源对{field}说法不一：{dates}" if w.zh else f"sources disagree on {field}: {dates}"
        )
    if m.get("actor", "platform") != "platform":
        out.append(w.field("actor", actor_text(m["actor"], w)))
    return out


def glance_lines(record: Doc, w: Words, width: int) -> list[tuple[Doc, list[tuple[str, str]]]]:
    """The measures of a status at a glance: each line with its measure and its (text, role)
    pieces for a renderer to style, role 'day' (the date), 'state' (the status word) or ''.
    Each measure is one entry: its date, then its kind, status and ``glance_parts`` on the same
    line, continued under the kind when the line is full; an id is never broken where it fits
    a line. The plain and the rich view print the same lines."""
    from exitcheck.render.wrap import display_width, line_spans

    heads = [measure_head(m, w, record) for m in record["measures"]]
    dated = max((display_width(day) for day, _, _ in heads), default=0)
    hang = " " * (2 + dated + 2)
    gap = "" if w.zh else " "
    out: list[tuple[Doc, list[tuple[str, str]]]] = []
    for m, (day, kind, state) in zip(record["measures"], heads, strict=True):
        parts = ("；" if w.zh else " · ").join(glance_parts(m, w, record))
        text = f"{kind}{gap}{state}{gap * 2}{parts}"
        first, last = len(kind) + len(gap), len(kind) + len(gap) + len(state)  # the state
        for n, (start, end) in enumerate(line_spans(text, width - len(hang))):
            line = [("  ", ""), (printable(day), "day"), (hang[2 + display_width(day) :], "")]
            pieces = line if n == 0 else [(hang, "")]
            cuts = sorted({start, end, *(min(max(x, start), end) for x in (first, last))})
            for a, b in itertools.pairwise(cuts):
                pieces.append((text[a:b], "state" if first <= a and b <= last else ""))
            out.append((m, pieces))
    return out


def details_hint(w: Words = ENGLISH) -> str:
    """The last line of a status at a glance: where the rest of the record is."""
    if w.zh:
        return "描述、原文引述、备注、链接及来源详情：加 --details 查看"
    return "Descriptions, quotes, notes, URLs and the sources: add --details"


ACTOR_TEXT = {
    "authority": ("an authority, not the platform", "监管或其他机关，而非平台本身"),
    "network": ("a network block, not the platform", "网络封锁，而非平台本身"),
}


def actor_text(actor: str, w: Words = ENGLISH) -> str:
    en, zh = ACTOR_TEXT.get(actor, (actor, actor))
    return zh if w.zh else en


def settled_texts(m: Doc, w: Words = ENGLISH) -> list[str]:
    """The qualifiers of a measure's dates: done by a day at the latest (a source reports it
    done), and the dates its sources disagree on (the earliest counts)."""
    out = []
    done = m.get("done_by")
    who = w.listing.join(printable(x) for x in done["sources"]) if done else ""
    if done and done["date"] is None:
        if w.zh:
            out.append(f"{who}报道为已完成，但未注明发布日期，无法得出最迟完成日期")
        else:
            out.append(f"reported done by {who}, which gives no publication date: no latest day")
    elif done:
        if w.zh:
            out.append(
                f"最迟于{w.day(done['date'])}已完成（{who}报道为已完成；这是最迟可能的日期，并非实际发生日）"
            )
        else:
            out.append(
                f"done by {done['date']} at the latest ({who} reports it done: the latest"
                " possible day, not the day it happened)"
            )
    for d in m.get("disputed") or []:
        field = w.label(d["field"], d["field"])
        if w.zh:
            late = d["field"] == "deadline"
            dates = "、".join(
                f"{w.date(x['date'], deadline=late)}（{printable(x['source'])}）"
                for x in d["dates"]
            )
            out.append(
                f"来源对{field}说法不一：{dates}；按最早的{w.date(d['used'], deadline=late)}计"
            )
            continue
        dates = ", ".join(f"{x['date']} ({printable(x['source'])})" for x in d["dates"])
        out.append(f"sources disagree on {field}: {dates}; the earliest, {d['used']}, counts")
    return out


def imposed_text(ids: list[str], w: Words = ENGLISH) -> str:
    listed = w.listing.join(printable(x) for x in ids)
    if w.zh:
        return f"他方施加的封锁（并非平台自身的退出措施）：{listed}"
    return f"blocked by others (not the platform's own exit): {listed}"


def superseded_text(ids: list[str], w: Words = ENGLISH) -> str:
    listed = w.listing.join(printable(x) for x in ids)
    if w.zh:
        return f"平台其后恢复服务，以下较早措施不再计入：{listed}"
    return f"earlier steps, no longer counted once it served the users again: {listed}"


def source_line(s: Doc, w: Words = ENGLISH) -> str:
    title, published = notes.source_title(s, w), s.get("published") or "-"
    if w.zh:
        people = [printable(w.text(s, k)) for k in ("publisher", "author") if s.get(k)]
        when = f"{w.date(s['published'])}{w.label('published')}" if s.get("published") else ""
        parts = [title, *people, when or w.label("published_unknown")]
        return f"{s['id']}：" + "，".join(parts)
    who = ", ".join(printable(x) for x in (s.get("publisher"), s.get("author")) if x)
    return f"{s['id']}: {title} — {who}, {w.label('published')} {published}"


def list_heads(w: Words = ENGLISH) -> list[str]:
    return [
        w.label("date", "DATE"),
        w.label("entity", "ENTITY"),
        w.label("measure", "MEASURE"),
        w.label("effective_or_deadline", "EFFECTIVE / DEADLINE"),
        w.label("status", "STATUS"),
        w.label("scope", "SCOPE"),
    ]


def list_fields(r: Doc, m: Doc | None, w: Words = ENGLISH) -> list[str]:
    """One row of a listing: date, entity, measure, effective / deadline, status, scope."""
    status = w.status(r["status"])
    if m is None:
        return ["-", r["id"], w.label("no_measure", "(no measure)"), "-", status, "-"]
    return [
        w.date(m["announced"]) or w.label("undated"),
        r["id"],
        w.measure_kind(m["kind"]),
        w.date(m["effective"]) or w.date(m["deadline"], deadline=True) or "-",
        status,
        printable(w.text(m, "scope")),
    ]


DATE_COLUMNS = frozenset({"date", "published"})  # of the flat tables (sources, regulations)


def localised(record: Doc, column: str, w: Words) -> Any:
    """The column's value; in Chinese its _zh twin where the record has one."""
    if w.zh and record.get(f"{column}_zh"):
        return record[f"{column}_zh"]
    if w.zh and column == "language" and record.get(column):
        return w.language(record[column])
    if column in DATE_COLUMNS and isinstance(record.get(column), str):
        return w.date(record[column])
    return record.get(column)


def cell(value: Any, w: Words = ENGLISH) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, list):
        return ("、" if w.zh else "; ").join(str(v) for v in value)
    return str(value)
