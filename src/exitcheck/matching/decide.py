"""Match decisions: one entity, several (ambiguous), or none, for any string. Pure.

Normalisation lives in ``names``; the keys and their look-ups in ``index``; the shapes of an
answer in ``results``; queries that are more than a name in ``review``.
In order, the first step that decides wins: domains (listed hosts and their subdomains),
exact keys, names of known other platforms, reordered words and generic words peeled off,
mixed-script queries split into their Latin and Chinese parts, romanised Chinese names, then
fuzzy scoring under a strict edit budget that must also beat every known other platform.
Bracketed parts ('Huobi (HT)') and a registry name contained in a longer query are judged
last. Anything less than one clear winner is not a match. See README "Matching".
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from exitcheck.matching.names import (
    clean,
    compact_key,
    core_key,
    domain_of,
    everyday_name,
    everyday_names,
    generic_words,
    has_cjk,
    is_cjk,
    is_qualifier,
    is_tone_pinyin,
    legal_forms,
    max_edits,
    peeled,
    split_groups,
    strip_bullet,
    strip_generic,
    to_simplified,
    units,
    without_versions,
    words,
)
from exitcheck.matching.results import (
    ANOTHER_TRADE,
    DECISION_AMBIGUOUS,
    DECISION_MATCH,
    DECISION_NONE,
    MARGIN,
    MAX_REORDER_WORDS,
    MIN_FUZZY_CJK,
    MIN_FUZZY_LATIN,
    RELATED,
    SCORE_THRESHOLD,
    SEVERAL,
    UNUSUAL,
    Candidate,
    Entry,
    MatchResult,
    ambiguous,
    decide,
    none,
    other,
)
from exitcheck.matching.results import (
    related as related_company,
)

if TYPE_CHECKING:
    from types import ModuleType

    from exitcheck.matching.index import KeyIndex


MIN_GLUED_NAME = 3  # letters left of a word run on into a generic word ('okx' of 'OkxExchange')


def _glued_generic(token: str) -> list[str]:
    """A Latin word that ends in a generic word run on to it ('okxexchange', 'htxglobal'),
    without it: the name a space would have set apart ('OKX Exchange')."""
    if not token.isascii() or not token.isalpha() or len(token) < MIN_GLUED_NAME + 2:
        return []
    generic = generic_words().latin
    return [token[:-n] for n in range(2, len(token) - MIN_GLUED_NAME + 1) if token[-n:] in generic]


def _inner_generic(tokens: Sequence[str]) -> list[str]:
    """The words joined without one generic word that stands between two others ('Spark
    Mining Pool' -> 'sparkpool'): a name with a word of its trade put inside. Not a company
    word ('Keystone Capital Wallet' names another firm), nor 'global' (Tiger Global)."""
    if not 3 <= len(tokens) <= MAX_REORDER_WORDS:
        return []
    generic, company = generic_words().latin, _company_words()
    return [
        "".join([*tokens[:i], *tokens[i + 1 :]])
        for i in range(1, len(tokens) - 1)
        if tokens[i] in generic and tokens[i] not in company and tokens[i] != "global"
    ]


def _variants(tokens: list[str]) -> tuple[tuple[str, str], ...]:
    return _variants_of(tuple(tokens))


_TONES = frozenset("12345")


@functools.lru_cache(maxsize=8192)
def _variants_of(tokens: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(key, method) forms of a query to look up exactly, most literal first."""
    out: list[tuple[str, str]] = []
    if 1 < len(tokens) <= MAX_REORDER_WORDS and _reorderable(tokens):
        out += (("".join(order), "exact_reordered") for order in itertools.permutations(tokens))
    parts = units(list(tokens))
    if parts and (parts[0][1] or parts[-1][1]):  # peeled has nothing to peel off without
        out += ((key, "exact_without_generic") for key in peeled(list(tokens)))
    if len(tokens) == 1:
        out += ((key, "exact_without_generic") for key in _glued_generic(tokens[0]))
    out += ((key, "exact_without_generic") for key in _inner_generic(tokens))
    core = [unit for unit, generic in parts if not generic]  # strip_generic
    if 1 < len(core) <= MAX_REORDER_WORDS and _reorderable(core):
        out += (("".join(o), "exact_without_generic") for o in itertools.permutations(core))
    joined = "".join(core or tokens)
    if joined[-1:] in _TONES and is_tone_pinyin(joined):  # tone pinyin ends in a tone digit
        out.append(("".join(ch for ch in joined if not ch.isdigit()), "pinyin"))
    expanded = _expanded(tokens)
    if expanded != tokens:  # 'Guotai Junan Intl': the name's words as a bank statement cuts them
        out.append(("".join(expanded), "exact_expanded"))
        out += ((key, "exact_expanded") for key, _ in _variants_of(expanded))
    return tuple(dict.fromkeys(out))  # each form once, in order


MIN_REORDERED = 4  # letters of words read in another order: fewer spell an acronym by chance


def _reorderable(tokens: Sequence[str]) -> bool:
    """Words whose letters are enough to be read in another order: 'swap zk' is ZKSwap, but
    'C=MX' (a certificate's country) is no 'MXC', nor 'C=LR' 'LRC'."""
    return sum(map(len, tokens)) >= MIN_REORDERED


@functools.cache
def _abbreviations() -> dict[str, str]:
    """A word's abbreviation to the word (data/matching.toml ``word_abbreviations``)."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    return dict(pair.split() for pair in data["word_abbreviations"])


def _expanded(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words with each abbreviation of a word a name may hold written out ('intl' ->
    'international', 'hldgs' -> 'holdings'); the words themselves when none is."""
    table = _abbreviations()
    if table.keys().isdisjoint(tokens):
        return tokens
    return tuple(table.get(token, token) for token in tokens)


def match(
    index: KeyIndex, query: str, *, threshold: float = SCORE_THRESHOLD, limit: int = 5
) -> MatchResult:
    """Match a query to one entity, or explain why not. Never raises on any string.

    ``limit`` caps the candidates listed; 0 skips the 'did you mean' suggestions of a query
    that matches nothing (screening does, for speed), never the candidates of an ambiguous one.
    Encodings around the name (HTML, percent-encoding, a spreadsheet formula …) are undone
    first and named in the answer's ``decoded``; a cell holding several names is ambiguous
    with each of them.
    """
    text, decoded = _module("decoding").decode(query)
    result = _decoded(index, text, threshold, limit)
    if result.decision == DECISION_AMBIGUOUS and result.candidates and not _masked_word(text):
        # the name as a field's value, beside its own domain, or a clause's subject: read in
        # the whole line only, never in a part of it that review.one_named reads alone
        read = functools.partial(match, index, threshold=threshold, limit=0)
        result = _module("fields").promoted(result, text, read) or result
    if result.decision == DECISION_MATCH and _more_than_name(result, text):
        result = _module("beside").beside(index, result, text)  # 'Binance (Malta)', '火币支付'
        if result.decision == DECISION_MATCH and result.best is not None:
            # a CV's past employer, a piece's subject, a clone's model: review
            spans = _module("beside")._spans_of(index, result.best.entity_id, text)
            result = _module("roles").demoted(result, text, spans)
    if decoded and result.decision == DECISION_MATCH:
        result = _internationalised(result, decoded)
    if decoded or result.decoded:
        result = result._replace(query=query, decoded=(*decoded, *result.decoded))
    return result


_SPACED = re.compile(r"[\s(\[（【［?？]")


def _more_than_name(result: MatchResult, text: str) -> bool:
    """True when the text may hold words beside the name matched ('Binance (Malta)', '火币支付');
    not a name alone ('Binance', '火币'), which an exact hit answers without reading more."""
    plain = text.strip()
    label = result.best.label if result.best else ""
    return bool(_SPACED.search(plain)) or (has_cjk(plain) and len(plain) > len(label))


def _decoded(index: KeyIndex, text: str, threshold: float, limit: int) -> MatchResult:
    """The answer for a text whose encodings are undone: the cell's, then the bands that read
    a name in longer text."""
    result = _cell(index, text, threshold, limit)
    if (
        result.decision != DECISION_MATCH
        and (not result.reason.endswith(("does not list", RELATED)) or _app_link(text))
        and not _masked(text)  # what a mask hides may be anything but noise
    ):
        result = _module("context").in_context(index, result, text) or result
    if result.decision == DECISION_NONE and not result.reason.endswith("does not list"):
        result = _written_out(index, result, text, threshold) or result
    if (
        result.decision == DECISION_AMBIGUOUS
        and result.reason.startswith(SEVERAL)
        and not _masked_word(text)  # a mask in another part ('… Co., **td.') hides a name's
    ):
        # a cell of several parts of which one names a registry entity: that part's answer
        result = (
            _module("review").one_named(
                result,
                text,
                lambda part: _name(index, part, threshold, 0),
                lambda part: _decoded(index, part, threshold, 0),
            )
            or result
        )
    if result.decision == DECISION_MATCH and _LABELS.search(text) and _more_than_name(result, text):
        result = _module("fields").other_field(result, text)  # 'Token: Huobi', 'Index: AEX'
    return result


_LABELS = re.compile("[:：=]")  # a label's mark


def _app_link(text: str) -> bool:
    """True when the text is a deep link into an app ('imtokenv2://…&url=https://app.uniswap
    .org'): its scheme names the app, whatever another platform's page its parameters hold."""
    return "://" in text and _module("context").app_link(clean(text)) is not None


def _written_out(
    index: KeyIndex, result: MatchResult, text: str, threshold: float
) -> MatchResult | None:
    """A name whose abbreviated words leave it reading as nothing ('Guotai Junan Sec') is
    read again with them written out ('Guotai Junan securities'), as the exact look-ups
    already are: what the review bands find there is review here too, never more."""
    table = _abbreviations()
    if table.keys().isdisjoint(words(text)):
        return None
    written = _ABBREVIATED.sub(lambda m: table.get(m[0].lower(), m[0]), text)
    if written == text:  # 'S\U000f071bEÇ' reads as 'sec' but writes out as itself: no loop
        return None
    again = match(index, written, threshold=threshold, limit=0)
    if again.decision != DECISION_AMBIGUOUS:
        return None
    return ambiguous(result.query, result.normalized, again.candidates, again.reason)


_ABBREVIATED = re.compile(r"[A-Za-z]+")


def _internationalised(result: MatchResult, decoded: tuple[str, ...]) -> MatchResult:
    """A match read through punycode ('xn--bnance-pvf.com', which is 'bіnance.com' with a
    Cyrillic і) is review: the registry lists no internationalised domain, and one whose
    letters imitate a listed name is a look-alike, not the platform's."""
    from exitcheck.matching.decoding import PUNYCODE

    if PUNYCODE not in decoded or result.best is None:
        return result
    reason = f"an internationalised domain that reads as {result.best.label!r}: a look-alike?"
    return ambiguous(result.query, result.normalized, (result.best,), reason)


_SEPARATORS = frozenset(",;|/、&\n和")  # and ' and '


def is_list(text: str) -> bool:
    """True when the text may hold several names: a separator of review.several's parts."""
    return not _SEPARATORS.isdisjoint(text) or " and " in text.lower()


@functools.cache
def _module(name: str) -> ModuleType:
    """decoding, review or beside, imported on first use and then read without the import machinery:
    several bands are asked on every query that matches nothing."""
    import importlib

    return importlib.import_module(f"exitcheck.matching.{name}")


def _cell(index: KeyIndex, text: str, threshold: float, limit: int) -> MatchResult:
    result = _name(index, text, threshold, limit)
    if result.decision == DECISION_MATCH and result.method != "exact_domain":
        result = _corroborated(result, text)
    if result.method == "exact_without_generic":  # 'Bitget Foundation', 'KuCoin DEX Ltd'
        result = _module("context").unit_peeled(result, text)
    if result.decision == DECISION_MATCH and _masked(text):
        result = _masked_answer(result)
    elif result.decision == DECISION_NONE and _other_script(text):
        result = _module("review").other_script(index, result, text) or result
    if result.decision == DECISION_AMBIGUOUS and all(
        c.method == UNUSUAL for c in result.candidates
    ):
        result = _module("nearby").sound_first(index, result, text) or result
    if result.decision == DECISION_NONE and not result.reason.endswith(FINAL_NONE):
        result = _module("review").close_spelling(index, result, text) or result
    if "/" in text:  # a page on a social site: its host decided, its path names the account
        page = _module("nearby").social_page
        result = page(index, result, text, lambda part: _cell(index, part, threshold, 0)) or result
    if result.decision == DECISION_NONE and "/" in text:  # an article's address names one
        result = _module("nearby").article(index, result, text) or result
    if result.decision == DECISION_NONE:
        other = result.reason.endswith(FINAL_NONE)
        result = _module("nearby").surface(
            index, result, text, lambda part: _cell(index, part, threshold, 0), other=other
        )
    if _weak_first(result):  # 'コイン市場キャップ' read as 'koin', 'Biene Pool' as BiONE
        result = _module("translations").beside(index, result, text) or result
    if not is_list(text):
        return result
    several: Callable[[MatchResult, str, Callable[[str], MatchResult]], MatchResult]
    several = _module("review").several
    # each part on its own, even when the whole cell read as nothing ('Silva, Futu': a short
    # name after another's is no span the bands read)
    return several(result, text, lambda part: _name(index, part, threshold, 0))


BRACKETED_ONLY = "only the bracketed part names"  # review._bracketed_only's reason begins so
UNCONFIRMED = "the bracketed part "  # ... and review.qualified's, of a part that does not confirm
FINAL_NONE = ("does not list", ANOTHER_TRADE)  # another platform's name, another trade's
_MASKS = frozenset("*＊∗⁎•●×")  # what privacy masking puts in place of letters
# Markdown's strong emphasis around whole words ('**Binance**', '- **AEX 安银**'): markup
_EMPHASIS = re.compile(r"(?<![\w*])\*\*(?=[^\s*])([^*]*?[^\s*])\*\*(?![\w*])")


def _masked_word(text: str) -> bool:
    """True when a word of the text is masked letters ('**td.', 'Bin***e'), which may be a
    name's; not a masked number, e-mail or password ('U***4471', 'li***@163.com', '••••')."""
    return _masked(text) and any(
        _masked(word) and not any(ch.isdigit() for ch in word) and "@" not in word
        for word in text.split()
        if any(ch.isalpha() for ch in word)
    )


def _masked_answer(result: MatchResult) -> MatchResult:
    """A match in a text with a mask is review: what is hidden cannot be checked."""
    best = result.best
    reason = "part of the name is masked: what is hidden cannot be checked"
    return ambiguous(result.query, result.normalized, (best,) if best else (), reason)


def _masked(text: str) -> bool:
    """True when letters of the name were replaced by masking characters: two or more in a
    row ('Bin***', '有限**'), or one between two letters or digits ('Hu*bi'). Stars in pairs
    around whole words are markup, not a mask ('**Binance**')."""
    if _MASKS.isdisjoint(text):
        return False
    text = _EMPHASIS.sub(r"\1", text)
    for at, ch in enumerate(text):
        if ch not in _MASKS:
            continue
        if at + 1 < len(text) and text[at + 1] in _MASKS:
            return True
        if 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum():
            return True
    return False


def _weak_first(result: MatchResult) -> bool:
    """True when a review's first candidate is a loose reading: a transliteration's, or a
    spelling within the budget but no typing slip."""
    return (
        result.decision == DECISION_AMBIGUOUS
        and result.candidates[:1] != ()
        and result.candidates[0].method in ("transliterated", UNUSUAL)
    )


def _other_script(text: str) -> bool:
    """True when the text has letters of a script other than Latin and Chinese characters
    (Cyrillic, Greek, kana, hangul …)."""
    return not text.isascii() and any(
        ch.isalpha() and ord(ch) >= 0x250 and not is_cjk(ch) for ch in text
    )


def _corroborated(result: MatchResult, text: str) -> MatchResult:
    """A match whose distinctive part is an everyday word ('Keystone Finance Ltd') stands only
    with a word that corroborates it ('Keystone Wallet'); else it goes to review."""
    best = result.best
    key = compact_key(text)
    if best is None:
        return result
    names = everyday_names()
    if best.method == "pinyin" and compact_key(best.label) in names:
        # the everyday name's pinyin ('Yu Chi' for 鱼池, a given name too): as the name is
        if not everyday_name(compact_key(best.label), words(text)):
            return result
        return _everyday(result, best)
    if not any(name in key for name in names):
        return result
    if text.strip() == best.entity_id:  # the entity's id, as written: a deliberate reference
        return result
    tokens = words(text)
    core = "".join(strip_generic(tokens))
    if not (everyday_name(core, tokens) or everyday_name(core_key(best.label), tokens)):
        return result
    return _everyday(result, best)


def _everyday(result: MatchResult, best: Candidate) -> MatchResult:
    reason = f"{best.label!r} is an everyday word or another firm's name, and nothing else in the name points to it"
    return ambiguous(result.query, result.normalized, (best,), reason)


def _name(index: KeyIndex, query: str, threshold: float, limit: int) -> MatchResult:
    cleaned = strip_bullet(clean(query))
    if not words(cleaned):
        return none(query, "", "the query has no letters or digits")
    if "dot" in words(cleaned):
        from exitcheck.matching.decoding import SPELLED, spelled_domain

        host = spelled_domain(words(cleaned))
        if host is not None:
            return _text(index, query, host, threshold, limit)._replace(decoded=(SPELLED,))
    outside, groups = split_groups(cleaned)
    if not groups and "," in cleaned:  # 'Huobi Global Limited, Seychelles'
        head, _, tail = cleaned.rpartition(",")
        if words(head) and is_qualifier(tail):
            outside, groups = head, [tail]
    if not groups or not words(outside):
        return _text(index, query, cleaned, threshold, limit)
    from exitcheck.matching.review import qualified

    result = _text(index, query, outside, threshold, limit)
    answer = qualified(result, groups, lambda text: _name(index, text, threshold, 0))
    if answer.reason.startswith(BRACKETED_ONLY):  # '矩阵港（Matrixport）': its translation?
        answer = _module("translations").confirmed(index, answer, outside) or answer
    elif answer.reason.startswith(UNCONFIRMED) and result.decision == DECISION_MATCH:
        # 'Keystone（基石）': the bracketed part is the name translated
        answer = _module("translations").translated_groups(index, result, groups) or answer
    return answer


def _text(index: KeyIndex, query: str, cleaned: str, threshold: float, limit: int) -> MatchResult:
    tokens = words(cleaned)
    key = "".join(tokens)
    found = index.exact(key)
    if found:
        return decide(query, key, found, None)
    domain = domain_of(cleaned)
    if domain is not None:
        from exitcheck.matching.review import by_domain

        return by_domain(
            index, query, domain, lambda text: _text(index, query, text, threshold, limit)
        )
    plain = _joined_characters(words(without_versions(cleaned)) or tokens)
    forms = itertools.chain([(key, ""), ("".join(plain), "")], _variants(plain))
    result = _exact(index, query, forms, limit)
    if result is not None:
        return result
    if not strip_generic(plain):
        return none(query, key, "the query is only generic words")
    if any(has_cjk(t) for t in plain) and not all(has_cjk(t) or t.isdigit() for t in plain):
        simplified = to_simplified(key)  # 'TP錢包' is the alias 'TP钱包'
        found = index.exact(simplified) if simplified != key else []
        if found:
            return decide(query, simplified, found, "exact_traditional")
        from exitcheck.matching.review import mixed, split_scripts

        latin, chinese = split_scripts(plain)
        return mixed(
            query, key, latin, chinese, lambda text: _text(index, query, text, threshold, limit)
        )
    if has_cjk(key):
        result = _chinese(index, query, plain, limit)
    else:
        result = _latin(index, query, plain, threshold, limit)
    if result.decision == DECISION_NONE:
        review = _module("review")
        contained, homophone, misread = review.contained, review.homophone, review.misread
        product, product_word = review.product, review.product_word
        peeled_forms = [k for k, m in _variants(plain) if m != "exact_reordered"]
        return (
            product(index, result, [key, *peeled_forms])
            or contained(index, result, plain)
            or misread(index, result, key)
            or (homophone(index, result, core_key(key)) if has_cjk(key) else None)
            or (product_word(index, result, plain) if len(plain) > 1 else None)
            or result
        )
    return result


def _joined_characters(tokens: list[str]) -> list[str]:
    """Chinese characters typed one by one with spaces between ('币 安 交 易 所') as the word
    they spell: a run of single characters is one word."""
    if len(tokens) < 2 or not any(len(t) == 1 and has_cjk(t) for t in tokens):
        return tokens
    out: list[str] = []
    run = False  # the last word is a run of single characters
    for token in tokens:
        single = len(token) == 1 and has_cjk(token)
        if single and run:
            out[-1] += token
        else:
            out.append(token)
        run = single
    return out


def _exact(
    index: KeyIndex, query: str, forms: Iterable[tuple[str, str]], limit: int
) -> MatchResult | None:
    """The first form that is a registry key (a match), a company related to a registry
    platform (review) or a known other platform (none). The
    forms only drop generic words, so a form that is another platform's name leaves nothing
    else in the query; another platform's name beside a registry name ('TokenPocket Bitcoin
    Wallet') is for the contained band, which prefers the registry's."""
    for form, method in forms:
        found = index.exact(form)
        if found and method and _domain_reordered(query, form, found):
            continue  # 'ORG:Neo Trading Ltd' read as 'neo org', neo.org: no name's order
        if found:
            return decide(query, form, found, method or None)
        related = [e for e in index.product(form) if e.field == "company"]
        if related:  # 'Huobi Technology Holdings Ltd' before its peeled form 'huobi'
            return related_company(query, form, related)
        others = index.other(form) if method != "exact_reordered" else None
        if others:
            close = suggest(index, form, limit, chinese=has_cjk(form)) if limit > 0 else ()
            return other(query, form, others, close)
    return None


def _domain_reordered(query: str, form: str, found: list[Entry]) -> bool:
    """True when a form found only as a registry domain's key does not stand in the query in
    its order: words put in another order ('org neo' as 'neoorg') spell no domain."""
    return all(e.field == "domain" for e in found) and form not in compact_key(query)


def _chinese(index: KeyIndex, query: str, tokens: list[str], limit: int) -> MatchResult:
    folded_tokens = [to_simplified(t) for t in tokens]
    folded = "".join(folded_tokens)
    forms = [(folded, "exact_traditional")] + [
        (v, "exact_traditional") for v, _ in _variants(folded_tokens)
    ]
    for form, method in forms:
        found = index.folded(form) or index.exact(form)
        if found:
            return decide(query, form, found, method)
    core = core_key(folded)  # edit distance on the distinctive part, never on the boilerplate
    scored = _fuzzy(index, "cjk", core, MIN_FUZZY_CJK, "fuzzy_chinese")
    return _fuzzy_decision(index, query, core, scored, SCORE_THRESHOLD, limit, script="cjk")


def _latin(
    index: KeyIndex, query: str, tokens: list[str], threshold: float, limit: int
) -> MatchResult:
    key = "".join(tokens)
    forms = [key] + [v for v, _ in _variants(tokens)]
    for form in forms:
        found = index.romanised(form)
        if found:
            result = decide(query, form, found, "pinyin")
            if form == key or any(len(e.label) > 2 for e in found):
                return result
            reason = (
                "the pinyin of a short Chinese name, in a longer name: another company may bear it"
            )
            return ambiguous(query, form, result.candidates, reason)
    core_tokens = strip_generic(tokens) or tokens
    orders = (
        [core_tokens]
        if len(core_tokens) > MAX_REORDER_WORDS
        else [list(p) for p in itertools.permutations(core_tokens)]
    )
    forms = ["".join(order) for order in orders] + _with_generic(tokens)
    scored: list[Candidate] = []
    for form in dict.fromkeys(forms):
        scored += _fuzzy(index, "latin", form, MIN_FUZZY_LATIN, "fuzzy")
    result = _fuzzy_decision(
        index, query, "".join(core_tokens), scored, threshold, limit, script="latin", forms=forms
    )
    if result.decision == DECISION_AMBIGUOUS and result.candidates[0].method == UNUSUAL:
        return _another_trade(index, result, tokens) or result
    if (
        result.decision == DECISION_MATCH
        and result.best is not None
        and result.method == "fuzzy"
        and not legal_forms().isdisjoint(tokens)
    ):
        # a legal entity's registered name is written as registered: one letter off with a
        # legal form is another company's ('Coinexx Limited' is not CoinEx)
        reason = f"{result.best.label!r} is close, but a registered name with a legal form is written exactly"
        return ambiguous(query, result.normalized, result.candidates, reason)
    return result


def _another_trade(index: KeyIndex, result: MatchResult, tokens: list[str]) -> MatchResult | None:
    """None for a name that holds a registry name whole, beside a word of another trade
    ('Keystone RV Company'): no slip of the name but another company's (review.contained)."""
    from exitcheck.matching.review import another_trade

    best = result.candidates[0]
    trade = another_trade(index, tokens, [(best.entity_id, best.label)])
    if trade is None:
        return None
    reason = f"{best.label} is a common name here, beside words of another trade ({trade!r}): another company's name"
    return none(result.query, result.normalized, reason, result.candidates)


def _with_generic(tokens: list[str]) -> list[str]:
    """Forms that keep generic words a registry name may hold ('coin market cab' is a slip of
    CoinMarketCap, 'tiger broker' of Tiger Brokers): the query between its first and last
    distinctive word, then the whole query; none when no generic word is in it."""
    parts = [(unit, generic) for unit, generic in units(tokens) if unit not in _company_words()]
    distinctive = [i for i, (_, generic) in enumerate(parts) if not generic]
    if not distinctive or len(distinctive) == len(parts):
        return []
    inner = "".join(unit for unit, _ in parts[distinctive[0] : distinctive[-1] + 1])
    return [inner, "".join(unit for unit, _ in parts)]


@functools.cache
def _company_words() -> frozenset[str]:
    """Legal forms and the words that stand for one ('Holdings'): no platform's name holds
    them, so the forms with generic words leave them out ('Tiger Broker Ltd' -> 'tigerbroker')."""
    from exitcheck.matching.names import _legal_forms

    words_ = {"inc", "ltd", "limited", "co", "corp", "corporation", "incorporated", "company"}
    return _legal_forms()[0] | words_ | {"llc", "plc", "group", "holding", "holdings", "the"}


def _fuzzy(index: KeyIndex, script: str, query: str, minimum: int, method: str) -> list[Candidate]:
    spread = max_edits(len(query), minimum)  # no key can be allowed more edits than this
    if spread == 0:
        return []
    keys = index.fuzzy(script, query, spread)  # mostly none: no imports, no digits to count
    return edit_candidates(query, keys, method) if keys else []


def edit_candidates(
    query: str, keys: Iterable[tuple[str, Entry, int]], method: str
) -> list[Candidate]:
    """Candidates within the edit budget: same first letter (or first two swapped), same digits."""
    from rapidfuzz.distance import OSA

    from exitcheck.matching.slips import initials_changed, is_slip, short_part_changed

    digits = "".join(ch for ch in query if ch.isdigit())
    out = []
    for key, entry, minimum in keys:
        length = max(len(key), len(query))
        budget = min(max_edits(len(query), minimum), max_edits(len(key), minimum))
        if budget == 0 or abs(len(key) - len(query)) > budget:
            continue
        if key[0] != query[0] and key[:2] != query[1::-1]:
            continue
        if "".join(ch for ch in key if ch.isdigit()) != digits:
            continue
        distance = OSA.distance(query, key, score_cutoff=budget)
        if distance <= budget:
            score = round(100.0 * (1 - distance / length), 1)
            slip = method != "fuzzy" or (
                is_slip(query, key)
                and not _short_swap(query, key)
                and not short_part_changed(query, key, entry.label)
                and not initials_changed(query, key, entry.label)
            )
            out.append(Candidate(entry.entity_id, entry.label, score, method if slip else UNUSUAL))
    return out


def _short_swap(query: str, key: str) -> bool:
    """One letter replaced by another in a name of five letters or fewer ('Boone' for BiONE):
    a slip as often as another word, so never a confident match (review)."""
    return len(query) == len(key) <= 5 and sum(a != b for a, b in zip(query, key, strict=True)) == 1


def best_per_entity(candidates: Iterable[Candidate]) -> list[Candidate]:
    best: dict[str, Candidate] = {}
    for c in candidates:
        if c.entity_id not in best or c.score > best[c.entity_id].score:
            best[c.entity_id] = c
    return sorted(best.values(), key=lambda c: (-c.score, c.entity_id))


def _fuzzy_decision(
    index: KeyIndex,
    query: str,
    normalized: str,
    scored: list[Candidate],
    threshold: float,
    limit: int,
    *,
    script: str,
    forms: list[str] | None = None,
) -> MatchResult:
    ranked = [c for c in best_per_entity(scored) if c.score >= threshold]
    if ranked:
        best = ranked[0]
        if len(ranked) > 1 and ranked[1].score > best.score - MARGIN:
            close = tuple(c for c in ranked if c.score > best.score - MARGIN)
            reason = f"{len(close)} candidates score within {MARGIN:g} points of each other"
            return ambiguous(query, normalized, close, reason)
        if best.method == UNUSUAL:
            reason = f"{best.label!r} is close, but not by a usual typing slip"
            return ambiguous(query, normalized, (best,), reason)
        minimum = MIN_FUZZY_CJK if script == "cjk" else MIN_FUZZY_LATIN
        rivals = [
            c
            for form in dict.fromkeys(forms or [normalized])
            for c in _fuzzy(index, "other-" + script, form, minimum, "fuzzy")
        ]
        rival = max(rivals, key=lambda c: c.score, default=None)
        if rival is not None and rival.score >= best.score:
            reason = (
                f"as close to {rival.label!r}, another platform that the registry does not list"
            )
            return ambiguous(query, normalized, (best,), reason)
        return MatchResult(
            query, normalized, DECISION_MATCH, best.method, best, tuple(ranked[:limit])
        )
    suggestions = suggest(index, normalized, limit, chinese=script == "cjk") if limit > 0 else ()
    return none(query, normalized, "no name is close enough to be sure", suggestions)


def suggest(
    index: KeyIndex, normalized: str, limit: int, *, chinese: bool
) -> tuple[Candidate, ...]:
    """Closest names by a loose similarity, for 'did you mean'; never a match by themselves."""
    if not normalized:
        return ()
    pool = index.suggestions("cjk" if chinese else "latin", normalized, limit)
    scored = (
        Candidate(e.entity_id, e.label, round(score, 1), "suggestion") for _, e, score in pool
    )
    return tuple(c for c in best_per_entity(scored) if c.score > 0)[:limit]


def search(
    index: KeyIndex, query: str, limit: int = 10
) -> tuple[MatchResult, tuple[Candidate, ...]]:
    """The match decision and a ranked list of candidates (decision's own first)."""
    result = match(index, query, limit=limit)
    chinese = has_cjk(result.normalized)
    extra = suggest(index, result.normalized, limit, chinese=chinese) if result.normalized else ()
    own = {c.entity_id for c in result.candidates}
    others = [c for c in best_per_entity(extra) if c.entity_id not in own]
    return result, tuple(_dedupe([*result.candidates, *others]))[:limit]


def _dedupe(candidates: Iterable[Candidate]) -> Iterator[Candidate]:
    seen: set[str] = set()
    for c in candidates:
        if c.entity_id not in seen:
            seen.add(c.entity_id)
            yield c
