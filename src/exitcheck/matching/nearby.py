"""The last review bands: a name that no rule before matched, but that a registry name is close
to by a looser measure. So a ``none`` means that no registry name is close by any measure.

Each band answers ``ambiguous`` (review) with the candidates it found, never a confident
match, except a strict mojibake round trip to a registry name exactly. Each band states, in its docstring, the form of the query
it reads and the condition under which it can answer, and comes with its guard (``Guard``):
a cheap test that the band's condition implies, asked first, so that a name no band can read
leaves at the cost of a few tests. The bands run only on a query answered ``none`` so far, in
the order of ``BANDS``:

- ``chinese_memo``: a Chinese name among memo and label words ('向路印转账', '【火币】提现');
- ``mojibake``: text whose bytes were decoded with the wrong encoding ('ç\\x81«å¸\\x81');
- ``letter_symbols``: letters written as symbols ('🇧🇮🇳🇦🇳🇨🇪', 'Bit🅶et');
- ``letter_for_character``: a Latin letter for a character of a Chinese name ('B安', '火B');
- ``masked``: a privacy-masked name ('Bin***', 'B****e', '火*');
- ``leetspeak``: digits and symbols for letters ('0KX', 'K|_|C0in');
- ``truncated``: the start of a registry name ('Coinmarketc', 'Guotai Junan Intern', 'Tiger');
- ``initialism``: the initials of a registry name ('CMC', 'FXH' for 非小号), then, in a module
  of its own, ``hump_initials.initials_before_kind`` ('KC exchange accs');
- ``sounds_like``: a name spelt as it sounds ('Kookoin', 'Tokinpokit', 'Lupring');
- after the bands of dictation, tone numbers and inside: ``chinese_word`` (a registry Chinese
  name as a word of Chinese text, no common word crossing its edges: '与火币合规团队对接') and
  ``everyday_in_field`` (an everyday registry name beside its trade's words, alone in a field
  or among Chinese words: 'Tiger 客户经理 陈小姐', 'Keystone · Sales Associate'), then, in a
  module of their own, ``labelled.labelled_value`` ('Consignee: TIGER') and
  ``labelled.identifier_part`` ('GATE-5G');
- and, after the bands of one character, abbreviations,
  translations, quotes and speech: ``script_runs`` (a katakana or hangul name run on into
  other words: 'バイナンスから出金'), ``slip_in_text`` ('Payment to Binanse Ltd'),
  ``vowels_left_out`` ('Bnnc'), ``inverted`` ('Brokers, Tiger'), ``memo_alone`` (a Chinese
  memo's run read alone: '转账给币按'), ``glued_number`` ('OKX2022 statement'),
  ``wade_giles`` ('Pi-an' for 币安);
- last, in modules of their own, loaded on first use: ``translations.translated_text`` (a
  registry name translated word for word in any text: '老虎经纪人', 'Tapa del Mercado de
  Monedas') and ``cut.cut_in_field`` (a registry name cut short by a record's field width:
  'PAYPAL *INTERACTIVEB      4029357733').

``social_page`` (the address of a page on a social site: 'twitter.com/binance') is asked of
any answer to a text with a '/' but a match by the page's own entity; ``article`` (a news
article's address that names a platform) of any ``none`` with a '/', another platform's too
(the news site's).

Loaded only when a query reaches them.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from exitcheck.matching import cut, hump_initials, labelled, translations
from exitcheck.matching.index import digits_of
from exitcheck.matching.names import (
    a_word,
    clean,
    compact_key,
    core_key,
    everyday_name,
    everyday_names,
    generic_words,
    has_cjk,
    initials,
    is_cjk,
    romanise,
    sound_key,
    spells_letters,
    strip_generic,
    strip_marks,
    to_simplified,
    units,
    words,
)
from exitcheck.matching.patterns import any_of
from exitcheck.matching.results import (
    DECISION_AMBIGUOUS,
    DECISION_NONE,
    Candidate,
    Entry,
    MatchResult,
    ambiguous,
)

if TYPE_CHECKING:
    from exitcheck.matching.index import KeyIndex

Matcher = Callable[[str], MatchResult]
Band = Callable[["KeyIndex", MatchResult, str, Matcher], "MatchResult | None"]


class Query:
    """A query as the guards read it: the tests most guards ask, made once per query."""

    __slots__ = ("ascii", "characters", "cjk", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.ascii = text.isascii()
        self.cjk = not self.ascii and has_cjk(text)
        self.characters = frozenset(text)

    @property
    def key(self) -> str:
        """The words without generic words, run together (``_distinctive``)."""
        return _distinctive(self.text)


# A band's guard: False only when the band is sure to answer None for the query; True lets the
# band decide. It must be cheap, and implied by the band's condition: a test runs every band
# with and without its guard over the evaluation sets and generated names (tests/test_guards.py).
Guard = Callable[["KeyIndex", Query], bool]


def surface(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher, *, other: bool
) -> MatchResult:
    """The first band's answer for a query answered ``none``; the answer itself when no band
    finds anything. ``match_text`` matches a text through every rule (a page's name, repaired
    text). A query that is another platform's name (``other``) is left as it is: a looser
    measure must not outweigh the name of a platform the registry does not list. A band whose
    guard says it cannot answer is not asked."""
    query = Query(text)
    for may, band in OTHER_BANDS if other else BANDS:
        if may(index, query):
            found = band(index, result, text, match_text)
            if found is not None:
                return found
    return result


@functools.lru_cache(maxsize=64)
def _distinctive(text: str) -> str:
    """The text's words without generic words, run together: several bands read it, one
    text after another."""
    return "".join(strip_generic(words(text)))


def _named(answer: MatchResult) -> tuple[Candidate, ...]:
    """The registry entities an answer names: its match, or its candidates for review."""
    if answer.decision == DECISION_NONE:
        return ()
    return tuple(c for c in answer.candidates if c.entity_id)


def _review(result: MatchResult, candidates: tuple[Candidate, ...], reason: str) -> MatchResult:
    from exitcheck.matching.review import _merge

    return ambiguous(result.query, result.normalized, _merge(candidates), reason)


# --------------------------------------------------------------------------------------------
# Social pages

_PAGE = re.compile(
    r"^(?:[a-z]+://)?(?:www\.|m\.|mobile\.)?(?P<host>[a-z0-9.-]+\.[a-z]{2,})/+"
    r"(?:(?:company|c|channel|user|u|r|s|pages|groups|n)/+)?@?(?P<handle>[^/?#\s]+)"
)


@functools.cache
def _social_hosts() -> frozenset[str]:
    return frozenset(_data()["social_hosts"])


@functools.cache
def _data() -> dict[str, list[str]]:
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    names = ["social_hosts", "memo_words_zh", "sentence_words_zh", "spelling_alphabet"]
    names += ["letter_names"]
    names += ["number_words", "spelling_words", "spoken_fillers", "particles_ko"]
    names += ["slip_kind_words"]
    return {name: data[name] for name in names}


def social_page(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``clean(text)``. Condition: it is the address of a page on a site of
    ``social_hosts`` (data/matching.toml), and the first part of the path after the host
    (the account, after '@', 'company/', 'c/', 'r/' …) names a registry entity when its '_',
    '-' and '.' are read as spaces ('twitter.com/Huobi_Global', 't.me/binanceexchange').
    Anyone can open a page under any name: review, with the entities it names, then the
    site's own entity, if the registry lists the site ('weibo.com/huobi': Huobi, then Weibo).
    Unlike the other bands, it is asked of any answer but a page's own entity, since the
    site's host decides the first answer (``decide._cell``)."""
    cleaned = clean(text)
    if "/" not in cleaned or "." not in cleaned:
        return None
    found = _PAGE.match(cleaned)
    if found is None or found["host"] not in _social_hosts():
        return None
    handle = re.sub(r"[_.\-]+", " ", found["handle"]).strip()
    if not handle:
        return None
    named = _named(match_text(handle))
    if not named:
        return None
    reason = f"a page or account on {found['host']}: anyone can open one under any name"
    answer = _review(result, named, reason)
    ids = {c.entity_id for c in named}
    site = tuple(c for c in _named(result) if c.entity_id not in ids)  # 'weibo.com/huobi'
    return answer._replace(candidates=answer.candidates + site)


# --------------------------------------------------------------------------------------------
# An article's address

_REDIRECT = re.compile(r"[?&](?:q|url|u|target|dest)=(https?(?::|%3a)[^&\s]+)", re.I)
_TRACKING = re.compile(r"^(?:utm_\w*|fbclid|gclid|ref|source|src|amp|output|outputtype)$")
_SLUG_SPLIT = re.compile(r"[-_/.+~:;,=]+")
MIN_SLUG_NAME = 3  # a registry name this long at least, as whole words of the path


def article(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """Reads ``clean(text)``. Condition: it is a web address ('https://…/…', after a search
    engine's redirect, 'google.com/url?q=…', is undone) whose host names no registry entity,
    and among the words of its path and query values (split at '-', '_', '/', '.'; tracking
    parameters such as 'utm_source' and 'amp' set aside) a registry name of
    ``MIN_SLUG_NAME`` letters or more stands as a run of whole words
    ('coindesk.com/…/huobi-to-stop-serving-china-users/'), or a Chinese name in a run of
    characters ('8btc.com/article/火币-退出'), and, when it is an everyday word (data/
    everyday_names.txt), a word of the address corroborates it ('keystone-heights-bank' is
    another firm's page, 'keystone-wallet-review' the wallet's). An article about a platform is not the
    platform: review, never a match. A search engine's redirect to a page of a registry
    entity's own site is review with that entity (what the redirect hides was not read by
    the domain rules)."""
    from urllib.parse import parse_qsl, unquote, urlsplit

    from exitcheck.matching.context import _name_at, _prefixes

    cleaned = clean(text)
    redirected = False
    for _ in range(3):  # a redirect of a redirect
        inner = _REDIRECT.search(cleaned)
        if inner is None:
            break
        cleaned, redirected = unquote(inner[1]), True
    if "://" not in cleaned[:12] and not cleaned.startswith("www."):
        return None
    try:
        parts = urlsplit(cleaned if "://" in cleaned[:12] else "http://" + cleaned)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # a host in brackets that is no IP address ('http://[.]/'): no page
        return None
    table, prefixes, chinese, _ = index.derived("context", _prefixes)
    owners = [table[label] for label in host.split(".") if table.get(label)]
    if "." not in host or (owners and not redirected):
        return None  # no web site's ('otpauth://totp/…'), or a registry name's: decided
    if owners:  # a search engine's link to a page of the platform's own site
        keys = [label for label in host.split(".") if table.get(label) not in (None, "", "*")]
        return _slug_review(index, result, keys, f"a search engine's link to {host}")
    said = [w for w in _SLUG_SPLIT.split(unquote(parts.path)) if w]
    said += [v for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())]
    tokens = [t for t in words(" ".join(said)) if not _TRACKING.match(t)]
    keys = []
    for i, token in enumerate(tokens):
        hit = _name_at(tokens, i, table, prefixes)
        if hit is not None and len(hit[1]) >= MIN_SLUG_NAME:
            keys.append(hit[1])
        elif has_cjk(token):  # a Chinese slug: '火币-退出', '火币退出中国'
            keys += [key for key in chinese if key in to_simplified(token)][:1]
    keys = [key for key in keys if table[key] not in ("", "*") and not everyday_name(key, tokens)]
    return _slug_review(index, result, keys, f"an article on {host} about {{}}: not the platform")


def _slug_review(
    index: KeyIndex, result: MatchResult, keys: list[str], reason: str
) -> MatchResult | None:
    found: list[Candidate] = []
    for key in keys:
        entries = [e for e in index.exact(key) or index.folded(key) if e.entity_id]
        found += [Candidate(e.entity_id, e.label, 80.0, "article_address") for e in entries[:1]]
    if not found:
        return None
    from exitcheck.matching.review import in_order

    # the entities in the order the address names them ('okcoin-and-huobi-to-halt': OKCoin)
    answer = ambiguous(result.query, result.normalized, in_order(tuple(found)), "")
    return answer._replace(reason=reason.format(repr(answer.candidates[0].label)))


# --------------------------------------------------------------------------------------------
# A Latin letter for a Chinese character

_LETTER_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]*[a-z][\u3400-\u9fff\uf900-\ufaff]*")


_LATIN_LETTER = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
MAX_LETTER_TEXT = 24  # a name of four characters, with generic words and spaces


def _letter_table(index: KeyIndex) -> dict[str, list[Entry]]:
    """Every registry Chinese name of two to four characters (an exact key: 火币, 火币网, 欧易)
    with one character replaced by the first letter of its pinyin ('h币', '火b', '火币w'), to
    its entries."""
    from exitcheck.matching.context import _prefixes

    table: dict[str, list[Entry]] = {}
    for key in index.derived("context", _prefixes)[2]:
        if not 2 <= len(key) <= 4 or not all(map(is_cjk, key)):
            continue
        entries = [e for e in index.exact(key) or index.folded(key) if e.entity_id][:1]
        for at, ch in enumerate(key if entries else ""):
            letter = romanise(ch)[:1]
            if letter.isalpha():
                table.setdefault(key[:at] + letter + key[at + 1 :], []).extend(entries)
    return table


def _spelt_table(index: KeyIndex) -> dict[str, list[Entry]]:
    """Every registry Chinese name of two to four characters with some of its characters, not
    all, written as their pinyin or its first letter ('bi安', 'zm开门', '比特d陆'), to its
    entries."""
    from exitcheck.matching.context import _prefixes

    table: dict[str, list[Entry]] = {}
    for key in index.derived("context", _prefixes)[2]:
        if not 2 <= len(key) <= 4 or not all(map(is_cjk, key)):
            continue
        entries = [e for e in index.exact(key) or index.folded(key) if e.entity_id][:1]
        if not entries:
            continue
        choices = [(ch, romanise(ch), romanise(ch)[:1]) for ch in key]
        for spelt in itertools.product(*choices):
            form = "".join(spelt)
            if form != key and has_cjk(form):
                table.setdefault(form, []).extend(entries)
    return table


def _spelt_characters(index: KeyIndex, text: str) -> list[Entry]:
    """The registry Chinese names written in ``text`` (words run together) with some
    characters as pinyin or its first letter (see ``letter_for_character``)."""
    table = index.derived("spelt_characters", _spelt_table)
    found: list[Entry] = []
    for start in range(len(text)):
        if start and text[start - 1].isascii() and text[start].isascii():
            continue  # a Latin run is read from its start
        for end in range(start + 2, min(len(text), start + 16) + 1):
            hits = table.get(text[start:end])
            if hits and not (end < len(text) and text[end - 1].isascii() and text[end].isascii()):
                found += hits
    return found


def _may_letter_for_character(index: KeyIndex, query: Query) -> bool:
    """Chinese characters, and a Latin letter or a short text."""
    return query.cjk and (
        len(query.text) <= MAX_LETTER_TEXT or _LATIN_LETTER.search(query.text) is not None
    )


