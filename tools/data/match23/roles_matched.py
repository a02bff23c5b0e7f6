"""The rows of a roles set labelled review that are matched confidently, with their method."""

import sys
from pathlib import Path

sys.path.insert(0, "tools")
from eval_matching import rows

from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

index = load([shipped_registry()], use_cache=False).index
for q, _e, _k, x, *_ in rows(Path(sys.argv[1])):
    r = match(index, q)
    if x == "review" and r.entity_id is not None:
        print(r.method, r.entity_id, q, sep="\t")
