"""The language of the human-readable views (--lang en|zh).

English is the code's own vocabulary and needs no file; Chinese words come from
data/i18n.toml, read only when --lang zh is in effect. JSON keys and codes never change with
the language.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from typing import Any

LANGS = ("en", "zh")


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """zh when the locale (LC_ALL, LC_MESSAGES, LANG, in that order) is Chinese, else en."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class Words:
    """Look-ups of human-facing words; unknown words fall back to the English given."""

    def __init__(self, lang: str, table: Mapping[str, Any] | None = None) -> None:
        self.lang = lang
        self.table = table or {}

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    def _get(self, group: str, key: str, default: str) -> str:
        value = self.table.get(group, {}).get(key)
        return value if isinstance(value, str) else default

    def label(self, key: str, default: str | None = None) -> str:
        return self._get("labels", key, default if default is not None else key)

    def status(self, code: str) -> str:
        return self._get("status", code, code)

    def decoded(self, names: list[str]) -> str:
        """What was undone before matching: 'HTML tags, percent-encoding'."""
        return self.comma.join(self._get("decoded", name, name) for name in names)

    def status_meaning(self, code: str, default: str) -> str:
        return self._get("status_meaning", code, default)

    def status_record(self, record: dict[str, Any]) -> dict[str, Any]:
        """A status answer with its status meaning in this language (the record is English)."""
        if self.lang == "en" or "status_meaning" not in record:
            return record
        meaning = self.status_meaning(record["status"], record["status_meaning"])
        return {**record, "status_meaning": meaning}

    def measure_kind(self, code: str) -> str:
        return self._get("measure_kinds", code, code)

    def entity_kind(self, code: str) -> str:
        return self._get("entity_kinds", code, code)

    def name(self, record: Mapping[str, Any]) -> str:
        """'Huobi (火币)' in English, '火币（Huobi）' in Chinese; the one name when there is one."""
        name, zh = record.get("name") or "", record.get("name_zh")
        if not zh:
            return str(name)
        return f"{zh}（{name}）" if self.zh else f"{name} ({zh})"

    def text(self, record: Mapping[str, Any], key: str) -> str:
        """A text field in the reader's language where the record has it (description_zh,
        scope_zh, notes_zh, summary_zh, publisher_zh); else the English, without comment."""
        if self.zh and record.get(f"{key}_zh"):
            return str(record[f"{key}_zh"])
        return str(record.get(key) or "")

    # -- vocabulary: codes shown to people ----------------------------------------------------
    def method(self, code: str) -> str:
        return self._get("methods", code, code)

    def language(self, code: str) -> str:
        return self._get("languages", code, code)

    def decision(self, code: str) -> str:
        return self._get("decisions", code, code)

    def relation(self, kind: str, entity: str) -> str:
        """'operated huobi'; in Chinese the kind's sentence with the entity in it."""
        template = self._get("relation_kinds", kind, "")
        return template.format(entity=entity) if template else f"{kind} {entity}"

    # -- punctuation and phrases --------------------------------------------------------------
    @property
    def colon(self) -> str:
        return "：" if self.zh else ": "

    def field(self, key: str, value: str, default: str | None = None) -> str:
        """'scope: all users'; '范围：所有用户' (a full-width colon after a Chinese label)."""
        return f"{self.label(key, default)}{self.colon}{value}"

    def quoted(self, text: str) -> str:
        return f"“{text}”" if self.zh else f"'{text}'"

    def paren(self, text: str) -> str:
        """' (text)' after English, '（text）' after Chinese."""
        return f"（{text}）" if self.zh else f" ({text})"

    @property
    def comma(self) -> str:
        return "，" if self.zh else ", "

    @property
    def listing(self) -> str:
        """Between the items of a list: ', ' or the Chinese enumeration comma '、'."""
        return "、" if self.zh else ", "

    def cite(self, source: str, paragraph: object) -> str:
        """'cls-2021-09-26, paragraph 10'; 'cls-2021-09-26 第10段'; the id alone without one."""
        if paragraph is None:
            return source
        if self.zh:
            return f"{source} 第{paragraph}段"
        return f"{source}, {self.label('paragraph')} {paragraph}"

    def day(self, iso: str) -> str:
        """A day in running text: unchanged in English, 2026年11月25日 in Chinese."""
        return self.date(iso)

    def date(self, iso: object, *, deadline: bool = False) -> str:
        """A date as the reader writes it: the ISO text in English; in Chinese 2021年 (a
        year), 2021年10月 (a month), 2021年9月26日 (a day), 2021年10月8日 15:00（UTC+7）
        (a moment). A deadline at 00:00 is the end of the day before, as Chinese notices write
        it: 2021年12月31日 24:00（UTC+8）. Anything else is returned as it is."""
        text = "" if iso is None else str(iso)
        if not self.zh:
            return text
        return _zh_date(text, deadline) or text

    def span(self, first: object, last: object) -> str:
        """'2021-05 – 2021-12-24'; '2021年5月至2021年12月24日'."""
        a, b = (self.date(x) if x else "-" for x in (first, last))
        return f"{a}至{b}" if self.zh else f"{a} – {b}"

    def status_line(self, code: str, as_of: str, meaning: str, known_on: str | None = None) -> str:
        """'exited as of 2026-11-25: …'; '已退出（截至2026年11月25日，…）'; with a known-on
        day other than the as-of day, that day too (see clocks.py)."""
        other = known_on if known_on and known_on != as_of else None
        if self.zh:
            known = f"，{self.label('known_on', 'as known on')}{self.day(other)}" if other else ""
            return f"{self.status(code)}（截至{self.day(as_of)}{known}，{meaning}）"
        known = f", {self.label('known_on', 'as known on')} {other}" if other else ""
        return f"{self.status(code)} {self.label('as_of', 'as of')} {as_of}{known}: {meaning}"

    def no_match(self, query: str, reason: str | None) -> str:
        """The first line of a no-confident-match answer, after 'exitcheck: '."""
        if self.zh:
            head = f"{self.quoted(query)}{self.label('no_confident_match')}"
        else:
            head = f"no confident match for {self.quoted(query)}"
        return head + (f"{self.colon}{self.reason(reason)}" if reason else "")

    def reason(self, text: str) -> str:
        """The matcher's English reason, in Chinese by the templates of [zh.reasons]."""
        for pattern, template in _reason_patterns(self.table):
            found = pattern.fullmatch(text)
            if found:
                values = {  # a reason given inside another is read in turn
                    k: self.reason(v) if k == "reason" else _requote(v)
                    for k, v in found.groupdict().items()
                }
                return template.format(**values)
        return text

    def message(self, code: str | None, default: str, params: Mapping[str, object]) -> str:
        """A message by its code ([zh.messages]); the English given when there is none."""
        template = self._get("messages", code, "") if code else ""
        values = {  # a list of values in this language's enumeration ('a, b'; 'a、b')
            k: self.listing.join(map(str, v)) if isinstance(v, list | tuple) else v
            for k, v in params.items()
        }
        try:
            return template.format(**values) if template else default
        except (KeyError, IndexError, ValueError):
            return default


