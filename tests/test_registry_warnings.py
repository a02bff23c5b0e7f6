"""Each registry warning has a seeded case, its boundary, and stays a warning (valid, usable)."""

from __future__ import annotations

import json

import pytest

from .registries import MINIMAL_HEADER

ENTITY = """
[[entities]]
id = "acme"
name = "{name}"
kind = "exchange"

[[entities.measures]]
kind = "{kind}"
scope = "everyone"
{dates}
description = "Something."
source = "src"
locator = {{ paragraph = 1, quote = "x" }}
"""

EXIT_PLANNED = "an 'exit_planned' measure has a date; use the kind of the measure itself"
EARLY = "effective date is more than a year before the announcement"
DEADLINE = "deadline is before the announcement"
ANNOUNCED_LATER = "announced 2021-09-27 is after source 'src' was published (2021-09-26)"
FUTURE = "{0} 2021-09-27 is after source 'src' was published: give the source's wording of this future date in '{0}_stated'"
MIXED = "name or alias 'Аcme' mixes Latin with Cyrillic or Greek look-alike letters"


@pytest.mark.parametrize(
    ("kind", "dates", "expected", "line_of"),
    [
        ("exit_planned", "announced = 2021-09-20\neffective = 2021-09-25", EXIT_PLANNED, 'kind = "exit'),
        ("exit_planned", "deadline = 2021-09-25", EXIT_PLANNED, 'kind = "exit'),
        ("exit_planned", "announced = 2021-09-24", None, None),
        ("closed", "announced = 2021-09-24\neffective = 2020-09-22", EARLY, "effective ="),
        ("closed", "announced = 2021-09-24\neffective = 2020-09-23", None, None),  # 366 days
        ("closed", "announced = 2021-09-24\neffective = 2020-09-22T23:00:00-05:00", EARLY, "effective ="),
        ("closed", "effective = 2001-01-01", None, None),  # no announcement: nothing to compare
        ("users_cleared", "announced = 2021-09-24\ndeadline = 2021-09-23", DEADLINE, "deadline ="),
        ("users_cleared", "announced = 2021-09-24\ndeadline = 2021-09-24", None, None),
        ("users_cleared", "announced = 2021-09-24\ndeadline = 2021-09-24T00:00:00+08:00", None, None),
        ("users_cleared", "announced = 2021-09-24\ndeadline = 2021-09-23T23:59:00+08:00", DEADLINE, "deadline ="),
        ("closed", "announced = 2021-09-27", ANNOUNCED_LATER, 'id = "acme"'),
        ("closed", "announced = 2021-09-26", None, None),
        ("closed", "effective = 2021-09-27", FUTURE.format("effective"), 'id = "acme"'),
        ("closed", 'effective = 2021-09-27\neffective_stated = "tomorrow"', None, None),
        ("users_cleared", "deadline = 2021-09-27", FUTURE.format("deadline"), 'id = "acme"'),
        ("users_cleared", "deadline = 2021-09-26", None, None),
    ],
)  # fmt: skip
def test_each_measure_warning(cli, write_registry, kind, dates, expected, line_of) -> None:
    path = write_registry(ENTITY.format(name="Acme", kind=kind, dates=dates))
    _expect(cli, path, expected, line_of)


def test_a_name_mixing_scripts_warns(cli, write_registry) -> None:
    path = write_registry(ENTITY.format(name="Аcme", kind="closed", dates=""))  # Cyrillic А
    _expect(cli, path, MIXED, 'id = "acme"')


def test_a_source_without_url_or_file_warns(cli, write_registry) -> None:
    header = MINIMAL_HEADER.replace('url = "https://example.org/test-source"\n', "")
    path = write_registry(ENTITY.format(name="Acme", kind="closed", dates=""), header=header)
    data = json.loads(cli("validate", str(path), "--json").stdout)
    found = [(f["message"], f["severity"]) for f in data["findings"]]
    assert found == [
        ("source 'src' has neither 'url' nor 'file': how would a reader check it?", "warning")
    ]
    assert data["valid"] is True


def _expect(cli, path, expected: str | None, line_of: str | None) -> None:
    result = cli("validate", str(path), "--json")
    assert result.exit_code == 0, result.stdout  # warnings never make a registry invalid
    data = json.loads(result.stdout)
    found = [(f["message"], f["line"], f["severity"], f["entity"]) for f in data["findings"]]
    if expected is None:
        assert found == []
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith(line_of) and i > 12)
    assert found == [(expected, line, "warning", "acme")]
    assert (data["valid"], data["errors"], data["warnings"]) == (True, 0, 1)
    assert cli("--registry", str(path), "status", "acme").exit_code == 0  # still usable


NO_ZH = "the measure has Chinese text but no '{0}_zh': its '{0}' shows in English under --lang zh"


@pytest.mark.parametrize(
    ("dates", "expected", "line_of"),
    [
        ('products = ["margin trading"]', None, None),  # English only: no warning
        ('products = ["margin trading"]\nscope_zh = "所有人"\ndescription_zh = "某事。"', NO_ZH.format("products"), "products ="),
        ('products = ["margin trading"]\nproducts_zh = ["杠杆交易"]\nscope_zh = "所有人"\ndescription_zh = "某事。"', None, None),
        ('description_zh = "某事。"', NO_ZH.format("scope"), "scope ="),
        ('notes = "A note."\nscope_zh = "所有人"\ndescription_zh = "某事。"', NO_ZH.format("notes"), "notes ="),
    ],
)  # fmt: skip
def test_a_measure_in_chinese_gives_every_text_in_chinese(
    cli, write_registry, dates, expected, line_of
) -> None:
    path = write_registry(ENTITY.format(name="Acme", kind="closed", dates=dates))
    _expect(cli, path, expected, line_of)


def test_products_zh_names_the_products_one_for_one(cli, write_registry) -> None:
    dates = 'products = ["margin trading", "margin loans"]\nproducts_zh = ["杠杆交易"]'
    path = write_registry(ENTITY.format(name="Acme", kind="closed", dates=dates))
    result = cli("validate", str(path))
    assert result.exit_code == 2
    assert "'products_zh' must name the products one for one" in result.stdout


def test_products_in_chinese_in_the_chinese_view(cli, write_registry) -> None:
    dates = 'products = ["margin trading"]\nproducts_zh = ["杠杆交易"]'
    path = write_registry(ENTITY.format(name="Acme", kind="closed", dates=dates))
    zh = cli("--lang", "zh", "--registry", str(path), "status", "acme", "--details").stdout
    assert "涉及产品：杠杆交易" in zh and "margin" not in zh
    en = cli("--registry", str(path), "status", "acme", "--details").stdout
    assert "margin trading" in en and "杠杆交易" not in en
