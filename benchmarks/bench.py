"""Benchmark exitcheck as a script sees it: whole processes, stdout piped, beside references.

    python3 benchmarks/bench.py            # everything (about 5 minutes on 2 cores)
    python3 benchmarks/bench.py --quick    # fewer runs, 10k-row screening, no 100k registry
    python3 benchmarks/bench.py --screen-only [--quick] [--rows 100000 1000000]

Sets up two virtual environments under benchmarks/out/: exitcheck installed from this checkout
(non-editable, as a user gets it) and the peer, norwegianblue at a pinned version. Every timed
command is a separate process; commands are interleaved round by round so that drift in the
machine's load falls on all of them alike. Prints Markdown tables (median, interquartile range,
ratios to the peer and to the floor, `python -c pass`) and writes them to benchmarks/out/.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
PEER = "norwegianblue==0.26.0"


def venv(name: str, *packages: str) -> Path:
    """A virtual environment under benchmarks/out with these packages; returns its bin dir."""
    path = OUT / f"venv-{name}"
    bindir = path / ("Scripts" if os.name == "nt" else "bin")
    if not bindir.exists():
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    subprocess.run(
        [
            str(bindir / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *packages,
        ],
        check=True,
    )
    return bindir


# A child's peak RSS as the kernel reports it counts the pages it shared with its parent at fork,
# so memory is measured through a small launcher process rather than from this (larger) one.
LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def peak_rss(argv: Sequence[str], env: dict[str, str], stdin: Path | None = None) -> int:
    """Peak RSS in KiB of one run of argv (stdout discarded)."""
    with open(stdin or os.devnull, "rb") as source:
        done = subprocess.run(
            [sys.executable, "-c", LAUNCHER, *argv],
            stdin=source,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    rss, code = done.stdout.split()
    assert code == "0", argv
    return int(rss)


def run_once(
    argv: Sequence[str], env: dict[str, str], stdin: Path | None = None
) -> tuple[float, int, int]:
    """(seconds, exit code, peak RSS in KiB) of one process with stdout piped and drained."""
    with open(stdin or os.devnull, "rb") as source:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=source, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
        assert proc.stdout is not None
        while proc.stdout.read(1 << 16):
            pass
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, proc.returncode, usage.ru_maxrss


def timed(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {label: [] for label in commands}
    for argv in commands.values():  # warm-up: caches, page cache, .pyc
        run_once(argv, env)
    for _ in range(runs):
        order = list(commands.items())
        random.shuffle(order)
        for label, argv in order:
            times[label].append(run_once(argv, env)[0])
    return times


def summary(samples: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(samples, n=4)
    return statistics.median(samples), q[0], q[2]


def ms(value: float) -> str:
    return f"{value * 1000:.1f}"


def startup(ex: Path, peer: Path, runs: int, env: dict[str, str]) -> str:
    commands = {
        "python -c pass (floor)": [str(ex / "python"), "-c", "pass"],
        "minimal two-command Typer app": [
            str(ex / "python"),
            str(ROOT / "benchmarks" / "minimal_typer.py"),
            "status",
            "huobi",
        ],
        "eol norwegianblue (peer)": [str(peer / "eol"), "norwegianblue"],
        "eol norwegianblue --json (peer)": [str(peer / "eol"), "norwegianblue", "--json"],
        "exitcheck status huobi": [str(ex / "exitcheck"), "status", "huobi"],
        "exitcheck status huobi --json": [str(ex / "exitcheck"), "status", "huobi", "--json"],
        "exitcheck list --json": [str(ex / "exitcheck"), "list", "--json"],
        "exitcheck status houbi (fuzzy)": [str(ex / "exitcheck"), "status", "houbi"],
        "exitcheck --no-cache status huobi": [
            str(ex / "exitcheck"),
            "--no-cache",
            "status",
            "huobi",
        ],
    }
    times = timed(commands, runs, env)
    medians = {label: summary(t)[0] for label, t in times.items()}
    peer_table, peer_json = (
        medians["eol norwegianblue (peer)"],
        medians["eol norwegianblue --json (peer)"],
    )
    floor = medians["python -c pass (floor)"]
    typer_floor = medians["minimal two-command Typer app"]
    lines = [
        "| command | median ms | IQR ms | × `eol norwegianblue` | × `eol norwegianblue --json` | × Typer app | × floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, samples in times.items():
        med, q1, q3 = summary(samples)
        lines.append(
            f"| `{label}` | {ms(med)} | {ms(q1)}–{ms(q3)} | {med / peer_table:.2f} | {med / peer_json:.2f} | {med / typer_floor:.2f} | {med / floor:.1f} |"
        )
    goal_table = medians["exitcheck status huobi"] / peer_table
    goal_json = medians["exitcheck status huobi --json"] / peer_json
    lines.append("")
    lines.append(
        f"Goals: `status huobi` ≤ 0.85× `eol norwegianblue`: **{goal_table:.2f}×**; `status huobi --json` ≤ 1.05× the minimal Typer app: **{medians['exitcheck status huobi --json'] / typer_floor:.2f}×** (and {goal_json:.2f}× `eol norwegianblue --json`; {runs} runs each)."
    )
    over = medians["exitcheck status huobi --json"] - typer_floor
    lines.append(
        f"`status huobi --json` takes {over * 1000:.1f} ms more than the minimal Typer app, the framework's floor."
    )
    return "\n".join(lines)


def scale(ex: Path, sizes: list[int], runs: int, env: dict[str, str]) -> str:
    lines = [
        "| entities | file MB | cold ms (parse, validate, build cache) | cold peak RSS MB | warm exact ms | warm fuzzy ms | warm peak RSS MB | cache MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        registry = OUT / f"registry-{size}.toml"
        if not registry.exists():
            with registry.open("w", encoding="utf-8") as f:
                subprocess.run(
                    [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(size)],
                    stdout=f,
                    check=True,
                )
        name, typo = known_name(registry)
        cache = OUT / f"cache-{size}"
        subprocess.run(["rm", "-rf", str(cache)], check=True)
        local = {**env, "XDG_CACHE_HOME": str(cache)}
        cold, code, cold_rss = run_once(
            [str(ex / "exitcheck"), "--only", "--registry", str(registry), "status", name], local
        )
        assert code == 0, f"cold run failed on {registry}"
        exact = [
            run_once(
                [str(ex / "exitcheck"), "--only", "--registry", str(registry), "status", name],
                local,
            )
            for _ in range(runs)
        ]
        fuzzy = [
            run_once(
                [str(ex / "exitcheck"), "--only", "--registry", str(registry), "status", typo],
                local,
            )
            for _ in range(runs)
        ]
        assert all(code == 0 for _, code, _ in exact + fuzzy), (
            f"warm runs failed on {registry} ({name!r}, {typo!r})"
        )
        cache_mb = sum(p.stat().st_size for p in cache.rglob("*.sqlite")) / 1e6
        warm_rss = (
            max(
                peak_rss(
                    [str(ex / "exitcheck"), "--only", "--registry", str(registry), "status", q],
                    local,
                )
                for q in (name, typo)
            )
            / 1024
        )
        lines.append(
            f"| {size:,} | {registry.stat().st_size / 1e6:.1f} | {ms(cold)} | {cold_rss / 1024:.0f} | "
            f"{ms(statistics.median(t for t, _, _ in exact))} | {ms(statistics.median(t for t, _, _ in fuzzy))} | {warm_rss:.0f} | {cache_mb:.0f} |"
        )
    return "\n".join(lines)


def known_name(registry: Path) -> tuple[str, str]:
    """A Latin name from the middle of a generated registry, and a one-letter typo of it."""
    names = [
        line.split('"')[1]
        for line in registry.read_text(encoding="utf-8").splitlines()
        if line.startswith('name="')
    ]
    name = next(n for n in names[len(names) // 2 :] if len(n) >= 8 and n.isascii() and " " not in n)
    return name, name[:3] + name[4] + name[3] + name[5:]  # swap two letters


def names_file(rows: int, registry: Path | None) -> Path:
    """Counterparty names: registry names, typos, Chinese names, unknown companies."""
    rng = random.Random(rows)
    pool = [
        "Huobi",
        "火币",
        "Binance Exchange",
        "houbi",
        "TokenPocket",
        "AEX安银",
        "kucoin",
        "Acme Trading Ltd",
        "coinbase",
        "星火矿池",
    ]
    if registry is not None:
        pool += [
            line.split('"')[1]
            for line in registry.read_text(encoding="utf-8").splitlines()[:20000]
            if line.startswith(("name=", "name_zh="))
        ]
    path = OUT / f"names-{rows}-{registry.stem if registry else 'shipped'}.txt"
    with path.open("w", encoding="utf-8") as f:
        for i in range(rows):
            name = rng.choice(pool)
            f.write((name if i % 3 else name + f" {i}") + "\n")  # a third are unseen names
    return path


def screening(ex: Path, rows: int, registry: Path | None, env: dict[str, str]) -> str:
    path = names_file(rows, registry)
    small = names_file(rows // 10, registry)
    args = (
        [str(ex / "exitcheck")]
        + (["--only", "--registry", str(registry)] if registry else [])
        + ["screen", "-", "--json"]
    )
    run_once(args, env, small)  # warm the cache
    rss_small = peak_rss(args, env, small)
    t, code, _ = run_once(args, env, path)
    assert code == 0
    rss = peak_rss(args, env, path)
    which = f"{registry.stem}" if registry else "shipped registry"
    return f"| {which} | {rows:,} | {t:.1f} | {rows / t:,.0f} | {rss / 1024:.0f} | {rss_small / 1024:.0f} ({rows // 10:,} rows) |"


# --------------------------------------------------------------------------------------------
# Screening side by side: the previous release, this checkout at --jobs 1 and 2, two floors

PREVIOUS = "1215c30"  # main before issue 25: the release screening is compared with

FLOOR_EXACT = """
import sys
from exitcheck import load
index = load().index
index.preload()
keys = {key for _, key in index.table.keys}  # every key of the shipped registry
out = sys.stdout.write
for line in sys.stdin:
    name = line.strip().casefold()
    out(f"{name in keys}\\n")
