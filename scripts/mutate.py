#!/usr/bin/env python3
"""Mutation testing: apply each mutant of scripts/mutants.py to a copy, run its tests, restore.

    .venv/bin/python scripts/mutate.py                  # every group, one worker per CPU
    .venv/bin/python scripts/mutate.py status dates     # some groups
    .venv/bin/python scripts/mutate.py --jobs 8 --list  # --list: print the mutants only

How: the repository (src, data, tests, pyproject) is copied once per worker into a temporary
directory, and the tests run with that copy's src first on the path (PYTHONPATH), from the same
virtual environment, so the in-process tests and the installed `exitcheck` console script both
import the mutated copy; the checkout itself is never touched. Each mutant replaces one snippet
(which must occur exactly once), runs the group's tests with `pytest -x` (stop at the first
failure), and restores the file. A mutant is *killed* when a test fails (or the run times out).
Mutants marked equivalent are listed with the reason and left out of the rate.

Prints one line per mutant and a table per group; exits 1 when a group kills under 90%.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from mutants import MUTANTS, Mutant  # noqa: E402

GOAL = 0.90
TIMEOUT = 180

# The tests each group runs, fastest and most specific first (pytest -x stops at the first kill).
TESTS = {
    "matching": ["tests/test_matching_rules.py", "tests/test_pinned_data.py", "tests/test_matching.py", "tests/test_paths_agree.py",
                 "tests/test_properties.py", "tests/test_screen.py", "tests/test_golden.py",
                 "tests/test_cli.py"],
    "layouts": ["tests/test_layouts.py", "tests/test_matching.py"],
    "roles7": ["tests/test_matching_party_field.py", "tests/test_matching_roles.py", "tests/test_matching_labelled.py",
               "tests/test_matching_context.py", "tests/test_matching.py"],
    "sole": ["tests/test_matching_sole.py", "tests/test_beside.py", "tests/test_matching_common_words.py", "tests/test_matching.py"],
    "rules6": ["tests/test_matching_fields.py", "tests/test_beside.py", "tests/test_translations.py",
               "tests/test_matching_masked.py", "tests/test_matching.py"],
    "status": ["tests/test_sources_say.py", "tests/test_status_rules.py", "tests/test_facts.py", "tests/test_registry_format.py", "tests/test_golden.py",
               "tests/test_cli.py"],
    "dates": ["tests/test_clocks.py", "tests/test_sources_say.py", "tests/test_status_rules.py", "tests/test_cli_edges.py", "tests/test_facts.py", "tests/test_registry_format.py", "tests/test_cli.py",
              "tests/test_golden.py", "tests/test_integrity.py", "tests/test_dates.py"],
    "screening": ["tests/test_gate.py", "tests/test_screen_input.py", "tests/test_screen_stream.py", "tests/test_screen_jobs.py", "tests/test_hostile_input.py", "tests/test_screen.py", "tests/test_cli_edges.py", "tests/test_paths_agree.py",
                  "tests/test_golden.py", "tests/test_cli.py"],
    "cache": ["tests/test_cache.py", "tests/test_hostile_cache.py", "tests/test_pack.py", "tests/test_paths_agree.py", "tests/test_matching_rules.py", "tests/test_matching.py",
              "tests/test_pinned_data.py", "tests/test_golden.py"],
    "render": ["tests/test_render_edges.py", "tests/test_hostile_output.py", "tests/test_spreadsheet.py", "tests/test_terminal.py", "tests/test_i18n.py", "tests/test_golden.py", "tests/test_integrity.py",
               "tests/test_cli.py", "tests/test_views.py", "tests/test_i18n_pinned.py",
               "tests/test_entry_point.py", "tests/test_screen.py", "tests/test_text_wrap.py"],
    "data": ["tests/test_pinned_data.py", "tests/test_matching_rules.py", "tests/test_facts.py", "tests/test_evidence.py", "tests/test_status_rules.py",
             "tests/test_i18n_pinned.py", "tests/test_matching.py", "tests/test_golden.py"],
}  # fmt: skip
ORDER = [
    "status",
    "dates",
    "screening",
    "cache",
    "render",
    "data",
    "matching",
    "layouts",
    "rules6",
    "sole",
    "roles7",
]


def make_copy(base: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="exitcheck-mutant-", dir=base))
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", ".pytest_cache")
    for part in ("src", "data", "docs", "tests", "scripts", "tools"):
        shutil.copytree(REPO / part, target / part, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, target / name)
    return target


def problem(m: Mutant) -> str | None:
    """Why a mutant cannot be applied (its snippet is missing or not unique), else None."""
    text = (REPO / m.file).read_text(encoding="utf-8")
    count = text.count(m.find)
    return None if count == 1 else f"snippet occurs {count} times in {m.file}: {m.find[:70]!r}"


def run_one(m: Mutant, copy: Path) -> tuple[str, float, str]:
    path = copy / m.file
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(m.find, m.replace, 1), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(copy / "src"), PYTHONDONTWRITEBYTECODE="1")
    env.pop("EXITCHECK_REGISTRY", None)
    env.setdefault("EXITCHECK_SOURCES", str(REPO.parent / "shared" / "sources"))
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS[m.group]],
            cwd=copy, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
        lines = [ln for ln in done.stdout.splitlines() if ln.startswith(("FAILED", "ERROR"))]
        outcome = "survived" if done.returncode == 0 else "killed"
        detail = (
            lines[0]
            if lines
            else done.stdout.strip().splitlines()[-1:][0]
            if done.stdout.strip()
            else ""
        )
        if done.returncode not in (0, 1):  # an error collecting or importing also kills it
            detail = f"exit {done.returncode}: {detail}"
    except subprocess.TimeoutExpired:
        outcome, detail = "killed", "timeout"
    finally:
        path.write_text(original, encoding="utf-8")
    return outcome, time.perf_counter() - started, detail


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "groups", nargs="*", help=f"groups to run (default: all): {', '.join(ORDER)}"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    args = parser.parse_args(argv)
    groups = args.groups or ORDER
    unknown = set(groups) - set(ORDER)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    chosen = [m for g in groups for m in MUTANTS if m.group == g]
    problems = [p for p in map(problem, chosen) if p]
    if problems:  # the code moved on: update scripts/mutants.py first
        raise SystemExit("stale mutants:\n" + "\n".join(problems))
    if args.list:
        for i, m in enumerate(chosen, 1):
            print(
                f"{i:3} {m.group:9} {m.file}: {m.find.strip()[:60]!r} -> {m.replace.strip()[:40]!r}"
            )
        return 0

    todo = [m for m in chosen if m.equivalent is None]
    results: dict[Mutant, tuple[str, float, str]] = {}
    work: queue.Queue[Mutant] = queue.Queue()
    for m in todo:
        work.put(m)
    lock = threading.Lock()
    with tempfile.TemporaryDirectory(prefix="exitcheck-mutate-") as base:

        def worker() -> None:
            copy = make_copy(Path(base))
            while True:
                try:
                    m = work.get_nowait()
                except queue.Empty:
                    return
                result = run_one(m, copy)
                with lock:
                    results[m] = result
                    outcome, seconds, detail = result
                    print(
                        f"{outcome:8} {seconds:5.1f}s {m.group:9} {m.file}: {m.find.strip()[:50]!r}  {detail[:90]}",
                        flush=True,
                    )

        threads = [threading.Thread(target=worker) for _ in range(max(1, args.jobs))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    print()
    print("| group | mutants | equivalent | killed | survived | kill rate |")
    print("| --- | --- | --- | --- | --- | --- |")
    below = []
    by_group: dict[str, list[Mutant]] = defaultdict(list)
    for m in chosen:
        by_group[m.group].append(m)
    for g in groups:
        ms = by_group[g]
        eq = [m for m in ms if m.equivalent]
        killed = [m for m in ms if m in results and results[m][0] == "killed"]
        survived = [m for m in ms if m in results and results[m][0] == "survived"]
        counted = len(killed) + len(survived)
        rate = len(killed) / counted if counted else 1.0
        if rate < GOAL:
            below.append(g)
        print(f"| {g} | {len(ms)} | {len(eq)} | {len(killed)} | {len(survived)} | {rate:.0%} |")
    survivors = [m for m in chosen if m in results and results[m][0] == "survived"]
    if survivors:
        print("\nSurvived:")
        for m in survivors:
            print(f"- {m.group}: {m.file}: {m.find.strip()[:70]!r} -> {m.replace.strip()[:50]!r}")
    equivalents = [m for m in chosen if m.equivalent]
    if equivalents:
        print("\nEquivalent (not counted):")
        for m in equivalents:
            print(
                f"- {m.group}: {m.file}: {m.find.strip()[:60]!r} -> {m.replace.strip()[:40]!r}: {m.equivalent}"
            )
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
