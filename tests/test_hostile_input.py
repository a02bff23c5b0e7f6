"""Inputs that used to crash, hang or exhaust memory: each is refused plainly or works (issue 13)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from .conftest import entry_point
from .registries import ACME, MINIMAL_HEADER

POSIX = os.name == "posix"


def run_cli(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("capture_output", True)
    return subprocess.run(
        entry_point() + args, text=True, timeout=60, check=False, **kwargs
    )  # fmt: skip


def plain_error(stderr: str) -> str:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf"])
def test_threshold_must_be_a_finite_number(cli, value: str) -> None:
    result = cli("screen", "-", "--threshold", value, "--json", input="huobi\n")
    assert result.exit_code == 2
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    if result.stdout:
        assert "error" in json.loads(result.stdout)


def test_unwritable_summary_fails_before_any_row(cli, tmp_path: Path) -> None:
    for target in (tmp_path / "missing" / "s.json", tmp_path):
        result = cli("screen", "-", "--summary", str(target), "--json", input="huobi\nokex\n")
        assert result.exit_code == 2
        lines = result.stdout.splitlines()
        assert len(lines) == 1 and "error" in json.loads(lines[0]), lines  # no row was written


def test_summary_is_written(cli, tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    assert cli("screen", "-", "--summary", str(target), input="huobi\n").exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["rows"] == 1


@pytest.mark.skipif(not POSIX, reason="FIFOs")
def test_a_fifo_without_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "registry.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = run_cli(["--only", "--registry", str(fifo), "status", "huobi"])
    assert done.returncode == 2 and time.monotonic() - started < 20
    assert "file is empty" in plain_error(done.stderr)


@pytest.mark.skipif(not POSIX, reason="FIFOs")
def test_a_fifo_with_a_writer_is_read_once(tmp_path: Path, shipped: Path) -> None:
    fifo = tmp_path / "registry.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [*entry_point(), "--only", "--registry", str(fifo), "status", "huobi", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def feed() -> None:
        with open(fifo, "wb") as out:  # blocks until the reader has opened it
            out.write(shipped.read_bytes())

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    out, err = proc.communicate(timeout=60)
    if proc.returncode == 2 and "file is empty" in err:  # the reader opened before the writer
        with open(fifo, "wb", buffering=0) as _:  # release the writer thread
            pass
        pytest.skip("the reader was faster than the writer (a FIFO without a writer is empty)")
    assert proc.returncode == 0, err
    assert json.loads(out)["entity"]["id"] == "huobi"


@pytest.mark.skipif(not POSIX, reason="/dev")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    done = run_cli(["--only", "--registry", device, "status", "huobi"])
    assert done.returncode == 2
    line = plain_error(done.stderr)
    assert "is a device" in line or "file is empty" in line


@pytest.mark.skipif(not POSIX, reason="/dev/stdin")
def test_dev_stdin_as_registry_works_every_time(shipped: Path) -> None:
    text = shipped.read_text(encoding="utf-8")
    for _ in range(2):
        done = run_cli(
            ["--only", "--registry", "/dev/stdin", "status", "huobi", "--json"], input=text
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["entity"]["id"] == "huobi"


def test_registry_over_the_limit_from_a_pipe_is_refused(monkeypatch, tmp_path: Path) -> None:
    from exitcheck.registry import safe_read as rawread

    fifo = tmp_path / "f"
    if not POSIX:
        pytest.skip("FIFOs")
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as out:
            out.write(b"x" * 5000)

    threading.Thread(target=feed, daemon=True).start()
    time.sleep(0.1)
    try:
        rawread.read_limited(fifo, 1000)
    except rawread.ReadProblem as exc:
        assert "limit" in str(exc) or "empty" in str(exc)
    else:
        pytest.fail("read beyond the limit")


@pytest.mark.parametrize(
    "line",
    [
        "[" + ".".join(f"t{i}" for i in range(50_000)) + "]\nx = 1",
        "a" + ".a" * 50_000 + " = 1",
        'x = { "k"' + ' . "k"' * 50_000 + " = 1 }",
        "[[" + ".".join("t" for _ in range(30_000)) + "]]",
    ],
    ids=["table-header", "dotted-key", "inline-table", "array-header"],
)
def test_dotted_keys_with_many_parts_fail_fast(cli, write_registry, line: str) -> None:
    path = write_registry("\n" + line + "\n")
    started = time.monotonic()
    result = cli("--only", "--registry", str(path), "list")
    assert time.monotonic() - started < 5
    assert result.exit_code == 2
    message = plain_error(result.stderr)
    assert "more than 64 parts" in message and f":{MINIMAL_HEADER.count(chr(10)) + 2}:" in message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("announced = 2021-09-25", "announced = 0001-01-01"),
        ("effective = 2021-10-23", "effective = 9999-12-01"),
        ("effective = 2021-10-23", "effective = 9999-12-31T23:59:59+14:00"),
        ("effective = 2021-10-23", "effective = 0001-01-01T00:00:00-12:00"),
        ("announced = 2021-09-25", 'announced = "0001-01"'),
        ("effective = 2021-10-23", 'effective = "9999"'),
    ],
)
def test_extreme_dates_are_validation_errors(cli, write_registry, old: str, new: str) -> None:
    path = write_registry(ACME.replace(old, new))
    for args in (["validate"], ["status", "acme"], ["list"], ["timeline"], ["info"]):
        result = cli("--only", "--registry", str(path), *args)
        assert result.exit_code == 2, (args, result.stdout)
        assert "outside the years 1900-2200" in (result.stderr + result.stdout)
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("option", ["--as-of", "--after", "--before"])
def test_extreme_date_options_are_usage_errors(cli, option: str) -> None:
    for value in ("0001-01-01", "9999-12-31"):
        command = "list" if option != "--as-of" else "status"
        args = [command, "huobi"] if command == "status" else [command]
        result = cli(*args, option, value)
        assert result.exit_code == 2 and "outside the years" in result.stderr


@pytest.mark.skipif(not POSIX, reason="shell redirections")
@pytest.mark.parametrize(
    "redirect", [">&-", "> /dev/full"], ids=["closed-stdout", "full-disk"]
)  # fmt: skip
@pytest.mark.parametrize(
    "args", ["status huobi", "list --json", "screen - --format csv"], ids=["status", "list", "screen"]
)  # fmt: skip
def test_write_errors_are_one_plain_line(redirect: str, args: str) -> None:
    if redirect.endswith("/dev/full") and not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    command = " ".join(entry_point()) + f" {args} {redirect}"
    # A preloaded library (CI's moved clock, libfaketime) opens a file at start-up that takes
    # the lowest free descriptor, a closed stdout's 1: this test is about descriptors, not time.
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "FAKETIME")}
    done = subprocess.run(
        ["sh", "-c", command],
        input="huobi\n" * 2000,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 4, done.stderr
    line = plain_error(done.stderr)
    assert line.startswith("exitcheck: cannot write the output")


def test_a_registry_with_a_utf8_bom_is_accepted(cli, tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + (MINIMAL_HEADER + ACME).encode("utf-8")
    path = tmp_path / "bom.toml"
    path.write_bytes(raw)
    assert cli("--only", "--registry", str(path), "validate").exit_code == 0
    result = cli("--only", "--registry", str(path), "info", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["registries"][0]["sha256"] == hashlib.sha256(raw).hexdigest()
    assert cli("--only", "--registry", str(path), "status", "acme").exit_code == 0


@pytest.mark.skipif(not POSIX, reason="FIFOs")
def test_summary_to_a_fifo_without_reader_fails_at_once(cli, tmp_path: Path) -> None:
    fifo = tmp_path / "summary.fifo"
    os.mkfifo(fifo)
    result = cli("screen", "-", "--summary", str(fifo), input="huobi\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert "cannot write summary" in result.stderr


def test_a_failed_run_leaves_no_empty_summary_behind(cli, tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    result = cli(
        "--only",
        "--registry",
        str(tmp_path / "missing.toml"),
        "screen",
        "-",
        "--summary",
        str(target),
        input="x\n",
    )
    assert result.exit_code == 2 and not target.exists()
