"""Screening as a stream: every row answered (unreadable and empty rows have their own
decision), the wrong encoding still refused from the start of the input, multi-line CSV
fields read and stray quotes caught, bounded memory, and the first answer before the input
ends."""

from __future__ import annotations

import codecs
import csv
import io
import json
import select
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exitcheck.answers import screen_input
from exitcheck.answers.screen_input import SAMPLE, problem, read

from .conftest import entry_point


def ndjson(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def others(count: int) -> list[str]:
    """Names of companies the registry does not hold (answered none)."""
    return [f"Meridian Freight {i} Ltd" for i in range(count)]


# ---------------------------------------------------------------------------------- every row


def test_one_damaged_name_of_482_is_unreadable_and_the_others_are_answered(
    cli, tmp_path: Path
) -> None:
    names = [*others(240), "Hu\ufffdbi Global", "Huobi", *others(240)]
    assert len(names) == 482
    path = tmp_path / "clients.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    result = cli("screen", str(path), "--json", "--as-of", "2021-10-01")
    assert result.exit_code == 5, result.stderr
    rows = ndjson(result.stdout)
    assert [r["row"] for r in rows] == list(range(1, 483))
    damaged = rows[240]
    assert (damaged["decision"], damaged["input"]) == ("unreadable", "Hu\ufffdbi Global")
    assert "U+FFFD" in damaged["reason"] and damaged["entity_id"] is None
    assert rows[241]["decision"] == "match" and rows[241]["entity_id"] == "huobi"
    assert {r["decision"] for i, r in enumerate(rows) if i not in (240, 241)} == {"none"}
    assert "read 482 row(s), answered 482: 1 match, 0 ambiguous, 480 none, 1 unreadable" in (
        result.stderr
    )
    assert "could not be read" in result.stderr


def test_undecodable_bytes_after_the_sample_make_one_row_unreadable(tmp_path: Path) -> None:
    head = "".join(f"{n}\n" for n in others(5000)).encode()  # well past the 64 KiB sample
    assert len(head) > SAMPLE
    path = tmp_path / "clients.txt"
    path.write_bytes(head + b"Caf\xe9 Huobi\n" + "火币\n".encode())
    summary = tmp_path / "summary.json"
    done = subprocess.run(
        [*entry_point(), "screen", str(path), "--json", "--summary", str(summary)],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 5, done.stderr
    rows = ndjson(done.stdout.decode("utf-8"))
    assert len(rows) == 5002
    bad, last = rows[5000], rows[5001]
    assert bad["decision"] == "unreadable" and bad["input"] == "Caf\ufffd Huobi"
    assert bad["reason"] == "holds bytes that are not valid utf-8"
    assert last["entity_id"] == "huobi"
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert (data["read"], data["rows"], data["unreadable"], data["empty"]) == (5002, 5002, 1, 0)


def test_unreadable_beats_a_hit_and_empty_rows_keep_exit_0(cli) -> None:
    names = [*others(100), "Huobi", "\ufffd\ufffd"]
    hit_and_bad = cli("screen", "-", "--fail-on-match", "--json", input="\n".join(names) + "\n")
    assert hit_and_bad.exit_code == 5  # 5 (unreadable) wins over 3 (hit)
    hit = cli("screen", "-", "--fail-on-match", "--json", input="Huobi\n\n")
    assert hit.exit_code == 3
    blank = cli("screen", "-", "--json", input="Meridian\n\n   \nHuobi\n")
    assert blank.exit_code == 0
    assert [r["decision"] for r in ndjson(blank.stdout)] == ["none", "empty", "empty", "match"]
    assert ", 2 empty in " in blank.stderr


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        ("a\n", 1),  # a trailing newline is not a row
        ("a", 1),
        ("a\n\n", 2),  # a blank line is
        ("a\r\nb\r\n", 2),
        ("\n", 1),
        ("", 0),
    ],
)
def test_what_counts_as_a_row(cli, body: str, rows: int) -> None:
    result = cli("screen", "-", "--json", input=body)
    assert len(ndjson(result.stdout)) == rows


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown", "ndjson"])
def test_the_unreadable_decision_is_in_every_format(cli, fmt: str) -> None:
    body = "\n".join([*others(60), "Bad\ufffdName", ""]) + "\n"
    result = cli("screen", "-", "--format", fmt, input=body)
    assert result.exit_code == 5, result.stderr
    assert "unreadable" in result.stdout and "empty" in result.stdout
    assert "Bad\ufffdName" in result.stdout


