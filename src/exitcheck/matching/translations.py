"""Registry names translated word for word, inside any text: the review band ``translated_text``.

A machine translation renders a registry name's English words one by one ('Tiger Brokers':
老虎经纪人, 'TokenPocket': 令牌口袋, 'CoinMarketCap': 'Tapa del Mercado de Monedas', 'Interactive
Brokers': 'Courtiers Interactifs'), and a Chinese name's characters the other way ('火币':
'Fire Coin'). Neither spelling nor sound then leads back to the name, so without this band
the answer is a silent ``none``.

The vocabulary is data (``data/translations.toml``: for each word of the registry's English
names, its common translations into Chinese, Japanese, Spanish, French, German, Portuguese,
Italian and Russian); the forms are composed per index from the registry's own names
(``KeyIndex.names``), once, on the first query that reaches the band:

- a Latin name is split into its words (spaces, capitalised humps, and compounds split on the
  vocabulary: 'Matrixport' matrix|port); a word the vocabulary keeps as written ('io', 'ku')
  or lacks leaves the name out, but for a domain suffix ('Gate.io': 门.io), which stays;
- Chinese and Japanese forms are the translations run together in the name's order;
  the other languages' are the words' stems, in the name's order or reversed (the head
  first: 'Mercado de Monedas' for 'Coin Market'), articles and
  prepositions between them skipped;
- a Chinese name is segmented on ``glosses_zh`` (data/matching.toml) into English words
  ('火币': fire coin) and those, where the vocabulary has them, into the other languages.

A name of one word ('Gate', 'Keystone') translates into an everyday word (门, 基石): it counts
only with its domain suffix (门.io) or a word of a platform's kind beside it (门交易所).
A translation is not the name: review, never a match. Loaded only on this path.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from exitcheck.matching.names import clean, has_cjk, to_simplified, words
from exitcheck.matching.results import DECISION_MATCH, Candidate, MatchResult, ambiguous

if TYPE_CHECKING:
    from exitcheck.matching.index import KeyIndex
    from exitcheck.matching.nearby import Matcher, Query

CJK_LANGUAGES = ("zh", "ja")
LATIN_LANGUAGES = ("es", "fr", "de", "pt", "it", "ru")
MAX_WORDS = 4  # words of a name composed (more: the translation is a sentence)
MAX_FORMS = 96  # forms of one name in one language (the product of its words' translations)
MIN_STEM = 3  # letters an ending leaves at least
SCORE = 70.0  # a translation's candidate score: review, as the ``translated`` band's


@functools.cache
def _data() -> dict[str, object]:
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    return loads(data_file("translations.toml").read_text(encoding="utf-8"))


@functools.cache
def vocabulary() -> dict[str, dict[str, tuple[str, ...]]]:
    """An English word -> {language: its translations}."""
    table = _data()["words"]
    assert isinstance(table, dict)
    return {
        word: {lang: tuple(forms) for lang, forms in langs.items()} for word, langs in table.items()
    }


@functools.cache
def _listed(name: str) -> frozenset[str]:
    found = _data()[name]
    assert isinstance(found, list)
    return frozenset(found)


def kept() -> frozenset[str]:
    """Words a translation keeps as written (brand syllables, tickers): a name with one is not
    composed."""
    return _listed("keep")


def suffixes() -> frozenset[str]:
    """Domain suffixes a name may end in ('Gate.io'): kept beside the translation."""
    return _listed("domain_suffixes")


def dropped() -> frozenset[str]:
    """Words left out before composing (legal forms, 'group', 'and')."""
    return _listed("dropped")


_HUMPS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def name_words(label: str) -> list[str] | None:
    """The English words of a registry name ('CoinMarketCap' -> coin market cap, 'Sparkpool'
    -> spark pool), or None when a part is neither a vocabulary word, a kept word, a dropped
    word, nor vocabulary words run together."""
    out: list[str] = []
    for hump in _HUMPS.findall(label):
        found = split_word(hump.lower())
        if found is None:
            return None
        out += found
    return out


def split_word(word: str) -> list[str] | None:
    """A lower-case word as vocabulary, kept or dropped words: itself, else the fewest words
    of the vocabulary run together ('matrixport' -> matrix port)."""
    known = vocabulary().keys() | kept() | dropped() | suffixes()
    if word in known:
        return [word]
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(end):
            head = best[start]
            piece = word[start:end]
            shorter = best[end] is None or len(head or ()) + 1 < len(best[end] or ())
            if head is not None and piece in vocabulary() and len(piece) >= 2 and shorter:
                best[end] = [*head, piece]
    return best[-1]


# --------------------------------------------------------------------------------------------
# Stems: endings of number, gender and case set aside, the same on both sides


_ENDINGS_RU = ("ami", "ovy", "ogo", "ykh", "ikh", "ov", "om", "ym", "ej", "oj", "yj", "ij")


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A word's letters in ASCII, lower case, without a plural 's' and a final vowel (and a
    Russian case ending): 'monedas' and 'moneda' -> 'moned', 'брокеры' -> 'broker'."""
    folded = fold(word)
    for ending in _ENDINGS_RU:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM + 1:
            folded = folded[: -len(ending)]
            break
    if folded.endswith("s") and len(folded) > MIN_STEM:
        folded = folded[:-1]
    if folded[-1:] in ("a", "e", "i", "o", "u", "y") and len(folded) > MIN_STEM:
        folded = folded[:-1]
    return folded


