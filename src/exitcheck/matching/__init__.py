"""Matching a name to entities: normalised keys, the index of a registry, match decisions.

Inside, in the order a name travels: ``names`` (normalisation: pure text functions that turn a
name or a query into keys), ``index`` (the keys a registry yields and every look-up on them),
``decide`` (one entity, several, or none, for any string; with ``review`` for queries that are
more than a name and ``slips`` for typing slips) and ``results`` (what a decision is).
Other wings use what is named here.
"""

from collections.abc import Sequence

from exitcheck.matching.decide import match, search
from exitcheck.matching.index import FuzzyRow, KeyIndex, MemoryTable, Rows, index_rows
from exitcheck.matching.names import compact_key, mixes_scripts
from exitcheck.matching.results import (
    DECISION_MATCH,
    DECISION_NONE,
    MAX_QUERY_CHARS,
    SCORE_THRESHOLD,
    Candidate,
    MatchResult,
)


def match_many(
    index: KeyIndex, names: Sequence[str], threshold: float = SCORE_THRESHOLD
) -> list[MatchResult]:
    """``[match(index, name, threshold=threshold, limit=0) for name in names]``, with the
    names that no registry key can reach answered by a gate first (``gate.py``): screening."""
    from exitcheck.matching.gate import match_many as answered

    return answered(index, names, threshold)


__all__ = [
    "DECISION_MATCH",
    "DECISION_NONE",
    "MAX_QUERY_CHARS",
    "SCORE_THRESHOLD",
    "Candidate",
    "FuzzyRow",
    "KeyIndex",
    "MatchResult",
    "MemoryTable",
    "Rows",
    "compact_key",
    "index_rows",
    "match",
    "match_many",
    "mixes_scripts",
    "search",
]
