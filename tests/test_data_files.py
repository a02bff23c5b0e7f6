"""The registry and the word lists an analyst edits live at the top of the repository, in data/;
the wheel carries them inside the package (hatch force-include), where installed code reads them."""

from __future__ import annotations

from pathlib import Path

import tomli

import exitcheck
from exitcheck.datafiles import data_file

REPO = Path(__file__).resolve().parents[1]


def _force_included() -> dict[str, str]:
    project = tomli.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = project["tool"]["hatch"]["build"]["targets"]["wheel"]
    return dict(wheel["force-include"])


def test_every_file_in_data_goes_into_the_package() -> None:
    edited = sorted(p.name for p in (REPO / "data").iterdir())
    assert {"entities.toml", "others.toml", "matching.toml", "i18n.toml"} <= set(edited)
    assert _force_included() == {f"data/{name}": f"exitcheck/data/{name}" for name in edited}


def test_what_is_built_from_it_stays_in_the_package() -> None:
    package = REPO / "src" / "exitcheck" / "data"
    assert {"shipped.pack", "simplified.txt", "schemas"} <= {p.name for p in package.iterdir()}
    assert not [name for name in _force_included() if Path(name).name in {"shipped.pack"}]


def test_installed_or_checked_out_the_code_reads_the_same_data() -> None:
    package = Path(exitcheck.__file__).parent / "data"
    checkout = package.parents[1] == REPO / "src"  # an editable install or a checkout
    for name in sorted(p.name for p in (REPO / "data").iterdir()):
        found = data_file(name)
        assert found == (REPO / "data" / name if checkout else package / name)
        assert found.read_bytes() == (REPO / "data" / name).read_bytes()
    assert data_file("shipped.pack") == package / "shipped.pack"
