"""Name normalisation and matching: small pure functions and one index per registry.

The same normaliser is applied to registry names and to queries. Matching tries, in order:
exact keys, reordered words, the query without generic words, traditional-to-simplified folding
(Chinese queries), romanised Chinese names (Latin queries), and only then fuzzy scoring under a
strict edit budget. Anything less than one clear winner is not a match. See README "Matching".
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

# Documented constants (README, "Matching").
SCORE_THRESHOLD = 75.0  # a fuzzy candidate needs at least this score (0-100)
MARGIN = 10.0  # ... and must lead the next entity by this many points
MAX_QUERY_CHARS = 200  # longer queries are a usage error
MIN_FUZZY_LATIN = 5  # shorter Latin queries and names match exactly or not at all
MIN_FUZZY_PINYIN = 8  # romanised Chinese names are fuzzy-matched from this length
MIN_FUZZY_CJK = 6  # Chinese names (in characters) are fuzzy-matched from this length
MAX_REORDER_WORDS = 4  # word orders are tried for queries of up to this many words

DECISION_MATCH = "match"
DECISION_AMBIGUOUS = "ambiguous"
DECISION_NONE = "none"

_CONTROL_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_TONE_SYLLABLES = r"(?:[a-zü]+[1-5])+"  # patterns are compiled on first use, not at start-up


if TYPE_CHECKING:  # a Protocol class costs start-up time; only the type checker needs it
    from typing import Protocol

    class MatchIndex(Protocol):
        """Look-ups the matcher needs; ``store.Store`` answers them from the registry's keys."""

        def exact(self, key: str) -> list[Entry]: ...

        def folded(self, key: str) -> list[Entry]: ...

        def romanised(self, key: str) -> list[Entry]: ...

        def domain(self, host: str) -> Entry | None: ...

        def has_domains(self, entity_id: str) -> bool: ...

        def fuzzy(self, script: str, query: str, spread: int) -> list[tuple[str, Entry, int]]:
            """(key, entry, minimum length) of keys within ``spread`` edits whose first letter
            could pass the first-letter rule; a superset of what ``_edit_candidates`` keeps."""
            ...

        def suggestions(
            self, script: str, query: str, limit: int
        ) -> list[tuple[str, Entry, float]]:
            """(key, entry, WRatio score) of the keys most like the query, best first."""
            ...


# --------------------------------------------------------------------------------------------
# Normalisation


def strip_controls(text: str) -> str:
    """Remove control, format (bidi overrides, zero-width) and unassigned characters."""
    if text.isprintable():
        return text
    kept = (
        ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) not in _CONTROL_CATEGORIES
    )
    return "".join(" " if ch in "\t\n\r" else ch for ch in kept)


def clean(text: str) -> str:
    """NFKC (full-width to ASCII), no control characters, case-folded, single-spaced."""
    if text.isascii() and text.isprintable():  # fast path: ASCII is already NFKC
        return " ".join(text.lower().split())
    folded = unicodedata.normalize("NFKC", strip_controls(text)).casefold()
    return " ".join(folded.split())


