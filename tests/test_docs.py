"""The README and docs/ say what the program does: their examples print what they show, and
their links lead somewhere."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
DOCS = sorted((REPO / "docs").glob("*.md"))
CLIENTS = "name,country\nHuobi Global Ltd,SC\nOKEx,MT\nAcme Trading,US\n"  # clients.csv
TODAY_SHOWN = "2026-12-07"  # the day the README's examples were run: "now" for them


def test_the_readme_opens_with_the_two_commands_ci_runs() -> None:
    assert (
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/exitcheck status huobi"
        in README
    )
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in README.splitlines() if "pip install '.[test]'" in line)
    assert test_command in ci


def test_the_readme_is_for_deciding_the_reference_is_in_docs() -> None:
    assert len(README.splitlines()) <= 260
    linked = set(re.findall(r"\]\(docs/([\w-]+\.md)", README))
    assert linked == {p.name for p in DOCS}


@pytest.mark.parametrize("page", [REPO / "README.md", *DOCS], ids=lambda p: p.name)
def test_every_relative_link_leads_to_a_file_and_heading(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        assert file.exists(), f"{page.name}: {target}"
        if anchor and file.suffix == ".md":
            body = file.read_text(encoding="utf-8")
            slugs = {_slug(h) for h in re.findall(r"^#+ (.*)$", body, flags=re.M)}
            slugs |= set(re.findall(r'<a id="([\w-]+)"></a>', body))
            assert anchor in slugs, f"{page.name}: {target}"


def _slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_readme_lists_every_status_with_its_meaning() -> None:
    from exitcheck.answers.status import STATUSES

    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", README, flags=re.M)
    assert dict(rows) == STATUSES
    assert [name for name, _ in rows] == list(STATUSES)  # most severe first


def _examples() -> list[tuple[str, list[str]]]:
    found = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        lines = block.splitlines()
        assert lines[0].startswith("$ exitcheck "), lines[0]
        found.append((lines[0][2:], lines[1:]))
    return found


@pytest.mark.parametrize(("command", "shown"), _examples(), ids=lambda x: str(x)[:40])
def test_each_readme_example_prints_what_it_shows(
    command: str, shown: list[str], tmp_path: Path
) -> None:
    (tmp_path / "clients.csv").write_text(CLIENTS, encoding="utf-8")
    words = shlex.split(command)[1:]
    redirected = ">" in words
    if redirected:
        words = words[: words.index(">")]
    env = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "PATH": "/usr/bin:/bin"}
    env["EXITCHECK_NOW"] = TODAY_SHOWN  # "known now" is the day the README shows
    done = subprocess.run(
        [sys.executable, "-m", "exitcheck", *words],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    printed = done.stderr if redirected else done.stdout
    lines = [line.rstrip() for line in printed.splitlines()]
    for line in shown:
        if line.strip() == "…":
            continue
        if "…" in line:
            head = line.split("…")[0].rstrip()
            assert any(printed_line.startswith(head) for printed_line in lines), line
        elif re.search(r" in \d+\.\d\ds$", line):  # the time a screen took
            assert any(p.startswith(line.rsplit(" in ", 1)[0]) for p in lines), line
        else:
            assert line.rstrip() in lines, line


# The console examples of docs/: run through a shell (they pipe), in a directory holding the
# files they name; what they show must be printed. Lines up to '…' are prefixes.
NEEDS_A_SECOND_REGISTRY = {"exitcheck diff entities-2026.12.toml"}


def _doc_examples() -> list[tuple[str, str, list[str]]]:
    found = []
    for page in DOCS:
        for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
            for segment in re.split(r"^(?=\$ )", block, flags=re.M):
                lines = segment.rstrip("\n").split("\n")
                if lines[0].startswith("$ ") and lines[0][2:] not in NEEDS_A_SECOND_REGISTRY:
                    found.append((page.name, lines[0][2:], lines[1:]))
    return found


def _previous(page: str, command: str) -> str:
    examples = [e for e in _doc_examples() if e[0] == page]
    at = next(i for i, e in enumerate(examples) if e[1] == command)
    return examples[at - 1][1]


@pytest.mark.parametrize(("page", "command", "shown"), _doc_examples(), ids=lambda x: str(x)[:40])
def test_each_docs_example_prints_what_it_shows(
    page: str, command: str, shown: list[str], tmp_path: Path
) -> None:
    (tmp_path / "data").symlink_to(REPO / "data")
    (tmp_path / "clients.txt").write_bytes("Binance\nOKX\n火币\n".encode("gb18030"))
    script = (
        f"{_previous(page, command)} >/dev/null 2>&1; echo $?" if command == "echo $?" else command
    )
    bindir = Path(sys.executable).parent
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "LANG": "C.UTF-8"}
    env |= {"EXITCHECK_NOW": TODAY_SHOWN, "PATH": f"{bindir}:/usr/bin:/bin"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    done = subprocess.run(
        ["sh", "-c", script + " 2>&1"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    lines = [line.rstrip() for line in done.stdout.splitlines()]
    for line in shown:
        if line.strip() in ("…", "...", ""):
            continue
        if "…" in line:
            head = line.split("…")[0].rstrip()
            assert any(printed.startswith(head) for printed in lines), (line, lines)
        elif re.search(r" in \d+\.\d\ds$", line):
            assert any(p.startswith(line.rsplit(" in ", 1)[0]) for p in lines), line
        else:
            assert line.rstrip() in lines, (line, lines)
