"""Queries that are more than a name: a domain, brackets, two scripts, or extra words.

Each function takes a first answer and the parts of the query, and decides whether the parts
agree (a match), disagree or add unknown words (``ambiguous``: the review band), or name
another platform (``none``). Loaded only when such a query is seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from exitcheck.matching.names import (
    compact_key,
    generic_words,
    has_cjk,
    is_qualifier,
    parent_hosts,
    strip_generic,
    to_simplified,
    units,
    words,
)
from exitcheck.matching.results import (
    DECISION_AMBIGUOUS,
    DECISION_MATCH,
    MIN_CONTAINED,
    Candidate,
    Entry,
    MatchResult,
    ambiguous,
    decide,
    none,
    other,
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
    if result.decision != DECISION_MATCH or best is None:
        return result
    if index.has_domains(best.entity_id):
        reason = f"the domain {host} is not one this entity lists"
        return none(query, result.normalized, reason, (best,))
    reason = f"the registry lists no domain for this entity; {host} may be another site"
    return ambiguous(query, result.normalized, (best,), reason)


def qualified(result: MatchResult, groups: list[str], match_text: Matcher) -> MatchResult:
    """A name with bracketed parts ('Huobi (HT)', 'Huobi (火币)', '... Limited (Seychelles)'):
    a part that qualifies (place, legal form, ticker) or names the same entity keeps the
    match; a part naming another entity, or unknown words, make it ambiguous."""
    if result.decision != DECISION_MATCH or result.best is None:
        return result
    for group in groups:
        if is_qualifier(group):
            continue
        qualifiers = generic_words().qualifiers
        kept = [t for t in words(group) if t not in qualifiers]  # 'formerly huobi' -> 'huobi'
        inner = match_text(" ".join(kept) or group)
        if inner.decision == DECISION_MATCH and inner.entity_id == result.entity_id:
            continue
        reason = f"the bracketed part {group!r} does not confirm the name"
        candidates = _merge(result.candidates, inner.candidates)
        return ambiguous(result.query, result.normalized, candidates, reason)
    return result


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
    candidates = _merge(*(a.candidates for a in found))
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


_OCR = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "|": "l"})


def misread(index: KeyIndex, result: MatchResult, key: str) -> MatchResult | None:
    """A name with a digit where a letter looks alike ('0KEx'): never a match, but ambiguous
    with the entity it would read as, for a person to check the scan."""
    if not any(ch in "0158" for ch in key) or key.isdigit():
        return None
    for form in {key.translate(_OCR), key.replace("1", "i")}:
        hits = [e for e in index.exact(form) if e.entity_id]
        if hits:
            candidates = tuple(Candidate(e.entity_id, e.label, 90.0, "misread") for e in hits)
            reason = f"reads as {hits[0].label!r} if a digit is a misread letter"
            return ambiguous(result.query, result.normalized, _merge(candidates), reason)
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
    return ambiguous(result.query, result.normalized, _merge(candidates), reason)


def _latin_spans(index: KeyIndex, tokens: list[str]) -> list[tuple[Entry, float]]:
    """Registry keys made of consecutive words of the query, longest first, or inside one
    long word as its start ('okcoinjapan')."""
    total = len("".join(tokens))
    n = len(tokens)
    spans = sorted(
        ((i, j) for i in range(n) for j in range(i + 1, n + 1) if (i, j) != (0, n)),
        key=lambda ij: ij[0] - ij[1],
    )
    for i, j in spans:
        key = "".join(tokens[i:j])
        if len(key) < MIN_CONTAINED:
            continue
        hits = index.exact(key) or index.other(key)
        if hits:
            return [(e, round(100.0 * len(key) / total, 1)) for e in hits]
    if n == 1 and len(tokens[0]) > MIN_CONTAINED + 2:
        word = tokens[0]
        for end in range(len(word) - 2, MIN_CONTAINED, -1):
            hits = index.exact(word[:end])
            if hits:
                return [(e, round(100.0 * end / len(word), 1)) for e in hits]
    return []


def _chinese_prefix(index: KeyIndex, tokens: list[str]) -> list[tuple[Entry, float]]:
    """A Chinese registry name at the start of the query's distinctive part, once places and
    generic affixes are set aside ('北京币安智能链科技' -> '币安…')."""
    core = "".join(unit for unit, generic in units(tokens) if not generic)
    core = to_simplified(core)
    if not has_cjk(core) or len(core) < 3:
        return []
    for end in range(len(core) - 1, 1, -1):
        hits = index.exact(core[:end]) or index.folded(core[:end])
        if hits:
            return [(e, round(100.0 * end / len(core), 1)) for e in hits]
    return []


def _merge(*groups: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    seen: dict[str, Candidate] = {}
    for group in groups:
        for c in group:
            if c.entity_id and (c.entity_id not in seen or c.score > seen[c.entity_id].score):
                seen[c.entity_id] = c
    return tuple(sorted(seen.values(), key=lambda c: (-c.score, c.entity_id)))


__all__ = ["by_domain", "contained", "misread", "mixed", "qualified", "split_scripts"]