def strip_marks(text: str) -> str:
    """Drop combining marks (accents, pinyin tone marks): 'xīnghuǒ' -> 'xinghuo'."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


_CJK_RUNS = "[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def has_cjk(text: str) -> bool:
    return not text.isascii() and re.search(_CJK_RUNS, text) is not None


def words(text: str) -> list[str]:
    """Runs of letters and digits, split where Chinese characters meet other letters."""
    cleaned = strip_marks(clean(text))
    if cleaned.isascii():
        return re.findall(r"[a-z0-9]+", cleaned)
    out: list[str] = []
    for run in re.findall(r"\w+", cleaned):
        for _, group in itertools.groupby(run.replace("_", ""), key=is_cjk):
            token = "".join(group)
            if token:
                out.append(token)
    return out


def compact_key(text: str) -> str:
    """The matching key: clean, no marks, only letters and digits ('Token-Pocket' -> 'tokenpocket')."""
    return "".join(words(text))


def to_simplified(text: str) -> str:
    """Fold traditional Chinese characters to simplified (loads the converter on first use)."""
    if not has_cjk(text):
        return text
    return _simplifier()(text)


@functools.cache
def _simplifier() -> functools.partial[str]:
    from hanziconv import HanziConv

    return functools.partial(HanziConv.toSimplified)


def romanise(text: str) -> str:
    """Romanised key of a Chinese name ('火币' -> 'huobi'); loads the transliterator lazily."""
    from anyascii import anyascii

    return compact_key(anyascii(text))


_DOMAIN = (
    r"(?:[a-z][a-z0-9+.-]*://)?(?:[^/@\s]+@)?"
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})\.?(?::\d+)?(?:[/?#]\S*)?"
)
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu"}


def domain_of(cleaned: str) -> tuple[str, str] | None:
    """(host without www., name label) when the text is a URL or a domain, else None."""
    if "." not in cleaned:
        return None
    found = re.fullmatch(_DOMAIN, cleaned)
    if not found:
        return None
    host = found["host"].removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2:
        return None
    label = labels[-2]
    if label in _SECOND_LEVEL and len(labels) >= 3:
        label = labels[-3]
    return host, label


class GenericWords(NamedTuple):
    latin: frozenset[str]
    chinese: tuple[str, ...]  # longest first


@functools.cache
def generic_words() -> GenericWords:
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    path = data_file("matching.toml")
    data = loads(path.read_text(encoding="utf-8"))
    latin = frozenset(compact_key(w) for w in data["generic_words"])
    chinese = tuple(
        sorted({compact_key(w) for w in data["generic_words_zh"]}, key=len, reverse=True)
    )
    return GenericWords(latin, chinese)


def units(tokens: list[str]) -> list[tuple[str, bool]]:
    return _units(tuple(tokens))


@functools.lru_cache(maxsize=4096)
def _units(tokens: tuple[str, ...]) -> list[tuple[str, bool]]:
    """(unit, is generic) pieces of a query: Latin words, and Chinese words split off their
    generic prefixes and suffixes ('蓝海矿池官网' -> 蓝海, 矿池*, 官网*)."""
    generic = generic_words()
    out: list[tuple[str, bool]] = []
    for token in tokens:
        if has_cjk(token):
            out += _split_affixes(token, generic.chinese)
        else:
            out.append((token, token in generic.latin))
    return out


def _split_affixes(token: str, affixes: tuple[str, ...]) -> list[tuple[str, bool]]:
    head: list[tuple[str, bool]] = []
    tail: list[tuple[str, bool]] = []
    found = True
    while found and token:
        found = False
        for affix in affixes:
            if token == affix:
                return [*head, (affix, True), *tail]
            if token.endswith(affix):
                tail.insert(0, (affix, True))
                token, found = token[: -len(affix)], True
                break
            if token.startswith(affix):
                head.append((affix, True))
                token, found = token[len(affix) :], True
                break
    return [*head, (token, False), *tail] if token else [*head, *tail]


def strip_generic(tokens: list[str]) -> list[str]:
    """The query's words without any generic word or affix."""
    return [unit for unit, generic in units(tokens) if not generic]


def peeled(tokens: list[str]) -> list[str]:
    """Keys left after peeling generic units off either end, fewest peeled first:
    'spark pool exchange' -> 'sparkpool', then 'spark'."""
    parts = units(tokens)
    n = len(parts)
    starts = [i for i in range(n + 1) if all(g for _, g in parts[:i])]
    ends = [j for j in range(n + 1) if all(g for _, g in parts[j:])]
    spans = sorted(
        ((i, j) for i in starts for j in ends if i < j and (i, j) != (0, n)),
        key=lambda ij: (ij[0] + n - ij[1], ij),
    )
    return ["".join(unit for unit, _ in parts[i:j]) for i, j in spans]


def max_edits(length: int, minimum: int) -> int:
    """The edit budget for a name of this length: 0 below the minimum, then 1, 2, 3."""
    if length < minimum:
        return 0
    if length < minimum + 3:
        return 1
    if length < minimum + 8:
        return 2
    return 3


# --------------------------------------------------------------------------------------------
# The index


class Entry(NamedTuple):
    entity_id: str
    label: str  # the name or alias as written in the registry
    field: str  # id, name, name_zh, alias, domain


class Candidate(NamedTuple):
    entity_id: str
    label: str
    score: float
    method: str


class MatchResult(NamedTuple):
    query: str
    normalized: str
    decision: str
    method: str | None = None
    best: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""

    @property
    def entity_id(self) -> str | None:
        return self.best.entity_id if self.best and self.decision == DECISION_MATCH else None


def index_for(registry: object) -> MatchIndex:
    """The matcher's index of a loaded registry: the store it was loaded from."""
    index: MatchIndex | None = getattr(registry, "backend", None)
    if index is None:
        raise TypeError("this registry has no key index; load it with registry.load")
    return index


# --------------------------------------------------------------------------------------------
# Matching


_EXACT_METHOD = {
    "id": "exact_id",
    "name": "exact_name",
    "name_zh": "exact_name",
    "alias": "exact_alias",
    "domain": "exact_domain",
}


