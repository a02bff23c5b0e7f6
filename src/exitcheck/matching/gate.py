"""The screening gate: answer at once the names that no registry key can reach.

Most names a counterparty list holds are other companies, and for each the decision steps
(``decide``, ``review``) try dozens of forms, fuzzy look-ups and review bands before saying
``none``. The gate looks at a name the way those steps do (decoding, cleaning, words,
generic words, Chinese folding) and sends it on unless it can show that every look-up the
steps would make misses:

- every key they would look up exactly (the name, any run of its words, its words reordered
  or peeled, a long word's starts, its misreadings, a Chinese name's parts) is tested against
  the set of every key of the index at once;
- every fuzzy look-up (a form within the edit budget of a key with the same first letter, or
  the first two swapped) is asked of the keys of that first letter and of the lengths the
  budget allows, scored in C by rapidfuzz;
- the last band's spelling score (``review.close_spelling``) is asked of the keys of the
  lengths that can reach it, in C.

A name is answered here only when it takes one of the two plain paths of ``decide._text``
(Latin or other-script words, or Chinese characters only) and each band of ``decide._cell``
around it can be shown to miss: another script's transliteration (``review.other_script``),
the spelling band, each part of a cell of several names (``review.several``: the fuzzy step
alone), brackets and a qualifying comma (the text outside is what is matched). A name with an
encoding to undo, a domain, spelled punctuation, Chinese characters beside Latin words or
digits beside Chinese characters goes on, as does a Chinese name that sounds as a registry
name does (the homophone band: its pinyin is a key). The answer the gate gives is the
``none`` of those steps, built with the same functions; it only decides which names need the
steps, never what they answer: a test holds ``match_many`` equal to ``match`` name by name
(``tests/test_gate.py``).

The gate holds the index's keys in memory, so it is used for a registry ``KeyIndex.preload``
holds in memory (the shipped one, a small ``--registry``); with a large one every name goes
to the steps.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from exitcheck.matching import context, decide, nearby, review
from exitcheck.matching.decide import (
    _glued_generic,
    _inner_generic,
    _joined_characters,
    _other_script,
    _variants,
    _with_generic,
    is_list,
    match,
)
from exitcheck.matching.decoding import _MARKS, decode, has_payload, has_punycode
from exitcheck.matching.index import KeyIndex, MemoryTable
from exitcheck.matching.names import (
    clean,
    core_key,
    domain_of,
    generic_words,
    has_cjk,
    is_cjk,
    is_qualifier,
    is_tone_pinyin,
    max_edits,
    romanise,
    split_groups,
    strip_bullet,
    strip_generic,
    to_simplified,
    units,
    without_versions,
    words,
)
from exitcheck.matching.results import (
    MAX_REORDER_WORDS,
    MIN_CONTAINED,
    MIN_FUZZY_CJK,
    MIN_FUZZY_LATIN,
    MatchResult,
    none,
)
from exitcheck.matching.review import _OCR, _OCR_MARKS, CLOSE, parts_of

# review.misread swaps look-alikes ('rn' and 'm', 'ri' and 'n', 'vv' and 'w', 'cl' and 'd', 'l'
# and 'i'): each letter written as the letters it may be read as ('m' as 'rn', its 'n' as 'ri'),
# a name and all its misreadings read alike
_READS = str.maketrans({"m": "rri", "n": "ri", "w": "vv", "d": "ci", "l": "i"})
_NONE_CLOSE = "no name is close enough to be sure"
_NONE_GENERIC = "the query is only generic words"
_BRACKETS = frozenset("([{（【［")  # qualified names: decide._name, names.split_groups


class Gate:
    """The keys of one in-memory index, arranged for the gate's look-ups."""

    def __init__(self, table: MemoryTable, cjk_characters: frozenset[str]) -> None:
        self.keys = frozenset(key for _, key in table.keys)  # every kind: one set
        self.starts = frozenset(key[:i] for key in self.keys for i in range(1, len(key) + 1))
        # first character -> the characters of each key that starts with it (_spells)
        self.spelt: dict[str, list[frozenset[str]]] = {}
        for key in self.keys:
            if not key.isascii():
                self.spelt.setdefault(key[0], []).append(frozenset(key))
        self.read_as = frozenset(key.translate(_READS) for key in self.keys)
        self.read_starts = frozenset(
            key[:i] for key in self.read_as for i in range(1, len(key) + 1)
        )
        self._inert_words: dict[str, bool] = {}  # a word -> no exact look-up reaches a key by it
        self.cjk_characters = cjk_characters
        # (script, first letter, length) and (script, first two swapped, length) -> keys
        self.first: dict[tuple[str, str, int], list[str]] = {}
        self.first2: dict[tuple[str, str, int], list[str]] = {}
        latin: list[str] = []
        for script, key, *_ in table.fuzzy:
            if script in ("latin", "cjk"):
                self.first.setdefault((script, key[0], len(key)), []).append(key)
                if len(key) > 1 and key[1] != key[0]:
                    self.first2.setdefault((script, key[1::-1], len(key)), []).append(key)
            if script == "latin":
                latin.append(key)
        self.latin = latin
        self._near: dict[tuple[int, float], list[str]] = {}
        self._blocks: dict[tuple[str, str, int, int], list[str]] = {}
        self._parts: dict[str, bool] = {}  # a part of a cell -> the gate cannot answer it
        self._said: dict[tuple[tuple[str, ...], str], tuple[str, str] | None] = {}  # _latin's
        self.generic = generic_words().latin

    # ----------------------------------------------------------------------------------------
    # The look-ups, each a superset of the steps' own

    def _fuzzy(self, script: str, form: str, minimum: int) -> bool:
        """True when a key of this script could be a fuzzy candidate of ``form`` (decide
        ._fuzzy and edit_candidates: within the budget, same first letter or first two
        swapped)."""
        budget = max_edits(len(form), minimum)
        if budget == 0:
            return False
        block = (script, form[:2], len(form), budget)
        keys = self._blocks.get(block)
        if keys is None:
            if len(self._blocks) >= 65536:  # Chinese starts are many: memory stays bounded
                self._blocks.clear()
            keys = self._blocks[block] = self._block(*block)
        return bool(keys) and (
            process.extractOne(form, keys, scorer=OSA.distance, score_cutoff=budget) is not None
        )

    def _block(self, script: str, start: str, size: int, budget: int) -> list[str]:
        """The keys a form of this start and length is scored against: the same first letter,
        or (KeyIndex.fuzzy's second block) the first two letters swapped, and a length within
        the budget; listed once per block."""
        first, first2 = self.first, self.first2
        two = start if start[1] != start[0] else None
        keys: list[str] = []
        for length in range(size - budget, size + budget + 1):
            keys += first.get((script, start[0], length), [])
            if two is not None:
                keys += first2.get((script, two, length), [])
        return keys

    def _near_keys(self, length: int, cutoff: float) -> list[str]:
        """The Latin keys whose length lets them reach a spelling score of ``cutoff`` with a
        key of this length (KeyIndex.spelt_like's own rule), listed once per length."""
        near = self._near.get((length, cutoff))
        if near is None:
            spread = int(length * (100 - cutoff) / cutoff) + 1
            near = [k for k in self.latin if length - spread <= len(k) <= length + spread]
            self._near[(length, cutoff)] = near
        return near

    def _close(self, key: str) -> bool:
        """True when a Latin key is spelt within ``CLOSE`` of ``key`` (review.close_spelling
        through KeyIndex.spelt_like: the keys of the lengths that can reach the score)."""
        near = self._near_keys(len(key), CLOSE)
        return bool(near) and (
            process.extractOne(key, near, scorer=fuzz.ratio, score_cutoff=CLOSE) is not None
        )

    # ----------------------------------------------------------------------------------------
    # One name

    def answer(self, query: str) -> MatchResult | None:
        """The steps' own ``none`` when the gate can show that nothing reaches the name,
        else None (the name goes to the steps)."""
        text = query
        # mojibake is never ASCII; punycode is ('xn--…')
        if (
            not query.isascii()
            or not _MARKS.isdisjoint(query)
            or has_punycode(query)
            or has_payload(query)
        ):
            text, undone = decode(query)
            if undone:
                return None
        folded = clean(text)
        cleaned = strip_bullet(folded)
        # printable ASCII is its own clean form's text (clean is idempotent there): its words
        # are asked of the words' cache as the query itself, as the bands after will ask them
        own = text == query and folded == cleaned and query.isascii() and query.isprintable()
        tokens = words(query if own else cleaned)
        if not tokens or "dot" in tokens or not decide._abbreviations().keys().isdisjoint(tokens):
            return None  # spelled punctuation; abbreviated words, read again written out
        # decide._name: brackets ('Huobi (HT)') and a qualifier after a comma ('…, Seychelles')
        # leave the text outside to be matched; the parts only ever confirm a match
        outside, groups = split_groups(cleaned) if not _BRACKETS.isdisjoint(cleaned) else ("", [])
        if not groups and "," in cleaned:
            head, _, tail = cleaned.rpartition(",")
            if words(head) and is_qualifier(tail):
                outside, groups = head, [tail]
        if groups and words(outside):
            cleaned, tokens = outside, words(outside)
        if "." in cleaned and domain_of(cleaned) is not None:
            return None
        key = "".join(tokens)
        digits = not key.isalpha() and any(ch.isdigit() for ch in key)
        if digits and has_cjk(key):
            return None
        # the name's own look-ups first (most registry names stop there), then the cell's bands
        core: list[str] | None = None  # the words without generic words, when Latin
        if has_cjk(key):
            result = self._chinese(query, tokens, key)
        else:
            plain = (words(without_versions(cleaned)) or tokens) if digits else tokens
            core = self._core(plain)
            said = self._latin(plain, key, core)
            result = None if said is None else none(query, *said)
        if result is None:
            return None
        # review.close_spelling's key: the words of the text (ASCII text is its own clean form)
        if text.isascii() and folded == cleaned:
            if core is None:
                close = "".join(strip_generic(tokens))
            else:  # the Latin words' core, of every word when versions were set aside
                close = "".join(self._core(tokens) if digits else core)
        else:
            close = "".join(strip_generic(words(text)))
        if len(close) >= 5 and not has_cjk(close) and self._close(close):
            return None
        if is_list(text) and self._a_part(text):
            return None
        return result

    def _a_part(self, text: str) -> bool:
        """True when a part of a cell of several names may be a registry name (review.several
        asks decide._name of each part): the gate cannot show that nothing reaches it."""
        parts = [part for part in parts_of(text) if words(part)]
        return len(parts) > 1 and any(self._open(part) for part in parts)

    def _open(self, part: str) -> bool:
        """True when the gate cannot answer ``part`` (``answer`` gives None). The parts of
        cells recur far more than cells do ('Sons', 'Ltd.', 'Co. KG', a surname): a third of
        those of a book's cells are distinct, so each is asked once while it is remembered."""
        known = self._parts.get(part)
        if known is None:
            if len(self._parts) >= 16384:  # memory stays bounded (a few MB)
                self._parts.clear()
            known = self._parts[part] = self.answer(part) is None
        return known

    def _runs(self, tokens: list[str]) -> bool:
        """True when a run of the words, joined, is a key: each run grown a word at a time
        while it is the start of a key."""
        keys, starts = self.keys, self.starts
        for i in range(len(tokens)):
            form = ""
            for token in tokens[i:]:
                form += token
                if form in keys:
                    return True
                if form not in starts:
                    break
        return False

    def _ordered(self, form: str, tokens: list[str]) -> bool:
        """True when ``form`` followed by the words in some order, joined, is a key (the
        orders of ``itertools.permutations``, grown a word at a time while they are the
        start of a key)."""
        for i, token in enumerate(tokens):
            grown = form + token
            rest = tokens[:i] + tokens[i + 1 :]
            if rest:
                if grown in self.starts and self._ordered(grown, rest):
                    return True
            elif grown in self.keys:
                return True
        return False

    def _core(self, tokens: list[str]) -> list[str]:
        """``strip_generic(tokens)`` for words without Chinese characters: their units are
        the words themselves (names.units), so it is a filter."""
        generic = self.generic
        return [token for token in tokens if token not in generic]

    def _latin(self, tokens: list[str], key: str, core: list[str]) -> tuple[str, str] | None:
        """The ``normalized`` and ``reason`` of the steps' ``none``, or None when a key may be
        reached. ``tokens``: the words without versions (decide._text's ``plain``); ``key``:
        all the words; ``core``: ``tokens`` without generic words. Remembered per (words,
        key): the parts of a cell are often its whole name ('Foo, Inc.': 'Foo')."""
        known = (tuple(tokens), key)
        memo = self._said
        if known not in memo:
            if len(memo) >= 2048:  # memory stays bounded: a cell's parts follow it
                memo.clear()
            memo[known] = self._latin_said(tokens, key, core)
        return memo[known]

    def _latin_said(self, tokens: list[str], key: str, core: list[str]) -> tuple[str, str] | None:
        n = len(tokens)
        if not all(map(self._inert, tokens)) and self._exact(tokens, key, core):
            return None
        if not core:
            return key, _NONE_GENERIC
        orders = (
            [core]
            if len(core) > MAX_REORDER_WORDS
            else [list(p) for p in itertools.permutations(core)]
        )
        forms = ["".join(order) for order in orders]
        if len(core) < n:  # decide._with_generic: forms with generic words, when there are any
            forms += _with_generic(tokens)
        if any(self._fuzzy("latin", form, MIN_FUZZY_LATIN) for form in dict.fromkeys(forms)):
            return None
        return "".join(core), _NONE_CLOSE

    def _inert(self, token: str) -> bool:
        """True when no exact look-up of ``_exact`` can reach a key through this word: letters
        only, not the start of a key, no key its start, and not read (``_READS``) as the
        start of a key read so. Each form ``_exact`` looks up starts with a word of the name
        and holds only its letters (runs and orders of its words, the name without an inner
        generic word, a lone word's starts), so a name of such words alone reaches none of
        them. Asked once per word: names reuse a small vocabulary."""
        known = self._inert_words.get(token)
        if known is None:
            if len(self._inert_words) >= 65536:  # memory stays bounded
                self._inert_words.clear()
            starts, keys = self.starts, self.keys
            known = self._inert_words[token] = (
                token.isalpha()
                and token not in starts
                and not any(token[:end] in keys for end in range(1, len(token)))
                and token.translate(_READS) not in self.read_starts
            )
        return known

    def _exact(self, tokens: list[str], key: str, core: list[str]) -> bool:
        """True when a form of the words that the steps look up exactly may be a key."""
        n = len(tokens)
        if self._runs(tokens):  # decide._variants: peeled (runs of words)
            return True
        if 1 < n <= MAX_REORDER_WORDS and self._ordered("", tokens):  # reordered
            return True
        if 1 < len(core) <= MAX_REORDER_WORDS and self._ordered("", core):
            return True
        looked = [key]
        joined = "".join(core or tokens)
        if not joined.isalpha() and is_tone_pinyin(joined):  # 'huo3bi4'
            looked.append("".join(ch for ch in joined if not ch.isdigit()))
        word = tokens[0]
        if n == 1 and len(word) > MIN_CONTAINED + 2:  # review._latin_spans: a long word's starts
            looked += [word[:end] for end in range(len(word) - 2, MIN_CONTAINED, -1)]
        if n == 1:  # decide._variants: a word run on into a generic word ('okxexchange')
            looked += _glued_generic(word)
        looked += _inner_generic(tokens)  # ... and without a generic word inside a name
        if len(key) >= 4 and not key.isalpha() and any(c in key for c in _OCR_MARKS):
            looked += [key.translate(_OCR), key.replace("1", "i")]  # review._misreadings
        if not self.keys.isdisjoint(looked):
            return True
        return len(key) >= 4 and key.translate(_READS) in self.read_as  # review.misread

    def _spells(self, text: str) -> bool:
        """True when a key is made of the text's characters only. Every form ``_chinese``
        looks up is (its words, their orders and parts, folded to simplified or not), so
        when no key is, none of them is one and they need not be made."""
        chars = set(text)
        spelt = self.spelt
        return any(made <= chars for ch in chars for made in spelt.get(ch, ()))

    def _chinese_forms(
        self, key: str, plain: list[str], folded_tokens: list[str], folded: str
    ) -> list[str]:
        """The forms of a Chinese name the steps look up exactly."""
        looked = [key, folded, *plain]
        looked += [form for form, _ in _variants(plain)]
        looked += [form for form, _ in _variants(folded_tokens)]
        # review._chinese_prefix: every piece of the distinctive part, at any place
        cjk = [to_simplified("".join(u for u, generic in units([t]) if not generic)) for t in plain]
        inner = "".join(t for t in cjk if has_cjk(t))
        looked += [
            inner[start : start + size]
            for size in range(2, len(inner))
            for start in range(len(inner) - size + 1)
        ]
        return looked

    def _chinese(self, query: str, tokens: list[str], key: str) -> MatchResult | None:
        if not all(is_cjk(t[0]) for t in tokens):  # Latin and Chinese: decide's mixed path
            return None
        plain = _joined_characters(tokens)
        folded_tokens = [to_simplified(t) for t in plain]
        folded = "".join(folded_tokens)
        if self._spells(key + folded) and not self.keys.isdisjoint(
            self._chinese_forms(key, plain, folded_tokens, folded)
        ):
            return None
        if not strip_generic(plain):
            return none(query, key, _NONE_GENERIC)
        core = core_key(folded)
        sound = to_simplified(core_key(key))  # review.homophone
        if (
            2 <= len(sound) <= 8
            and romanise(sound) in self.keys  # a registry name's pinyin: it may sound alike
        ):
            return None
        if self._fuzzy("cjk", core, MIN_FUZZY_CJK):
            return None
        return none(query, core, _NONE_CLOSE)


