"""The Python API behaves as the command line does, checks its arguments before the first
record, answers every name (never a raw TypeError mid-stream), and a registry whose files
changed since it was loaded raises a clear error in a worker instead of hanging a pool."""

from __future__ import annotations

import json
import math
import multiprocessing
import pickle
from pathlib import Path
from typing import Any

import pytest

import exitcheck

ALPHA = '[[entities]]\nid = "alpha"\nname = "Alphaquant Exchange"\nkind = "exchange"\n'


@pytest.fixture(scope="module")
def registry() -> exitcheck.Registry:
    return exitcheck.load()


@pytest.mark.parametrize("names", ["huobi", b"huobi", bytearray(b"huobi"), 5, None])
def test_screen_refuses_a_single_name_before_yielding(registry, names: Any) -> None:
    with pytest.raises(TypeError, match="names: an iterable of names"):
        exitcheck.screen(registry, names)  # raised by the call itself, not by next()


@pytest.mark.parametrize("threshold", [math.nan, math.inf, -math.inf, -5, 100.5])
def test_screen_refuses_a_threshold_out_of_range(registry, threshold: float) -> None:
    with pytest.raises(exitcheck.UsageError, match="threshold must be a number from 0 to 100"):
        exitcheck.screen(registry, ["huobi"], threshold=threshold)


@pytest.mark.parametrize("threshold", ["75", True, [75]])
def test_screen_refuses_a_threshold_that_is_no_number(registry, threshold: Any) -> None:
    with pytest.raises(TypeError, match="threshold"):
        exitcheck.screen(registry, ["huobi"], threshold=threshold)


def test_a_threshold_in_range_is_used(registry) -> None:
    [loose] = exitcheck.screen(registry, ["houbi"], threshold=0)
    [strict] = exitcheck.screen(registry, ["houbi"], threshold=100)
    assert (loose["threshold"], strict["threshold"]) == (0.0, 100.0)
    assert loose["decision"] == "match" and strict["decision"] != "match"


def test_a_name_that_is_not_a_string_is_an_unreadable_row(registry) -> None:
    names: list[Any] = [None, float("nan"), "Huobi", 7, "Bad\ufffd", "", "a\x00b", "OKEx"]
    records = list(exitcheck.screen(registry, names, start=3))
    assert [(r["row"], r["decision"]) for r in records] == [
        (3, "unreadable"),
        (4, "unreadable"),
        (5, "match"),
        (6, "unreadable"),
        (7, "unreadable"),
        (8, "empty"),
        (9, "unreadable"),
        (10, "match"),
    ]
    assert records[0]["reason"] == "not a string (NoneType)" and records[0]["input"] == ""
    assert records[1]["reason"] == "not a string (float)"
    assert records[3]["reason"] == "not a string (int)"
    assert "U+FFFD" in records[4]["reason"] and records[6]["reason"] == "holds a NUL character"


def test_a_pandas_like_column_is_screened_lazily(registry) -> None:
    def column() -> Any:
        yield "Huobi"
        yield float("nan")
        raise AssertionError("read no further than asked")

    records = exitcheck.screen(registry, column())
    assert next(records)["entity_id"] == "huobi"
    assert next(records)["decision"] == "unreadable"


def test_load_adds_to_the_shipped_registry_as_the_cli_does(write_registry, cli) -> None:
    path = write_registry(ALPHA)
    added = exitcheck.load(path)
    assert len(added.files) == 2 and Path(added.files[-1].path) == path
    assert exitcheck.lookup(added, "Alphaquant Exchange").entity.id == "alpha"
    assert exitcheck.lookup(added, "Huobi").entity.id == "huobi"
    assert exitcheck.load([path]).files == added.files
    cli_record = cli("--registry", str(path), "status", "huobi", "--json", "--as-of", "2022-01-02")
    assert exitcheck.lookup(added, "huobi", "2022-01-02").record == json.loads(cli_record.stdout)
    alone = exitcheck.load(path, only=True)
    assert len(alone.files) == 1
    assert exitcheck.lookup(alone, "Huobi").decision == "none"


@pytest.mark.parametrize("paths", [[], ()])
def test_an_empty_list_of_registries_is_an_error(paths: Any) -> None:
    with pytest.raises(exitcheck.UsageError, match="list of registry paths is empty"):
        exitcheck.load(paths)
    with pytest.raises(exitcheck.UsageError):
        exitcheck.load(paths, only=True)


def lookup_alpha(registry: exitcheck.Registry) -> str:
    """A worker's task (module level, so that a spawned process can import it)."""
    return exitcheck.lookup(registry, "Alphaquant Exchange").decision


def test_a_changed_registry_raises_in_a_pool_instead_of_hanging(write_registry) -> None:
    path = write_registry(ALPHA)
    registry = exitcheck.load(path, only=True)
    data = pickle.dumps(registry)
    path.write_text(path.read_text(encoding="utf-8") + 'notes = "edited"\n', encoding="utf-8")
    with pytest.raises(exitcheck.RegistryChanged, match="changed since the registry was loaded"):
        lookup_alpha(pickle.loads(data))
    spawn = multiprocessing.get_context("spawn")  # nothing inherited: the registry is pickled
    with spawn.Pool(1) as pool:
        pending = pool.map_async(lookup_alpha, [registry, registry])
        with pytest.raises(exitcheck.RegistryChanged, match=str(path.name)):
            pending.get(timeout=120)  # before: the worker died unpickling, and map waited


def test_a_registry_that_cannot_be_loaded_again_raises_too(write_registry) -> None:
    path = write_registry(ALPHA)
    data = pickle.dumps(exitcheck.load(path, only=True))
    path.unlink()
    stale = pickle.loads(data)
    with pytest.raises(exitcheck.RegistryChanged, match="cannot be loaded again"):
        exitcheck.screen(stale, ["x"])
    with pytest.raises(exitcheck.RegistryChanged):
        exitcheck.api.info(stale)
