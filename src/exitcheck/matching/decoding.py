"""Undo the encodings that exports and systems wrap around a name, before it is matched.

A counterparty name arrives as a spreadsheet formula (``=HYPERLINK("https://huobi.com","Huobi")``,
``="Huobi"``), inside HTML (``<b>Huobi</b>``, ``Hu&#111;bi``, ``&amp;``), percent-encoded
(``Binance%20Exchange``), with JSON-style ``\\u`` escapes (``\\u706b\\u5e01``), as a MIME
encoded-word (``=?UTF-8?B?54Gr5biB?=``) or as the punycode of an internationalised domain
(``xn--bnance-pvf.com``). ``decode`` returns the plain text and the names of
what it undid, in order, so that the answer can say so. Layers are undone until nothing
changes (at most a few rounds: an encoded formula inside HTML). Pure; the modules it needs are
imported only for a name that holds one of the marks ``& % \\ < =``.
"""

from __future__ import annotations

import functools
import itertools
import re

FORMULA = "spreadsheet formula"
TAGS = "HTML tags"
REFERENCES = "HTML character references"
PERCENT = "percent-encoding"
ESCAPES = "\\u escapes"
MIME = "MIME encoded-words"
SPELLED = "spelled punctuation"
PUNYCODE = "punycode"
QUOTED_PRINTABLE = "quoted-printable"
BASE64 = "base64"
EMV_QR = "EMV payment QR code"
OTPAUTH = "authenticator URI"

_MARKS = frozenset("&%\\<=")
_ROUNDS = 3


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "hyperlink": re.compile(
            r'^\s*=\s*HYPERLINK\s*\(\s*"((?:[^"]|"")*)"\s*(?:[,;]\s*"((?:[^"]|"")*)"\s*)?\)\s*$',
            re.IGNORECASE,
        ),
        "string": re.compile(r'^\s*=\s*(?:T\s*\(\s*)?"((?:[^"]|"")*)"\s*\)?\s*$', re.IGNORECASE),
        "tag": re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->|<br\s*/?>", re.DOTALL),
        "reference": re.compile(
            r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
        ),
        "percent": re.compile(r"%[0-9A-Fa-f]{2}"),
        "escape": re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\u\{([0-9A-Fa-f]{1,6})\}"),
        "mime": re.compile(r"=\?[^?\s]+\?[BbQq]\?[^?\s]*\?="),
    }


def decode(text: str) -> tuple[str, tuple[str, ...]]:
    """(the text with its encodings undone, what was undone): ('Hu&#111;bi', ('HTML …',))."""
    if (
        _MARKS.isdisjoint(text)
        and not has_punycode(text)
        and not has_payload(text)
        and (text.isascii() or _mojibake(text) == text)
    ):
        return text, ()
    undone: list[str] = []
    for _ in range(_ROUNDS):
        before = text
        for name, step in _STEPS:
            after = step(text)
            if after != text:
                text = after
                if name not in undone:
                    undone.append(name)
        if text == before or _MARKS.isdisjoint(text):
            break
    return text, tuple(undone)


def has_punycode(text: str) -> bool:
    """True when the text may hold a label of an internationalised domain ('xn--…')."""
    return "xn--" in text or "XN--" in text or "Xn--" in text


_EMV_START = "000201"  # the payload format indicator of EMVCo's merchant-presented QR code


def has_emv(text: str) -> bool:
    """True when the text may be the payload of an EMV payment QR code ('000201…')."""
    return text.lstrip().startswith(_EMV_START)


def has_payload(text: str) -> bool:
    """True when the text may be a machine payload that holds a name in one of its fields:
    an EMV payment QR code, an authenticator's 'otpauth://' URI."""
    start = text[:24].lstrip()  # a payload starts the text: its first characters tell
    return start.startswith(_EMV_START) or start[:10].lower() == "otpauth://"


_OTPAUTH = re.compile(r"\s*otpauth://[a-z]+/([^?#\s]*)(?:\?(\S*))?\s*", re.IGNORECASE)
_ISSUER = re.compile(r"(?:^|&)issuer=([^&]*)", re.IGNORECASE)


