"""A registry name that a record line names in someone else's role: review, not a match.

The rules that read a name among other words of a line (context.py's ``exact_in_*`` and
``exact_apart``, fields.py's ``exact_subject`` and ``exact_sole``) ask what stands right beside
the name. Some records name a platform plainly while their party is someone else, and say so
by their structure, not by a word next to the name:

- a person's work history: the name's field holds a closed period of years ('Analyst, Binance
  (2019–2022)', '2018-2020 imToken 钱包 iOS 开发'), or the record is headed as one ('CV:',
  'Резюме:', '简历：') and the name's field holds no running period ('2022–present');
- a former tie written onto the name ('ex-Huobi');
- a written piece about the platform: a byline or its source ('(기자: 박진우)', 'staff
  writer', '（记者：刘明）', 'автор: Анна Пак').

Such a line is review with the entity: the platform is named, but the record may be a person's,
a publisher's or another company's. Loaded only for a match read among other words; each
reading is a few regular expressions over the line.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from exitcheck.matching.results import DECISION_MATCH, MatchResult, ambiguous

# the methods of a name read among other words of a line
READ_IN_LINE = frozenset(
    {
        "exact_in_context",
        "exact_in_text",
        "exact_in_sentence",
        "exact_in_field",
        "exact_apart",
        "exact_subject",
        "exact_sole",
    }
)

_YEAR = r"(?:19[89]\d|20[0-4]\d)"
_DASH = r"\s*(?:[-–—~〜～]|to|bis|до|по|至|到|까지)\s*"
# a field of a record: what stands between separators of fields
# (a spaced dash between two numbers is a range's: '2017 - 2019')
_FIELDS = re.compile(r"\s*(?:[|;；\n\t→]|(?<!\d)\s[-–—]+\s|\s[-–—]+\s(?!\d))\s*")
# a tag in square brackets heading the line in Korean or Chinese ('[공시]', '[코인니스]'), not
# one that holds the name; a heading of news before a colon or comma ('Local news:')
_TAG = re.compile(r"\s*\[[^\]\n]{0,24}[\uac00-\ud7af\u4e00-\u9fff][^\]\n]{0,24}\]")
_NEWS = re.compile(r"(?i)\W*(?:[\w.]+ ){0,3}news\b[^:：,\n]{0,40}[:：,]")
_EX = re.compile(r"(?i)(?<![\w-])ex[-‑–]\s?$")


# the words of a Chinese tag that heads a piece of news or a notice ('[快讯]', '[独家]', '[公告]');
# a Korean tag heads one whatever it says ('[단독]', '[코인니스]': outlets' names too); other
# Chinese tags head a log's or a task's line ('[对账任务]', '[告警]')
_NEWS_ZH = ("快讯", "快訊", "独家", "獨家", "新闻", "新聞", "资讯", "資訊", "公告", "报道", "報導",
            "头条", "頭條", "观点", "觀點", "专栏", "專欄", "速报", "速報", "突发", "突發", "热点",
            "熱點", "评论", "評論", "财经", "財經", "记者", "記者")  # fmt: skip


def _news_tag(text: str) -> re.Match[str] | None:
    """The tag in square brackets that heads the line as a piece of news or a notice."""
    tag = _TAG.match(text)
    if tag is None:
        return None
    if re.search(r"[\uac00-\ud7af]", tag[0]) or any(w in tag[0] for w in _NEWS_ZH):
        return tag
    return None


@functools.cache
def _vocab() -> dict[str, re.Pattern[str]]:
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("roles.toml").read_text(encoding="utf-8"))

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    opens = alternatives(data["open_ends"])
    return {
        "closed": re.compile(
            rf"(?<!\d){_YEAR}{_DASH}(?!{_YEAR}{_DASH}){_YEAR}(?!\d)(?!\s*[-–—.]\s*\d)", re.I
        ),
        "open": re.compile(
            rf"(?<!\d){_YEAR}\s*(?:[-–—~〜～]\s*(?:{opens})?|年?(?:{opens}))(?!\s*\d)", re.I
        ),
        "cv": re.compile(rf"^\W*(?:{alternatives(data['cv_heads'])})(?!\w)", re.I),
        "job": re.compile(
            rf"(?<!\w)(?:{alternatives(data['job_words'])})(?!\w)|{alternatives(data['job_words_cjk'])}",
            re.I,
        ),
        "likeness": re.compile(
            rf"(?<!\w)(?:{alternatives(data['likeness'])})(?!\w)(?:\W+\w+){{0,2}}\W*$"
            rf"|(?:{alternatives(data['likeness_cjk'])})\W*$",
            re.I,
        ),
        "made": re.compile(
            rf"(?<!\w)(?:{alternatives(data['made_by'] + data['data_from'])})\s+(?:the\s+)?$"
            rf"|(?<!\w)(?:{alternatives(data['listed_on'])})\s*[:：=]?\s*$",
            re.I,
        ),
        "news_cjk": re.compile(rf"(?:{alternatives(data['news_heads_cjk'])})\s*[:：]\s*$"),
        "source": re.compile(rf"[(（]\s*(?:{alternatives(data['sources'])})\s*[:：]", re.I),
        "kin": re.compile(
            r"(?<!\w)(?:my|his|her|their|мой|моего|моей|его|её|ее|mi|su|meu|minha|seu|sua|mein"
            rf"|meine|meinem|meiner|sein|seine|ihr|ihre|mon|ma|son|sa)\s+(?:{alternatives(data['kin'])})(?!\w)",
            re.I,
        ),
        "byline": re.compile(
            rf"(?<!\w)(?:{alternatives(data['bylines'])})(?!\w)|{alternatives(data['bylines_cjk'])}",
            re.I,
        ),
    }


def _plain(text: str) -> str:
    """The text without accents, character for character (its offsets stay the text's)."""
    return "".join(_letter(ch) for ch in text)


@functools.lru_cache(maxsize=4096)
def _letter(ch: str) -> str:
    if ch.isascii():
        return ch
    folded = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return folded if len(folded) == 1 else ch  # a Korean syllable stays one character


def _field_at(text: str, start: int, end: int) -> str:
    """The field of the line that holds text[start:end]."""
    left = 0
    for sep in _FIELDS.finditer(text):
        if sep.end() <= start:
            left = sep.end()
        elif sep.start() >= end:
            return text[left : sep.start()]
    return text[left:]


def role_of(text: str, spans: list[tuple[int, int]]) -> str | None:
    """Why the name at ``spans`` in a line is named in someone else's role, or None."""
    vocab = _vocab()
    plain = _plain(text)
    if vocab["byline"].search(plain):
        return "a byline: a piece written about it"
    if vocab["source"].search(plain):
        return "a source in brackets: another's reference to it"
    if vocab["kin"].search(plain):
        return "a person of someone's family or circle: the account or act is theirs"
    head = _news_tag(text) or _NEWS.match(plain)
    if head and spans and all(s >= head.end() for s, _ in spans):
        return "a news or notice heading: a piece about it"
    cv = vocab["cv"].search(plain) is not None
    for start, end in spans or [(0, len(text))]:
        if _EX.search(text[:start]):
            return "a former tie ('ex-')"
        like = vocab["likeness"].search(plain[max(0, start - 30) : start])
        if like and not like[0].isupper():  # not a query's LIKE
            return "a likeness or rivalry: a model, a rival or an example"
        before = plain[max(0, start - 30) : start]
        if vocab["made"].search(before):
            return "a maker, checker, data source or listing venue of another's thing"
        if vocab["news_cjk"].search(before):
            return "a news or notice heading: a piece about it"
        field = _field_at(plain, start, end)
        if vocab["closed"].search(field) and (cv or vocab["job"].search(field)):
            return "a closed period of years in its field: a past employer or tie"
        if cv and not vocab["open"].search(field):
            return "a record of someone's work history"
    from exitcheck.matching import party_field

    return party_field.role_by_label(text, spans)


def demoted(result: MatchResult, text: str, spans: list[tuple[int, int]]) -> MatchResult:
    """A match read among other words of a line whose structure names the platform in someone
    else's role (the module's list): review with the entity."""
    best = result.best
    if result.decision != DECISION_MATCH or best is None:
        return result
    why = role_of(text, spans)
    if why is None:
        return result
    reason = f"{best.label!r} is named in another's record: {why}"
    return ambiguous(result.query, result.normalized, (best,), reason)
