"""What stands beside a registry name matched in a text: one reading for every match.

A name matched in longer text may have beside it what makes it another party's, another
entity's of its group, or another thing (``beside``, asked of every match whose text is more
than the name):

- in brackets right after it (``bracketed``, which the context rules read too): a country,
  region or place of licensed affiliates, a unit, product, copy or affiliate's word ('Binance
  (Malta)', 'Bybit (EU)', 'Binance (Pay)'), another platform's ticker ('OKX [MX]');
- after it: a country's code in capitals ('Binance GBR'; in a text all in capitals only at its
  end, where GBR is a country's or the German form GbR: another company either way), a word of
  another trade, a product's or unit's word that none of the entity's own names holds
  ('Binance Pool', 'Bybit Wallet'), a legal form of one jurisdiction ('Binance FZE', 'Bybit
  GmbH', 'OKX 株式会社'), a country's name in another script ('Binance Россия');
- before it: a word of relation or denial ('unlike Huobi'), a legal form written before the
  name ('OOO Binance', '株式会社Binance'), a bank's name ('Сбербанк Binance');
- glued to its Chinese name: a unit's word ('火币支付');
- after its Chinese name, a handle or number of an account on it ('微信：wx_12345', '微信
  13800000000'): the name is the channel of a contact, not a party.

Such a match is review with the entity. Loaded only for a match whose text is more than a name;
each reading is a look-up of the words next to the name found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from exitcheck.matching.names import compact_key, generic_words, has_cjk, words
from exitcheck.matching.results import (
    DECISION_MATCH,
    EXACT_METHODS,
    Candidate,
    MatchResult,
    ambiguous,
)

if TYPE_CHECKING:
    from exitcheck.matching.index import KeyIndex

MAX_PLACE_WORDS = 4  # words of a country's or region's name ('united arab emirates')
MAX_FORM_WORDS = 4  # words of a legal form ('S.A. de C.V.', 'Sp. z o.o.')
MAX_GENERIC_PAST = 3  # the name's own generic words before a legal form ('Holdings GmbH')
_WORD_FORMS = frozenset({"as"})  # legal forms that are English words too
MIN_BANK_NAME = 6  # letters of a word ending in 'bank' that is a bank's name ('Sberbank')

_LATIN_WORD = re.compile(r"[^\W_]+")
_LATIN_RUN = re.compile(r"[^\W_\u3400-\u9fff\uf900-\ufaff]+")  # a word's letters past characters
_BRACKET_AFTER = re.compile(r"\s*[(\[（【［]\s*([^()\[\]（）【】［］]{1,40}?)\s*[)\]）】］]")
_TRADE_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_CODE_AFTER = re.compile(r"[ \t]+([A-Z]{2,3})(?![\w.])")
# the words of the name's phrase after it: letters and digits, spaces, dots and hyphens
_PHRASE_AFTER = re.compile(r"[ \t]+([^\W_][\w.\- \t']{0,60})")
_WORD_BEFORE = re.compile(r"([^\W_][\w.\-]*)[ \t]+$")
# the words of the name's phrase before it (as _PHRASE_AFTER)
_PHRASE_BEFORE = re.compile(r"([\w.\- \t']{0,60}?[\w.])[ \t]+$")
# a word before the name, past at most two short words ('agent of', 'stake in the')
_BEFORE = re.compile(r"([^\W\d_]+)(?:\s+(?i:to|of|for|in|with|from|by|on|a|an|the|as)){0,2}\s+$")
# the end of a field after an affiliate's code (not 'FUTU US Equity', a listing)
_FIELD_END = re.compile(r"\s*(?:$|[;|,，；·()（）\[\]/])")
_PAYER_ZH = frozenset("向给对")  # '向火币支付': paid to Huobi
_PAID = frozenset({"支付", "转账"})  # '向火币转账': a transfer to Huobi
# an account's handle or number after a name and a colon or space, ending a field: letters
# with digits ('微信：wx_12345') or a number of nine digits or more ('微信 13800000000'), not a date
# nor a version ('富途牛牛 V12.21.7808')
_HANDLE_AFTER = re.compile(  # not a reference in capitals before its number ('INV-4411')
    r"(?:\s*[:：]\s*|\s+)@?(?![vV]?\d+\.)(?![A-Z]{2,6}-\d+(?![\w.+-]))(?:(?=[\w.+-]*\d)(?=[\w.+-]*[A-Za-z])[A-Za-z0-9_.+-]{5,40}|\d{9,15})"
    r"\s*(?:$|[|;；,，、/\s])"
)


def beside(index: KeyIndex, result: MatchResult, text: str) -> MatchResult:
    """A match whose name in the text has beside it what makes it another party's, another
    entity's or another thing (the module's list): review with the entity."""
    best = result.best
    if result.decision != DECISION_MATCH or best is None:
        return result
    found = _spans_of(index, best.entity_id, text)
    why = next((w for s, e in found if (w := _beside_span(index, best, text, s, e))), None)
    ending = _CODE_END.search(text)
    if why is None and ending is not None:
        why = _code_at_end(result, text, ending[1], any(e == ending.start() for _, e in found))
    if why is None:
        return result
    reason = f"{best.label!r} stands beside {why}: maybe another party or entity"
    return ambiguous(result.query, result.normalized, (best,), reason)


def _code_at_end(result: MatchResult, text: str, code: str, after_name: bool) -> str | None:
    """A country's code in capitals ending the text: in a text with lower case, any country's
    three-letter code, or a two-letter one right after the name (or after a name read by its
    spelling: 'KuCoin PL' read as a pool's); in a text all in capitals, where case tells
    nothing, a three-letter code right after the name that is no everyday word ('OKX GBR':
    Britain's, or the German legal form GbR, another company either way; not 'OKX AND')."""
    if not any(ch.islower() for ch in text):
        if after_name and _alpha3(code) and code.casefold() not in _WORDS3:
            return f"a country's code or a legal form in capitals ({code})"
        return None
    spelt = result.method not in EXACT_METHODS  # 'KuCoin PL' read by spelling as a pool
    if _alpha3(code) or (_alpha2(code) and (spelt or after_name)):
        return f"a country's code in capitals ({code})"
    return None


def _spans_of(index: KeyIndex, entity_id: str, text: str) -> list[tuple[int, int]]:
    """Where the entity's name stands in the text: runs of up to three Latin words whose
    compact key is one of its names, and its Chinese names among Chinese characters."""
    found: list[tuple[int, int]] = []
    tokens = list(_LATIN_WORD.finditer(text))
    for i, first in enumerate(tokens):
        if has_cjk(first[0]):
            run = first[0]
            for a in range(len(run)):
                for b in range(a + 2, min(len(run), a + 8) + 1):
                    if any(e.entity_id == entity_id for e in index.exact(run[a:b])):
                        found.append((first.start() + a, first.start() + b))
            for part in _LATIN_RUN.finditer(run):  # 'Binance钱包', '株式会社Bybit'
                if any(e.entity_id == entity_id for e in index.exact(part[0].casefold())):
                    found.append((first.start() + part.start(), first.start() + part.end()))
            continue
        for j in range(i + 1, min(len(tokens), i + 3) + 1):
            key = "".join(t[0] for t in tokens[i:j]).casefold()
            if any(has_cjk(t[0]) for t in tokens[i:j]):
                break
            if any(e.entity_id == entity_id for e in index.exact(key)):
                found.append((first.start(), tokens[j - 1].end()))
    return found


def _beside_span(index: KeyIndex, best: Candidate, text: str, start: int, end: int) -> str | None:
    """What beside the name at text[start:end] makes it another party's, or None."""
    from exitcheck.matching.context import _vocab

    vocab = _vocab()
    after = text[end:]
    if after.startswith(("?", "？")):
        return "a question mark"  # '[REDACTED] (Binance?)': a guess
    bracket = _BRACKET_AFTER.match(after)
    if bracket is not None:
        inner = bracket[1]
        why = bracketed(words(inner), _own(index, best.entity_id))
        if why is not None:
            return why
        if re.fullmatch(r"[A-Z]{2,5}", inner) and _anothers_product(index, best, inner):
            return f"another platform's ticker ({inner})"
    code = _CODE_AFTER.match(after)
    if code is not None and any(ch.islower() for ch in text):
        if _alpha3(code[1]):
            return f"a country's code in capitals ({code[1]})"
        if code[1].casefold() in vocab["affiliate"] and _FIELD_END.match(after, code.end()):
            return f"a country's code in capitals ({code[1]})"  # 'Company: Bybit EU; Website: …'
        if _anothers_product(index, best, code[1]):
            return f"another platform's ticker ({code[1]})"
    if has_cjk(text[start:end]):
        if _HANDLE_AFTER.match(after):
            return "an account's handle or number (a contact's channel)"
        glued = next((u for u in vocab["units_zh"] if after.startswith(u)), None)
        named = text[start:end] + (glued or "")
        if glued and any(e.entity_id == best.entity_id for e in index.exact(named)):
            glued = None  # its own name ('路印钱包' is Loopring's wallet)
        pool = "pool" in best.entity_id or "池" in text[start:end]
        payer = start > 0 and text[start - 1] in _PAYER_ZH
        if glued and not (glued == "矿池" and pool) and not (glued in _PAID and payer):
            return f"a unit's word ({glued})"
        return _form_in_characters(index, best, text, start, end)
    from exitcheck.matching.review import other_trade_words

    trade = _TRADE_AFTER.match(after)
    if trade is not None and trade[1].casefold() in other_trade_words():
        return f"a word of another trade ({trade[1]})"  # '"AEX Brewing Co","info@aex.com"'
    before = _BEFORE.search(text[:start])  # in the same phrase: only spaces between
    word = before[1].casefold() if before is not None else ""
    passed = before is not None and len(before[0].split()) > 1  # 'agent of', not 'broker –'
    if word in vocab["denial"] or (passed and word in vocab["relation"]):
        return f"a word of relation or denial ({before[1] if before else ''})"
    return _after_latin(index, best, text, start, end) or _before_latin(index, best, text, start)


def bracketed(
    tokens: Sequence[str], own: tuple[frozenset[int], frozenset[str]] | None = None
) -> str | None:
    """What the words in brackets right after a registry name (``tokens``, as keys, from the
    first inside) say that qualifies it as another entity's or thing's, or None: a unit,
    product, copy or affiliate's word ('Bybit (EU)', 'Binance (Pay)', 'KuCoin (clone)'), a
    country or region that is no place where platforms register ('OKX (Türkiye)', 'Binance
    (Россия)'; not 'Huobi Global Limited (Seychelles)'). For a match, given the entity's own
    kinds and words (``_own``): also a product's word none of its names holds ('Binance
    (Wallet)'), and a place of licensed affiliates ('Binance (Malta)'), which the context rules,
    reading before any match, take for a seat. The context rules and ``beside`` read brackets
    here."""
    from exitcheck.matching.context import _registered, _vocab

    if not tokens:
        return None
    vocab = _vocab()
    first = tokens[0]
    if first in vocab["affiliate"] | vocab["attached"] | vocab["veto"]:
        return f"a unit, product, copy or affiliate's word in brackets ({first})"
    if own is not None and _product(first, own) is not None:
        return f"a product's or unit's word in brackets ({first})"
    if own is not None and "".join(tokens) in vocab["licensed"]:
        return f"a place of licensed affiliates in brackets ({' '.join(tokens)})"
    places = vocab["countries"] | _vocab_beside()["countries"]
    for j in range(1, min(len(tokens), MAX_PLACE_WORDS) + 1):
        place = "".join(tokens[:j])
        if place in places and place not in _registered():
            return f"a country or region in brackets ({' '.join(tokens[:j])})"
    return None


def _form_in_characters(
    index: KeyIndex, best: Candidate, text: str, start: int, end: int
) -> str | None:
    """A Japanese or Korean legal form right after or before a Chinese name ('火币株式会社',
    '株式会社 火币'), which none of the entity's names holds: a company of that country."""
    forms = _vocab_beside()["forms_cjk"]
    own = _own(index, best.entity_id)[1]
    rest, head = text[end:].lstrip(" \t"), text[:start].rstrip(" \t")
    form = next((f for f in forms if rest.startswith(f) or head.endswith(f)), None)
    return f"a legal form of one jurisdiction ({form})" if form and form not in own else None


def _after_latin(index: KeyIndex, best: Candidate, text: str, start: int, end: int) -> str | None:
    """A product's or unit's word, a bank's name, a country's name in another script or a legal
    form of one jurisdiction after a Latin name, in its phrase (past its own generic words
    for the form: 'Binance Holdings GmbH'); or a legal form in characters ('Binance株式会社')."""
    vocab = _vocab_beside()
    own = _own(index, best.entity_id)
    rest = text[end:].lstrip(" \t")
    form = next((f for f in vocab["forms_cjk"] | vocab["forms_zh"] if rest.startswith(f)), None)
    if form is not None and form not in own[1]:
        return f"a legal form of one jurisdiction ({form})"
    unit = next((u for u in vocab["products_zh"] if rest.startswith(u)), None)
    if unit is not None and _product(unit, own) is not None:
        return f"a product's or unit's word ({unit})"
    phrase = _PHRASE_AFTER.match(text, end)
    if phrase is None:
        return None
    raws = _LATIN_WORD.findall(phrase[1])
    if not raws:
        return None
    # a product's word as a name writes it; in lower case after a name with capitals, the
    # sentence's ('Transfer to Bybit wallet 0x…': the customer's account at Bybit)
    sentence = raws[0].islower() and any(ch.isupper() for ch in text[start:end])
    if not sentence and _product(raws[0].casefold(), own) is not None:
        return f"a product's or unit's word ({raws[0]})"
    if compact_key(raws[0]) in vocab["countries"]:
        return f"a country's name ({raws[0]})"
    if _a_bank(raws[0]):
        return f"a bank's name ({raws[0]})"
    generic = generic_words().latin
    at = 0
    while at < min(len(raws), MAX_GENERIC_PAST) and raws[at].casefold() in generic - vocab["forms"]:
        at += 1
    found = _legal_form(raws[at:], phrase[1], text, own[1])
    return f"a legal form of one jurisdiction ({found})" if found else None


def _before_latin(index: KeyIndex, best: Candidate, text: str, start: int) -> str | None:
    """A legal form of one jurisdiction or a bank's name right before a Latin name ('OOO
    Binance', 'PT Binance', '株式会社Binance', 'Сбербанк Binance')."""
    vocab = _vocab_beside()
    own = _own(index, best.entity_id)[1]
    head = text[:start].rstrip(" \t")
    form = next((f for f in vocab["forms_cjk"] if head.endswith(f)), None)
    if form is not None and form not in own:
        return f"a legal form of one jurisdiction ({form})"
    before = _WORD_BEFORE.search(text[:start])
    if before is None:
        return None
    if _a_bank(before[1]):
        return f"a bank's name ({before[1]})"
    phrase = _PHRASE_BEFORE.search(text[:start])
    written = phrase[1] if phrase is not None else ""
    raws = _LATIN_WORD.findall(written)
    generic = generic_words().latin - vocab["forms"]
    while raws and raws[-1].casefold() in generic:  # 'Pty Ltd Binance': past 'Ltd'
        raws.pop()
    for k in range(1, min(len(raws), MAX_FORM_WORDS) + 1):
        found = _legal_form(raws[-k:], written, text, own)
        if found is not None and len(found.replace(".", " ").split()) >= k:
            return f"a legal form of one jurisdiction ({found})"
    return None


def _legal_form(raws: Sequence[str], written: str, text: str, own: frozenset[str]) -> str | None:
    """The legal form of one jurisdiction the words ``raws`` open with, as written, or None:
    up to ``MAX_FORM_WORDS`` words run together ('S.A.' -> 'sa'); a form of two letters only
    in capitals, or with its dots ('AG', 'S.A.'; not 'as', nor 'AS' in a text all in capitals);
    none of the entity's own names holds it."""
    forms = _vocab_beside()["forms"]
    for j in range(1, min(len(raws), MAX_FORM_WORDS) + 1):
        key = compact_key("".join(raws[:j]))
        if key not in forms or key in own:
            continue
        if len(key) <= 2:  # 'AS' is a word in a text all in capitals ('BYBIT AS AGREED')
            sentence = key in _WORD_FORMS and not any(ch.islower() for ch in text)
            capitals = all(r.isupper() for r in raws[:j]) and not sentence
            dotted = j > 1 and "." in written
            if not (capitals or dotted):
                continue
        return ".".join(raws[:j]) + "." if j > 1 and "." in written else " ".join(raws[:j])
    return None


def _product(word: str, own: tuple[frozenset[int], frozenset[str]]) -> int | None:
    """The kind (``product_kinds``) of a product's or unit's word none of whose kind the
    entity's own names hold, or None."""
    kind = _vocab_beside()["products"].get(word)
    return kind if kind is not None and kind not in own[0] else None


def _a_bank(word: str) -> bool:
    """A word, in any script, that ends in 'bank' and is longer: a bank's name ('Sberbank',
    'Сбербанк', 'Commerzbank'), another party beside the name."""
    if len(word) < MIN_BANK_NAME - 2:
        return False
    from anyascii import anyascii

    said = anyascii(word).casefold()
    return len(said) >= MIN_BANK_NAME and said.endswith("bank")


def _own(index: KeyIndex, entity_id: str) -> tuple[frozenset[int], frozenset[str]]:
    """(kinds, words) of an entity's own names: the product kinds a name of it holds a word of
    ('imToken Wallet', 'Sparkpool', '星火矿池'), and the words and legal forms of its names."""
    table: dict[str, tuple[frozenset[int], frozenset[str]]] = index.derived("own", _own_table)
    return table.get(entity_id, (frozenset(), frozenset()))


def _own_table(index: KeyIndex) -> dict[str, tuple[frozenset[int], frozenset[str]]]:
    vocab = _vocab_beside()
    forms = vocab["forms_cjk"] | vocab["forms_zh"]
    labels: dict[str, set[str]] = {}
    for script in ("latin", "cjk"):
        for _, e in index.names(script):
            if e.entity_id:
                labels.setdefault(e.entity_id, set()).add(e.label)
    out = {}
    for entity_id, names in labels.items():
        keys = {compact_key(n) for n in names} | {compact_key(entity_id)}
        held = {
            k for k, kind in enumerate(vocab["kinds"]) if any(w in n for w in kind for n in keys)
        }
        held |= {k for key in keys for k in vocab["listed"].get(key, ())}
        said = {w for n in names for w in words(n)} | {
            f for f in forms if any(f in n for n in names)
        }
        for n in names:
            said |= {compact_key("".join(words(n)[i:])) for i in range(len(words(n)))}
        out[entity_id] = (frozenset(held), frozenset(said))
    return out


def _listed_kinds(kinds: dict[str, int]) -> dict[str, set[int]]:
    """The names data/others.toml lists among platforms of a product kind ('BTC.TOP' among the
    mining pools), as keys, to the kinds."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("others.toml").read_text(encoding="utf-8"))
    out: dict[str, set[int]] = {}
    for group in data["groups"]:
        if group.get("kind") in kinds:
            for item in group["names"]:
                out.setdefault(compact_key(item["name"]), set()).add(kinds[group["kind"]])
    return out


@functools.cache
def _vocab_beside() -> dict[str, Any]:
    """data/matching.toml's words of what stands beside a name, as keys."""
    from exitcheck.datafiles import data_file
    from exitcheck.matching.names import _legal_forms
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    kinds = [[compact_key(w) for w in kind["words"]] for kind in data["product_kinds"]]
    return {
        "kinds": kinds,
        "listed": _listed_kinds({kind["of"]: k for k, kind in enumerate(data["product_kinds"])}),
        "products": {w: k for k, kind in enumerate(kinds) for w in kind},
        "products_zh": frozenset(w for kind in kinds for w in kind if has_cjk(w)),
        "forms": frozenset(_legal_forms()[0]) | frozenset(data["local_legal_forms"]),
        "forms_cjk": frozenset(_legal_forms()[1]) | frozenset(data["local_legal_forms_cjk"]),
        "forms_zh": frozenset(data["legal_forms_zh"]),
        "countries": frozenset(compact_key(w) for w in data["countries_other_scripts"]),
    }


# ISO 3166-1 alpha-3 codes of the places where platforms register or license (as the
# qualifiers): after a name, such a code may be the same company's seat ('Huobi Global SYC')
_SEATS3 = frozenset(
    [
        "hkg",
        "sgp",
        "syc",
        "cym",
        "vgb",
        "bmu",
        "bhs",
        "pan",
        "blz",
        "wsm",
        "mlt",
        "cyp",
        "gib",
        "che",
        "lie",
        "lux",
        "irl",
        "are",
        "est",
        "ltu",
        "chn",
        "mac",
    ]
)


def _alpha3(code: str) -> bool:
    """True when ``code`` (in capitals) is a country's ISO alpha-3 code that is no currency's
    and no seat's of platforms: 'GBR', 'AUS', 'KOR' (GBR is no 'GbR' when written so)."""
    from exitcheck.matching.context import _vocab

    vocab = _vocab()
    key = code.casefold()
    return len(key) == 3 and key in vocab["country_codes"] - vocab["currencies"] - _SEATS3


# two-letter codes that are words too ('Binance ID 1234', 'paid IN full'), or a seat's
_WORDS2 = frozenset(
    [
        "id",
        "in",
        "at",
        "it",
        "is",
        "no",
        "me",
        "my",
        "am",
        "be",
        "do",
        "go",
        "so",
        "to",
        "us",
        "hk",
        "sg",
        "sc",
        "ky",
        "vg",
        "bm",
        "bs",
        "pa",
    ]
)
# three-letter codes that are English words too, in a text all in capitals ('OKX AND BYBIT')
_WORDS3 = frozenset(
    [
        "ago",
        "and",
        "are",
        "arm",
        "bol",
        "bra",
        "can",
        "cod",
        "col",
        "com",
        "cub",
        "dom",
        "fin",
        "gab",
        "gin",
        "gum",
        "guy",
        "ind",
        "jam",
        "ken",
        "lie",
        "mar",
        "nor",
        "pan",
        "per",
        "som",
        "sur",
        "ton",
        "vat",
        "ven",
    ]
)
_CODE_END = re.compile(r"[ \t]([A-Z]{2,3})[\s|~.,;:)\]]*$")  # "| Poolin PL |~"


def _alpha2(code: str) -> bool:
    """True when ``code`` (in capitals) is a country's ISO alpha-2 code that is no everyday
    word's nor a seat's of platforms: 'PL', 'KZ', 'BR' ('Poolin PL' is Poolin's in Poland)."""
    from exitcheck.matching.context import _vocab

    key = code.casefold()
    return len(key) == 2 and key in _vocab()["country_codes"] and key not in _WORDS2


def _anothers_product(index: KeyIndex, best: Candidate, code: str) -> bool:
    """True when the code is the ticker or product of a platform other than ``best``'s."""
    owners = {e.entity_id for e in index.product(code.casefold())}
    return bool(owners) and best.entity_id not in owners