def _otpauth(text: str) -> str:
    """The issuer of an authenticator's key URI (Google Authenticator's 'otpauth://totp/
    Issuer:account?secret=…&issuer=Issuer' -> 'Issuer'): its issuer parameter, else the
    label's part before the colon; the account after it is a person's."""
    found = _OTPAUTH.fullmatch(text)
    if found is None:
        return text
    from urllib.parse import unquote

    issuer = _ISSUER.search(found[2] or "")
    label = unquote(found[1])
    if issuer is None and ":" not in label:
        return text  # a label of the account alone: no issuer to read
    name = unquote(issuer[1]).replace("+", " ") if issuer else label.partition(":")[0]
    return name.strip() or text


_EMV_NAME = re.compile(r"59(\d\d)")
_EMV_CITY = re.compile(r"60(\d\d)")


def _emv(text: str) -> str:
    """The merchant name (tag 59) of an EMV merchant-presented QR payload, its fields read as
    ID, two digits of length and value ('…5911MEXC GLOBAL6009SINGAPORE…' -> 'MEXC GLOBAL').
    The fields are read from the start; where a length does not add up (a payload copied by
    hand), a tag 59 whose value ends where the merchant's city (tag 60) begins is read."""
    if not has_emv(text):
        return text
    payload = text.strip()
    fields: dict[str, str] = {}
    at = 0
    while at + 4 <= len(payload) and payload[at : at + 4].isdigit():
        end = at + 4 + int(payload[at + 2 : at + 4])
        if end > len(payload):
            break
        fields.setdefault(payload[at : at + 2], payload[at + 4 : end])
        at = end
    if at == len(payload) and fields.get("59", "").strip():
        return fields["59"].strip()
    for found in _EMV_NAME.finditer(payload):
        end = found.end() + int(found[1])
        city = _EMV_CITY.match(payload, end)
        if city is not None and end + 4 + int(city[1]) <= len(payload):
            name = payload[found.end() : end].strip()
            if name:
                return name
    return text


_PUNYCODE = re.compile(r"(?<![a-z0-9-])xn--([a-z0-9-]+)", re.IGNORECASE)


def _punycode(text: str) -> str:
    """Each 'xn--' label as the Unicode it encodes ('xn--bnance-pvf' -> 'bіnance', its і
    Cyrillic); a label that does not decode is left as it is."""
    if not has_punycode(text):
        return text

    def label(found: re.Match[str]) -> str:
        try:
            return found[1].lower().encode("ascii").decode("punycode")
        except (UnicodeError, ValueError):
            return found[0]

    return _PUNYCODE.sub(label, text)


def _formula(text: str) -> str:
    if "=" not in text or not text.lstrip().startswith("="):
        return text
    found = _patterns()["hyperlink"].match(text)
    if found:
        link, label = (found[1] or "").replace('""', '"'), (found[2] or "").replace('""', '"')
        if label.strip() and link.strip() and label.strip() != link.strip():
            return f"{label.strip()} | {link.strip()}"  # two readings: both must agree
        return (label or link).strip()
    found = _patterns()["string"].match(text)
    return found[1].replace('""', '"') if found else text


def _mime(text: str) -> str:
    if "=?" not in text or not _patterns()["mime"].search(text):
        return text
    from email.header import decode_header

    try:
        parts = decode_header(text)
    except (ValueError, LookupError):  # malformed base64, an unknown charset
        return text
    out = []
    for value, charset in parts:
        if isinstance(value, str):
            out.append(value)
            continue
        try:
            out.append(value.decode(charset or "ascii", errors="strict"))
        except (LookupError, UnicodeDecodeError):
            return text
    return "".join(out)


