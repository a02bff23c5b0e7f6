"""Name normalisation: the pure text functions that turn a name or a query into match keys.

The same functions are applied to registry names and to queries: NFKC, case folding, control
characters removed, look-alike Cyrillic and Greek letters folded to Latin (a subset of the
Unicode TR39 confusables), tone marks removed, then only letters and digits kept. Generic words
(legal forms, places, "exchange", 交易所 …) and noise (versions, list numbering, tickers in
brackets) are recognised here; ``matching`` decides what to do with them. ``unicodedata`` is
imported by the functions that need it, on text that is not plain ASCII only.
"""

from __future__ import annotations

import functools
import itertools
import re

from exitcheck.records import Record

_CONTROL_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}

# Look-alike letters folded to the Latin letter they imitate, before case folding (a subset of
# Unicode TR39 confusables.txt: the Cyrillic and Greek letters whose skeleton is one Latin
# letter). Applied to registry names and queries alike, so 'Нuobi' (Cyrillic Н) is 'huobi'.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic capitals and small letters
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "Ԛ": "Q",
        "Ԝ": "W", "Ү": "Y", "Һ": "H", "Ӏ": "I",
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
        "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "һ": "h", "ү": "y",
        "ɡ": "g", "ı": "i",
        # Greek capitals and small letters
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        "ο": "o", "ν": "v", "ρ": "p", "ι": "i", "α": "a", "κ": "k", "υ": "u", "τ": "t",
    }
)  # fmt: skip
_CONFUSABLE_CHARS = frozenset("АВЕКМНОРСТХУЅІЈԚԜҮҺӀаеорсухіјѕԁԛԝӏһүɡıΑΒΕΖΗΙΚΜΝΟΡΤΥΧονριακυτ")

_TRADE_MARKS = str.maketrans({"™": " ", "℠": " "})

_CJK_RUNS = "[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
_TONE_SYLLABLES = r"(?:[a-zü]+[1-5])+"  # patterns are compiled on first use, not at start-up

# A list bullet or number before a name: '1. OKEx', '- Huobi', '• Binance', '(3) AEX', '#2 BHEX'.
_BULLET = r"^\s*(?:\(?\d{1,3}[.)、:]|[-*•·–—>#]+\d{0,3}[.)]?)\s+"
# Brackets that qualify a name: 'Huobi (HT)', 'Huobi（火币）', 'BHEX [香港]'.
_GROUP = r"[(\[{（【［]([^()\[\]{}（）【】［］]*)[)\]}）】］]"
# Version and layer tokens after a name: 'v2', 'v39.5', '2.0', 'L2'.
_VERSION = r"(?<![a-z0-9])(?:v\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)+|l[1-3])(?![a-z0-9])"


def strip_controls(text: str) -> str:
    """Remove control, format (bidi overrides, zero-width) and unassigned characters."""
    if text.isprintable():
        return text
    import unicodedata  # only for text that is not plain: ~0.3 ms to load at start-up

    kept = (
        ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) not in _CONTROL_CATEGORIES
    )
    return "".join(" " if ch in "\t\n\r" else ch for ch in kept)


def clean(text: str) -> str:
    """NFKC (full-width to ASCII), no control characters or trade mark signs, look-alikes
    folded, case-folded, single-spaced."""
    if text.isascii() and text.isprintable():  # fast path: ASCII is already NFKC
        return " ".join(text.lower().split())
    import unicodedata

    # trade mark signs go before NFKC, which would spell them out ('Binance™' -> 'binancetm')
    folded = unicodedata.normalize("NFKC", strip_controls(text).translate(_TRADE_MARKS))
    if not _CONFUSABLE_CHARS.isdisjoint(folded):
        folded = folded.translate(_CONFUSABLES)
    return " ".join(folded.casefold().split())


def mixes_scripts(text: str) -> bool:
    """True when a name mixes Latin letters with Cyrillic or Greek look-alikes ('Нuobi')."""
    return any(ch in _CONFUSABLE_CHARS for ch in text) and any(
        "a" <= ch.lower() <= "z" for ch in text
    )


def strip_marks(text: str) -> str:
    """Drop combining marks (accents, pinyin tone marks): 'xīnghuǒ' -> 'xinghuo'."""
    if text.isascii():
        return text
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def has_cjk(text: str) -> bool:
    return not text.isascii() and re.search(_CJK_RUNS, text) is not None


def words(text: str) -> list[str]:
    """Runs of letters and digits, split where Chinese characters, hangul or kana meet other
    letters: Korean and Japanese glue particles to the word before ('Bybit Japan는' is
    'japan' and '는')."""
    return list(_words(text))


def _script(ch: str) -> int:
    """Which run a character joins in ``words``: Chinese, hangul, kana, or any other."""
    if is_cjk(ch):
        return 1
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return 2
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return 3
    return 0