def _stems(phrase: str) -> tuple[str, ...]:
    """A translation's words as stems, articles and prepositions left out."""
    skip = _listed("function_words")
    return tuple(stem(w) for w in latin_words(phrase) if fold(w) not in skip)


def _compact(text: str) -> str:
    """Text as the Chinese and Japanese forms are compared: clean, simplified, letters and
    digits only (spaces, dots and '・' dropped)."""
    return "".join(ch for ch in to_simplified(clean(text)) if ch.isalnum())


# --------------------------------------------------------------------------------------------
# The forms of a registry


class Forms:
    """The translated forms of one index's names."""

    def __init__(self) -> None:
        # compact Chinese or Japanese form -> (entity, label, needs a kind word)
        self.cjk: dict[str, list[tuple[str, str, bool]]] = {}
        # stems in order -> (entity, label, needs a kind word)
        self.latin: dict[tuple[str, ...], list[tuple[str, str, bool]]] = {}
        self.cjk_starts: frozenset[str] = frozenset()  # forms' first two characters
        self.cjk_firsts: frozenset[str] = frozenset()  # ... first character
        self.latin_stems: frozenset[str] = frozenset()  # every stem of a Latin form
        self.cjk_kinds: tuple[str, ...] = ()
        self.latin_kinds: frozenset[str] = frozenset()
        self.lengths: tuple[int, ...] = ()
        self.longest = 0  # words of the longest Latin form
        self.across: tuple[str, ...] = ()  # Chinese words a form may be part of
        self.cjk_trades: tuple[str, ...] = ()  # words of another trade
        # an everyday name's label -> the words that corroborate it (data/everyday_names.txt),
        # as Latin stems and Chinese keys: beside its translation, as a kind word is
        self.own_latin: dict[str, frozenset[str]] = {}
        self.own_cjk: dict[str, tuple[str, ...]] = {}

    def corroborated_by(self, label: str, words_: frozenset[str]) -> None:
        self.own_latin[label] = frozenset(stem(w) for w in words_ if not has_cjk(w))
        self.own_cjk[label] = tuple(_compact(w) for w in words_ if has_cjk(w))

    def add_cjk(self, form: str, entity: str, label: str, lone: bool) -> None:
        form = _compact(form)
        if len(form) >= 2 and (entity, label, lone) not in self.cjk.get(form, []):
            self.cjk.setdefault(form, []).append((entity, label, lone))

    def add_latin(self, stems: tuple[str, ...], entity: str, label: str, lone: bool) -> None:
        if stems and all(stems) and (entity, label, lone) not in self.latin.get(stems, []):
            self.latin.setdefault(stems, []).append((entity, label, lone))


def forms(index: KeyIndex) -> Forms:
    """The index's translated forms, composed on first use and kept for the index's life."""
    return index.derived("translations", _build)  # type: ignore[no-any-return]


