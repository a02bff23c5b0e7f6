"""Registry names cut short by a fixed-width field of a longer record: the review band
``cut_in_field``.

A card record's merchant name (ISO 8583 DE43: 22 to 25 characters, less after a payment
facilitator's prefix 'PAYPAL *', 'SQ *', 'SP *'), a SWIFT line of 35 characters, a bank memo
cut by its system: the name stops where the field does ('DE43: PAYPAL *INTERACTIVEB
4029357733   US'), and what follows is the next field, padded with spaces. The band
``nearby.truncated`` reads a query that is only the start of a name; this one reads the fields
of a record. Review, never a match: the letters lost may make it another name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from exitcheck.matching.index import digits_of
from exitcheck.matching.names import has_cjk, words
from exitcheck.matching.results import Candidate, MatchResult, ambiguous

if TYPE_CHECKING:
    from exitcheck.matching.index import KeyIndex
    from exitcheck.matching.nearby import Matcher, Query

MIN_CUT = 8  # letters of the start of a name that stand for it, at least
CUT_SHARE = 0.6  # ... and this share of the name's key
MAX_CUT_WORDS = 3  # words of a field's end read as one cut name ('GUOTAI JUNAN INTERN')
# what ends a field: a run of spaces (padding), a separator, a facilitator's star
_FIELD_END = re.compile(r"\s{2,}|[|;·\t*\n\r]")


def may_cut_in_field(index: KeyIndex, query: Query) -> bool:
    """Words run together from one of the text's start as a registry Latin key does
    (``nearby``'s table of starts)."""
    from exitcheck.matching.nearby import MIN_TRUNCATED, _starts_table

    starts = index.derived("starts", _starts_table)
    tokens = words(query.text)
    return any(
        "".join(tokens[at : at + MIN_TRUNCATED])[:MIN_TRUNCATED] in starts
        for at in range(len(tokens))
    )


def cut_in_field(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads each field of the text (parts between runs of spaces, separators and a payment
    facilitator's star, each also ended before a number). Condition: the last one to
    ``MAX_CUT_WORDS`` words of a field, run together, are a strict start of a registry Latin
    name's key (``KeyIndex.names("latin")``), ``MIN_CUT`` letters or more and ``CUT_SHARE`` of
    it, with the same digits, ending inside a word of the name or after its second word
    ('interactiveb', 'guotaijunanintern'; not 'interactive', a word of its own). Review."""
    return _cut(index, result, _fields(text))


def may_cut_after_star(index: KeyIndex, query: Query) -> bool:
    """A star, and ``may_cut_in_field``."""
    return "*" in query.characters and may_cut_in_field(index, query)


def cut_after_star(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """``cut_in_field`` on the fields after a payment facilitator's star only ('PAYPAL
    *INTERACTIVEB'): the one reading asked of a text that names another platform, the
    facilitator, whose merchant the field after the star is."""
    if "*" not in text:
        return None
    return _cut(index, result, _fields(text.split("*", 1)[1]))


def _cut(index: KeyIndex, result: MatchResult, fields: list[list[str]]) -> MatchResult | None:
    from exitcheck.matching.nearby import MIN_TRUNCATED, _cut_inside, _starts_table

    starts = index.derived("starts", _starts_table)
    found: list[Candidate] = []
    for field in fields:
        for size in range(1, min(MAX_CUT_WORDS, len(field)) + 1):
            piece = "".join(field[-size:])
            if len(piece) < MIN_CUT or not piece.isalnum():
                continue
            for name, e in starts.get(piece[:MIN_TRUNCATED], []):
                if (
                    len(name) > len(piece) >= CUT_SHARE * len(name)
                    and name.startswith(piece)
                    and digits_of(name) == digits_of(piece)
                    and _cut_inside(e.label, piece)
                ):
                    score = round(100.0 * len(piece) / len(name), 1)
                    found.append(Candidate(e.entity_id, e.label, score, "truncated"))
    if not found:
        return None
    from exitcheck.matching.review import _merge

    named = _merge(tuple(found))
    reason = f"the start of {named[0].label!r}, cut short by the width of a field?"
    return ambiguous(result.query, result.normalized, named, reason)


def _fields(text: str) -> list[list[str]]:
    """The words of each field, a field also ended before a word of digits (a terminal's
    number, a phone)."""
    out: list[list[str]] = []
    for part in _FIELD_END.split(text):
        field: list[str] = []
        for word in words(part):
            if word.isdigit() or has_cjk(word):
                if field:
                    out.append(field)
                field = []
            else:
                field.append(word)
        if field:
            out.append(field)
    return out


__all__ = ["cut_after_star", "cut_in_field", "may_cut_after_star", "may_cut_in_field"]