def letter_for_character(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``to_simplified`` of the text's words run together, without generic words.
    Condition: it is two to four characters, one of them a Latin letter and the others
    Chinese ('B安', '火B', '欧Y'), and putting back for the letter a character of a registry
    Chinese name whose pinyin starts with that letter gives the name (币安, 火币, 欧易); or,
    among other words, a registry Chinese name of two to four characters written with some of
    its characters (not all) as their pinyin or its first letter ('bi安 合约', '火bi全球站',
    'ZM开门交易所', '比特D陆 矿机'), the Latin letters not run on into others. A letter for a
    character dodges a filter: review. In a longer text (a chat line, a note), a word of its
    own that is such a name ('B安 的账户也冻了', '火b 那边呢')."""
    if text.isascii() or not _LATIN_LETTER.search(text) or not has_cjk(text):
        return None
    if len(text) > MAX_LETTER_TEXT:
        return _letter_word(index, result, text)
    tokens = words(text)
    found: list[Entry] = []
    table = index.derived("letter_for_character", _letter_table)
    for form in dict.fromkeys(["".join(tokens), "".join(strip_generic(tokens))]):
        form = to_simplified(form)
        if 2 <= len(form) <= 4 and _LETTER_CJK.fullmatch(form):
            found += table.get(form, [])
    if not found:
        found = _spelt_characters(index, to_simplified("".join(tokens)))
    if not found:
        return None
    named = tuple(Candidate(e.entity_id, e.label, 80.0, "letter_for_character") for e in found)
    return _review(result, named, f"a letter stands for a character of {named[0].label!r}?")


def _letter_word(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """A word of a longer text, between spaces or punctuation, of two to four characters one
    of them a Latin letter, that the letter table reads as a registry Chinese name."""
    table = index.derived("letter_for_character", _letter_table)
    found: list[Entry] = []
    for word in re.split(r"[\s,.;:!?/|，。；：！？、]+", to_simplified(clean(text))):
        if 2 <= len(word) <= 4 and _LETTER_CJK.fullmatch(word):
            found += table.get(word, [])
    if not found:
        return None
    named = tuple(Candidate(e.entity_id, e.label, 80.0, "letter_for_character") for e in found)
    return _review(result, named, f"a letter stands for a character of {named[0].label!r}?")


# --------------------------------------------------------------------------------------------
# Privacy-masked names

_MASK_RUN = re.compile(r"[*＊∗⁎•●×]+")
_MASK_BY_CJK = re.compile(r"[\u3400-\u9fff][*＊∗⁎•●×]|[*＊∗⁎•●×][\u3400-\u9fff]")
_MASKS = frozenset("*＊∗⁎•●×")
MAX_MASKED = 3  # entities a masked name may fit and still be worth a reviewer's time


def _may_masked(index: KeyIndex, query: Query) -> bool:
    """A mask character."""
    return not _MASKS.isdisjoint(query.characters)


def masked(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``to_simplified(clean(text))``. Condition: ``decide._masked`` (letters replaced
    by a run of '*', '•', '●' … : 'Bin***', 'B****e', 'Hu*bi'), or a mask beside a Chinese
    character ('火*'); two Latin letters or one Chinese character left visible; and the
    registry names (exact keys, with generic words or not) that agree with the visible parts
    are those of one to ``MAX_MASKED`` entities, each run of masks standing for as many
    characters as it has, else for one more or fewer, else for any number. What a mask hides
    cannot be checked: review; too many fit ('B***'): none."""
    if _MASKS.isdisjoint(text):
        return None
    from exitcheck.matching.decide import _masked

    if not (_masked(text) or _MASK_BY_CJK.search(text)):
        return None
    folded = to_simplified(clean(text))
    plain = " ".join(t for t in folded.split() if _MASK_RUN.search(t) or strip_generic(words(t)))
    keys = _masked_keys(index, folded) or _masked_keys(index, plain)  # 'Bin*** Holdings Ltd'
    if not keys:
        return None
    size = len(_MASK_RUN.sub("", "".join(folded.split())))
    size += sum(len(run) for run in _MASK_RUN.findall(folded))
    found: list[Candidate] = []
    for key in sorted(keys, key=lambda k: (abs(len(k) - size), len(k))):
        entries = [e for e in index.exact(key) or index.folded(key) if e.entity_id]
        found += [Candidate(e.entity_id, e.label, 70.0, "masked") for e in entries[:1]]
    if not found:
        return None
    answer = _review(result, tuple(found), "")
    return answer._replace(reason=f"a masked name that {answer.candidates[0].label!r} fits")


def _masked_keys(index: KeyIndex, folded: str) -> list[str]:
    """The registry keys that fit a masked text (see ``masked``), or [] when none or too
    many do."""
    from exitcheck.matching.context import _prefixes

    pieces = ["".join(words(piece)) for piece in _MASK_RUN.split(folded)]
    runs = [len(run) for run in _MASK_RUN.findall(folded)]
    visible = "".join(pieces)
    if not runs or len(visible) < (1 if has_cjk(visible) else 2):
        return []
    table = index.derived("context", _prefixes)[0]
    for slack in (0, 1, None):
        gaps = [".+" if slack is None else f".{{{max(1, n - slack)},{n + slack}}}" for n in runs]
        spans = itertools.zip_longest(map(re.escape, pieces), gaps, fillvalue="")
        pattern = re.compile("".join(itertools.chain(*spans)))
        keys = [k for k, e in table.items() if e not in ("", "*") and pattern.fullmatch(k)]
        if 1 <= len({table[k] for k in keys}) <= MAX_MASKED:
            return keys
    return []


# --------------------------------------------------------------------------------------------
# Leetspeak

_LEET = (
    ("|_|", "u"),
    ("|\\|", "n"),
    ("\\/\\/", "w"),
    ("\\/", "v"),
    ("/\\", "a"),
    ("()", "o"),
    ("vv", "w"),
    ("|<", "k"),
)
_LEET_CHARS = str.maketrans("034@$57○◯ø°€¥", "oeaasstoooo" + "ey")
_LEET_SYMBOLS = frozenset("0123456789@$!|○◯ø°€¥()/\\")
_LEET_MARKS = re.compile(r"[0-9@$!|○◯ø°€¥()/\\]")


def _may_leetspeak(index: KeyIndex, query: Query) -> bool:
    """A digit or a symbol that stands for a letter."""
    return not _LEET_SYMBOLS.isdisjoint(query.characters)


def leetspeak(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``clean(text)``. Condition: a word of it mixes letters with digits or symbols
    that stand for letters ('B!nance', 'K|_|C0in', '0KX', 'Hu○bi', 'Bin@nce', 'vv' for 'w'),
    and with these read as the letters ('0', '○' and '()' o, '3' and '€' e, '4' and '@' a,
    '$' and '5' s, '7' t, '1', '!' and '|' i or l, '|_|' u, '|\\|' n) and no symbol left,
    the text, else one of the words that had symbols ('Bin@nce transfer'), is a registry name
    by an exact rule. Spelling that dodges a filter: review."""
    if _LEET_SYMBOLS.isdisjoint(text):
        return None
    cleaned = clean(text)
    if not any(_LEET_MARKS.search(w) and re.search("[a-z]", w) for w in cleaned.split()):
        return None  # no word mixes letters and symbols
    spelt = cleaned
    for written, letter in _LEET:
        spelt = spelt.replace(written, letter)
    spelt = spelt.translate(_LEET_CHARS)
    found: tuple[Candidate, ...] = ()
    for i_or_l in ("i", "l"):
        form = re.sub(r"[1!|]", i_or_l, spelt)
        if form == cleaned or _LEET_MARKS.search(form):
            continue
        read = [form]  # the text, else each word that had symbols ('Bin@nce transfer')
        pairs = zip(form.split(), cleaned.split(), strict=False)
        read += [w for w, was in pairs if w != was and " " in form]
        for reading in read:
            answer = match_text(reading)
            if (answer.method or "").startswith("exact"):
                found += tuple(
                    Candidate(c.entity_id, c.label, 90.0, "leetspeak") for c in _named(answer)
                )
                break
    if not found:
        found = _leet_host(index, cleaned)
    if not found:
        return None
    return _review(result, found, f"reads as {found[0].label!r} with its symbols as letters")


_LEET_HOST = re.compile(r"[a-z0-9@$!|()-]+(?:\.[a-z0-9@$!|()-]+)*\.[a-z0-9]{2,6}")


def _leet_host(index: KeyIndex, cleaned: str) -> tuple[Candidate, ...]:
    """The registry entities that a host among other words reads as, its symbols read as
    letters and the digits a name may hold kept ('f2poo1.com – worker login', 'bitg3t.com 2FA
    backup'): a domain an entity lists, or a subdomain of one."""
    from exitcheck.matching.names import parent_hosts

    for word in cleaned.split():
        host = word.strip(".,;:'\"")
        if not _LEET_MARKS.search(host) or not _LEET_HOST.fullmatch(host):
            continue
        spelt = host
        for written, letter in _LEET:
            spelt = spelt.replace(written, letter)
        for i_or_l in ("l", "i"):
            for reading in (spelt.translate(_LEET_CHARS), spelt):
                reading = re.sub(r"[1!|]", i_or_l, reading)
                if reading == host:
                    continue
                for listed in (reading, *parent_hosts(reading)):
                    entry = index.domain(listed)
                    if entry is not None and entry.entity_id:
                        return (Candidate(entry.entity_id, entry.label, 90.0, "leetspeak"),)
    return ()


# --------------------------------------------------------------------------------------------
# Chinese memos and labels


def _sentence_words(index: KeyIndex) -> list[str]:
    """The memo words and the words of a sentence (``sentence_words_zh``) that are inside no
    registry Chinese name (所 is in 交易所, 上 could be in a name), longest first."""
    keys = [to_simplified(e.label) for _, e in index.names("cjk")]
    said = {to_simplified(w) for w in _data()["sentence_words_zh"]}
    said = {w for w in said if not any(w in key for key in keys)}
    return sorted(said | {to_simplified(w) for w in _data()["memo_words_zh"]}, key=len)[::-1]


def _sentence_pattern(index: KeyIndex) -> re.Pattern[str]:
    """``_sentence_words``, the longest first where several start at one place."""
    said = index.derived("sentence_word_list", _sentence_words)
    return re.compile("|".join(re.escape(w) for w in said))


_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"


def _may_chinese_memo(index: KeyIndex, query: Query) -> bool:
    """Chinese characters and a memo or sentence word (the band's own first test, with a
    pattern that finds any of them sooner)."""
    if not query.cjk:
        return False
    said = index.derived("sentence_words_any", _sentence_words_any)
    return said.search(to_simplified(query.text)) is not None


def _sentence_words_any(index: KeyIndex) -> re.Pattern[str]:
    return any_of(index.derived("sentence_word_list", _sentence_words))


def chinese_memo(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``to_simplified(clean(text))``. Condition: it holds Chinese characters, and once
    spaces and punctuation between two Chinese characters are closed up ('币 安', '币·安'), the
    memo and label words of ``memo_words_zh`` (data/matching.toml: 转账, 收款方, 备注, 提现, 向
    …) are taken out and every run of characters is split there, a run of two characters or
    more is a registry name, Chinese or folded, with or without generic affixes ('比特大陆科技').
    Amounts, dates and Latin words are not Chinese characters: they only separate. So do the
    words of a sentence around a name (``sentence_words_zh``: 我, 在, 了, 的, 买 …; '我在火币买了
    比特币'), those inside no registry Chinese name. A memo may name a payee or only mention
    it, a sentence may say anything of it: review."""
    if not has_cjk(text):
        return None
    splitter = index.derived("sentence_words", _sentence_pattern)
    if splitter.search(to_simplified(text)) is None:
        return None  # no memo or sentence word: the rules before have read the name
    simplified = to_simplified(clean(text))
    closed = re.sub(rf"(?<={_CJK})[\s·・.\-_/]+(?={_CJK})", "", simplified)
    pieces = re.findall(rf"{_CJK}{{2,}}", splitter.sub(" ", closed))
    found: list[Candidate] = []
    for piece in dict.fromkeys(pieces):
        core = "".join(u for u, generic in units([piece]) if not generic)
        # a verb or particle the word lists lack, glued on ('路印提了', '用过抹茶'): one character
        glued = [piece[1:], piece[:-1]] if len(piece) >= 3 and piece == core else []
        for form in dict.fromkeys([piece, core, *glued]):
            if len(form) < 2 or (
                len(form) == 2 and not a_word(piece, piece.find(form), piece.find(form) + 2)
            ):
                continue  # '币行' of '币行情' is crossed by 行情
            hits = index.exact(form) or index.folded(form)
            found += [Candidate(e.entity_id, e.label, 90.0, "memo") for e in hits if e.entity_id]
    if not found:
        return None
    return _review(result, tuple(found), f"{found[0].label!r} stands among memo or label words")


# --------------------------------------------------------------------------------------------
# A Chinese name as a word of a Chinese sentence or record


def _word_table(index: KeyIndex) -> tuple[re.Pattern[str], dict[str, list[Entry]]]:
    """(a pattern of the registry's Chinese names of two characters or more, as the registry
    writes them (not their distinctive parts: 老虎 of 老虎证券 is a tiger), those names to their
    entries)."""
    keys, _, _, _ = index.table.rows()
    names: dict[str, list[Entry]] = {}
    for kind, key, entity, label, field in keys:
        if kind not in ("exact", "folded") or not entity or len(key) < 2:
            continue
        if all(map(is_cjk, key)) and all(e.entity_id != entity for e in names.get(key, ())):
            names.setdefault(key, []).append(Entry(entity, label, field))
    return any_of(names), names


def _may_chinese_word(index: KeyIndex, query: Query) -> bool:
    """A registry Chinese name of two characters or more in the clean text, folded to
    simplified."""
    if not query.cjk:
        return False
    pattern = index.derived("chinese_word", _word_table)[0]
    return pattern.search(to_simplified(clean(query.text))) is not None


def chinese_word(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the runs of Chinese characters of ``to_simplified(clean(text))``. Condition: a
    registry Chinese name (the longest at its place) stands in a run, whatever stands around
    it ('与火币合规团队对接', '用欧易做合约', '不是币安官方客服'): of three characters or more
    anywhere, of two as a word of its own, which no common word crosses at its first or last
    character or holds (data/edge_words_zh.txt: 货币 and 安全 in 货币安全, 银行 in 平安银行, 行情
    in 比特币行情). A name that is an everyday word stands only with a word that corroborates
    it. A sentence may say anything of a name, and other words may make another firm's:
    review."""
    _, names = index.derived("chinese_word", _word_table)
    folded = to_simplified(clean(text))
    tokens = words(folded)
    found: list[Candidate] = []
    for run in _CJK_RUN.findall(folded):
        at = 0
        while at < len(run) - 1:
            key = _name_starting(run, at, names)
            if key is None:
                at += 1
                continue
            end = at + len(key)
            word = len(key) > 2 or a_word(run, at, end)
            if word and not everyday_name(key, tokens):
                found += [Candidate(e.entity_id, e.label, 85.0, "in_words") for e in names[key]]
            at = end
    if not found:
        return None
    return _review(result, tuple(found), f"{found[0].label!r} stands as a word in Chinese text")


# characters of the longest registry Chinese name read in a run ('北京火币天下网络技术有限公司')
MAX_NAME_CHARACTERS = 16


def _name_starting(run: str, at: int, names: dict[str, list[Entry]]) -> str | None:
    """The longest registry Chinese name that starts at ``at``."""
    for end in range(min(len(run), at + MAX_NAME_CHARACTERS), at + 1, -1):
        if run[at:end] in names:
            return run[at:end]
    return None


# --------------------------------------------------------------------------------------------
# An everyday registry name among the words of its platform's trade


@functools.cache
def _everyday_fields() -> dict[str, tuple[str, frozenset[str]]]:
    """data/matching.toml ``everyday_fields``: an everyday name to (its entity, the words of
    the platform's trade)."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))["everyday_fields"]
    return {
        name: (item["of"], frozenset(to_simplified(w) for w in item["words"]))
        for name, item in data.items()
    }


def _may_everyday_in_field(index: KeyIndex, query: Query) -> bool:
    """A word of the text is an everyday name of ``everyday_fields``."""
    return not _everyday_fields().keys().isdisjoint(words(query.text))


_FORMS_ZH = ("公司", "集团", "有限", "控股", "合伙")  # a company's legal name in Chinese
_ARTICLES = frozenset({"the", "a", "an"})  # before an everyday word: its everyday sense


def everyday_in_field(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``words(text)``. Condition: a word is a registry name that is an everyday word
    (data/matching.toml ``everyday_fields``: 'tiger', 'gate', 'keystone'), no word is a legal
    form or a company's word, in Latin or Chinese ('Keystone Mining LLC' is another firm), no
    capitalised word follows the name but a word of its trade ('Tiger Balm'), and the name
    stands as a name:

    - beside a word of its platform's trade (a Latin word, or a Chinese word inside a run of
      characters: 'Tiger 客户经理 陈小姐', 'Gate — 2FA reset request', 'Keystone — device PIN');
    - or alone in a field of a record ('Keystone · Sales Associate · 2016–2018', 'Tiger |
      Relationship Manager'): separators around it;
    - or as the only word with a capital but the first in a sentence in lower case
      ('Customer works for Keystone; employer letter requested.');
    - or as the only Latin word among Chinese words of records, notes and interfaces (those
      context.py sets aside: 'Gate 季度复盘会议', 'Gate 汇总'; not another trade's: 'Gate 大门
      安装', 'Tiger 牌 保温杯').

    The everyday meaning is as likely as the platform: review."""
    from exitcheck.matching.decide import _company_words

    tokens = words(text)
    if not (_company_words() - _ARTICLES).isdisjoint(tokens):
        return None
    runs = [t for t in tokens if has_cjk(t)]
    if any(form in run for run in runs for form in _FORMS_ZH):
        return None
    fields = _everyday_fields()
    for token in tokens:
        if token not in fields:
            continue
        entity, trade = fields[token]
        if _named_after(text, token, trade):
            continue
        if not trade.isdisjoint(tokens) or any(w in run for run in runs for w in trade):
            why = "beside words of {}'s trade"
        elif _alone_in_field(text, token):
            why = "alone in a field of a record"
        elif _named_in_sentence(text, token):
            why = "the only name with a capital in a sentence in lower case"
        elif _only_latin_word(tokens, token) and all(map(_record_words, runs)):
            why = "the only Latin word among Chinese words of a record"
        else:
            continue
        hits = [e for _, e in index.names("latin") if e.entity_id == entity]
        if not hits:
            continue
        label = hits[0].label
        best = Candidate(entity, label, 80.0, "in_field")
        reason = f"{token!r} is an everyday word, {why.format(label)}"
        return _review(result, (best,), reason)
    return None


_FIELD_MARKS = re.compile(
    r"\s*(?:[|·•;；,，()（）\[\]【】<>/\t]|\s[-–—]+\s|^[-–—]+\s|\s[-–—]+$)\s*"
)


def _alone_in_field(text: str, name: str) -> bool:
    """True when the name is the whole of a field of the text, between separators ('|', '·',
    ';', ',', brackets, a dash between spaces), and the text has another field. Not a colon:
    a label's ('Gate: visitor sign-in'), whose words after it tell the sense."""
    fields = [f for f in _FIELD_MARKS.split(text) if f.strip()]
    return len(fields) > 1 and any(words(f) == [name] for f in fields)


def _record_words(run: str) -> bool:
    """True when a run of characters is made of the words of records, notes and interfaces
    that context.py sets aside beside a name (季度, 复盘, 会议, 汇总 …): nobody's trade."""
    from exitcheck.matching.context import _spelt_of, _vocab

    return _spelt_of(to_simplified(run), _vocab()["interface_zh"])


_WORD = re.compile(r"[^\W\d_]+")
MIN_SENTENCE_WORDS = 2  # words in lower case around the name
_MACHINE = frozenset("=_{}<>")


def _named_in_sentence(text: str, name: str) -> bool:
    """True when the name, capitalised and not the text's first word, is the only word with a
    capital but the first among words in lower case ('Customer works for Keystone; employer
    letter requested.'): a sentence that names it, not another firm's name of several words."""
    found = _WORD.findall(text)
    if len(found) < MIN_SENTENCE_WORDS + 2 or not text.isascii() or not _MACHINE.isdisjoint(text):
        return False  # a machine's key=value pairs or identifiers are no sentence
    at = [i for i, w in enumerate(found) if w.lower() == name]
    if len(at) != 1 or at[0] == 0 or not found[at[0]][0].isupper():
        return False
    if found[at[0] - 1].lower() in _ARTICLES:
        return False  # 'visited the Gate': the everyday word
    rest = [w for i, w in enumerate(found) if i not in (0, at[0])]
    return sum(w.islower() for w in rest) >= MIN_SENTENCE_WORDS and all(map(str.islower, rest))


def _only_latin_word(tokens: list[str], name: str) -> bool:
    """True when the name is the only Latin word, the others Chinese words and numbers."""
    return any(has_cjk(t) for t in tokens) and all(
        t == name or has_cjk(t) or t.isdigit() for t in tokens
    )


_TITLE_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")


def _named_after(text: str, name: str, trade: frozenset[str]) -> bool:
    """True when a capitalised word that is not of the trade follows the everyday name in
    the text: another name of two words ('Tiger Balm', 'Gate Hardware')."""
    for found in re.finditer(rf"(?i)(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])", text):
        after = _TITLE_WORD.match(text, found.end())
        if after is not None and after[1].lower() not in trade:
            return True
    return False


# --------------------------------------------------------------------------------------------
# Mojibake


def _may_mojibake(index: KeyIndex, query: Query) -> bool:
    """What each round trip of ``repair_mojibake`` needs: a character of Latin-1's upper half
    (the bytes of UTF-8 or GBK read as Latin-1 or cp1252 show one at least; a no-break space
    is one too), or Chinese characters that GBK encodes into bytes that are UTF-8."""
    if query.ascii:
        return False
    if not _LATIN_1.isdisjoint(query.characters):
        return True
    if not query.cjk:
        return False
    try:
        query.text.encode("gbk").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return True


_LATIN_1 = frozenset(map(chr, range(0x80, 0x100)))


def mojibake(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the text as given. Condition: ``decoding.repair_mojibake`` finds a round trip
    (UTF-8 read as GBK, GBK read as Latin-1, or UTF-8 read as cp1252 with bytes lost; UTF-8
    read as Latin-1 whole is undone before matching, by ``decoding.decode``), and the repaired
    text names a registry entity. A strict round trip that gives a registry name by an exact
    rule ('甯佸畨' is 币安, '»ð±ÒÍø' 火币网) is a match, as strong as any decoding; anything looser (bytes lost, a
    repaired text matched by a review band or fuzzily) is review. ``decoded`` says which."""
    from exitcheck.matching.decoding import MOJIBAKE_LOSSY, repair_mojibake

    repaired = repair_mojibake(text)
    if repaired is None:
        return None
    plain, undone = repaired
    answer = match_text(plain)
    named = _named(answer)
    if not named:
        return None
    decoded = (undone, *answer.decoded)
    if undone != MOJIBAKE_LOSSY and (answer.method or "").startswith("exact"):
        return answer._replace(query=result.query, decoded=decoded)
    reason = f"reads as {plain!r} once the {undone} is undone"
    return _review(result, named, reason)._replace(decoded=decoded)


# --------------------------------------------------------------------------------------------
# Letters written as symbols

_REGIONAL = (0x1F1E6, 0x1F1FF)  # regional indicator symbols A-Z (two make a flag)
_LETTER_BLOCKS = ((0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))  # squared, circled


def _as_letter(ch: str) -> str:
    code = ord(ch)
    for low, high in (_REGIONAL, *_LETTER_BLOCKS):
        if low <= code <= high:
            return chr(ord("a") + code - low)
    return ch


def _may_letter_symbols(index: KeyIndex, query: Query) -> bool:
    """A character of the blocks ``spells_letters`` reads (U+1F130 and after)."""
    return not query.ascii and max(query.text) >= "\U0001f130"


def letter_symbols(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the text as given. Condition: ``names.spells_letters`` (a squared or
    negative-circled letter, 'Bit🅶et', or three regional indicator letters in a row,
    '🇧🇮🇳🇦🇳🇨🇪'), and with these read as the letters they show it names a registry entity. Emoji
    spelling is a way to write a name, and a way to avoid a filter: review."""
    if not spells_letters(text):
        return None
    letters = "".join(_as_letter(ch) for ch in text)
    if letters == text:  # a symbol this band does not read ('🅊'): the same text again, forever
        return None
    named = _named(match_text(letters))
    if not named:
        return None
    return _review(result, named, "the name is spelt with letter symbols")


# --------------------------------------------------------------------------------------------
# Truncated names

MIN_TRUNCATED = 4  # a start of a name this long at least
TRUNCATED_SHARE = 0.6  # ... that holds this share of the name's key, or ends at a word


def _may_truncated(index: KeyIndex, query: Query) -> bool:
    """A registry Latin key starts as the whole key does, or as the key without generic words
    does."""
    starts = index.derived("starts", _starts_table)
    return compact_key(query.text)[:MIN_TRUNCATED] in starts or query.key[:MIN_TRUNCATED] in starts


def truncated(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Two readings of a Latin query, either of which is enough:

    - cut short: its whole ``compact_key`` (every word kept: a field cut short ends inside
      the name; a query of generic words only is none) has ``MIN_TRUNCATED`` letters or more, is the start of a longer registry
      Latin key (``KeyIndex.names("latin")``) with the same digits, holds ``TRUNCATED_SHARE``
      of it, and ends inside a word of the name, or after its second word ('coinmarketc', 'guotaijunanintern',
      'feixiao'); the first word of a name alone is a word ('hyper' of HyperDAO);
    - the word people say: its words without generic words are a registry name's first words,
      every word after them in the name is generic or a top-level domain, and the query's
      other words are generic words of a platform's kind (not a legal form, 'Holdings',
      'Global' …): 'Tiger' and 'Tiger Trade' (Tiger Brokers), 'Gate Exchange' (Gate.io), but
      not 'Tiger Global' or 'Tiger Software Co., Ltd.'.

    A field cut short, or the one word of a name people say: review."""
    tokens = words(text)
    key = "".join(tokens)
    if len(key) < MIN_TRUNCATED or has_cjk(key) or key.isdigit():
        return None
    core = "".join(strip_generic(tokens))
    if not core:  # generic words only ('pool'): never a name
        return None
    spoken = len(core) >= MIN_TRUNCATED and _not_kind().isdisjoint(tokens)
    starts = index.derived("starts", _starts_table)
    names = starts.get(key[:MIN_TRUNCATED], [])
    if spoken and core[:MIN_TRUNCATED] != key[:MIN_TRUNCATED]:
        names = names + starts.get(core[:MIN_TRUNCATED], [])
    found = [
        Candidate(e.entity_id, e.label, round(100.0 * len(key) / len(name), 1), "truncated")
        for name, e in names
        if (
            (
                len(name) > len(key) >= TRUNCATED_SHARE * len(name)
                and name.startswith(key)
                and _cut_inside(e.label, key)
                and digits_of(name) == digits_of(key)  # 'qkl12' is another name, as 'qkl124' is
            )
            or (spoken and name.startswith(core) and _ends_at_word(e.label, core))
        )
    ]
    if not found:
        return None
    return _review(result, tuple(found), f"the start of {found[0].label!r}, cut short?")


def _starts_table(index: KeyIndex) -> dict[str, list[tuple[str, Entry]]]:
    """The registry's Latin keys by their first ``MIN_TRUNCATED`` letters."""
    table: dict[str, list[tuple[str, Entry]]] = {}
    for key, e in index.names("latin"):
        if e.entity_id:
            table.setdefault(key[:MIN_TRUNCATED], []).append((key, e))
    return table


def _cut_inside(label: str, key: str) -> bool:
    """True when ``key``, a start of the label's key, ends inside a word or capitalised hump
    of the label, or after two of them at least ('Fei Xiao' of 'Fei Xiao Hao')."""
    humps = [compact_key(h) for h in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[^\W_]+", label)]
    ends = list(itertools.accumulate(len(h) for h in humps if h))
    return len(key) not in ends or ends.index(len(key)) >= 1


@functools.cache
def _not_kind() -> frozenset[str]:
    """Words that make a name another company's rather than a platform's: legal forms and
    company words ('Holdings'), and 'Global' (Tiger Global)."""
    from exitcheck.matching.decide import _company_words

    return _company_words() | {"global"}


_TLDS = frozenset({"com", "io", "org", "net", "pro", "top", "one", "im", "cc", "co", "info"})


def _ends_at_word(label: str, key: str) -> bool:
    """True when ``key`` is the label's first words and every word after them is generic or a
    top-level domain ('Tiger Brokers' holds 'tiger', 'Gate.io' 'gate')."""
    parts = words(label)
    generic = generic_words().latin
    joined = ""
    for i, part in enumerate(parts):
        joined += part
        if joined == key:
            return all(
                w in generic or w.rstrip("s") in generic or w in _TLDS for w in parts[i + 1 :]
            )
        if len(joined) >= len(key):
            return False
    return False


# --------------------------------------------------------------------------------------------
# Initialisms

MIN_INITIALS = 3


def _initials_table(index: KeyIndex) -> dict[str, list[Entry]]:
    """Initials of every registry name (and of it without generic words), three letters or
    more, each to the entries that have them."""
    table: dict[str, list[Entry]] = {}
    for _, e in [*index.names("latin"), *index.names("cjk")]:
        if not e.entity_id:
            continue
        forms = {initials(e.label)}
        if not has_cjk(e.label):
            kept = [w for w in re.split(r"[\s.,]+", e.label) if compact_key(w) not in _generic()]
            forms.add(initials(" ".join(kept)))
        for form in forms:
            if len(form) >= MIN_INITIALS:
                table.setdefault(form, []).append(e)
    return table


@functools.cache
def _capitals() -> re.Pattern[str]:
    return re.compile(f"[A-Z]{{{MIN_INITIALS}}}")


@functools.cache
def _generic() -> frozenset[str]:
    return generic_words().latin


def _may_initialism(index: KeyIndex, query: Query) -> bool:
    """Capitals in a row, and the key is a registry name's initials."""
    return _capitals().search(query.text) is not None and query.key in index.derived(
        "initials", _initials_table
    )


def initialism(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the query's words without generic words. Condition: what is left is one word of
    ``MIN_INITIALS`` to 5 letters, written in capitals in the query ('CMC', 'FXH'), that is
    the initials of a registry name: one letter a word or capitalised hump ('CoinMarketCap'),
    or a Chinese character's pinyin (非小号). Initials stand for many names: review."""
    if _capitals().search(text) is None:
        return None
    core = strip_generic(words(text))
    if len(core) != 1 or not MIN_INITIALS <= len(core[0]) <= 5 or not core[0].isalpha():
        return None
    if core[0].upper() not in text or not core[0].isascii():
        return None
    hits = index.derived("initials", _initials_table).get(core[0], [])
    if not hits:
        return None
    found = tuple(Candidate(e.entity_id, e.label, 70.0, "initials") for e in hits)
    return _review(result, found, f"the initials of {found[0].label!r}")


# --------------------------------------------------------------------------------------------
# The pinyin initials of a Chinese name

MIN_PINYIN_INITIALS = 2  # letters: 'HB' for 火币, as Chinese users write it
MAX_PINYIN_INITIALS = 5
_KIND_WORDS_ZH = ("所",)  # 'HB所': slang for an exchange, beside the generic words (交易所, 钱包 …)
_INITIALS_RUN = re.compile(r"^([a-z]+?)([\u3400-\u9fff\uf900-\ufaff]*)(app)?$")


def _pinyin_initials_table(index: KeyIndex) -> dict[str, list[Entry]]:
    """The pinyin initials of every registry name written wholly in Chinese characters, and of
    it without its generic ending ('hb' 火币, 'zmkm' 芝麻开门, 'yb' 云币网, 'lh' 老虎证券), to
    its entries. Names with Latin letters or digits ('KuCoin交易所') give none."""
    generic = generic_words().chinese
    table: dict[str, list[Entry]] = {}
    for _, e in index.names("cjk"):
        label = to_simplified(e.label)
        if not e.entity_id or not all(map(is_cjk, label)):
            continue
        forms = {label}
        for word in generic:
            if label.endswith(word) and len(label) - len(word) >= MIN_PINYIN_INITIALS:
                forms.add(label[: -len(word)])
        for form in forms:
            letters = initials(form)
            if MIN_PINYIN_INITIALS <= len(letters) <= MAX_PINYIN_INITIALS:
                entries = table.setdefault(letters, [])
                entries += [] if e in entries else [e]
    return table


def _may_pinyin_initials(index: KeyIndex, query: Query) -> bool:
    """A short text that starts with a Latin letter; without Chinese characters, two to five
    letters and 'app' at most."""
    text = query.text
    if len(text) > 24 or not "a" <= text.lstrip()[:1].lower()[:1] <= "z":
        return False
    return query.cjk or len("".join(text.split())) <= MAX_PINYIN_INITIALS + 3


def pinyin_initials(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the text without spaces, case folded. Condition: it is ``MIN_PINYIN_INITIALS`` to
    ``MAX_PINYIN_INITIALS`` Latin letters that are the pinyin initials of a registry name
    written in Chinese characters (the first letter of each character's pinyin: 'hb' 火币,
    'zmkm' 芝麻开门), and either a word of its kind follows ('hb交易所', 'BA所', 'KB钱包',
    'HB app': a generic Chinese word, 所, or 'app') or the letters stand alone in capitals
    ('HB'). Two letters stand for many names, and the initials of other Chinese companies
    ('ZGPA', 'HW') are common in lists: only a registry Chinese name's initials are read, and
    only ever for review."""
    if len(text) > 24 or not any("a" <= ch <= "z" for ch in text.lower()):
        return None
    form = to_simplified("".join(text.split())).lower()
    found = _INITIALS_RUN.match(form)
    if found is None:
        return None
    letters, kind, app = found[1], found[2], found[3]
    if not MIN_PINYIN_INITIALS <= len(letters) <= MAX_PINYIN_INITIALS:
        return None
    if kind or app:
        if kind and kind not in _KIND_WORDS_ZH and kind not in generic_words().chinese:
            return None
    elif not text.strip().isupper():
        return None
    hits = index.derived("pinyin_initials", _pinyin_initials_table).get(letters, [])
    if not hits:
        return None
    found_ = tuple(Candidate(e.entity_id, e.label, 60.0, "pinyin_initials") for e in hits)
    return _review(result, found_, f"the pinyin initials of {found_[0].label!r}?")


# --------------------------------------------------------------------------------------------
# Names spelt as they sound

MIN_SOUNDS_LIKE = 5  # letters of the query's key


def _sounds_table(index: KeyIndex) -> dict[str, list[tuple[str, Entry]]]:
    """The registry's Latin names (not the romanised Chinese ones) by ``sound_key``; not an
    initialism (``_spelt_out``), which is said letter by letter."""
    table: dict[str, list[tuple[str, Entry]]] = {}
    for key, e in index.names("latin"):
        if e.entity_id and not has_cjk(e.label) and not _spelt_out(e.label):
            table.setdefault(sound_key(key), []).append((key, e))
    return table


MAX_SPELT_OUT = 5  # letters of a name in capitals that is said letter by letter


def _spelt_out(label: str) -> bool:
    """A name written in capitals, of ``MAX_SPELT_OUT`` letters or fewer ('IBKR', 'MEXC',
    'HDAO'): a ticker or an initialism, said letter by letter, so its consonants are no
    sound of it; 'Baker', 'Booker' and 'Mexico' sound as no such name does."""
    letters = [ch for ch in label if ch.isalpha()]
    return len(letters) <= MAX_SPELT_OUT and all(ch.isupper() for ch in letters)


def _sounds_by_start(index: KeyIndex) -> dict[str, list[str]]:
    """The sounds of ``_sounds_table`` by their first consonant."""
    out: dict[str, list[str]] = {}
    for sound in index.derived("sounds", _sounds_table):
        if sound:
            out.setdefault(sound[0], []).append(sound)
    return out


def sounds_alike(
    index: KeyIndex, key: str, short: float, long: float, *, near: float = 0.0
) -> list[Candidate]:
    """Registry names whose ``sound_key`` is the key's, spelt within ``short`` (rapidfuzz
    ratio) of the key when the sound has one or two consonants, within ``long`` when it has
    more; with ``near``, also those spelt within ``near`` whose sound has four consonants or
    more and differs from the key's by one consonant in four, the first kept ('knmktktp' of
    the katakana's 'koinmakettokiyatpu' and 'knmrktkp' of CoinMarketCap). When some names
    are spelt with the key's first letter, only those are kept ('koukoin': KuCoin, not OKCoin)."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    sound = sound_key(key)
    if not sound:
        return []
    table = index.derived("sounds", _sounds_table)
    alike = [(sound, short if len(sound) <= 2 else long)]
    if near and len(sound) >= 4:
        edits = len(sound) // 4
        alike += [
            (other, near)
            for other in index.derived("sounds_by_start", _sounds_by_start).get(sound[0], [])
            if other != sound
            and abs(len(other) - len(sound)) <= edits
            and Levenshtein.distance(other, sound, score_cutoff=edits) <= edits
        ]
    out: list[tuple[str, Candidate]] = []
    for other, cutoff in alike:
        for name, e in table.get(other, []):
            score = fuzz.ratio(key, name)
            if score >= cutoff:
                out.append((name, Candidate(e.entity_id, e.label, round(score, 1), "sounds_like")))
    # 'koukoin', 'coo coin': KuCoin, not OKCoin (the first letters as they sound: c is k)
    same_start = [c for name, c in out if _first_sound(name) == _first_sound(key)]
    return same_start or [c for _, c in out]


_FIRST_SOUND = str.maketrans("cqzvwfjl", "kksbbhgr")  # names.sound_key's folding


def _first_sound(key: str) -> str:
    return key[0].translate(_FIRST_SOUND)


def _may_sounds_like(index: KeyIndex, query: Query) -> bool:
    """A registry Latin name sounds as the key does."""
    key = query.key
    return (
        len(key) >= MIN_SOUNDS_LIKE
        and key.isascii()
        and key.isalpha()
        and sound_key(key) in index.derived("sounds", _sounds_table)
    )


def sounds_like(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``key``, the Latin query's ``compact_key`` without generic words. Condition:
    ``key`` has ``MIN_SOUNDS_LIKE`` letters or more, and a registry name's Latin key has the
    same ``sound_key`` (consonants as they sound) and is spelt within 60 of it (70 when the
    sound has two consonants or fewer): 'Kookoin' and KuCoin, 'Lupring' and Loopring. Review."""
    key = _distinctive(text)
    if len(key) < MIN_SOUNDS_LIKE or not key.isascii() or not key.isalpha():
        return None
    found = sounds_alike(index, key, 60.0, 60.0)
    if not found:
        return None
    return _review(result, tuple(found), f"sounds as {found[0].label!r} does")


# --------------------------------------------------------------------------------------------
# Cantonese readings

MIN_CANTONESE = 4  # letters of the query's key


@functools.cache
def _cantonese() -> dict[str, tuple[str, ...]]:
    """data/cantonese.txt: a character to its Hong Kong romanisations."""
    from exitcheck.datafiles import data_file

    out = {}
    for line in data_file("cantonese.txt").read_text(encoding="utf-8").splitlines():
        char, tab, readings = line.partition("\t")
        if tab and not line.startswith("#"):
            out[char] = tuple(readings.split())
    return out


_UNASPIRATED = (("gw", "kw"), ("b", "p"), ("d", "t"), ("g", "k"), ("z", "ch"), ("c", "ch"))
_HK_FINALS = (("eoi", "ui"), ("yun", "uen"), ("yut", "uet"), ("aa", "a"), ("oe", "eu"))


def _hong_kong_spelling(reading: str) -> str:
    """A reading as Hong Kong names and street signs spell it: unaspirated initials written
    p, t, k, ch ('bai' -> 'pai', 'zing' -> 'ching'), 'j' as 'y', and 'eoi', 'yun', 'aa' as
    'ui', 'uen', 'a' ('gyun' -> 'kuen', 'keoi' -> 'kui'): 'Lo Fu Ching Kuen' for 老虎证券."""
    for written, said in _UNASPIRATED:
        if reading.startswith(written):
            reading = said + reading[len(written) :]
            break
    else:
        if reading.startswith("j"):
            reading = "y" + reading[1:]
    for written, said in _HK_FINALS:
        reading = reading.replace(written, said)
    return reading


@functools.cache
def _cantonese_readings() -> dict[str, tuple[str, ...]]:
    """``_cantonese`` with each reading's Hong Kong spelling, and each digit read as itself
    ('区块链123')."""
    out = {
        ch: tuple(dict.fromkeys([*readings, *map(_hong_kong_spelling, readings)]))
        for ch, readings in _cantonese().items()
    }
    return out | {digit: (digit,) for digit in "0123456789"}


def _cantonese_table(index: KeyIndex) -> dict[str, list[Entry]]:
    """Every Cantonese reading of the registry's Chinese names (whole, and their distinctive
    part), spelt without spaces or tones, to the entries that have it."""
    readings = _cantonese_readings()
    table: dict[str, list[Entry]] = {}
    for _, e in index.names("cjk"):
        if not e.entity_id:
            continue
        simplified = to_simplified(compact_key(e.label))
        for form in dict.fromkeys([simplified, "".join(strip_generic([simplified]))]):
            if len(form) < 2 or any(ch not in readings for ch in form):
                continue
            choices = [readings[ch] for ch in form]
            if len(list(itertools.islice(itertools.product(*choices), 513))) > 512:
                continue  # too many spellings to list: a long name is not read this way
            for spelling in itertools.product(*choices):
                table.setdefault("".join(spelling), []).append(e)
    return table


def _may_cantonese(index: KeyIndex, query: Query) -> bool:
    """The key is a reading."""
    key = query.key
    return len(key) >= MIN_CANTONESE and key in index.derived("cantonese", _cantonese_table)


def cantonese(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the Latin query's words without generic words. Condition: joined, they have
    ``MIN_CANTONESE`` letters or more and are a Hong Kong reading of a registry Chinese name
    (data/cantonese.txt: Hong Kong government spellings, Yale, Jyutping; 'Fo Bai' for 火币).
    A reading is shared by many characters: review."""
    key = _distinctive(text)
    if len(key) < MIN_CANTONESE or not key.isascii() or not key[:MIN_CANTONESE].isalpha():
        return None
    hits = index.derived("cantonese", _cantonese_table).get(key, [])
    if not hits:
        return None
    found = tuple(Candidate(e.entity_id, e.label, 80.0, "cantonese") for e in hits)
    return _review(result, found, f"a Cantonese reading of {found[0].label!r}")


# --------------------------------------------------------------------------------------------
# Names dictated letter by letter, or character by character

MIN_SPELLED = 3  # letters spelt one by one, at least
_DICTATED_ZH = re.compile(r"([\u3400-\u9fff]{1,8}?)的([\u3400-\u9fff])")


@functools.cache
def _spelling() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(word -> letter or digit it spells, letter name -> letter, framing words): the
    spelling alphabet, the digits as words and the single letters; the names of the letters as
    said ('eye', 'oh'); the words that only frame a spelling (data/matching.toml)."""
    data = _data()
    spelt = {word: word[0] for word in data["spelling_alphabet"]}
    spelt |= {word: str(digit) for digit, word in enumerate(data["number_words"])}
    spelt |= {chr(code): chr(code) for code in range(ord("a"), ord("z") + 1)}
    said = dict(pair.split() for pair in data["letter_names"])
    return spelt, said, frozenset(data["spelling_words"])


_SPELT_WORD = re.compile(r"[a-z0-9]+")


_LETTER_RUN = re.compile(r"\b[a-z](?:[\s,-]+[a-z]\b){2}")  # 'o k c', 'u-o-b-i'


@functools.cache
def _spelling_words() -> frozenset[str]:
    """Every word that spells a letter or a digit, said or in the spelling alphabet (not the
    single letters and digits)."""
    spelt, said, _ = _spelling()
    return frozenset(w for w in [*spelt, *said] if len(w) > 1)


def _spelt_runs(tokens: list[str]) -> list[str]:
    """The runs of letters and digits spelt one by one in ``tokens`` ('h as in hotel u o b i'
    -> ['huobi']); framing words are skipped, any other word ends a run."""
    spelt, _, framing = _spelling()
    runs: list[str] = []
    run = ""
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if token in spelt:
            run += spelt[token]
            if tokens[at + 1 : at + 3] == ["as", "in"]:  # 'h as in hotel': the word says h
                at += 3
        elif token.isdigit() and len(token) == 1:
            run += token
        elif token not in framing:
            runs.append(run)
            run = ""
        at += 1
    runs.append(run)
    return [r for r in runs if r]


def _may_dictated(index: KeyIndex, query: Query) -> bool:
    """'的'; or ASCII with a letter's name among two words or more (a word of a spelling), or
    three letters spelt and a word of a spelling or letters one by one (three words of one
    letter at least)."""
    text = query.text
    if "的" in text:
        return True
    if not query.ascii:
        return False
    # the band's words: for printable ASCII, those the words' cache holds
    tokens = words(text) if text.isprintable() else _SPELT_WORD.findall(text.lower())
    spelt, said, _ = _spelling()
    if len(tokens) >= 2 and not said.keys().isdisjoint(tokens):
        return True
    if len(tokens) < MIN_SPELLED or sum(t in spelt or len(t) == 1 for t in tokens) < MIN_SPELLED:
        return False
    return not _spelling_words().isdisjoint(tokens) or bool(_LETTER_RUN.search(text.lower()))


def dictated(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Three readings of a name dictated, any of which is enough:

    - spelt letter by letter: the words of the spelling alphabet ('Bravo India November …'),
      single letters ('O K C O I N', 'U-O-B-I'), 'H as in hotel' and digits as words, at least
      ``MIN_SPELLED`` of them, read as what they spell, framing words ('the number') set aside
      and any other word ending a run; a run of three or more, longest first, else all the
      runs together, names a registry entity by any rule ('B-I-N-A-N': the start of Binance);
    - said: the names of letters and digits among other words ('gate eye oh', 'mex see',
      'eff two pool') read as the letters, the text is a registry name by an exact rule;
    - character by character in Chinese ('火车的火，人民币的币': each character named by a
      word that holds it), two characters or more, the characters read together name a
      registry entity.

    What is dictated is heard, and may be misheard: review."""
    if "的" in text:
        said_zh = [ch for word, ch in _DICTATED_ZH.findall(to_simplified(text)) if ch in word]
        if len(said_zh) >= 2:
            # each character is named on purpose: one that differs is another word (喜茶)
            heard = match_text("".join(said_zh))
            named = tuple(c for c in _named(heard) if c.method != "one_character")
            if named:
                return _dictated(result, named, "".join(said_zh))
    if not text.isascii():
        return None
    lower = text.lower()
    tokens = _SPELT_WORD.findall(lower)
    spelt, said, _ = _spelling()
    if _spelling_words().isdisjoint(tokens) and not _LETTER_RUN.search(lower):
        return None  # no word of a spelling, no letters one by one ('S.A.R.L.' is a legal form)
    whole = "".join(tokens)  # a reading that is the text itself is no reading
    if sum(token in spelt or len(token) == 1 for token in tokens) >= MIN_SPELLED:
        runs = _spelt_runs(tokens)
        readings = sorted((r for r in runs if len(r) >= MIN_SPELLED), key=len, reverse=True)
        readings += ["".join(runs)] if len(runs) > 1 else []
        for reading in dict.fromkeys(r for r in readings if not r.isdigit() and r != whole):
            named = _whole(match_text(reading))
            if named:
                return _dictated(result, named, reading)
    if said.keys() & tokens and len(tokens) >= 2:
        reading = "".join(said.get(t) or _digit(t) or t for t in tokens)
        answer = match_text(reading) if reading != whole else result
        if (answer.method or "").startswith("exact"):
            return _dictated(result, _named(answer), reading)
    return None


def _whole(answer: MatchResult) -> tuple[Candidate, ...]:
    """The entities an answer names by the whole text it was given, not by a name among its
    other words (``contained``, ``inside``): a reading is a name or nothing."""
    return tuple(c for c in _named(answer) if c.method not in ("contained", "inside"))


def _digit(word: str) -> str:
    spelt = _spelling()[0]
    found = spelt.get(word, "")
    return found if found.isdigit() else ""


def _dictated(result: MatchResult, named: tuple[Candidate, ...], reading: str) -> MatchResult:
    found = tuple(Candidate(c.entity_id, c.label, 80.0, "dictated") for c in named)
    return _review(result, found, f"dictated, it spells {reading!r}: {found[0].label!r}?")


# --------------------------------------------------------------------------------------------
# Romanisation with tone numbers

_TONED = re.compile(r"(?:[a-z]+[1-6])+")
_TONE_DIGITS = frozenset("123456")


def _may_tone_numbers(index: KeyIndex, query: Query) -> bool:
    """ASCII with a tone number."""
    return query.ascii and not _TONE_DIGITS.isdisjoint(query.characters)


def tone_numbers(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``clean(text)``. Condition: two words or more are syllables each followed by a
    tone number, 1 to 6 (pinyin 'bi4 an1', Jyutping 'fo2 bai6', 'jiao1yi4suo3'), and with the
    numbers taken out the text names a registry entity by any rule (a Cantonese reading, a
    pinyin name, a Chinese name's romanisation), first without the syllables at its end that
    are the pinyin of a Chinese generic word ('jiao1 yi4 suo3', 交易所). A romanisation loses
    the characters: review."""
    if not text.isascii() or _TONE_DIGITS.isdisjoint(text):
        return None
    cleaned = clean(text)
    toned = [w for w in cleaned.split() if _TONED.fullmatch(w)]
    if len(toned) < 2:
        return None
    plain = [
        re.sub(r"(?<=[a-z])[1-6]", "", w) if _TONED.fullmatch(w) else w for w in cleaned.split()
    ]
    generic = _generic_pinyin()
    ends = [k for k in range(1, len(plain)) if "".join(plain[k:]) in generic]
    readings = [" ".join(plain[: ends[0]])] if ends else []  # 'bi an jiao yi suo': 'bi an'
    named: tuple[Candidate, ...] = ()
    for reading in dict.fromkeys([*readings, " ".join(plain)]):
        named = _whole(match_text(reading))
        if named:
            break
    if not named:
        return None
    found = tuple(Candidate(c.entity_id, c.label, 80.0, "tone_numbers") for c in named)
    said = " ".join(plain)
    return _review(result, found, f"reads as {said!r} without its tone numbers")


@functools.cache
def _generic_pinyin() -> frozenset[str]:
    """The pinyin of the Chinese generic words (交易所 'jiaoyisuo', 矿池 'kuangchi')."""
    return frozenset(romanise(w) for w in generic_words().chinese if has_cjk(w))


# --------------------------------------------------------------------------------------------
# A registry name inside a longer word

MIN_INSIDE = 5  # letters of a Latin registry name read inside a longer word
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_NOT_KEY = re.compile(r"[^a-z0-9]+")


def _inside_table(
    index: KeyIndex,
) -> tuple[dict[str, list[tuple[str, Entry]]], dict[str, list[tuple[str, Entry]]], frozenset[str]]:
    """(Latin, Chinese, first characters): the registry's Latin names of ``MIN_INSIDE``
    letters or more (not the pinyin of its Chinese names: syllables stand in many words) by
    their first ``MIN_INSIDE`` letters, its Chinese names of two characters or more by their
    first two, and the first characters of those."""
    latin: dict[str, list[tuple[str, Entry]]] = {}
    for key, e in index.names("latin"):
        if e.entity_id and len(key) >= MIN_INSIDE and key.isascii() and not has_cjk(e.label):
            latin.setdefault(key[:MIN_INSIDE], []).append((key, e))
    chinese: dict[str, list[tuple[str, Entry]]] = {}
    for key, e in index.names("cjk"):
        if e.entity_id and len(key) >= 2 and all(map(is_cjk, key)):
            chinese.setdefault(key[:2], []).append((key, e))
    return latin, chinese, frozenset(key[0] for key in chinese)


def _may_inside(index: KeyIndex, query: Query) -> bool:
    """A registry Chinese name's first character, or a registry Latin name's first letters
    anywhere in the text's letters (the band's own first test); for ASCII text, whose letters
    are its key (held by the words' cache) and hold every word's, a whole name there."""
    names, starts = index.derived("inside_patterns", _inside_patterns)
    text = query.text
    if query.ascii:
        return names.search(compact_key(text)) is not None
    if not index.derived("inside", _inside_table)[2].isdisjoint(to_simplified(text)):
        return True
    return starts.search(_NOT_KEY.sub("", text.lower())) is not None


def _inside_patterns(index: KeyIndex) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns of the Latin names of ``_inside_table``, whole and their first
    ``MIN_INSIDE`` letters."""
    latin = index.derived("inside", _inside_table)[0]
    return any_of(key for found in latin.values() for key, _ in found), any_of(latin)


def inside(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``to_simplified(clean(text))``. Condition, either of:

    - a word of it (what stands between spaces; not a web address), its letters and digits run
      together, holds a registry Latin name of ``MIN_INSIDE`` letters or more ('Binances',
      'imToken-v2.14.1-release.apk', '(Huobi'), whose digits do not run on into others
      ('qkl1234' is another name);
    - a run of Chinese characters (spaces and punctuation between two characters closed up)
      holds a registry Chinese name of three characters or more anywhere, or of two before a
      generic word of ``generic_words_zh`` ('北京火币科技', '在火币网注册'), or as the whole run;
      a name of two in the middle of other characters is too often part of another word
      (平安银行), and a place before it or a legal form after it says nothing ('上海老虎餐饮
      有限公司').

    A name that is an everyday word stands only with a word that corroborates it
    (``names.everyday_name``). A name inside other letters may be part of another word:
    review."""
    latin, chinese, firsts = index.derived("inside", _inside_table)
    ascii_text = text.isascii()
    if ascii_text or firsts.isdisjoint(to_simplified(text)):  # no Chinese name can start
        run = _NOT_KEY.sub("", text.lower())  # every word's letters: a superset of any word's
        if latin.keys().isdisjoint(
            {run[at : at + MIN_INSIDE] for at in range(len(run) - MIN_INSIDE + 1)}
        ):
            return None  # no name starts anywhere: the cheap way out
    folded = clean(text) if ascii_text else to_simplified(clean(text))
    found: list[tuple[str, Entry]] = []
    for word in folded.split():
        if "/" in word:  # a web address: the domain and article rules read it
            continue
        letters = _NOT_KEY.sub("", word)
        for at in range(len(letters) - MIN_INSIDE + 1):
            for key, e in latin.get(letters[at : at + MIN_INSIDE], ()):
                end = at + len(key)
                if (
                    letters.startswith(key, at)
                    and not _digit_beside(letters, key, at, end)
                    and not _another_ending(letters, key, at)
                ):
                    found.append((key, e))
    if not ascii_text and not firsts.isdisjoint(folded):
        closed = re.sub(rf"(?<={_CJK})[\s·・.\-_/:：]+(?={_CJK})", "", folded)
        for run in _CJK_RUN.findall(closed):
            found += _inside_run(run, chinese)
    if not found:
        return None
    tokens = words(folded)
    named = [(k, e) for k, e in found if not everyday_name(core_key(k), tokens)]
    if not named:
        return None
    candidates = tuple(Candidate(e.entity_id, e.label, 80.0, "inside") for _, e in named)
    return _review(result, candidates, f"{named[0][1].label!r} stands inside a longer word")


def _another_ending(letters: str, key: str, at: int) -> bool:
    """True when the word is the name with one more letter at its end, neither a plural's or
    possessive's 's' nor its last letter typed twice ('Coinext', a Brazilian exchange, is no
    CoinEx; 'Binances' and 'Bybitt' are still read): a name of its own."""
    added = letters[-1]
    return (
        at == 0 and len(letters) == len(key) + 1 and added.isalpha() and added not in ("s", key[-1])
    )


def _digit_beside(letters: str, key: str, start: int, end: int) -> bool:
    """True when a digit of the key runs on into a digit beside it ('qkl1234' is another
    name, as 'qkl124' is)."""
    after = end < len(letters) and key[-1].isdigit() and letters[end].isdigit()
    return after or (start > 0 and key[0].isdigit() and letters[start - 1].isdigit())


@functools.cache
def _generic_zh() -> tuple[str, ...]:
    """The Chinese generic words of a platform's kind and trade (data/matching.toml
    ``generic_words_zh``): not places, not legal forms."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    legal = {"有限公司", "有限责任公司", "股份有限公司", "股份公司", "公司", "集团", "控股"}
    return tuple(w for w in data["generic_words_zh"] if w not in legal)


def _inside_run(run: str, chinese: dict[str, list[tuple[str, Entry]]]) -> list[tuple[str, Entry]]:
    """The registry Chinese names in a run of characters (see ``inside``)."""
    generic = _generic_zh()
    out = []
    for at in range(len(run) - 1):
        for key, e in chinese.get(run[at : at + 2], ()):
            if not run.startswith(key, at):
                continue
            end = at + len(key)
            before, after = run[:at], run[end:]
            if len(key) >= 3 or not (before or after) or any(map(after.startswith, generic)):
                out.append((key, e))
    return out


# --------------------------------------------------------------------------------------------
# One character of a Chinese name misread or mistyped

MIN_ONE_CHARACTER = 3  # characters of a Chinese name read with one character changed
MAX_ONE_CHARACTER = 6  # ... a name alone: not a company's full name with its place and form


def _one_character_table(index: KeyIndex) -> dict[str, list[Entry]]:
    """Every registry Chinese name of ``MIN_ONE_CHARACTER`` characters or more with one
    character replaced by '?' ('富途?牛'; not the first of three), to its entries."""
    from exitcheck.matching.context import _prefixes

    table: dict[str, list[Entry]] = {}
    for key in index.derived("context", _prefixes)[2]:
        if len(key) < MIN_ONE_CHARACTER or not all(map(is_cjk, key)):
            continue
        entries = [e for e in index.exact(key) or index.folded(key) if e.entity_id][:1]
        for at in range(len(key) if entries else 0):
            # the first of three only where it looks alike (one_character): 新世界, 莱特币
            table.setdefault(key[:at] + "?" + key[at + 1 :], []).extend(entries)
    return table


def _may_one_character(index: KeyIndex, query: Query) -> bool:
    """Chinese characters, two to ``MAX_ONE_CHARACTER`` characters of key in all."""
    return query.cjk and 2 <= len(compact_key(query.text)) <= MAX_ONE_CHARACTER


def one_character(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``to_simplified`` of the text's words run together. Condition: it is Chinese
    characters only, ``MIN_ONE_CHARACTER`` to ``MAX_ONE_CHARACTER`` of them, and is a registry
    Chinese name with one character changed, the others in place ('富徐牛牛' for 富途牛牛,
    '云币冈' for 云币网, '星火矿地' for 星火矿池), not into a generic word (蚂蚁矿池 is not
    蚂蚁矿机): a character misread by a scan (they look alike) or picked wrong by an input
    method. A name of two characters is read so only when alone (``_two_characters``), and
    a name of three with another first character only when that one looks alike (韭小号 for
    非小号; 新世界 is not 币世界, 莱特币 not 比特币); not a company's full name
    (北京火星天下网络技术有限公司: a registered name one character apart is another
    company). Review."""
    if text.isascii() or not has_cjk(text):
        return None
    form = to_simplified("".join(words(text)))
    if len(form) == 2 and all(map(is_cjk, form)):
        return _two_characters(index, result, form)
    if not MIN_ONE_CHARACTER <= len(form) <= MAX_ONE_CHARACTER or not all(map(is_cjk, form)):
        return None
    table = index.derived("one_character", _one_character_table)
    found = [
        e
        for at in range(len(form))
        for e in table.get(form[:at] + "?" + form[at + 1 :], [])
        if len(core_key(form)) >= len(core_key(e.label))  # not 矿机 made 矿池, a generic word
        and (at or len(form) > MIN_ONE_CHARACTER or looks_alike(form[0], to_simplified(e.label)[0]))
    ]
    if not found:
        return None
    named = tuple(Candidate(e.entity_id, e.label, 70.0, "one_character") for e in found)
    return _review(result, named, f"{named[0].label!r} with one character changed?")


@functools.cache
def _components() -> dict[str, str]:
    """data/components_zh.txt (generated by tools/components_zh.py): each common Chinese
    character to the parts it is written with."""
    from exitcheck.datafiles import data_file

    lines = data_file("components_zh.txt").read_text(encoding="utf-8").splitlines()
    return {line[0]: line[1:] for line in lines if line and not line.startswith("#")}


def looks_alike(a: str, b: str) -> bool:
    """True when two Chinese characters are written with a part in common (市 and 币: 巾; 根
    and 银: 艮; 他 and 池: 也), or one is a part of the other (卬 in 印, 女 in 安): what a scan
    misreads, or a hand misshapes. 车 and 币, 锅 and 币 are not alike."""
    if a == b:
        return True
    parts = _components()
    of_a, of_b = parts.get(a, ""), parts.get(b, "")
    return a in of_b or b in of_a or not set(of_a).isdisjoint(of_b)


def _two_character_table(index: KeyIndex) -> dict[str, list[Entry]]:
    """Every registry Chinese name of two characters with one of them replaced by '?' ('火?',
    '?币'), to its entries."""
    table: dict[str, list[Entry]] = {}
    for _, e in index.names("cjk"):
        key = to_simplified(e.label)
        if not e.entity_id or len(key) != 2 or not all(map(is_cjk, key)):
            continue
        for masked in (key[0] + "?", "?" + key[1]):
            entries = table.setdefault(masked, [])
            entries += [] if any(x.entity_id == e.entity_id for x in entries) else [e]
    return table


def _two_characters(index: KeyIndex, result: MatchResult, form: str) -> MatchResult | None:
    """A cell that is two Chinese characters and nothing else ('大币', '链闰', '魚他'), one of
    them a registry name's and in its place, the other one that ``looks_alike`` the name's:
    a character misread by a scan or misshapen by a hand (市 for 币, 闰 for 闻). One
    character in common is little: the other must look alike (火车, 火锅 are not 火币), the
    answer is review, with every registry name that fits, and only for a cell that is
    nothing else: a company's name around two such characters ('小米科技有限公司',
    '北京银行') is another company."""
    table = index.derived("two_characters", _two_character_table)
    found = [
        e
        for at, masked in ((1, form[0] + "?"), (0, "?" + form[1]))
        for e in table.get(masked, [])
        if looks_alike(form[at], to_simplified(e.label)[at])
    ]
    if not found:
        return None
    named = tuple(Candidate(e.entity_id, e.label, 60.0, "one_character") for e in found)
    return _review(result, named, f"{named[0].label!r} with one character changed?")


# --------------------------------------------------------------------------------------------
# A name abbreviated by leaving letters out

MIN_ABBREVIATED = 5  # letters of the query's key
ABBREVIATED_SHARE = 0.5  # ... that keeps this share of the name's letters at least


def _ends_table(index: KeyIndex) -> dict[str, list[tuple[str, Entry]]]:
    """The distinctive parts of the registry's Latin names (not the pinyin of Chinese ones:
    'Loopring Wallet' is 'loopring') by their first and last letters."""
    table: dict[str, list[tuple[str, Entry]]] = {}
    for _, e in index.names("latin"):
        key = core_key(e.label)
        if not e.entity_id or len(key) <= MIN_ABBREVIATED or has_cjk(e.label):
            continue
        if (key, e) not in table.get(key[0] + key[-1], []):
            table.setdefault(key[0] + key[-1], []).append((key, e))
    return table


def _ends_lengths(index: KeyIndex) -> dict[str, tuple[int, int]]:
    """The shortest and longest name of ``_ends_table`` by their first and last letters."""
    table = index.derived("abbreviated", _ends_table)
    return {
        ends: (min(len(key) for key, _ in names), max(len(key) for key, _ in names))
        for ends, names in table.items()
    }


def _kept_in(short: str, key: str) -> bool:
    """True when ``short`` is ``key`` with letters left out, in order ('coinmktcap')."""
    letters = iter(key)
    return all(ch in letters for ch in short)


def _may_abbreviated(index: KeyIndex, query: Query) -> bool:
    """A registry Latin name has the key's first and last letters and a length the key can
    abbreviate."""
    key = query.key
    if len(key) < MIN_ABBREVIATED:
        return False
    lengths = index.derived("abbreviated_lengths", _ends_lengths).get(key[0] + key[-1])
    return lengths is not None and lengths[0] < len(key) * 2 + 1 and len(key) < lengths[1]


def abbreviated(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads ``key``, the Latin query's ``compact_key`` without generic words. Condition: it
    has ``MIN_ABBREVIATED`` letters or more, and it is a registry Latin name with letters left
    out ('CoinMktCap', 'Trdg View'): the same first and last letters, the others in order,
    ``ABBREVIATED_SHARE`` of the name's letters kept at least, not only its start ('Bright'
    of Bright Smart is cut short, not abbreviated). A name written short, as a
    field too narrow or a note writes it: review."""
    key = _distinctive(text)
    if len(key) < MIN_ABBREVIATED or not key.isascii() or not key.isalnum():
        return None
    names = index.derived("abbreviated", _ends_table).get(key[0] + key[-1], [])
    found = [
        Candidate(e.entity_id, e.label, round(100.0 * len(key) / len(name), 1), "abbreviated")
        for name, e in names
        if len(name) > len(key) >= ABBREVIATED_SHARE * len(name)
        and not name.startswith(key)  # a start is cut short: the truncated band's
        and _kept_in(key, name)
    ]
    if not found:
        return None
    return _review(result, tuple(found), f"{found[0].label!r} with letters left out?")


# --------------------------------------------------------------------------------------------
# A Chinese name translated word for word

MAX_TRANSLATED_WORDS = 6  # words of a translated name (more than 3: in their order only)


@functools.cache
def _glosses() -> dict[str, tuple[str, ...]]:
    """An English word to the Chinese characters or words it translates (data/matching.toml
    ``glosses_zh``)."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for chinese, english in data["glosses_zh"].items():
        for word in english.split():
            out.setdefault(word, []).append(chinese)
    return {word: tuple(pieces) for word, pieces in out.items()}


@functools.cache
def _gloss_starts() -> frozenset[str]:
    """The first three letters of every gloss (a word of two letters is its own start)."""
    return frozenset(word[:3] for word in _glosses())


def _translations(word: str) -> tuple[str, ...]:
    """What one word translates: itself a gloss, or two run together ('firecoin')."""
    glosses = _glosses()
    found = glosses.get(word)
    if found is not None:
        return found
    if word.isdigit():  # a number stays a number ('Blockchain 123': 区块链123)
        return (word,)
    return tuple(
        a + b
        for cut in range(2, len(word) - 1)
        for a in glosses.get(word[:cut], ())
        for b in glosses.get(word[cut:], ())
    )


def _core_hits(index: KeyIndex, key: str) -> list[Entry]:
    """The registry names a translation is once its Chinese places and generic words are
    peeled ('Beijing Fire Coin World Network Technology': 北京火币天下网络技术 -> 火币天下)."""
    core = core_key(key)
    return index.exact(core) if core != key and len(core) >= 2 else []


def _may_translated(index: KeyIndex, query: Query) -> bool:
    """ASCII, and every word that must translate (after an article, those without generic
    words, else all, and ``MAX_TRANSLATED_WORDS`` at most) is a number, a gloss or starts as
    one (two run together). ``translated_whole``'s too: it translates every word."""
    if not query.ascii:
        return False
    tokens = words(query.text)
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    said = strip_generic(tokens) or tokens
    if not said or len(said) > MAX_TRANSLATED_WORDS:
        return False
    glosses, starts = _glosses(), _gloss_starts()
    return all(w in glosses or w.isdigit() or w[:3] in starts or w[:2] in starts for w in said)


def translated(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """See ``_translated``: the query's words, all of them, else without generic words."""
    return _translated(index, result, text, whole=False)


def translated_whole(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """The one band asked of a query that holds another platform's name ('Bitcoin China':
    'Bitcoin'; 'Matcha exchange': 0x's Matcha): ``_translated`` with every word translated,
    generic words too, into a registry Chinese name (比特币中国, 抹茶交易所). Another
    platform's name explains some of the words; a translation that explains all of them
    is as likely: review, with the registry's name."""
    return _translated(index, result, text, whole=True)


def _translated(
    index: KeyIndex, result: MatchResult, text: str, *, whole: bool
) -> MatchResult | None:
    """Reads the Latin query's words, all of them, else without generic words. Condition:
    one to ``MAX_TRANSLATED_WORDS`` words, each an English word that translates a character
    or word of the registry's Chinese names (``glosses_zh``: 'fire' 火, 'coin' 币, 'open'
    开门) or two such run together ('Firecoin'), and put together, in their order or another
    ('Open Sesame': 芝麻开门), the translations are a registry Chinese name ('Fire Coin
    exchange', 'Rich Road Securities', 'Not Small Number'). Another word that is not generic
    ('Open Sesame Bakery', 'Fish Pond Aquaculture') or a company's word ('Holdings', 'Ltd')
    means another business; a name that is an everyday word (鱼池) needs a word that
    corroborates it ('Fish Pond mining pool'). A translation is not the name: review."""
    if not text.isascii():
        return None
    tokens = words(text)
    if len(tokens) > 1 and tokens[0] == "the":  # an article ('the fire coin exchange'), as
        tokens = tokens[1:]  # 'the' in 'The Fire Coin Company' is no company's word either
    glosses = _glosses()
    if not _not_kind().isdisjoint(tokens):
        return None  # a company's word ('Holdings', 'Ltd')
    if glosses.keys().isdisjoint(tokens) and _gloss_starts().isdisjoint(w[:3] for w in tokens):
        return None  # no word translates, nor starts as one that does ('firecoin')
    core = strip_generic(tokens)
    found: list[tuple[str, Entry]] = []
    for said in dict.fromkeys([tuple(tokens)] if whole else [tuple(tokens), tuple(core)]):
        if not said or len(said) > MAX_TRANSLATED_WORDS:
            continue
        choices = [_translations(w) for w in said]
        if not all(choices):
            continue
        orders = itertools.permutations(choices) if len(said) <= 3 else [choices]
        for order in orders:
            for pieces in itertools.islice(itertools.product(*order), 256):
                key = "".join(pieces)
                if len(key) >= 2 and not everyday_name(core_key(key), tokens):
                    hits = index.exact(key) or index.folded(key) or _core_hits(index, key)
                    found += [(key, e) for e in hits if e.entity_id]
        if found:
            break
    if not found:
        return None
    named = tuple(Candidate(e.entity_id, e.label, 70.0, "translated") for _, e in found)
    return _review(result, named, f"translated word for word, it reads as {named[0].label!r}")


def sound_first(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """An answer sent to review only for spellings that are no usual slip ('Coin Ecks' and
    CoinGecko, 'Fu Bai exchange' and Baidu), with a registry name that the text is a reading
    of, or sounds as (``cantonese``, ``sounds_like``, ``heard_syllables``: CoinEx, 库币): that
    name first, then the others, when it was not first already. Still review."""
    first = result.candidates[0].entity_id if result.candidates else None
    for band in (cantonese, sounds_like, heard_syllables):
        found = band(index, result, text, lambda part: result)
        if found is not None and found.candidates and found.candidates[0].entity_id != first:
            candidates = _merge_in_order(found.candidates, result.candidates)
            return ambiguous(result.query, result.normalized, candidates, found.reason)
    return None


def _merge_in_order(*groups: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    from exitcheck.matching.review import in_order

    return in_order(*groups)


# --------------------------------------------------------------------------------------------
# A name quoted inside a longer text

MAX_QUOTED_WORDS = 5
_QUOTES = frozenset('"\u201c\u201d\u300c\u300d\u300e\u300f\u00ab\u00bb\u2018\u2019')
_QUOTED = re.compile(
    r'"([^"]{2,80})"|\u201c([^\u201c\u201d]{2,80})\u201d|\u300c([^\u300c\u300d]{1,40})\u300d'
    r"|\u300e([^\u300e\u300f]{1,40})\u300f|\u00ab([^\u00ab\u00bb]{2,80})\u00bb"
    r"|(?<![\w])\u2018([^\u2018\u2019]{2,80})\u2019(?![\w])"
)


def _may_quoted(index: KeyIndex, query: Query) -> bool:
    """A quotation mark."""
    return not _QUOTES.isdisjoint(query.characters)


def quoted(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads a span in quotation marks (straight or curly double quotes, curly single ones
    around words, 「」, 『』, « ») inside a longer text: 'Customer mentioned "the fire coin
    exchange" as the source', '"Fire Coin" (trans.)'. Condition: the span has one to
    ``MAX_QUOTED_WORDS`` words and is not the whole text, and by every rule, the bands
    included, it names a registry entity. Someone quoted a name as it was said or written:
    review, never more."""
    if _QUOTES.isdisjoint(text):
        return None
    whole = compact_key(text)
    for found in _QUOTED.finditer(text):
        span = next(group for group in found.groups() if group is not None)
        if not 1 <= len(words(span)) <= MAX_QUOTED_WORDS or compact_key(span) == whole:
            continue
        if _a_code(span):  # '"country": "SG"': a field's code, not a name
            continue
        outside = words(text[: found.start()] + " " + text[found.end() :])
        if not strip_generic(outside):  # 'ООО «Кабанов»': the quoted part is the whole name,
            continue  # which the steps before read with its legal form
        named = _named(match_text(span))
        if named:
            return _review(result, named, f"{span.strip()!r}, quoted in the text, names it")
    return None


def _a_code(span: str) -> bool:
    """True when a quoted span is a country's ISO code in capitals ('SG', 'ARE')."""
    from exitcheck.matching.context import _vocab

    code = span.strip()
    return code.isupper() and code.isalpha() and code.casefold() in _vocab()["country_codes"]


# --------------------------------------------------------------------------------------------
# A Chinese name heard and written down as English syllables

_PINYIN_INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcsyw")
_HEARD_INITIALS = ("zh", "ch", "sh", "wh", "ph", "hs", "dj", "ts", "dz", *"bpmfdtnlgkhjqxrzcsyw")
# an initial as heard: the sounds an English listener does not tell apart are one class
_INITIAL_CLASS = {
    "zh": "j", "dj": "j", "q": "ch", "x": "sh", "hs": "sh", "dz": "z", "ts": "c",
    "wh": "h", "ph": "f",
}  # fmt: skip
_PINYIN_FINALS = {
    "i": "i", "u": "u", "v": "u", "a": "a", "o": "o", "uo": "o", "e": "e", "ai": "ai",
    "ei": "ei", "ui": "ei", "ao": "ao", "ou": "ou", "ia": "ia", "ie": "ie", "iao": "iao",
    "iu": "iu", "ua": "ua", "uai": "ai", "an": "an", "en": "en", "ang": "ang", "eng": "eng",
    "ong": "ong", "in": "in", "ing": "ing", "ian": "ien", "un": "un", "uan": "uan",
    "iang": "iang", "iong": "ong", "er": "er", "ue": "ie",
}  # fmt: skip
# the English spellings of a final, each with the finals it may stand for
_HEARD_FINALS = {
    "ee": "i", "ea": "i", "ie": "i ai", "i": "i", "y": "i ai", "e": "i e", "ey": "ei i",
    "oo": "u", "u": "u", "ue": "u ie", "ew": "iu u", "eu": "iu", "ou": "u ou",
    "o": "u o ou", "oe": "ou o", "oh": "o ou", "ow": "ao ou", "wo": "o", "uo": "o", "aw": "o",
    "or": "o", "a": "a", "ah": "a", "ar": "a", "ay": "ei", "ai": "ai ei", "ei": "ei",
    "eigh": "ei", "ye": "ai", "aye": "ai", "igh": "ai", "uy": "ai", "ao": "ao", "au": "ao",
    "iao": "iao", "eow": "iao", "iow": "iao", "yao": "iao", "an": "an", "ahn": "an",
    "en": "en ien", "un": "un en", "ang": "ang", "eng": "eng", "ung": "ong eng", "ong": "ong",
    "in": "in", "een": "in", "ing": "ing", "ian": "ien", "ien": "ien", "yen": "ien",
    "uan": "uan", "wan": "uan", "er": "er e", "ur": "er e", "uh": "e a", "ia": "ia",
    "ya": "ia", "ieh": "ie", "yeh": "ie", "iu": "iu", "yo": "iu ou", "ui": "ei",
}  # fmt: skip


def _initial_of(syllable: str, initials: tuple[str, ...]) -> tuple[str, str]:
    """(initial, final) of a syllable: its leading consonants as ``initials`` spell them."""
    for initial in initials:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return initial, syllable[len(initial) :]
    return "", syllable


def _pinyin_sound(syllable: str) -> tuple[str, str] | None:
    initial, final = _initial_of(syllable, _PINYIN_INITIALS)
    final_class = _PINYIN_FINALS.get(final)
    if final_class is None:
        return None
    return _INITIAL_CLASS.get(initial, initial), final_class


@functools.lru_cache(maxsize=4096)  # names reuse a few words: each is read once
def _heard_sounds(word: str) -> tuple[list[str], frozenset[str]] | None:
    """(initials, finals) a word written as heard may stand for ('jee': zh or j, and i;
    'coo': k, and u); None for a word that is no syllable."""
    initial, final = _initial_of(word, _HEARD_INITIALS)
    finals = _HEARD_FINALS.get(final)
    if finals is None:
        return None
    if initial == "c":  # hard before a, o, u ('coo'), soft before e, i, y
        heard = ["k"] if final[0] in "aou" else ["s"]
    elif initial == "g" and final[0] in "eiy":
        heard = ["g", "j"]
    else:
        heard = [_INITIAL_CLASS.get(initial, initial)]
    return heard, frozenset(finals.split())


def _syllables_table(index: KeyIndex) -> dict[tuple[str, ...], list[tuple[tuple[str, ...], Entry]]]:
    """The registry's Chinese names (whole, and their distinctive part) of two characters or
    more, as the sounds of their pinyin syllables: initials -> (finals, entry)."""
    table: dict[tuple[str, ...], list[tuple[tuple[str, ...], Entry]]] = {}
    for _, e in index.names("cjk"):
        if not e.entity_id:
            continue
        simplified = to_simplified(compact_key(e.label))
        for form in dict.fromkeys([simplified, "".join(strip_generic([simplified]))]):
            if not 2 <= len(form) <= MAX_HEARD_SYLLABLES or not all(map(is_cjk, form)):
                continue
            sounds = [_pinyin_sound(romanise(ch)) for ch in form]
            if all(sounds):
                sound_initials = tuple(sound[0] for sound in sounds if sound)
                finals = tuple(sound[1] for sound in sounds if sound)
                table.setdefault(sound_initials, []).append((finals, e))
    return table


MAX_HEARD_SYLLABLES = 4


@functools.cache
def _fillers() -> frozenset[str]:
    return frozenset(_data()["spoken_fillers"])


def _may_heard_syllables(index: KeyIndex, query: Query) -> bool:
    """ASCII, and two to ``MAX_HEARD_SYLLABLES`` words of letters once generic words and
    fillers are set aside, each a syllable as heard (the band's own first tests; each word's
    sounds are read once)."""
    if not query.ascii:
        return False
    fillers = _fillers()
    said = [w for w in strip_generic(words(query.text)) if w not in fillers]
    return (
        2 <= len(said) <= MAX_HEARD_SYLLABLES
        and all(w.isalpha() for w in said)
        and all(_heard_sounds(w) is not None for w in said)
    )


def heard_syllables(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the Latin query's words without generic words and the fillers of speech ('uh',
    'um'). Condition: two to ``MAX_HEARD_SYLLABLES`` words, each an English spelling of one
    syllable ('who', 'bee', 'shiao'), that stand one for one for the pinyin syllables of a
    registry Chinese name, by sound: initials an English ear does not tell apart (zh and j,
    x and sh, q and ch) and the spellings of a final ('ee' for i, 'ow' for ao, 'y' for ai):
    'fay shiao how' for 非小号, 'jee hoo' for 知乎, 'by do' for 百度. A name written as it was
    heard on a call or in a recording: review."""
    if not text.isascii():
        return None
    fillers = _fillers()
    said = [w for w in strip_generic(words(text)) if w not in fillers]
    if not 2 <= len(said) <= MAX_HEARD_SYLLABLES or not all(w.isalpha() for w in said):
        return None
    heard = []
    for w in said:  # most names hold a word that is no syllable: stop at the first
        sound = _heard_sounds(w)
        if sound is None:
            return None
        heard.append(sound)
    table = index.derived("syllables", _syllables_table)
    found: list[Entry] = []
    for heard_initials in itertools.product(*(sound[0] for sound in heard)):
        for finals, e in table.get(heard_initials, []):
            if all(f in sound[1] for f, sound in zip(finals, heard, strict=True)):
                found.append(e)
    if not found:
        return None
    named = tuple(Candidate(e.entity_id, e.label, 70.0, "heard_syllables") for e in found)
    return _review(result, named, f"heard and written down, it sounds as {named[0].label!r} does")


def _may_spoken_parts(index: KeyIndex, query: Query) -> bool:
    """ASCII with a comma and a filler of speech (the band's own first test)."""
    text = query.text
    return query.ascii and "," in text and not _fillers().isdisjoint(words(text))


def spoken_parts(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads a transcript of speech: a text with a filler of speech ('uh', 'um') among its
    words, cut at its commas ('uh, bye nance, the crypto one'). Condition: a part, fillers
    and generic words set aside, sounds as a registry name does (``sounds_like``,
    ``heard_syllables``). Review."""
    if "," not in text or not text.isascii() or _fillers().isdisjoint(words(text)):
        return None
    for part in text.split(","):
        kept = [w for w in words(part) if w not in _fillers()]
        if not strip_generic(kept) or len(kept) == len(words(text)):
            continue
        spoken = " ".join(kept)
        found = sounds_like(index, result, spoken, match_text) or heard_syllables(
            index, result, spoken, match_text
        )
        if found is not None:
            return found
    return None


# --------------------------------------------------------------------------------------------
# A name in katakana or hangul run on into the words around it

_KATAKANA = "\u30a1-\u30fa\u30fb\u30fc\uff66-\uff9f"
_JAPANESE_AROUND = "\u3001-\u303f\u3041-\u309f\u3400-\u9fff\uff08\uff09"  # kana, kanji, 「」（）
# a katakana run of two or more with hiragana, a kanji or Japanese punctuation beside it
_KATAKANA_RUN = re.compile(
    rf"(?<=[{_JAPANESE_AROUND}])[{_KATAKANA}]{{2,}}|[{_KATAKANA}]{{2,}}(?=[{_JAPANESE_AROUND}])"
)
MAX_SCRIPT_PIECES = 8  # pieces of one text read on their own
MIN_HANGUL_PIECE = 3  # syllables of a hangul piece (two are a Korean word as often: 푸른, 비전)
MIN_PIECE_SPELLING = 55.0  # a piece's reading spelt this close to the name (other_script's score)


@functools.cache
def _hangul_particle() -> re.Pattern[str]:
    """A hangul word of ``MIN_HANGUL_PIECE`` syllables or more before the longest Korean
    particle that ends it (data/matching.toml ``particles_ko``)."""
    particles = sorted(_data()["particles_ko"], key=len, reverse=True)
    ending = "|".join(map(re.escape, particles))
    word = "\uac00-\ud7a3"
    return re.compile(rf"(?<![{word}])([{word}]{{{MIN_HANGUL_PIECE},}}?)(?:{ending})(?![{word}])")


def _may_script_runs(index: KeyIndex, query: Query) -> bool:
    """A katakana run with hiragana or a kanji beside it, or a hangul word that a Korean
    particle ends (the band's own first tests)."""
    if query.ascii:
        return False
    text = query.text
    return _KATAKANA_RUN.search(text) is not None or _hangul_particle().search(text) is not None


def _script_pieces(text: str) -> list[str]:
    """The katakana runs of a text that hiragana or a kanji is run on to (Japanese runs its
    words together and writes a loanword in katakana: 'バイナンス' of 'バイナンスから出金'), and its
    hangul words with the longest Korean particle that ends them set aside ('바이낸스' of
    '바이낸스에서')."""
    pieces = _KATAKANA_RUN.findall(text) + _hangul_particle().findall(text)
    whole = text.strip()
    return [piece for piece in dict.fromkeys(pieces) if piece != whole][:MAX_SCRIPT_PIECES]


def _begins_alike(said: str, key: str) -> bool:
    """True when a name as read and a registry key begin with the same letter as it sounds
    ('fobi' and 'huobi': f is h) and the same two consonants (``names.sound_key``)."""
    return (
        bool(key)
        and _first_sound(said) == _first_sound(key)
        and sound_key(said)[:2] == sound_key(key)[:2]
    )


def script_runs(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads a Japanese or Korean text whose words run on into a name written in katakana or
    hangul. Condition: a katakana run of two characters or more with hiragana or a kanji run
    on to it, or a hangul word with the longest Korean particle that ends it
    (data/matching.toml ``particles_ko``) set aside, reads as a registry name written in another script (``review.other_script``:
    transliterated, looked up exactly, compared by spelling and by sound): 'バイナンスから出金',
    '쿠코인으로 송금'. A word among others is held closer than a name alone: a hangul piece
    has ``MIN_HANGUL_PIECE`` syllables at least (``_hangul_particle``), its reading is spelt within
    ``MIN_PIECE_SPELLING`` of the name, and the registry name begins as the piece does (``_begins_alike``: '다올' is not ODAILY, '이지후' not Zhihu). Review, as the name
    alone is."""
    from anyascii import anyascii

    from exitcheck.matching.review import _kana_spelling, other_script

    for piece in _script_pieces(text):
        found = other_script(index, result, piece)
        if found is None:
            continue
        said = compact_key(anyascii(_kana_spelling(piece))) or "-"
        named = tuple(
            c
            for c in found.candidates
            if c.score >= MIN_PIECE_SPELLING and _begins_alike(said, core_key(c.label))
        )
        if named:
            return _review(result, named, found.reason)
    return None


# --------------------------------------------------------------------------------------------
# One letter slipped, or letters doubled, in a registry name among other words

MIN_SLIP = 5  # letters of a registry name read with one letter slipped (5: two swapped only)
MIN_SLIP_CHANGED = 6  # ... with one letter changed or added
MIN_SLIP_DROPPED = 9  # ... with one letter left out, with no word of the platform's kind
MIN_DOUBLED = 4  # letters of a registry name read with its letters doubled
_VOWELS = frozenset("aeiou")


def _one_out(word: str) -> set[str]:
    """The word with one letter left out, each way."""
    return {word[:at] + word[at + 1 :] for at in range(len(word))}


def _runs_closed(word: str) -> str:
    """The word with each run of one letter written once ('binnanccee' -> 'binance')."""
    return "".join(ch for at, ch in enumerate(word) if at == 0 or word[at - 1] != ch)


def _slip_table(
    index: KeyIndex,
) -> tuple[dict[str, list[tuple[str, Entry]]], dict[str, list[tuple[str, Entry]]], frozenset[str]]:
    """(one out, runs closed, keys): the registry's distinctive Latin names of ``MIN_SLIP``
    letters or more (not the pinyin of its Chinese names, not everyday words, not generic
    words), by each form with one letter left out and by the name itself; those of
    ``MIN_DOUBLED`` letters or more by their runs closed; and every Latin key."""
    everyday = everyday_names()
    generic = generic_words().latin
    out: dict[str, list[tuple[str, Entry]]] = {}
    closed: dict[str, list[tuple[str, Entry]]] = {}
    keys = []
    for key, e in index.names("latin"):
        keys.append(key)
        if not e.entity_id or has_cjk(e.label) or not key.isalpha() or not key.isascii():
            continue
        if key in everyday or key in generic or core_key(e.label) in everyday:
            continue
        if len(key) >= MIN_DOUBLED and (key, e) not in closed.get(_runs_closed(key), []):
            closed.setdefault(_runs_closed(key), []).append((key, e))
        if len(key) < MIN_SLIP:
            continue
        for form in {key} | _one_out(key):
            if (key, e) not in out.get(form, []):
                out.setdefault(form, []).append((key, e))
    return out, closed, frozenset(keys)


def _slipped(key: str, word: str, kind: bool) -> bool:
    """True when ``word`` is the registry name ``key`` with one letter slipped (a slip of the
    hand or ear, ``slips.is_slip``): two beside each other swapped, one changed or one typed
    twice (``MIN_SLIP_CHANGED`` letters), one left out (``MIN_SLIP_DROPPED``, or
    ``MIN_SLIP_CHANGED`` with a word of the platform's kind)."""
    from rapidfuzz.distance import OSA

    from exitcheck.matching.slips import is_slip

    if word == key or OSA.distance(word, key, score_cutoff=1) > 1 or not is_slip(word, key):
        return False  # 'Bitmark' is not BitMart: t and k are no slip of the hand or ear
    if len(word) == len(key) and sorted(word) == sorted(key):
        return True  # two letters swapped
    if len(word) < len(key):
        return len(key) >= (MIN_SLIP_CHANGED if kind else MIN_SLIP_DROPPED)
    return len(key) >= MIN_SLIP_CHANGED


@functools.lru_cache(maxsize=64)
def _slips(index: KeyIndex, text: str) -> tuple[tuple[str, Entry], ...]:
    """(registry name, entry) of each word of the text that is a registry name with one
    letter slipped or its letters doubled (see ``slip_in_text``)."""
    from exitcheck.matching.slips import short_part_changed

    keys = index.derived("slips", _slip_table)[2]
    common = _common_words()
    tokens = words(text)
    found: list[tuple[str, Entry]] = []
    kind: bool | None = None
    for word in tokens:
        if len(word) < MIN_DOUBLED or word in common or word in keys:
            continue
        if not word.isascii() or not word.isalpha():
            continue
        doubled, near = _near_word(index, word)
        if not (near or doubled):
            continue
        if kind is None:
            kind = not _kind_words().isdisjoint(tokens)
        found += doubled
        found += [
            (k, e)
            for k, e in near
            if _slipped(k, word, kind) and not short_part_changed(word, k, e.label)
        ]
    return tuple(dict.fromkeys(found))


_DOUBLE = re.compile(r"(.)\1")


@functools.lru_cache(maxsize=8192)
def _near_word(
    index: KeyIndex, word: str
) -> tuple[tuple[tuple[str, Entry], ...], tuple[tuple[str, Entry], ...]]:
    """(doubled, near) for one word of letters: the registry names of ``_slip_table`` whose
    letters it doubles twice or more, and those one letter left out of it or of them makes
    the same (to be told apart by ``_slipped``). Words repeat from name to name: kept."""
    table, closed, _ = index.derived("slips", _slip_table)
    doubled: list[tuple[str, Entry]] = []
    if _DOUBLE.search(word):
        doubled = [(k, e) for k, e in closed.get(_runs_closed(word), ()) if len(word) > len(k) + 1]
    near: list[tuple[str, Entry]] = []
    if len(word) >= MIN_SLIP - 1:
        for form in (word, *_one_out(word)):
            near += table.get(form, ())
    return tuple(doubled), tuple(dict.fromkeys(near))


@functools.cache
def _kind_words() -> frozenset[str]:
    return frozenset(_data()["slip_kind_words"])


@functools.cache
def _common_words() -> frozenset[str]:
    from exitcheck.matching.context import _common_words as common

    return common()


def _may_slip_in_text(index: KeyIndex, query: Query) -> bool:
    """A word of the text is a registry name with one letter slipped or letters doubled:
    the band's own test, made once for the text (set look-ups of the word's forms)."""
    return bool(_slips(index, query.text))


def slip_in_text(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the words of the text (``words``: letters and digits, lower case), each on its
    own: a registry name among other words, written with a slip the rules before read only
    in a name alone ('Payment to Binanse Ltd ref 22341', 'Paid to Huboi account 7712').
    Condition: a word of letters, not an everyday word (data/common_words.txt) nor a registry
    key, is a registry Latin name that is no everyday word and no pinyin with one letter
    slipped (``_slipped``: two swapped, one changed, added or left out, the name long enough
    for each), or with its letters doubled twice or more ('Binnanccee'). Review."""
    found = _slips(index, text)
    if not found:
        return None
    candidates = tuple(Candidate(e.entity_id, e.label, 80.0, "slip_in_text") for _, e in found)
    return _review(result, candidates, f"{found[0][1].label!r} with a letter slipped?")


# --------------------------------------------------------------------------------------------
# A registry name written without its vowels

MIN_CONSONANTS = 4  # letters of a registry name's consonants, written as one word
MIN_VOWELS_OUT = 2  # ... with this many vowels left out at least


def _consonants(key: str) -> str:
    return "".join(ch for ch in key if ch not in _VOWELS)


def _consonants_table(index: KeyIndex) -> dict[str, list[Entry]]:
    """The consonants of the distinctive Latin names of ``_slip_table`` with ``MIN_VOWELS_OUT``
    vowels or more, and ``MIN_CONSONANTS`` consonants or more ('bnnc' of binance)."""
    table: dict[str, list[Entry]] = {}
    slips = index.derived("slips", _slip_table)[0]
    for key, e in {pair for found in slips.values() for pair in found}:
        written = _consonants(key)
        if len(key) - len(written) < MIN_VOWELS_OUT or len(written) < MIN_CONSONANTS:
            continue  # 'ybtc' of YoBTC: a ticker's letters as often as a name's
        if e not in table.get(written, []):
            table.setdefault(written, []).append(e)
    return table


def _may_vowels_left_out(index: KeyIndex, query: Query) -> bool:
    """A word of the text is a key of ``_consonants_table`` (a set look-up a word)."""
    table = index.derived("consonants", _consonants_table)
    return not table.keys().isdisjoint(words(query.text))


def vowels_left_out(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the words of the text, each on its own ('Bnnc withdrawal 300 USDT', 'Btgt Ltd').
    Condition: a word is the consonants of a registry Latin name that is no everyday word
    and no pinyin, four at least, in their order, every vowel left out, as a short message
    or a narrow field writes a name (``abbreviated`` reads a name alone with some letters
    left out, its last kept). Review."""
    table = index.derived("consonants", _consonants_table)
    found = [e for word in words(text) for e in table.get(word, ())]
    if not found:
        return None
    candidates = tuple(
        Candidate(
            e.entity_id,
            e.label,
            100.0 * len(_consonants(core_key(e.label))) / max(len(core_key(e.label)), 1),
            "abbreviated",
        )
        for e in found
    )
    return _review(result, candidates, f"{found[0].label!r} with letters left out?")


# --------------------------------------------------------------------------------------------
# A name written with its last words first, after a comma

MAX_INVERTED_WORDS = 3  # words of each side of the comma


def _inverted_keys(text: str) -> tuple[str, ...]:
    """The keys of a text of two parts about one comma, written the other way round ('Brokers,
    Tiger' -> 'tigerbrokers'), whole and without generic words; none for any other text."""
    if text.count(",") != 1:
        return ()
    first, last = (words(part) for part in text.split(","))
    if not (0 < len(first) <= MAX_INVERTED_WORDS and 0 < len(last) <= MAX_INVERTED_WORDS):
        return ()
    turned = [*last, *first]
    if not all(word.isalpha() for word in turned):
        return ()
    return tuple(dict.fromkeys(["".join(turned), "".join(strip_generic(turned))]))


def _may_inverted(index: KeyIndex, query: Query) -> bool:
    """One comma and no digit in the text (a digit would be in a word, and every word must be
    of letters)."""
    text = query.text
    return text.count(",") == 1 and _ANY_DIGIT.search(text) is None


_ANY_DIGIT = re.compile(r"[0-9]")


def inverted(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads a text of two parts of one to ``MAX_INVERTED_WORDS`` words of letters about one
    comma, as an index or a surname-first list writes a name: 'Brokers, Tiger', 'Pocket,
    Token'. Condition: the parts the other way round, their words run together (whole, or
    without generic words), are a registry name exactly. A list of two names is written the
    same way ('Futu, Tiger'): review."""
    found = [
        Candidate(e.entity_id, e.label, 100.0, "inverted")
        for key in _inverted_keys(text)
        if key
        for e in index.exact(key)
        if e.entity_id
    ]
    if not found:
        return None
    return _review(result, tuple(found), f"{found[0].label!r} with its words the other way round?")


# --------------------------------------------------------------------------------------------
# A Chinese name among memo words, read as it would be alone

MAX_MEMO_PIECES = 4  # runs of characters of one memo read on their own


def _memo_pieces(index: KeyIndex, text: str) -> list[str]:
    """The runs of two to ``MAX_ONE_CHARACTER`` Chinese characters that ``chinese_memo``
    reads: the text's memo and sentence words taken out, spaces and punctuation between two
    characters closed up; not the whole text (a longer run is a company's full name, which
    neither a homophone nor one character changed reads)."""
    splitter = index.derived("sentence_words", _sentence_pattern)
    if not has_cjk(text) or splitter.search(to_simplified(text)) is None:
        return []  # no memo or sentence word: as ``chinese_memo``, nothing to read apart
    simplified = to_simplified(clean(text))
    closed = re.sub(rf"(?<={_CJK})[\s·・.\-_/]+(?={_CJK})", "", simplified)
    pieces = re.findall(rf"{_CJK}{{2,}}", splitter.sub(" ", closed))
    pieces = [p for p in pieces if len(p) <= MAX_ONE_CHARACTER and p != closed]
    return list(dict.fromkeys(pieces))[:MAX_MEMO_PIECES]


def memo_alone(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the runs of Chinese characters of a memo as ``chinese_memo`` does ('收款方：币按',
    '转账给火巿'). Condition: a run, read alone through every rule (``match_text``), is sent to
    review as a name one character or a homophone away (``_SLIP_METHODS``), which the memo's
    words hid. Review
    with what the run alone names, never more: a match of the run is the exact look-up that
    ``chinese_memo`` already made."""
    for piece in _memo_pieces(index, text):
        alone = match_text(piece)
        named = tuple(c for c in _named(alone) if c.method in _SLIP_METHODS)
        if alone.decision == DECISION_AMBIGUOUS and named:
            return _review(result, named, alone.reason)
    return None


# what a run of a memo read alone may be sent to review by: a slip, not a shorter name inside
# it (老虎 of '老虎的虎' in a dictated name: ``chinese_memo`` and ``inside`` read those)
_SLIP_METHODS = frozenset({"homophone", "one_character"})


# --------------------------------------------------------------------------------------------
# A short registry name run on into a number

MIN_GLUED_NAME = 3  # letters of a registry name run on into a number ('OKX2022')
_GLUED_NUMBER = re.compile(r"[a-z]+[0-9]+|[0-9]+[a-z]+")


def _glued_table(index: KeyIndex) -> dict[str, list[Entry]]:
    """The distinctive Latin names of letters only, ``MIN_GLUED_NAME`` letters or more (not
    everyday words, generic words or pinyin), to their entries."""
    everyday = everyday_names()
    generic = generic_words().latin
    table: dict[str, list[Entry]] = {}
    for key, e in index.names("latin"):
        if not e.entity_id or has_cjk(e.label) or not key.isascii() or not key.isalpha():
            continue
        if len(key) < MIN_GLUED_NAME or key in everyday or key in generic:
            continue
        if e not in table.get(key, []):
            table.setdefault(key, []).append(e)
    return table


def _glued_names(index: KeyIndex, text: str) -> list[Entry]:
    table = index.derived("glued_number", _glued_table)
    found: list[Entry] = []
    for word in words(text):
        if _GLUED_NUMBER.fullmatch(word):
            found += table.get(word.strip("0123456789"), ())
    return found


_LETTER_DIGIT = re.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]")


def _may_glued_number(index: KeyIndex, query: Query) -> bool:
    """A Latin letter beside a digit in the text as its words are read (cleaned, marks
    stripped, and a text not in ASCII without its underscores, as ``words`` reads it:
    '区块链123_AEX'): a word of ``_GLUED_NUMBER`` has one."""
    text = query.text if query.ascii else strip_marks(clean(query.text)).replace("_", "")
    return _LETTER_DIGIT.search(text) is not None


def glued_number(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the words of the text (``words``), each on its own. Condition: a word is a
    registry Latin name of ``MIN_GLUED_NAME`` letters or more (not an everyday word, a
    generic word or pinyin) run on into a number before or after it, among other words
    ('OKX2022 statement', 'ref: MEXC2024/114'); a name of five letters or more is
    ``inside``'s, a word alone the contained name's. A year, an account or a version run on
    to a name: review."""
    found = _glued_names(index, text)
    if not found:
        return None
    named = tuple(Candidate(e.entity_id, e.label, 80.0, "inside") for e in found)
    return _review(result, named, f"{named[0].label!r} stands inside a longer word")


# --------------------------------------------------------------------------------------------
# A Chinese name in Wade-Giles

MAX_WADE_GILES = 4  # syllables of a name in Wade-Giles
_WADE_GILES_TEXT = re.compile(r"[A-Za-z]{1,6}'?[a-z]{0,5}(?:[ -]+[A-Za-z]{1,6}'?[a-z]{0,5}){1,3}")
# each initial as Wade-Giles writes it, longest first, to the pinyin initials it may be: an
# aspirate's apostrophe is often dropped, so an unmarked p, t, k, ch, ts may be either
_WG_INITIALS = (
    ("ch'", ("q", "ch")), ("ch", ("j", "zh", "q", "ch")), ("hs", ("x",)),
    ("ts'", ("c",)), ("tz'", ("c",)), ("ts", ("z", "c")), ("tz", ("z", "c")),
    ("ss", ("s",)), ("sz", ("s",)), ("sh", ("sh",)), ("p'", ("p",)), ("p", ("b", "p")),
    ("t'", ("t",)), ("t", ("d", "t")), ("k'", ("k",)), ("k", ("g", "k")), ("j", ("r",)),
)  # fmt: skip
# finals that Wade-Giles writes otherwise, to pinyin's
_WG_FINALS = {
    "ih": ("i",), "u": ("u", "i"), "ieh": ("ie",), "ung": ("ong",), "iung": ("iong",),
    "o": ("o", "e", "uo"), "ien": ("ian",), "ueh": ("ue",), "uei": ("ui",), "erh": ("er",),
    "eh": ("e", "ie"), "en": ("en", "an"), "yu": ("you", "yu"), "yeh": ("ye",), "yen": ("yan",),
    "yung": ("yong",), "i": ("i", "yi"),
}  # fmt: skip


def _wade_giles_syllable(syllable: str) -> tuple[str, ...]:
    """The pinyin a Wade-Giles syllable may be ('p'ai' -> 'pai', 'pai' -> 'bai', 'pai';
    'chih' -> 'zhi', 'jih' -> 'ri', 'hsiao' -> 'xiao', 'k'o' -> 'ke')."""
    initial = ""
    pinyin_initials: tuple[str, ...] = ("",)
    for written, read in _WG_INITIALS:
        if syllable.startswith(written):
            initial, pinyin_initials = written, read
            break
    final = syllable[len(initial) :].replace("'", "")
    finals = _WG_FINALS.get(final, (final,)) if final else ("",)
    return tuple(dict.fromkeys(a + b for a in pinyin_initials for b in finals))


def _may_wade_giles(index: KeyIndex, query: Query) -> bool:
    """ASCII, two to ``MAX_WADE_GILES`` short words of letters (an apostrophe inside one)."""
    return query.ascii and _WADE_GILES_TEXT.fullmatch(query.text.strip()) is not None


def wade_giles(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads a text of two to ``MAX_WADE_GILES`` syllables apart (spaces or hyphens), as
    Taiwan and older English writing romanise Chinese: 'Pi-an', 'Pai-tu', "K'u-pi". Condition:
    the syllables read as the pinyin they may be (``_wade_giles_syllable``: p is b, t is d,
    k is g, ch is j or zh, hs is x, ts is z, -ih is -i; an aspirate's apostrophe may be
    dropped) run together are the pinyin of a registry Chinese name exactly. Review."""
    if not text.isascii() or _WADE_GILES_TEXT.fullmatch(text.strip()) is None:
        return None
    syllables = [w.lower() for w in re.split(r"[ -]+", text.strip()) if w]
    readings = [_wade_giles_syllable(s) for s in syllables]
    found: list[Candidate] = []
    for parts in itertools.product(*readings):
        for e in index.romanised("".join(parts)):
            if e.entity_id:
                found.append(Candidate(e.entity_id, e.label, 90.0, "wade_giles"))
    if not found:
        return None
    return _review(result, tuple(found), f"{found[0].label!r} in Wade-Giles?")


BANDS: tuple[tuple[Guard, Band], ...] = (
    (_may_chinese_memo, chinese_memo),
    (_may_mojibake, mojibake),
    (_may_letter_symbols, letter_symbols),
    (_may_letter_for_character, letter_for_character),
    (_may_masked, masked),
    (_may_leetspeak, leetspeak),
    (_may_cantonese, cantonese),
    (_may_truncated, truncated),
    (_may_initialism, initialism),
    (hump_initials.may_initials_before_kind, hump_initials.initials_before_kind),
    (_may_pinyin_initials, pinyin_initials),
    (_may_sounds_like, sounds_like),
    (_may_dictated, dictated),
    (_may_tone_numbers, tone_numbers),
    (_may_inside, inside),
    (_may_chinese_word, chinese_word),
    (_may_everyday_in_field, everyday_in_field),
    (labelled.may_labelled_value, labelled.labelled_value),
    (labelled.may_identifier_part, labelled.identifier_part),
    (labelled.may_unit_field, labelled.unit_field),
    (_may_one_character, one_character),
    (_may_abbreviated, abbreviated),
    (_may_translated, translated),
    (_may_quoted, quoted),
    (_may_heard_syllables, heard_syllables),
    (_may_spoken_parts, spoken_parts),
    (_may_script_runs, script_runs),
    (_may_slip_in_text, slip_in_text),
    (_may_vowels_left_out, vowels_left_out),
    (_may_inverted, inverted),
    (_may_chinese_memo, memo_alone),
    (_may_glued_number, glued_number),
    (_may_wade_giles, wade_giles),
    (translations.may_translated_text, translations.translated_text),
    (cut.may_cut_in_field, cut.cut_in_field),
)

# The bands asked of a query that names a platform the registry does not list: a looser
# measure must not outweigh that name, but a reading of every word may stand beside it.
OTHER_BANDS: tuple[tuple[Guard, Band], ...] = (
    (_may_translated, translated_whole),
    (cut.may_cut_after_star, cut.cut_after_star),  # 'PAYPAL *INTERACTIVEB': PayPal's merchant
)

__all__ = ["BANDS", "OTHER_BANDS", "sounds_alike", "surface"]
