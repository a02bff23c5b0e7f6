"""Matching a name to entities: normalised keys, the index of a registry, match decisions.

Inside, in the order a name travels: ``names`` (normalisation: pure text functions that turn a
name or a query into keys), ``index`` (the keys a registry yields and every look-up on them),
``decide`` (one entity, several, or none, for any string; with ``review`` for queries that are
more than a name and ``slips`` for typing slips) and ``results`` (what a decision is).
Other wings use what is named here.
"""

from exitcheck.matching.decide import match, search
from exitcheck.matching.index import FuzzyRow, KeyIndex, MemoryTable, Rows, index_rows
from exitcheck.matching.names import compact_key, mixes_scripts
from exitcheck.matching.results import (
    DECISION_MATCH,
    MAX_QUERY_CHARS,
    SCORE_THRESHOLD,
    Candidate,
    MatchResult,
)

__all__ = [
    "DECISION_MATCH",
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
    "mixes_scripts",
    "search",
]
