"""Shared fixtures: the CLI runner, the installed entry point, and registries built in tmp_path."""

from __future__ import annotations

import json
import os
import shutil
import sys
import sysconfig
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from exitcheck.cli import app_for
from exitcheck.store.loading import shipped_registry

from .registries import MINIMAL_HEADER

REPO = Path(__file__).resolve().parents[1]

# The clock is an input. Every test runs at one documented moment, EXITCHECK_NOW (a day means
# its 00:00 in Beijing, UTC+8): the day the golden files were made. The real clock is read only
# by the tests that remove it (test_clocks.py: the installed command, no override, answers in
# Beijing's calendar day), and CI runs the whole suite again under a moved system clock and a
# far time zone, so a test or a code path that reads the real day fails there.
PINNED_NOW = "2026-11-26"
os.environ["EXITCHECK_NOW"] = PINNED_NOW
SOURCES = Path(os.environ.get("EXITCHECK_SOURCES", REPO.parent / "shared" / "sources"))

# Hypothesis profiles. "default" keeps the suite fast; "ci" (HYPOTHESIS_PROFILE=ci, set by
# .ci/run) tries more examples, prints the reproduction blob of a failure, and fixes one seed
# for the run that it prints in the header, so a failure is re-run with --hypothesis-seed=N.
# Property tests that set no max_examples of their own follow the profile.
settings.register_profile(
    "default",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "ci",
    max_examples=600,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """Under the ci profile, run with one seed for the whole run, chosen here unless given."""
    if settings.get_current_profile_name() != "ci":
        return
    from hypothesis import core

    if core.global_force_seed is None:
        import random

        # one seed for the controller and every xdist worker (they inherit the environment)
        seed = os.environ.setdefault("EXITCHECK_HYPOTHESIS_SEED", str(random.randrange(2**32)))
        core.global_force_seed = int(seed)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """In CI, a distributed test that skips (no dask, pyspark or Java) fails: .ci/run installs
    what they need, so a skip there means they did not run."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and item.get_closest_marker("distributed") and _in_ci():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where the distributed tests must run: {reason}"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def pytest_report_header(config: pytest.Config) -> str:
    from hypothesis import core

    seed = core.global_force_seed
    line = f"hypothesis profile {settings.get_current_profile_name()!r}"
    if seed is not None:
        line += f", seed {seed} (re-run with --hypothesis-seed={seed})"
    return line


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.delenv("EXITCHECK_REGISTRY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)  # colour only where a test asks for it
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # English views unless a test asks for Chinese
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def cli() -> Callable[..., Any]:
    """Invoke the real Typer app (as the console script builds it) in-process; returns click's Result (stdout, stderr, exit_code)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
        return runner.invoke(app_for(list(args)), list(args), input=input, env=env)

    return invoke


@pytest.fixture
def cli_json(cli: Callable[..., Any]) -> Callable[..., tuple[int, Any]]:
    def invoke(*args: str) -> tuple[int, Any]:
        result = cli(*args)
        return result.exit_code, json.loads(result.stdout)

    return invoke


def entry_point() -> list[str]:
    """The installed console script beside this interpreter (or on PATH)."""
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (scripts / "exitcheck", Path(sys.executable).parent / "exitcheck"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("exitcheck")
    if found:
        return [found]
    pytest.fail("the exitcheck console script is not installed; run the README's test command")


@pytest.fixture
def write_registry(tmp_path: Path) -> Callable[..., Path]:
    """Write a registry file in tmp_path: the minimal header plus the given TOML body."""
    counter = iter(range(1000))

    def write(body: str, *, header: str = MINIMAL_HEADER, name: str | None = None) -> Path:
        path = tmp_path / (name or f"registry{next(counter)}.toml")
        path.write_text(header + textwrap.dedent(body), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def shipped() -> Path:
    return shipped_registry()
