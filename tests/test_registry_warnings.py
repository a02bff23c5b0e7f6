"""Each registry warning has a seeded case, its boundary, and stays a warning (valid, usable)."""

from __future__ import annotations

import json

import pytest

ENTITY = """
[[entities]]
id = "acme"
name = "Acme Exchange"
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


@pytest.mark.parametrize(
    ("kind", "dates", "expected", "line_of"),
    [
        ("exit_planned", "announced = 2021-09-24\neffective = 2021-10-01", EXIT_PLANNED, "kind = \"exit"),
        ("exit_planned", "deadline = 2021-10-01", EXIT_PLANNED, "kind = \"exit"),
        ("exit_planned", "announced = 2021-09-24", None, None),
        ("closed", "announced = 2021-09-24\neffective = 2020-09-22", EARLY, "effective ="),
        ("closed", "announced = 2021-09-24\neffective = 2020-09-23", None, None),  # 366 days
        ("closed", "announced = 2021-09-24\neffective = 2020-09-22T23:00:00-05:00", EARLY, "effective ="),
        ("closed", "effective = 2001-01-01", None, None),  # no announcement: nothing to compare
        ("users_cleared", "announced = 2021-09-24\ndeadline = 2021-09-23", DEADLINE, "deadline ="),
        ("users_cleared", "announced = 2021-09-24\ndeadline = 2021-09-24", None, None),
        ("users_cleared", "announced = 2021-09-24\ndeadline = 2021-09-24T00:00:00+08:00", None, None),
        ("users_cleared", "announced = 2021-09-24\ndeadline = 2021-09-23T23:59:00+08:00", DEADLINE, "deadline ="),
    ],
)  # fmt: skip
def test_each_warning(cli, write_registry, kind, dates, expected, line_of) -> None:
    path = write_registry(ENTITY.format(kind=kind, dates=dates))
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
