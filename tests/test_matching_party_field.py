"""A registry name beside a record's party field that holds someone else is review
(matching/party_field.py); in the party's field, heading the record or in a domain it stays a match."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exitcheck.matching import match
from exitcheck.matching.party_field import role_by_label
from tests.shipped import INDEX

_REVIEW = [
    ('Settings: price_oracle = "coingecko" | venue = "kraken" | pair = "BTC/USD"', "coingecko"),
    ("Data vendor: Amberdata | Dataset: OKX trades L2 | Licensee: Oak Fund", "okex"),
    ("账户名：李娜 | 资金来源：出售 BTC 于 火币 | 备注：客户自述", "huobi"),
    ("Amount: 700 EUR | Benchmark: Bitget | Counterparty: Ridge Advisory", "bitget"),
    # another party's reference (a match of test_matching_context.py before this rule)
    ("Payee: Zenith Widgets LLC | Memo: Bybit", "bybit"),
]
_MATCH = [
    ("Merchant: Bybit | Holder: Ana Silva | Amount: 80.00 USD", "bybit"),
    ("对方：币安 | 备注：王芳 转入 | 金额：500", "binance"),
    ("Subject: CN=www.kucoin.com | Issuer: DigiCert Global G2", "kucoin"),
    ("exchange=bybit; account=Ridge Advisory; qty=3", "bybit"),
    # the other side of a trade is a party as much as the seller ('buyer' is no name label)
    ("Seller: Ridge Advisory | Buyer: Binance | Item: servers", "binance"),
    ("Shipper: Oak Freight | Consignee: KuCoin | HS 8471", "kucoin"),
]


@pytest.mark.parametrize(("query", "entity"), _REVIEW)
def test_a_name_beside_anothers_party_field_is_review(query: str, entity: str) -> None:
    result = match(INDEX, query)
    assert result.decision == "ambiguous", result
    assert result.candidates and result.candidates[0].entity_id == entity
    assert "party field holds another value" in result.reason


@pytest.mark.parametrize(("query", "entity"), _MATCH)
def test_a_name_in_the_party_field_or_a_domain_stays_a_match(query: str, entity: str) -> None:
    result = match(INDEX, query)
    assert result.decision == "match", result
    assert result.entity_id == entity


def test_which_party_fields_count() -> None:
    line = "Ref: Binance | {label}: {value}"
    at = [(5, 12)]
    assert role_by_label(line.format(label="Payee", value="Acme Corp"), at)
    assert role_by_label(line.format(label="Payee", value="____"), at) is None  # names nobody
    assert role_by_label(line.format(label="Name", value="Chen Wei"), at) is None  # a person's
    assert role_by_label(line.format(label="Subject", value="Hello"), at) is None  # a title
    assert role_by_label(line.format(label="Amount", value="100"), at) is None  # no party
    assert role_by_label("Binance | Payee: Acme Corp", [(0, 7)]) is None  # heads the record
    assert role_by_label("Binance withdrawal confirmed", [(0, 7)]) is None  # no fields


_PARTIES = ["Merchant", "Counterparty", "Payee", "Seller", "Broker", "对方", "收款方"]
_OTHERS = ["Benchmark", "Dataset", "Price source", "Comparison", "参考", "数据"]
_NAMES = [("Binance", "binance"), ("Bybit", "bybit"), ("KuCoin", "kucoin"), ("火币", "huobi")]
_FILL = ["Amount: 1,200.00 USD", "Date: 2024-03-01", "Qty: 10", "Status: settled"]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(_PARTIES),
    st.sampled_from(_OTHERS),
    st.sampled_from(_NAMES),
    st.sampled_from(_FILL),
    st.sampled_from([" | ", "; ", " · "]),
    st.booleans(),
)
def test_the_structure_decides_not_the_words(
    party: str, other: str, name: tuple[str, str], fill: str, sep: str, own: bool
) -> None:
    """The platform in the party's field is never demoted by the rule; in another field beside a
    party field holding someone else it is never a confident match."""
    label, entity = name
    if own:
        query = sep.join([fill, f"{party}: {label}", "Holder: Ridge Advisory"])
        result = match(INDEX, query)
        assert "party field holds another value" not in result.reason
    else:
        query = sep.join([fill, f"{other}: {label}", f"{party}: Ridge Advisory"])
        result = match(INDEX, query)
        assert result.decision != "match", query
        assert result.candidates == () or result.candidates[0].entity_id == entity


@pytest.mark.parametrize(
    "query",
    [
        "Payee: Binance | Payer: Acme Trading",
        "Seller: Bitget · Buyer: Zhang Wei · Amount: 300 USDT",
    ],
)
def test_a_name_in_one_party_field_beside_another_party_stays_a_match(query: str) -> None:
    """Two parties in one record (a payee and a payer, a seller and a buyer): the name in its
    own party field is that record's party, whoever the other is."""
    assert match(INDEX, query).decision == "match", query
