"""The package has one sub-package per stage, and imports run one way: a stage imports only
the stages before it, and the command line enters the domain through api.py only."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "exitcheck"

# In the order an answer is made; "ground" is the modules at the top of the package that every
# stage uses (model, dates, errors, records, datafiles, tomlcompat, version).
ORDER = ["ground", "matching", "registry", "store", "answers", "render", "api", "cli", "package"]
DOMAIN = {"matching", "registry", "store", "answers"}


def _wing(module: str) -> str:
    parts = module.split(".")
    if parts == ["exitcheck"]:
        return "package"
    if parts[1] in ORDER:
        return parts[1]
    return "cli" if parts[1] == "__main__" else "ground"


def _imports() -> list[tuple[str, str, bool]]:
    """(importer, imported, only for the type checker) for every import of an exitcheck module."""
    found = []
    for path in SRC.rglob("*.py"):
        module = ".".join(("exitcheck", *path.relative_to(SRC).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(n)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for n in ast.walk(block)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module]
                if node.module == "exitcheck":
                    targets = [f"exitcheck.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            for target in targets:
                if target.split(".")[0] == "exitcheck":
                    found.append((module, target, id(node) in typing_only))
    return found


IMPORTS = _imports()


def test_the_stages_are_sub_packages() -> None:
    for wing in ORDER[1:-1]:
        if wing != "api":
            assert (SRC / wing / "__init__.py").is_file(), wing


def test_nothing_is_imported_upward() -> None:
    upward = [
        (importer, imported)
        for importer, imported, _ in IMPORTS
        if ORDER.index(_wing(imported)) > ORDER.index(_wing(importer))
    ]
    assert upward == []


def test_the_command_line_enters_the_domain_through_api() -> None:
    around = [
        (importer, imported)
        for importer, imported, typing_only in IMPORTS
        if _wing(importer) == "cli" and _wing(imported) in DOMAIN and not typing_only
    ]
    assert around == []


def test_another_stage_imports_a_stage_through_its_front_door() -> None:
    """matching/, registry/ and store/ name what other stages use in their __init__.py."""
    inside = [
        (importer, imported)
        for importer, imported, _ in IMPORTS
        if _wing(imported) in {"matching", "registry", "store"}
        and _wing(importer) != _wing(imported)
        and imported.count(".") > 1
        and not importer.startswith("exitcheck.api")
    ]
    assert inside == []
