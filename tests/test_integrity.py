"""Registry integrity and hostile input: exit 2 with a clear line, nothing half-loaded."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from exitcheck.cli import run

from .registries import ACME, MINIMAL_HEADER, toml_string


def one_error_line(result) -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# --------------------------------------------------------------------------------------------
# Files that cannot be a registry


def test_missing_file(cli, tmp_path: Path) -> None:
    line = one_error_line(
        cli("--only", "--registry", str(tmp_path / "nope.toml"), "status", "acme")
    )
    assert line == f"exitcheck: {tmp_path / 'nope.toml'}: error: no such file"


def test_directory(cli, tmp_path: Path) -> None:
    assert "is a directory" in one_error_line(cli("--only", "--registry", str(tmp_path), "list"))


def test_unreadable_file(cli, write_registry, monkeypatch) -> None:
    path = write_registry(ACME)

    real_open = os.open

    def denied(file, *args, **kwargs):  # root can read anything; simulate the refusal
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    assert "permission denied" in one_error_line(cli("--only", "--registry", str(path), "list"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        ("name = '火币'".encode("gb18030"), "not UTF-8 text"),
        (MINIMAL_HEADER.encode() + b'\n[[entities]]\nid = "acme\nname = ', "invalid TOML"),
        (b"a = " + b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    ],
)
def test_files_that_are_not_registries(cli, tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    line = one_error_line(cli("--only", "--registry", str(path), "status", "acme"))
    assert str(path) in line and expected in line


def test_truncated_toml_names_line_and_column(cli, tmp_path: Path) -> None:
    path = tmp_path / "cut.toml"
    path.write_text(
        MINIMAL_HEADER + ACME[: ACME.index("description")] + 'description = "Clo',
        encoding="utf-8",
    )
    line = one_error_line(cli("--only", "--registry", str(path), "status", "acme"))
    lines = path.read_text(encoding="utf-8").count("\n") + 1
    assert f"{path}:{lines}:" in line and "invalid TOML" in line


def test_huge_registry_is_refused_before_parsing(cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as f:
        f.write(MINIMAL_HEADER.encode())
        f.truncate(129 * 1024 * 1024)  # sparse: the size check must come before any reading
    assert "the limit is 128 MiB" in one_error_line(
        cli("--only", "--registry", str(path), "status", "acme")
    )


def test_fifty_megabytes_of_garbage_fails_fast_with_a_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "garbage.toml"
    path.write_bytes(MINIMAL_HEADER.encode() + b"this is not toml\n" * (50 * 1024 * 1024 // 17))
    line = one_error_line(cli("--only", "--registry", str(path), "status", "acme"))
    assert f"{path}:{MINIMAL_HEADER.count(chr(10)) + 1}:" in line and "invalid TOML" in line


def test_deeply_nested_tables(cli, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(
        MINIMAL_HEADER + "[" + ".".join(f"t{i}" for i in range(2000)) + "]\nx = 1\n",
        encoding="utf-8",
    )
    line = one_error_line(cli("--only", "--registry", str(path), "list"))
    # refused before the parser sees it (which would take time quadratic in the parts)
    assert f"{path}:{MINIMAL_HEADER.count(chr(10)) + 1}:" in line and "more than 64 parts" in line


def test_every_entity_duplicated(cli, write_registry) -> None:
    path = write_registry(ACME + ACME)
    line = one_error_line(cli("--only", "--registry", str(path), "status", "acme"))
    assert "entity id 'acme' is defined twice" in line


def test_registry_error_in_json_mode_is_a_json_error(cli, write_registry) -> None:
    path = write_registry(ACME + ACME)
    result = cli("--only", "--registry", str(path), "status", "acme", "--json")
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["kind"] == "registry"
    assert error["findings"][0]["entity"] == "acme" and error["findings"][0]["line"]


def test_a_registry_with_errors_is_never_used_half_loaded(cli, write_registry) -> None:
    good = write_registry(ACME)
    bad = write_registry('[[entities]]\nid = "other"\nname = "Other"\nkind = "casino"\n')
    assert cli("--only", "--registry", str(good), "status", "acme").exit_code == 0
    result = cli("--only", "--registry", str(good), "--registry", str(bad), "status", "acme")
    assert "unknown entity kind 'casino'" in one_error_line(result)
    assert result.stdout == ""


# --------------------------------------------------------------------------------------------
# validate: one error of each kind, each reported with its line


SEEDED = """
[[regulations]]
id = "reg"
date = 2021-09-24
name = "A notice"
issuers = ["Someone"]
summary = "Something."
source = "nowhere"
locator = { paragraph = 1, quote = "x" }

