"""One regular expression that finds any of many strings (registry keys, their starts).

Python's ``re`` tries the alternatives of ``a|b|c …`` one after another at each place of the
text; written as a tree of the strings' common starts (``b(?:inance|itget)|huobi``), it tries
one branch a character, and finding any of 100 keys in a name takes a microsecond rather than
several. What it finds is the same: a pattern of the strings matches at a place exactly when
one of them starts there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Tree = dict[str, "Tree"]  # a character to what may follow it; "" where a string ends


def any_of(strings: Iterable[str]) -> re.Pattern[str]:
    """A pattern that matches where one of ``strings`` starts (never, when there are none)."""
    tree: Tree = {}
    for string in strings:
        node = tree
        for ch in string:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_branches(tree) if tree else "(?!)")


def _branches(node: Tree) -> str:
    # a string that ends here comes first: the shortest one found is enough
    alternatives = [
        re.escape(ch) + _branches(rest) if ch else "" for ch, rest in sorted(node.items())
    ]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


__all__ = ["any_of"]
