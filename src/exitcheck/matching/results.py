"""What a match decision is: its records, decision names and documented constants.

Shared by ``matching`` (the steps that decide), ``review`` (queries that are more than a name)
and ``index`` (the keys): each imports this module, none imports the others' decisions.
"""

from __future__ import annotations

from exitcheck.records import Record

# Documented constants (README, "Matching").
SCORE_THRESHOLD = 75.0  # a fuzzy candidate needs at least this score (0-100)
MARGIN = 10.0  # ... and must lead the next entity by this many points
MAX_QUERY_CHARS = 200  # longer queries are a usage error
MIN_FUZZY_LATIN = 5  # shorter Latin queries and names match exactly or not at all
MIN_FUZZY_PINYIN = 8  # romanised Chinese names are fuzzy-matched from this length
MIN_FUZZY_CJK = 6  # distinctive parts of Chinese names (in characters) fuzzy from this length
MAX_REORDER_WORDS = 3  # word orders are tried for queries of up to this many words
MIN_CONTAINED = 3  # a registry key must be this long to be reported inside a longer query

UNUSUAL = "fuzzy_unusual"  # within the budget, but not a typing slip (see slips.py)

DECISION_MATCH = "match"
DECISION_AMBIGUOUS = "ambiguous"
DECISION_NONE = "none"


class Entry(Record):
    entity_id: str  # empty for a known other platform
    label: str  # the name or alias as written in the registry
    field: str  # id, name, name_zh, alias, domain, later_name, other


class Candidate(Record):
    entity_id: str
    label: str
    score: float
    method: str


class MatchResult(Record):
    query: str
    normalized: str
    decision: str
    method: str | None = None
    best: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""
    decoded: tuple[str, ...] = ()  # encodings undone before matching (decoding.py)

    @property
    def entity_id(self) -> str | None:
        return self.best.entity_id if self.best and self.decision == DECISION_MATCH else None


_EXACT_METHOD = {
    "id": "exact_id",
    "name": "exact_name",
    "name_zh": "exact_name",
    "alias": "exact_alias",
    "domain": "exact_domain",
    "later_name": "exact_later_name",
}


EXACT_METHODS = frozenset(_EXACT_METHOD.values())


def none(
    query: str, normalized: str, reason: str, candidates: tuple[Candidate, ...] = ()
) -> MatchResult:
    return MatchResult(query, normalized, DECISION_NONE, None, None, candidates, reason)


def ambiguous(
    query: str, normalized: str, candidates: tuple[Candidate, ...], reason: str
) -> MatchResult:
    return MatchResult(query, normalized, DECISION_AMBIGUOUS, None, None, candidates, reason)


def decide(
    query: str, normalized: str, entries: list[Entry], method: str | None, score: float = 100.0
) -> MatchResult:
    """A match when the entries name one entity, else ambiguous."""
    candidates = tuple(
        Candidate(e.entity_id, e.label, score, method or _EXACT_METHOD[e.field]) for e in entries
    )
    if len({c.entity_id for c in candidates}) == 1:
        best = candidates[0]
        return MatchResult(query, normalized, DECISION_MATCH, best.method, best, candidates)
    return ambiguous(query, normalized, candidates, "the name belongs to several entities")


def other(
    query: str, normalized: str, entries: list[Entry], suggestions: tuple[Candidate, ...] = ()
) -> MatchResult:
    """None: the query names a known other platform, which the registry does not list."""
    names = ", ".join(sorted({repr(e.label) for e in entries}))
    reason = f"{names} is another platform, which the registry does not list"
    return none(query, normalized, reason, suggestions)


RELATED = "is a separate company related to the platform, not the platform"
SEVERAL = "the cell holds several names"  # review.several's reason begins so
# the end of the reason of a none for a common registry name beside words of another trade
# ('Cobo Hotel Group'): final, as another platform's name is (review.contained)
ANOTHER_TRADE = ": another company's name"


def related(query: str, normalized: str, entries: list[Entry]) -> MatchResult:
    """Ambiguous: the query names a company related to a registry platform but a separate legal
    entity ('Huobi Technology Holdings'; data/others.toml): review with the platform, never a
    match, and no rule that reads the name inside it makes it one."""
    candidates = tuple(Candidate(e.entity_id, e.label, 90.0, "product") for e in entries)
    reason = f"{entries[0].label!r} is a separate company related to the platform, not the platform"
    return ambiguous(query, normalized, candidates, reason)
