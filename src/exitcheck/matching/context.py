"""A registry name inside longer text: a payment instruction, a SWIFT field, a KYC note, an
address, a channel's display name, a trading-as form, a name run together with its legal form.

``in_context`` reads a text that no rule matched and answers a confident match when

- a registry name or alias stands in it as whole words (Latin names: a run of whole words,
  words run together being split at their capitals and underscores first; Chinese names: a
  run of characters whose neighbours in the same run are context words);
- the name is distinctive: one entity's, not an everyday word without a word that
  corroborates it (data/everyday_names.txt);
- every other word is noise: a context word of data/matching.toml (payments, wires, KYC notes,
  registration data, listings, channels, file names and search queries, in English, Chinese
  and a few other languages), a
  generic word or legal form, a place, an address part after the name, a number, amount, date
  or reference (a word with a digit), or a word in a script other than Latin and Chinese;
- no veto stands in it (``context_vetoes``: an affiliate or division, a support or fake
  account, a negation; an affiliate place; a second registry name or another platform's).

Around 'trading as' and its kind the name after the marker is the one the company trades
under: it must be the registry's, and the words before it (the legal name) may be anything
but a veto or another name. Around 'formerly' and its kind every name must be the entity's.
Anything else is left as the rules before answered (review or none). Loaded on first use.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from exitcheck.matching.decide import is_list
from exitcheck.matching.names import (
    STANDS_FOR_A_FORM,
    a_word,
    clean,
    compact_key,
    domain_of,
    everyday_name,
    everyday_names,
    generic_words,
    has_cjk,
    is_cjk,
    legal_forms,
    strip_generic,
    to_simplified,
    words,
)
from exitcheck.matching.patterns import any_of
from exitcheck.matching.results import (
    DECISION_AMBIGUOUS,
    DECISION_MATCH,
    DECISION_NONE,
    Candidate,
    MatchResult,
    ambiguous,
    none,
)
from exitcheck.matching.review import LIST_COMMA, parts_of

if TYPE_CHECKING:
    from exitcheck.matching.index import KeyIndex

METHOD = "exact_in_context"
IN_TEXT = "exact_in_text"  # the same, with everyday words (data/common_words.txt) set aside
IN_SENTENCE = "exact_in_sentence"  # the only capitalised name among lower-case words
IN_FIELD = "exact_in_field"  # the name fills a field of its own ('Payee: OKX', 'Bybit_payout')
APART = "exact_apart"  # no word beside the name attaches to it ('Binance Total', 'OKX · 2019')
MAX_NAME_WORDS = 8

_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})|_+")
_ABBREVIATION = re.compile(r"(?<![\w/])([a-z])[/.]([a-z])(?:[/.]([a-z]))?[/.]?(?![\w/])", re.I)
_SUFFIX = re.compile(r"(?<=[^\W\d_])['’`][^\W\d_]{1,5}\b")  # Binance'e, Binance's
_LISTING = re.compile(r"\b[a-z]{2}\s+(?=equity\b)", re.I)  # 'FUTU US Equity': the exchange's code
# a Hong Kong stock code in a quote system's form ('1428.HK', '0700.HK'): the code and a
# listing word, so that the code reads as a ticker ('1428 HKEX')
_HK_QUOTE = re.compile(r"(?<![\w.])(\d{3,5})\.hk\b", re.I)
_SEGMENTS = re.compile(rf"(?:[;\n\r|]|{LIST_COMMA})+|(?:^|\s)(?=[23]/)")
_SWIFT_TAG = re.compile(r"\d\d[a-z]")
_SWIFT_ADDRESS = re.compile(r"^\s*[23]/")
_ADDRESS = "\x00address"  # first word of a segment that is a SWIFT address's line


def _unmarked(segment: list[str]) -> list[str]:
    """A segment's words, without the mark of an address's line (``_ADDRESS``)."""
    return segment[1:] if segment[0] == _ADDRESS else segment


@functools.cache
def _vocab() -> dict[str, frozenset[str]]:
    from exitcheck.datafiles import data_file
    from exitcheck.matching.names import _legal_forms
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))

    def latin(name: str) -> frozenset[str]:
        return frozenset(w for item in data[name] for w in words(item))

    zh = {
        to_simplified(w)
        for name in ("context_words_zh", "memo_words_zh", "generic_words_zh", "query_words_zh")
        for w in data[name]
    }
    qualifiers = latin("qualifiers") - {"formerly", "dissolved"}
    places = latin("affiliate_places")
    said = latin("context_words") | latin("file_words") | latin("file_extensions")
    said |= latin("query_words") | latin("wrapping_words")
    return {
        # places only in an address: beside the name, one may be an affiliate's
        "noise": (said | generic_words().latin | _legal_forms()[0]) - places - (qualifiers - said),
        "address": latin("address_words") | qualifiers,
        # the words of notes, payments, files and queries, not those of names ('group')
        "said": said - generic_words().latin - _legal_forms()[0],
        "company": legal_forms(),
        "places": qualifiers - places,
        "affiliate": places,
        "glued": frozenset(w for w in generic_words().latin | _legal_forms()[0] if len(w) > 2),
        # the last word of a place of two ('new zealand'): 'new' alone is no affiliate's
        "veto": latin("context_vetoes") | {words(p)[-1] for p in data["affiliate_places"]},
        "noise_zh": frozenset(zh),
        # the words of interfaces and records: noise too, but not in a company's name
        "interface_zh": frozenset(zh | {to_simplified(w) for w in data["interface_words_zh"]}),
        "veto_zh": frozenset(
            to_simplified(w) for n in ("context_vetoes_zh", "affiliate_places_zh") for w in data[n]
        ),
        "trading_as": frozenset(compact_key(w) for w in data["trading_as"]),
        "formerly": frozenset(compact_key(w) for w in data["formerly"]),
        "package": frozenset(data["package_words"]),
        "extensions": frozenset(data["file_extensions"]),
        "listing": frozenset(data["listing_words"]),
        "code_labels": frozenset(data["code_labels"]),
        "attached": latin("attached_words"),
        "layout": latin("layout_words") | {to_simplified(w) for w in data["layout_words"]},
        "licensed": frozenset(compact_key(w) for w in data["licensed_places"]),
        "relation": latin("relation_words"),
        "denial": latin("denial_words"),
        "units_zh": frozenset(data["unit_words_zh"]),
        "countries": frozenset(compact_key(w) for n in ("countries", "regions") for w in data[n]),
        "countries_zh": frozenset(to_simplified(w) for w in data["countries_zh"]),
        "country_codes": frozenset(data["country_codes"]),
        "currencies": frozenset(data["currency_codes"]),
    }


def vetoes_in(text: str) -> bool:
    """True when ``text`` only says what makes a registry name beside it another's: a veto (a
    copy, fake, unit or support word, an affiliate place's adjective) or an affiliate's place,
    with nothing but note and generic words besides ('fake', 'Japan', 'Labs', '日本', '客服');
    not another party's name that holds such a word ('Helix Capital', 'Institutional Desk')."""
    vocab = _vocab()
    if has_cjk(
        text
    ):  # only vetoes and note words ('日本', '客服'), not a name ('台灣業糖有限公司')
        simplified = "".join(words(to_simplified(text)))
        if any(v in simplified for v in vocab["veto_zh"]) and _spelt_of(
            simplified, vocab["veto_zh"] | vocab["noise_zh"]
        ):
            return True
    tokens = words(text)
    stops = vocab["veto"] | vocab["affiliate"]
    return not stops.isdisjoint(tokens) and all(
        t in stops or t in vocab["noise"] or t.isdigit() for t in tokens
    )


def marked(parts: list[str]) -> bool:
    """True when a part begins with a marker of a trading name or a former name ('formerly',
    't/a', 'aka'): it then speaks of the name of the part before it ('Acme Exchange, formerly
    Huobi'), for the rules of ``in_context``."""
    vocab = _vocab()
    markers = vocab["trading_as"] | vocab["formerly"]
    for part in parts:
        tokens = words(_split_humps(part))
        if tokens and (tokens[0] in markers or "".join(tokens[:2]) in markers):
            return True
    return False


def unit_words_in(text: str) -> bool:
    """True when a word of ``text`` names a unit, product or copy of a platform, or a place
    (``attached_words``, the vetoes, countries): 'Bitget Foundation Ltd', 'OKX Pay'."""
    vocab = _vocab()
    places = vocab["countries"] - _registered()  # not where platforms register: 'Seychelles'
    stops = vocab["attached"] | vocab["veto"] | vocab["affiliate"] | places
    return not stops.isdisjoint(words(text))  # 'KuCoin' is no 'Ku Coin' here


def country_code(text: str) -> bool:
    """True when ``text`` is one country's code of ISO 3166-1 ('KZ', 'BR', 'ARE'), not one of
    a place where platforms register ('HK', 'BVI') nor a note's ('ETH': Ethiopia's and ether's)."""
    tokens = words(text)
    vocab = _vocab()
    codes = vocab["country_codes"] - _registered() - vocab["currencies"]  # not 'ETH', 'USD'
    return len(tokens) == 1 and tokens[0] in codes


@functools.cache
def _registered() -> frozenset[str]:
    """The places where platforms register their holding companies (``qualifiers``, as
    compact keys: 'seychelles', 'hongkong'), which qualify a name in brackets or after a comma."""
    return frozenset(compact_key(w) for w in generic_words().qualifiers) - _vocab()["affiliate"]


_HOME_ZH = frozenset({"中国"})  # the registry's entities' own country: no affiliate's


def unit_peeled(result: MatchResult, text: str) -> MatchResult:
    """A match found with generic words set aside, one of which names a unit or product of the
    platform ('Bitget Foundation', 'KuCoin DEX Ltd': ``attached_words`` and the vetoes), and
    is no word of the name matched: review with the platform, never a match."""
    best = result.best
    if best is None:
        return result
    vocab = _vocab()
    stops = (vocab["attached"] | vocab["veto"]) & generic_words().latin  # the words set aside
    tokens = words(text)
    found = [t for t in tokens if t in stops and t not in words(best.label)]
    # a country or region in Chinese as a word of its own ('富途 新加坡'), not a city or the
    # brackets of a legal name ('北京…有限公司', '…（香港）')
    places = vocab["countries_zh"] - _HOME_ZH
    found += [t for t in tokens if to_simplified(t) in places]
    # ... or run on after the name, with no legal form after it ('币安香港', '火币新加坡')
    found += [
        to_simplified(t)[len(result.normalized) :]
        for t in tokens
        if to_simplified(t).startswith(result.normalized)
        and to_simplified(t)[len(result.normalized) :] in places
    ]
    if not found:
        return result
    reason = (
        f"{found[0]!r} beside the name: a unit, product or regional affiliate, not the platform"
    )
    return ambiguous(result.query, result.normalized, (best,), reason)


