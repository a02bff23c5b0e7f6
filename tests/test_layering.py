"""Registries in layers: --registry adds to the shipped registry, [[extend]] adds to an entity
defined elsewhere, and every fact names the registry it came from."""

from __future__ import annotations

import json

import pytest

from .registries import DESK, EXTEND_HUOBI


@pytest.fixture
def desk(write_registry):
    def write(body: str = EXTEND_HUOBI):
        return write_registry(body, header=DESK)

    return write


def test_an_extension_adds_a_measure_alias_and_note_with_their_registry(cli, desk) -> None:
    path = desk()
    result = cli("--registry", str(path), "status", "hb desk", "--json", "--as-of", "2021-10-05")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["entity"]["id"] == "huobi" and data["entity"]["registry"] == "exitcheck-core"
    stated = [(m["kind"], m["registry"]) for m in data["measures"]]
    assert ("registration_stopped", "exitcheck-core") in stated
    assert [m for m in stated if m[1] != "exitcheck-core"] == [("features_limited", "desk")]
    origins = {o["alias"]: o["registry"] for o in data["entity"]["alias_origins"]}
    assert origins["HB Desk"] == "desk" and origins["Huobi Global"] == "exitcheck-core"
    assert data["entity"]["added_notes"] == [
        {"text": "Checked by the desk on 4 Oct 2021.", "source": "desk-memo", "registry": "desk"}
    ]
    assert data["provenance"]["contributors"] == ["exitcheck-core", "desk"]
    assert [r["name"] for r in data["provenance"]["registries"]] == ["exitcheck-core", "desk"]
    assert "desk-memo" in {s["id"] for s in data["sources"]}
    other = json.loads(cli("--registry", str(path), "status", "binance", "--json").stdout)
    assert other["provenance"]["contributors"] == ["exitcheck-core"]  # desk added nothing here
    table = " ".join(cli("--registry", str(path), "status", "huobi", "--details").stdout.split())
    assert "HB Desk [desk]" in table and "registry: desk" in table and "note [desk]" in table
    glance = " ".join(cli("--registry", str(path), "status", "huobi").stdout.split())
    assert "HB Desk [desk]" in glance and "registry: desk" in glance  # the note: --details


def test_the_environment_adds_too_and_the_cache_keeps_the_registries(
    cli, desk, monkeypatch
) -> None:
    monkeypatch.setenv("EXITCHECK_REGISTRY", str(desk()))
    first = cli("status", "huobi", "--json", "--as-of", "2021-10-05").stdout
    second = cli("status", "huobi", "--json", "--as-of", "2021-10-05").stdout  # from the cache
    assert first == second and '"registry": "desk"' in first


def test_only_uses_just_the_given_files(cli, desk, shipped) -> None:
    path = desk()
    result = cli("--only", "--registry", str(path), "status", "huobi")
    assert result.exit_code == 2 and "[[extend]] of unknown entity 'huobi'" in result.stderr
    both = cli("--only", "--registry", str(shipped), "--registry", str(path), "status", "huobi")
    assert both.exit_code == 0
    assert cli("--only", "status", "huobi").exit_code == 2  # nothing given to use


def test_naming_the_shipped_registry_again_is_not_a_redefinition(cli, shipped) -> None:
    assert cli("--registry", str(shipped), "status", "huobi").exit_code == 0


def test_a_redefinition_is_still_refused(cli, desk) -> None:
    path = desk(
        '\n[[entities]]\nid = "huobi"\nname = "Huobi"\nkind = "exchange"\n'
        "\n[[entities.measures]]\n"
        + EXTEND_HUOBI.split("[[extend.measures]]\n")[1].split("\n\n")[0]
    )
    result = cli("--registry", str(path), "status", "huobi")
    assert result.exit_code == 2
    assert "entity id 'huobi' is defined twice" in result.stderr and "[[extend]]" in result.stderr


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('\n[[extend]]\nentity = "huobi"\nname = "Huobi Global Ltd"\n', "unknown field 'name'"),
        ('\n[[extend]]\nentity = "huobi"\nkind = "wallet"\n', "unknown field 'kind'"),
        ('\n[[extend]]\nentity = "nope"\naliases = ["Nope"]\n', "unknown entity 'nope'"),
        ('\n[[extend]]\nentity = "huobi"\naliases = ["Binance"]\n', "collides with a name"),
        ("\n[[extend]]\naliases = ['x1']\n", "missing required field 'entity'"),
        (
            '\n[[extend]]\nentity = "huobi"\n[[extend.notes]]\ntext = "x"\nsource = "nowhere"\n',
            "unknown source 'nowhere'",
        ),
        (
            '\n[[extend]]\nentity = "huobi"\n[[extend.measures]]\nkind = "closed"\n',
            "missing required field 'scope'",
        ),
    ],
    ids=["change-name", "change-kind", "unknown", "collision", "no-entity", "source", "measure"],
)
def test_an_extension_cannot_change_or_invent(cli, desk, body, message) -> None:
    result = cli("--registry", str(desk(body)), "status", "huobi")
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_registry_names_must_differ(cli, write_registry) -> None:
    header = '[registry]\nname = "exitcheck-core"\nversion = "9"\nlast_reviewed = 2026-01-01\nschema = 1\n'
    result = cli("--registry", str(write_registry("", header=header)), "status", "huobi")
    assert result.exit_code == 2 and "registry name 'exitcheck-core'" in result.stderr


