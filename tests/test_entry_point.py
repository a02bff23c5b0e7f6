"""Real subprocesses of the installed console script: packaging, pipes, locales, terminals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import entry_point


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("EXITCHECK_REGISTRY", "NO_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [*entry_point(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=cwd,
        input=input,
        timeout=60,
    )


def test_status_huobi_from_any_directory(tmp_path: Path) -> None:
    done = run("status", "huobi", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["entity"]["name_zh"] == "火币"
    assert data["provenance"]["registries"][0]["name"] == "exitcheck-core"


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "exitcheck", "status", "火币"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Huobi (火币)")


def test_no_confident_match_exit_1() -> None:
    done = run("status", "coinbase")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "closest candidates" in done.stderr


def test_piped_output_is_plain_text() -> None:
    done = run("list")
    assert done.returncode == 0
    assert "\x1b[" not in done.stdout
    assert done.stdout.splitlines()[0].startswith("DATE")


def test_reader_going_away_is_quiet() -> None:
    cmd = f"{entry_point()[0]} list --format ndjson | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", cmd],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stderr == ""
    assert json.loads(done.stdout)["id"]


def test_c_locale_and_narrow_terminal() -> None:
    for env in ({"LANG": "C", "LC_ALL": "C"}, {"COLUMNS": "40"}, {"PYTHONIOENCODING": "ascii"}):
        done = run("status", "火币", env=env)
        assert done.returncode == 0, (env, done.stderr)
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_ascii_stdout_escapes_instead_of_crashing() -> None:
    done = run("status", "huobi", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0
    assert "\\u706b\\u5e01" in done.stdout  # 火币, escaped rather than an encoding error


def test_styled_output_in_a_terminal_and_no_color() -> None:
    script = "import pty, sys; pty.spawn(sys.argv[1:])"
    cmd = [sys.executable, "-c", script, *entry_point(), "status", "huobi"]
    tty = subprocess.run(
        cmd, capture_output=True, timeout=60, env={**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    )
    assert b"\x1b[" in tty.stdout
    plain = subprocess.run(
        cmd, capture_output=True, timeout=60, env={**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    )
    assert b"\x1b[" not in plain.stdout


def test_the_collector_is_off_for_the_imports_only() -> None:
    """The entry point imports the command line with the cyclic collector off, then freezes
    what it made and turns the collector on for the command (screen over a large file).
    Importing the module, as the workers of screen --jobs do, leaves the collector on."""
    code = """
import gc, sys, types
import exitcheck.__main__ as entry
print(gc.isenabled())
cli = types.ModuleType("exitcheck.cli")
def command():
    print(gc.isenabled(), gc.get_freeze_count() > 0)
    sys.exit(0)
def attribute(name):
    if name != "main":
        raise AttributeError(name)
    print(gc.isenabled())  # while `from exitcheck.cli import main` runs
    return command
cli.__getattr__ = attribute
sys.modules["exitcheck.cli"] = cli
entry.main()
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "False", "True", "True"]


def test_the_collector_is_on_again_when_the_import_fails() -> None:
    """An import that raises (a broken install) leaves the collector on for whoever called
    ``main`` in the same process."""
    code = """
import gc, sys, types
import exitcheck.__main__ as entry
cli = types.ModuleType("exitcheck.cli")
def attribute(name):
    raise ImportError("broken")
cli.__getattr__ = attribute
sys.modules["exitcheck.cli"] = cli
try:
    entry.main()
except ImportError:
    pass
print(gc.isenabled())
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True"]
