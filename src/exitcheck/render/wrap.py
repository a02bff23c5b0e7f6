"""Text width, padding, cutting, columns and wrapping by display columns: a Chinese character
takes two."""

from __future__ import annotations

import itertools
import re
import textwrap
import unicodedata
from collections.abc import Iterator

DEFAULT_WIDTH = 80  # when there is no terminal to ask
MIN_WIDTH = 40  # narrower terminals get the answer laid out at this width: whole, never squeezed
MAX_WIDTH = 1000  # wider ones at this width: no screen is wider, and a line costs time per column


def fit_width(columns: int | None) -> int:
    """The width to lay an answer out in, for a terminal of ``columns`` (None: not known).
    The one rule every people-facing renderer applies to the width it is given."""
    if columns is None:
        return DEFAULT_WIDTH
    return min(MAX_WIDTH, max(MIN_WIDTH, columns))


def display_width(text: str) -> int:
    if text.isascii():  # no wide character: one column each
        return len(text)
    return len(text) + sum(1 for ch in text if ch >= _FIRST_WIDE and _wide(ch))


_NO_LINE_START = set("，。、；：？！）」』”’》】…")  # Chinese punctuation that never starts a line


_FIRST_WIDE = "\u1100"  # no assigned character before it takes two columns
_RUNS = re.compile(r"\s+|\S+")  # runs of spaces and of the rest (str.isspace's spaces)


def _wide(ch: str) -> bool:
    return ch >= _FIRST_WIDE and unicodedata.east_asian_width(ch) in "WF"


def _tokens(text: str) -> list[str]:
    """Runs of spaces, single wide (Chinese) characters, and runs of anything else: a line
    may break before or after a Chinese character, never inside 'word' or '‘Other'.
    ``_tokens_any`` says the same character by character; here only a run that holds a
    character from U+1100 on is looked at character by character."""
    if text.isascii():  # no wide character: runs of spaces and of the rest
        return ["".join(run) for _, run in itertools.groupby(text, str.isspace)]
    out: list[str] = []
    for run in _RUNS.findall(text):
        if max(run) < _FIRST_WIDE:
            out.append(run)
        else:
            out.extend(_tokens_any(run))
    return out


def _tokens_any(text: str) -> list[str]:
    """As _tokens; a Chinese date (2021年12月31日, 2021年10月) is one token: never broken."""
    if "年" in text:
        import re

        out: list[str] = []
        at = 0
        for found in re.finditer(r"\d{1,4}年\d{1,2}月(?:\d{1,2}日)?", text):
            out += [*_tokens_any(text[at : found.start()]), found[0]]
            at = found.end()
        return out + _tokens_any(text[at:]) if at else _chars(text)
    return _chars(text)


def _chars(text: str) -> list[str]:
    out: list[str] = []
    for ch in text:
        if out and not _wide(ch) and not _wide(out[-1][-1]) and ch.isspace() == out[-1].isspace():
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wrap_display(text: str, width: int, indent: str) -> list[str]:
    """Wrap by display columns (a Chinese character takes two): break between Chinese
    characters or at spaces, never inside a Latin word or number, never before closing
    punctuation. A word longer than the line stays whole (values are never cut)."""
    tokens = _tokens(text)
    lines: list[str] = []
    line, used = "", 0
    room = max(10, width - display_width(indent))
    for token in tokens:
        size = display_width(token)
        if token.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        if used + size > room and line and token[0] not in _NO_LINE_START:
            lines.append(indent + line.rstrip())
            line, used = "", 0
        elif used + size > room and line.endswith(" "):  # punctuation hangs: no space before it
            line = line.rstrip()
            used = display_width(line)
        line, used = line + token, used + size
    if line or not lines:
        lines.append(indent + line.rstrip())
    return lines


def line_spans(text: str, room: int) -> list[tuple[int, int]]:
    """Where ``text`` breaks into lines of at most ``room`` display columns, as (start, end)
    offsets (the spaces at a break belong to no line). Lines break at spaces and between
    Chinese characters, never before closing punctuation; a word ('huobi-2021-09-26-stop') is
    kept whole when it fits a line, and folded only when it is longer than a line. A styled
    text is cut at the same offsets (rich's ``Text`` slices keep their styles)."""
    room = max(1, room)
    spans: list[tuple[int, int]] = []
    start = end = None  # the current line: text[start:end], no space at its end
    used = 0
    at = 0
    gap = 0  # the display width of the spaces since the line's last word
    for token in _tokens(text):
        begin, at = at, at + len(token)
        if token.isspace():
            gap += display_width(token)
            continue
        size = display_width(token)
        if end is None:
            gap = 0
        if end is not None and start is not None and used + gap + size <= room:
            end, used, gap = at, used + gap + size, 0
            continue
        if end is not None and start is not None and token[0] in _NO_LINE_START:
            end, used, gap = at, used + gap + size, 0  # closing punctuation hangs on its line
            continue
        if start is not None and end is not None:
            spans.append((start, end))
        while size > room:  # a word longer than a line: folded, never cut
            cut = begin + 1
            while cut < at and display_width(text[begin : cut + 1]) <= room:
                cut += 1
            spans.append((begin, cut))
            begin = cut
            size = display_width(text[begin:at])
        start, end, used, gap = begin, at, size, 0
    if start is not None and end is not None:
        spans.append((start, end))
    return spans or [(0, 0)]


def wrap_words(text: str, width: int, indent: str) -> list[str]:
    """The lines of ``textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)``
    (``[indent]`` for none), several times faster for the text of an answer: words separated
    by single spaces, none longer than a line. Such a text is broken where textwrap breaks it
    (at spaces, and inside a word where textwrap's own pattern splits it: 'mining-equipment');
    any other text (other whitespace, runs of spaces, a long word) goes to textwrap itself."""
    room = width - len(indent)
    if not text.isprintable() or not text or text[0] == " " or text[-1] == " " or "  " in text:
        return _textwrap(text, width, indent)
    if len(text) <= room:
        return [indent + text]
    chunks: list[str] = []
    for word in text.split(" "):
        if len(word) > room:
            return _textwrap(text, width, indent)
        if "-" in word:  # split as textwrap splits it: its pattern only splits at hyphens
            chunks += [c for c in textwrap.TextWrapper.wordsep_re.split(word) if c]
        else:
            chunks.append(word)
        chunks.append(" ")
    chunks.pop()
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for chunk in chunks:
        if used + len(chunk) > room:  # full: no space at its end, none at the next one's start
            if line[-1] == " ":
                line.pop()
            lines.append(indent + "".join(line))
            line, used = [], 0
            if chunk == " ":
                continue
        line.append(chunk)
        used += len(chunk)
    lines.append(indent + "".join(line))
    return lines


def _textwrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent) or [indent]


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def clip(text: str, width: int) -> str:
    """Cut text to a display width, marking the cut with '…'."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def columns(rows: list[list[str]]) -> Iterator[str]:
    """Left-aligned columns separated by two spaces; the last column is not padded."""
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))] if rows else []
    for row in rows:
        cells = [pad(c, w) for c, w in zip(row[:-1], widths, strict=False)] + [row[-1]]
        yield "  ".join(cells).rstrip() + "\n"