# The elements of HTML a cell's markup is made of: a tag of another name is not markup
# ('<Binance>' is a name in angle brackets)
_ELEMENTS = frozenset({
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "big", "blockquote", "body",
    "br", "button", "caption", "center", "cite", "code", "col", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "img", "input", "ins",
    "kbd", "label", "legend", "li", "link", "main", "mark", "meta", "nav", "nobr", "ol",
    "option", "p", "pre", "q", "s", "samp", "section", "small", "span", "strike", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "tt",
    "u", "ul", "var", "wbr",
})  # fmt: skip
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")
_SAID = re.compile(r"""\b(?:alt|title|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_CLOSING = re.compile(r"</([A-Za-z][A-Za-z0-9]*)")
_LINK = re.compile(r"^<((?:https?|mailto):[^|<>\s]+)(?:\|([^<>]+))?>$", re.I)


def _tag(found: re.Match[str], closed: frozenset[str]) -> str:
    """A tag as the text it stands for: markup (an HTML element's, or one the text closes:
    XML, '<Nm>…</Nm>', '<Party/>') as its alt or title text, or nothing ('<b>', '<img alt="Huobi" …>');
    a chat or Markdown link as its label or address ('<https://gate.io|Gate.io>'); a name in
    angle brackets that is no element and is not closed, as the name ('<Binance>')."""
    tag = found[0]
    name = _TAG_NAME.match(tag)
    known = name is not None and (name[1].lower() in _ELEMENTS or name[1].lower() in closed)
    if known or tag.startswith(("<!--", "</")) or tag.endswith("/>"):
        said = [a or b for a, b in _SAID.findall(tag)]
        return " " + " ".join(w for w in said if w.strip()) + " "
    link = _LINK.match(tag)
    if link is not None:
        return " " + (link[2] or link[1]) + " "
    return " " + tag[1:-1].strip("/ ") + " "


def _tags(text: str) -> str:
    if "<" not in text:
        return text
    closed = frozenset(n.lower() for n in _CLOSING.findall(text))
    stripped = _patterns()["tag"].sub(lambda found: _tag(found, closed), text)
    return " ".join(stripped.split()) if stripped != text else text


def _references(text: str) -> str:
    if "&" not in text or not _patterns()["reference"].search(text):
        return text
    import html

    return html.unescape(text).replace("\xa0", " ")


def _percent(text: str) -> str:
    if "%" not in text or not _patterns()["percent"].search(text):
        return text
    if "://" in text or re.match(r"^[\w.-]+\.[a-z]{2,}(?:[/:?#]|$)", text, re.IGNORECASE):
        return text  # a URL keeps its escapes: only its host is read
    from urllib.parse import unquote, unquote_plus

    try:
        plain = (unquote_plus if " " not in text else unquote)(text, errors="strict")
    except UnicodeDecodeError:
        return text
    return plain


def _escapes(text: str) -> str:
    if "\\" not in text or not _patterns()["escape"].search(text):
        return text

    def char(found: re.Match[str]) -> str:
        code = int(found[1] or found[2] or found[3], 16)
        return chr(code) if code <= 0x10FFFF else found[0]

    out = _patterns()["escape"].sub(char, text)
    try:  # a pair of \ud83d\ude00 surrogates is one character
        return out.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return out


def _mojibake(text: str) -> str:
    """UTF-8 read as Latin-1/cp1252, undone when every byte decodes ('KuCoinâ\u0084¢'): a
    round trip that succeeds by chance on no real name. The other round trips of
    ``repair_mojibake`` are only tried on a name that matches nothing (``nearby``)."""
    if text.isascii() or not re.search(_LATIN_SIGNATURE, text):
        return text
    raw = _single_bytes(text)
    if raw is None:
        return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


MOJIBAKE_LATIN = "mojibake (UTF-8 read as Latin-1/cp1252)"
MOJIBAKE_LOSSY = "mojibake (UTF-8 read as cp1252, some bytes lost)"
MOJIBAKE_GBK = "mojibake (UTF-8 read as GBK)"
MOJIBAKE_GBK_LATIN = "mojibake (GBK read as Latin-1)"

# A UTF-8 lead byte read as Latin-1/cp1252 (Ã, Ã¥, â, ç …) followed by a continuation byte read
# the same way (0x80-0xBF: cp1252's €‚ƒ„…†‡ˆ‰Š‹ŒŽ''""•–—˜™š›œžŸ and Latin-1's ¡-¿ and C1).
_LATIN_SIGNATURE = r"[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"


def repair_mojibake(text: str) -> tuple[str, str] | None:
    """(the text as it was written, what was undone) when it reads as another encoding's bytes
    decoded wrongly, else None. Three round trips, each strict (every byte must decode):
    UTF-8 bytes read as Latin-1/cp1252 ('ç\x81«å¸\x81' -> '火币', 'KuCoinâ„¢' -> 'KuCoin™'),
    UTF-8 bytes read as GBK ('姣旂壒澶ч檰' -> '比特大陆'), and GBK bytes read as Latin-1
    ('»ð±Ò' -> '火币'). Where the first fails because the five bytes cp1252 leaves undefined
    were dropped ('â€œBinanceâ€'), and two signatures at least show it, the text is decoded
    with what is left (``MOJIBAKE_LOSSY``).
    A round trip is tried only on text with its signature: Latin-1 letters that pair as a UTF-8
    lead and continuation byte; Chinese characters mostly (GBK: its other letters, such as
    Cyrillic, stand for a byte pair too); Latin-1 letters only, in pairs that decode to Chinese
    characters (GBK read as Latin-1)."""
    if text.isascii():
        return None
    signatures = len(re.findall(_LATIN_SIGNATURE, text))
    raw = _single_bytes(text) if signatures else None
    if raw is not None:
        try:
            return raw.decode("utf-8"), MOJIBAKE_LATIN
        except UnicodeDecodeError:
            pass
    plain = "".join(text.split())
    if plain and 2 * sum("\u3400" <= ch <= "\u9fff" for ch in plain) >= len(plain):
        try:
            repaired = text.encode("gbk").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None
        return (repaired, MOJIBAKE_GBK) if repaired != text and _chinese(repaired) else None
    if plain and all("\u00a1" <= ch <= "\u00fe" or ch.isascii() for ch in plain):
        try:
            repaired = text.encode("latin-1").decode("gbk")
            if _chinese(repaired):
                return repaired, MOJIBAKE_GBK_LATIN
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    if raw is not None and signatures >= 2:  # bytes cp1252 leaves undefined were dropped
        lossy = raw.decode("utf-8", errors="replace").replace("\ufffd", " ")
        return " ".join(lossy.split()), MOJIBAKE_LOSSY
    return None


def _single_bytes(text: str) -> bytes | None:
    """The bytes that cp1252 (or Latin-1, for the five bytes cp1252 leaves undefined) shows as
    this text; None when a character is neither."""
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x100:
            out.append(ord(ch))
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def _chinese(text: str) -> bool:
    """Only Chinese characters, ASCII and spaces, and two Chinese characters at least."""
    cjk = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    return len(cjk) >= 2 and all(ch.isascii() or "\u3400" <= ch <= "\u9fff" for ch in text)


_SPELLED = {"dot": ".", "at": "@"}


def spelled_domain(words: list[str]) -> str | None:
    """'gate dot io' -> 'gate.io', 'support at huobi dot com' -> 'support@huobi.com': a host
    spelled out in words, or None when the words are not one."""
    if "dot" not in words or words[0] in _SPELLED or words[-1] in _SPELLED:
        return None
    if any(a in _SPELLED and b in _SPELLED for a, b in itertools.pairwise(words)):
        return None
    text = "".join(_SPELLED.get(w, w) for w in words)
    return text if re.fullmatch(r"(?:[a-z0-9-]+@)?[a-z0-9-]+(?:\.[a-z0-9-]+)+", text) else None


_QP_RUN = re.compile(r"(?:=[89A-Fa-f][0-9A-Fa-f]){2,}")
_BASE64 = re.compile(r"^\s*([A-Za-z0-9+/]{6,}={1,2})\s*$")


def _quoted_printable(text: str) -> str:
    """Bare quoted-printable, as a mail export leaves it ('=E7=81=AB=E5=B8=81' -> '火币'): each
    run of two escaped bytes or more of UTF-8's upper half, decoded when it is UTF-8; a run
    that is not stays as it is."""
    if "=" not in text or not _QP_RUN.search(text):
        return text

    def one(found: re.Match[str]) -> str:
        raw = bytes.fromhex(found[0].replace("=", ""))
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return found[0]

    return _QP_RUN.sub(one, text)


def _base64(text: str) -> str:
    """A cell that is one base64 string with its padding ('SHVvYmk=' -> 'Huobi'), decoded
    when it is UTF-8 text of letters (printable, with no control characters); else as it is."""
    found = _BASE64.match(text) if text.endswith("=") or text.rstrip().endswith("=") else None
    if found is None or len(found[1]) % 4:
        return text
    import base64
    import binascii

    try:
        plain = base64.b64decode(found[1], validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return text
    if not plain.isprintable() or not any(ch.isalpha() for ch in plain):
        return text
    return plain


_STEPS = (
    (EMV_QR, _emv),
    (OTPAUTH, _otpauth),
    (MOJIBAKE_LATIN, _mojibake),
    (FORMULA, _formula),
    (MIME, _mime),
    (QUOTED_PRINTABLE, _quoted_printable),
    (BASE64, _base64),
    (TAGS, _tags),
    (REFERENCES, _references),
    (ESCAPES, _escapes),
    (PERCENT, _percent),
    (PUNYCODE, _punycode),
)


__all__ = ["decode", "has_punycode", "repair_mojibake", "spelled_domain"]
