"""Ask the matcher about queries, one a line on stdin: decision, entity, method, reason."""

from __future__ import annotations

import sys

from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

index = load([shipped_registry()], use_cache=False).index
for line in sys.stdin:
    query = line.rstrip("\n")
    if not query:
        continue
    r = match(index, query)
    best = r.best.entity_id if r.best else "-"
    print(f"{query}\t{r.decision}\t{best}\t{r.method}\t{r.reason}")