[[entities]]
id = "Bad Id"
name = "Bad"
kind = "exchange"

[[entities]]
id = "acme"
name = 42
kind = "casino"
aliases = ["Other Co"]
colour = "red"

[[entities.measures]]
kind = "banned"
scope = "everyone"
announced = "yesterday"
effective = 2021-09-30T00:00:00
description = "Something."
source = "ghost"
locator = { paragraph = 0, quote = "x" }

[[entities.measures]]
kind = "closed"
scope = "everyone"
announced = 2021-09-24
effective = 2019-01-01
description = "Long before its announcement."
source = "src"
locator = { paragraph = 1, quote = "a quote that is far too long to be a few words of the source text" }

[[entities]]
id = "other"
name = "Other Co"
kind = "exchange"
relations = [{ kind = "operated", entity = "missing", source = "src", locator = { paragraph = 1, quote = "x" } }]

[[entities]]
id = "other"
name = "Other Again"
kind = "exchange"
"""


def test_validate_reports_each_seeded_error_with_its_line(cli, write_registry) -> None:
    path = write_registry(SEEDED)
    result = cli("validate", str(path), "--json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["valid"] is False
    text = path.read_text(encoding="utf-8").splitlines()

    def line_of(snippet: str, occurrence: int = 1) -> int:
        hits = [i for i, line in enumerate(text, 1) if snippet in line]
        return hits[occurrence - 1]

    expected = {
        ("regulation cites unknown source 'nowhere'", line_of('id = "reg"')),
        ("id 'Bad Id' must be a slug", line_of('id = "Bad Id"')),
        ("field 'name' must be a string, not an integer", line_of("name = 42")),
        ("unknown entity kind 'casino'", line_of('kind = "casino"')),
        ("unknown field 'colour'", line_of("colour")),
        ("unknown measure kind 'banned'", line_of('kind = "banned"')),
        ("field 'announced' must be a date, or a month", line_of('announced = "yesterday"')),
        (
            "field 'effective' is a date-time without a UTC offset",
            line_of("effective = 2021-09-30T00:00:00"),
        ),
        ("locator.paragraph must be a whole number from 1", line_of("locator = { paragraph = 0")),
        ("locator.quote is", line_of("far too long")),
        (
            "effective date is more than a year before the announcement",
            line_of("effective = 2019-01-01"),
        ),
        ("relation points to unknown entity 'missing'", line_of('id = "other"')),
        ("entity id 'other' is defined twice", line_of('id = "other"', 2)),
    }
    found = [(f["message"], f["line"], f["severity"]) for f in data["findings"]]
    for message, line in expected:
        assert any(m.startswith(message) and ln == line for m, ln, _ in found), (
            message,
            line,
            found,
        )
    assert (
        "effective date is more than a year before the announcement",
        line_of("effective = 2019-01-01"),
        "warning",
    ) in found
    assert all(f["path"] == str(path) for f in data["findings"])


def test_validate_text_output_and_alias_collision(cli, write_registry) -> None:
    path = write_registry(
        ACME
        + '\n[[entities]]\nid = "copy"\nname = "Copy"\naliases = ["Acme-Exchange"]\nkind = "exchange"\n'
    )
    result = cli("validate", str(path))
    assert result.exit_code == 2
    assert (
        "name or alias 'Acme-Exchange' collides with 'Acme Exchange' of entity 'acme' after normalisation"
        in result.stdout
    )
    assert result.stdout.rstrip().endswith("invalid: 1 file(s), 1 error(s), 0 warning(s)")


def test_the_shipped_registry_is_valid(cli) -> None:
    result = cli("validate", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["valid"], data["errors"], data["warnings"]) == (True, 0, 0)


# --------------------------------------------------------------------------------------------
# Choosing and combining registries


def test_registries_combine_and_env_is_used(cli, write_registry, monkeypatch) -> None:
    first = write_registry(ACME)
    second = write_registry(
        '\n[[entities]]\nid = "beta"\nname = "Beta Pool"\nkind = "mining_pool"\n',
        header='[registry]\nname = "extra"\nversion = "2"\nlast_reviewed = 2026-01-02\nschema = 1\n',
    )
    result = cli("--only", "--registry", str(first), "--registry", str(second), "info", "--json")
    data = json.loads(result.stdout)
    assert data["entities"] == 2 and [r["name"] for r in data["registries"]] == ["test", "extra"]
    monkeypatch.setenv("EXITCHECK_REGISTRY", f"{first}:{second}")
    assert cli("status", "beta pool").exit_code == 0
    assert cli("status", "huobi").exit_code == 0  # the files add to the shipped registry
    assert (
        cli("--only", "status", "huobi").exit_code == 1
    )  # --only: the shipped one is not in effect


# --------------------------------------------------------------------------------------------
# Data is printed as data

HOSTILE = "[bold red]Evil[/] [link=https://x.example]click[/link] \x1b]8;;https://x\x07osc\x1b]8;;\x07 \x1b[2J\x07 \u202eabc"


def hostile_registry(write_registry) -> Path:
    body = ACME.replace('name = "Acme Exchange"', f"name = {toml_string('Acme ' + HOSTILE)}")
    body = body.replace('description = "Closes."', f"description = {toml_string(HOSTILE)}")
    return write_registry(body)


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_markup_and_controls_never_reach_the_terminal(cli, write_registry, fmt) -> None:
    path = hostile_registry(write_registry)
    for args in (["status", "acme", "--format", fmt], ["list", "--format", fmt]):
        result = cli("--only", "--registry", str(path), *args)
        assert result.exit_code == 0, result.stderr
        assert (
            "\x1b" not in result.stdout
            and "\x07" not in result.stdout
            and "\u202e" not in result.stdout
        )
        if args[0] == "status" or fmt != "table":  # the plain list shows ids, not names
            literal = "\\[bold red\\]Evil\\[/\\]" if fmt == "markdown" else "[bold red]Evil[/]"
            assert literal in result.stdout  # shown literally, not interpreted
            assert "\\x1b" in result.stdout and "\\u202e" in result.stdout


def test_rich_terminal_output_escapes_data(write_registry) -> None:
    from datetime import date

    from exitcheck.answers.clocks import resolve
    from exitcheck.answers.report import status_answer, status_record
    from exitcheck.matching import match
    from exitcheck.render import Format, renderer
    from exitcheck.store.loading import load

    registry = load([hostile_registry(write_registry)])
    result = match(registry.index, "acme")
    record = status_record(
        status_answer(
            registry,
            registry.entity("acme"),
            result,
            resolve(date(2022, 1, 1), None, date(2022, 1, 1)),
        )
    )
    out = renderer(Format.table, styled=True, width=200).status(record)
    assert "[bold red]Evil[/]" in out and "[link=https://x.example]click[/link]" in out
    assert "\x07" not in out and "\u202e" not in out and "\x1b]8" not in out
    assert "\x1b[" in out  # our own styling is there


def test_json_keeps_the_exact_string_escaped(cli, write_registry) -> None:
    path = hostile_registry(write_registry)
    result = cli("--only", "--registry", str(path), "status", "acme", "--json")
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert json.loads(result.stdout)["entity"]["name"] == f"Acme {HOSTILE}"


# --------------------------------------------------------------------------------------------
# Properties: nothing ever produces a traceback

WORDS = ["status", "list", "search", "screen", "validate", "info", "huobi", "火币", "--json", "--format", "json", "csv",
         "--as-of", "2021-09-30", "2021-13-45", "--after", "--before", "--kind", "exchange", "--measure", "closed",
         "--limit", "0", "-", "--registry", "--by", "effective", "", " ", "\x00", "--help", "x" * 300]  # fmt: skip


# options among WORDS that take the next word as their value ('--registry --json': a path)
WITH_VALUE = {"--format", "--as-of", "--after", "--before", "--kind", "--measure", "--limit",
              "--registry", "--by"}  # fmt: skip


def _asks_for_json(argv: list[str]) -> bool:
    """Whether --json is given as the flag, not as the value of an option before it."""
    i = 0
    while i < len(argv):
        if argv[i] == "--":
            return False
        if argv[i] == "--json":
            return True
        i += 2 if argv[i] in WITH_VALUE else 1
    return False


def test_json_is_asked_for_only_as_a_flag() -> None:
    assert _asks_for_json(["validate", "--json"])
    assert not _asks_for_json(["--registry", "--json", "validate"])
    assert _asks_for_json(["--registry", "x", "--json"])


@given(argv=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=20)), max_size=6))
@example(argv=["--registry", "--json", "validate"])  # --json is the registry's path here
def test_random_argv_never_tracebacks(argv: list[str], capsys) -> None:
    if "screen" in argv and "-" in argv:
        argv = [a for a in argv if a != "-"]  # stdin is not ours to read here
    code = run(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, err)
    assert "Traceback" not in err
    assert "internal error" not in err, (argv, err)  # every exception becomes one
    if _asks_for_json(argv) and "--help" not in argv and "-h" not in argv and out.strip():
        json.loads(out)


TOML_PIECES = st.sampled_from([
    ACME, "[[entities]]\n", 'id = "x"\n', "name = 1\n", 'kind = "exchange"\n', "[[entities.measures]]\n",
    'kind = "closed"\n', "announced = 2021-09-24\n", "effective = 2021-09-30T00:00:00+08:00\n", "effective = 24:00\n",
    'source = "src"\n', "locator = { paragraph = 1 }\n", "[registry]\n", "= broken\n", "[[sources]]\n", "\x00",
    'aliases = ["火币"]\n', "relations = 5\n", "measures = []\n",
])  # fmt: skip


@given(pieces=st.lists(TOML_PIECES, max_size=12), with_header=st.booleans())
def test_random_registries_never_traceback(
    pieces: list[str], with_header: bool, tmp_path_factory, capsys
) -> None:
    path = tmp_path_factory.mktemp("reg") / "r.toml"
    path.write_text((MINIMAL_HEADER if with_header else "") + "".join(pieces), encoding="utf-8")
    for argv in (
        ["--only", "--registry", str(path), "status", "acme", "--json"],
        ["validate", str(path), "--json"],
        ["--only", "--registry", str(path), "list", "--json"],
    ):
        code = run(argv)
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), (argv, err)
        assert "Traceback" not in err
        assert "internal error" not in err, (argv, err)  # every exception becomes one
        json.loads(out)


WRONG_TYPES = """
[[entities]]
id = 7
name = ["not", "a", "string"]
name_zh = 3.5
aliases = "not a list"
kind = false
notes = 1
relations = "nope"