def _prefixes(
    index: KeyIndex,
) -> tuple[dict[str, str], frozenset[str], list[str], frozenset[str]]:
    """Every exact key of the registry and of the other platforms, to the entity id ('' for
    another platform; '*' for a key of several entities), the prefixes of the Latin keys, the
    registry's Chinese keys, longest first, and the first four letters of the Latin keys."""
    keys, _, _, _ = index.table.rows()
    owners: dict[str, set[str]] = {}
    for kind, key, entity, _, _ in keys:
        if kind in ("exact", "folded", "other"):
            owners.setdefault(key, set()).add(entity)
    table = {k: (next(iter(v)) if len(v) == 1 else "*") for k, v in owners.items()}
    latin = {k: v for k, v in table.items() if k.isascii()}
    # and of the names that mix characters and Latin letters or digits, which the words
    # split ('区块链123': '区块链', '123')
    mixed = [k for k in table if not k.isascii() and any(ch.isascii() for ch in k)]
    prefixes = frozenset(k[:i] for k in [*latin, *mixed] for i in range(1, len(k) + 1))
    chinese = sorted((k for k in table if not k.isascii() and len(k) >= 2), key=len, reverse=True)
    starts = frozenset(k[:4] for k in latin if len(k) >= 4)
    return {**latin, **{k: table[k] for k in chinese}}, prefixes, chinese, starts


def may_answer(index: KeyIndex, text: str) -> bool:
    """False when ``in_context`` is sure to leave a ``none`` as it is (no registry name, ticker
    or Chinese name in any word): a pre-filter may then skip it (``gate``)."""
    if len(text) > 2000:
        return False
    if _scheme_of(text) is not None:
        return True
    text = _written_out(_quoted(text))
    table, prefixes, chinese, starts = index.derived("context", _prefixes)
    if _may_name(index, text, table, prefixes, chinese, starts):
        return True
    tokens = words(text)
    return len(tokens) == 1 and _ticker_alone(tokens[0]) is not None


def _quoted(text: str) -> str:
    """The text with a Hong Kong stock code in a quote system's form ('1428.HK') written as
    the code and a listing word ('1428 HKEX')."""
    if "." not in text:
        return text
    return _HK_QUOTE.sub(r"\1 HKEX", text)


@functools.cache
def _abbreviation_pattern() -> re.Pattern[str]:
    from exitcheck.matching.decide import _abbreviations

    return re.compile(r"\b(" + "|".join(_abbreviations()) + r")\b\.?", re.IGNORECASE)


def _written_out(text: str) -> str:
    """The text with each abbreviation of a name's word written out ('Guotai Junan Intl' ->
    'Guotai Junan international'), as ``decide._variants`` looks the name up."""
    from exitcheck.matching.decide import _abbreviations

    table = _abbreviations()
    if text.isascii() and text.isprintable() and table.keys().isdisjoint(words(text)):
        # the pattern's words are the words' own there (letters between non-letters), and
        # most names hold none: their words, already in the words' cache, tell it at once
        return text
    return _abbreviation_pattern().sub(lambda found: table[found[1].lower()], text)


def _ticker_alone(token: str) -> str | None:
    """The registry company of a ticker standing alone: a Latin ticker of three letters or
    more ('BIDU'), or a Hong Kong code of five digits, as that exchange writes them with their
    leading zeros ('01428'); a bare number of four digits is any number."""
    if token.isdigit():
        return _tickers().get(token.lstrip("0")) if len(token) == 5 and token[0] == "0" else None
    return _tickers().get(token) if len(token) >= 3 and token.isalpha() else None


def _may_name(
    index: KeyIndex,
    text: str,
    table: dict[str, str],
    prefixes: frozenset[str],
    chinese: list[str],
    starts: frozenset[str],
) -> bool:
    """True when a registry name may stand in the text: a run of its words is a key, or a
    word starts with one ('binanceholdingslimited'), or a Chinese key is in it."""
    tokens = words(text)
    vocab = _vocab()
    if not vocab["listing"].isdisjoint(tokens) and any(_ticker(t, tokens, vocab) for t in tokens):
        return True
    for i, token in enumerate(tokens):
        if token in prefixes:
            if _name_at(tokens, i, table, prefixes) is not None:
                return True
        elif token[:4] in starts and any(token[:n] in table for n in range(4, len(token))):
            return True
    if text.isascii() or not has_cjk(text):
        return False
    pattern = index.derived("context_zh", lambda _: any_of(chinese))
    return pattern.search(to_simplified(text)) is not None


_SENDER_ZH = re.compile(r"\s*【([\u3400-\u9fff]{1,20})】")
_CJK_CHARACTER = re.compile(r"[\u3400-\u9fff]")
MIN_MESSAGE_ZH = 5  # characters of the message after a sender's tag: fewer may be a name


def _without_sender(
    index: KeyIndex,
    text: str,
    table: dict[str, str],
    prefixes: frozenset[str],
    chinese: list[str],
    starts: frozenset[str],
) -> str:
    """The text without the leading tag in lenticular brackets of a Chinese message's sender
    when it names no registry name, no veto, and a message of five characters or more follows
    ('【工商银行】您向火币转账',
    '【腾讯会议】与火币对接'): the app or bank that sent it, not the party it names."""
    tag = _SENDER_ZH.match(text)
    if tag is None or len(_CJK_CHARACTER.findall(text, tag.end())) < MIN_MESSAGE_ZH:
        return text
    if any(v in to_simplified(tag[1]) for v in _vocab()["veto_zh"]):
        return text  # '【日本】火币': an affiliate's place, not a sender
    if _may_name(index, tag[1], table, prefixes, chinese, starts):
        return text
    return text[tag.end() :]


def _split_humps(text: str) -> str:
    """'BinanceHoldingsLimited' -> 'Binance Holdings Limited', 'huobi_global' -> 'huobi global';
    'c/o', 'd/b/a', 't/a', 'a.k.a.' as one word each; suffixes after an apostrophe dropped."""
    text = _ABBREVIATION.sub(lambda m: " " + "".join(g for g in m.groups() if g) + " ", text)
    text = _SUFFIX.sub("", _LISTING.sub("", text))
    return _HUMP.sub(" ", text)


