"""A registry name beside a record's party field that holds someone else: review.

A record of fields (``Label: value``, ``key=value``, JSON keys) states its party by a label
('Merchant:', 'Issuer:', 'Sender:', 'exchange =', '出品者：'; fields.py ``_label_kind``, from
data/fields.toml ``name_labels``). When such a field holds another value and the registry
name matched stands elsewhere in the line — in free text or in a field whose label is not a
party's — the record is someone else's and names the platform in a role the matcher cannot
read: a data source of another's prospectus ('… taken from CoinMarketCap; issuer: Argo
Blockchain plc'), a channel of another's message ('… add me on WeChat …' — sender: Tom'), a
price oracle beside the configured exchange ('price_oracle = "coingecko" | exchange =
"kraken"'), a dataset of a vendor ('Data vendor: Kaiko | Dataset: OKX trades'). Such a name is
review with the entity.

Left as they were: a name in a party's field ('Payee: Bybit'), a name heading the record
('Etherscan · Acquisition · Target: Solscan') or inside a field's label, a name in a domain
('Subject: CN=www.huobi.com | Issuer: DigiCert'), and party fields that name nobody ('Name:
____') or whose bare label ('Name:', 'Subject:') holds a person's name or a title as often as a
party's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exitcheck.matching import fields

_LOOSE_LABELS = frozenset({"name", "names", "subject", "nom", "nombre", "nome", "naam"})
_WORD = re.compile(r"\w+")
_BLANK = re.compile(r"^[\W_]*$")


def _fields(text: str) -> Iterator[tuple[str, str, int, int, int]]:
    """(label, label's kind, label's start, value's start, value's end) of the line's fields."""
    for pattern in (fields._JSON, fields._LABELLED):
        for found in pattern.finditer(text):
            label = found["label"].strip()
            start, end = found.span("value")
            yield label, fields._label_kind(label), found.start("label"), start, end


def _in_domain(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is part of a domain name ('CN=www.huobi.com')."""
    return any(d.start() <= start and end <= d.end() for d in fields._DOMAIN.finditer(text))


def _notes_only(value: str) -> bool:
    """True when a field's value holds only words of notes and payments, numbers and codes,
    or words of a script other than Latin and Chinese (context.py's noise): no party's name."""
    from exitcheck.matching.context import _spelt_of, _vocab
    from exitcheck.matching.names import has_cjk, to_simplified, words

    vocab = _vocab()
    return all(
        w in vocab["noise"]
        or any(ch.isdigit() for ch in w)
        or (has_cjk(w) and _spelt_of(to_simplified(w), vocab["noise_zh"]))
        or not (
            has_cjk(w) or w.isascii()
        )  # another script's words: notes, as context.py reads them
        for w in words(value)
    )


_TRADING_PARTIES = frozenset(
    {"buyer", "purchaser", "consignee", "shipper", "importer", "exporter", "customer", "client"}
)


def _trading_party(label: str) -> bool:
    """True for a label of the other side of a trade, which ``name_labels`` leaves out: a
    name there is one of the record's two parties, as much as the seller's or the vendor's."""
    return label.lower().replace(" ", "") in _TRADING_PARTIES


def role_by_label(text: str, spans: list[tuple[int, int]]) -> str | None:
    """Why the name at ``spans`` is, by the labels of the line's fields, not its party."""
    if not spans:
        return None
    found = list(_fields(text))
    if not found or not _WORD.search(text[: min(s for s, _ in spans)]):
        return None  # no fields, or the name heads the record
    if any(_in_domain(text, s, e) for s, e in spans):
        return None
    for label, kind, label_at, start, end in found:
        if any(label_at <= s < start for s, _ in spans):
            return None  # the name is in a field's label
        if (kind == "name" or _trading_party(label)) and any(
            start <= s and e <= end + 1 for s, e in spans
        ):
            return None  # the name is in a party's field ('Seller: Acme | Buyer: Binance')
    for label, kind, _label_at, start, end in found:
        if kind != "name" or label.lower() in _LOOSE_LABELS or _BLANK.match(text[start:end]):
            continue
        if _notes_only(text[start:end]):
            continue  # 'Beneficiary: Payment to': words of a note, nobody's name
        if not any(start <= e and s <= end for s, e in spans):
            return "the record's party field holds another value"
    return None