@functools.lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    cleaned = strip_marks(clean(text))
    if cleaned.isascii():
        return tuple(re.findall(r"[a-z0-9]+", cleaned))
    out: list[str] = []
    for run in re.findall(r"\w+", cleaned):
        for _, group in itertools.groupby(run.replace("_", ""), key=_script):
            token = "".join(group)
            if token:
                out.append(token)
    return tuple(out)


def compact_key(text: str) -> str:
    """The matching key: clean, no marks, only letters and digits ('Token-Pocket' -> 'tokenpocket')."""
    return "".join(words(text))


def strip_bullet(cleaned: str) -> str:
    """A cleaned query without a leading list bullet or number ('1. okex' -> 'okex')."""
    if not cleaned or not (cleaned[0] in "-*•·–—>#(" or cleaned[0].isdigit()):
        return cleaned
    return re.sub(_BULLET, "", cleaned, count=1) or cleaned


def split_groups(cleaned: str) -> tuple[str, list[str]]:
    """(the text outside brackets, the bracketed parts): 'huobi (ht)' -> ('huobi', ['ht'])."""
    if not any(ch in cleaned for ch in "([{（【［"):
        return cleaned, []
    groups = [g.strip() for g in re.findall(_GROUP, cleaned) if g.strip()]
    outside = " ".join(re.sub(_GROUP, " ", cleaned).split())
    return outside, groups


def without_versions(cleaned: str) -> str:
    """The text without version and layer tokens ('zkswap v2' -> 'zkswap')."""
    if re.search(r"\d", cleaned) is None:
        return cleaned
    return " ".join(re.sub(_VERSION, " ", cleaned).split())


def to_simplified(text: str) -> str:
    """Fold traditional Chinese characters to simplified (loads the table on first use)."""
    if not has_cjk(text):
        return text
    return text.translate(_simplified_table())


@functools.cache
def _simplified_table() -> dict[int, int]:
    """data/simplified.txt (generated from OpenCC by tools/simplified.py): its last two lines
    are the traditional characters and their simplified forms, in the same order."""
    from exitcheck.datafiles import data_file

    *_, traditional, simplified = (
        data_file("simplified.txt").read_text(encoding="utf-8").splitlines()
    )
    return str.maketrans(traditional, simplified)


def romanise(text: str) -> str:
    """Romanised key of a Chinese name ('火币' -> 'huobi'); loads the transliterator lazily."""
    from anyascii import anyascii

    return compact_key(anyascii(text))


def is_tone_pinyin(key: str) -> bool:
    return re.fullmatch(_TONE_SYLLABLES, key) is not None


_DOMAIN = (
    r"(?:[a-z][a-z0-9+.-]*://)?(?:[^/@\s]+@)?"
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})\.?(?::\d+)?(?:[/?#]\S*)?"
)
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu"}


def domain_of(cleaned: str) -> tuple[str, str] | None:
    """(host without www., name label) when the text is a URL, e-mail address or domain."""
    if "." not in cleaned:
        return None
    found = re.fullmatch(_DOMAIN, cleaned)
    if not found:
        return None
    host = found["host"].removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2:
        return None
    label = labels[-2]
    if label in _SECOND_LEVEL and len(labels) >= 3:
        label = labels[-3]
    return host, label


def parent_hosts(host: str) -> list[str]:
    """The host's parent domains, nearest first, down to two labels ('m.huobi.com' -> ['huobi.com'])."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(1, len(labels) - 1)]


class GenericWords(Record):
    latin: frozenset[str]
    chinese: tuple[str, ...]  # longest first
    qualifiers: frozenset[str]  # words that only qualify a name inside brackets (places)
    affiliates: frozenset[str]  # places where a brand's affiliate may be another company


@functools.cache
def generic_words() -> GenericWords:
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    path = data_file("matching.toml")
    data = loads(path.read_text(encoding="utf-8"))
    forms, form_affixes = _legal_forms()
    latin = frozenset(compact_key(w) for w in data["generic_words"]) | forms
    chinese = tuple(
        sorted(
            {compact_key(w) for w in data["generic_words_zh"] + data["places_zh"]} | form_affixes,
            key=len,
            reverse=True,
        )
    )
    qualifiers = frozenset(compact_key(w) for w in data["qualifiers"]) | latin
    affiliates = frozenset(
        compact_key(w) for w in data["affiliate_places"] + data["affiliate_places_zh"]
    )
    return GenericWords(latin, chinese, qualifiers, affiliates)


STANDS_FOR_A_FORM = frozenset({"group", "holding", "holdings"})  # and may be a name's word
_COMPANY = (
    frozenset({"inc", "ltd", "limited", "co", "corp", "corporation", "incorporated", "company"})
    | {"llc", "plc", "pte", "pty", "gmbh", "ag", "sa", "nv", "bv"}
    | STANDS_FOR_A_FORM
)  # legal forms written by hand in data/matching.toml, and the words that stand for one


@functools.cache
def legal_forms() -> frozenset[str]:
    """The legal forms, as keys: data/legal_forms.txt's and the common ones ('ltd', 'pty',
    'gmbh', 'holdings' …)."""
    return _legal_forms()[0] | _COMPANY


def _legal_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(whole words, Chinese-character affixes) of data/legal_forms.txt, generated from rigour's
    table by tools/legal_forms.py: already keys, so nothing is normalised here."""
    from exitcheck.datafiles import data_file

    _comment, forms, affixes = (
        data_file("legal_forms.txt").read_text(encoding="utf-8").split("\n\n")
    )
    return frozenset(forms.split()), frozenset(affixes.split())


