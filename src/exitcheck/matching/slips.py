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

_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_ALIKE = ("cks", "iyl1", "o0", "uv", "mn", "sz", "gj", "bp", "dt", "ae")


@functools.cache
def _neighbours() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r, row in enumerate(_ROWS):
        for c, ch in enumerate(row):
            near = out.setdefault(ch, set())
            for dr in (-1, 0, 1):
                if 0 <= r + dr < len(_ROWS):
                    other = _ROWS[r + dr]
                    for dc in (-1, 0, 1):
                        if (dr or dc) and 0 <= c + dc < len(other):
                            near.add(other[c + dc])
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
