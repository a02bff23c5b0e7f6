"""Where the packaged data files are: inside the installed package, or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def data_file(name: str) -> Path:
    """data/NAME as installed in the wheel (exitcheck/data/NAME), else the repository's."""
    packaged = Path(__file__).parent / "data" / name
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / name
