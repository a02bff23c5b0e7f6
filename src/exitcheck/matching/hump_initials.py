"""The two initials of a registry name written as one word of two capitalised humps, before a
word of a platform's kind: the review band ``initials_before_kind``.

Users clip a coined name to the capitals of its humps ('KC' for KuCoin, 'TP' for TokenPocket,
'CG' for CoinGecko) and say what it is ('KC exchange accs', 'TP wallet 私钥'). Two letters
stand for countless names, so only before a word of the kind (an exchange, a wallet, a pool)
are they read, and only ever for review.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from exitcheck.matching.names import initials
from exitcheck.matching.results import Candidate, MatchResult, ambiguous

if TYPE_CHECKING:
    from exitcheck.matching.index import KeyIndex
    from exitcheck.matching.nearby import Matcher, Query

# two capitals, then a word of a platform's kind ('KC exchange', 'TP钱包', 'CG pool')
_BEFORE_KIND = re.compile(
    r"(?<![A-Za-z0-9])([A-Z]{2})(?:\s*(?:交易所|钱包|錢包|矿池|礦池)|\s+(?:exchange|exchanges|"
    r"wallet|wallets|pool|pools)\b)",
    re.IGNORECASE,
)
_HUMPED = re.compile(r"[A-Z][a-z]+[A-Z][a-z]+|[a-z]+[A-Z][a-z]+")  # 'KuCoin', 'imToken'


def _table(index: KeyIndex) -> dict[str, list[tuple[str, str]]]:
    """The two initials of every registry Latin name that is one word of two humps, to its
    (entity, label) pairs."""
    table: dict[str, list[tuple[str, str]]] = {}
    for _, e in index.names("latin"):
        if e.entity_id and _HUMPED.fullmatch(e.label):
            pairs = table.setdefault(initials(e.label), [])
            pairs += [] if (e.entity_id, e.label) in pairs else [(e.entity_id, e.label)]
    return table


def may_initials_before_kind(index: KeyIndex, query: Query) -> bool:
    """Two letters in a row before a word of a platform's kind."""
    return _BEFORE_KIND.search(query.text) is not None


def initials_before_kind(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads the text as written. Condition: two capitals, no letter or digit before them,
    then a word of a platform's kind (exchange, wallet, pool; 交易所, 钱包, 矿池), and the
    two letters, case folded, are the initials of a registry name written as one word of two
    humps ('KC exchange accs verified', 'TP钱包 源码'). Review, with each name they may be."""
    for found in _BEFORE_KIND.finditer(text):
        letters = found[1]
        if not letters.isupper():
            continue
        pairs = index.derived("hump_initials", _table).get(letters.lower(), [])
        if pairs:
            best = tuple(Candidate(e, label, 70.0, "initials") for e, label in pairs)
            reason = f"{letters!r} before a word of its kind: the initials of {pairs[0][1]!r}?"
            return ambiguous(result.query, result.normalized, best, reason)
    return None