"""
FLOOR_RAPIDFUZZ = """
import sys
from rapidfuzz import fuzz, process
from exitcheck import load
index = load().index
index.preload()
keys = sorted({key for _, key in index.table.keys})
out = sys.stdout.write
for line in sys.stdin:
    out(f"{process.extractOne(line.strip().casefold(), keys, scorer=fuzz.ratio)}\\n")
"""


def previous_release(ref: str = PREVIOUS) -> Path:
    """A virtual environment with exitcheck as it was at ``ref`` (from `git archive`)."""
    source = OUT / f"src-{ref}"
    if not source.exists():
        source.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    return venv(f"previous-{ref}", str(source))


def first_line(argv: Sequence[str], env: dict[str, str], stdin: Path) -> float:
    """Seconds from the start of argv to its first line of output (then it is stopped)."""
    with open(stdin, "rb") as source:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=source, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
        assert proc.stdout is not None
        proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.terminate()
        proc.wait()
    return elapsed


def screening_side_by_side(
    ex: Path,
    previous: Path,
    sizes: list[int],
    runs: int,
    env: dict[str, str],
    before: tuple[str, Path] | None = None,
) -> str:
    """names/s, CPU, peak RSS and time to the first line of each way of screening, per size;
    with ``before`` (a commit and its environment), that commit at --jobs 1 too."""
    exact = OUT / "floor_exact.py"
    exact.write_text(FLOOR_EXACT, encoding="utf-8")
    fuzzy = OUT / "floor_rapidfuzz.py"
    fuzzy.write_text(FLOOR_RAPIDFUZZ, encoding="utf-8")
    commands = {
        f"previous release ({PREVIOUS}), `screen - --json`": [
            str(previous / "exitcheck"),
            "screen",
            "-",
            "--json",
        ],
        "this branch, `screen - --json --jobs 1`": [
            str(ex / "exitcheck"),
            "screen",
            "-",
            "--json",
            "--jobs",
            "1",
        ],
        "this branch, `screen - --json --jobs 2`": [
            str(ex / "exitcheck"),
            "screen",
            "-",
            "--json",
            "--jobs",
            "2",
        ],
    }
    if before:  # a commit of this branch, in the same run
        commands[f"{before[0]}, `screen - --json --jobs 1`"] = [
            str(before[1] / "exitcheck"),
            *("screen", "-", "--json", "--jobs", "1"),
        ]
    commands["floor: exact keys (casefold, strip, set look-up)"] = [str(ex / "python"), str(exact)]
    commands["floor: rapidfuzz `extractOne(ratio)` over the keys"] = [
        str(ex / "python"),
        str(fuzzy),
    ]
    lines = [
        "| rows | command | seconds (median) | names/s | CPU s (this process) | peak RSS MB | first line s |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    rates: dict[tuple[int, str], float] = {}
    for size in sizes:
        path = OUT / f"mix-{size}.txt"
        if not path.exists():
            with path.open("w", encoding="utf-8") as f:
                subprocess.run(
                    [sys.executable, str(ROOT / "benchmarks" / "mix.py"), str(size)],
                    stdout=f,
                    check=True,
                )
        samples: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
        for _ in range(runs):
            order = list(commands.items())
            random.shuffle(order)
            for label, argv in order:
                samples[label].append(run_cpu(argv, env, path))
        for label, argv in commands.items():
            wall = statistics.median(t for t, _ in samples[label])
            cpu = statistics.median(c for _, c in samples[label])
            rss = peak_rss(argv, env, path) / 1024
            first = first_line(argv, env, path)
            rates[(size, label)] = size / wall
            lines.append(
                f"| {size:,} | {label} | {wall:.1f} | {size / wall:,.0f} | {cpu:.1f} | {rss:.0f} | {first:.2f} |"
            )
    labels = list(commands)
    goals = []
    for size in sizes:
        release, one, two = (rates[(size, label)] for label in labels[:3])
        goals.append(
            f"{size:,} rows: --jobs 1 is {one / release:.1f}× the previous release, --jobs 2 is "
            f"{two / one:.2f}× --jobs 1"
        )
        if before:
            then = rates[(size, labels[3])]
            goals[-1] += f", --jobs 1 is {one / then:.2f}× {before[0]}"
    return "\n".join(lines) + "\n\nGoals (≥ 10×, ≥ 1.7×): " + "; ".join(goals) + "."


def run_cpu(argv: Sequence[str], env: dict[str, str], stdin: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and the children it waited for)."""
    with open(stdin, "rb") as source:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=source, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
        assert proc.stdout is not None
        while proc.stdout.read(1 << 16):
            pass
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    assert os.waitstatus_to_exitcode(status) == 0, argv
    return elapsed, usage.ru_utime + usage.ru_stime


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="runs per start-up command")
    parser.add_argument(
        "--quick", action="store_true", help="10 runs, 10k screening rows, registries up to 10k"
    )
    parser.add_argument(
        "--screen-only",
        action="store_true",
        help="only screening side by side (the previous release, --jobs 1 and 2, the floors)",
    )
    parser.add_argument(
        "--rows",
        type=int,
        nargs="+",
        help="sizes of the screening mix [default: 100000 1000000; --quick: 10000 100000]",
    )
    parser.add_argument(
        "--before",
        metavar="REF",
        help="also screen with this commit at --jobs 1, in the same run (a branch's own gain)",
    )
    args = parser.parse_args()
    runs = 10 if args.quick else args.runs
    OUT.mkdir(parents=True, exist_ok=True)
    ex = venv("exitcheck", "--force-reinstall", "--no-deps", str(ROOT))
    venv("exitcheck", str(ROOT))  # dependencies, once
    env = {k: v for k, v in os.environ.items() if k not in ("EXITCHECK_REGISTRY", "NO_COLOR")}
    env["XDG_CACHE_HOME"] = str(OUT / "cache-shipped")
    mix_rows = args.rows or ([10000, 100000] if args.quick else [100000, 1000000])
    side_by_side = [
        "### Screening side by side (`benchmarks/mix.py`: 20% registry names, 80% other companies)",
        "",
        screening_side_by_side(
            ex,
            previous_release(),
            mix_rows,
            1 if args.quick else 3,
            env,
            (args.before, previous_release(args.before)) if args.before else None,
        ),
    ]
    if args.screen_only:
        load = "load average (1, 5, 15 min) at the end: " + ", ".join(
            f"{x:.2f}" for x in os.getloadavg()
        )
        text = "\n".join([f"Machine: {machine()}; {load}.", "", *side_by_side]) + "\n"
        (OUT / "results-screening.md").write_text(text, encoding="utf-8")
        print(text)
        return
    peer = venv("peer", PEER)
    sizes = [1000, 10000] if args.quick else [1000, 10000, 100000]
    rows = 10000 if args.quick else 100000
    report = [
        f"Machine: {machine()}.",
        f"Command: `python3 benchmarks/bench.py{' --quick' if args.quick else ''}`; stdout piped; warm page cache and warm parsed-registry cache unless marked cold.",
        "",
        "### Start-up, side by side",
        "",
        startup(ex, peer, runs, env),
        "",
        "### Scale (synthetic registries from benchmarks/generate.py)",
        "",
        scale(ex, sizes, max(3, runs // 4), env),
        "",
        "### Screening throughput (`screen - --json`, NDJSON to a pipe)",
        "",
        "| registry | rows | seconds | names/s | peak RSS MB | peak RSS MB at a tenth of the rows |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        screening(ex, rows, None, env),
        screening(
            ex,
            rows,
            OUT / f"registry-{sizes[-1]}.toml",
            {**env, "XDG_CACHE_HOME": str(OUT / f"cache-{sizes[-1]}")},
        ),
        "",
        *side_by_side,
    ]
    text = "\n".join(report) + "\n"
    (OUT / "results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
