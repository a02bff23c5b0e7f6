"""Which cached confident matches the role guards demote: by set, label and reason."""

import sys, pickle, collections
from exitcheck.matching import roles, beside
from exitcheck.store.loading import load, shipped_registry

index = load([shipped_registry()], use_cache=False).index
d = pickle.load(open(sys.argv[1], "rb"))
allm = len(sys.argv) > 2 and sys.argv[2] == "all"
c = collections.Counter()
costs = []
for s, q, e, k, x, g, m, l in d:
    if g != e:
        continue
    if m not in roles.READ_IN_LINE and not allm:
        continue
    why = roles.role_of(q, beside._spans_of(index, g, q))
    if why is None:
        continue
    grp = s if s in ("roles", "tuned") else "rounds"
    c[(grp, x, why[:30])] += 1
    if x == "match":
        costs.append((grp, s, m, why[:20], q[:150]))
for k, v in sorted(c.items()):
    print(k, v)
for r in costs:
    print(*r, sep=" | ")
