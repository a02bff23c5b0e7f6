"""Undo the encodings that exports and systems wrap around a name, before it is matched.

A counterparty name arrives as a spreadsheet formula (``=HYPERLINK("https://huobi.com","Huobi")``,
``="Huobi"``), inside HTML (``<b>Huobi</b>``, ``Hu&#111;bi``, ``&amp;``), percent-encoded
(``Binance%20Exchange``), with JSON-style ``\\u`` escapes (``\\u706b\\u5e01``) or as a MIME
encoded-word (``=?UTF-8?B?54Gr5biB?=``). ``decode`` returns the plain text and the names of
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
    if _MARKS.isdisjoint(text):
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


def _tags(text: str) -> str:
    if "<" not in text:
        return text
    stripped = _patterns()["tag"].sub(" ", text)
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


_STEPS = (
    (FORMULA, _formula),
    (MIME, _mime),
    (TAGS, _tags),
    (REFERENCES, _references),
    (ESCAPES, _escapes),
    (PERCENT, _percent),
)

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


__all__ = ["decode", "spelled_domain"]
