"""Names typed with the keyboard in the wrong layout: 'иштфтсу' is 'binance' typed on a
Russian layout, 'ㅗㅕㅐㅠㅑ' is 'huobi' typed in Korean 2-set mode, 'βυβιτ' is 'bybit' on a Greek
one. Each character is put back to the key that types it on a US QWERTY keyboard; what is
not a layout's letter (Latin letters, digits, spaces) stays as written, so a switch in the
middle of a word ('biтфтсу') reads whole.

A reading is only a reading: ``review.other_script`` takes one that names a registry entity
exactly as a lead for review, never as a match (an analyst must see what was typed).
"""

from __future__ import annotations

import functools
import re
import unicodedata

_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
# each layout's characters on the keys above, in order; a space where the key types no letter
_LAYOUTS = {
    "Russian": "йцукенгшщзхъфывапролджэячсмитьбюё",
    "Ukrainian": "йцукенгшщзхїфівапролджєячсмитьбюґ",
    "Greek": " ςερτυθιοπ  ασδφγηξκλ  ζχψωβνμ   ",
    "Hebrew": "  קראטוןםפ  שדגכעיחלךף זסבהנמצתץ ",
    "Arabic": "ضصثقفغعهخحجدشسيبلاتنمكطئءؤر ىةوز ",
}
# Korean 2-set (dubeolsik): each jamo's key; the doubled consonants and two vowels are shifted
_JAMO_KEYS = {
    "ㅂ": "q", "ㅈ": "w", "ㄷ": "e", "ㄱ": "r", "ㅅ": "t", "ㅛ": "y", "ㅕ": "u", "ㅑ": "i",
    "ㅐ": "o", "ㅔ": "p", "ㅁ": "a", "ㄴ": "s", "ㅇ": "d", "ㄹ": "f", "ㅎ": "g", "ㅗ": "h",
    "ㅓ": "j", "ㅏ": "k", "ㅣ": "l", "ㅋ": "z", "ㅌ": "x", "ㅊ": "c", "ㅍ": "v", "ㅠ": "b",
    "ㅜ": "n", "ㅡ": "m", "ㅃ": "q", "ㅉ": "w", "ㄸ": "e", "ㄲ": "r", "ㅆ": "t", "ㅒ": "o",
    "ㅖ": "p", "ㅘ": "hk", "ㅙ": "ho", "ㅚ": "hl", "ㅝ": "nj", "ㅞ": "np", "ㅟ": "nl",
    "ㅢ": "ml", "ㄳ": "rt", "ㄵ": "sw", "ㄶ": "sg", "ㄺ": "fr", "ㄻ": "fa", "ㄼ": "fq",
    "ㄽ": "ft", "ㄾ": "fx", "ㄿ": "fv", "ㅀ": "fg", "ㅄ": "qt",
}  # fmt: skip
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_KOREAN = "Korean 2-set"


@functools.cache
def _tables() -> dict[str, dict[int, str]]:
    tables = {
        layout: {ord(ch): key for ch, key in zip(chars, _KEYS, strict=True) if ch != " "}
        for layout, chars in _LAYOUTS.items()
    }
    tables["Arabic"][ord("ﻻ")] = "b"  # lam-alef, the one key that types two letters
    return tables


def _hangul_keys(text: str) -> str:
    """Hangul as the keys typed in 2-set mode: syllables are split into their jamo first."""
    out = []
    for ch in text:
        at = ord(ch) - 0xAC00
        if 0 <= at < 11172:
            jamo = _INITIALS[at // 588] + _VOWELS[at % 588 // 28] + _FINALS[at % 28].strip()
            out.append("".join(_JAMO_KEYS[j] for j in jamo))
        else:
            out.append(_JAMO_KEYS.get(ch, ch))
    return "".join(out)


def _switched(word: str) -> bool:
    """True for a word a layout may have typed: no Latin letter, or Latin letters and then
    (or after) a run of two or more of the layout's ('biтфтсу'); not one letter of another
    script among Latin ones, which is a look-alike ('Hotеl', 'Poοl')."""
    other = [not ch.isascii() for ch in word if ch.isalpha()]
    if not any(other) or all(other):
        return True
    runs = "".join("o" if flag else "l" for flag in other)
    return re.fullmatch(r"l+o{2,}|o{2,}l+", runs) is not None


def _unaccented(ch: str) -> str:
    """A Greek letter without its accent ('ύ' is typed with the key of 'υ'); other scripts'
    marked letters are keys of their own (й, ё, ؤ), so they stay as written."""
    if "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff":
        return unicodedata.normalize("NFD", ch)[0]
    return ch


def readings(text: str) -> list[tuple[str, str]]:
    """Each layout's reading of the text as (layout, keys typed), for the layouts whose letters
    it holds; the Arabic lam-alef pair is read as the one key that types it, too. A text with
    another script's letter among Latin ones ('Cobo Hotеl') is a look-alike: no reading."""
    lower = text.lower()
    if not all(_switched(word) for word in lower.split()):
        return []
    found: dict[str, str] = {}
    if any("\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e" for ch in lower):
        found[_hangul_keys(lower)] = _KOREAN  # before accents are split off: NFD splits hangul
    plain = "".join(map(_unaccented, lower))
    for layout, table in _tables().items():
        for form in (plain, plain.replace("لا", "ﻻ")) if layout == "Arabic" else (plain,):
            read = form.translate(table)
            if read != form:
                found.setdefault(read, layout)
    return [(layout, read) for read, layout in found.items() if read not in (plain, lower)]


__all__ = ["readings"]
