"""A registry name that stands as a record's value or a sentence's subject: a match, not review.

The review bands send a line that holds a registry name among other words to review ('the
query contains Bybit with other words'). In three structures a careful analyst matches without
looking, in any language:

- a labelled field whose value is the name, whole: 'Company: Interactive Brokers LLC',
  '"legalPersonName": "Binance"', '投诉对象：火币网' (not XML: decoding.py has undone its tags
  before, so a tag's name is no label here), where the label
  says the value is an organisation's or a party's name, not a product's, a token's or an
  index's (data/fields.toml ``name_labels``, ``other_labels``);
- the name beside a domain the entity lists: 'BiKi (biki.com)', 'Bybit · Website: bybit.com';
- the name as a clause's subject, before a verb ('Bit-Z suspends withdrawals', 'Bybit hack:',
  '火币宣布…', 'Bybitは…'), or as the object of a plain verb ('SEC sues Binance, …').

The span (the value, the subject) is read alone by the whole matcher and must be an exact
match to the entity the line was sent to review with (its name, alias, domain, or its name with
a legal form), and the rest of the line, read alone without the span and the entity's own
domains, must name nothing: another registry entity, an affiliate, another platform keep the
line in review. A registry name that is an everyday word ('Company: Keystone') needs a word
that corroborates it, or its domain. The match is then read again by ``review.beside``
(relation and denial words, places in brackets, questions) as every match of a longer text is.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator

from exitcheck.matching.names import (
    compact_key,
    everyday_name,
    everyday_names,
    has_cjk,
    legal_forms,
    to_simplified,
    words,
)
from exitcheck.matching.results import (
    DECISION_AMBIGUOUS,
    DECISION_MATCH,
    DECISION_NONE,
    EXACT_METHODS,
    Candidate,
    MatchResult,
)

FIELD_VALUE = "exact_field_value"  # the value of a field whose label says it is a name
WITH_DOMAIN = "exact_with_domain"  # the name beside a domain the entity lists
SUBJECT = "exact_subject"  # the subject (or a plain verb's object) of a clause
SOLE = "exact_sole"  # the only name a record holds, nothing beside it attached, no role marked

MAX_LINE = 600  # characters of a line read for these structures
MAX_SPAN_WORDS = 8  # words of a value or a subject
MIN_SUBJECT_LETTERS = 4  # a shorter Latin name before a verb is an acronym of many ('AEX falls')
# a span's own match: the name, alias, domain, later name, the name in traditional characters,
# in both scripts ('欧易OKX'), or with a legal form or a word of its kind ('火币网',
# 'Interactive Brokers LLC'): never a slip, a sound or a part of the name
_SPAN_METHODS = EXACT_METHODS | {"exact_traditional", "exact_without_generic", "mixed_script"}

Reader = Callable[[str], MatchResult]

# the methods of a name read among other words of a line (context.py)
_IN_LINE = frozenset(
    {"exact_in_context", "exact_in_text", "exact_in_sentence", "exact_in_field", "exact_apart"}
)

# a field's value ends at a separator of fields, a dash between spaces, a run of spaces
# (a fixed-width record: 'DE43: BINANCE.COM      VALLETTA'), a bracket, or the next label
_FORM = r"(?i:ltd|limited|inc|llc|llp|corp|co|plc|gmbh|ag|pte|s\.?a|b\.?v|n\.?v)\b"
_VALUE = (
    r"(?:(?!\s[-–—]\s|\s{2,}|\s+[^\s:：=|·•;；,，/／]{1,24}\s*[:：=])"
    r"(?:://|,\s?(?=" + _FORM + r")|[^|·•;；,，/／\t\n{}<>\[\]【】「」『』\"“”:：=—–]))+"
)  # brackets stay in a value ('Name: Binance (Malta)', '富途证券国际（香港）有限公司'), so do a
# URL's scheme ('Website: https://www.hbtc.com') and a comma before a legal form ('Co., Ltd.')

_LABELLED = re.compile(
    r"(?P<label>[^|·•;；,，/／\t\n{}<>\[\]()（）【】「」『』\"“”:：=—–]{1,40}?)\s*(?:[:：]|=>?)\s*"
    r"[\"'“‘]?(?P<value>" + _VALUE + ")"
)
_JSON = re.compile(
    r"[\"'](?P<label>[^\"'\n]{1,60})[\"']\s*[:=]\s*[\"'](?P<value>[^\"'\n]{1,160})[\"']"
)
_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DOMAIN = re.compile(
    r"(?:https?://)?(?:[\w-]+@)?(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,12}(?![\w.-]*[\w])", re.I
)
# what starts a clause: the line's start, a field's separator, a dash, a colon, a sentence's end
_CLAUSE = re.compile(r"\s*(?:[|·•;；:：\]】)»\"“”」』。！!，,\n\t]|\s[-–—]+\s|[–—]|\.\s)\s*")
_TOKEN = re.compile(r"\S+")
_BEFORE_CJK = re.compile(r"\s+(?=[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@functools.cache
def _vocab() -> dict[str, frozenset[str]]:
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("fields.toml").read_text(encoding="utf-8"))
    out = {key: frozenset(value) for key, value in data.items()}
    english = set(out["verbs_en_forms"])
    for verb in out["verbs_en"]:
        english |= _forms(verb)
    out["verbs"] = frozenset(english | out["verbs_eu"])
    return out


def _forms(verb: str) -> set[str]:
    """A base verb's third person and past forms ('halt' -> 'halts', 'halted')."""
    if verb.endswith("e"):
        return {verb + "s", verb + "d"}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return {verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return {verb + "es", verb + "ed"}
    return {verb + "s", verb + "ed"}


def _plain(word: str) -> str:
    """A word as the vocabularies write it: lower case, no accents."""
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def promoted(result: MatchResult, text: str, read: Reader) -> MatchResult | None:
    """The match of a line sent to review with one entity, when that entity's name stands in
    it as a field's value, beside its own domain, or as a clause's subject; None otherwise."""
    if result.decision != DECISION_AMBIGUOUS or not result.candidates or len(text) > MAX_LINE:
        return None
    if "?" in text or "？" in text:  # a question says nothing of whom it names
        return None
    depth = getattr(_reading, "depth", 0)
    if depth >= MAX_DEPTH:  # a span's or a rest's own reading, within a line's
        return None
    _reading.depth = depth + 1
    try:
        return _promoted(result, text, read)
    finally:
        _reading.depth = depth


MAX_DEPTH = 2  # a line, and the spans and rests of a line read for it
_reading = threading.local()  # how deep this thread's reading is: threads match at once


def _promoted(result: MatchResult, text: str, read: Reader) -> MatchResult | None:
    entity = result.candidates[0].entity_id
    if any(c.entity_id != entity for c in result.candidates):
        return None  # two entities are in view: review
    domains = _own_domains(text, entity, read)
    size = len(words(text))
    labels = list(dict.fromkeys(c.label for c in result.candidates))
    pairs = list(dict.fromkeys(_paired(text, labels, entity, read)))
    for span, method in itertools.chain(_spans(text, domains, labels), ((p, SOLE) for p in pairs)):
        if len(words(span)) >= size:
            continue  # the span is the whole line: its own answer was this one
        if method == WITH_DOMAIN and _DOMAIN.fullmatch(span) and len(domains) < 2:
            continue  # the domain alone corroborates nothing but itself
        answer = _exact(span, entity, read)
        if answer is None or answer.best is None:
            continue
        if method != WITH_DOMAIN and _everyday(answer.best.label, text):
            continue  # 'Company: Keystone': the everyday word needs a word that corroborates it
        if method in {SUBJECT, SOLE} and (
            _short(span) or (_short(answer.best.label) and span not in pairs)
        ):  # a short name beside its Chinese one ('欧易OKX') is one firm's
            continue  # 'AEX Group halts', 'the AEX falls': the name read is an acronym of many
        if method == SOLE and not _alone(text, span, domains, read):
            continue  # 'Bybit Meeting Room', 'ex-Binance', 'Acme Ltd pays Binance': review
        if not _rest_names_nothing(text, span, domains, read, headline=method == SUBJECT):
            continue
        return _match(result, answer, method, span)
    return None


def _spans(text: str, domains: list[str], labels: list[str]) -> Iterator[tuple[str, str]]:
    """(span, method) of the structures of the line, fields first."""
    for span in _values(text):
        yield span, FIELD_VALUE
    if domains:
        for span in _segments(text):
            yield span, WITH_DOMAIN
        for span in _before_brackets(text, domains):
            yield span, WITH_DOMAIN
    for span in _subjects(text):
        yield span, SUBJECT
    for span in _mentions(text, labels):
        yield span, SOLE


def other_field(result: MatchResult, text: str) -> MatchResult:
    """A match whose name is the value of a field whose label says it is something else than
    an organisation ('Token: Huobi', 'Index: AEX', '商品名称：币安'), or a name in another role
    than the record's party ('Parent company: Bybit', 'Referred by: KuCoin', '推荐人：币安'):
    review."""
    if result.method not in _IN_LINE or result.best is None or len(text) > MAX_LINE:
        return result
    key = compact_key(result.best.label)
    for label, value in _pairs(text):
        kind = _label_kind(label) if compact_key(value) == key else ""
        if kind == "role":  # 'Parent company: Bybit', 'Referred by: KuCoin', '推荐人：币安'
            reason = f"{result.best.label!r} is the value of a field labelled {label.strip()!r}: a name in another role than the party's?"
        elif kind == "other":
            reason = f"{result.best.label!r} is the value of a field labelled {label.strip()!r}: not an organisation's name?"
        if kind in {"role", "other"}:
            best = result.best
            return MatchResult(
                result.query, result.normalized, DECISION_AMBIGUOUS, None, None, (best,), reason
            )
    return result


def _pairs(text: str) -> Iterator[tuple[str, str]]:
    """(label, value) of the line's labelled fields."""
    for pattern in (_JSON, _LABELLED):  # tags are undone before (decoding.py)
        for found in pattern.finditer(text):
            value = found["value"].strip(" \t'\"‘’“”")
            # a Chinese record's value ends at a space before Chinese words: '投诉对象：火币网
            # 诉求：…', '被询证方：Huobi Technology Holdings 回函相符'
            value = _BEFORE_CJK.split(value, maxsplit=1)[0]
            if value:
                yield found["label"], value


def _values(text: str) -> Iterator[str]:
    """The values of the line's fields whose label says they hold a name."""
    for label, value in _pairs(text):
        if _name_label(label) and len(words(value)) <= MAX_SPAN_WORDS:
            yield value


def _label_words(label: str) -> tuple[list[str], str]:
    """A label's last Latin words and its Chinese or Japanese characters."""
    label = label.strip().rsplit(".", 1)[-1]  # 'originatingVASP.legalPersonName'
    tokens = [_plain(t) for t in words(_HUMP.sub(" ", label).replace("_", " "))][-4:]
    return [t for t in tokens if t.isascii()], "".join(t for t in tokens if not t.isascii())


_NAME_WORDS = frozenset({"name", "names", "nom", "nombre", "nome", "naam"})


def _label_kind(label: str) -> str:
    """'name' when a field's label says its value is an organisation's or a party's name,
    'other' when it says it is a product, a token, an index …, 'role' when a word of it says
    the value stands in another role than the party's own (a parent, a competitor, a bank, an
    impersonated brand: no promotion, no demotion either), else ''. A compound label's
    last word decides ('Token issuer', 'Confirming party'; 'Software subscriptions' is
    neither), but for a bare 'name', which its other words qualify ('Product name', 'Company
    name'), and a name's word among the others ('Custodian confirmation'); a Chinese label's
    words are looked for anywhere in it ('商品名称' is a product's, '投诉对象' a party's)."""
    vocab = _vocab()
    latin, cjk = _label_words(label)
    if any(w in cjk for w in vocab["role_labels_cjk"]) or not vocab["role_labels"].isdisjoint(
        latin
    ):
        return "role"  # 'Parent company', 'Beneficiary bank', '仿冒对象': another's role
    if cjk:
        if any(w in cjk for w in vocab["other_labels_cjk"]):
            return "other"
        named = any(w in cjk for w in vocab["name_labels_cjk"])
        if named or cjk.endswith(tuple(vocab["name_label_ends_cjk"])):
            return "name"
    if not latin:
        return ""
    head, qualifiers = latin[-1], set(latin[:-1])
    if head in _NAME_WORDS:
        return "other" if not qualifiers.isdisjoint(vocab["other_labels"]) else "name"
    for kind, words_ in (("name", vocab["name_labels"]), ("other", vocab["other_labels"])):
        if head in words_ or "".join(latin) in words_:
            return kind
    return "name" if not qualifiers.isdisjoint(vocab["name_labels"]) else ""


def _name_label(label: str) -> bool:
    return _label_kind(label) == "name"


def _segments(text: str) -> Iterator[str]:
    """The parts of a line between its separators and brackets ('BiKi', 'biki.com'), and what
    follows a name's label at a part's start ('Legal name INTERACTIVE BROKERS LLC')."""
    for part in _PARTS.split(text):
        part = part.strip()
        if not part or len(words(part)) > MAX_SPAN_WORDS:
            continue
        yield part
        tokens = part.split()
        for k in (1, 2):
            if len(tokens) > k and _name_label(" ".join(tokens[:k])):
                yield " ".join(tokens[k:])


_PARTS = re.compile(r"[|·•;；,，/／\t\n{}<>\[\]()（）【】「」『』\"“”:：=]|\s[-–—]\s|[–—]|\s{2,}")
_OPENING = ("(", "（", "[", "【")


def _before_brackets(text: str, domains: list[str]) -> Iterator[str]:
    """The last words before a bracket that holds one of the entity's domains ('Confirmation
    sent to Gate.io (support@gate.io)'): the name the domain is given for."""
    for domain in domains:
        before = text[: text.find(domain)].rstrip()
        if not before.endswith(_OPENING):
            continue
        tokens = _PARTS.split(before[:-1])[-1].split()
        for k in range(1, min(len(tokens), MAX_SPAN_WORDS) + 1):
            yield " ".join(tokens[-k:])


def _own_domains(text: str, entity: str, read: Reader) -> list[str]:
    """The domains in the line that the entity lists (a URL, an e-mail address, a host)."""
    if "." not in text:
        return []
    out = []
    for found in _DOMAIN.finditer(text):
        if found[0].strip() == text.strip():
            continue
        answer = read(found[0])
        if answer.entity_id == entity and answer.method in EXACT_METHODS:  # 'gate.io' is a name
            out.append(found[0])
    return out


def _subjects(text: str) -> Iterator[str]:
    """The subjects of the line's clauses (the words before the first verb) and the objects of
    plain verbs."""
    vocab = _vocab()
    start = 0
    for found in [*_CLAUSE.finditer(text), None]:
        end = found.start() if found is not None else len(text)
        clause = text[start:end].strip()
        mark = found[0].strip()[:1] if found is not None else ""
        headline = mark in {":", "："}  # 'Bybit hack: …'
        start = found.end() if found is not None else end
        if not clause or "/" in clause:  # a path's words are no sentence
            continue
        if _CJK_RUN.search(clause):
            yield from _subjects_cjk(clause, vocab)
        yield from _subjects_latin(clause + (":" if headline else ""), vocab)


def _subjects_latin(clause: str, vocab: dict[str, frozenset[str]]) -> Iterator[str]:
    if clause.isupper():  # a record in capitals ('BINANCE HOLDINGS LIMITED'): no sentence
        return
    tokens = _TOKEN.findall(clause)
    for k, token in enumerate(tokens[:MAX_SPAN_WORDS]):  # 'Bybit는 일본에서 철수'
        if k + 1 < len(tokens) and token[-1:] in vocab["particles_ko"] and token[:-1].isascii():
            yield " ".join([*tokens[:k], token[:-1]])
            break
    for k, token in enumerate(tokens[: MAX_SPAN_WORDS + 1]):
        word = _plain(token.rstrip(",.;:!?"))
        noun = token.endswith(":") and word in vocab["headline_nouns_en"]
        if k and (word in vocab["verbs"] or noun):
            if _noun_of_name(token, tokens[k + 1 : k + 2], vocab):
                continue  # 'Linkcoin Partners announces': 'Partners' is the name's word
            if k + 1 < len(tokens) or noun:
                subject = tokens[:k]
                if not any(t.endswith((",", ";", ":")) for t in subject):
                    yield " ".join(subject)
            break
    for k, token in enumerate(tokens):
        if _plain(token) not in vocab["object_verbs_en"]:
            continue
        span: list[str] = []
        for after in tokens[k + 1 : k + 2 + MAX_SPAN_WORDS]:
            word = _plain(after.rstrip(",.;:!?"))
            if word in vocab["object_ends_en"] or word in {"and", "&"}:
                if word in {"and", "&", "und", "et", "y", "e"}:
                    span = []  # 'sues Binance and Coinbase': several names
                break
            span.append(after.rstrip(",.;:!?"))
            if after[-1:] in ",.;:!?":
                break
        if span:
            yield " ".join(span)


def _noun_of_name(token: str, after: list[str], vocab: dict[str, frozenset[str]]) -> bool:
    """True when a verb's form after a subject's first words is followed by another verb: it is
    then a noun of the name ('Linkcoin Partners announces', 'Acme Trust Fund is hacked'); an
    auxiliary ('is', 'to', 'will') is no noun, and 'to' follows a verb ('Binance plans to
    exit')."""
    word = _plain(token.rstrip(",.;:!?"))
    if not after or word in vocab["verbs_en_forms"] or token != token.rstrip(",.;:!?"):
        return False
    following = _plain(after[0].rstrip(",.;:!?"))
    return following in vocab["verbs"] and following != "to"


def _subjects_cjk(clause: str, vocab: dict[str, frozenset[str]]) -> Iterator[str]:
    starts = [0]
    for verb in vocab["object_verbs_cjk"]:
        at = clause.find(verb)
        if at >= 0:
            starts.append(at + len(verb))
    for start in sorted(set(starts)):
        ends = [at for verb in vocab["verbs_cjk"] if (at := clause.find(verb, start + 1)) > start]
        if ends:
            yield clause[start : min(ends)].strip()


_LATIN_WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+")  # underscores and scripts part words
MAX_EXTRA_WORDS = 3  # generic words and a legal form after a name ('Binance Holdings Ltd')
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_JOIN = re.compile(r"[.,]{0,2} ?")  # between a name's words: a space, 'Co., Ltd'
# a word of an address, a path, a handle or a file's name: a name in it is a site's or an
# account's ('binance.xyz', 'r/kucoin', '@Bybit_Official', 'Ward-Hays_Binance.pdf')
_ADDRESSED = re.compile(
    r"[^\s\"'“”‘’()（）\[\]【】<>]*(?:[./@#\\]|://)[^\s\"'“”‘’()（）\[\]【】<>]*"
)
_OPENERS, _CLOSERS = "([（【<", ")]）】>"


def _mentions(text: str, labels: list[str]) -> Iterator[str]:
    """Where the line writes one of the names the entity was sent to review with, as whole
    words, outside any address, path or handle (a Chinese name: as a word of its own), each
    with the words that may follow it as its own (generic words, a legal form) first: the
    spans of ``SOLE``."""
    blank = _ADDRESSED.sub(lambda m: " " * len(m[0]) if not _dotted_name(m[0]) else m[0], text)
    tokens = list(_LATIN_WORD.finditer(blank))
    simple = to_simplified(text)
    for label in labels:
        key = compact_key(label)
        if not key or "." in label:  # a domain is read by WITH_DOMAIN, not here
            continue
        if has_cjk(label):
            name = to_simplified(label)
            at = simple.find(name) if len(simple) == len(text) else -1
            while at >= 0:
                yield text[at : at + len(name)]
                at = simple.find(name, at + 1)
            continue
        size = len(words(label))
        for i in range(len(tokens)):
            for k in (size,):
                last = i + k - 1
                if last >= len(tokens):
                    break
                if compact_key(text[tokens[i].start() : tokens[last].end()]) != key:
                    continue
                for extra in range(MAX_EXTRA_WORDS, -1, -1):
                    run = tokens[last : last + extra + 1]
                    if len(run) == extra + 1 and all(
                        _JOIN.fullmatch(text[x.end() : y.start()])
                        for x, y in itertools.pairwise(run)
                    ):
                        yield text[tokens[i].start() : run[-1].end()]


_LATIN_RUN = re.compile(r"[A-Za-z][0-9A-Za-z]*(?:[ .&'-][A-Za-z][0-9A-Za-z]*)*")
_CJK_NAME = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
MAX_PAIR_WORDS = 4  # words of a Latin name beside a Chinese one ('GUOTAI JUNAN INTERNATIONAL')


def _paired(text: str, labels: list[str], entity: str, read: Reader) -> Iterator[str]:
    """A name found in the line with the name beside it in the other script, glued, past a
    space or in brackets ('抹茶 MEXC', '欧易OKX', 'OKX（欧易）', '抹茶(MEXC)', '國泰君安國際
    GUOTAI JUNAN INTERNATIONAL'), when that one, read alone, names the same entity first:
    the two name one firm, and are read together as the line's only name (``SOLE``; the
    span's own reading must still be an exact match to it)."""
    keys = {compact_key(label) for label in labels}
    for span in dict.fromkeys(_mentions(text, labels)):
        if _product(span) or compact_key(span) not in keys:
            continue  # a name with words after it ('MEXC Global Cafe') is read as it is
        at = text.find(span)
        start, end = at, at + len(span)
        if has_cjk(span):
            run = _LATIN_RUN
        elif _LATIN_RUN.fullmatch(span):
            run = _CJK_NAME
        else:
            continue  # a name of other characters ('Gate.io'): no pair
        for piece, lo, hi in _beside(text, start, end, run):
            if _names_it(piece, read(piece), entity):
                yield text[lo:hi]


def _product(span: str) -> bool:
    """True when a span holds a word of a product or a unit ('Loopring Wallet', '火币钱包')."""
    products = _vocab()["product_words"]
    return any(compact_key(w) in products for w in words(span)) or (
        has_cjk(span) and any(w in to_simplified(span) for w in products if has_cjk(w))
    )


def _names_it(piece: str, beside: MatchResult, entity: str) -> bool:
    """True when a name read alone is the entity's whole name: an exact match with no
    product's word ('Loopring', 'MEXC Global'; not 'Loopring Wallet'), or, for an everyday
    one sent to review with it first, one of its names exactly ('抹茶')."""
    if not beside.candidates or beside.candidates[0].entity_id != entity:
        return False
    if _product(piece):
        return False  # 'Loopring Wallet', '火币钱包': a product's name, though an alias
    if beside.decision == DECISION_MATCH:  # a name, alias or later name, not a longer one
        return beside.method in _SPAN_METHODS - {"exact_without_generic"}
    key = compact_key(piece)
    return beside.decision == DECISION_AMBIGUOUS and any(
        compact_key(c.label) == key for c in beside.candidates if c.entity_id == entity
    )


def _beside(
    text: str, start: int, end: int, run: re.Pattern[str]
) -> Iterator[tuple[str, int, int]]:
    """(a name of the other script beside the span, the widened span's start and end): after
    it past a space or in brackets ('MEXC 抹茶', 'OKX（欧易）'), before it past a space
    ('抹茶 MEXC'), or before it with the span in brackets ('抹茶(MEXC)'). A Latin name is
    tried by its first words, a Chinese one by its last (or first) characters."""
    after = re.match(r"\s?([(（]?)", text[end:])
    assert after is not None
    found = run.match(text, end + after.end())
    if found is not None:
        close = re.match(r"\s*[)）]", text[found.end() :]) if after[1] else None
        for piece in _heads(found[0], run):
            if not after[1] or (close is not None and piece == found[0]):
                stop = found.start() + len(piece) + (close.end() if close is not None else 0)
                yield piece, start, stop
    open_ = re.search(r"[(（]\s*$", text[:start])
    closed = re.match(r"\s*[)）]", text[end:])
    edge = open_.start() if open_ is not None and closed is not None else start
    before = re.search(r"(?:" + run.pattern + r")\s?$", text[:edge])
    if before is not None:
        stop = end + (closed.end() if edge != start and closed is not None else 0)
        for piece in _tails(before[0].rstrip(), run):
            yield piece, before.start() + len(before[0].rstrip()) - len(piece), stop


def _heads(found: str, run: re.Pattern[str]) -> list[str]:
    if run is _LATIN_RUN:
        parts = found.split(" ")[:MAX_PAIR_WORDS]
        return [" ".join(parts[:k]) for k in range(len(parts), 0, -1)]
    return [found[:k] for k in range(min(len(found), 12), 1, -1)]


def _tails(found: str, run: re.Pattern[str]) -> list[str]:
    if run is _LATIN_RUN:
        parts = found.split(" ")[-MAX_PAIR_WORDS:]
        return [" ".join(parts[k:]) for k in range(len(parts))]
    return [found[-k:] for k in range(min(len(found), 12), 1, -1)]


def _dotted_name(word: str) -> bool:
    """True for a word whose dots are a name's own or a sentence's ('Gate.io' is not, it is a
    domain; 'Co.,' 'Ltd.' 'Inc.' are): an abbreviation's dot or a full stop at its end."""
    return bool(re.fullmatch(r"[^\W_]+[.,;:!?]*", word, re.UNICODE))


@functools.cache
def _marks() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """The words that, anywhere in a line, say a name in it may stand in another role than the
    record's party, for a copy or a unit of it, or for another legal entity: the context
    vetoes (a unit, a fake, support, a negation), relation and denial words, trading-as and
    former-name markers (data/matching.toml), role labels' words (fields.toml), comparisons;
    and the places where brands run separate affiliates. Latin keys, and Chinese words found
    inside the line."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    vocab = _vocab()
    lists = ("context_vetoes", "relation_words", "denial_words", "trading_as", "formerly")
    latin = {_plain(w) for name in lists for item in data[name] for w in words(item)}
    latin |= vocab["role_labels"] | vocab["sole_marks"]
    latin -= vocab["not_sole_marks"]
    cjk = (*data["context_vetoes_zh"], *vocab["role_labels_cjk"], *vocab["sole_marks_cjk"])
    places = frozenset(_plain(w) for item in data["affiliate_places"] for w in words(item))
    places_zh = tuple(to_simplified(w) for w in data["affiliate_places_zh"])
    return frozenset(latin), cjk, places, places_zh


def _alone(text: str, span: str, domains: list[str], read: Reader) -> bool:
    """True when a name found in the line (``_mentions``) stands alone there: no word of the
    line marks another role, a copy or a place of an affiliate (``_marks``); no word of
    another name runs on to it or before it ('Bybit Meeting Room', 'CZ Binance', 'Bybit
    ACME', '币安咖啡'); it is no bracketed note and no field's value whose label says it is a
    product or another role ('John Lee (Binance)', 'Token: Huobi'); it is not part of another
    platform's name or a related company's ('Binance Smart Chain'); and the rest of the line
    holds no legal form or address of another, and no part of it names anything ('Acme Ltd
    pays Binance', 'KuCoin via acmepay.com', '抹茶 运营；Bitget 市场部')."""
    latin, cjk, places, places_zh = _marks()
    plain = to_simplified(text)
    if _prose(_without(text, [span])):
        return False  # a sentence says more of a name than a record does: the subject rule's
    if not latin.isdisjoint(_plain(w) for w in words(text)) or any(w in plain for w in cjk):
        return False
    as_written = _LATIN_WORD.findall(text)
    if any(
        (key := _plain(w)) in places and (len(key) > 2 or w.isupper()) for w in as_written
    ) or any(w in plain for w in places_zh):
        return False
    at = text.find(span)
    before, after = text[:at], text[at + len(span) :]
    if _bracketed(before, after):
        return False  # a bracketed name is a note on what stands before it
    if not _edge_clear(before, after):
        return False  # 'Binance-Helper/1.0', '火币 小红书': the head of another name's phrase
    if has_cjk(span) and to_simplified(after).startswith(tuple(_vocab()["place_heads_cjk"])):
        return False  # '币安路便利店', '火币网吧': a road's or a shop's name, glued
    if (
        has_cjk(span)
        and not after.startswith(("\u3000", "  "))  # a field's end in a Chinese record
        and not _record_word(after.lstrip(_JOINERS), ahead=True)
    ):
        return False  # '收货人 币安 咖啡 |', '路印Loopring Wallet': a shop's or a product's name
    if has_cjk(span):
        if not _apart_cjk(before, after):
            return False
        if _LATIN_WORD.search(span) and not _apart_latin(text, span, before, after, read):
            return False  # '抹茶MEXC Global Cafe': a pair's Latin name reads on as a Latin one
    elif not _apart_latin(text, span, before, after, read):
        return False
    key = compact_key(span)
    for label, value in _pairs(text):
        kind = _label_kind(label) if key in compact_key(value) else ""
        if kind == "other" or (
            kind == "role" and not _vocab()["not_sole_marks"].issuperset(words(label))
        ):
            return False  # 'Token: Huobi', 'Beneficiary bank: Matrixport'; not 'Source: OKX'
    return _rest_clear(_without(text, [span, *domains]), read)


def _bracketed(before: str, after: str) -> bool:
    """True when a bracket opens just before a name or closes just after it (a name that
    starts or ends the line is not bracketed)."""
    opened, closed = before.rstrip()[-1:], after.lstrip()[:1]
    return bool(opened and opened in _OPENERS) or bool(closed and closed in _CLOSERS)


_JOINERS = " \t\u3000-_"  # what joins a name to the next word of its phrase


def _edge_clear(before: str, after: str) -> bool:
    """True unless a name starts or ends the line and the word joined to it (past a space, a
    hyphen or an underscore) is one a name may be made of: at a line's edge nothing before or
    after it shows it stands apart, so the word beside it must be a record's or a number."""
    if before.strip(_JOINERS) and after.strip(_JOINERS):
        return True
    if not before.strip(_JOINERS) and not _record_word(after.lstrip(_JOINERS), ahead=True):
        return False
    if not after.strip(_JOINERS) and re.search(r"[:：=]\s*$", before):
        return False  # 'Cc: Huobi', 'Source: Binance': a field's whole value, its label's
    return bool(after.strip(_JOINERS)) or _record_word(before.rstrip(_JOINERS), ahead=False)


def _record_word(side: str, *, ahead: bool) -> bool:
    """True when the word beside a name on one side is a record's, a note's or a number, or
    no word at all (a separator, a bracket, the line's end)."""
    from exitcheck.matching.context import _vocab as context_vocab

    joined = r"[^\w\s·•|;；:：,，()（）\[\]【】<>]*\s*"  # '+', '&', '/': a list of names
    side = re.sub("^" + joined, "", side) if ahead else re.sub(joined + "$", "", side)
    if not side:
        return True
    near = side[0] if ahead else side[-1]
    products = _vocab()["product_words"]
    if _CJK_RUN.match(near):
        plain = to_simplified(side)
        noise = tuple(context_vocab()["noise_zh"] - products)
        return plain.startswith(noise) if ahead else plain.endswith(noise)
    found = re.match(r"[^\W_]+", side) if ahead else re.search(r"[^\W_]+$", side)
    return found is None or (_noise(found[0]) and compact_key(found[0]) not in products)


def _prose(rest: str) -> bool:
    """True when the line around a name is a sentence: it holds a function word."""
    vocab = _vocab()  # a word in capitals is a record's ('GROUP IN', 'Series A', 'On-site')
    if not vocab["function_words"].isdisjoint(
        _plain(w) for w in _LATIN_WORD.findall(rest) + _CYRILLIC_WORD.findall(rest) if w.islower()
    ):
        return True
    return any(w in to_simplified(rest) for w in vocab["function_words_cjk"])


def _apart_latin(text: str, span: str, before: str, after: str, read: Reader) -> bool:
    """The word that runs on from a Latin name in its phrase is a note word or a code, not a
    word another's name may hold ('Bybit Meeting Room', 'payment to binance garden') nor one of
    another legal entity of the group; no capitalised word stands just before it; and the name
    with the words after it is not another platform's or a related company's."""
    following = _LATIN_WORD.match(after[1:]) if after[:1] == " " else None
    if following is not None:
        word = following[0]
        if compact_key(word) in _vocab()["entity_words"]:
            return False  # 'FUTU SECURITIES INTERNA': another legal entity of the group
        if (word.isupper() and _country_code(word)) or _country(word):
            return False  # 'MEXC AT', 'Binance China': a country's, an affiliate's perhaps
        if not _noise(word):
            return False  # 'Payment to Binance window': the phrase may be another's name
    if not _joined_clear(before, after):
        return False  # 'Bitget-Cafe', 'Roma-Bitget': a hyphen runs the name into another's
    preceding = re.search(r"([^\W_]+) $", before)
    if preceding is not None and preceding[1][:1].isupper() and not text.isupper():
        return False  # 'CZ Binance', 'Gulf Binance', 'J Bybit'
    nxt = _LATIN_WORD.findall(after[:40])[:2]
    return not any(_another(read(f"{span} {' '.join(nxt[:k])}")) for k in (1, 2) if len(nxt) >= k)


def _joined_clear(before: str, after: str) -> bool:
    """True unless a word joined to a Latin name by a hyphen or an underscore, on either side,
    may be a word of another's name: each must be a note word or a code (``_noise``), a
    device's, network's or host's word (``identifier_words``: 'Bitget-Guest', 'TIGER-iPad') or
    a code of up to three capitals ('KUCOIN-SG-LT07', 'KUCOIN-OPS-MBP'); not 'Bitget-Cafe',
    'HUOBI-PARK-HOTEL', 'Roma-Bitget', 'Bitget-Guest-Cafe'."""
    from exitcheck.matching.labelled import _vocab as labelled_vocab

    ahead = re.match(r"(?:[-_][^\W_]+)+", after)
    behind = re.search(r"(?:[^\W_]+[-_])+$", before)
    joined = (ahead[0] if ahead else "") + "-" + (behind[0] if behind else "")
    return all(
        _noise(word)
        or compact_key(word) in labelled_vocab()["identifier_words"]
        or (word.isupper() and len(word) <= 3)
        for word in re.findall(r"[^\W_]+", joined)
    )


def _country_code(word: str) -> bool:
    from exitcheck.matching.context import _vocab as context_vocab

    return word.lower() in context_vocab()["country_codes"]


def _country(word: str) -> bool:
    from exitcheck.matching.context import _vocab as context_vocab

    return _plain(word) in context_vocab()["countries"]


def _noise(word: str) -> bool:
    """True for a word that names nothing where it follows a name in its phrase: a word of
    notes, payments, records and queries, a generic word or legal form (context.py's noise),
    or a code or number."""
    from exitcheck.matching.context import _vocab as context_vocab

    return any(ch.isdigit() for ch in word) or _plain(word) in context_vocab()["noise"]


def _apart_cjk(before: str, after: str) -> bool:
    """A Chinese name is apart when the characters glued to it are words of a record, a note
    or a sentence (context.py's noise words), never another word a name may be made of
    ('币安咖啡', '库币奶茶', '火币烧烤店')."""
    from exitcheck.matching.context import _vocab as context_vocab

    noise = context_vocab()["noise_zh"]
    head, tail = to_simplified(after), to_simplified(before)
    vocab = _vocab()
    if head.startswith(
        tuple(w for w in vocab["product_words"] | vocab["entity_words"] if has_cjk(w))
    ):
        return False  # '富途证券国际', '币安钱包': another legal entity's or a product's name
    if head[:1] and _CJK_RUN.match(head[:1]) and not head.startswith(tuple(noise)):
        return False
    return not (tail[-1:] and _CJK_RUN.match(tail[-1:]) and not tail.endswith(tuple(noise)))


def _rest_clear(rest: str, read: Reader) -> bool:
    """True when the rest of a line holds no legal form (another company), no address of a
    site or mailbox, and no part of it, read alone, names anything."""
    forms = legal_forms()
    if any(compact_key(w) in forms for w in words(rest)) or any(
        f in to_simplified(rest) for f in _FORMS_ZH
    ):
        return False
    if _DOMAIN.search(rest) or "@" in rest:
        return False
    everyday = everyday_names()
    if any(compact_key(w) in everyday for w in words(rest)) or any(
        key in to_simplified(rest) for key in everyday if has_cjk(key)
    ):
        return False  # '2019–2021 抹茶 运营；2021–2023 Bitget 市场部': another name, everyday
    for part in _PARTS.split(rest):
        if words(part) and read(part).decision != DECISION_NONE:
            return False
    return True


_FORMS_ZH = ("公司", "集团", "集團", "株式会社", "有限会社", "주식회사")


def _another(answer: MatchResult) -> bool:
    """True when a name's answer says it is another platform's, or a related company's or a
    product's ('Binance Smart Chain', 'Huobi Technology', 'OKB token')."""
    from exitcheck.matching.results import RELATED

    if answer.decision == DECISION_NONE and "another platform" in answer.reason:
        return True
    return answer.reason.endswith(RELATED) or any(c.method == "product" for c in answer.candidates)


def _exact(span: str, entity: str, read: Reader) -> MatchResult | None:
    """The span's own answer when it is an exact match to the entity: its name, alias or
    domain, or its name with a legal form ('Bitget Limited', 'Interactive Brokers LLC')."""
    if not words(span):
        return None
    answer = read(span)
    if answer.decision != DECISION_MATCH or answer.entity_id != entity:
        return None
    if answer.method == "exact_without_generic" and not _whole(span, answer.normalized):
        return None  # 'OKX Wallet', '火币科技控股': a product's or another entity's name
    return answer if answer.method in _SPAN_METHODS else None


def _whole(span: str, name: str) -> bool:
    """True when the span is the name with no word of a product or unit beside it, nor a word
    of another legal entity of a group ('Bitget Limited', '火币网', '北京比特大陆科技有限公司'; not
    'OKX Wallet', '火币科技控股', 'Binance Capital', '富途证券国际')."""
    key = compact_key(span)
    if name not in key:
        return False
    rest = key.replace(name, "", 1)
    vocab = _vocab()
    return not any(word in rest for word in vocab["product_words"] | vocab["entity_words"])


def _everyday(label: str, text: str) -> bool:
    key = compact_key(label)
    return key in everyday_names() and everyday_name(key, words(text))


def _short(span: str) -> bool:
    return not has_cjk(span) and len(compact_key(span)) < MIN_SUBJECT_LETTERS


def _rest_names_nothing(
    text: str, span: str, domains: list[str], read: Reader, *, headline: bool = False
) -> bool:
    """True when the line without the span (and the entity's own domains) names nothing. A
    headline's source after its last dash ('… — CoinDesk', '— The Block, 2024-02-01') may be
    another platform's name: a publisher; never a registry entity's."""
    rest = _without(text, [span, *domains])
    if not words(rest):
        return True
    if _vetoed(_without(text, [d for d in domains if d != span]), span, rest):
        return False  # 'venue=Binance region=JP': a place of an affiliate, a copy's word …
    parts = _ATTRIBUTION.split(rest) if headline else []
    source = len(parts) > 1 and len(words(parts[-1])) <= MAX_SOURCE_WORDS
    if source and read(parts[-1]).decision == DECISION_NONE:  # a publisher, or none at all
        rest = " — ".join(parts[:-1])
        if not words(rest):
            return True
    answer = read(rest)
    return answer.decision == DECISION_NONE and not answer.reason.endswith("does not list")


def _without(text: str, parts: list[str]) -> str:
    for part in parts:
        text = text.replace(part, " | ")
    return text


def _vetoed(text: str, span: str, rest: str) -> bool:
    """True when a word beside the span, or a field's value in the rest of the line, makes the
    name another's: an affiliate's place, a unit, a copy's or a support word (context.py's
    vetoes: 'Binance Japan', 'venue=Binance region=JP', '火币 日本')."""
    from exitcheck.matching.context import _vocab as context_vocab
    from exitcheck.matching.context import vetoes_in

    vocab = context_vocab()
    stops = vocab["veto"] | vocab["affiliate"]
    at = text.find(span)
    if at < 0:
        return True  # nothing to read beside: no promotion
    before, after = words(text[:at])[-1:], words(text[at + len(span) :])[:1]
    if not stops.isdisjoint(before + after) or any(vetoes_in(w) for w in before + after):
        return True
    # a product's word after the name, glued or past a space ('Bitmain 代币', 'TradingView 链',
    # '火币支付宣布…'), a unit or a place before or after it ('日本币安…', 'BTC.TOP 新加坡')
    head = to_simplified(text[at + len(span) :].lstrip()).lower()
    products = _vocab()["product_words"]
    first = words(head)[:1] if head[:1].isascii() else []
    if (first and first[0].removesuffix("s") in products) or (
        not first and head.startswith(tuple(products))
    ):
        return True
    if has_cjk(text):
        glued = vocab["veto_zh"] | vocab["units_zh"] | vocab["countries_zh"]
        tail = to_simplified(text[:at].rstrip())
        if head.startswith(tuple(glued)) or tail.endswith(tuple(glued)):
            return True
    return any(vetoes_in(value) for _, value in _pairs(rest))


_ATTRIBUTION = re.compile(r"\s[—–-]\s|[—–]")
MAX_SOURCE_WORDS = 6  # words of a headline's source and date ('South China Morning Post, 2021')


def _match(result: MatchResult, answer: MatchResult, method: str, span: str) -> MatchResult:
    assert answer.best is not None
    label = answer.best.label
    best = Candidate(answer.best.entity_id, label, 100.0, method)
    why = {
        FIELD_VALUE: "{!r} is the value of a field that holds a name; the rest of the line names nothing else",
        WITH_DOMAIN: "{!r} stands beside a domain it lists; the rest of the line names nothing else",
        SUBJECT: "{!r} is a clause's subject or a plain verb's object; the rest of the line names nothing else",
        SOLE: "{!r} is the only name the line holds: no word beside it makes it another's, and no word of the line marks another role",
    }[method]
    return MatchResult(
        result.query, answer.normalized, DECISION_MATCH, method, best, (best,), why.format(span)
    )
