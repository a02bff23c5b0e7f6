"""An everyday registry name standing alone as a whole part of a record: the review bands
``labelled_value``, ``identifier_part`` and ``unit_field``.

A registry name that is an everyday word (data/matching.toml ``everyday_fields``: 'tiger',
'gate', 'keystone', 'spark') is none when it stands in running words ('Tiger Beer', 'Gate 7
parking'); ``nearby.everyday_in_field`` sends it to review beside its trade's words or alone
between separators. Two more places say the word is written as a name, whatever the words
of the rest of the record:

- the whole value of a labelled field whose label says the value is a party ('Consignee:
  TIGER | Shipper: …', 'Company: Keystone · Template: …', 'Buyer: Keystone — Seller: …');
- the head of an identifier joined by '-' or '_' whose other parts are the words of device,
  network and host names ('GATE-5G', 'TIGER-iPad', 'keystone_guest').
- with one unit or product word of its group after it, the whole of a field ('Gate
  Ventures — Silver Sponsor', 'Gate Card — top-up fee').

The everyday meaning is as likely as the platform: review, never a match.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from exitcheck.matching.names import words
from exitcheck.matching.results import Candidate, MatchResult, ambiguous

if TYPE_CHECKING:
    from exitcheck.matching.index import KeyIndex
    from exitcheck.matching.nearby import Matcher, Query

# what ends a record's field: a separator, a dash between spaces, a run of spaces (padding)
_FIELD_END = re.compile(r"\s*(?:[|·•;；,，\t\n\r]|\s[-–—]+\s|\s{2,})\s*")
_LABELLED = re.compile(r"^\s*(?P<label>[^:：=]{1,40}?)\s*[:：=]\s*(?P<value>[^:：=]+?)\s*$")
_JOINED = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9.]+)+")


@functools.cache
def _vocab() -> dict[str, frozenset[str]]:
    """data/matching.toml ``party_labels``, ``identifier_words`` and ``group_unit_words``."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    names = ("party_labels", "identifier_words", "group_unit_words")
    return {name: frozenset(data[name]) for name in names}


def _everyday() -> dict[str, tuple[str, frozenset[str]]]:
    from exitcheck.matching.nearby import _everyday_fields

    return _everyday_fields()


def _answer(index: KeyIndex, result: MatchResult, name: str, why: str) -> MatchResult | None:
    entity = _everyday()[name][0]
    hits = [e for _, e in index.names("latin") if e.entity_id == entity]
    if not hits:
        return None
    best = Candidate(entity, hits[0].label, 80.0, "in_field")
    reason = f"{name!r} is an everyday word, {why}"
    return ambiguous(result.query, result.normalized, (best,), reason)


def may_labelled_value(index: KeyIndex, query: Query) -> bool:
    """A label's mark, and a word of the text is an everyday name of ``everyday_fields``."""
    return bool(query.characters & {":", "：", "="}) and not _everyday().keys().isdisjoint(
        words(query.text)
    )


def _party_label(label: str) -> bool:
    """True when a field's label says its value is an organisation or a party: a name's or a
    role's label of data/fields.toml (``fields._label_kind``), or a word of
    ``party_labels`` (a shipment's, a document's, a contract's parties: 'Consignee',
    'Author', 'Buyer')."""
    from exitcheck.matching.fields import _label_kind

    latin = words(label)
    if latin and "".join(latin[-1:]) in _vocab()["party_labels"]:
        return True
    return _label_kind(label) in ("name", "role")


def labelled_value(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads each field of the text (parts between separators, dashes between spaces and runs
    of spaces). Condition: a field is 'label: value' whose label names a party (``_party_label``;
    not a product's, a token's or a place's: 'Gate: B12' has no such label) and whose value,
    case folded, is one everyday registry name of ``everyday_fields`` and nothing else
    ('Consignee: TIGER', 'DBA: KEYSTONE', 'Author: gate'). Review."""
    names = _everyday()
    for field in _FIELD_END.split(text):
        found = _LABELLED.match(field)
        if found is None:
            continue
        value = words(found["value"])
        if len(value) != 1 or value[0] not in names or not _party_label(found["label"]):
            continue
        return _answer(index, result, value[0], "the whole value of a party's field")
    return None


def may_identifier_part(index: KeyIndex, query: Query) -> bool:
    """A '-' or '_', and a word of the text is an everyday name of ``everyday_fields``."""
    return bool(query.characters & {"-", "_"}) and not _everyday().keys().isdisjoint(
        words(query.text)
    )


def _filler(part: str) -> bool:
    """True when a part of an identifier is a device's, a network's or a host's word, a
    number, or a number with a band or a unit ('5G', '2.4G', 'SRV02', 'DEV')."""
    key = part.lower()
    bare = key.rstrip("0123456789")
    return (
        key in _vocab()["identifier_words"]
        or bare in _vocab()["identifier_words"]
        or re.fullmatch(r"[0-9]+[a-z]{0,3}", key) is not None
    )


def identifier_part(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads each run of letters, digits and dots joined by '-' or '_', in parts between '-',
    '_' and '.'. Condition: its first part, case folded, is an everyday registry name of ``everyday_fields``, and every other
    part is a word of ``identifier_words`` (device, network and host words: 'guest', 'office',
    'ipad', 'srv'), alone or before digits, or a number with a band or unit ('5G', '2.4G'):
    a device's, a network's or a host's name ('GATE-5G', 'TIGER-iPad'). Not an everyday
    name after another word ('Golden-Gate-5G'), nor before a word of no identifier
    ('Tiger-Lily'). Review."""
    names = _everyday()
    for found in _JOINED.finditer(text):
        head, *rest = re.split(r"[-_.]", found[0])
        if head.lower() in names and rest and all(map(_filler, rest)):
            return _answer(index, result, head.lower(), "the head of a device's or host's name")
    return None


def may_unit_field(index: KeyIndex, query: Query) -> bool:
    """A word of the text is an everyday name of ``everyday_fields``, and another a word of
    ``group_unit_words``."""
    tokens = words(query.text)
    return not _everyday().keys().isdisjoint(tokens) and not _units().isdisjoint(tokens)


def _units() -> frozenset[str]:
    return _vocab()["group_unit_words"]


def unit_field(
    index: KeyIndex, result: MatchResult, text: str, match_text: Matcher
) -> MatchResult | None:
    """Reads each field of the text (as ``labelled_value``, a label's value for a labelled
    field). Condition: the field is two words, an everyday registry name of
    ``everyday_fields`` then a word of ``group_unit_words`` ('Gate Ventures', 'Gate Labs ·
    Seed round', 'Gate Card — top-up fee'), both capitalised or both in capitals: a unit or
    product of the platform's group as often as another firm's ('Spark Labs'). An affiliate is
    never the platform: review, with the platform. Not three words ('Keystone Academy
    Beijing'), nor a unit word in lower case ('Gate card reader')."""
    names, units = _everyday(), _units()
    for field in _FIELD_END.split(text):
        found = _LABELLED.match(field)
        value = found["value"] if found is not None else field
        parts = value.split()
        if len(parts) != 2 or not all(p[:1].isupper() and p.isalpha() for p in parts):
            continue
        head, unit = (p.lower() for p in parts)
        if head in names and unit in units:
            return _answer(index, result, head, "with a unit's or product's word of its group")
    return None
