"""TOML parsing: tomli on every Python version (the design card names it).

tomli's compiled wheels parse about three times as fast as the standard library's tomllib
(the shipped registry: ~2 ms against ~7 ms; see BENCHMARKS.md), and its errors carry the same
"(at line L, column C)" text that validation turns into a finding's line and column.
"""

from __future__ import annotations

from typing import Any

import tomli

TOMLDecodeError = tomli.TOMLDecodeError


def loads(text: str) -> dict[str, Any]:
    return tomli.loads(text)
