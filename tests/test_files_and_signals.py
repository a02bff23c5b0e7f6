"""Files written whole or not at all, special files written in place, outputs that would
overwrite the input refused, signals that clean up, no traceback at start-up, and machine
formats in UTF-8 whatever the locale."""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exitcheck.cli import output

from .conftest import entry_point

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and devices")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# ------------------------------------------------------------------------ whole or not at all


def test_a_full_disk_while_writing_the_summary_exits_4_and_tears_nothing(
    cli, tmp_path: Path, monkeypatch
) -> None:
    summary = tmp_path / "summary.json"
    summary.write_text('{"old": true}\n', encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", full)  # the summary's temporary file cannot be saved
    result = cli("screen", "-", "--summary", str(summary), input="Huobi\n")
    assert result.exit_code == 4, result.stderr
    assert "No space left on device" in result.stderr
    assert summary.read_text(encoding="utf-8") == '{"old": true}\n'
    assert leftovers(tmp_path) == []


@POSIX
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_summary_to_dev_full_exits_4() -> None:
    done = subprocess.run(
        [*entry_point(), "screen", "-", "--summary", "/dev/full"],
        input="Huobi\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr and "No space left" in done.stderr


def test_the_summary_is_replaced_whole(cli, tmp_path: Path) -> None:
    summary = tmp_path / "summary.json"
    summary.write_text("x" * 10_000, encoding="utf-8")  # longer than the new one
    assert cli("screen", "-", "--summary", str(summary), input="Huobi\n").exit_code == 0
    assert json.loads(summary.read_text(encoding="utf-8"))["match"] == 1
    assert leftovers(tmp_path) == []


# -------------------------------------------------------------------------------- special files


@POSIX
@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_output_to_dev_stdout_appends_to_the_log(tmp_path: Path, target: str) -> None:
    if not os.path.exists(target):
        pytest.skip(f"no {target}")
    log = tmp_path / "log"
    log.write_text("earlier line\n", encoding="utf-8")
    command = f"{entry_point()[0]} screen - --json -o {target} >> {log}"
    done = subprocess.run(
        ["sh", "-c", command], input="Huobi\n", capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier line"
    assert json.loads(lines[1])["entity_id"] == "huobi" and len(lines) == 2
    assert leftovers(tmp_path) == []


@POSIX
def test_a_summary_to_dev_stderr_is_written_through_it() -> None:
    done = subprocess.run(
        [*entry_point(), "screen", "-", "--summary", "/dev/stderr", "--json"],
        input="Huobi\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert '"match": 1' in done.stderr and json.loads(done.stdout)["entity_id"] == "huobi"


@POSIX
def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    done = subprocess.run(
        [*entry_point(), "screen", "-", "--json", "-o", str(fifo)],
        input="Huobi\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    out, _ = reader.communicate(timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(out)["entity_id"] == "huobi"
    assert fifo.exists() and leftovers(tmp_path) == []


def test_descriptor_paths() -> None:
    assert output.descriptor(Path("/dev/stdout")) == 1
    assert output.descriptor(Path("/dev/fd/7")) == 7
    assert output.descriptor(Path(f"/proc/{os.getpid()}/fd/3")) == 3
    assert output.descriptor(Path("/proc/self/fd/x")) is None
    assert output.descriptor(Path("/tmp/stdout")) is None


# --------------------------------------------------------------------- never over the input


@pytest.mark.parametrize("option", ["-o", "--summary"])
def test_an_output_naming_the_input_is_refused(cli, tmp_path: Path, option: str) -> None:
    clients = tmp_path / "clients.txt"
    clients.write_text("Huobi\nOKEx\n", encoding="utf-8")
    result = cli("screen", str(clients), option, str(clients))
    assert result.exit_code == 2
    assert "is the input file" in result.stderr
    assert clients.read_text(encoding="utf-8") == "Huobi\nOKEx\n"
    link = tmp_path / "link.txt"
    link.symlink_to(clients)
    again = cli("screen", str(clients), option, str(link))
    assert again.exit_code == 2 and clients.read_text(encoding="utf-8") == "Huobi\nOKEx\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("exists", [True, False])
def test_output_and_summary_on_one_path_are_refused(cli, tmp_path: Path, exists: bool) -> None:
    same = tmp_path / "out.json"
    if exists:
        same.write_text("old\n", encoding="utf-8")
    other = tmp_path / "." / "out.json"
    result = cli("screen", "-", "-o", str(same), "--summary", str(other), input="Huobi\n")
    assert result.exit_code == 2
    assert "name the same file" in result.stderr
    assert same.exists() == exists and (not exists or same.read_text() == "old\n")
    fine = cli("screen", "-", "-o", str(same), "--summary", str(tmp_path / "s"), input="Huobi\n")
    assert fine.exit_code == 0


# --------------------------------------------------------------------------------- signals


def _screening(tmp_path: Path, target: Path) -> subprocess.Popen[bytes]:
    """A screen writing to ``target`` from a pipe that stays open, once its .part exists."""
    proc = subprocess.Popen(
        [*entry_point(), "screen", "-", "-f", "csv", "-o", str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    proc.stdin.write(b"huobi\n" * 100)
    proc.stdin.flush()
    deadline = time.monotonic() + 30
    while not leftovers(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers(tmp_path), "the temporary file should exist while screening"
    time.sleep(0.3)
    return proc


@POSIX
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_clean_up_like_ctrl_c(tmp_path: Path, signum: int, code: int) -> None:
    target = tmp_path / "screened.csv"
    proc = _screening(tmp_path, target)
    proc.send_signal(signum)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == code, err
    assert b"Traceback" not in err
    assert not target.exists()
    assert leftovers(tmp_path) == []


PACKAGE = str(Path(output.__file__).resolve().parents[1])  # src/exitcheck (or site-packages)


@POSIX
@pytest.mark.parametrize("delay", [0.0, 0.005, 0.02, 0.05, 0.08, 0.12, 0.2, 0.4])
@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
)
def test_a_signal_at_any_moment_of_start_up_prints_no_traceback(
    delay: float, signum: int, code: int
) -> None:
    """From the first line of exitcheck's entry point on, a signal ends the program quietly
    with its code. Before it, Python is still starting (the interpreter, site, the installer's
    wrapper importing ``re``): a SIGINT there is Python's own KeyboardInterrupt, outside
    exitcheck's reach (tens of milliseconds, more on a loaded machine). Without exitcheck's
    handlers, a signal during its imports (typer, rich: ~100 ms) shows a traceback through
    its modules, which this test catches."""
    proc = subprocess.Popen(
        [*entry_point(), "status", "huobi", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(delay)
    proc.send_signal(signum)
    _out, raw = proc.communicate(timeout=60)
    err = raw.decode(errors="replace")
    if "Traceback" in err:  # Python's own start-up, before exitcheck's handlers are set
        assert signum == signal.SIGINT and "KeyboardInterrupt" in err, err
        frames = re.findall(r'File "([^"]+)", line \d+, in (\S+)', err)
        ours = [(f, where) for f, where in frames if f.startswith(PACKAGE)]
        # at most the package's first lines: its __init__ (a dict of names) or __main__'s
        # own imports, before the handlers; never a frame inside a function of exitcheck's
        assert all(where == "<module>" for _, where in ours), err
        assert all(f.endswith(("__init__.py", "__main__.py")) for f, _ in ours), err
        return
    assert PACKAGE not in err, err  # never a traceback through exitcheck's code
    assert err == "", err
    # killed before Python set its handlers (-signum), stopped with its code, or already done
    assert proc.returncode in (-signum, code, 0), proc.returncode


# -------------------------------------------------------------------------- UTF-8 for programs


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}]
)
@pytest.mark.parametrize(
    "args",
    [
        ["screen", "-", "--json"],
        ["screen", "-", "--format", "csv"],
        ["screen", "-", "--format=ndjson"],
        ["status", "huobi", "--json"],
    ],
)
def test_machine_formats_are_utf8_whatever_the_locale(env, args) -> None:
    full = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG")}
    full.update(env)
    done = subprocess.run(
        [*entry_point(), *args], input="火币\n币安\n".encode(), capture_output=True, env=full
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")  # strict: raises on anything but UTF-8
    assert "火币" in text
    if "--json" in args and args[0] == "status":
        assert json.loads(text)["entity"]["name_zh"] == "火币"
    elif "csv" not in args:
        assert [json.loads(line)["entity_name_zh"] for line in text.splitlines()] == [
            "火币",
            "币安",
        ]


def test_the_table_still_follows_the_locale() -> None:
    full = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [*entry_point(), "screen", "-"], input="火币\n".encode(), capture_output=True, env=full
    )
    assert done.returncode == 0 and done.stdout.isascii()  # escaped for the terminal
