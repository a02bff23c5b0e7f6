"""Record classes: immutable tuples with named fields, cheap to create on every call.

``class Measure(Record)`` reads like ``typing.NamedTuple`` and behaves like one (a tuple:
equality, hashing, ordering and pickling as tuples; ``_fields``, ``_field_defaults``,
``_replace``, ``_asdict``, ``_make`` and the same ``repr``), but creating the class costs a
fraction of a NamedTuple's, which builds its ``__new__`` from source text with ``eval``; a CLI
pays that for every record class on every call. Here each field is the
descriptor ``collections.namedtuple`` itself uses (``_collections._tuplegetter``, else
``property(operator.itemgetter(i))``) and one shared ``__new__`` binds arguments, with fast
paths when the fields are given by position.

Fields are the class's own annotations, in order, read as text (modules that define records
use ``from __future__ import annotations``); a class-level value is the field's default. The
type checker sees ``typing.NamedTuple`` itself, so it types every record exactly as one.
Records may define methods and properties; they cannot add fields to another record.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar

__all__ = ["Record"]

_new_tuple = tuple.__new__


if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    try:  # the C descriptor collections.namedtuple uses: a field reads as fast as a NamedTuple's
        from _collections import _tuplegetter as _getter
    except ImportError:  # another Python implementation: the same, in Python

        def _getter(index, doc):
            return property(itemgetter(index), doc=doc)

    class _RecordType(type):
        """Gives every record class ``__slots__ = ()``: no per-instance dict, as NamedTuple."""

        def __new__(mcls, name, bases, namespace, **kwargs):
            namespace.setdefault("__slots__", ())
            return super().__new__(mcls, name, bases, namespace, **kwargs)

    class Record(tuple, metaclass=_RecordType):
        """Base of the record classes (see the module docstring)."""

        _fields: ClassVar[tuple[str, ...]] = ()
        _field_defaults: ClassVar[dict[str, Any]] = {}
        _size: ClassVar[int] = 0
        _index: ClassVar[dict[str, int]] = {}  # field name -> position
        _slots: ClassVar[tuple[Any, ...]] = ()  # per field, its default (None if required)
        _required: ClassVar[int] = 0  # the fields without a default come first

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            names = tuple(cls.__annotations__)  # its own only (Python 3.10+), as text
            if not names:
                return  # a subclass of a record that adds only behaviour
            if cls.__bases__ != (Record,):
                raise TypeError(f"{cls.__name__}: a record cannot add fields to another record")
            defaults: dict[str, Any] = {}
            for index, name in enumerate(names):
                if name.startswith("_"):
                    raise TypeError(f"{cls.__name__}: field names cannot start with '_': {name}")
                if name in cls.__dict__:
                    defaults[name] = cls.__dict__[name]
                elif defaults:
                    raise TypeError(
                        f"{cls.__name__}: field '{name}' without a default follows"
                        f" field '{next(reversed(defaults))}' with one"
                    )
                setattr(cls, name, _getter(index, f"Field {index}: {name}"))
            cls._fields = names
            cls._field_defaults = defaults
            cls._size = len(names)
            cls._index = {name: index for index, name in enumerate(names)}
            cls._slots = tuple(defaults.get(name) for name in names)
            cls._required = len(names) - len(defaults)
            cls.__match_args__ = names

        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            given = len(args)
            if not kwargs:
                if given == cls._size:  # the fast path: every field by position
                    return _new_tuple(cls, args)
                if cls._required <= given < cls._size:  # the rest at their defaults
                    return _new_tuple(cls, args + cls._slots[given:])
            if given > cls._size:
                raise TypeError(
                    f"{cls.__name__}() takes {cls._size} positional arguments but {given} were given"
                )
            values = [*args, *cls._slots[given:]]
            index = cls._index
            for key, value in kwargs.items():
                at = index.get(key, -1)
                if at < given:
                    problem = "an unexpected keyword" if at < 0 else "multiple values for"
                    raise TypeError(f"{cls.__name__}() got {problem} argument '{key}'")
                values[at] = value
            for name in cls._fields[given : cls._required]:
                if name not in kwargs:
                    raise TypeError(f"{cls.__name__}() missing required argument: '{name}'")
            return _new_tuple(cls, values)

        @classmethod
        def _make(cls, iterable: Any) -> Any:
            values = tuple(iterable)
            if len(values) != cls._size:
                raise TypeError(f"Expected {cls._size} arguments, got {len(values)}")
            return _new_tuple(cls, values)

        def _replace(self, **changes: Any) -> Any:
            values = list(self)
            index = self._index
            for key, value in changes.items():
                at = index.get(key)
                if at is None:
                    raise ValueError(f"Got unexpected field names: {[key]!r}")
                values[at] = value
            return _new_tuple(type(self), values)

        def _asdict(self) -> dict[str, Any]:
            return dict(zip(self._fields, self, strict=True))

        def __repr__(self) -> str:
            inner = ", ".join(f"{f}={v!r}" for f, v in zip(self._fields, self, strict=True))
            return f"{type(self).__name__}({inner})"

        def __getnewargs__(self) -> tuple[Any, ...]:
            return tuple(self)
