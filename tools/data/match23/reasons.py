"""Print each query's decision, entity, method and reason (one line each): a probe of the
matcher. usage: reasons.py FILE [COLUMN]"""

import sys

from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

index = load([shipped_registry()], use_cache=False).index
column = int(sys.argv[2]) if len(sys.argv) > 2 else 0
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        q = line.rstrip("\n").split("\t")[column]
        r = match(index, q)
        first = r.entity_id or (r.candidates[0].entity_id if r.candidates else "-")
        print(r.decision, first, r.method, q, "##", r.reason, sep="\t")