def _decide(
    query: str, normalized: str, entries: list[Entry], method: str | None, score: float = 100.0
) -> MatchResult:
    candidates = tuple(
        Candidate(e.entity_id, e.label, score, method or _EXACT_METHOD[e.field]) for e in entries
    )
    if len({c.entity_id for c in candidates}) == 1:
        best = candidates[0]
        return MatchResult(query, normalized, DECISION_MATCH, best.method, best, candidates)
    return _ambiguous(query, normalized, candidates, "the name belongs to several entities")


def _ambiguous(
    query: str, normalized: str, candidates: tuple[Candidate, ...], reason: str
) -> MatchResult:
    return MatchResult(query, normalized, DECISION_AMBIGUOUS, None, None, candidates, reason)


def _variants(tokens: list[str]) -> Iterator[tuple[str, str]]:
    """(key, method) forms of a query to look up exactly, most literal first."""
    if 1 < len(tokens) <= MAX_REORDER_WORDS:
        for order in itertools.permutations(tokens):
            yield "".join(order), "exact_reordered"
    for key in peeled(tokens):
        yield key, "exact_without_generic"
    core = strip_generic(tokens)
    if 1 < len(core) <= MAX_REORDER_WORDS:
        for order in itertools.permutations(core):
            yield "".join(order), "exact_without_generic"
    joined = "".join(core or tokens)
    if re.fullmatch(_TONE_SYLLABLES, joined):
        yield re.sub(r"[1-5]", "", joined), "pinyin"


def match(
    index: MatchIndex, query: str, *, threshold: float = SCORE_THRESHOLD, limit: int = 5
) -> MatchResult:
    """Match a query to one entity, or explain why not. Never raises on any string.

    ``limit`` caps the candidates listed; 0 skips the 'did you mean' suggestions of a query
    that matches nothing (screening does, for speed), never the candidates of an ambiguous one.
    """
    cleaned = clean(query)
    tokens = words(cleaned)
    if not tokens:
        return MatchResult(query, "", DECISION_NONE, reason="the query has no letters or digits")

    domain = domain_of(cleaned)
    if domain is not None:
        host, label = domain
        entry = index.domain(host)
        if entry is not None:
            return _decide(query, compact_key(host), [entry], "exact_domain")
        tokens = words(label)
    key = "".join(tokens)
    variants = list(_variants(tokens))  # looked up exactly, then (Latin) among romanised names

    result = _exact(index, query, key, variants)
    if result is None:
        core = strip_generic(tokens)
        if not core:
            return MatchResult(query, key, DECISION_NONE, reason="the query is only generic words")
        result = (
            _chinese(index, query, key, tokens, limit)
            if has_cjk(key)
            else _latin(index, query, key, tokens, variants, threshold, limit)
        )
    if (
        domain is not None
        and result.decision == DECISION_MATCH
        and index.has_domains(result.best.entity_id if result.best else "")
    ):
        best = result.best
        assert best is not None
        reason = f"the domain {domain[0]} is not one this entity lists"
        return MatchResult(query, result.normalized, DECISION_NONE, None, None, (best,), reason)
    return result


def _exact(
    index: MatchIndex, query: str, key: str, variants: list[tuple[str, str]]
) -> MatchResult | None:
    found = index.exact(key)
    if found:
        return _decide(query, key, found, None)
    for variant, method in variants:
        found = index.exact(variant)
        if found:
            return _decide(query, variant, found, method)
    return None


def _chinese(index: MatchIndex, query: str, key: str, tokens: list[str], limit: int) -> MatchResult:
    folded_tokens = [to_simplified(t) for t in tokens]
    folded = "".join(folded_tokens)
    forms = [(folded, "exact_traditional")] + [
        (v, "exact_traditional") for v, _ in _variants(folded_tokens)
    ]
    for form, method in forms:
        found = index.folded(form) or index.exact(form)
        if found:
            return _decide(query, form, found, method)
    core = "".join(strip_generic(folded_tokens)) or folded
    scored = _fuzzy(index, "cjk", folded, MIN_FUZZY_CJK, "fuzzy_chinese")
    if core != folded:
        scored += _fuzzy(index, "cjk", core, MIN_FUZZY_CJK, "fuzzy_chinese")
    return _fuzzy_decision(index, query, core, scored, SCORE_THRESHOLD, limit, chinese=True)