def test_csv_output_names_the_unreadable_row_and_its_reason(cli) -> None:
    body = "id,name\n" + "".join(f"{i},{n}\n" for i, n in enumerate(others(60))) + "61,X\ufffd\n"
    result = cli("screen", "-", "--column", "name", "--format", "csv", input=body)
    assert result.exit_code == 5
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[-1]["id"] == "61" and rows[-1]["decision"] == "unreadable"
    assert "U+FFFD" in rows[-1]["reason"]


def test_the_unreadable_decision_in_a_workbook(cli, tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    target = tmp_path / "out.xlsx"
    body = "\n".join([*others(60), "Bad\ufffdName"]) + "\n"
    result = cli("screen", "-", "--format", "xlsx", "-o", str(target), input=body)
    assert result.exit_code == 5, result.stderr
    with zipfile.ZipFile(target) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "unreadable" in sheet and "Bad\ufffdName" in sheet


def test_the_chinese_summary_counts_unreadable_rows(cli) -> None:
    body = "\n".join([*others(60), "Bad\ufffdName", ""]) + "\n"
    result = cli("--lang", "zh", "screen", "-", input=body)
    assert result.exit_code == 5
    assert "无法读取1行" in result.stderr and "空行1行" in result.stderr
    assert "1行无法读取，未作筛查" in result.stderr
    assert "无法读取" in result.stdout


# ------------------------------------------------------------------------------ encodings


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["火币\n幣安\nkucoin\n", "Huobi\nOKEx\nkucoin\n"])
def test_utf16_without_a_byte_order_mark_is_refused(cli, tmp_path: Path, codec, text) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes(text.encode(codec))
    result = cli("screen", str(path), "--json")
    assert result.exit_code == 2
    assert f"reads as {codec} without a byte-order mark" in result.stderr
    assert f"--encoding {codec}" in result.stderr
    named = cli("screen", str(path), "--json", "--encoding", codec)
    assert named.exit_code == 0, named.stderr
    assert [r["input"] for r in ndjson(named.stdout)] == text.splitlines()


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_a_byte_order_mark_is_refused(cli, tmp_path: Path, codec) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes("火币\nHuobi\n".encode(codec))
    result = cli("screen", str(path))
    assert result.exit_code == 2 and f"reads as {codec}" in result.stderr


def test_nul_bytes_that_are_no_wide_encoding_are_refused(cli, tmp_path: Path) -> None:
    path = tmp_path / "names.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\x00\x00\x00\x00\x01\x02" * 20)
    result = cli("screen", str(path))
    assert result.exit_code == 2 and "NUL bytes" in result.stderr


@pytest.mark.parametrize(
    ("codec", "hint"), [("gb18030", "try --encoding gb18030"), ("big5", "big5")]
)
def test_a_chinese_encoding_is_refused_with_a_hint(cli, tmp_path: Path, codec, hint) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes("火幣\n幣安\n交易所\n".encode(codec))
    result = cli("screen", str(path))
    assert result.exit_code == 2
    assert "line 1 is not valid utf-8" in result.stderr and hint in result.stderr
    assert cli("screen", str(path), "--encoding", codec).exit_code == 0


