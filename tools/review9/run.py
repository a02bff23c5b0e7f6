"""Confident matches and review answers per kind on a file of 'kind<TAB>line' rows."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

index = load([shipped_registry()], use_cache=False).index
total: Counter[str] = Counter()
conf: Counter[str] = Counter()
rev: Counter[str] = Counter()
show = "--show" in sys.argv
path = Path(next(a for a in sys.argv[1:] if not a.startswith("--")))
for line in path.read_text(encoding="utf-8").splitlines():
    kind, _, query = line.rstrip("\n").partition("\t")
    r = match(index, query)
    total[kind] += 1
    if r.decision == "match":
        conf[kind] += 1
        if show:
            print("MATCH", kind, query, r.entity_id, r.method, sep="\t")
    elif r.decision == "ambiguous":
        rev[kind] += 1
for kind in sorted(total):
    print(f"{kind}\t{total[kind]}\tconfident {conf[kind]}\treview {rev[kind]}")
print(f"all\t{sum(total.values())}\tconfident {sum(conf.values())}\treview {sum(rev.values())}")
