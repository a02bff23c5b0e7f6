"""Queries that are more than a name: a domain, brackets, two scripts, or extra words.

Each function takes a first answer and the parts of the query, and decides whether the parts
agree (a match), disagree or add unknown words (``ambiguous``: the review band), or name
another platform (``none``). Loaded only when such a query is seen.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from exitcheck.matching.names import (
    a_word,
    clean,
    compact_key,
    core_key,
    domain_of,
    everyday_name,
    everyday_names,
    generic_words,
    has_cjk,
    is_qualifier,
    legal_forms,
    parent_hosts,
    sound_key,
    strip_generic,
    to_simplified,
    units,
    words,
)
from exitcheck.matching.results import (
    ANOTHER_TRADE,
    DECISION_AMBIGUOUS,
    DECISION_MATCH,
    DECISION_NONE,
    EXACT_METHODS,
    MIN_CONTAINED,
    Candidate,
    Entry,
    MatchResult,
    ambiguous,
    decide,
    none,
    other,
    related,
)

if TYPE_CHECKING:
    from exitcheck.matching.index import KeyIndex

Matcher = Callable[[str], MatchResult]


def by_domain(
    index: KeyIndex, query: str, domain: tuple[str, str], match_text: Matcher
) -> MatchResult:
    """A URL, e-mail address or host: a listed host or its subdomain matches exactly; a host
    of a known other platform is none; otherwise the name label is matched, and the answer is
    none when the entity lists other domains, ambiguous when it lists none."""
    host, label = domain
    for candidate in [host, *parent_hosts(host)]:
        entry = index.domain(candidate)
        if entry is None:
            continue
        if not entry.entity_id:
            return other(query, compact_key(candidate), [entry], match_text(label).candidates)
        return decide(query, compact_key(candidate), [entry], "exact_domain")
    result = match_text(label)
    best = result.best
    if result.decision == DECISION_NONE and not result.reason.endswith("does not list"):
        listed = _same_label(index, host, label)  # 'gate.com' and the listed 'gate.io'
        if listed is not None:
            reason = f"the domain {host} is not one this entity lists: another site, or a new one"
            same = Candidate(listed.entity_id, listed.label, 90.0, "domain_label")
            return ambiguous(query, result.normalized, (same,), reason)
    if result.decision != DECISION_MATCH or best is None:
        return result
    if index.has_domains(best.entity_id):
        reason = f"the domain {host} is not one this entity lists: another site, or a new one"
        return ambiguous(query, result.normalized, (best,), reason)
    reason = f"the registry lists no domain for this entity; {host} may be another site"
    return ambiguous(query, result.normalized, (best,), reason)


# a comma between a digit and three more is a thousands separator ("USD 5,000.00"), no list
LIST_COMMA = r"(?:(?<!\d),|,(?!\d{3}(?!\d)))"
_SPLIT = re.compile(
    rf"\s*(?:[;|、\n]|{LIST_COMMA}|\s/\s|(?<=[^\s/:])/(?=[^\s/])|&|\band\b|和)\s*", re.I
)
_ABBREVIATED = re.compile(r"\b([a-z])/(?=[a-z]\b)", re.I)  # 'd/b/a', 'c/o', 'a/k/a': one word


def parts_of(text: str) -> list[str]:
    """The parts of a cell of several names, split at its separators (the slashes of 'd/b/a'
    or 'c/o' separate nothing)."""
    return _SPLIT.split(_ABBREVIATED.sub(r"\1", text))


def several(result: MatchResult, text: str, match_part: Matcher) -> MatchResult:
    """A cell holding several names ('Huobi, Binance', '火币、币安', 'Huobi and OKX'): each
    part is matched on its own. Parts that only qualify ('…, Seychelles', '& Co') are set
    aside. When a part names a registry entity and another part names anything else, the
    answer is ambiguous with each entity named: never a match to the first (``one_named``
    then answers a cell whose other parts name no registry entity)."""
    if domain_of(clean(text)) is not None:  # a URL's '/' and '&' separate nothing
        return result
    if result.method in EXACT_METHODS and result.normalized == compact_key(text):
        return result  # the whole cell is one registry name ('… Securities and Commodities')
    if _one_of_another_trade(result, text, match_part):
        return result
    cell = _named_parts(text, match_part)
    if cell is None:
        return result
    parts, answers, shown, named = cell
    if _codes_only(parts, answers) or not named:
        return result
    ids = {a.entity_id for a in answers}
    if len(ids) == 1 and None not in ids:  # every part names the same entity
        return result if result.entity_id in ids else answers[0]._replace(query=result.query)
    said = [cs for a, cs in zip(answers, shown, strict=True) if a.decision != DECISION_NONE]
    candidates = in_order(*said, _merge(*shown))  # the names in the order the cell gives them
    listed = ", ".join(repr(p.strip()) for p in parts)
    reason = f"the cell holds several names: {listed}"
    return ambiguous(result.query, result.normalized, candidates, reason)


def _named_parts(
    text: str, match_part: Matcher
) -> tuple[list[str], list[MatchResult], list[tuple[Candidate, ...]], set[str]] | None:
    """The parts of a cell that do more than qualify, each matched on its own, the candidates
    each shows, and the entities the parts name; None for a cell of fewer than two parts.
    A part answered none names nothing, whatever it was close to; a part matched names its
    entity even without candidates (a misspelt name: 'Silva, Binanse')."""
    parts = [p for p in parts_of(text) if words(p)]
    parts = [p for p in parts if not _qualifies(words(p))]
    if len(parts) < 2:
        return None
    answers = [match_part(p) for p in parts]
    shown = [a.candidates or ((a.best,) if a.best else ()) for a in answers]
    named = {
        c.entity_id
        for a, cs in zip(answers, shown, strict=True)
        if a.decision != DECISION_NONE
        for c in cs
        if c.entity_id
    }
    return parts, answers, shown, named


def one_named(
    result: MatchResult, text: str, match_part: Matcher, alone: Matcher
) -> MatchResult | None:
    """A cell that ``several`` left ambiguous and no rule read as a whole, when only one
    registry entity is named in it ('ORG:Bitget;Institutional Desk', 'Zoom: Bybit / Helix
    Capital – custody review'): the answer of the part that names it, read ``alone`` as the
    whole matcher reads it (a match, or the review it gets itself: 'Huobi Japan; Tokyo'),
    saying that the other parts name no registry entity. Not when two entities are named, nor
    when another part says what makes the name another's (a copy, unit or support word, an
    affiliate's place: 'Binance / Japan', 'Bybit; fake'), nor around a rename's or a trading
    name's marker ('Acme Exchange, formerly Huobi'), nor in a forum's or a user's page
    ('r/kucoin', 'u/binance')."""
    from exitcheck.matching.context import PAGE

    if PAGE.search(text):
        return None
    cell = _named_parts(text, match_part)
    if cell is None:
        return None
    parts, answers, _, named = cell
    return _one_named(result, parts, answers, named, alone)


def _one_named(
    result: MatchResult,
    parts: list[str],
    answers: list[MatchResult],
    named: set[str],
    alone: Matcher,
) -> MatchResult | None:
    """The answer of the part of a cell that names the one registry entity named, read alone
    (the first such part that is a match, else the first such part's review), when no other
    part is only a word that makes the name another's (a veto of ``context``: a copy, fake,
    unit or support word, an affiliate's place), no part that names it holds a unit, product
    or place word ('Binance, Binance Labs', 'Huobi, Huobi Japan') and no part begins with a
    rename's or trading name's marker; None otherwise (the cell stays ambiguous)."""
    naming = [i for i, a in enumerate(answers) if a.decision != DECISION_NONE]
    if len(named) != 1:
        return None
    if result.decision == DECISION_MATCH and result.entity_id not in named:
        return None  # the whole cell reads as another entity
    from exitcheck.matching.context import marked, unit_words_in, vetoes_in

    rest = [p for i, p in enumerate(parts) if i not in naming]
    if any(vetoes_in(p) for p in rest) or any(unit_words_in(parts[i]) for i in naming):
        return None  # 'Binance / Japan'; 'Bitget Foundation Ltd | Net 30': a unit's
    if marked(parts):
        return None  # 'Acme Exchange, formerly Huobi': whose name is it now?
    if any(_compares(p) for p in rest):
        return None  # '币安 / 抹茶 对比 手续费': two platforms compared, one an everyday word
    said = [(i, alone(parts[i].strip())) for i in naming]
    at, answer = next(((i, a) for i, a in said if a.decision == DECISION_MATCH), said[0])
    if answer.decision == DECISION_NONE or {c.entity_id for c in answer.candidates} - named:
        return None
    if result.decision == DECISION_MATCH and answer.decision == DECISION_MATCH:
        return result
    others = ", ".join(repr(p.strip()) for i, p in enumerate(parts) if i != at)
    if answer.reason:
        reason = (
            f"{answer.reason}; the other parts of the cell ({others}) name no other registry entity"
        )
    else:
        reason = f"the other parts of the cell ({others}) name no other registry entity"
    return answer._replace(query=result.query, reason=reason)


def _compares(part: str) -> bool:
    """True when a part of a cell holds a word of comparison (data/fields.toml
    ``compare_marks``: 'compared', 'vs', '对比', '类似'): the cell is about more than the one
    name it holds."""
    from exitcheck.matching.fields import _vocab

    vocab = _vocab()
    plain = to_simplified(part)
    return not vocab["compare_marks"].isdisjoint(words(part)) or any(
        w in plain for w in vocab["compare_marks_cjk"]
    )


def _one_of_another_trade(result: MatchResult, text: str, match_part: Matcher) -> bool:
    """True when the cell read whole is another trade's company (``contained``) and no part
    of it names an entity on its own: 'Spark Pool Supplies | PO 1 | Net 30' is one company;
    'Anchor Construction LLC & OKX', 'Spark Pool & Spa Care' are read part by part."""
    if result.decision != DECISION_NONE or not result.reason.endswith(ANOTHER_TRADE):
        return False
    parts = [p for p in parts_of(text) if words(p)]
    return all(match_part(p).decision == DECISION_NONE for p in parts)


# a part that is one code of two or three letters, after a field's label ('C=MX', 'ccy: HT')
_CODE = re.compile(r"^\s*(?:[a-z]{1,3}\s*[=:]\s*)?([a-z]{2,3})\s*$", re.I)


def _codes_only(parts: list[str], answers: list[MatchResult]) -> bool:
    """True when the only parts that name a registry entity are codes of two or three
    letters, read as a token's ticker, a Chinese name's initials or its letters reordered
    ('GT', 'MX', 'C=MX'), and another part names nothing: in a line of another company's
    address, certificate or record ('Acme Ltd, Springfield, GT'; 'O=Acme Inc, C=MX') such a
    code is a country's, a state's, a currency's or a time zone's, not a second name. A code
    that is a registry name itself ('AEX', 'FTX') still names it."""
    naming = [i for i, a in enumerate(answers) if a.decision != DECISION_NONE]
    if not naming or len(naming) == len(parts):
        return False
    for i in naming:
        code = _CODE.match(parts[i])
        answer = answers[i]
        if code is None:
            return False
        if answer.method in EXACT_METHODS and answer.normalized == code[1].lower():
            return False
    return True


def _qualifies(tokens: list[str]) -> bool:
    """A part that only qualifies the name beside it ('…, Seychelles', '& Co', ', Ltd'): its
    words are places, legal forms or generic words, and not a legal form with a word that is no
    legal form ('Pool Holdings Pty Ltd' is a company made of generic words)."""
    generic = generic_words()
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):  # spaced letters: 'L t d'
        tokens = ["".join(tokens)]
    if not all(t in generic.qualifiers for t in tokens):
        return False
    forms = legal_forms()
    if forms.isdisjoint(tokens):
        return True
    places = generic.qualifiers - generic.latin
    return all(t in forms or t in places for t in tokens)


_TLDS = ("com", "io", "org", "net", "pro", "top", "one", "im", "cc", "co", "info", "app", "cn")


def _same_label(index: KeyIndex, host: str, label: str) -> Entry | None:
    """A listed domain of a registry entity with the same name label as ``host`` under
    another common top-level domain, if there is one."""
    for tld in _TLDS:
        listed = f"{label}.{tld}"
        if listed != host:
            entry = index.domain(listed)
            if entry is not None and entry.entity_id:
                return entry
    return None


def qualified(result: MatchResult, groups: list[str], match_text: Matcher) -> MatchResult:
    """A name with bracketed parts ('Huobi (HT)', 'Huobi (火币)', '... Limited (Seychelles)'):
    a part that qualifies (place, legal form, ticker) or names the same entity keeps the
    match; a part naming another entity, or unknown words, make it ambiguous. When the words
    outside name nothing and a part names an entity ('Kitchen Appliances (Futu)', '[MEXC]
    Deposit confirmed'), that entity is for review, never a silent none."""
    if result.decision == DECISION_NONE:
        return _bracketed_only(result, groups, match_text)
    if result.decision != DECISION_MATCH or result.best is None:
        return result
    from exitcheck.matching.context import country_code, unit_words_in

    for group in groups:
        unit = unit_words_in(group)  # 'Binance (Labs)', 'Binance (clone)', '(Kazakhstan)'
        # a country's code that is no token's ticker ('Binance [KZ]'; not 'Huobi (HT)')
        unit = unit or (country_code(group) and match_text(group).decision == DECISION_NONE)
        if is_qualifier(group) and not unit and not _names_another(result, group, match_text):
            continue
        qualifiers = generic_words().qualifiers
        kept = [t for t in words(group) if t not in qualifiers]  # 'formerly huobi' -> 'huobi'
        inner = match_text(" ".join(kept) or group)
        if inner.decision == DECISION_MATCH and inner.entity_id == result.entity_id:
            continue
        reason = f"the bracketed part {group!r} does not confirm the name"
        candidates = in_order(result.candidates, _merge(inner.candidates))  # the name first
        return ambiguous(result.query, result.normalized, candidates, reason)
    return result


def _bracketed_only(result: MatchResult, groups: list[str], match_text: Matcher) -> MatchResult:
    """``result`` (a none) made review with the entities the bracketed parts match."""
    inner = [match_text(g) for g in groups]
    named = [a for a in inner if a.decision == DECISION_MATCH and a.best is not None]
    if not named:
        return result
    labels = ", ".join(dict.fromkeys(a.best.label for a in named if a.best is not None))
    reason = f"only the bracketed part names {labels}; the words outside it name nothing registered"
    return ambiguous(
        result.query, result.normalized, _merge(*(a.candidates for a in named)), reason
    )


def _names_another(result: MatchResult, group: str, match_text: Matcher) -> bool:
    """True when a bracketed word that reads as a ticker ('Huobi (HT)') is another registry
    entity's name ('Huobi (Bybit)', '链闻 (Odaily)'): two platforms, not one qualified."""
    if has_cjk(group) or compact_key(group) in generic_words().qualifiers:
        return False
    inner = match_text(group)
    return inner.decision == DECISION_MATCH and inner.entity_id != result.entity_id


def mixed(
    query: str, key: str, latin: list[str], chinese: list[str], match_text: Matcher
) -> MatchResult:
    """'火币Huobi', 'Sparkpool 星火矿池': each script's part is matched on its own. Both naming
    one entity (or one naming it and the other only generic) is a match; anything else is
    ambiguous or none."""
    parts = [" ".join(latin), "".join(chinese)]
    answers = [match_text(p) if strip_generic(words(p)) else None for p in parts]
    found = [a for a in answers if a is not None]
    ids = {a.entity_id for a in found if a.decision == DECISION_MATCH}
    if len(ids) == 1 and all(a.decision == DECISION_MATCH for a in found):
        best = next(a.best for a in found if a.best is not None)
        return MatchResult(query, key, DECISION_MATCH, "mixed_script", best, (best,))
    named = [a for a in found if a.decision != DECISION_NONE]  # not a none's suggestions
    candidates = _merge(*(a.candidates for a in named or found))
    if ids or any(a.decision == DECISION_AMBIGUOUS for a in found):
        reason = "the Latin and Chinese parts do not name the same entity"
        return ambiguous(query, key, candidates, reason)
    return none(query, key, "no name is close enough to be sure", candidates)


def split_scripts(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(Latin tokens, Chinese tokens); digits go with the token before them ('区块链', '123')."""
    latin: list[str] = []
    chinese: list[str] = []
    last = latin
    for token in tokens:
        if not token.isdigit():
            last = chinese if has_cjk(token) else latin
        last.append(token)
    return latin, chinese


_OCR = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "6": "g", "9": "g", "|": "l"})
_SHAPES = (("rn", "m"), ("m", "rn"), ("vv", "w"), ("w", "vv"), ("cl", "d"), ("ri", "n"))  # alike


def misread(index: KeyIndex, result: MatchResult, key: str) -> MatchResult | None:
    """A name as a scan misreads it: a digit where a letter looks alike ('0KEx', 'Loopr1ng',
    'Bit9et'),
    'rn' for 'm' ('Bitrnain'), 'ri' for 'n' ('Binarice'), 'vv' for 'w', 'l' and 'I' confused
    ('Kucoln', 'F2PooI'). Never
    a match, but ambiguous with the entity it would read as, for a person to check the scan."""
    if len(key) < 4 or key.isdigit() or has_cjk(key):
        return None
    for form in sorted(_misreadings(key)):
        hits = [e for e in index.exact(form) if e.entity_id]
        if hits:
            candidates = tuple(Candidate(e.entity_id, e.label, 90.0, "misread") for e in hits)
            reason = (
                f"reads as {hits[0].label!r} if a character is misread (0/o, 1/l, rn/m, ri/n, vv/w)"
            )
            return ambiguous(result.query, result.normalized, _merge(candidates), reason)
    return None


_OCR_MARKS = "015689|"  # what _OCR reads as letters (the gate asks the same question)


def _misreadings(key: str) -> set[str]:
    """The key as it would read with look-alike characters swapped, one kind at a time, and
    one l or i read as the other."""
    forms = (
        {key.translate(_OCR), key.replace("1", "i")} if any(c in key for c in _OCR_MARKS) else set()
    )
    forms |= {key.replace(a, b) for a, b in _SHAPES if a in key}
    flip = {"l": "i", "i": "l"}
    forms |= {key[:i] + flip[ch] + key[i + 1 :] for i, ch in enumerate(key) if ch in flip}
    forms.discard(key)
    return forms


_TOKEN_WORDS = frozenset({"token", "tokens", "coin", "coins", "chain", "smart", "mainnet", "price"})


def product(index: KeyIndex, result: MatchResult, forms: list[str]) -> MatchResult | None:
    """A platform's token, chain or app ('HT', 'BNB Chain', 'moomoo'; data/others.toml): not
    the platform, so never a match, but ambiguous with it, for a person to review."""
    for form in forms:
        hits = index.product(form)
        if hits:
            return _product(result, hits)
    return None


def _product(result: MatchResult, hits: list[Entry]) -> MatchResult:
    """Ambiguous with the platform: its token, product or related company is not it."""
    if hits[0].field == "company":
        return related(result.query, result.normalized, hits)
    candidates = tuple(Candidate(e.entity_id, e.label, 90.0, "product") for e in hits)
    reason = f"{hits[0].label!r} is a token or product of the platform, not the platform"
    return ambiguous(result.query, result.normalized, _merge(candidates), reason)


def product_word(index: KeyIndex, result: MatchResult, tokens: list[str]) -> MatchResult | None:
    """A platform's token or chain as one word among others that say what it is ('OKB token',
    'HECO Chain', 'KCS coin'); a short ticker among other words ('GT Motors') is not read."""
    rest = set(tokens)
    for token in tokens:
        hits = index.product(token)
        if hits and (len(token) >= 4 or rest - {token} <= _TOKEN_WORDS):
            return _product(result, hits)
    return None


def contained(index: KeyIndex, result: MatchResult, tokens: list[str]) -> MatchResult | None:
    """A registry name inside a longer query with other words ('Huobi Japan', '币安智能链'):
    never a match and never a silent none, but ambiguous, for a person to review."""
    chinese = has_cjk("".join(tokens))
    found = _chinese_prefix(index, tokens) if chinese else _latin_spans(index, tokens)
    if not found:
        return None
    rest = ", ".join(sorted({e.label for e, _ in found}))
    reason = f"the query contains {rest} with other words"
    candidates = tuple(
        Candidate(e.entity_id, e.label, score, "contained") for e, score in found if e.entity_id
    )
    if not candidates:
        return other(result.query, result.normalized, [e for e, _ in found], result.candidates)
    named = [(e.entity_id, e.label) for e, _ in found]
    trade = None if chinese else another_trade(index, tokens, named)
    if trade is not None:
        reason = f"{rest} is a common name here, beside words of another trade ({trade!r}): another company's name"
        return none(result.query, result.normalized, reason, _merge(candidates))
    if all(everyday_name(_said(c.label, chinese), tokens) for c in candidates):
        if _an_app(tokens):
            reason = f"{rest} is an everyday word, in the name of an app: its own, or another's"
            return ambiguous(result.query, result.normalized, _merge(candidates), reason)
        reason = f"{rest} is an everyday word or another firm's name here, and nothing else in the name points to it"
        return none(result.query, result.normalized, reason, _merge(candidates))
    return ambiguous(result.query, result.normalized, _merge(candidates), reason)


MAX_COMMON_NAME = 4  # letters of a registry name that many firms bear ('Cobo', 'JEX')


def another_trade(index: KeyIndex, tokens: list[str], named: list[tuple[str, str]]) -> str | None:
    """The first word of another trade (data/matching.toml ``other_trade_words``: 'hotel',
    'supplies') outside the registry names ``named`` ((entity id, label) pairs, each standing
    as whole words) in a Latin query's words, when every name is a common
    one as written there: everyday words ('Spark Pool', 'Chain News') or a short name of
    ``MAX_COMMON_NAME`` letters at most that is not the pinyin of the entity's Chinese name
    ('Cobo', 'JEX'; not 'Futu', 富途), and no word of a platform's kind stands in the query
    ('Spark Pool Supplies', 'Cobo Hotel Group': another company; 'Cobo Hotel crypto wallet'
    is not). A coined name ('KuCoin dentistry supplies') stays for review."""
    trades = other_trade_words()
    if trades.isdisjoint(tokens):
        return None
    outside = list(tokens)
    for entity_id, label in named:
        span = _span(tokens, compact_key(label))
        if span is None or not _common_name(index, tokens[span[0] : span[1]], entity_id):
            return None
        outside[span[0] : span[1]] = [""] * (span[1] - span[0])
    if not _kind_words().isdisjoint(outside):  # the name's own 'pool' is not a word beside it
        return None
    if _names_more(index, outside):
        return None  # 'Coin World Apparel Pty Ltd & KuCoin': a second name, for ``several``
    return next((t for t in outside if t in trades), None)


def _names_more(index: KeyIndex, outside: list[str]) -> bool:
    """True when consecutive words left (the names' own set to '') spell a registry name."""
    for i in range(len(outside)):
        key = ""
        for token in outside[i:]:
            if not token:
                break
            key += token
            if len(key) >= MIN_CONTAINED and any(e.entity_id for e in index.exact(key)):
                return True
    return False


def _span(tokens: list[str], key: str) -> tuple[int, int] | None:
    """Where consecutive words of ``tokens`` spell ``key``, if they do."""
    for i in range(len(tokens)):
        joined = ""
        for j in range(i, len(tokens)):
            joined += tokens[j]
            if joined == key:
                return i, j + 1
            if not key.startswith(joined):
                break
    return None


def _common_name(index: KeyIndex, span: list[str], entity_id: str) -> bool:
    """True when a registry name, as the query writes it, is one many firms may bear: an
    everyday name (data/everyday_names.txt), words of everyday language each ('spark pool'),
    or a short name that is not the pinyin of the entity's Chinese name."""
    from exitcheck.matching.context import _common_words

    key = "".join(strip_generic(span)) or "".join(span)  # 'Bitz Group' is Bitz
    if key in everyday_names() or "".join(span) in everyday_names():
        return True  # 'Keystone', 'Bee Pool': data/everyday_names.txt
    if len(span) > 1 and all(t in _common_words() for t in span):
        return True
    if len(key) > MAX_COMMON_NAME or not key.isalpha():
        return False
    return not any(e.entity_id == entity_id for e in index.romanised(key))


@functools.cache
def other_trade_words() -> frozenset[str]:
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    return frozenset(data["other_trade_words"])


@functools.cache
def _kind_words() -> frozenset[str]:
    """Words of a platform's kind (data/matching.toml ``slip_kind_words``), of its own units,
    and the words that corroborate an everyday registry name (data/everyday_names.txt)."""
    from exitcheck.datafiles import data_file
    from exitcheck.matching.names import everyday_names
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    corroborating = (w for words_ in everyday_names().values() for w in words_)
    return frozenset(data["slip_kind_words"]) | frozenset(corroborating) | _UNIT_WORDS


# a platform's own units and what it deals in ('Cobo Custody', 'KuCoin Labs', 'Bybit Card')
_UNIT_WORDS = frozenset({
    "custody", "card", "cards", "labs", "lab", "ventures", "research", "academy", "launchpad",
    "nft", "support", "helpdesk", "token", "tokens", "coin", "coins", "blockchain", "bitcoin",
    "staking", "earn", "futures", "api",
})  # fmt: skip


_APP_WORDS = frozenset({"app", "apps"})


def _an_app(tokens: list[str]) -> bool:
    """True when the name ends in 'app' and holds no company word ('Keystone Companion App',
    not 'Keystone Apps Ltd'): a platform's own app is named so, as often as another's."""
    from exitcheck.matching.decide import _company_words

    return tokens[-1] in _APP_WORDS and _company_words().isdisjoint(tokens)


def _said(label: str, chinese: bool) -> str:
    """The key a contained name was found by: its pinyin when a Latin query holds a Chinese
    name ('Bike Studios' holds 币客, 'bike'), else its distinctive part."""
    if chinese or not has_cjk(label):
        return core_key(label)
    from exitcheck.matching.names import romanise

    return romanise(to_simplified(label))


def _latin_spans(index: KeyIndex, tokens: list[str]) -> list[tuple[Entry, float]]:
    """Registry keys made of consecutive words of the query, longest first, or inside one
    long word as its start ('okcoinjapan')."""
    total = len("".join(tokens))
    n = len(tokens)
    spans = sorted(
        ((i, j) for i in range(n) for j in range(i + 1, n + 1) if (i, j) != (0, n)),
        key=lambda ij: ij[0] - ij[1],
    )
    first_other: list[tuple[Entry, float]] = []
    for i, j in spans:
        key = "".join(tokens[i:j])
        if len(key) < MIN_CONTAINED:
            continue
        hits = index.exact(key) or (index.romanised(key) if len(key) > MIN_CONTAINED else [])
        if hits:  # a registry name (or its pinyin) outweighs a longer name of another platform
            return [(e, round(100.0 * len(key) / total, 1)) for e in hits]
        if not first_other:
            first_other = [(e, round(100.0 * len(key) / total, 1)) for e in index.other(key)]
    if first_other:
        return first_other
    if n == 1 and len(tokens[0]) > MIN_CONTAINED + 2:
        word = tokens[0]
        for end in range(len(word) - 2, MIN_CONTAINED, -1):
            hits = index.exact(word[:end])
            if hits and not _compound(word, end):
                return [(e, round(100.0 * end / len(word), 1)) for e in hits]
    return []


def _compound(word: str, end: int) -> bool:
    """True when a short name of ``MAX_COMMON_NAME`` letters at most starts a word that goes
    on with an everyday word of three letters or more, not one of a platform's kind
    ('cobohotels', 'futurice'): another firm's name run together, as a domain writes it;
    'okcoinjapan', 'futusg' are read."""
    from exitcheck.matching.context import _common_words

    rest = word[end:]
    return (
        end <= MAX_COMMON_NAME
        and len(rest) >= 3
        and rest in _common_words()
        and rest not in generic_words().latin
        and rest not in _kind_words()
    )


def _chinese_prefix(index: KeyIndex, tokens: list[str]) -> list[tuple[Entry, float]]:
    """A Chinese registry name inside the query's distinctive part, once places and generic
    affixes are set aside: at the start or the end of a word, or as a word of its own
    ('北京币安智能链科技', '付款给币安', '备注：库币充值', '收款方：火币', '转账-火币'), or
    anywhere for a name of three characters or more. A two-character name in the middle of
    other characters is too often part of another word ('平安银行' holds 安银) to be read there."""
    cjk = [to_simplified("".join(u for u, generic in units([t]) if not generic)) for t in tokens]
    cjk = [t for t in cjk if has_cjk(t)]
    core = "".join(cjk)
    if not core or len(core) < 2:
        return []
    if len(core) < 3:
        return []
    edges = set(itertools.accumulate(len(t) for t in cjk)) | {0}  # where each word starts or ends
    for size in range(len(core) - 1, 1, -1):
        starts = (
            range(len(core) - size + 1)
            if size >= 3
            else sorted(
                {e for e in edges if e + size <= len(core)} | {e - size for e in edges if e >= size}
            )
        )
        for start in starts:
            piece = core[start : start + size]
            hits = index.exact(piece) or index.folded(piece)
            if hits and (size > 2 or a_word(core, start, start + size)):
                return [(e, round(100.0 * size / len(core), 1)) for e in hits]
    return []


def homophone(index: KeyIndex, result: MatchResult, core: str) -> MatchResult | None:
    """A Chinese name that sounds as a registry name does, character for character ('伙币' for
    火币, '币按' for 币安): the slip of a pinyin input method, or of a radical that keeps the
    sound. Never a match, but ambiguous with the entity, for a person to check."""
    from exitcheck.matching.names import romanise

    core = to_simplified(core)
    if not 2 <= len(core) <= 8 or not all(has_cjk(ch) for ch in core):  # registry names' lengths
        return None
    if index.cjk_characters().isdisjoint(core):  # a slip of one character keeps the others
        return _pinyin_is_name(index, result, core)
    hits = [
        e
        for e in index.romanised(romanise(core))
        if e.entity_id and len(e.label) == len(core) and to_simplified(e.label) != core
    ]
    if not hits:
        return _pinyin_is_name(index, result, core)
    candidates = tuple(Candidate(e.entity_id, e.label, 80.0, "homophone") for e in hits)
    reason = f"sounds as {hits[0].label!r} does: a slip of the input method?"
    return ambiguous(result.query, result.normalized, _merge(candidates), reason)


MIN_PINYIN_NAME = 3  # characters: two sound as too many namesakes do (伟博, 维博: weibo)


def _pinyin_is_name(index: KeyIndex, result: MatchResult, core: str) -> MatchResult | None:
    """A Chinese name of ``MIN_PINYIN_NAME`` characters or more whose pinyin is a registry
    entity's Latin name ('阿里巴巴' is 'alibaba', '阿里巴巴（中国）网络技术有限公司'): the
    brand's Chinese name, which the registry does not list, or a namesake. Ambiguous."""
    from exitcheck.matching.names import romanise

    if len(core) < MIN_PINYIN_NAME:
        return None
    hits = [e for e in index.exact(romanise(core)) if e.entity_id and not has_cjk(e.label)]
    if not hits:
        return None
    candidates = tuple(Candidate(e.entity_id, e.label, 80.0, "homophone") for e in hits)
    reason = f"its pinyin is {hits[0].label!r}: the brand's Chinese name, or a namesake's?"
    return ambiguous(result.query, result.normalized, _merge(candidates), reason)


def other_script(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """A name written in another script ('Хуоби', 'バイナンス', '후오비', 'بينانس'): its
    transliteration (anyascii), and each long word of it, is looked up, and failing that the
    whole is compared with the registry's Latin names by spelling (within 80) and by sound
    (``names.sound_key``: 'bainansu', 'bynns' and 'binance' are all b-n-s) spelt within 50 (60
    for a sound of one or two consonants), or by a sound of four consonants or more that
    differs by one consonant, spelt within 60 ('knmktktp' of the katakana and 'knmrktkp' of
    CoinMarketCap). Transliteration loses too much
    for a match: at most ambiguous."""
    typed = keyboard_layout(index, result, text)  # 'иштфтсу': binance on a Russian layout
    if typed is not None:
        return typed if typed.decision == DECISION_AMBIGUOUS else None
    from anyascii import anyascii

    latin = anyascii(_kana_spelling(_japanese_words().sub(" ", text)))
    tokens = words(latin)
    core = strip_generic(tokens)
    key = "".join(core)
    found: list[Candidate] = []
    if 4 <= len(key) <= 24:  # a brand, not a sentence
        found = _transliterated(index, key, core)
    if not found and len(tokens) > 1 and not re.search("[A-Za-z]", text):
        from exitcheck.matching.nearby import sounds_alike

        # a word of a sentence wholly in another script ('Перевод на Хуоби'), spelt close
        for word in re.findall(r"[^\W\d_]+", text)[:MAX_OTHER_SCRIPT_WORDS]:  # as written
            said = "".join(words(anyascii(word)))
            if 4 <= len(said) <= 24 and said not in generic_words().latin:
                found += [
                    Candidate(e.entity_id, e.label, round(score, 1), "transliterated")
                    for _, e, score in index.spelt_like("latin", said, SENTENCE_WORD_SPELLING)
                    if e.entity_id
                ]
                if _abjad(word):  # its w and y inside a word are mostly long vowels
                    found += _abjad_sound(
                        index, said[0] + said[1:].replace("w", "").replace("y", "")
                    )
                    continue
                near = SENTENCE_WORD_SOUND
                found += [
                    c._replace(method="transliterated")
                    for c in sounds_alike(index, said, near, near, near=near)
                ]
    candidates = _merge(tuple(found))
    if not candidates or all(everyday_name(core_key(c.label), tokens) for c in candidates):
        return None  # '(주) 네오' reads as 'Neo': an everyday word, as Keystone is
    if another_trade(index, tokens, [(c.entity_id, c.label) for c in candidates]) is not None:
        return None  # '𝗖𝗼𝗯𝗼 𝗛𝗼𝘁𝗲𝗹 𝗚𝗿𝗼𝘂𝗽', 'Cobo Hotеl Group': read, another trade's company
    reason = f"written in another script, it reads as {latin.strip()!r}"
    return ambiguous(result.query, result.normalized, candidates, reason)


def keyboard_layout(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """A name typed with the keyboard in another layout ('иштфтсу', 'ㅗㅕㅐㅠㅑ'): a reading
    of its keys (``layouts.readings``) that the steps match to one entity is that entity for
    review, never a match: what was typed is not the name. A reading that is a domain the
    steps answer ``none`` for explains the text ('овюсщь' is jd.com): that ``none`` stands,
    and no transliteration is read into it."""
    from exitcheck.matching.decide import _other_script, match
    from exitcheck.matching.layouts import readings

    for layout, read in readings(text):
        if _other_script(read):  # a letter no layout reads: not typed on a keyboard
            continue
        if not _holds_a_key(index, read):  # most readings are nonsense: no steps for them
            if domain_of(read.strip()):
                return result
            continue
        answer = match(index, read, limit=0)
        best = answer.best or (answer.candidates[0] if answer.candidates else None)
        if answer.decision == DECISION_NONE and domain_of(read.strip()):
            return result
        if best is None or not best.entity_id:  # nothing, or another platform's name
            continue
        if answer.decision == DECISION_MATCH or answer.decision == DECISION_AMBIGUOUS:
            best = best._replace(method="keyboard_layout")
            reason = f"typed with the keyboard set to {layout}, it reads as {read.strip()!r}"
            return ambiguous(result.query, result.normalized, (best,), reason)
    return None


def _holds_a_key(index: KeyIndex, read: str) -> bool:
    """True when a registry key of three letters or more is a run of the reading's letters."""
    keys, longest = index.derived("latin_keys", _latin_keys)
    run = "".join(words(read))
    return any(
        run[at : at + size] in keys
        for size in range(3, min(longest, len(run)) + 1)
        for at in range(len(run) - size + 1)
    )


def _latin_keys(index: KeyIndex) -> tuple[frozenset[str], int]:
    keys = frozenset(key for key, _ in index.names("latin") if len(key) >= 3)
    return keys, max(map(len, keys), default=0)


MAX_OTHER_SCRIPT_WORDS = 8  # words of a text in another script read one by one
# ... a word in a script that leaves vowels unwritten (Arabic, Hebrew: 'بينانس' is 'bynns'),
# whose sound is the name's, spelt this close: its consonants are all it has to compare
ABJAD_WORD_SOUND = 45


def _abjad_sound(index: KeyIndex, said: str) -> list[Candidate]:
    """The registry names that sound as an Arabic or Hebrew word does, when its sound has
    three consonants or more: spelt within ``ABJAD_WORD_SOUND``."""
    from exitcheck.matching.nearby import sounds_alike

    if len(sound_key(said)) < 3:
        return []
    near = ABJAD_WORD_SOUND
    return [c._replace(method="transliterated") for c in sounds_alike(index, said, near, near)]


def _abjad(word: str) -> bool:
    """True for a word in Arabic or Hebrew letters (their scripts write no short vowels)."""
    return all("\u0590" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in word)


SENTENCE_WORD_SPELLING = 85  # ... each spelt this close to a registry name ('Khuobi')
SENTENCE_WORD_SOUND = 70  # ... or sounding as one does, spelt this close ('Binans')


def _transliterated(index: KeyIndex, key: str, core: list[str]) -> list[Candidate]:
    """The registry names a transliterated name is, exactly (it or one of its long words),
    or close to by spelling or sound (the whole name only)."""
    found: list[Candidate] = []
    for piece in dict.fromkeys([key, *(t for t in core if len(t) >= 4)]):
        hits = [e for e in index.exact(piece) if e.entity_id]
        found += [Candidate(e.entity_id, e.label, 100.0, "transliterated") for e in hits]
        if not hits and piece == key:  # spelling only for the whole name, not its words
            from exitcheck.matching.nearby import sounds_alike

            found += [
                Candidate(e.entity_id, e.label, round(score, 1), "transliterated")
                for k, e, score in index.spelt_like("latin", piece, 80)
                if e.entity_id
            ]
            found += [
                c._replace(method="transliterated")
                for c in sounds_alike(index, piece, 60, 0, near=60)
            ]
    return found


# katakana pairs of a loanword that a letter-by-letter reading splits ('ティ' is ti, not tei;
# 'キャ' kya, not kiya), and the long-vowel mark after an a-sound: English -er, -ar ('タイガー'
# tiger, 'ブローカーズ' brokers)
_KANA_PAIRS = {
    "ティ": "ti", "ディ": "di", "トゥ": "tu", "ウィ": "wi", "ウェ": "we", "ウォ": "wo",
    "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "ヴァ": "va", "ヴィ": "vi",
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "シャ": "sha", "シュ": "shu", "ショ": "sho", "ジャ": "ja", "ジュ": "ju", "ジョ": "jo",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "ニャ": "nya", "リャ": "rya", "ビャ": "bya",
    "ピャ": "pya", "ミャ": "mya", "ヒャ": "hya", "シェ": "she", "ジェ": "je", "チェ": "che",
}  # fmt: skip
_KANA = re.compile("|".join(_KANA_PAIRS) + "|(?<=[アカガサザタダナハバパマヤラワァャ])ー")


def _kana_spelling(text: str) -> str:
    """Katakana written as the loanword it spells, before a letter-by-letter reading:
    'ウィーチャット' -> 'wiーcha' + 'ット' (wichatto), 'タイガー' -> 'タイガr' (taigar)."""
    if not any("\u30a0" <= ch <= "\u30ff" for ch in text):
        return text
    return _KANA.sub(lambda found: _KANA_PAIRS.get(found[0], "r"), text)


@functools.cache
def _japanese_words() -> re.Pattern[str]:
    """Words of Japanese company names and press ('取引所', '株式会社', data/matching.toml)."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    found = sorted(data["japanese_words"], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in found))


CLOSE = 85.0  # the spelling score (rapidfuzz ratio) of the last band, close_spelling


def close_spelling(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """The last band: a name that every rule above missed but that is spelt within
    ``CLOSE`` of a registry name ('Vinance': a first letter the fuzzy step does not change).
    Review, so that none means that no registry name is close by any measure."""
    key = "".join(strip_generic(words(text)))
    if len(key) < 5 or has_cjk(key):
        return None
    digits = [ch for ch in key if ch.isdigit()]  # other digits are another name ('qkl1234')
    close = [
        Candidate(e.entity_id, e.label, round(score, 1), "spelling")
        for k, e, score in index.spelt_like("latin", key, CLOSE)
        if e.entity_id and [ch for ch in k if ch.isdigit()] == digits
    ]
    if not close:
        return None
    reason = f"spelt close to {close[0].label!r}, by no usual slip"
    return ambiguous(result.query, result.normalized, _merge(tuple(close)), reason)


def in_order(*groups: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Each entity once, where it first appears: a cell's names in the order the cell gives
    them ('火币、币安': Huobi first), each group already in its own order; an entity keeps
    its best score."""
    seen: dict[str, Candidate] = {}
    for group in groups:
        for c in group:
            if c.entity_id and (c.entity_id not in seen or c.score > seen[c.entity_id].score):
                seen[c.entity_id] = c  # a dict keeps the place of a key's first insertion
    return tuple(seen.values())


def _merge(*groups: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    seen: dict[str, Candidate] = {}
    for group in groups:
        for c in group:
            if c.entity_id and (c.entity_id not in seen or c.score > seen[c.entity_id].score):
                seen[c.entity_id] = c
    return tuple(sorted(seen.values(), key=lambda c: (-c.score, c.entity_id)))


__all__ = [
    "by_domain",
    "close_spelling",
    "contained",
    "homophone",
    "in_order",
    "misread",
    "mixed",
    "one_named",
    "other_script",
    "product",
    "product_word",
    "qualified",
    "several",
    "split_scripts",
]