def _zh_date(text: str, deadline: bool) -> str | None:
    """The Chinese form of an ISO year, month, day or date-time with offset; None for any
    other text (see Words.date)."""
    from datetime import datetime, timedelta

    if len(text) == 4 and text.isdecimal():
        return f"{int(text)}年"
    if len(text) == 7 and text[4] == "-" and (text[:4] + text[5:]).isdecimal():
        return f"{int(text[:4])}年{int(text[5:])}月"
    if (
        len(text) == 10
        and text[4] == text[7] == "-"
        and (text[:4] + text[5:7] + text[8:]).isdecimal()
    ):
        return f"{int(text[:4])}年{int(text[5:7])}月{int(text[8:])}日"
    if "T" not in text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    offset = moment.utcoffset()
    clock = f"{moment:%H:%M}" + (f":{moment:%S}" if moment.second else "")
    if deadline and (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        moment, clock = moment - timedelta(days=1), "24:00"
    day = f"{moment.year}年{moment.month}月{moment.day}日 {clock}"
    if offset is None:
        return day
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    zone = "UTC" if not minutes else f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    return f"{day}（{zone}）"


def _requote(value: str) -> str:
    """'Coinbase' (a Python repr in an English reason) as “Coinbase”."""
    return re.sub(r"'([^']*)'", r"“\1”", value)


@functools.cache
def _compiled(english: str) -> re.Pattern[str]:
    """'{names} is another platform' as a pattern with a named group per placeholder."""
    parts = re.split(r"\{(\w+)\}", english)
    pattern = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
    )
    return re.compile(pattern)


def _reason_patterns(table: Mapping[str, Any]) -> list[tuple[re.Pattern[str], str]]:
    reasons = table.get("reasons", {})
    return [
        (_compiled(str(item["en"])), str(item["text"]))
        for item in reasons.values()
        if isinstance(item, dict) and "en" in item and "text" in item
    ]


ENGLISH = Words("en")


@functools.cache
def words(lang: str) -> Words:
    if lang == "en":
        return ENGLISH
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    return Words(lang, loads(data_file("i18n.toml").read_text(encoding="utf-8")).get(lang, {}))