def in_context(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """The match of a registry name that stands among noise words, or None (see the module's
    docstring)."""
    if len(text) > 2000:
        return None
    if _scheme_of(text) is not None:  # a link into an app whose scheme is known
        return _package(index, result, text)
    text = _written_out(_quoted(text))
    table, prefixes, chinese, starts = index.derived("context", _prefixes)
    named = _may_name(index, text, table, prefixes, chinese, starts)
    if named:
        text = _without_sender(index, text, table, prefixes, chinese, starts)
    if not named and result.decision == DECISION_NONE:
        return _bare_ticker(index, result, text)
    if not named and result.decision != DECISION_AMBIGUOUS:
        return None  # no registry name in any word: the common case, kept cheap
    package = _package(index, result, text)
    if package is not None:
        return package
    vocab = _vocab()
    if "." in text and domain_of(clean(text)) is not None and not _file_name(text, vocab):
        return None  # a host: the domain rules decided
    segments: list[list[str]] = []
    parts: list[str] = []
    written = _lower_words(text)
    path = _PATH.search(text) is not None
    machine = _machine_words(
        text, lambda part: _may_name(index, _split_humps(part), table, prefixes, chinese, starts)
    )
    for part in _SEGMENTS.split(_split_humps(_codes(text, table, prefixes))):
        tokens = words(part)
        if tokens:
            segments.append(tokens if not _SWIFT_ADDRESS.match(part) else [_ADDRESS, *tokens])
            parts.append(part)
    flat = [t for s in segments for t in s]
    found: list[tuple[int, str, str]] = []  # (segment, key, entity)
    unknown: list[int] = []  # segments with a word that is neither noise nor a name
    vetoed = False
    marker_at: list[tuple[int, str]] = []  # (segment-position, kind) of trading-as/formerly
    spans: list[tuple[int, int, int]] = []  # (segment, first word, end) of each name found
    common: list[tuple[int, int, int]] = []  # (segment, word, position) of everyday words
    strange: list[tuple[int, int, int]] = []  # the same of the words of no vocabulary
    position = 0
    name_segment = -1
    for s, tokens in enumerate(segments):
        address = tokens[0] == _ADDRESS
        if address:
            tokens = tokens[1:]
        elif 0 <= name_segment < s and not _names_in(tokens, table, prefixes):
            address = _is_address(tokens, vocab)  # a part after the name: '1 Raffles Place'
        i = 0
        while i < len(tokens):
            token = tokens[i]
            hit = _name_at(tokens, i, table, prefixes) or _glued(token, i, table, starts, vocab)
            if hit is not None and _begins_with_a_said_word(tokens, i, hit[0], vocab, written):
                hit = None  # 'Sent via BTC Markets Ltd': 'via' is the sentence's, not ViaBTC
            ticker = _ticker(token, flat, vocab) if hit is None else None
            if ticker is not None:
                found.append((position, token, ticker))
                position += 1
                i += 1
                continue
            if hit is not None:
                end, key = hit
                found.append((position, key, table[key]))
                spans.append((s, i, end))
                name_segment = s if name_segment < 0 else name_segment
                i = end
                position += 1
                continue
            two = token + tokens[i + 1] if i + 1 < len(tokens) else ""
            for marker in ("trading_as", "formerly"):
                if token in vocab[marker] or two in vocab[marker]:
                    marker_at.append((position, marker))
                    position += 1
                    break
            else:
                kind = _kind(token, vocab, chinese, table, address)
                if kind == "unknown" and token in machine:
                    kind = "noise"  # a product token, its comment or a key: the machine's
                if kind == "unknown" and i and len(token) >= 8 and token.isalnum():
                    before = tokens[i - 1]  # a BIC after its label or a SWIFT field tag
                    if before in vocab["code_labels"] or _SWIFT_TAG.fullmatch(before):
                        kind = "noise"
                if kind == "veto":
                    vetoed = True
                elif kind.startswith("name:"):
                    found.append((position, kind[5:], table[kind[5:]]))
                    position += 1
                elif kind == "unknown" and _loose(token, vocab, path):
                    common.append((s, i, position))  # debris, unless it reads as a name's
                    position += 1
                elif kind == "unknown":
                    unknown.append(position)
                    strange.append((s, i, position))
                    position += 1
            i += 1
    plain = text.isascii() or has_cjk(text)  # symbols and mojibake are read by other bands
    if not named and not vetoed and flat and plain and _only_noise(flat, vocab):
        reason = "only payment, address, note or channel words: no name"
        return none(result.query, result.normalized, reason)
    if vetoed or not found:
        return None
    outside: list[int] = []  # everyday words outside the brackets a name stands in
    if common and (marker_at or _everyday_brand(spans, segments)):
        unknown += [position for _, _, position in common]  # only the curated words
        common = []
    else:
        unknown += _named_words(common, spans, segments, parts)
        if not _sender_tag(text, found):
            outside = _bracketed_name(common, spans, segments, parts)
            unknown += outside
    entities = {e for _, _, e in found}
    if len(entities) != 1 or "" in entities or "*" in entities:
        return None
    if _form_of_another(segments, spans, vocab):
        return None  # 'ООО Ромашка Binance': another company, in words this cannot read
    if not spans and _all_tickers(found) and not _only_listing(flat, found, vocab):
        return _ticker_beside(result, found)  # 'Frost Inc NASDAQ: BIDU': whose listing?
    (entity,) = entities
    if _product_run(index, segments, text):
        return None  # 'KuCoin Shares', 'Huobi_Technology': the platform's token or firm's
    if attached(text, found, spans, segments, parts, vocab) or _bracketed_code(index, text):
        return None  # 'Binance Pay', 'Bybit MX', 'sites like KuCoin': another entity or thing
    # words no vocabulary holds: the name may still fill a field of its own, or case may
    # tell it from a sentence's words in lower case
    stranger = bool(unknown) and not _trading_name(found, unknown, marker_at)
    field = stranger and _fills_a_field(index, text, found, entity, flat, spans, segments)
    cased = (
        stranger
        and not field
        and not outside
        and not marker_at
        and HOST_WORD not in flat
        and spans
        and not _named_words(_after_names(strange + common, spans), spans, segments, parts)
        and not has_cjk(text)
        and not _everyday_brand(spans, segments)
        and _distinctive(found)
        and _sentence_case(text, found, flat, vocab)
    )
    apart = (
        stranger
        and not field
        and not cased
        and not outside
        and not marker_at
        and not PAGE.search(text)
        and HOST_WORD not in flat
        and _distinctive(found)
        and not _everyday_brand(spans, segments)
        and _unattached(text, found, spans, segments, parts, vocab)
    )
    if stranger and not field and not cased and not apart:
        return None
    key = found[-1][1]
    names = [k for _, k, _ in found if k in table]
    name = names[-1] if names else key  # the name, not a stock code written after it
    if (everyday_name(name, flat) or everyday_name(compact_key(name), flat)) and not _own_code(
        found, name, flat, vocab
    ):
        return _everyday_among_noise(index, result, name, entity)
    if not (marker_at or field) and _another_name(text, table, prefixes, chinese, machine):
        # a list whose other parts name nothing by their shape ('Bitget | memo: 1 | ok')
        field = _fills_a_field(index, text, found, entity, flat, spans, segments)
        if not field:
            return None
    if common and _another_company(spans, segments, parts, vocab):
        return None
    if field:
        why = "{!r} fills a field of its own; the other fields name nothing"
        return _answer(index, result, key, entity, why, IN_FIELD)
    if cased:
        why = "{!r} is the only name written with capitals; the words around it are in lower case"
        return _answer(index, result, key, entity, why, IN_SENTENCE)
    if apart:
        why = (
            "{!r} stands apart: no word beside it in its phrase makes it another entity, and"
            " the other words stand past a separator or are the sentence's"
        )
        return _answer(index, result, key, entity, why, APART)
    if common:  # the match rests on everyday words set aside: said apart
        why = "{!r} stands among words that name nothing: numbers, everyday and note words"
        return _answer(index, result, key, entity, why, IN_TEXT)
    why = "{!r} stands among payment, address, note or channel words"
    return _answer(index, result, key, entity, why)


MIN_APART_NAME = 4  # letters of a name read apart in any case; a shorter one in capitals ('OKX')
MAX_PLACE_WORDS = 4  # words of a country's or region's name ('united arab emirates')
_NUMBER_WORDS = frozenset({"no", "nr", "number", "num"})  # a label's number follows
MAX_SHORT_NOTE = 4  # letters of a note word read past ('similar to FTX', 'better than Bybit')
# what parts a name from the words beside it besides the phrases' punctuation: an '@' between
# spaces ('Product Manager @ OKX'), as a CV or a signature writes it
_AT = re.compile(r"\s@\s")
# ... but a hyphen between letters joins the words of one name or slug ('zhi-hu-tea-house')
_JOINED = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _unattached(
    text: str,
    found: list[tuple[int, str, str]],
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
    parts: list[str],
    vocab: dict[str, frozenset[str]],
) -> bool:
    """True when every registry name found stands apart from the words around it: the word next
    to it on each side in its phrase (past its own generic words and legal forms: 'Binance
    Holdings Ltd') is none, or one that does not attach (``_attaches``). Words in other
    phrases, past a field's separator (· | — – : ; , brackets, ' @ ', a tab), do not attach:
    'Senior Analyst · Binance · 2020', 'Weekly sync: CoinMarketCap listing (Thu)'. A name of
    fewer than ``MIN_APART_NAME`` letters must be written in capitals ('OKX', not 'okx')."""
    spans = spans + _chinese_words(found, spans, segments)
    if not spans or any(k not in _span_keys(spans, segments) for _, k, _ in found):
        return False  # a ticker, or a Chinese name inside a run of characters: not read here
    if _only_bracketed(spans, segments, parts, vocab):
        return False
    raws = _RAW_WORD.findall(text)
    for tokens, at, step, lower, capitals, _ in _neighbours(text, spans, segments, parts, vocab):
        if at < 0:
            return False  # a short name not written in capitals
        # a word in lower case after the name may go on its name ('KuCoin dental clinic'):
        # only one before it is the sentence's ('payout from ViaBTC')
        if _attaches(tokens, at, step, vocab, lower if step < 0 else frozenset(), capitals):
            return False
    return bool(raws)


def attached(
    text: str,
    found: list[tuple[int, str, str]],
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
    parts: list[str],
    vocab: dict[str, frozenset[str]],
) -> bool:
    """True when a word next to a registry name found, in its phrase, is of a kind that makes
    it another entity or thing whatever the rest of the text (``_bound``): a country, region
    or code, a unit, product, copy or comparison word ('Binance Pay', 'OKX Türkiye', 'Bybit
    MX', 'sites like Bybit'), or such a word past a short note word ('similar to FTX').
    Such a text is never a match of the name by context."""
    spans = spans + _chinese_words(found, spans, segments)
    if _bracketed_place(spans, segments, parts):
        return True
    for tokens, at, step, _, capitals, phrase in _neighbours(text, spans, segments, parts, vocab):
        if at < 0:
            continue
        if _bound(tokens, at, step, vocab, capitals):
            return True
        further = at + step
        short = len(tokens[at]) <= MAX_SHORT_NOTE and tokens[at] in vocab["said"]
        beyond = short and 0 <= further < len(tokens) and phrase[further] == phrase[at]
        if beyond and tokens[further] in vocab["attached"]:  # a comparison's or a copy's word
            return True
    return False


def _neighbours(
    text: str,
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
    parts: list[str],
    vocab: dict[str, frozenset[str]],
) -> Iterator[tuple[list[str], int, int, frozenset[str], frozenset[str], list[int]]]:
    """For each side of each name found: (the words of its part, the place of the word next to
    it in its phrase past its own generic words and legal forms, the side: 1 after, -1
    before, the words written in lower case when the name has a capital, the words written in
    capitals, and the phrase of each word). A word of another name found is no neighbour ('coinex.com CoinEx': the
    words of both). A short name not written in capitals gives a place of -1."""
    raws = _RAW_WORD.findall(text)
    written = _lower_words(text) if any(ch.islower() for ch in text) else frozenset()
    capitals = frozenset(compact_key(r) for r in raws if r.isupper())
    shouted = not any(ch.islower() for ch in text)  # case tells nothing but at a phrase's end
    if shouted:
        capitals = frozenset(t for t in capitals if len(t) <= 2 and t not in vocab["said"])
    glue = (vocab["glued"] | vocab["company"] | {"the"}) - vocab["attached"]
    named = {(s, i) for s, start, end in spans for i in range(start, end)}
    for s, start, end in spans:
        tokens = _unmarked(segments[s])
        key = "".join(tokens[start:end])
        own = [r for r in raws if compact_key(r) and compact_key(r) in key]
        lower = written if any(ch.isupper() for r in own for ch in r) else frozenset()
        if len(key) < MIN_APART_NAME and key.isascii() and not any(r.isupper() for r in own):
            yield tokens, -1, 1, lower, capitals, []
            continue
        shape = _phrases(_JOINED.sub(" ", _AT.sub(" | ", parts[s])), tokens)
        phrase = [p for p, _ in shape] if shape is not None else [0] * len(tokens)
        after = end
        while after < len(tokens) and tokens[after] in glue and phrase[after] == phrase[end - 1]:
            after += 1
        if after < len(tokens) and phrase[after] == phrase[end - 1] and (s, after) not in named:
            last = after + 1 == len(tokens) or phrase[after + 1] != phrase[after]
            code = {tokens[after]} & vocab["country_codes"] if shouted and last else set()
            # a note word in capitals before a number is a label ('CR No. 1', 'ID 5521'), not
            # a code ending the name ('Bybit DE', 'OKCoin AT ref 1')
            after_it = tokens[after + 1] if not last else ""
            numbered = after_it in _NUMBER_WORDS or any(ch.isdigit() for ch in after_it)
            label = {tokens[after]} & vocab["said"] if numbered else set()
            yield tokens, after, 1, lower, (capitals | code) - label, phrase
        before = start - 1
        while before >= 0 and tokens[before] in glue and phrase[before] == phrase[start]:
            before -= 1
        if before >= 0 and phrase[before] == phrase[start] and (s, before) not in named:
            yield tokens, before, -1, lower, capitals, phrase


_BRACKETED_CODE = re.compile(r"[(\[（【]\s*([A-Z]{2,3})\s*[)\]）】]")


def _bracketed_code(index: KeyIndex, text: str) -> bool:
    """True when brackets in the text hold only a country's code in capitals that is no
    platform's token or product ('Binance [KZ]', 'Bybit (BR)'; not 'Huobi (HT)', 'MEXC (MX)')."""
    if "(" not in text and "[" not in text and "（" not in text and "【" not in text:
        return False
    return any(
        country_code(found[1]) and not index.product(found[1].casefold())
        for found in _BRACKETED_CODE.finditer(text)
    )


def _bracketed_place(
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
    parts: list[str],
) -> bool:
    """True when brackets right after a registry name open on what qualifies the name as
    another entity's or thing's (``beside.bracketed``: 'Binance (Kazakhstan)', 'Bybit (EU)',
    'Binance (Pay)', 'Binance (Malta)'); not a place where platforms register ('Huobi Global
    Limited (Seychelles)'), nor a code (a token's ticker: 'Huobi (HT)')."""
    from exitcheck.matching.beside import bracketed

    for s, _, end in spans:
        tokens = _unmarked(segments[s])
        shape = _phrases(parts[s], tokens)
        if shape is None or end >= len(tokens) or shape[end][1] <= shape[end - 1][1]:
            continue
        if bracketed(tokens[end : end + MAX_PLACE_WORDS]) is not None:
            return True
    return False


def _only_bracketed(
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
    parts: list[str],
    vocab: dict[str, frozenset[str]],
) -> bool:
    """True when every name found stands in brackets and a word outside them is neither a
    number nor a note or layout word ('Golden Harvest Ltd (Binance)', '[OKX] Kitchen
    Appliances'): the words outside are the name the text is about (``_bracketed_name``)."""
    depths: dict[int, list[int]] = {}
    for s in {s for s, _, _ in spans}:
        tokens = _unmarked(segments[s])
        shape = _phrases(parts[s], tokens)
        if shape is None:
            return False
        depths[s] = [d for _, d in shape]
    if any(depths[s][i] == 0 for s, start, end in spans for i in range(start, end)):
        return False
    for s, tokens in enumerate(segments):
        tokens = _unmarked(tokens)
        level = depths.get(s) or [0] * len(tokens)
        for token, depth in zip(tokens, level, strict=False):
            outside = depth == 0 and not any(ch.isdigit() for ch in token)
            if outside and token not in vocab["said"] and token not in vocab["layout"]:
                return True
    return False


def _chinese_words(
    found: list[tuple[int, str, str]],
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
) -> list[tuple[int, int, int]]:
    """The spans of the Chinese names found that are a word of their own ('火币 汇总'), which
    ``in_context`` finds as a word's kind, not as a span."""
    keys = {k for _, k, _ in found if not k.isascii()} - set(_span_keys(spans, segments))
    out = []
    for s, segment in enumerate(segments):
        tokens = _unmarked(segment)
        out += [(s, i, i + 1) for i, t in enumerate(tokens) if to_simplified(t) in keys]
    return out


def _span_keys(spans: list[tuple[int, int, int]], segments: list[list[str]]) -> list[str]:
    out = []
    for s, start, end in spans:
        tokens = _unmarked(segments[s])
        out.append("".join(tokens[start:end]))
    return out


def _attaches(
    tokens: list[str],
    at: int,
    step: int,
    vocab: dict[str, frozenset[str]],
    lower: frozenset[str],
    capitals: frozenset[str],
) -> bool:
    """True when the word at ``at`` beside a registry name (``step`` away from it: 1 after,
    -1 before) attaches to it: one that ``_bound`` reads, or any word but a number, a word of
    a report's layout or a vendor's plan, a note, payment or interface word, or a word in
    ``lower`` (written in lower case before a name written with a capital: the sentence's,
    'payout from ViaBTC'). Another company's name beside it ('Binance Motors', 'Acme
    Binance') attaches."""
    if _bound(tokens, at, step, vocab, capitals):
        return True
    token = tokens[at]
    if any(ch.isdigit() for ch in token):
        return False
    if not token.isascii():
        if not is_cjk(token[0]):
            return True  # another script: this reads no sentence there
        simplified = to_simplified(token)
        return not (
            _spelt_of(simplified, vocab["layout"]) or _interface_zh(simplified, simplified, vocab)
        )
    if token in vocab["layout"]:
        return False
    if len(token) <= 2 and token not in lower and token not in vocab["said"]:
        return True  # a code: a country's, a unit's
    return token not in vocab["said"] and token not in lower


def _bound(
    tokens: list[str],
    at: int,
    step: int,
    vocab: dict[str, frozenset[str]],
    capitals: frozenset[str],
) -> bool:
    """True when the word at ``at`` beside a registry name makes it another entity or thing by
    its kind: a country or region (its name of up to ``MAX_PLACE_WORDS`` words read from
    there, in English or Chinese), a code of two letters in capitals or a country's of three
    ('TR', 'EU', 'KZ', 'USA'), a unit, product, copy or comparison word (``attached_words``),
    a veto or an affiliate's place."""
    token = tokens[at]
    if token in vocab["attached"] or token in vocab["veto"] or token in vocab["affiliate"]:
        return True
    if _a_place(tokens, at, step, vocab):
        return True
    if not token.isascii():
        simplified = to_simplified(token)
        return is_cjk(token[0]) and any(c in simplified for c in vocab["countries_zh"])
    if token in capitals and len(token) == 2 and token.isalpha():
        return True
    return token in capitals and token in vocab["country_codes"]


def _a_place(tokens: list[str], at: int, step: int, vocab: dict[str, frozenset[str]]) -> bool:
    """True when the words from ``at`` on, away from the name, spell a country or region."""
    places = vocab["countries"]
    for n in range(1, MAX_PLACE_WORDS + 1):
        run = tokens[at : at + n] if step > 0 else tokens[max(at - n + 1, 0) : at + 1]
        if len(run) < n:
            return False
        if "".join(run) in places:
            return True
    return False


MAX_PRODUCT_WORDS = 4  # words of a platform's token, product or related company's name
MIN_PRODUCT_WORD = 6  # letters of one such word (a ticker alone, 'BNB', is read as one)


def _product_run(index: KeyIndex, segments: list[list[str]], text: str) -> bool:
    """True when words in a row spell a company related to a platform or a token or product
    of one (data/others.toml: 'Huobi Technology', 'KuCoin Shares', 'Binance_Smart_Chain'):
    read alone such a name is sent to review with the platform, so a wrapping around it (a
    file name, a sentence, a certificate, a User-Agent's comment) never makes it the
    platform's. The platform's own app in a User-Agent's product token ('TigerTrade/8.12.0
    (Tiger Brokers; iOS 16.4)') is the platform's traffic, and a product's name that is the
    whole text is the exact look-ups' to answer."""
    apps = {compact_key(m[1]) for m in _PRODUCT.finditer(text)}
    whole = "".join(t for tokens in segments for t in tokens)

    def related(key: str) -> bool:
        entries = index.product(key)
        if any(e.field == "company" for e in entries):
            return True
        return bool(entries) and key not in apps and key != whole

    for tokens in segments:
        for i, token in enumerate(tokens):
            if len(token) >= MIN_PRODUCT_WORD and related(token):
                return True
            for end in range(i + 2, min(len(tokens), i + MAX_PRODUCT_WORDS) + 1):
                if related("".join(tokens[i:end])):
                    return True
    return False


# the wrapping that software writes around a name: a product token with its version
# ('okhttp/4.9.3', 'Mozilla/5.0', 'Binance/2.63.1') and the comment after it ('(Linux; Android
# 13; SM-S911B)'), as User-Agents, SDK headers and build strings write them (RFC 9110 §10.1.5);
# and the key of a key=value pair ('CN=', 'O=', 'venue=', 'v=spf1'), as certificates,
# configuration, logs and query strings write them
_PRODUCT = re.compile(r"([A-Za-z][\w.+-]*)/v?\d+(?:[._]\d+)+[\w-]*(?:\s*\(([^()]{0,200})\))?")
_WORD_BEFORE = re.compile(r"[^\W_][\w.+-]* $")
_IDENTIFIER = re.compile(r"\S*[/.]\S*")  # a token, an address, a package's name: no spaces
_KEY = re.compile(r"(?<![\w.=])([A-Za-z][A-Za-z_-]{0,15})\s?=(?!=)")


def _with_word_before(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with the word and the one space before it, if any."""
    found = _WORD_BEFORE.search(text, max(0, start - 64), start)
    return text[found.start() if found else start : end]


def _machine_words(text: str, named: Callable[[str], bool]) -> frozenset[str]:
    """The words of ``text`` that a machine wrote around a name: those of another product's
    token and of each token's comment, and the keys of key=value pairs. A product token that
    ``named`` (a registry name may stand in it) keeps its words: 'KeystoneAutomotive/6.1' is
    another company's app. A registry name among the words is found before a word is looked
    up (``in_context``), and a veto stays one."""
    if "/" not in text and "=" not in text:
        return frozenset()
    # a part of a comment in plain words that may hold a registry name keeps them ('(Binance
    # Motors; build 12)': another company's), as a token does; the other parts, tokens,
    # addresses and identifiers among them ('Baiduspider/2.0', '+http://…', 'com.binance.dev'),
    # are the machine's
    said = [
        p
        for m in _PRODUCT.finditer(text)
        for p in (m[2] or "").split(";")
        if not named(p) or _IDENTIFIER.fullmatch(p.strip())
    ]
    # a token's name after a word and a space goes on a name that may be a registry's
    # ('Binance Motors/7.1.2': another company's app); a User-Agent's tokens stand apart
    said += [
        m[1]
        for m in _PRODUCT.finditer(text)
        if not named(_with_word_before(text, m.start(), m.end(1)))
    ]
    said += [m[1] for m in _KEY.finditer(text)]
    return frozenset(words(_split_humps(" ".join(said)))) if said else frozenset()


def _own_code(
    found: list[tuple[int, str, str]], key: str, flat: list[str], vocab: dict[str, frozenset[str]]
) -> bool:
    """True when, beside the name ``key``, the text gives the company's own stock code or
    ticker as a listing ('HKEX 01428 Bright Smart'): the listing corroborates an everyday
    name as a word of its kind does (the entities found are already one)."""
    return any(k != key and _ticker_company(k) and _listed(k, flat, vocab) for _, k, _ in found)


def _listed(code: str, flat: list[str], vocab: dict[str, frozenset[str]]) -> bool:
    """True when ``code`` stands as a listing: beside an exchange ('HKEX 01428', '1428 HKEX',
    'SEHK: 1428'), or before 'Equity' ('1428 HK Equity': the exchange's code is set aside
    before). Not a number anywhere in a text that says 'Equity': a number after a fund's name
    ('Bright Smart Equity 1428'), a house number on a street ('1428 Equity Road')."""
    exchanges = vocab["listing"] - {"equity"}

    def listed(i: int) -> bool:
        if not exchanges.isdisjoint(flat[max(i - 1, 0) : i + 2]):
            return True
        after = flat[i + 1 : i + 4]
        j = 1 if after[1:2] == ["equity"] and len(after[0]) == 2 else 0
        return after[j : j + 1] == ["equity"] and not set(after[j + 1 : j + 2]) & vocab["address"]

    return any(token == code and listed(i) for i, token in enumerate(flat))


def _everyday_among_noise(
    index: KeyIndex, result: MatchResult, key: str, entity: str
) -> MatchResult | None:
    """A registry name that is an everyday word or another firm's name, among words that name nothing ('Payment to
    Keystone USD 149', 'Keystone, Shenzhen'): review, as the name alone is; never a match.
    Not beside a legal form, a generic word or a bank ('Neo Bank AG', 'Neo Bank Tech'): a
    company of that everyday name."""
    if result.decision != DECISION_NONE:
        return None
    from exitcheck.matching.decide import _company_words

    company = _company_words() | generic_words().latin | {"bank"}
    if any(t in company for t in words(_split_humps(result.query)) if t != key):
        return None
    hits = [e for e in index.exact(key) or index.folded(key) if e.entity_id == entity]
    if not hits:
        return None
    best = Candidate(entity, hits[0].label, 90.0, METHOD)
    reason = f"{hits[0].label!r} is an everyday word or another firm's name, among words that name nothing"
    return ambiguous(result.query, result.normalized, (best,), reason)


_PACKAGE_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){2,}")
_DEEP_LINK = re.compile(r"([a-z][a-z0-9+.-]*)://\S*")
_WEB_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss", "file", "mailto"})


def _package(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """An app's package or bundle id ('com.binance.dev': its first label a package word) or
    a deep link's scheme ('binance://trade'): the labels without ``package_words`` are the
    brand. A distinctive registry name: a match; anything else the matcher names: review."""
    cleaned = clean(text)
    vocab = _vocab()["package"]
    if _PACKAGE_ID.fullmatch(cleaned) and cleaned.split(".")[0] in vocab:
        labels = re.split(r"[._]", cleaned)
    else:
        scheme = app_link(cleaned)
        if scheme is None:
            return None
        owner = _app_schemes().get(scheme)
        if owner is not None:
            return _scheme_review(index, result, scheme, owner)
        # a version after the brand is the app's ('imtokenv2://')
        labels = re.split(r"[._+-]", _SCHEME_VERSION.sub("", scheme))
    brand = [label for label in labels if label and label not in vocab]
    if not brand:
        return None
    key = "".join(brand)
    table = index.derived("context", _prefixes)[0]
    entity = table.get(key)
    if entity and entity != "*" and not everyday_name(key, brand):
        found = _answer(index, result, key, entity, "{!r} is the brand of an app's id or link")
        if found is not None:
            return found
    from exitcheck.matching.decide import match

    named = match(index, " ".join(brand), limit=0)
    candidates = tuple(c for c in named.candidates if c.entity_id)
    if not candidates:
        return None
    from exitcheck.matching.nearby import _review

    return _review(result, candidates, f"an app's id or link that names {candidates[0].label!r}")


_SCHEME_VERSION = re.compile(r"(?<=[a-z])v?\d+$")


def app_link(text: str) -> str | None:
    """The scheme of a deep link into an app ('imtokenv2://navigate…' -> 'imtokenv2'), not a
    web address's; None for any other text. ``text`` is clean (lower case)."""
    link = _DEEP_LINK.fullmatch(text)
    return link[1] if link is not None and link[1] not in _WEB_SCHEMES else None


def _scheme_of(text: str) -> str | None:
    """The scheme of a deep link in the text that ``app_schemes`` knows, else None."""
    if "://" not in text:
        return None
    scheme = app_link(clean(text))
    return scheme if scheme in _app_schemes() else None


@functools.cache
def _app_schemes() -> dict[str, str]:
    """data/matching.toml ``app_schemes``: a scheme to the entity whose app it opens."""
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    return dict(pair.split() for pair in data["app_schemes"])


def _scheme_review(index: KeyIndex, result: MatchResult, scheme: str, entity: str) -> MatchResult:
    """Review with the platform whose app a deep link's scheme opens: the link names an app,
    not a party."""
    from exitcheck.matching.nearby import _review

    label = next((e.label for _, e in index.names("latin") if e.entity_id == entity), entity)
    best = Candidate(entity, label, 90.0, "app_link")
    return _review(result, (best,), f"the scheme {scheme!r} opens {label}'s app")


# The syntax of machine text around a name, found by its shape: nobody's name, whatever the
# words. Each is written over with a number ('0', a noise word) or, for a host that is not a
# registry name's, with a word that is nobody's noise (another site: review).
_SCHEME = re.compile(r"\b(?:https?|ftps?|wss?)://|\bmailto:|\bwww\d?\.", re.I)
_HOST = re.compile(
    r"(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}(?![\w-]|\.\w)", re.I
)
# a trading pair or contract: a base of 2-8 letters or digits and a quote currency written
# on it ('BTCUSDT', 'ethusdc', 'BTCPERP'); 'USD' only in capitals ('BTCUSD', not 'thusd')
_PAIR = re.compile(
    r"(?<![a-z0-9])[a-z0-9]{2,8}(?:usdt|usdc|busd|fdusd|tusd|perp|(?-i:USD))(?![a-z0-9])", re.I
)
# a field's label before its value of three characters or more with a digit: 'UID: 1882',
# 'Txn Hash: 0x88d2', 'memo # 104882', 'ID=7731'; or a code in capitals of two to four letters
# of three or four letters before such a value that ends the phrase ('UID 18827731'; not
# 'ACME 12 Ltd', 'STUDIO 54'); two capitals are a country's code ('Binance TR 1234': an affiliate)
_LABEL = re.compile(
    r"\b[a-z]{2,12}(?:[ _][a-z]{2,12})?(?=\s*[:#=]\s*#?(?=[\w.,/+-]{3})[\w.,/+-]*\d)", re.I
)
_CAPS_CODE = re.compile(
    r"\b[A-Z]{3,4}(?=\s+#?(?=[\w.,/-]{4})[A-Za-z]{0,3}\d[\w.,/-]*\s*(?:$|[;|)\]]))"
)
# a one-letter suffix in capitals after a code: a contract's or a listing's ('ETHUSDT.P',
# 'FUTU.O'); not an initial ('S.A', 'U.S.')
_SUFFIX_CODE = re.compile(r"(?<=[A-Za-z0-9]{2})\.[A-Z](?![\w.])")
# a field's label in Chinese characters before a colon, at the start of a line or after a
# space ('被告：', '发票抬头：', '税号：'): the name of a field, not of a party
_LABEL_ZH = re.compile(r"(?:^|(?<=[\s|]))([\u4e00-\u9fff]{1,6})\s*[：:]")
HOST_WORD = "otherhostname"  # unknown to every vocabulary: a word of another site's name


def _codes(text: str, table: dict[str, str], prefixes: frozenset[str]) -> str:
    """The text with the syntax of machine text written over by shape (see the patterns
    above): a URL's scheme and 'www.', a code's one-letter suffix, a trading pair, a field's label before a value with a
    digit become '0' (noise, like a number); a host that is no registry or platform name's
    ('apple.com' beside 'Binance') becomes a word that keeps the match at review. A label or
    code that is a registry name, a legal form or a generic word is left as it is."""
    if text.isascii() and not any(ch.isupper() or ch in ".:#=" for ch in text):
        return text  # no capitals and no punctuation of machine text: nothing to read
    text = _SUFFIX_CODE.sub(" ", _SCHEME.sub(" ", text))
    if not text.isascii():
        text = _LABEL_ZH.sub(lambda m: _label_zh(m[0], m[1], table), text)
    text = _HOST.sub(lambda m: _host(m[0], table), text)
    keyed = any(_named(m[0], table, prefixes) for m in _LABEL.finditer(text))
    text = _LABEL.sub(lambda m: _label(m[0], table, prefixes, keyed=keyed), text)
    text = _CAPS_CODE.sub(lambda m: m[0] if _kept(m[0], table, prefixes) else "0", text)
    return _PAIR.sub(lambda m: m[0] if _named(m[0], table, prefixes) else "0", text)


def _kept(code: str, table: dict[str, str], prefixes: frozenset[str]) -> bool:
    """True when a code in capitals is a name's ('OKX'), or a word that makes a name beside
    it another entity's or no platform's ('LABS', 'NFT', 'USA', 'FAKE'): not a field's code."""
    vocab = _vocab()
    key = code.casefold()
    return key in vocab["veto"] or key in vocab["affiliate"] or _named(code, table, prefixes)


def _label(
    label: str, table: dict[str, str], prefixes: frozenset[str], *, keyed: bool = False
) -> str:
    """'0' for a field's label ('Txn Hash', 'memo', 'TxID'): each word an everyday or note
    word, or a code of three letters ('Txn') or of four not written as a name ('TXID', not
    'Acme'); else the label as it stands. The first of two words may be the end of the name
    before it ('Huobi Trust ID: 1', 'Binance Cloud ID: 1': another entity or product): an
    everyday word there stays, and only the label after it goes ('Huobi Trust 0'), unless
    it is a note word ('order', 'deposit') or a code. When ``keyed`` (a registry name is a
    label itself: 'Binance: 100 BKEX: 200'), the labels are names of a list: a code stays."""
    if _named(label, table, prefixes):
        return label
    vocab = _vocab()
    first, *rest = re.split(r"[ _]", label)
    if rest and first.casefold() not in vocab["noise"] and first.casefold() in _common_words():
        return f"{first} {_label(rest[0], table, prefixes, keyed=keyed)}"
    for word in (first, *rest):
        key = word.casefold()
        if key in vocab["veto"] or key in vocab["affiliate"]:
            return label
        if key in _common_words() or key in vocab["noise"]:
            continue
        if keyed:
            return label
        if len(word) > 4 or (len(word) == 4 and word.istitle()):
            return label
    return "0"


def _label_zh(found: str, label: str, table: dict[str, str]) -> str:
    """' 0 ' for a Chinese field's label; the label as it stands when it holds a registry or
    platform name, a veto, a generic word (公司, 集团) or a place, or when it does not end as
    a field's label does (``_LABEL_ENDINGS_ZH`` or a note word): a word of a name, a fake's
    mark ('山寨：币安') or another company ('币安 热币：100')."""
    simplified = to_simplified(label)
    vocab = _vocab()
    if any(v in simplified for v in vocab["veto_zh"]) or any(
        g in simplified for g in generic_words().chinese
    ):
        return found
    if any(
        simplified[i:j] in table for i in range(len(label)) for j in range(i + 2, len(label) + 1)
    ):
        return found
    if not simplified.endswith(_LABEL_ENDINGS_ZH) and not any(
        simplified.endswith(w) for w in vocab["noise_zh"]
    ):
        return found  # '热币：100' (another exchange), '山寨：币安' (a fake), '火币 信托：1'
    return " 0 "


# what a field's label in Chinese ends in: a party (申请人, 付款方, 被告), a name (名称,
# 抬头) or a number (税号); a note word (备注, 用途) counts too
_LABEL_ENDINGS_ZH = ("人", "方", "告", "名称", "抬头", "号")


def _named(label: str, table: dict[str, str], prefixes: frozenset[str]) -> bool:
    """True when the words of ``label`` hold a registry or platform name, a stock ticker, a
    legal form or a generic word: a company's name, not a field's label."""
    tokens = words(label)
    glue = generic_words().latin | _vocab()["company"]
    if any(t in glue or t in _tickers() for t in tokens):
        return True
    return _names_in(tokens, table, prefixes)


def _host(host: str, table: dict[str, str]) -> str:
    """A host as it stands when its name is a registry or platform key ('bybit.com',
    'Gate.io', 'BTC.TOP'), a file's name ('export.csv') or a social site's; else another
    site's: ``HOST_WORD``."""
    labels = host.casefold().split(".")
    if labels[-1] in _vocab()["extensions"] or labels[-2].isdigit():  # '9988.HK': a listing
        return host
    if any(".".join(labels[i:]) in _social_hosts() for i in range(len(labels) - 1)):
        return host
    label = labels[-3] if len(labels) >= 3 and labels[-2] in ("co", "com", "net", "org") else ""
    keys = ("".join(labels), "".join(labels[:-1]), labels[-2], label)
    return host if any(k in table for k in keys if k) else f" {HOST_WORD} "


@functools.cache
def _social_hosts() -> frozenset[str]:
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    return frozenset(data["social_hosts"])


def _file_name(text: str, vocab: dict[str, frozenset[str]]) -> bool:
    """True when the text ends in a file's extension ('bybit-export-2023-04.xlsx'), which
    reads as a host's top-level domain."""
    return clean(text).rpartition(".")[2] in vocab["extensions"]


def _name_at(
    tokens: list[str], i: int, table: dict[str, str], prefixes: frozenset[str]
) -> tuple[int, str] | None:
    """(end, key) of the longest registry or other-platform key that starts at word ``i``."""
    best = None
    joined = ""
    for j in range(i, min(len(tokens), i + MAX_NAME_WORDS)):
        joined += tokens[j]
        if joined not in prefixes:
            break
        if joined in table:
            best = (j + 1, joined)
    return best


def _names_in(tokens: list[str], table: dict[str, str], prefixes: frozenset[str]) -> bool:
    return any(_name_at(tokens, i, table, prefixes) for i in range(len(tokens)))


def _glued(
    token: str,
    i: int,
    table: dict[str, str],
    starts: frozenset[str],
    vocab: dict[str, frozenset[str]],
) -> tuple[int, str] | None:
    """(end, key) of a registry name run together with noise words in one word, written in
    capitals ('BINANCEHOLDINGSLIMITED', 'huobigloballtd'): the longest key it starts with
    whose rest is made of generic words and legal forms of three letters or more."""
    if token[:4] not in starts:
        return None
    for n in range(len(token) - 1, 3, -1):
        if token[:n] in table and _spelt_of(token[n:], vocab["glued"]):
            return i + 1, token[:n]
    return None


def _ticker(token: str, tokens: list[str], vocab: dict[str, frozenset[str]]) -> str | None:
    """The registry company whose stock ticker ``token`` is (``tickers`` in
    data/matching.toml), when a stock exchange or listing word stands in the text
    ('NASDAQ: TIGR', '1428 HK Equity')."""
    if vocab["listing"].isdisjoint(tokens):
        return None
    return _ticker_company(token)


def _ticker_company(key: str) -> str | None:
    """The registry company whose ticker or stock code (its leading zeros dropped) ``key`` is."""
    return _tickers().get(key.lstrip("0") if key.isdigit() else key)


@functools.cache
def _tickers() -> dict[str, str]:
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    data = loads(data_file("matching.toml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data["tickers"].items()}


def _bare_ticker(index: KeyIndex, result: MatchResult, text: str) -> MatchResult | None:
    """A ticker alone ('BIDU', '01428': ``_ticker_alone``): review with its company."""
    tokens = words(text)
    entity = _ticker_alone(tokens[0]) if len(tokens) == 1 else None
    if entity is None:
        return None
    return _ticker_review(result, tokens[0], entity, "")


def _ticker_beside(result: MatchResult, found: list[tuple[int, str, str]]) -> MatchResult:
    """A stock ticker beside everyday or company words ('Frost Inc NASDAQ: BIDU', '3M Company
    1428.HK'): the words may be another company's name, quoted beside a registry company's
    listing. Review with the ticker's company, never a match."""
    _, token, entity = found[0]
    return _ticker_review(result, token, entity, ", beside other words")


def _ticker_review(result: MatchResult, token: str, entity: str, beside: str) -> MatchResult:
    from exitcheck.matching.nearby import _review

    best = Candidate(entity, token.upper(), 90.0, "ticker")
    return _review(
        result, (best,), f"{token.upper()!r} is a stock ticker of a registry company{beside}"
    )


def _form_of_another(
    segments: list[list[str]], spans: list[tuple[int, int, int]], vocab: dict[str, frozenset[str]]
) -> bool:
    """True when a legal form stands apart from every registry name found, in a part with
    words of another script ('ООО Ромашка Binance', '주식회사 가온 KuCoin'): those words are
    another company's name, not a sentence around the registry's ('Оплата Binance Ltd по
    договору' keeps its match: the form is the name's own)."""
    forms = vocab["company"]
    for s, tokens in enumerate(segments):
        if tokens[0] == _ADDRESS or all(t.isascii() or is_cjk(t[0]) for t in tokens):
            continue
        is_form = [t in forms for t in tokens]
        mine: set[int] = set()  # the forms next to a name found: its own ('Binance Holdings Ltd')
        for _, start, end in (span for span in spans if span[0] == s):
            mine.update(itertools.takewhile(is_form.__getitem__, range(end, len(tokens))))
            mine.update(itertools.takewhile(is_form.__getitem__, range(start - 1, -1, -1)))
        named = any(span[0] == s for span in spans)
        if named and any(t in forms and i not in mine for i, t in enumerate(tokens)):
            return True
    return False


def _all_tickers(found: list[tuple[int, str, str]]) -> bool:
    """True when every name found is a stock ticker (no registry name, no Chinese name)."""
    return all(_ticker_company(k) == e for _, k, e in found)


def _only_listing(
    flat: list[str], found: list[tuple[int, str, str]], vocab: dict[str, frozenset[str]]
) -> bool:
    """True when every word beside the tickers found is a number, a listing word ('NASDAQ',
    'Equity'), an exchange's or country's code of two letters ('HK', 'US') or a note word."""
    tickers = {t for _, t, _ in found}
    return all(
        t in tickers
        or t.isdigit()
        or (len(t) <= 2 and t.isascii())
        or t in vocab["listing"]
        or (t in vocab["said"] and t not in vocab["company"])
        for t in flat
    )


_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")


def _lower_words(text: str) -> frozenset[str]:
    """The words written apart in lower case; every word when the text has no lower case
    (a statement in capitals says nothing by case)."""
    if any(ch.islower() for ch in text):
        return frozenset(_LOWER_WORD.findall(text))
    return frozenset(words(text))


def _begins_with_a_said_word(
    tokens: list[str], i: int, end: int, vocab: dict[str, frozenset[str]], written: frozenset[str]
) -> bool:
    """True when a registry name read across words begins with an everyday word of the
    sentence around names, written apart in lower case ('via', 'by', 'we', 'to': a word of
    ``said`` and of data/common_words.txt): 'Sent via BTC Markets Pty Ltd' is a payment via
    another company, not ViaBTC; such a name is left to the bands (review at most). 'BTC China'
    (a currency's code, no everyday word), 'Payment to Via BTC Pool' (capitalised: the name's
    word) and 'Transfer to ViaBTC' (one word, its humps split) are read as before."""
    return (
        end - i > 1
        and tokens[i] in written
        and tokens[i] in vocab["said"]
        and tokens[i] in _common_words()
    )


def _loose(token: str, vocab: dict[str, frozenset[str]], path: bool = False) -> bool:
    """A word that is debris unless it stands in the name's own phrase: an everyday word, a
    place where platforms register ('Seychelles', 'Hong Kong'), or an abbreviation of three
    letters or two ('val', 'API', 'CT'), or a letter alone (a form's box '(d)', '1099-B'),
    unless the text is a path (``path``: 'r/Bybit', 'u/binance': a forum's, a user's page)."""
    return (
        token in _common_words()
        or token in vocab["places"]
        or ((2 if path else 1) <= len(token) <= 3 and token.isascii() and token.isalpha())
    )


@functools.cache
def _common_words() -> frozenset[str]:
    """data/common_words.txt: everyday words of English and other languages in Latin letters
    that are nobody's name (generated by tools/common_words.py)."""
    from exitcheck.datafiles import data_file

    text = data_file("common_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if line[:1] != "#" for w in line.split())


def _another_name(
    text: str,
    table: dict[str, str],
    prefixes: frozenset[str],
    chinese: list[str],
    machine: frozenset[str] = frozenset(),
) -> bool:
    """True when the text is a list ('Binance, Rogers Group', 'KuCoin and Mine Energy LLC',
    the separators of ``review.several``) and a part without a registry name may be another
    party's name. A part is set aside only when each of its words is a note (a number or
    reference, a note, payment or address word, a place, Chinese note words), or when it only
    qualifies (a legal form or generic words: '…, Ltd'); a word of neither kind ('De
    Oliveira', 'Ford-May'), or a legal form or generic word beside a note word ('Page Group',
    'Up Holdings Corp'), is another party. The cell then names several parties."""
    if not is_list(text):
        return False
    vocab = _vocab()
    said, address, glue = vocab["said"], vocab["address"], generic_words().latin
    places = vocab["affiliate"] | vocab["places"]
    codes = {t.casefold() for t in _BIC.findall(text)}  # bank codes in upper case
    lines = _SEGMENTS.split(_split_humps(text))
    parts = (p for line in lines if not _SWIFT_ADDRESS.match(line) for p in parts_of(line))
    for part in parts:  # a SWIFT '2/' or '3/' line is an address, its '/' no list
        tokens = [t for t in words(part) if t not in machine]  # ``_machine_words``: no party
        if not tokens or _names_in(tokens, table, prefixes):
            continue
        zh = [to_simplified(t) for t in tokens if is_cjk(t[0])]
        if any(key in t for t in zh for key in chinese):
            continue
        if any(ch.isdigit() for t in tokens for ch in t) or all(len(t) < 2 for t in tokens):
            if _numbered_company(words(_BRACKETED.sub(" ", part)), vocab, places):
                return True  # 'Studio 54 Ltd', 'Acme 2 Pte Ltd'
            continue  # a number, a reference, an address line
        if zh and not all(_spelt_of(t, vocab["noise_zh"]) for t in zh):
            return True  # Chinese words that are not notes: a name
        latin = [t for t in tokens if not is_cjk(t[0]) and len(t) > 1]
        # a note word of four letters or more is a note ('Oct'); a shorter one, beside an
        # unknown word, may be the name's ('De Oliveira'); a legal form with another word is a
        # company ('Up Holdings Corp', 'Page Group', 'George Inc', 'Pool Holdings Pty Ltd')
        # unless a long note word says it is a note ('Ltd Official account')
        noting = {t for t in latin if (t in said or t in address) and len(t) > 3}
        long_note = any(t in said and len(t) > 5 for t in latin)
        if (
            not long_note
            and not vocab["company"].isdisjoint(latin)
            and any(t not in vocab["company"] and t not in places for t in latin)
        ):
            return True  # a legal form and a name: 'Up Holdings Corp', 'Pool Holdings Pty Ltd'
        unknown = [t for t in latin if t not in said and t not in address and t not in glue]
        notes = [t for t in latin if t in said or t in address]
        if any(t not in codes for t in unknown):
            notes = [t for t in notes if t in noting]
        if notes or all(t in codes for t in unknown):
            continue  # a note ('Oct', 'SWIFT BIC DBSSSGSG'), an address, a sentence, generic words
        return True  # a word that is neither a note nor generic: 'Silva', 'De Oliveira'
    return False


_BRACKETED = re.compile(r"[(\[（【][^)\]）】]*[)\]）】]")


def _numbered_company(
    tokens: list[str], vocab: dict[str, frozenset[str]], places: frozenset[str]
) -> bool:
    """True when a part with a number is a company's name: a legal form with a word that is
    neither a number, a legal form, a place nor a note or address word ('Studio 54 Ltd'),
    outside brackets ('Case No. 22-11068 (JTD)': a judge's initials)."""
    forms = vocab["company"] - STANDS_FOR_A_FORM
    if forms.isdisjoint(tokens):
        return False
    said, address = vocab["said"], vocab["address"]
    return any(
        t not in vocab["company"] and t not in places and t not in said and t not in address
        for t in tokens
        if not any(ch.isdigit() for ch in t) and len(t) > 1
    )


_BIC = re.compile(r"\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b")  # ISO 9362, as banks write it


def _another_company(
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
    parts: list[str],
    vocab: dict[str, frozenset[str]],
) -> bool:
    """True when a legal form stands in another phrase than the registry name's, past a
    punctuation mark ('Apple Farm Inc - KuCoin', 'Binance (Golden Bakery Ltd)'): the everyday
    words there name a company, not debris. Its own legal form is in its phrase ('Binance
    Holdings Ltd')."""
    forms = vocab["company"] - STANDS_FOR_A_FORM  # name words too
    for s, start, _end in spans:
        shape = _shape(segments, parts, s)
        tokens = segments[s]
        for j, token in enumerate(tokens):
            if token in forms and (shape is None or shape[j][0] != shape[start][0]):
                return True
    return False


def _everyday_brand(spans: list[tuple[int, int, int]], segments: list[list[str]]) -> bool:
    """True when a name found is an everyday word once its generic words are set aside
    ('Bee Pool', 'Tiger Brokers': data/everyday_names.txt): everyday words around it may
    describe another company ('Bee Pool Ltd (swimming pools)'), so none of them is debris."""
    everyday = everyday_names()
    for s, start, end in spans:
        name = segments[s][start:end]
        if "".join(name) in everyday or "".join(strip_generic(name)) in everyday:
            return True
    return False


def _named_words(
    common: list[tuple[int, int, int]],
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
    parts: list[str],
) -> list[int]:
    """The positions of the everyday words that may be part of another company's name: a word
    in the same phrase as a registry name (no punctuation between), next to it or with only
    generic and everyday words between ('Futu Kitchen Appliances Co.', 'Bee Pool Supplies',
    'Bitmain Mining Farm Ltd', in any case: 'Bione dental clinic'). An everyday word
    elsewhere is debris around the name: 'Binance: Hot Wallet 20', 'Payment to KuCoin for
    deposit', 'Pago a KuCoin por depósito', 'TokenPocket 1.8.6 (Chrome extension)'."""
    phrases: dict[int, list[int] | None] = {}
    out = []
    for s, i, position in common:
        if s not in phrases:
            shape = _shape(segments, parts, s)
            phrases[s] = None if shape is None else [phrase for phrase, _ in shape]
        if any(_in_name(segments[s], phrases[s], i, a, b) for seg, a, b in spans if seg == s):
            out.append(position)
        elif _trade(segments[s][i]) and any(
            seg == s and _slugged(parts[s], segments[s], i, a, b) for seg, a, b in spans
        ):
            out.append(position)  # 'zhi-hu-tea-house': a trade's word against the name
    return out


def _slugged(part: str, tokens: list[str], i: int, start: int, end: int) -> bool:
    """True when word ``i`` is joined to the name at ``start:end`` by a hyphen or an
    underscore, with no space, as a web address or a file's name joins words ('hbtc-tea-house',
    'realty-aex-group'); across a space or a mark it is another phrase ('Huobi Global: garden',
    'Binance (garden kitchen)')."""
    if i == end:
        pair = (tokens[end - 1], tokens[i])
    elif i == start - 1:
        pair = (tokens[i], tokens[start])
    else:
        return False
    joined = rf"{re.escape(pair[0])}[-_]{re.escape(pair[1])}"
    return re.search(joined, part.lower()) is not None


def _trade(token: str) -> bool:
    """True for a word of another trade than the platforms' ('hotel', 'tea'; data/matching.toml
    ``other_trade_words``): right beside a name, across any mark, it is a word of that name."""
    from exitcheck.matching.review import other_trade_words

    return token in other_trade_words()


def _in_name(tokens: list[str], phrases: list[int] | None, i: int, start: int, end: int) -> bool:
    """True when word ``i`` reaches the name at ``start:end`` within one phrase through generic
    and everyday words only (a word of the payment, note or query vocabularies ends a name)."""
    between = range(end, i) if i >= end else range(i + 1, start)
    glue, said = generic_words().latin, _vocab()["noise"]
    if any(
        tokens[j] not in glue and (tokens[j] in said or tokens[j] not in _common_words())
        for j in between
    ):
        return False
    if phrases is None:
        return True
    beside = end - 1 if i >= end else start
    return len({phrases[j] for j in (i, beside, *between)}) == 1


# punctuation splits phrases, but '+', '@' and a hyphen inside a word join them ('Futu-Kitchen
# Appliances'), except before an ending of up to three letters ('Binance-nál', 'OKX-en')
# a mark between digits is the number's ("5,000.00"), no break
_PHRASE_BREAK = re.compile(
    r"((?<!\w)-|-(?!\w)|-(?=\w{1,3}\b)|(?<!\d)[.,]|[.,](?!\d)|[^\w\s+@.,-]|_)"
)
_OPEN, _CLOSE = "([{（【［「『《", ")]}）】］」』》"


def _phrases(part: str, tokens: list[str]) -> list[tuple[int, int]] | None:
    """The phrase and the bracket depth of each word of ``part``, phrases being split by
    punctuation; None when the words found so do not line up with ``tokens`` (then all count
    as one phrase, outside brackets)."""
    out: list[tuple[int, int]] = []
    found: list[str] = []
    depth = 0
    for n, piece in enumerate(_PHRASE_BREAK.split(part)):
        if n % 2:  # a punctuation mark
            depth += (piece in _OPEN) - (piece in _CLOSE and depth > 0)
            continue
        pieces = words(piece)
        found += pieces
        out += [(n, depth)] * len(pieces)
    return out if found == tokens else None


def _bracketed_name(
    common: list[tuple[int, int, int]],
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
    parts: list[str],
) -> list[int]:
    """When every registry name found stands in brackets ('Lifestyle International (SOGO)',
    'Golden Harvest Ltd (Binance)'), the words outside them are the name the text is about:
    the positions of the loose words there, none of which is debris."""
    if not spans:  # no name's place is known (a Chinese name among context words)
        return []
    shapes = {s: _shape(segments, parts, s) for s in {s for s, _, _ in spans + common}}
    if any(shapes[s] is None or shapes[s][i][1] == 0 for s, i, _ in spans):  # type: ignore[index]
        return []
    return [p for s, i, p in common if (shapes[s] or [(0, 0)] * (i + 1))[i][1] == 0]


_SENDER_TAG = re.compile(r"\s*[\[【［]([^\]】］]{1,40})[\]】］]")


def _sender_tag(text: str, found: list[tuple[int, str, str]]) -> bool:
    """True when every name found is the whole of a leading tag in square or lenticular
    brackets ('[MEXC] Deposit confirmed …', '【火币】您的验证码 …'): a message's sender, not a
    bracketed note on the words after it; those are a message of four words or more (fewer
    may be another company's name: '[OKX] Kitchen Appliances')."""
    tag = _SENDER_TAG.match(text)
    if tag is None or len(words(text[tag.end() :])) < 4:
        return False
    return all(key == compact_key(tag[1]) for _, key, _ in found)


def _shape(segments: list[list[str]], parts: list[str], s: int) -> list[tuple[int, int]] | None:
    offset = 1 if segments[s][0] == _ADDRESS else 0
    found = _phrases(parts[s], segments[s][offset:])
    return None if found is None else [(-1, 0)] * offset + found


def _is_address(tokens: list[str], vocab: dict[str, frozenset[str]]) -> bool:
    return not vocab["address"].isdisjoint(tokens)


def _kind(
    token: str,
    vocab: dict[str, frozenset[str]],
    chinese: list[str],
    table: dict[str, str],
    address: bool,
) -> str:
    """noise, veto, name:KEY (a Chinese name among context words), or unknown."""
    if address and token in vocab["affiliate"]:
        return "noise"  # the country of an address ('3/US/NEW YORK'), not an affiliate's
    if token in vocab["veto"]:
        return "veto"
    if token.isascii():
        if token in vocab["noise"] or address or any(ch.isdigit() for ch in token):
            return "noise"
        return "unknown"
    if not is_cjk(token[0]):
        return "noise"  # another script: the words of a sentence around the name
    simplified = to_simplified(token)
    if any(v in simplified for v in vocab["veto_zh"]):
        return "veto"
    rest = simplified
    name = ""
    for key in chinese:
        if key in rest:
            if len(key) == 2 and not a_word(
                simplified, simplified.index(key), simplified.index(key) + 2
            ):
                continue  # a word crosses it: '货币安全' holds no 币安
            if name and key not in name:
                return "unknown"  # two names in one run
            name = name or key
            rest = rest.replace(key, " ")
    if not _spelt_of(rest, vocab["noise_zh"]) and not _interface_zh(simplified, rest, vocab):
        return "noise" if not name and _clause_zh(simplified) else "unknown"
    if name and name + "银行" in simplified:
        return "unknown"  # '火币银行', 'Huobi Bank': a bank's name, not a payment's word
    if name:
        return "name:" + name
    return "noise"


_FORMS_ZH = ("公司", "集团", "有限", "控股", "合伙")  # a company's name, not a record's words


def _interface_zh(run: str, rest: str, vocab: dict[str, frozenset[str]]) -> bool:
    """True when ``rest`` is made of note words and the words of interfaces and records
    (``interface_words_zh``: 交易明细, 已完成, 安卓版, 其他应收款 …) and the run holds no legal
    form: '火币行情科技有限公司' is a company's name, '火币 行情' a page's title."""
    return not any(form in run for form in _FORMS_ZH) and _spelt_of(rest, vocab["interface_zh"])


# the words that make a run of characters a clause, not a name: pronouns, sentence particles,
# aspect and negation words ('您的验证码为', '全球领先的数字资产交易平台', '尊敬的用户')
_CLAUSE_ZH = frozenset("的了吗呢吧您你我请勿已都也还没这那")
# characters of a clause: a shorter run with such words is as often a brand ('我爱我家', a
# property agent; '你我贷', a lender; '我的世界', a game), another party beside the name
MIN_CLAUSE = 5
_FINAL_ZH = frozenset("吗呢吧了")  # the particles that end a sentence, no brand's last
_NAME_WORDS_ZH = (*_FORMS_ZH, "科技", "网络", "银行", "证券")  # a firm's, as a legal form is


def _clause_zh(run: str) -> bool:
    """True when a run of characters that holds no registry name is a clause of the text
    around the name (a notice, a title's slogan, a message): five characters or more, with
    clause words, or fewer ending on a sentence's particle; and no word of a company's name
    ('你我他科技')."""
    if any(word in run for word in _NAME_WORDS_ZH):
        return False
    if len(run) < MIN_CLAUSE:  # a question or a remark ends on its particle ('跑路了吗')
        return len(run) > 1 and run[-1] in _FINAL_ZH
    return any(ch in _CLAUSE_ZH for ch in run)


def _spelt_of(text: str, vocab: frozenset[str]) -> bool:
    """True when every run of characters in ``text`` is made of words of ``vocab``."""
    for run in text.split():
        ends = {0}
        for end in range(1, len(run) + 1):
            if any(run[start:end] in vocab for start in ends if start < end):
                ends.add(end)
        if len(run) not in ends:
            return False
    return True


def _only_noise(tokens: list[str], vocab: dict[str, frozenset[str]]) -> bool:
    """True when every word is a context, generic, address word or a number, or Chinese
    made of context words: a text that holds no name at all."""
    latin = vocab["noise"] | vocab["address"]
    return all(
        t.isdigit()
        or t in latin
        or (not t.isascii() and is_cjk(t[0]) and _spelt_of(to_simplified(t), vocab["noise_zh"]))
        for t in tokens
        if t != _ADDRESS
    )


def _trading_name(
    found: list[tuple[int, str, str]], unknown: list[int], markers: list[tuple[int, str]]
) -> bool:
    """True when the unknown words all stand before a 'trading as' marker and the name after
    it: 'Acme Ltd t/a Binance'. Words around 'formerly' never pass (another company's)."""
    if not markers or any(kind != "trading_as" for _, kind in markers):
        return False
    last = markers[-1][0]
    return all(u < last for u in unknown) and all(p > last for p, _, _ in found)


def _answer(
    index: KeyIndex, result: MatchResult, key: str, entity: str, why: str, method: str = METHOD
) -> MatchResult | None:
    hits = [e for e in index.exact(key) or index.folded(key) if e.entity_id == entity]
    if not hits and _ticker_company(key) != entity:
        return None
    label = hits[0].label if hits else key.upper()  # a ticker
    best = Candidate(entity, label, 100.0, method)
    reason = why.format(label)
    return MatchResult(result.query, key, DECISION_MATCH, method, best, (best,), reason)


# What ends a field of machine or form text: a column's or field's separator, a label's colon
# or equals sign, a dash, an underscore or a slash between a file name's or an id's words,
# brackets and quotation marks ('Payee: OKX', 'venue=Binance', 'Bybit_payout_2023.xlsx',
# '"Huobi";"2021-09-24"', 'scan - KuCoin - receipt'); the mark is kept to tell brackets. A
# hyphen between letters joins the words of one name ('Futu-Kitchen Appliances',
# 'binance-smart-chain'); beside a number or a space it parts fields ('Bybit-2023', 'F-2021').
_FIELD = re.compile(
    r"((?:[|;\t\n\r•·,_=<>→⇒»›(){}\[\]（）【】「」『』《》\"“”‘’:：/\\–—]|\s-+|-+\s|-+(?![^\W\d_]))+"
    r"|(?<!\w)-+|\s+(?=[^\W\d_]\w*\s?[=:]))"
)
MIN_FIELD_NAME = 4  # letters of a Latin name that fills a field in any case ('OKX' in capitals)
MIN_FIELD_CAPITALS = 3


def _fills_a_field(
    index: KeyIndex,
    text: str,
    found: list[tuple[int, str, str]],
    entity: str,
    flat: list[str],
    spans: list[tuple[int, int, int]],
    segments: list[list[str]],
) -> bool:
    """``_field_of_its_own``, unless another site's domain stands in the text or the name is
    an everyday word ('Bee Pool')."""
    return (
        HOST_WORD not in flat
        and not _everyday_brand(spans, segments)
        and _field_of_its_own(index, text, found, entity, _vocab())
    )


def _field_of_its_own(
    index: KeyIndex,
    text: str,
    found: list[tuple[int, str, str]],
    entity: str,
    vocab: dict[str, frozenset[str]],
) -> bool:
    """True when a distinctive registry name fills a field of the text on its own, read alone
    an exact match ('Payee: OKX', 'Debtor: FTX Trading Ltd.', '2023_Q4_Bybit_payout',
    'venue=Binance status=ok'), and every word of the other fields is debris by its shape
    (``_debris``): the other fields then hold no other organisation's name, whatever words
    they are made of."""
    fields, depths, paired = _fields(text)
    if len(fields) < 2 or not _distinctive(found):
        return False
    own = [_fills(index, f, entity, found) for f in fields]
    if not any(own):
        return False
    capitals = any(ch.isupper() for f, mine in zip(fields, own, strict=True) if mine for ch in f)
    listed = is_list(text)  # another party's name may be made of everyday words
    # a name only in brackets is a note on the words outside them ('Lifestyle International
    # (SOGO)'): those must then be numbers or note words
    bracketed = all(d > 0 for d, mine in zip(depths, own, strict=True) if mine)
    for f, mine, depth, pair in zip(fields, own, depths, paired, strict=True):
        if mine:
            continue
        if bracketed and depth == 0:
            if not all(_kind(t, vocab, [], {}, False) == "noise" for t in words(f)):
                return False
            continue
        lower = {w for raw in _RAW_WORD.findall(f) if raw.islower() for w in words(raw)}
        if listed and not pair:  # a list's part of everyday words may be a name ('…, garden');
            lower -= _common_words()  # a key or its value is not ('"side": "buy"')
        # one everyday word alone in its field, beside a name with capitals, is no name when
        # written in capitals (a log's level: '[WARN] … KuCoin: …'); two may be one
        # ('Ward-Hays_Binance', 'Golden Harvest'), and so may one with a capital only at its
        # start: a file name's underscores part a name's words ('Binance_Motors_…',
        # 'Smith_Binance_statement.pdf': another firm's, a person's)
        alone = capitals and not listed and len(words(f)) == 1 and not f.strip().istitle()
        if not all(_debris(t, vocab, lower if capitals else set(), alone) for t in words(f)):
            return False
    return True


def _fields(text: str) -> tuple[list[str], list[int], list[bool]]:
    """The fields of the text that hold a word; the bracket depth of each; and whether each
    is a key or a key's value (a label's mark ':' or '=' after it, or before it)."""
    fields: list[str] = []
    depths: list[int] = []
    paired: list[bool] = []
    depth = 0
    pieces = _FIELD.split(text)
    marks = [*pieces[1::2], ""]
    for n, f in enumerate(pieces[::2]):
        mark = marks[n]
        if words(f):
            fields.append(f)
            depths.append(depth)
            before = marks[n - 1] if n else ""
            paired.append(not _PAIR_MARKS.isdisjoint(mark + before))
        depth = max(0, depth + sum(ch in _OPEN for ch in mark) - sum(ch in _CLOSE for ch in mark))
    return fields, depths, paired


_PAIR_MARKS = frozenset(":：=")


def _after_names(
    at: list[tuple[int, int, int]], spans: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """The words of ``at`` that stand after a name found in their part: a company's name goes
    on after the registry's word ('KuCoin dentistry'); a word before it in lower case is the
    sentence's ('payout ViaBTC', 'connector KuCoin')."""
    return [(s, i, p) for s, i, p in at if any(s == seg and i >= end for seg, _, end in spans)]


def _distinctive(found: list[tuple[int, str, str]]) -> bool:
    """True when every name found is a registry name no everyday word spells: not in
    data/everyday_names.txt nor an everyday word, and of three letters or more (or Chinese)."""
    everyday = everyday_names()
    return all(
        key not in everyday
        and key not in _common_words()
        and (len(key) >= MIN_FIELD_CAPITALS or not key.isascii())
        for _, key, _ in found
    )


def _fills(index: KeyIndex, field: str, entity: str, found: list[tuple[int, str, str]]) -> bool:
    """True when ``field`` alone is the registry name: it holds a name found, and read alone it
    is a confident exact match to ``entity`` (its legal form and generic words may be there:
    'Huobi Global Limited'). A name of three letters fills a field only in capitals ('OKX')."""
    key = compact_key(field)
    if not any(k in key for _, k, _ in found):
        return False
    if key.isascii() and len(key) < MIN_FIELD_NAME and not field.strip().isupper():
        return False
    from exitcheck.matching.decide import match

    result = match(index, field, limit=0)
    return (
        result.decision == DECISION_MATCH
        and result.entity_id == entity
        and (result.method or "").startswith("exact_")
        and result.method not in (METHOD, IN_TEXT, IN_FIELD, IN_SENTENCE)
    )


def _debris(token: str, vocab: dict[str, frozenset[str]], lower: set[str], alone: bool) -> bool:
    """True when a word outside the name's field names nothing by its shape: a number or code
    (a digit in it), a note, payment or address word, a word written in lower case beside a
    name written with capitals (``lower``: 'Bybit_payout', 'KuCoin: timeout after 30s'), or
    an everyday word or a word of another script alone in its field (``alone``:
    'TokenPocket_Setup_1.8.6.exe'). Never a word with a capital that no vocabulary holds
    ('Davis-Carter: Binance': a name), two everyday words with capitals ('Golden Harvest:
    …'), a legal form, a veto, a place of an affiliate, or a Chinese word that is not a note's.
    """
    if any(ch.isdigit() for ch in token):
        return True
    if token in vocab["company"] or token in vocab["veto"] or token in vocab["affiliate"]:
        return False
    if not token.isascii():
        if is_cjk(token[0]):
            simplified = to_simplified(token)
            return _interface_zh(simplified, simplified, vocab)
        # another script: a sentence's words, as ``_kind`` reads them, unless another party's
        # name may stand in them ('(주) 라온 | TokenPocket'): then only in lower case
        return alone or token in lower
    return token in vocab["noise"] or token in lower or (alone and token in _common_words())


_RAW_WORD = re.compile(r"[^\W_]+")
_PATH = re.compile(r"[^\W\d_]/[^\W\d_]")
PAGE = re.compile(r"(?<![\w/])[a-z]{1,2}/\w", re.I)  # 'r/kucoin', 'u/binance': a site's page
MIN_PART = 3  # letters of a word written apart from the rest of a name ('Gate' of 'Gate.io')


def _sentence_case(
    text: str, found: list[tuple[int, str, str]], flat: list[str], vocab: dict[str, frozenset[str]]
) -> bool:
    """True when case tells the registry name from the words around it: the text is written
    in lower case but for the name ('Mining payout from BeePool 0.21 ETH', 'KuCoin: timeout
    after 30s'), note words ('Payment', 'ETH') and numbers; and no legal form stands outside
    the name. Not a sentence's first word either: it may be a name ('Duhamel and KuCoin').
    A word of another company's name would be written with a capital ('Apex Payout from
    Binance'); one in lower case beside it is a word of the sentence."""
    if text.isupper() or text.islower() or _PATH.search(text) or "_" in text:
        return False  # no case to read; a path, a forum's name ('r/Bybit') or words joined as
        # an identifier's ('Forza e figli_Binance': two fields) are the bands'
    keys = [k for _, k, _ in found]

    def named(key: str) -> bool:
        return any(key == k or (len(key) >= MIN_PART and key in k) for k in keys)

    raws = _RAW_WORD.findall(text)
    for n, raw in enumerate(raws):
        if raw.islower() or any(ch.isdigit() for ch in raw) or has_cjk(raw):
            continue
        key = compact_key(raw)
        if named(key):
            continue
        if key in vocab["noise"] and key not in vocab["company"]:
            continue
        first = n == 0 and raw.istitle() and key in _common_words()
        if first and len(raws) > 1 and raws[1].islower():
            continue  # a sentence's first word, an everyday one ('Goods returned via …')
        return False
    return not any(t in vocab["company"] and not named(t) for t in flat)
