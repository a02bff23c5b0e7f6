"""Properties of the matcher over any input that a matcher answering always `none` would fail.

(`test_matching.test_any_string_gets_a_decision` only checks that the decision is one of three
words; this one also requires every registry name, in any case and spacing, among the strings.)
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from exitcheck.matching import decide as matching
from exitcheck.matching import match
from exitcheck.matching.names import core_key, everyday_name, words
from exitcheck.store.loading import load, shipped_registry

REGISTRY = load([shipped_registry()], use_cache=False)
INDEX = REGISTRY.index
LABELS = {
    label: e.id
    for e in REGISTRY.entities
    for label in (e.name, e.name_zh, *e.aliases, e.id)
    if label
}


def _vary(label: str, upper: list[bool], spaces: list[bool]) -> str:
    out = []
    for i, ch in enumerate(label):
        ch = ch.upper() if upper[i % len(upper)] else ch.lower()
        out.append(ch + (" " if spaces[i % len(spaces)] and ch.isspace() else ""))
    return "".join(out)


names = st.builds(
    lambda label, upper, spaces: (_vary(label, upper, spaces), LABELS[label]),
    st.sampled_from(sorted(LABELS)),
    st.lists(st.booleans(), min_size=1, max_size=8),
    st.lists(st.booleans(), min_size=1, max_size=8),
)
anything = st.builds(lambda text: (text, None), st.text(max_size=300))
# addresses as threat feeds and logs write them: defanged ('binance[.]com'), brackets around a
# host that is no IP address, ports and paths (urllib raises on some: 'http://[.]/')
_pieces = st.sampled_from(["[", "]", ".", ":", "/", "@", "[.]", "::1", "binance", "x", "99999"])
urls = st.builds(
    lambda scheme, parts: (scheme + "".join(parts), None),
    st.sampled_from(["http://", "hxxps://", "www.", "", "https://www.google.com/url?q="]),
    st.lists(_pieces, max_size=10),
)


@given(case=st.one_of(names, anything, urls))
@example(case=("http://[.]/x", None))  # urlsplit raised ValueError here
@example(case=("https://[::1", None))
@example(case=("0:HDAO", None))  # one candidate, ambiguous: a name inside a longer query
def test_any_string_gets_a_consistent_decision_and_every_name_matches(case) -> None:
    text, entity_id = case
    result = match(INDEX, text)
    assert result.decision in ("match", "ambiguous", "none")
    everyday = entity_id is not None and text.strip() != entity_id
    if everyday and everyday_name(core_key(text), words(text)):
        # a name that is an everyday word ('Keystone'): review, with its entity alone
        assert [c.entity_id for c in result.candidates] == [entity_id], text
        assert result.decision == "ambiguous", text
    elif entity_id is not None:  # a registry name in any case and spacing
        assert (result.decision, result.entity_id) == ("match", entity_id), text
    if result.decision == "match":
        assert result.best is not None and result.best.score >= matching.SCORE_THRESHOLD
        assert REGISTRY.entity(result.entity_id) is not None
        assert result.method is not None
    elif result.decision == "ambiguous":
        # several entities, or one the review band will not confirm ('0:HDAO' contains HDAO,
        # '0KEx' reads as OKEx, 'Bitmark' is close to BitMart): never without a candidate
        assert result.entity_id is None and result.candidates and result.reason
        if len({c.entity_id for c in result.candidates}) == 1:
            assert result.reason != "the name belongs to several entities"
    else:
        assert result.best is None and result.entity_id is None and result.method is None
