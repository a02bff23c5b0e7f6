"""The Python API: same answers as the CLI, cheap to import, and usable from worker pools."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import exitcheck
from exitcheck.store import loading as reg
from tests.evalsets import queries

EVAL = Path(__file__).parent / "data" / "match_eval.tsv"
DAY = date(2021, 10, 1)  # a day on which statuses differ (closing, exited, restricting ...)


def _queries() -> list[str]:
    """The evaluation set's queries, with their '\\u' escapes as the characters they stand for;
    a query holding a line break is left out (screen reads one name per line)."""
    return queries(EVAL, one_line=True)


QUERIES = _queries()


@pytest.fixture(scope="module")
def registry() -> exitcheck.Registry:
    return exitcheck.load()


def test_import_is_cheap_and_lazy() -> None:
    """`import exitcheck` loads no submodule and no dependency; attributes load on first use."""
    code = (
        "import sys, exitcheck\n"
        "before = sorted(m for m in sys.modules if m.startswith(('exitcheck.', 'typer', 'rich', 'sqlite3', 'rapidfuzz')))\n"
        "exitcheck.lookup\n"
        "print(before, 'exitcheck.api' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[] True"


def test_public_names_documented_and_unknown_ones_refused() -> None:
    for name in exitcheck.__all__:
        assert getattr(exitcheck, name) is not None
        assert name in dir(exitcheck)
    assert exitcheck.load.__doc__ and exitcheck.lookup.__doc__ and exitcheck.screen.__doc__
    with pytest.raises(AttributeError):
        exitcheck.nothing_here  # noqa: B018
    assert (Path(exitcheck.__file__).parent / "py.typed").is_file()


def test_lookup_answers(registry: exitcheck.Registry) -> None:
    answer = exitcheck.lookup(registry, "火幣", as_of=date(2022, 1, 2))
    assert answer.matched and answer.entity is not None and answer.entity.id == "huobi"
    assert answer.status is not None and answer.status.status == "exited"
    assert answer.match.method == "exact_alias"  # 火幣 is listed as an alias
    assert answer.provenance["as_of"] == "2022-01-02"
    assert answer.provenance["registries"][0]["sha256"] == registry.files[0].sha256
    missing = exitcheck.lookup(registry, "coinbase", as_of=DAY)
    assert not missing.matched and missing.entity is None and missing.status is None
    assert missing.record["entity"] is None and missing.record["match"]["decision"] == "none"
    with pytest.raises(exitcheck.UsageError):
        exitcheck.lookup(registry, " !! ")


def test_lookup_equals_cli_status_on_the_evaluation_set(registry, cli) -> None:
    for query in QUERIES:
        answer = exitcheck.lookup(registry, query, as_of=DAY)
        result = cli("status", "--as-of", DAY.isoformat(), "--json", "--", query)
        assert result.exit_code == (0 if answer.matched else 1), query
        assert json.loads(result.stdout) == answer.record, query


def test_screen_equals_cli_screen_on_the_evaluation_set(registry, cli) -> None:
    records = list(exitcheck.screen(registry, QUERIES, as_of=DAY))
    result = cli("screen", "-", "--as-of", DAY.isoformat(), "--json", input="\n".join(QUERIES))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == records
    assert [r["row"] for r in records] == list(range(1, len(QUERIES) + 1))


def test_screen_answers_every_name_even_empty_ones(registry) -> None:
    records = list(exitcheck.screen(registry, ["huobi", "", "x" * 500], as_of=DAY, start=10))
    assert [(r["row"], r["decision"]) for r in records] == [
        (10, "match"),
        (11, "empty"),
        (12, "unreadable"),  # over 200 characters: not matched, so never a silent none
    ]


def test_registry_and_answers_pickle(registry) -> None:
    assert len(pickle.dumps(registry)) < 1000, "paths and fingerprints, not the entities"
    again = pickle.loads(pickle.dumps(registry))
    assert again.files == registry.files
    assert pickle.loads(pickle.dumps(registry)) is again, "loaded once per process"
    answer = exitcheck.lookup(registry, "bione", as_of=DAY)
    assert pickle.loads(pickle.dumps(answer)) == answer


def test_a_pickled_registry_refuses_files_changed_since(write_registry) -> None:
    body = '[[entities]]\nid = "alpha"\nname = "Alpha"\nkind = "exchange"\n'
    path = write_registry(body)
    data = pickle.dumps(exitcheck.load(path))
    path.write_text(path.read_text(encoding="utf-8") + 'notes = "changed"\n', encoding="utf-8")
    stale = pickle.loads(data)  # unpickling never raises: in a pool it would kill the worker
    with pytest.raises(exitcheck.RegistryChanged, match="changed since the registry was loaded"):
        exitcheck.lookup(stale, "alpha")
    with pytest.raises(exitcheck.RegistryChanged):
        exitcheck.screen(stale, ["alpha"])


def test_a_hand_built_registry_does_not_pickle() -> None:
    built = exitcheck.Registry((), (), (), lambda _id: None, lambda: iter(()))
    with pytest.raises(TypeError, match=r"exitcheck\.load"):
        pickle.dumps(built)


def screen_chunk(
    registry: exitcheck.Registry, names: list[str], start: int
) -> list[dict[str, Any]]:
    """What a worker does with one partition (module level, so a process pool can import it)."""
    return list(exitcheck.screen(registry, names, as_of=DAY, start=start))


def test_screening_across_a_process_pool_gives_the_in_process_answers(registry) -> None:
    expected = screen_chunk(registry, QUERIES, 1)
    chunks = [(QUERIES[i : i + 40], i + 1) for i in range(0, len(QUERIES), 40)]
    spawn = multiprocessing.get_context("spawn")  # nothing inherited: the registry is pickled
    with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
        parts = pool.map(screen_chunk, [registry] * len(chunks), *zip(*chunks, strict=True))
        got = [record for part in parts for record in part]
    assert got == expected


def test_threads_share_one_registry_object(registry) -> None:
    """SQLite connections belong to their thread: other threads get their own copy, same answers."""
    expected = [exitcheck.lookup(registry, q, as_of=DAY).record for q in QUERIES[:30]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(
            pool.map(lambda q: exitcheck.lookup(registry, q, as_of=DAY).record, QUERIES[:30])
        )
    assert got == expected


def test_load_takes_one_path_or_several(shipped: Path) -> None:
    one = exitcheck.load(shipped)
    several = exitcheck.load([str(shipped)])
    assert one.files == several.files
    assert reg.reopen(*one.origin, tuple(f.sha256 for f in one.files)).files == one.files  # type: ignore[misc]


def test_the_documented_example_prints_what_it_says(capsys: pytest.CaptureFixture[str]) -> None:
    doc = Path(__file__).resolve().parents[1] / "docs" / "python-api.md"
    section = doc.read_text(encoding="utf-8")
    code = section[
        section.index("```python\n") + 10 : section.index("```", section.index("```python\n") + 10)
    ]
    exec(compile(code, "docs/python-api.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    promised = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    assert printed[0].startswith("huobi exited ") and printed[1:] == promised[1:]


def test_lookup_and_screen_take_both_clocks(cli) -> None:
    days = Path(__file__).parent / "data" / "huobi_days.toml"  # the seed's Huobi days alone
    registry = exitcheck.load([days], only=True)
    day = date(2021, 9, 25)
    answer = exitcheck.lookup(registry, "huobi", day, known_on=day)
    assert answer.known_on == day and answer.status.status == "restricting"
    assert answer.record["known_on"] == "2021-09-25"
    assert answer.record["other_view"]["status"] == "restricted"
    cli_record = json.loads(
        cli(
            "--registry",
            str(days),
            "--only",
            "status",
            "huobi",
            "--known-on",
            "2021-09-25",
            "--json",
        ).stdout
    )
    assert answer.record == cli_record
    [row] = exitcheck.screen(registry, ["huobi"], day, known_on=day)
    assert (row["status"], row["known_on"]) == ("restricting", "2021-09-25")
