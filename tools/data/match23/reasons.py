"""Print each query's decision, method and reason (one line each): a probe of the matcher."""

import sys

from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

index = load([shipped_registry()], use_cache=False).index
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    q = (
        parts[int(sys.argv[2]) if len(sys.argv) > 2 else 0].encode().decode("unicode_escape")
        if "\\u" in line
        else parts[int(sys.argv[2]) if len(sys.argv) > 2 else 0]
    )
    r = match(index, q)
    print(
        r.decision,
        r.entity_id or (r.candidates[0].entity_id if r.candidates else "-"),
        r.method,
        q,
        "##",
        r.reason,
        sep="\t",
    )
