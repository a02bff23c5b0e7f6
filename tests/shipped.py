"""The shipped registry's index, loaded once for the matcher's tests, and the answer they
read from it: the decision, the entity matched (or the first candidate's) and the method."""

from __future__ import annotations

from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

INDEX = load([shipped_registry()], use_cache=False).index


def answer(query: str) -> tuple[str, str | None, str]:
    """(decision, matched entity or the first candidate's, method)."""
    result = match(INDEX, query)
    first = result.candidates[0].entity_id if result.candidates else None
    return result.decision, result.entity_id or first, result.method or "-"
