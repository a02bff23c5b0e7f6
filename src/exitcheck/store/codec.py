"""Records to plain data and back, by field name, driven by the record classes themselves.

``to_plain(record)`` gives a dict of JSON- and marshal-able values (str, int, bool, None,
lists, dicts): dates as ISO text, nested records as dicts, tuples as lists. A field whose
value is its default is left out, so the data stays small and a field added to a record later
reads back from older data as its default. ``from_plain(cls, data)`` is the inverse.

Both read each class's field list and annotations (written once, in model.py) on first use
and keep a per-class plan, so decoding an entity is a loop over its fields with no look-ups
by type. An annotation the codec cannot read (say ``dict[str, int]``) raises TypeError on
first use, not a wrong value later.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import partial
from typing import Any, TypeVar

from exitcheck.dates import PartialDate, parse_moment
from exitcheck.records import Record

R = TypeVar("R", bound=Record)
Convert = Callable[[Any], Any]
# Per class: the defaults (_ABSENT for a required field), field -> (position, converter or
# None), and the positions of the required fields.
Decoder = tuple[tuple[Any, ...], dict[str, tuple[int, Convert | None]], tuple[int, ...]]

_ABSENT = object()  # a field left out of the data
_PLAIN = frozenset({"str", "int", "bool", "float", "None"})
_DATES = frozenset({"date", "datetime", "Day", "Moment", "PartialDate"})
_ENCODERS: dict[type, tuple[tuple[str, int, Any, Convert | None], ...]] = {}
_DECODERS: dict[type, Decoder] = {}
_CONVERTERS: dict[tuple[str, str, bool], Convert | None] = {}  # (annotation, module, encode)


def to_plain(record: Record) -> dict[str, Any]:
    """The record as a dict by field name, leaving out the fields at their default."""
    plan = _ENCODERS.get(type(record)) or _encoder(type(record))
    out: dict[str, Any] = {}
    for name, index, default, convert in plan:
        value = record[index]
        if value is default or (
            default is not _ABSENT and type(value) is type(default) and value == default
        ):
            continue
        out[name] = value if convert is None or value is None else convert(value)
    return out


def from_plain(cls: type[R], data: Mapping[str, Any]) -> R:
    """The record of class ``cls`` that ``to_plain`` gave ``data`` for."""
    start, index, required = _DECODERS.get(cls) or _decoder(cls)
    values = list(start)
    try:
        for key, value in data.items():
            at, convert = index[key]
            values[at] = value if convert is None or value is None else convert(value)
    except KeyError:
        raise ValueError(
            f"{cls.__name__} has no field {next(iter(set(data) - set(index)))!r}"
        ) from None
    for at in required:
        if values[at] is _ABSENT:
            raise ValueError(f"{cls.__name__}: missing field '{cls._fields[at]}'")
    return tuple.__new__(cls, values)


# --------------------------------------------------------------------------------------------
# Plans, made once per class from its annotations


def _fields(cls: type[Record]) -> list[tuple[str, Any, str]]:
    """(name, default or _ABSENT, annotation text) for each field of a record class."""
    hints = cls.__annotations__
    return [
        (name, cls._field_defaults.get(name, _ABSENT), str(hints[name])) for name in cls._fields
    ]


def _encoder(cls: type[Record]) -> tuple[tuple[str, int, Any, Convert | None], ...]:
    plan = tuple(
        (name, index, default, _converter(text, cls, encode=True))
        for index, (name, default, text) in enumerate(_fields(cls))
    )
    _ENCODERS[cls] = plan
    return plan


def _decoder(cls: type[Record]) -> Decoder:
    fields = _fields(cls)
    plan = (
        tuple(default for _, default, _ in fields),
        {
            name: (i, _converter(text, cls, encode=False))
            for i, (name, _, text) in enumerate(fields)
        },
        tuple(i for i, (_, default, _) in enumerate(fields) if default is _ABSENT),
    )
    _DECODERS[cls] = plan
    return plan


def _converter(text: str, owner: type, *, encode: bool) -> Convert | None:
    """The conversion one annotation needs (None: the value is plain as it is); ``None`` in a
    union needs none, as values are converted only when they are not None."""
    known = (text, owner.__module__, encode)
    if known not in _CONVERTERS:
        _CONVERTERS[known] = _new_converter(text, owner, encode=encode)
    return _CONVERTERS[known]


def _new_converter(text: str, owner: type, *, encode: bool) -> Convert | None:
    kinds = [k for k in _split(text) if k != "None"]
    if len(kinds) != 1:
        raise TypeError(f"{owner.__name__}: the codec cannot read the annotation '{text}'")
    kind = kinds[0]
    if kind.startswith("tuple[") and kind.endswith(", ...]"):
        inner = _converter(kind[len("tuple[") : -len(", ...]")], owner, encode=encode)
        if inner is None:
            return list if encode else tuple
        if encode:
            return lambda values: [inner(v) for v in values]
        return lambda values: tuple([inner(v) for v in values])
    if kind in _PLAIN:
        return None
    if kind in _DATES:
        return _iso if encode else _parse_date(kind)
    record = vars(sys.modules[owner.__module__]).get(kind)
    if isinstance(record, type) and issubclass(record, Record):
        if encode:
            return to_plain
        return partial(from_plain, record)
    raise TypeError(f"{owner.__name__}: the codec cannot read the annotation '{text}'")


def _split(text: str) -> list[str]:
    """The members of a union annotation, split at '|' outside brackets."""
    if "[" not in text:
        return [part.strip() for part in text.split("|")]
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += (char == "[") - (char == "]")
        if char == "|" and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def _iso(value: date | PartialDate) -> str:
    return value.isoformat()


def _parse_date(kind: str) -> Convert:
    if kind == "date":
        return date.fromisoformat
    if kind == "datetime":
        return datetime.fromisoformat
    return parse_moment  # a day, a date-time with offset, or a partial date