[[entities]]
id = "typed"
name = "Typed"
kind = "exchange"

[[entities.measures]]
kind = 1
scope = 2
announced = "2021-09-24"
effective = "tomorrow"
deadline = true
effective_stated = 4
effective_offset_assumed = "yes"
products = "GBTC"
description = []
description_zh = {}
source = 5
locator = "paragraph 1"
notes = 6
"""


def test_wrong_types_in_every_field_are_each_reported(cli, write_registry) -> None:
    path = write_registry(WRONG_TYPES)
    result = cli("--only", "--registry", str(path), "status", "typed")
    assert (
        result.exit_code == 2
        and "Traceback" not in result.stderr
        and "internal error" not in result.stderr
    )
    data = json.loads(cli("validate", str(path), "--json").stdout)
    fields = ["id", "name", "name_zh", "aliases", "kind", "notes", "relations"]
    fields += [
        "scope",
        "announced",
        "effective",
        "deadline",
        "effective_stated",
        "effective_offset_assumed",
        "products",
        "description",
        "description_zh",
        "source",
        "locator",
    ]
    messages = " | ".join(f["message"] for f in data["findings"])
    for field in fields:
        assert f"'{field}'" in messages, (field, messages)
    text = path.read_text(encoding="utf-8").splitlines()
    for f in data["findings"]:
        assert f["line"] is not None and 1 <= f["line"] <= len(text)
