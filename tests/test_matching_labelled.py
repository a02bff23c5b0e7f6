"""An everyday registry name standing alone as a whole part of a record (matching/labelled.py):
the whole value of a party's field, or the head of a device's or host's name, is review with
its platform; the same word in a longer value, under another label or inside another
identifier stays none. The probes are records of this module's own making."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.shipped import answer

EVERYDAY = {
    "Tiger": "tiger-brokers",
    "Gate": "gate-io",
    "Keystone": "keystone",
    "Spark": "sparkpool",
}


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Notify party: TIGER | Port of discharge: Hong Kong", "tiger-brokers"),
        ("Client: Gate · Invoice no. 2024-118 · Due: 30 days", "gate-io"),
        ("Employer: Keystone; Position: Support Engineer", "keystone"),
        ("Merchant: GATE   SINGAPORE   SG · MCC 6051", "gate-io"),  # padded card record
        ("Customer= Gate ; Order= 44913", "gate-io"),
        ("SSID: TIGER-Guest · WPA2 · seen 2022-03-01", "tiger-brokers"),
        ("hostname gate-srv01.corp.local", "gate-io"),
        ("device SPARK-PC-02 joined domain", "sparkpool"),
    ],
)
def test_an_everyday_name_alone_in_a_record_is_review(query: str, entity: str) -> None:
    assert answer(query) == ("ambiguous", entity, "-")


@pytest.mark.parametrize(
    "query",
    [
        "Gate: B12 | Flight: CA 981 | Boarding 09:40",  # the everyday word is the label
        "Brand: Tiger | Product: Balm 19.4g",  # a label of no party
        "Terminal: 3 | Gate: 25 | Seat: 14C",
        "Consignee: TIGER BALM (HK) LTD | Shipper: Haw Par",  # a longer value
        "Author: Tiger Woods · Title: How I Play Golf",
        "Company: Keystone Foods LLC | City: Atlanta",
        "Golden-Gate-5G open network",  # not the identifier's head
        "Tiger-Lily florist",  # a part of no identifier
        "Gate-Valve-DN50",
        "Company: KC | Manager: | Template: Normal.dotm",  # initials of nothing everyday
        "SSID HB-GUEST-5G",
    ],
)
def test_the_everyday_sense_or_another_firm_stays_none(query: str) -> None:
    assert answer(query)[0] == "none"


LABELS = st.sampled_from(["Consignee", "Buyer", "Company", "DBA", "Author", "Payee", "收款方"])
SEPARATORS = st.sampled_from([" | ", " · ", "; ", " — ", "   "])
TAILS = st.sampled_from(["Ref: 2291", "MCC 5045", "Qty: 4", "Status: open", "备注：无"])


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(EVERYDAY)), LABELS, SEPARATORS, TAILS, st.booleans())
def test_a_party_field_of_an_everyday_name_is_never_a_match_nor_none(
    name: str, label: str, separator: str, tail: str, upper: bool
) -> None:
    value = name.upper() if upper else name
    decision, entity, _ = answer(f"{label}: {value}{separator}{tail}")
    assert (decision, entity) == ("ambiguous", EVERYDAY[name])


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("KC exchange withdrawal stuck 3 days", "kucoin"),
        ("TP钱包 助记词 导入失败", "tokenpocket"),
        ("selling CG exchange api keys", "coingecko"),
    ],
)
def test_two_hump_initials_before_a_word_of_the_kind_are_review(query: str, entity: str) -> None:
    assert answer(query) == ("ambiguous", entity, "-")


@pytest.mark.parametrize(
    "query", ["kc exchange", "XJ exchange accs", "KCB exchange rates", "KC Motors service"]
)
def test_other_letters_or_no_kind_word_stay_none(query: str) -> None:
    assert answer(query)[0] == "none"
