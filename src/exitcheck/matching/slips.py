"""Is an edit a typing slip? A fuzzy candidate is a confident match only when it is.

One letter away is where real names crowd: BitMart and Bitmark, Bitget and Bitgert, HyperDAO
and HyperDAX are different things. So within the edit budget a candidate is a *match* only
when every edit looks like a slip of the hand or the ear:

- two neighbouring letters swapped ('houbi'), a letter left out ('binace'), a letter typed
  twice ('huobbi');
- a letter replaced by a neighbour on the QWERTY keyboard ('bitmsrt'), or by one that sounds
  or looks alike (c/k/s, i/y/l/1, o/0, u/v, m/n).

Any other edit (a different last letter, an extra unrelated letter) makes the answer
``ambiguous``: shown for review, never a confident match. Pure; loaded with rapidfuzz.
"""

from __future__ import annotations

import functools
import re

MAX_SHORT_PART = 3  # letters of a compound name's last part whose changed ending is another word
_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")

_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_ALIKE = ("cks", "iyl1", "o0", "uv", "mn", "sz", "gj", "bp", "dt", "ae")


@functools.cache
def _neighbours() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    # each row sits half a key to the right of the row above: a key touches the two above it
    # at its column and the next ('b' touches 'g' and 'h'), and the two below at its column
    # and the one before ('g' touches 'v' and 'b', not 'n')
    steps = {-1: (0, 1), 0: (-1, 1), 1: (-1, 0)}
    for r, row in enumerate(_ROWS):
        for c, ch in enumerate(row):
            near = out.setdefault(ch, set())
            for dr, dcs in steps.items():
                if 0 <= r + dr < len(_ROWS):
                    other = _ROWS[r + dr]
                    near.update(other[c + dc] for dc in dcs if 0 <= c + dc < len(other))
    for group in _ALIKE:
        for ch in group:
            out.setdefault(ch, set()).update(group.replace(ch, ""))
    return {ch: frozenset(near) for ch, near in out.items()}


def _close(a: str, b: str) -> bool:
    return a == b or b in _neighbours().get(a, frozenset())


def is_slip(query: str, key: str) -> bool:
    """True when ``query`` differs from the registry key ``key`` only by typing slips."""
    from rapidfuzz.distance import OSA, Levenshtein

    if OSA.distance(query, key) < Levenshtein.distance(query, key):
        return OSA.distance(query, key) == 1  # a lone swap of neighbours
    for op in Levenshtein.editops(key, query):
        if op.tag == "delete":  # a letter of the name left out
            continue
        if op.tag == "replace":
            if not _close(key[op.src_pos], query[op.dest_pos]):
                return False
            continue
        added = query[op.dest_pos]  # insert: only a letter typed twice
        around = (
            query[max(op.dest_pos - 1, 0) : op.dest_pos] + query[op.dest_pos + 1 : op.dest_pos + 2]
        )
        if added not in around:
            return False
    return True


def short_part_changed(query: str, key: str, label: str) -> bool:
    """True when the last letter of the registry name ``key`` is replaced and its label is a
    compound, written with capitals or spaces, whose last part has ``MAX_SHORT_PART`` letters
    or fewer, into an everyday word ('CoinMarketCal' for CoinMarketCap): a short last word
    made another word by another key is another name ('Cal' is no slip of 'Cap'; 'Cao', not
    a word, and 'Cab', which sounds alike, may be)."""
    from rapidfuzz.distance import Levenshtein

    parts = _PART.findall(label)
    if len(parts) < 2 or len(parts[-1]) > MAX_SHORT_PART or "".join(parts).lower() != key:
        return False
    last = len(key) - 1
    changed = any(
        op.tag == "replace" and op.src_pos == last and op.dest_pos == len(query) - 1
        for op in Levenshtein.editops(key, query)
    )
    heard = any(key[-1] in group and query[-1] in group for group in _ALIKE)
    if not changed or heard:  # a slip of the ear keeps the sound ('coin market cab')
        return False
    from exitcheck.matching.context import _common_words

    return query[-len(parts[-1]) :] in _common_words()  # 'cal', not 'cao' (a slip of 'cap')


MAX_INITIALS = 2  # letters of a name's first part that are initials ('TP Wallet', 'KC Pool')


def initials_changed(query: str, key: str, label: str) -> bool:
    """True when the registry name begins with a part of ``MAX_INITIALS`` letters or fewer, its
    initials, and the query changes them ('PT Wallet', 'TB Wallet' for TP Wallet): initials
    swapped or replaced are other initials, another firm's, never a slip of these."""
    parts = _PART.findall(label)
    if len(parts) < 2 or len(parts[0]) > MAX_INITIALS or "".join(parts).lower() != key:
        return False
    if not parts[0].isupper():  # 'Ku' of KuCoin is a syllable, no initials
        return False
    size = len(parts[0])
    return query[:size] != key[:size]
