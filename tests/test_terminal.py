"""What a person sees at a terminal: the status card, the listing when narrow, the coverage of the
registry, the progress of a long screen, colour and the conventions of the command line."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exitcheck import __version__
from exitcheck.render.progress import tracked

from .conftest import entry_point

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def plain(text: str) -> str:
    return ANSI.sub("", text)


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line.rstrip())


def uncut(text: str, data: str) -> bool:
    """No '…' in the view but those the data itself holds (a cut value would add one)."""
    return text.count("…") <= data.count("…")


def at_terminal(columns: int) -> dict[str, str]:
    """FORCE_COLOR makes exitcheck (and rich) draw as for a terminal; COLUMNS gives its width."""
    return {"FORCE_COLOR": "1", "COLUMNS": str(columns)}


# -- status ---------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_status_at_a_terminal_is_the_piped_card_layout_wrapped_and_never_cut(
    cli, columns: int
) -> None:
    day = ("--as-of", "2021-10-01")
    styled = cli("status", "huobi", *day, "--details", env=at_terminal(columns))
    assert styled.exit_code == 0, styled.stderr
    assert "\x1b[" in styled.stdout  # styled
    text = plain(styled.stdout)
    data = cli("status", "huobi", *day, "--json").stdout
    assert uncut(text, data)
    assert all(display_width(line) <= columns for line in text.splitlines()), text
    assert not any(line.endswith(" ") for line in text.splitlines())  # no padding
    record = json.loads(data)
    flat = re.sub(r"\s+", "", text)
    for m in record["measures"]:  # every field of every measure, whole (wrapping aside)
        for value in (m["announced"], m["effective"], m["deadline"], m["locator"]["quote"]):
            if value:
                assert re.sub(r"\s+", "", value) in flat, value
        for value in (m["scope"], m["description"], m["notes"]):
            assert re.sub(r"\s+", "", value) in flat
    # the same sections as piped output, in the same order
    piped = cli("status", "huobi", *day, "--details").stdout
    for heading in ("Measures", "Sources", "Registry:"):
        assert heading in piped and heading in text
    assert text.index("Measures") < text.index("Sources") < text.index("Registry:")
    assert "cls-2021-09-26" in text.split("Sources")[1]


MEASURE_LINE = re.compile(r"^  (\d{4}-\d{2}(-\d{2})?|undated)  +\S")


@pytest.mark.parametrize("env", [{}, at_terminal(40), at_terminal(60), at_terminal(80)])
@pytest.mark.parametrize("who", ["huobi", "bione", "sparkpool"])
def test_status_at_a_glance_is_the_card_and_one_entry_per_measure(cli, env, who) -> None:
    """By default: the card, then one entry per measure (date, kind, status, effective date or
    deadline, scope, source ids, qualifiers), continued under its kind when the line is full;
    descriptions, quotes, notes, URLs and the sources are for --details."""
    day = ("--as-of", "2021-10-01")
    result = cli("status", who, *day, env=env)
    assert result.exit_code == 0, result.stderr
    text = plain(result.stdout)
    record = json.loads(cli("status", who, *day, "--json").stdout)
    if env:  # piped, the registry line and a URL are never broken
        assert all(display_width(line) <= int(env["COLUMNS"]) for line in text.splitlines())
    head, rest = text.split("\nMeasures\n")
    assert f"status {record['status']} as of 2021-10-01" in " ".join(head.split())
    entries, tail = rest.split("\n\n")
    starts = [i for i, line in enumerate(entries.splitlines()) if MEASURE_LINE.match(line)]
    assert len(starts) == len(record["measures"]) and starts[0] == 0
    lines = entries.splitlines()
    for m, start, end in zip(record["measures"], starts, [*starts[1:], len(lines)], strict=True):
        entry = " ".join(" ".join(lines[start:end]).split())
        assert entry.startswith(f"{m['announced'] or 'undated'} {m['kind']} [")
        whole = re.sub(r"\s+", "", entry)  # a word longer than the line is folded
        values = [m["effective"], m["deadline"], m["scope"], *(s["source"] for s in m["sources"])]
        for value in filter(None, values):
            assert re.sub(r"\s+", "", value) in whole, value
        assert re.sub(r"\s+", "", m["description"]) not in whole
        assert re.sub(r"\s+", "", m["locator"]["quote"]) not in whole
    assert "http" not in text and "\nSources\n" not in text
    hint = "Descriptions, quotes, notes, URLs and the sources: add --details"
    assert " ".join(tail.split()).startswith(hint) and "Registry: " in tail
    if env.get("COLUMNS") == "80":  # the same lines as piped, styled
        assert entries == cli("status", who, *day).stdout.split("\nMeasures\n")[1].split("\n\n")[0]


def test_status_details_is_the_full_view_and_the_other_formats_ignore_it(cli) -> None:
    day = ("--as-of", "2021-10-01")
    full = cli("status", "huobi", *day, "--details").stdout
    assert "\nSources\n" in full and "https://" in full and "add --details" not in full
    for fmt in ("json", "ndjson", "csv", "markdown"):
        plain_ = cli("status", "huobi", *day, "--format", fmt).stdout
        assert cli("status", "huobi", *day, "--format", fmt, "--details").stdout == plain_


def test_status_shows_coverage_and_that_it_reports_announcements(cli) -> None:
    info = json.loads(cli("info", "--json").stdout)
    record = json.loads(cli("status", "huobi", "--json").stdout)
    for key in ("entities", "measures", "sources", "oldest_measure", "newest_measure"):
        assert record["coverage"][key] == info[key]
    for env in ({}, at_terminal(80)):
        text = plain(cli("status", "huobi", env=env).stdout)
        head = " ".join(text.split("Measures")[0].split())  # wrapping aside
        assert "not a verified outcome" in head
        assert f"{info['entities']} entities" in head
        assert info["newest_measure"] in head and info["oldest_measure"] in head


def test_coverage_from_the_cache_equals_coverage_from_toml(cli) -> None:
    cached = json.loads(cli("status", "huobi", "--json").stdout)["coverage"]
    fresh = json.loads(cli("--no-cache", "status", "huobi", "--json").stdout)["coverage"]
    assert cached == fresh


# -- list -----------------------------------------------------------------------------------


def _list_json(cli) -> list[dict]:
    return json.loads(cli("list", "--json").stdout)


@pytest.mark.parametrize("columns", [40, 80, 140])
def test_list_at_a_terminal_keeps_every_date_whole_and_the_piped_fields(cli, columns) -> None:
    result = cli("list", env=at_terminal(columns))
    assert result.exit_code == 0, result.stderr
    text = plain(result.stdout)
    assert uncut(text, cli("list", "--json").stdout)
    assert all(display_width(line) <= columns for line in text.splitlines())
    words = set(re.findall(r"\S+", text))
    for entity in _list_json(cli):
        assert entity["id"] in text and entity["status"] in words
        for m in entity["measures"]:
            assert m["kind"] in words
            when = m["effective"] or m["deadline"]
            for day in (m["announced"], when):
                if day:
                    assert day in words, (day, columns)  # a date is one whole word


def test_list_has_the_same_fields_piped_and_at_a_terminal(cli) -> None:
    piped = cli("list").stdout.splitlines()
    heads = ["DATE", "ENTITY", "MEASURE", "EFFECTIVE", "/", "DEADLINE", "STATUS", "SCOPE"]
    assert piped[0].split() == heads
    wide = plain(cli("list", env=at_terminal(160)).stdout)
    for head in ("DATE", "ENTITY", "MEASURE", "EFFECTIVE / DEADLINE", "STATUS", "SCOPE"):
        assert head in wide
    narrow = plain(cli("list", env=at_terminal(40)).stdout)
    for label in ("effective / deadline", "status", "scope"):
        assert label in narrow


def test_list_on_one_day(cli) -> None:
    on = cli("list", "--on", "2021-09-25", "--json")
    assert on.exit_code == 0
    bounds = cli("list", "--after", "2021-09-25", "--before", "2021-09-25", "--json")
    assert json.loads(on.stdout) == json.loads(bounds.stdout) != []
    both = cli("list", "--on", "2021-09-25", "--after", "2021-09-01")
    assert both.exit_code == 2 and "--on" in both.stderr
    assert cli("list", "--on", "25/09/2021").exit_code == 2


# -- screen progress ------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_only_on_a_terminal(monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    quiet = io.StringIO()
    assert list(tracked(range(1000), quiet)) == list(range(1000))
    assert quiet.getvalue() == ""
    terminal = FakeTerminal()
    assert list(tracked(range(1000), terminal)) == list(range(1000))
    assert "screening" in terminal.getvalue()


def test_progress_counts_a_batch_as_its_rows(monkeypatch) -> None:
    """``screen --jobs`` gives the NDJSON lines a batch at a time: each counts as its rows."""

    class Batch:
        rows = 300

    monkeypatch.setenv("TERM", "xterm")
    terminal = FakeTerminal()
    list(tracked([Batch()] * 4, terminal))
    assert "1,200 rows" in terminal.getvalue()


def test_screen_without_a_terminal_prints_only_the_summary(cli) -> None:
    result = cli("screen", "-", input="huobi\n" * 600)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert "600 row(s)" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_screen_shows_progress_on_a_terminal_stderr(tmp_path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("huobi\n" * 3000, encoding="utf-8")
    out = tmp_path / "out.csv"
    script = "import pty, sys; pty.spawn(sys.argv[1:])"
    cmd = [sys.executable, "-c", script, *entry_point(), "screen", str(names), "-o", str(out)]
    done = subprocess.run(
        cmd, capture_output=True, timeout=120, env={**os.environ, "TERM": "xterm"}
    )
    assert b"screening" in done.stdout  # the pty carries stderr: the progress was drawn
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3001
    # rows printed to the same terminal show the progress themselves: no display over them
    rows = subprocess.run(
        cmd[:-2], capture_output=True, timeout=120, env={**os.environ, "TERM": "xterm"}
    )
    assert b"screening" not in rows.stdout and rows.stdout.count(b"huobi") >= 3000


# -- colour and conventions -----------------------------------------------------------------


def test_version_short_and_long(cli) -> None:
    for flag in ("-V", "--version"):
        result = cli(flag)
        assert result.exit_code == 0 and result.stdout == f"exitcheck {__version__}\n"


@pytest.mark.parametrize(
    ("args", "env", "styled"),
    [
        ([], {}, False),  # not a terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": ""}, False),  # empty counts as unset
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": ""}, True),  # empty NO_COLOR counts as unset
        (["--color", "always"], {}, True),
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # the flag wins over the environment
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color_choice(cli, args, env, styled) -> None:
    result = cli(*args, "status", "huobi", env=env)
    assert result.exit_code == 0
    assert ("\x1b[" in result.stdout) is styled


def test_color_after_the_command_and_bad_choice(cli) -> None:
    assert "\x1b[" in cli("status", "huobi", "--color", "always").stdout
    bad = cli("--color", "sometimes", "list")
    assert bad.exit_code == 2 and "auto" in bad.stderr


def test_help_shows_defaults_and_choices(cli) -> None:
    from exitcheck.matching import SCORE_THRESHOLD

    screen = re.sub(r"[│\s]+", " ", cli("screen", "--help").stdout)
    assert f"[default: {SCORE_THRESHOLD:g}]" in screen
    assert "needs ." not in screen
    assert "[default: now]" in screen and "[default: utf-8]" in screen
    assert "Beijing" in screen and "DATE|DATETIME" in screen
    top = re.sub(r"[│\s]+", " ", cli("--help").stdout)
    assert "auto|always|never" in top and "-V" in top
    assert "[default: from the locale, else en]" in top
    validate = cli("validate", "--help").stdout
    assert "--format" not in validate


def test_usage_errors_are_one_line_with_a_hint(cli) -> None:
    for args in (["list", "--nope"], ["status"], ["bogus"], ["list", "--by"]):
        result = cli(*args)
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("exitcheck: "), result.stderr
        assert "--help'" in lines[0] and "Usage:" not in result.stderr
        assert result.stdout == ""


def test_usage_error_with_json_is_the_error_json(cli) -> None:
    result = cli("status", "huobi", "--json", "--nope")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["kind"] == "usage"


def test_did_you_mean_only_for_close_options(cli) -> None:
    far = cli("status", "huobi", "--on", "2021-01-01")
    assert "did you mean" not in far.stderr and "--json" not in far.stderr
    close = cli("list", "--mesure", "closed")
    assert "did you mean --measure?" in close.stderr
    prefix = cli("screen", "-", "--thresh", "80")
    assert "did you mean --threshold?" in prefix.stderr


def test_global_options_work_after_the_command(cli, write_registry) -> None:
    path = write_registry(
        """
        [[entities]]
        id = "demo"
        name = "Demo Exchange"
        kind = "exchange"
        """
    )
    for args in (
        ["status", "demo", "--registry", str(path)],
        ["status", "demo", f"--registry={path}", "--no-cache"],
        ["status", "demo", "-r", str(path)],
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "Demo Exchange" in result.stdout
    # after `--` nothing moves: the option is then the name looked up
    assert cli("search", "--", "--registry").exit_code in (0, 1)


def _complete(words: str) -> list[str]:
    env = {
        **os.environ,
        "_EXITCHECK_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    done = subprocess.run(entry_point(), capture_output=True, text=True, env=env, timeout=60)
    return done.stdout.split()


def test_completion_of_kinds_languages_and_schemas() -> None:
    assert _complete("exitcheck list --measure clo") == ["closed"]
    assert set(_complete("exitcheck list --kind min")) == {"mining_pool", "mining_software"}
    assert _complete("exitcheck status huobi --lang z") == ["zh"]
    assert _complete("exitcheck schema sc") == ["screen"]


@pytest.mark.parametrize("columns", [40, 80, 130])
@pytest.mark.parametrize("args", [["search", "huobi"], ["sources"], ["regulations"]])
def test_other_views_at_a_terminal_never_cut_a_value(cli, args, columns) -> None:
    result = cli(*args, env=at_terminal(columns))
    text = plain(result.stdout)
    assert uncut(text, cli(*args, "--json").stdout)
    assert all(display_width(line) <= columns for line in text.splitlines())
    if args[0] == "regulations":
        flat, words = re.sub(r"\s+", "", text), set(re.split(r"[\s│-]+", text))
        for r in json.loads(cli("regulations", "--json").stdout):
            if columns < 110:  # a block per record: the summary reads on, line after line
                assert re.sub(r"\s+", "", r["summary"]) in flat
            else:  # a table cell: every word of it is there
                assert set(re.split(r"[\s-]+", r["summary"])) <= words


def test_hoisting_and_suggestions_are_pure_rules() -> None:
    from exitcheck.cli.argv import hoist_globals
    from exitcheck.cli.usage import close_options

    assert hoist_globals(["status", "x", "-r", "a.toml", "--no-cache"]) == [
        "-r",
        "a.toml",
        "--no-cache",
        "status",
        "x",
    ]
    assert hoist_globals(["--lang", "zh", "status", "x", "--color=never"]) == [
        "--lang",
        "zh",
        "--color=never",
        "status",
        "x",
    ]
    assert hoist_globals(["search", "--", "--registry"]) == ["search", "--", "--registry"]
    assert hoist_globals(["-V"]) == ["-V"]
    known = ["--json", "--kind", "--lang", "--measure", "--format", "--threshold", "-f"]
    assert close_options("--on", known) == []
    assert close_options("--jsno", known) == ["--json"]
    assert close_options("--fromat", known) == ["--format"]
    assert close_options("--thr", known) == ["--threshold"]
    assert close_options("--", known) == []


TOKENS = ["status", "list", "huobi", "-r", "a.toml", "--registry", "--registry=b.toml",
          "--no-cache", "--color", "never", "--color=always", "--lang", "zh", "--json", "--", "-o",
          "x"]  # fmt: skip


@given(st.lists(st.sampled_from(TOKENS), max_size=12))
def test_hoisting_only_reorders(args: list[str]) -> None:
    from exitcheck.cli.argv import hoist_globals

    out = hoist_globals(args)
    assert sorted(out) == sorted(args)  # nothing lost, nothing added
    assert hoist_globals(out) == out  # once is enough
    if "--" in args:  # nothing after `--` moves
        assert out[out.index("--") :] == args[args.index("--") :]


VALUES = ["huobi", "a.toml", "never", "-o", "x", "--json"]


@given(
    st.sampled_from(["status", "list"]),
    st.lists(
        st.one_of(
            st.sampled_from(["--no-cache", "--registry=b.toml", "--color=always", "huobi", "-o"]),
            st.tuples(st.sampled_from(["-r", "--registry", "--color"]), st.sampled_from(VALUES)),
        ),
        max_size=8,
    ),
)
def test_hoisting_moves_every_global_before_the_command(command, parts) -> None:
    from exitcheck.cli.argv import hoist_globals

    args = [command]
    for part in parts:
        args += list(part) if isinstance(part, tuple) else [part]
    out = hoist_globals(args)
    at = out.index(command)
    before, after = out[:at], out[at + 1 :]
    assert sorted(out) == sorted(args)
    for part in parts:  # each global (with its value) is before the command, in order
        if isinstance(part, tuple):
            assert any(before[i : i + 2] == list(part) for i in range(len(before)))
        elif part.startswith("--"):
            assert part in before and part not in after
    own = [a for a in args[1:] if a == "huobi"]  # the command's own words stay with it
    assert [a for a in after if a == "huobi"] == own or "huobi" in before


def test_progress_speaks_the_language_and_never_reads_braces_as_fields() -> None:
    terminal = FakeTerminal()
    assert list(tracked(range(600), terminal, "{正在筛查}", "{行}")) == list(range(600))
    assert "{正在筛查}" in terminal.getvalue() and "{行}" in terminal.getvalue()


# -- odd widths: every width gives the whole answer, in bounded time -------------------------


@pytest.mark.parametrize(
    ("columns", "expected"),
    [(None, 80), (1, 40), (12, 40), (39, 40), (40, 40), (100, 100), (1000, 1000), (100000, 1000)],
)
def test_the_width_an_answer_is_laid_out_in(columns, expected) -> None:
    from exitcheck.render.wrap import fit_width

    assert fit_width(columns) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120),
        (" 90 ", 90),
        ("99999999999999999999", 99999999999999999999),
        ("0", None),
        ("-5", None),
        ("abc", None),
        ("", None),
        ("١٢٠", None),  # Arabic-Indic digits: isdigit(), but not a width anyone typed
        ("1e3", None),
    ],
)
def test_columns_is_read_only_as_a_positive_whole_number(monkeypatch, value, expected) -> None:
    from exitcheck.cli import output

    def no_terminal(fd: int) -> os.terminal_size:
        raise OSError("not a terminal")

    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    assert output.terminal_columns({"COLUMNS": value}) == expected


def test_a_narrow_terminal_gets_the_answer_laid_out_at_the_minimum_width(cli) -> None:
    """COLUMNS=12 once printed the labels of a listing with no values: now it is the layout
    at 40 columns, whole."""
    for args in (
        ["list", "--as-of", "2021-10-01"],
        ["status", "huobi", "--as-of", "2021-10-01"],
        ["search", "huobi"],
        ["sources"],
        ["timeline"],
    ):
        narrow = cli(*args, env=at_terminal(12))
        assert narrow.exit_code == 0, narrow.stderr
        assert narrow.stdout == cli(*args, env=at_terminal(40)).stdout, args
    text = plain(cli("list", "--as-of", "2021-10-01", env=at_terminal(12)).stdout)
    words = set(text.split())
    for r in json.loads(cli("list", "--as-of", "2021-10-01", "--json").stdout):
        assert r["id"] in words
        for m in r["measures"]:
            assert m["kind"] in words and (m["announced"] or "undated") in words


def test_timeline_at_one_column_ends(tmp_path) -> None:
    """COLUMNS=1 once made `timeline` fold a word forever at 100% CPU."""
    env = {**os.environ, **at_terminal(1), "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run(
        [*entry_point(), "timeline"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    lines = plain(done.stdout).splitlines()
    assert len(lines) > 10 and max(display_width(line) for line in lines) <= 40


def test_folding_a_word_wider_than_the_line_always_moves_on() -> None:
    from exitcheck.render.timeline_text import _wrap

    assert _wrap("abcdef gh", 1) == ["a", "b", "c", "d", "e", "f", "g", "h"]
    assert _wrap("火币网 ab", 2) == ["火", "币", "网", "ab"]
    assert _wrap("abcdef gh", 4) == ["abcd", "ef", "gh"]


@pytest.mark.parametrize("value", ["-5", "abc", "", "0", "99999999999999999999"])
@pytest.mark.parametrize(
    "args", [["status", "huobi"], ["list"], ["timeline"], ["--help"], ["diff", "--help"]]
)
def test_an_absurd_columns_is_no_internal_error(cli, value, args) -> None:
    """Not a width (negative, not a number, zero) counts as unset: 80 without a terminal.
    A number too large for an index is laid out at the maximum width."""
    # not FORCE_COLOR for --help: Typer reads it once, when its help module is first imported
    styled = {} if "--help" in args else {"FORCE_COLOR": "1"}
    result = cli(*args, env={**styled, "COLUMNS": value})
    assert result.exit_code == 0, result.stderr
    same = "1000" if value.startswith("9") else "80"
    assert result.stdout == cli(*args, env={**styled, "COLUMNS": same}).stdout


def test_a_very_wide_terminal_is_laid_out_at_the_maximum_width_quickly(tmp_path) -> None:
    """COLUMNS=100000 once took 10 s and printed 4 MB for `timeline`."""
    env = {**os.environ, **at_terminal(100000), "XDG_CACHE_HOME": str(tmp_path)}
    for args in (["timeline"], ["list"], ["status", "huobi"]):
        done = subprocess.run(
            [*entry_point(), *args], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert max(display_width(line) for line in plain(done.stdout).splitlines()) <= 1000
        assert len(done.stdout) < 200_000, args


# -- help text --------------------------------------------------------------------------------


def _option_helps() -> list[tuple[str, str]]:
    import typer.main

    from exitcheck.cli import whole_app

    group = typer.main.get_command(whole_app())
    out = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if getattr(param, "help", None):
                out.append((name, param.help))
    return out


@pytest.mark.parametrize(("command", "help_text"), _option_helps())
def test_every_option_help_is_shown_whole(cli, command, help_text) -> None:
    """Help is drawn by rich, which reads '[...]' as markup: `diff --help` once showed
    '(files that [] it)' for '(files that [[extend]] it)'. A '[' in a help text is escaped."""
    shown = re.sub(r"[│\s]+", " ", plain(cli(command, "--help", env={"COLUMNS": "400"}).stdout))
    written = re.sub(r"\s+", " ", help_text.replace("\\[", "["))
    assert written in shown


def test_diff_help_names_the_extend_table(cli) -> None:
    shown = re.sub(r"[│\s]+", " ", plain(cli("diff", "--help", env={"COLUMNS": "400"}).stdout))
    assert "(files that [[extend]] it)" in shown