def _latin(
    index: MatchIndex,
    query: str,
    key: str,
    tokens: list[str],
    variants: list[tuple[str, str]],
    threshold: float,
    limit: int,
) -> MatchResult:
    forms = [key] + [v for v, _ in variants]
    for form in forms:
        found = index.romanised(form)
        if found:
            return _decide(query, form, found, "pinyin")
    core_tokens = strip_generic(tokens) or tokens
    orders = (
        [core_tokens]
        if len(core_tokens) > MAX_REORDER_WORDS
        else [list(p) for p in itertools.permutations(core_tokens)]
    )
    scored: list[Candidate] = []
    for order in orders:
        scored += _fuzzy(index, "latin", "".join(order), MIN_FUZZY_LATIN, "fuzzy")
    return _fuzzy_decision(
        index, query, "".join(core_tokens), scored, threshold, limit, chinese=False
    )


def _fuzzy(
    index: MatchIndex, script: str, query: str, minimum: int, method: str
) -> list[Candidate]:
    spread = max_edits(len(query), minimum)  # no key can be allowed more edits than this
    if spread == 0:
        return []
    return _edit_candidates(query, index.fuzzy(script, query, spread), method)


def _edit_candidates(
    query: str, keys: Iterable[tuple[str, Entry, int]], method: str
) -> list[Candidate]:
    """Candidates within the edit budget: same first letter (or first two swapped), same digits."""
    from rapidfuzz.distance import OSA

    digits = re.sub(r"\D", "", query)
    out = []
    for key, entry, minimum in keys:
        length = max(len(key), len(query))
        budget = min(max_edits(len(query), minimum), max_edits(len(key), minimum))
        if budget == 0 or abs(len(key) - len(query)) > budget:
            continue
        if key[0] != query[0] and key[:2] != query[1::-1]:
            continue
        if re.sub(r"\D", "", key) != digits:
            continue
        distance = OSA.distance(query, key, score_cutoff=budget)
        if distance <= budget:
            out.append(
                Candidate(
                    entry.entity_id, entry.label, round(100.0 * (1 - distance / length), 1), method
                )
            )
    return out


def _best_per_entity(candidates: Iterable[Candidate]) -> list[Candidate]:
    best: dict[str, Candidate] = {}
    for c in candidates:
        if c.entity_id not in best or c.score > best[c.entity_id].score:
            best[c.entity_id] = c
    return sorted(best.values(), key=lambda c: (-c.score, c.entity_id))


def _fuzzy_decision(
    index: MatchIndex,
    query: str,
    normalized: str,
    scored: list[Candidate],
    threshold: float,
    limit: int,
    *,
    chinese: bool,
) -> MatchResult:
    ranked = [c for c in _best_per_entity(scored) if c.score >= threshold]
    if ranked:
        best = ranked[0]
        if len(ranked) == 1 or ranked[1].score <= best.score - MARGIN:
            return MatchResult(
                query, normalized, DECISION_MATCH, best.method, best, tuple(ranked[:limit])
            )
        close = tuple(c for c in ranked if c.score > best.score - MARGIN)
        reason = f"{len(close)} candidates score within {MARGIN:g} points of each other"
        return _ambiguous(query, normalized, close, reason)
    suggestions = suggest(index, normalized, limit, chinese=chinese) if limit > 0 else ()
    return MatchResult(
        query,
        normalized,
        DECISION_NONE,
        None,
        None,
        suggestions,
        "no name is close enough to be sure",
    )


def suggest(
    index: MatchIndex, normalized: str, limit: int, *, chinese: bool
) -> tuple[Candidate, ...]:
    """Closest names by a loose similarity, for 'did you mean'; never a match by themselves."""
    if not normalized:
        return ()
    pool = index.suggestions("cjk" if chinese else "latin", normalized, limit)
    scored = (
        Candidate(e.entity_id, e.label, round(score, 1), "suggestion") for _, e, score in pool
    )
    return tuple(c for c in _best_per_entity(scored) if c.score > 0)[:limit]


def search(
    index: MatchIndex, query: str, limit: int = 10
) -> tuple[MatchResult, tuple[Candidate, ...]]:
    """The match decision and a ranked list of candidates (decision's own first)."""
    result = match(index, query, limit=limit)
    chinese = has_cjk(result.normalized)
    extra = suggest(index, result.normalized, limit, chinese=chinese) if result.normalized else ()
    own = {c.entity_id for c in result.candidates}
    others = [c for c in _best_per_entity(extra) if c.entity_id not in own]
    return result, tuple(_dedupe([*result.candidates, *others]))[:limit]


def _dedupe(candidates: Iterable[Candidate]) -> Iterator[Candidate]:
    seen: set[str] = set()
    for c in candidates:
        if c.entity_id not in seen:
            seen.add(c.entity_id)
            yield c