@functools.cache
def everyday_names() -> dict[str, frozenset[str]]:
    """Registry names that are everyday words, each with the words that corroborate it
    (data/everyday_names.txt: 'name: word word …' lines)."""
    from exitcheck.datafiles import data_file

    out = {}
    for line in data_file("everyday_names.txt").read_text(encoding="utf-8").splitlines():
        name, colon, corroborating = line.partition(":")
        if colon and not line.startswith("#"):
            out[name.replace(" ", "")] = frozenset(corroborating.split())  # written as keys
    return out


def everyday_name(key: str, tokens: list[str]) -> bool:
    """True when ``key`` (a query's distinctive part, or a matched name's) is an everyday word
    and nothing among the query's words or units corroborates it."""
    corroborating = everyday_names().get(key)
    if corroborating is None:
        return False
    pieces = {unit for unit, _ in units(tokens)} | set(tokens)
    if not corroborating.isdisjoint(pieces):
        return False
    whole = "".join(tokens)  # 'k e y s t o n e w a l l e t': the words run together
    return key not in whole or not _spelled_of(whole.replace(key, "", 1), corroborating)


def _spelled_of(text: str, corroborating: frozenset[str]) -> bool:
    """True when ``text`` is made of corroborating and generic words only, one corroborating
    at least ('hardwarewallet')."""
    vocab = corroborating | generic_words().latin
    ends: dict[int, bool] = {0: False}  # end of a segmentation -> holds a corroborating word
    for end in range(1, len(text) + 1):
        for start, held in list(ends.items()):
            if start < end and text[start:end] in vocab:
                ends[end] = ends.get(end, False) or held or text[start:end] in corroborating
    return ends.get(len(text), False)


def is_qualifier(group: str) -> bool:
    """A bracketed part that only qualifies a name: a place, a legal form, a ticker ('ht')."""
    tokens = words(without_versions(group))
    if not tokens:
        return True
    generic = generic_words()
    if any(t in generic.affiliates for t in tokens):
        return False
    if all(t in generic.qualifiers for t in tokens) or compact_key(group) in generic.qualifiers:
        return True
    if not has_cjk(group):
        return len(tokens) == 1 and len(tokens[0]) <= 6 and tokens[0].isalnum()  # a ticker
    return not strip_generic(tokens)


def units(tokens: list[str]) -> list[tuple[str, bool]]:
    return _units(tuple(tokens))


@functools.lru_cache(maxsize=4096)
def _units(tokens: tuple[str, ...]) -> list[tuple[str, bool]]:
    """(unit, is generic) pieces of a query: Latin words, and Chinese words split off their
    generic prefixes and suffixes ('蓝海矿池官网' -> 蓝海, 矿池*, 官网*)."""
    generic = generic_words()
    out: list[tuple[str, bool]] = []
    for token in tokens:
        if has_cjk(token):
            out += _split_affixes(token, generic.chinese)
        else:
            out.append((token, token in generic.latin))
    return out


def _split_affixes(token: str, affixes: tuple[str, ...]) -> list[tuple[str, bool]]:
    head: list[tuple[str, bool]] = []
    tail: list[tuple[str, bool]] = []
    prefix, suffix = _affix_patterns(affixes)
    while token:
        if token in affixes:
            return [*head, (token, True), *tail]
        found = suffix.search(token)
        if found:
            tail.insert(0, (found[0], True))
            token = token[: found.start()]
            continue
        found = prefix.match(token)
        if not found:
            break
        head.append((found[0], True))
        token = token[found.end() :]
    return [*head, (token, False), *tail] if token else [*head, *tail]