def test_validate_a_file_alone_or_layered(cli, desk) -> None:
    path = desk()
    alone = cli("validate", str(path))
    assert alone.exit_code == 2 and "exitcheck --registry FILE validate" in alone.stdout
    assert cli("--registry", str(path), "validate").exit_code == 0


def test_an_alias_the_entity_already_has_is_a_warning(cli, desk) -> None:
    path = desk('\n[[extend]]\nentity = "huobi"\naliases = ["Huobi-Global"]\n')
    result = cli("--registry", str(path), "validate")
    assert result.exit_code == 0 and "already a name of 'huobi'" in result.stdout


def test_a_file_given_twice_is_loaded_once(cli, desk) -> None:
    path = desk()
    result = cli("--registry", str(path), "--registry", str(path), "status", "huobi", "--json")
    assert result.exit_code == 0, result.stderr
    added = [m["kind"] for m in json.loads(result.stdout)["measures"] if m["registry"] == "desk"]
    assert added == ["features_limited"]


def test_screen_rows_name_the_registries_behind_each_answer(cli, desk) -> None:
    rows = cli("--registry", str(desk()), "screen", "-", "--json", input="hb desk\nbinance\n")
    contributors = [json.loads(x)["provenance"]["contributors"] for x in rows.stdout.splitlines()]
    assert contributors == [["exitcheck-core", "desk"], ["exitcheck-core"]]


# --------------------------------------------------------------------------------------------
# Extensions and issue 12's registry format (partial dates, later names, rules of evidence)

LATER = """
[[entities]]
id = "renamed"
name = "Old Name Exchange"
kind = "exchange"

[[entities.later_names]]
name = "NewCo"
since = "2023-09"
source = "desk-memo"
locator = { paragraph = 1, quote = "renamed" }
"""


def test_an_extension_measure_dated_by_month_counts_once_the_month_is_past(
    cli, desk, monkeypatch
) -> None:
    body = EXTEND_HUOBI.replace("announced = 2021-10-04", 'announced = "2021-09"')
    path = desk(body)
    monkeypatch.setenv("EXITCHECK_REGISTRY", str(path))
    for _ in range(2):  # built, then read back from the cache: the month survives the store
        data = json.loads(cli("status", "huobi", "--json", "--as-of", "2021-10-01").stdout)
        added = next(m for m in data["measures"] if m["registry"] == "desk")
        assert added["announced"] == "2021-09" and added["status"] == "restricting"
    on_30th = json.loads(cli("status", "huobi", "--json", "--known-on", "2021-09-30").stdout)
    assert "desk" not in [m["registry"] for m in on_30th["measures"]]  # not yet known then


def test_an_extension_measure_obeys_the_rules_of_evidence(cli, desk) -> None:
    late = EXTEND_HUOBI.replace("announced = 2021-10-04", "announced = 2021-10-20")
    result = cli("--registry", str(desk(late)), "validate")
    assert result.exit_code == 0  # a warning
    assert "announced 2021-10-20 is after source 'desk-memo' was published" in result.stdout


def test_an_extension_alias_cannot_take_another_entitys_later_name(cli, desk) -> None:
    clash = LATER + '\n[[extend]]\nentity = "huobi"\naliases = ["NewCo"]\n'
    result = cli("--registry", str(desk(clash)), "status", "huobi")
    assert result.exit_code == 2 and "collides with a name of entity 'renamed'" in result.stderr
    ok = json.loads(cli("--registry", str(desk(LATER)), "status", "newco", "--json").stdout)
    assert ok["match"]["method"] == "exact_later_name" and ok["entity"]["registry"] == "desk"