def _build(index: KeyIndex) -> Forms:
    made = Forms()
    seen: set[tuple[str, str]] = set()
    # the registry's Latin names as stems run together: a Chinese name's glosses that spell
    # one ('Coin World', 'Coins World': 币世界's own English name) are for the rules of names
    latin_keys = frozenset(
        "".join(stem(w) for w in _HUMPS.findall(e.label)) for _, e in index.names("latin")
    )
    for kind in ("latin", "cjk"):
        for _, entry in index.names(kind):
            if not entry.entity_id or (entry.entity_id, entry.label) in seen:
                continue
            seen.add((entry.entity_id, entry.label))
            if entry.field == "id":
                continue
            if has_cjk(entry.label):
                _from_chinese(made, entry.entity_id, entry.label, latin_keys)
            else:
                _from_english(made, entry.entity_id, entry.label)
    _finish(made)
    return made


def _from_english(made: Forms, entity: str, label: str) -> None:
    found = name_words(label)
    if found is None:
        return
    suffix = found[-1] if len(found) > 1 and found[-1] in suffixes() and "." in label else ""
    content = [w for w in (found[:-1] if suffix else found) if w not in dropped()]
    if not content or len(content) > MAX_WORDS or not kept().isdisjoint(content):
        return
    if any(w not in vocabulary() for w in content):
        return
    from exitcheck.matching.names import everyday_names

    # one word, or an everyday name ('Bright Smart', 'Mars Project'): a kind word must stand
    # by the translation; its domain suffix is enough ('Gate.io': 门.io)
    key = "".join(content)
    lone = len(content) == 1 or key in everyday_names() or key in _listed("needs_kind")
    if key in everyday_names():
        made.corroborated_by(label, everyday_names()[key])
    tails = [(suffix, False), ("", lone)] if suffix else [("", lone)]
    table = vocabulary()
    for tail, alone in tails:
        for lang in CJK_LANGUAGES:
            choices = [table[w].get(lang, ()) for w in content]
            if all(choices):
                for pieces in itertools.islice(itertools.product(*choices), MAX_FORMS):
                    made.add_cjk("".join(pieces) + tail, entity, label, alone)
        if len(content) == 1:  # one word in a Latin language is a word of it ('porte')
            continue
        for lang in LATIN_LANGUAGES:
            choices = [table[w].get(lang, ()) for w in content]
            if all(choices):
                _add_latin(made, lang, choices, tail, entity, label, alone)


def _add_latin(
    made: Forms,
    lang: str,
    choices: list[tuple[str, ...]],
    suffix: str,
    entity: str,
    label: str,
    lone: bool,
) -> None:
    for pieces in itertools.islice(itertools.product(*choices), MAX_FORMS):
        stems = tuple(s for piece in pieces for s in _stems(piece))
        tail = (suffix,) if suffix else ()
        made.add_latin(stems + tail, entity, label, lone)
        if len(pieces) > 1:  # 'Mercado de Monedas', 'Геккон монет': the head first
            reverse = tuple(s for piece in reversed(pieces) for s in _stems(piece))
            made.add_latin(reverse + tail, entity, label, lone)
        if lang == "de" and len(pieces) > 1:  # a compound: the words run together
            made.add_latin((stem("".join(pieces)), *tail), entity, label, lone)


def _from_chinese(made: Forms, entity: str, label: str, latin_keys: frozenset[str]) -> None:
    """A Chinese name's English glosses ('火币': fire coin) and, where the vocabulary has those
    words, their translations: read in text in the name's order (the other languages'
    reversed too)."""
    from exitcheck.matching.names import core_key, everyday_names

    whole = "".join(words(to_simplified(label)))
    key = core_key(whole)
    if not has_cjk(key) or not key.isalnum():
        return
    pieces = _glossed(key)
    if pieces is not None and len(pieces) < 2 and key != whole:  # 老虎证券: tiger securities
        key, pieces = whole, _glossed(whole)
    if pieces is None or len(pieces) < 2 or len(pieces) > MAX_WORDS:
        return
    lone = key in everyday_names()  # 小蚁 'Little Ant': only beside 'blockchain', 'NEO' …
    if lone:
        made.corroborated_by(label, everyday_names()[key])
    english = [_gloss_words()[p] for p in pieces]
    for said in itertools.islice(itertools.product(*english), MAX_FORMS):
        if "".join(map(stem, said)) not in latin_keys:  # 'Coin World' is a registry name
            made.add_latin(tuple(stem(w) for w in said), entity, label, lone)
        table = vocabulary()
        for lang in LATIN_LANGUAGES:
            choices = [table.get(w, {}).get(lang, ()) for w in said]
            if all(choices):
                _add_latin(made, lang, choices, "", entity, label, lone)