def test_a_mostly_ascii_gb18030_list_is_refused_not_answered_row_by_row(
    cli, tmp_path: Path
) -> None:
    path = tmp_path / "names.txt"
    ascii_names = "".join(f"{n}\n" for n in others(200)).encode()
    path.write_bytes(ascii_names + "火币\n币安\n".encode("gb18030"))  # 2 rows in 202: under 1/50
    result = cli("screen", str(path))
    assert result.exit_code == 2
    assert "line 201 is not valid utf-8; it reads as gb18030" in result.stderr
    assert "try --encoding gb18030" in result.stderr
    latin = tmp_path / "latin.txt"  # one Latin-1 slip in a UTF-8 list with Chinese names
    latin.write_bytes(ascii_names + "火币\n".encode() + b"Caf\xe9s Ltd\n")  # gb18030 reads all
    one = cli("screen", str(latin), "--json")
    assert one.exit_code == 5, one.stderr
    assert [r["decision"] for r in ndjson(one.stdout)][-2:] == ["match", "unreadable"]


def test_a_gb18030_byte_order_mark_is_dropped(cli, tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes("\ufeff火币\n币安\n".encode("gb18030"))  # the mark as 84 31 95 33
    assert path.read_bytes().startswith(b"\x841\x953")
    result = cli("screen", str(path), "--json", "--encoding", "gb18030")
    assert result.exit_code == 0, result.stderr
    assert [r["input"] for r in ndjson(result.stdout)] == ["火币", "币安"]


def test_a_named_encoding_also_answers_a_bad_row_unreadable(cli, tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    body = "".join(f"{n}\n" for n in others(200)).encode("gb18030")
    path.write_bytes(body + b"\x81\n" + "火币\n".encode("gb18030"))  # a lone lead byte
    result = cli("screen", str(path), "--json", "--encoding", "gb18030")
    assert result.exit_code == 5, result.stderr
    rows = ndjson(result.stdout)
    assert rows[200]["reason"] == "holds bytes that are not valid gb18030"
    assert rows[201]["entity_id"] == "huobi"


# ------------------------------------------------------------------------------------ CSV


CRM = (
    "id,name,address,note\r\n"
    '1,Huobi Global,"Suite 5, Floor 3\r\nMahe\r\nSeychelles","key account"\r\n'
    '2,Meridian Freight Ltd,"1 Main St\r\nValletta","said ""call later""\r\nthen\r\nagain"\r\n'
    "3,币安,Unknown,\r\n"
    '4,,"no name\r\nhere",\r\n'
)


def test_a_crm_export_with_multi_line_addresses_is_read(cli) -> None:
    result = cli("screen", "-", "--column", "name", "--json", input=CRM)
    assert result.exit_code == 0, result.stderr
    rows = ndjson(result.stdout)
    assert [(r["row"], r["decision"], r["entity_id"]) for r in rows] == [
        (1, "match", "huobi"),
        (2, "none", None),
        (3, "match", "binance"),
        (4, "empty", None),
    ]
    assert rows[0]["columns"]["address"] == "Suite 5, Floor 3\r\nMahe\r\nSeychelles"
    assert rows[1]["columns"]["note"] == 'said "call later"\r\nthen\r\nagain'
    as_csv = cli("screen", "-", "--column", "name", "--format", "csv", input=CRM)
    assert [r["id"] for r in csv.DictReader(io.StringIO(as_csv.stdout))] == ["1", "2", "3", "4"]


def test_a_stray_quote_closed_later_is_caught_with_its_line(cli) -> None:
    body = 'id,name,country\n1,"ACME Ltd,GB\n2,Huobi,SC\n3,OKEx",MT\n4,Binance,MT\n'
    result = cli("screen", "-", "--column", "name", "--json", input=body)
    assert result.exit_code == 2
    assert "malformed CSV at line 2: a quoted field runs over 3 lines" in result.stderr
    assert "line 3 of the file reads as a row of its own" in result.stderr
    assert ndjson(result.stdout)[0]["error"]["kind"] == "usage"  # no row answered before it


def test_two_columns_need_two_row_like_lines_to_be_a_stray_quote(cli) -> None:
    address = '"Floor 3, Block B\nMahe, Victoria\nSeychelles, SC"'  # each: one comma, 2 cells
    body = f"name,address\nHuobi,{address}\nOKEx,x\n"
    result = cli("screen", "-", "--column", "name", "--json", input=body)
    assert result.exit_code == 2 and "reads as a row of its own" in result.stderr
    one = 'name,address\nHuobi,"Floor 3\nMahe, Seychelles"\nOKEx,x\n'
    fine = cli("screen", "-", "--column", "name", "--json", input=one)
    assert fine.exit_code == 0, fine.stderr
    assert [r["entity_id"] for r in ndjson(fine.stdout)] == ["huobi", "okex"]


def test_a_stray_quote_never_closed_is_caught(cli) -> None:
    body = "id,name\n" + "1,Huobi\n" + '2,"ACME\n' + "".join(f"{i},X{i}\n" for i in range(3, 50))
    result = cli("screen", "-", "--column", "name", "--json", input=body)
    assert result.exit_code == 2
    assert "malformed CSV at line 3: unexpected end of data" in result.stderr
    first, error = ndjson(result.stdout)  # the row before it was answered, then the error
    assert first["entity_id"] == "huobi"
    assert error["error"]["message"].startswith("malformed CSV at line 3")


def test_a_quoted_field_over_100_lines_is_a_stray_quote(cli) -> None:
    long_field = "\n".join(f"line {i}" for i in range(150))
    body = f'name,note\nHuobi,"{long_field}"\nOKEx,x\n'
    result = cli("screen", "-", "--column", "name", input=body)
    assert result.exit_code == 2
    assert "runs over 150 lines (more than 100)" in result.stderr
    short = "\n".join(f"line {i}" for i in range(99))
    fine = cli("screen", "-", "--column", "name", "--json", input=f'name,note\nHuobi,"{short}"\n')
    assert fine.exit_code == 0 and ndjson(fine.stdout)[0]["columns"]["note"] == short


def test_a_csv_with_a_bad_cell_elsewhere_keeps_the_row(cli) -> None:
    body = "name,note\n" + "".join(f"{n},ok\n" for n in others(60)) + "Huobi,caf\ufffd\n"
    result = cli("screen", "-", "--column", "name", "--json", input=body)
    assert result.exit_code == 0  # only the screened column decides
    assert ndjson(result.stdout)[-1]["entity_id"] == "huobi"


# --------------------------------------------------------------------------- the reader alone


def test_problem_names_what_cannot_be_screened() -> None:
    assert problem("Huobi") is None and problem("火币") is None
    assert "U+FFFD" in (problem("a\ufffd") or "")
    assert problem("a\udcff", "big5") == "holds bytes that are not valid big5"
    assert problem("a\x00b") == "holds a NUL character"


@given(
    st.lists(
        st.text(
            st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00\ufffd"),
            max_size=12,
        ),
        max_size=40,
    ),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"]),
)
def test_the_reader_gives_back_every_line(tmp_path_factory, names: list[str], codec) -> None:
    if codec == "gb18030":
        names = [n for n in names if _encodes(n, codec)]
    path = tmp_path_factory.mktemp("r") / "names.txt"
    if names and names[0].startswith("\ufeff"):
        names[0] = names[0][1:]  # a leading U+FEFF is taken for a byte-order mark
    path.write_bytes("".join(f"{n}\n" for n in names).encode(codec))
    given_encoding = None if codec in ("utf-8", "utf-8-sig", "utf-16", "utf-32") else codec
    table = read(str(path), encoding=given_encoding, plain=True)
    assert [(r.number, r.name, r.problem) for r in table.rows] == [
        (i, n, None) for i, n in enumerate(names, 1)
    ]


def _encodes(name: str, codec: str) -> bool:
    try:
        name.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def test_a_long_line_is_cut_and_the_rest_still_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(screen_input, "MAX_LINE", 64)
    path = tmp_path / "names.txt"
    path.write_text("x" * 1000 + "\nHuobi\n", encoding="utf-8")
    rows = list(read(str(path), plain=True).rows)
    assert [(r.number, len(r.name)) for r in rows] == [(1, 64), (2, 5)]


def test_the_sample_decides_once_then_rows_stream(tmp_path: Path) -> None:
    """Bad rows inside the sample beyond one in 50 refuse the file; fewer are rows."""
    path = tmp_path / "names.txt"
    good = "".join(f"{n}\n" for n in others(100)).encode()
    path.write_bytes(good + b"\xff\n\xfe\n")  # 2 of 102
    assert [r.number for r in read(str(path)).rows if r.problem] == [101, 102]
    path.write_bytes(good + b"\xff\n\xfe\n\xfd\n")  # 3 of 103
    with pytest.raises(screen_input.UsageError, match="line 101 is not valid utf-8"):
        read(str(path))


def test_a_wide_guess() -> None:
    assert screen_input._wide("火币\nHuobi\n".encode("utf-16-le")) == "utf-16-le"
    assert screen_input._wide("Huobi\nOKX\n".encode("utf-16-be")) == "utf-16-be"
    assert screen_input._wide("Huobi\n".encode("utf-32-le")) == "utf-32-le"
    assert screen_input._wide(b"\x00\x00\x00\x00\xff\xff\xff\xff") is None
    assert codecs.lookup("utf-16-le")  # the guess is a codec --encoding takes


# ----------------------------------------------------------------------- memory and latency


def _peak_rss_kib(rows: int) -> int:
    """Peak RSS of a screening child fed ``rows`` rows through a pipe, measured in a fresh
    launcher process (RUSAGE_CHILDREN covers only the children of the one asking)."""
    code = f"""
import resource, subprocess, sys
names = ["Huobi", "Acme Trading Ltd", "币安", "kucoin", "Nobody GmbH", "Pocket Tokn"]
chunk = "".join(f"{{names[i % 6]}} {{i % 50}}\\n" for i in range(1000)).encode()
child = subprocess.Popen({[*entry_point(), "screen", "-", "--json"]!r},
    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range({rows} // 1000):
    child.stdin.write(chunk)
child.stdin.close()
assert child.wait() == 0
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=180, check=True
    )
    return int(done.stdout)


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB")
def test_memory_stays_flat_whatever_the_input_size() -> None:
    small, large = _peak_rss_kib(20_000), _peak_rss_kib(200_000)
    assert large <= small * 1.10 + 2048, (small, large)  # ten times the rows, the same memory


@pytest.mark.skipif(sys.platform == "win32", reason="select on pipes")
def test_the_first_answer_comes_before_the_input_ends() -> None:
    proc = subprocess.Popen(
        [*entry_point(), "screen", "-", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(b"Huobi\nMeridian Freight Ltd\n")
        proc.stdin.flush()  # and the pipe stays open
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "no answer within 30 s while the input is still open"
        first = json.loads(proc.stdout.readline())
        assert (first["row"], first["entity_id"]) == (1, "huobi")
        assert proc.poll() is None  # still reading
        proc.stdin.write(b"OKEx\n")
        proc.stdin.close()
        rest = proc.stdout.read().decode("utf-8").splitlines()
        assert [json.loads(line)["row"] for line in rest] == [2, 3]
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def test_counts_grow_as_rows_are_read() -> None:
    import exitcheck
    from exitcheck import api

    registry = exitcheck.load()
    names = ["Huobi", "OKEx", "nobody"]
    table = screen_input.Table(None, (screen_input.Row(i, n) for i, n in enumerate(names, 1)))
    counts, records = api.screen_table(registry, table, api.clock(), None)
    assert counts.read == 0
    next(records)
    assert (counts.read, counts.rows) == (1, 1)
    list(records)
    assert (counts.read, counts.rows, counts.match, counts.none) == (3, 3, 2, 1)
