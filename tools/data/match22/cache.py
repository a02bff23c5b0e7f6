"""Cache the confident matches to the expected entity of every labelled set (for guard study)."""

import sys, pickle, glob

sys.path.insert(0, "tools")
from pathlib import Path
from eval_matching import rows
from exitcheck.matching import match
from exitcheck.store.loading import load, shipped_registry

index = load([shipped_registry()], use_cache=False).index
sets = {
    "roles": "/work/roles11/roles.tsv",
    "tuned": "tests/data/match_eval.tsv",
    "r1": "tests/data/blind/blind.tsv",
}
for n in range(2, 11):
    sets[f"r{n}"] = glob.glob(f"tests/data/blind/round{n}/blind*.tsv")[0]
out = []
for name, path in sets.items():
    for cells in rows(Path(path)):
        q, e, k, x = cells[:4]
        r = match(index, q)
        if r.decision == "match":
            out.append((name, q, e, k, x, r.entity_id, r.method, r.best.label if r.best else ""))
pickle.dump(out, open(sys.argv[1], "wb"))
print(len(out))
