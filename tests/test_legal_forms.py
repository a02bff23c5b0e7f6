"""Legal forms taken from rigour's table (data/legal_forms.txt, tools/legal_forms.py): the file is
the generator's output, holds only safe keys, is peeled like the hand-written generic words and
leaves every shipped registry name its distinctive part. rigour is never imported to answer."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from exitcheck.matching import match, names
from exitcheck.model import Entity
from exitcheck.store.loading import load, shipped_registry

REPO = Path(__file__).resolve().parents[1]
INDEX = load([shipped_registry()], use_cache=False).index


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("legal_forms", REPO / "tools" / "legal_forms.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_file_is_the_generators_output() -> None:
    # from the copy of rigour's table in tools/data: runs everywhere, without rigour installed
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "legal_forms.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_every_form_is_one_safe_key() -> None:
    tool = _tool()
    forms, affixes = names._legal_forms()
    assert {"aktiengesellschaft", "fze", "uab", "ooo", "주식회사"} <= forms
    assert {"株式会社", "有限会社"} <= affixes
    syllables = tool.pinyin_syllables()
    hand_written = tool.hand_written()
    for key in forms | affixes:
        assert names.words(key) == [key] and names.compact_key(key) == key, key
        assert len(key) >= 3 and key.isalpha(), key
        assert key not in syllables and key not in tool.EXCLUDED, key
        assert key not in hand_written, f"{key} is written by hand too"
        assert names.has_cjk(key) == (key in affixes), key
    for left_out in ("htx", "hao", "zao", "kor", "unlimited", "pt", "in"):
        assert left_out not in forms, left_out


def _labels(entity: Entity) -> list[str]:
    later = [n.name for n in entity.later_names]
    return [entity.name, entity.name_zh or "", *entity.aliases, *later]


def test_no_shipped_name_loses_its_distinctive_part() -> None:
    """A registry name with a generated form in it keeps a distinctive part that no other
    entity's name has (a form such as 'htx' or 'hao' would cut a brand)."""
    forms, affixes = names._legal_forms()
    registry = load([shipped_registry()], use_cache=False)
    owners: dict[str, set[str]] = {}
    touched: list[tuple[str, str]] = []
    for entity in registry.entities:
        for label in filter(None, _labels(entity)):
            units = names.units(names.words(names.to_simplified(label)))
            core = "".join(unit for unit, generic in units if not generic)
            owners.setdefault(core, set()).add(entity.id)
            if any(unit in forms or unit in affixes for unit, _ in units):
                touched.append((label, core))
    for label, core in touched:
        assert core, f"'{label}' is only generic words"
        assert len(owners[core]) == 1, f"'{label}' collides with {owners[core]}"


@pytest.mark.parametrize(
    "query",
    [
        "BiONE FZE",
        "BiONE Aktiengesellschaft",
        "ООО BiONE",
        "BiONE UAB",
        "BiONE Ltda",
        "BiONE Berhad",
        "BiONE 주식회사",
    ],
)
def test_a_legal_form_from_another_language_is_peeled(query: str) -> None:
    """The form is peeled to find the name; a form of one jurisdiction that none of the
    entity's names holds names a local company of its group (matching/beside.py): review with
    the entity, found by its name."""
    result = match(INDEX, query)
    assert result.decision == "ambiguous", query
    assert [(c.entity_id, c.method) for c in result.candidates] == [
        ("bione", "exact_without_generic")
    ]
    assert "legal form of one jurisdiction" in result.reason


def test_a_legal_form_in_brackets_qualifies_the_name() -> None:
    # too long to pass for a ticker: without the generated forms this is 'ambiguous'
    result = match(INDEX, "BiONE (Aktiengesellschaft)")
    assert (result.decision, result.entity_id) == ("match", "bione")


def test_a_legal_form_alone_matches_nothing() -> None:
    for query in ("FZE", "Aktiengesellschaft", "ооо", "株式会社", "Sociedad Limitada Ltda"):
        assert match(INDEX, query).decision == "none", query


def test_japanese_forms_are_peeled_at_either_end(write_registry) -> None:
    path = write_registry(
        '[[entities]]\nid = "bitflyer"\nname = "bitFlyer"\nkind = "exchange"\n\n'
        '[[entities]]\nid = "kanji"\nname = "Kanji"\nname_zh = "火星交易"\nkind = "exchange"\n'
    )
    index = load([path], use_cache=False).index
    for query, entity in (
        ("株式会社bitFlyer", "bitflyer"),
        ("bitFlyer株式会社", "bitflyer"),
        ("火星交易株式会社", "kanji"),
        ("有限会社火星交易", "kanji"),
    ):
        result = match(index, query)
        first = result.candidates[0] if result.candidates else None
        assert first is not None and (first.entity_id, first.method) == (
            entity,
            "exact_without_generic",
        ), query
        assert result.decision == "ambiguous", query  # a Japanese company: review


def test_status_answers_for_a_foreign_legal_name(cli_json) -> None:
    """A platform's name with a legal form of one jurisdiction is review with the platform."""
    code, record = cli_json("status", "Binance FZE", "--json")
    assert code == 1 and record["entity"] is None  # no confident match
    assert record["match"]["decision"] == "ambiguous"
    assert [c["id"] for c in record["match"]["candidates"]] == ["binance"]
    assert record["match"]["candidates"][0]["method"] == "exact_without_generic"


def test_answering_does_not_import_rigour() -> None:
    code = (
        "import sys; from exitcheck.matching import names; names.generic_words();"
        " assert not [m for m in sys.modules if m.split('.')[0] == 'rigour'], 'rigour imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