@functools.cache
def _gloss_words() -> dict[str, tuple[str, ...]]:
    """A Chinese character or word -> the English words it translates (``glosses_zh``)."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    return {zh: tuple(english.split()) for zh, english in data["glosses_zh"].items()}


def _glossed(key: str) -> list[str] | None:
    """The key cut into glossed pieces, the longest first at each place; None when a part has
    no gloss."""
    glosses = _gloss_words()
    out: list[str] = []
    at = 0
    while at < len(key):
        for size in range(min(4, len(key) - at), 0, -1):
            if key[at : at + size] in glosses:
                out.append(key[at : at + size])
                at += size
                break
        else:
            return None
    return out


def _finish(made: Forms) -> None:
    made.cjk_starts = frozenset(form[:2] for form in made.cjk)
    made.cjk_firsts = frozenset(form[0] for form in made.cjk)
    made.latin_stems = frozenset(s for stems in made.latin for s in stems)
    made.longest = max(map(len, made.latin), default=0)
    made.lengths = tuple(sorted({len(form) for form in made.cjk}, reverse=True))
    kinds = _data()["kind_words"]
    assert isinstance(kinds, dict)
    made.cjk_kinds = tuple(
        _compact(w) for lang, ws in kinds.items() if lang in CJK_LANGUAGES for w in ws
    )
    made.latin_kinds = frozenset(
        s for lang, ws in kinds.items() if lang not in CJK_LANGUAGES for w in ws for s in _stems(w)
    )
    across = _data()["cjk"]
    assert isinstance(across, dict)
    made.across = tuple(_compact(w) for w in across["words_across"])
    made.cjk_trades = tuple(_compact(w) for w in across["other_trades"])


# --------------------------------------------------------------------------------------------
# The band


def may_translated_text(index: KeyIndex, query: Query) -> bool:
    """A character of the text as the forms are compared (``_compact``: NFKC, simplified) that
    starts a Chinese or Japanese form, or a word whose stem is a word of a Latin form."""
    made = forms(index)
    if not query.ascii and not made.cjk_firsts.isdisjoint(_compact(query.text)):
        return True
    return any(stem(w) in made.latin_stems for w in latin_words(query.text))


def translated_text(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the whole text. Condition: it holds a translated form of a registry name (see the
    module): Chinese or Japanese characters run together as the form is, its Latin edges not
    run on into other letters ('门.io交易所', '转入其“令牌口袋”钱包'); or, in other words,
    consecutive words whose stems are the form's, articles and prepositions between them
    skipped ('Tapa del Mercado de Monedas'). A form of a one-word name needs a platform's kind
    word right beside it. Review, with each entity so found."""
    made = forms(index)
    hits: list[tuple[str, str, str]] = []  # (entity, label, the words as the text has them)
    if has_cjk(text) or not text.isascii():
        hits += _cjk_hits(made, _compact(text))
    hits += _latin_hits(made, text)
    hits = [hit for hit in hits if not _another_company(text, hit[2], glossed=has_cjk(hit[1]))]
    if not hits:
        return None
    from exitcheck.matching.review import _merge

    named = _merge(tuple(Candidate(e, label, SCORE, "translated") for e, label, _ in hits))
    _, label, said = hits[0]
    reason = f"{said!r} reads as {label!r} translated word for word"
    return ambiguous(result.query, result.normalized, named, reason)


_PARTS = re.compile(r"\s[-–—:|/·]\s|[,;:()（）【】\[\]|/、，；：“”\"«»*]|\s{2,}")


