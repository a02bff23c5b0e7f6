"""Why a line sent to review is not promoted: each span of fields.py and the first guard it fails."""

import functools
import sys

from exitcheck.matching import fields as F
from exitcheck.matching import match
from exitcheck.matching.names import words
from exitcheck.store.loading import load, shipped_registry

index = load([shipped_registry()], use_cache=False).index
read = functools.partial(match, index, limit=0)


def alone_why(text, span, domains):
    _latin, _cjk, places, places_zh = F._marks()
    plain = F.to_simplified(text)
    as_written = F._LATIN_WORD.findall(text)
    if any((k := F._plain(w)) in places and (len(k) > 2 or w.isupper()) for w in as_written):
        return "place latin"
    if [w for w in places_zh if w in plain]:
        return "place zh " + str([w for w in places_zh if w in plain])
    at = text.find(span)
    before, after = text[:at], text[at + len(span) :]
    if before.rstrip()[-1:] in F._OPENERS or after.lstrip()[:1] in F._CLOSERS:
        return "bracketed"
    if F.has_cjk(span):
        if not F._apart_cjk(before, after):
            return f"not apart cjk ({before[-3:]!r}|{after[:3]!r})"
    elif not F._apart_latin(text, span, before, after, read):
        return "not apart latin"
    rest = F._without(text, [span, *domains])
    parts = [p for p in F._PARTS.split(rest) if words(p) and read(p).decision != "none"]
    return f"pairs/rest_clear: named parts={parts}"


def trace(text: str) -> None:
    result = match(index, text)
    print(
        "==",
        result.decision,
        result.entity_id or [c.entity_id for c in result.candidates][:3],
        result.method,
        text,
    )
    if result.decision != "ambiguous" or not result.candidates:
        print("   ", result.reason)
        return
    print("   reason:", result.reason, "| labels:", [c.label for c in result.candidates])
    entity = result.candidates[0].entity_id
    domains = F._own_domains(text, entity, read)
    labels = list(dict.fromkeys(c.label for c in result.candidates))
    pairs = list(F._paired(text, labels, entity, read))
    for span, method in [*F._spans(text, domains, labels), *((p, F.SOLE) for p in pairs)]:
        answer = F._exact(span, entity, read)
        why = "ok"
        if answer is None:
            a = read(span)
            why = f"not exact ({a.decision} {a.method} {a.entity_id})"
        elif method == F.SOLE:
            latin, cjk, _places, _places_zh = F._marks()
            plain = F.to_simplified(text)
            if F._prose(F._without(text, [span])):
                why = "prose"
            elif not latin.isdisjoint(F._plain(w) for w in words(text)):
                why = "latin mark " + str(latin & {F._plain(w) for w in words(text)})
            elif any(w in plain for w in cjk):
                why = "cjk mark " + str([w for w in cjk if w in plain])
            elif not F._alone(text, span, domains, read):
                why = "not alone: " + alone_why(text, span, domains)
            elif not F._rest_names_nothing(text, span, domains, read):
                why = "rest names"
        elif not F._rest_names_nothing(text, span, domains, read, headline=method == F.SUBJECT):
            why = "rest names"
        print("   ", method, repr(span), "->", why)


for line in sys.stdin:
    if line.strip():
        trace(line.rstrip("\n"))