_GATES: weakref.WeakKeyDictionary[KeyIndex, tuple[MemoryTable, Gate]] = weakref.WeakKeyDictionary()


def gate_of(index: KeyIndex) -> Gate | None:
    """The gate of an index whose rows are in memory (after ``preload``), else None; made
    once per index and table."""
    table = index.table
    if not isinstance(table, MemoryTable):
        return None
    made = _GATES.get(index)
    if made is None or made[0] is not table:
        made = (table, Gate(table, index.cjk_characters()))
        _GATES[index] = made
    return made[1]


def match_many(index: KeyIndex, names: Iterable[str], threshold: float) -> list[MatchResult]:
    """``[match(index, name, threshold=threshold, limit=0) for name in names]``, with the
    names that no key can reach answered by the gate instead of the decision steps."""
    gate = gate_of(index)
    out = []
    for name in names:
        result = gate.answer(name) if gate is not None else None
        if result is not None:
            result = _last_bands(index, result, name, threshold)
        out.append(
            result if result is not None else match(index, name, threshold=threshold, limit=0)
        )
    return out


def _last_bands(
    index: KeyIndex, result: MatchResult, text: str, threshold: float
) -> MatchResult | None:
    """``decide._cell``'s bands after the name's own steps, on a name the gate answered
    ``none``: a page on a social site goes to the steps, and so does a name that one of the
    nearby bands (``nearby.surface``: memo words, repaired text, initials, sound …) surfaces,
    and a name in which ``context.in_context`` may find a registry name among noise words (a
    name run together with its legal form, 'KUCOINLTD'; a stock ticker: ``may_answer``),
    and a name in another script whose transliteration ``review.other_script`` reads as a
    registry name (the band itself: most such names are other companies', 'ООО «Ромашка»');
    else the gate's ``none`` stands."""
    if "/" in text:
        return None
    if context.may_answer(index, text):
        return None
    if _other_script(text) and review.other_script(index, result, text) is not None:
        return None  # read by spelling and by sound, its transliteration names one
    other = result.reason.endswith("does not list")
    found = nearby.surface(
        index, result, text, lambda part: decide._cell(index, part, threshold, 0), other=other
    )
    return result if found is result else None


__all__ = ["Gate", "gate_of", "match_many"]