def confirmed(index: KeyIndex, result: MatchResult, outside: str) -> MatchResult | None:
    """A name beside its own translation in brackets ('矩阵港（Matrixport）', 'Courtiers
    Interactifs (Interactive Brokers)'): the bracketed part matches one entity, and the words
    outside hold its translation word for word (``translated_text``'s reading): the two
    confirm each other, a match by the bracketed name. A translation of another entity's
    name ('老虎经纪人（Futu）') is review with both. None otherwise."""
    entities = {c.entity_id for c in result.candidates}
    read = translated_text(index, result, outside, lambda text: result)
    if read is None:
        return None
    if len(entities) != 1 or {c.entity_id for c in read.candidates} != entities:
        from exitcheck.matching.review import _merge

        named = _merge(result.candidates, read.candidates)
        label = read.candidates[0].label
        reason = f"{result.reason}; the words outside it read as {label!r} translated word for word"
        return ambiguous(result.query, result.normalized, named, reason)
    best = result.candidates[0]
    reason = f"{best.label!r}, beside its translation word for word"
    return MatchResult(
        result.query,
        result.normalized,
        DECISION_MATCH,
        best.method,
        best,
        result.candidates,
        reason,
    )


def beside(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """A text sent to review by a loose reading (a transliteration: 'コイン市場キャップ' read as
    'koin', KuCoin; a spelling that is no slip: 'Biene Pool' as BiONE) that holds a registry
    name translated word for word (CoinMarketCap, BeePool): the translation's entity first,
    the loose reading's after it. None when the translation names no other entity."""
    read = translated_text(index, result, text, lambda part: result)
    if read is None or {c.entity_id for c in read.candidates} <= {
        c.entity_id for c in result.candidates
    }:
        return None
    from exitcheck.matching.review import in_order

    named = in_order(read.candidates, result.candidates)
    return ambiguous(result.query, result.normalized, named, read.reason)


def translated_groups(
    index: KeyIndex, result: MatchResult, groups: list[str]
) -> MatchResult | None:
    """A match whose bracketed parts are each its own name translated word for word
    ('Keystone（基石）', 'Etherscan（以太坊扫描器）'): the match stands, the parts confirm it (beside
    the name itself, a one-word name's translation needs no other word). None otherwise."""
    best = result.best
    if best is None:
        return None
    made = forms(index)
    for group in groups:
        hits = _cjk_hits(made, _compact(group), alone=True) if has_cjk(group) else []
        hits += _latin_hits(made, group, alone=True)
        if {entity for entity, _, _ in hits} != {best.entity_id}:
            return None
    return result._replace(reason=f"{best.label!r}, beside its translation word for word")


def _another_company(text: str, said: str, *, glossed: bool) -> bool:
    """True when the form begins a company's name: in its part of the text (between
    separators and brackets), a legal form after it ('SARL', '有限公司'), with words that are not
    generic between the two ('矩阵港口物流有限公司') or a capitalised word of its own right
    before it ('Avocats Tigre Courtiers SARL'); for a Chinese name's English glosses, any legal
    form after it ('Coin Safe Ltd': a firm so named, as the ``translated`` band reads it)."""
    from exitcheck.matching.names import generic_words, strip_generic

    marks, skip = _listed("company_marks"), _listed("function_words")
    for part in _PARTS.split(text):
        if has_cjk(said):
            key = _compact(part)
            at = key.find(said)
            if at < 0:
                continue
            after = key[at + len(said) :]
            ends = [after.find(mark) for mark in marks if has_cjk(mark) and mark in after]
            return bool(ends) and bool(strip_generic(words(after[: min(ends)])))
        every = [w for w in latin_words(part) if fold(w)]
        places = [i for i, w in enumerate(every) if fold(w) not in skip]
        keys = [fold(every[i]) for i in places]
        window = [fold(w) for w in said.split()]
        at = next((i for i in range(len(keys)) if keys[i : i + len(window)] == window), -1)
        if at < 0:
            continue
        end = at + len(window)
        mark = next((j for j in range(end, len(keys)) if keys[j] in marks), -1)
        if mark < 0:
            return False
        if glossed or strip_generic(keys[end:mark]):
            return True
        # the word right before, a preposition not between ('Virement à Courtiers …')
        before = every[places[at] - 1] if places[at] else ""
        return before[:1].isupper() and fold(before) not in generic_words().latin
    return False


def _cjk_hits(made: Forms, compact: str, *, alone: bool = False) -> list[tuple[str, str, str]]:
    """The longest form at each place of the text, unless what is around it makes it part of
    another word or another business's name."""
    out = []
    starts, table = made.cjk_starts, made.cjk
    for at in range(len(compact) - 1):
        if compact[at : at + 2] not in starts:
            continue
        end = len(compact)
        size = next((n for n in made.lengths if at + n <= end and compact[at : at + n] in table), 0)
        if not size:
            continue
        form = compact[at : at + size]
        before, after = compact[at - 1 : at] if at else "", compact[at + size : at + size + 1]
        if _runs_on(form[0], before) or _runs_on(form[-1], after):
            continue
        if _across(made.across, compact, at, at + size):
            continue
        rest = compact[at + size :]
        if rest.startswith(made.cjk_trades):  # 矩阵港口物流: a logistics firm's name
            continue
        for entity, label, lone in table[form]:
            if alone or not lone or rest.startswith(made.cjk_kinds + made.own_cjk.get(label, ())):
                out.append((entity, label, form))
    return out


def _across(across: tuple[str, ...], compact: str, start: int, end: int) -> bool:
    """True when a word of ``across`` stands across an edge of the form, part in it and part
    outside (区块链 before 链新闻, 股份有限公司 after 蚂蚁股份): the form is part of another
    word there."""
    for word in across:
        n = len(word)
        at = compact.find(word, max(start - n + 1, 0), end + n - 1)
        while at != -1:
            if at < start < at + n or at < end < at + n:
                return True
            at = compact.find(word, at + 1, end + n - 1)
    return False


_WORD = re.compile(r"[^\W_]+")


def _runs_on(edge: str, beside: str) -> bool:
    """True when a form's Latin edge letter is run on into another Latin letter or digit."""
    return edge.isascii() and edge.isalnum() and beside.isascii() and beside.isalnum()


def _latin_hits(made: Forms, text: str, *, alone: bool = False) -> list[tuple[str, str, str]]:
    """Runs of consecutive words of one part of the text (function words skipped) whose stems
    are a Latin form, not followed by a capitalised word of a longer proper name, in a text
    without another trade's word; a lone form beside a kind word or one that corroborates it."""
    said = latin_words(text)
    if not any(stem(w) in made.latin_stems for w in said):
        return []
    from exitcheck.matching.review import other_trade_words

    if not other_trade_words().isdisjoint(fold(w) for w in said):  # 'Piscina Chispa Supplies'
        return []
    out = []
    for part in _PARTS.split(text):
        out += _part_hits(made, part, alone=alone)
    return out


def _part_hits(made: Forms, part: str, *, alone: bool) -> list[tuple[str, str, str]]:
    from exitcheck.matching.names import generic_words

    skip = _listed("function_words")
    content = [(stem(w), w) for w in latin_words(part) if fold(w) not in skip]
    stems = [s for s, _ in content]
    generic = generic_words().latin
    out = []
    for size in range(min(made.longest, len(stems)), 0, -1):
        for at in range(len(stems) - size + 1):
            found = made.latin.get(tuple(stems[at : at + size]))
            following = content[at + size][1] if at + size < len(content) else ""
            if not found or _goes_on(following, generic):
                continue
            beside = set(stems[max(at - 1, 0) : at]) | set(stems[at + size : at + size + 1])
            for entity, label, lone in found:
                kinds = made.latin_kinds | made.own_latin.get(label, frozenset())
                if alone or not lone or not kinds.isdisjoint(beside):
                    out.append((entity, label, " ".join(w for _, w in content[at : at + size])))
    return out


def _goes_on(following: str, generic: frozenset[str]) -> bool:
    """True when the word after a form is a capitalised word of its own (not generic, not a
    platform's kind): the form is the start of a longer proper name ('Fire Coin Laundromat'),
    whose head is that word."""
    return following[:1].isupper() and following.isalpha() and fold(following) not in generic


def latin_words(text: str) -> list[str]:
    """The words of a text that are not Chinese characters, as written (NFKC): no look-alike
    folding, which would read a capital Cyrillic 'В' as a Latin 'B' and a small one not."""
    if not text.isascii():
        import unicodedata

        text = unicodedata.normalize("NFKC", text)
    return [w for w in _WORD.findall(text) if not has_cjk(w)]


def fold(word: str) -> str:
    """A word in ASCII lower case, letters and digits only ('à' -> 'a', 'Вид' -> 'vid')."""
    if not word.isascii():
        from anyascii import anyascii

        word = anyascii(word)
    return "".join(ch for ch in word.lower() if ch.isalnum())


__all__ = [
    "beside",
    "confirmed",
    "forms",
    "may_translated_text",
    "name_words",
    "stem",
    "translated_text",
]
