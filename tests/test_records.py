"""records.Record behaves as typing.NamedTuple does, field for field."""

from __future__ import annotations

import pickle
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exitcheck.records import Record


class Point(Record):
    """A record with required fields, defaults and behaviour of its own."""

    x: int
    y: int
    label: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, by: int) -> Point:
        return self._replace(x=self.x + by)


class PointNT(NamedTuple):
    x: int
    y: int
    label: str | None = None
    tags: tuple[str, ...] = ()


values = st.tuples(
    st.integers(), st.integers(), st.none() | st.text(), st.lists(st.text()).map(tuple)
)


def test_fields_defaults_and_access() -> None:
    p = Point(1, 2)
    assert Point._fields == PointNT._fields == ("x", "y", "label", "tags")
    assert Point._field_defaults == PointNT._field_defaults == {"label": None, "tags": ()}
    assert (p.x, p.y, p.label, p.tags) == (1, 2, None, ())
    assert p.norm == 3 and p.moved(2) == Point(3, 2)
    assert Point.__match_args__ == PointNT.__match_args__


def test_keywords_mix_with_positions() -> None:
    assert Point(1, y=2, tags=("a",)) == (1, 2, None, ("a",))
    assert Point(y=2, x=1, label="l") == PointNT(y=2, x=1, label="l")
    assert Point(1, 2, "l", ("t",)) == (1, 2, "l", ("t",))


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "missing required argument: 'x'"),
        ((1,), {}, "missing required argument: 'y'"),
        ((1, 2, None, (), 5), {}, "takes 4 positional arguments but 5 were given"),
        ((1,), {"x": 2, "y": 3}, "multiple values for argument 'x'"),
        ((1, 2), {"z": 3}, "unexpected keyword argument 'z'"),
    ],
)
def test_wrong_arguments_raise_type_error(
    args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        Point(*args, **kwargs)


def test_replace_asdict_make() -> None:
    p = Point(1, 2, "a")
    assert p._replace(label="b", y=5) == Point(1, 5, "b")
    assert type(p._replace()) is Point and p._replace() == p
    with pytest.raises(ValueError, match="unexpected field names"):
        p._replace(z=1)
    assert p._asdict() == PointNT(1, 2, "a")._asdict()
    assert Point._make([1, 2, None, ()]) == Point(1, 2)
    with pytest.raises(TypeError):
        Point._make([1])


def test_immutable_and_no_instance_dict() -> None:
    p = Point(1, 2)
    with pytest.raises(AttributeError):
        p.x = 5
    with pytest.raises(AttributeError):
        p.other = 5


@given(values)
def test_same_as_named_tuple(v: tuple[int, int, str | None, tuple[str, ...]]) -> None:
    p, q = Point(*v), PointNT(*v)
    assert p == q == v and hash(p) == hash(q) == hash(v)
    assert repr(p) == repr(q).replace("PointNT(", "Point(", 1)
    assert p._asdict() == q._asdict()
    assert pickle.loads(pickle.dumps(p)) == p
    assert type(pickle.loads(pickle.dumps(p))) is Point
    assert Point(**q._asdict()) == p


def test_repr_like_named_tuple() -> None:
    assert repr(Point(1, 2, "a")) == "Point(x=1, y=2, label='a', tags=())"


def test_a_record_cannot_be_badly_declared() -> None:
    with pytest.raises(TypeError, match="without a default follows"):

        class Bad(Record):
            a: int = 1
            b: int

    with pytest.raises(TypeError, match="cannot add fields"):

        class More(Point):
            z: int

    with pytest.raises(TypeError, match="cannot start with '_'"):

        class Hidden(Record):
            _a: int


def test_a_subclass_may_add_behaviour_only() -> None:
    class Named(Point):
        def name(self) -> str:
            return f"{self.x},{self.y}"

    assert Named(1, 2).name() == "1,2" and Named._fields == Point._fields