@functools.cache
def _affix_patterns(affixes: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Longest-first alternations: one regex search instead of a loop over every affix."""
    alternatives = "|".join(re.escape(a) for a in affixes)
    return re.compile(f"(?:{alternatives})"), re.compile(f"(?:{alternatives})$")


def strip_generic(tokens: list[str]) -> list[str]:
    """The query's words without any generic word or affix."""
    return [unit for unit, generic in units(tokens) if not generic]


def peeled(tokens: list[str]) -> list[str]:
    """Keys left after peeling generic units off either end, fewest peeled first:
    'spark pool exchange' -> 'sparkpool', then 'spark'."""
    parts = units(tokens)
    n = len(parts)
    starts = [i for i in range(n + 1) if all(g for _, g in parts[:i])]
    ends = [j for j in range(n + 1) if all(g for _, g in parts[j:])]
    spans = sorted(
        ((i, j) for i in starts for j in ends if i < j and (i, j) != (0, n)),
        key=lambda ij: (ij[0] + n - ij[1], ij),
    )
    return ["".join(unit for unit, _ in parts[i:j]) for i, j in spans]


def core_key(text: str) -> str:
    """The distinctive part of a name: its key without generic words, legal forms and places
    ('北京火币天下网络技术有限公司' -> '火币天下'); the whole key when nothing is left."""
    tokens = words(text)
    core = "".join(strip_generic(tokens))
    return core or "".join(tokens)


def max_edits(length: int, minimum: int) -> int:
    """The edit budget for a name of this length: 0 below the minimum, then 1, 2, 3."""
    if length < minimum:
        return 0
    if length < minimum + 3:
        return 1
    if length < minimum + 8:
        return 2
    return 3


def sound_key(key: str) -> str:
    """Consonants as they sound, for a name heard or written in another script: vowels
    dropped, letters that sound alike (c/k/q, s/z, b/v/w, f/h, l/r, g/j) folded, and
    repeats run together; 'binance', the katakana's 'bainansu', the Arabic's 'bynns' and
    the Greek 'mpainans' are all 'bns', 'tradingview' and the Korean 'teuleidingbyu' 'trdngb'.
    Reads a key (``compact_key``: lower-case letters and digits); digits are kept."""
    pattern, run = _sound_patterns()
    key = pattern.sub(lambda found: _SPELT[found[0]], key).translate(_SOUNDS)
    return run.sub(r"\1", key)


_SPELT = {
    "mp": "b", "nt": "d", "gk": "g", "chzh": "j", "zh": "j", "ch": "j", "sh": "s", "kh": "h",
    "ph": "f", "ck": "k", "th": "t", "x": "ks", "ce": "se", "ci": "si", "cy": "sy",
}  # fmt: skip
_SOUNDS = str.maketrans("cqzvwfjl", "kksbbhgr", "aeiouy")


@functools.cache
def _sound_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spelt = r"^mp|^nt|gk|chzh|zh|ch|sh|kh|ph|ck|th|x|c[eiy]"
    return re.compile(spelt), re.compile(r"(.)\1+")


def initials(label: str) -> str:
    """The initials of a name as written: one letter for each word and each capitalised hump
    ('CoinMarketCap' -> 'cmc', 'Futu NiuNiu' -> 'fnn'), one for each Chinese character, by
    its pinyin ('非小号' -> 'fxh'). Empty for a name of one word and no humps."""
    humps = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+", label)
    letters = [h[0].lower() for h in humps if not h.isdigit()]
    if has_cjk(label):
        from anyascii import anyascii

        letters = [anyascii(ch)[:1].lower() for ch in to_simplified(label) if is_cjk(ch)]
    return "".join(letters) if len(letters) > 1 else ""


def spells_letters(text: str) -> bool:
    """True when the text writes letters as symbols: a squared or negative-circled letter
    (U+1F130-1F189: 'Bit🅶et') or three regional indicator letters in a row ('🇧🇮🇳🇦🇳🇨🇪'; two
    are a flag). ``compact_key`` keeps none of them; ``nearby.letter_symbols`` reads them."""
    if text.isascii():
        return False
    if any(0x1F130 <= ord(ch) <= 0x1F189 for ch in text):
        return True
    return re.search("[\U0001f1e6-\U0001f1ff]{3}", text) is not None


MAX_EDGE_WORD = 8  # characters of the longest word the edges of a name are read against


@functools.cache
def _edge_words() -> frozenset[str]:
    """data/edge_words_zh.txt: the words that cross the edge of a registry Chinese name."""
    from exitcheck.datafiles import data_file

    text = data_file("edge_words_zh.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#") and has_cjk(w))


def a_word(run: str, start: int, end: int) -> bool:
    """True when ``run[start:end]``, a registry Chinese name in a run of simplified characters,
    is a word of its own there: no common word crosses its first or last character or holds
    it (data/edge_words_zh.txt: 货币 and 安全 in 货币安全, 银行 in 平安银行)."""
    edges = _edge_words()
    for s in range(max(0, start - MAX_EDGE_WORD + 1), end):
        for e in range(max(s + 2, start + 1), min(len(run), s + MAX_EDGE_WORD) + 1):
            if (s < start or e > end) and run[s:e] in edges:
                return False
    return True
