"""Where the packaged data files are: ``exitcheck/data/`` inside the package.

A package installed as files (a wheel, an editable install, a checkout) is read straight from
its directory; ``importlib.resources`` (about 5 ms to import) is used only for a package that
is not on the file system (a zip import), where it extracts the file it is asked for.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).parent / "data"


def data_file(name: str) -> Path:
    """The packaged data file NAME (entities.toml, matching.toml, ...)."""
    path = _HERE / name
    if path.exists():
        return path
    return _resource(name)


def _resource(name: str) -> Path:
    import atexit
    import contextlib
    from importlib import resources

    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return stack.enter_context(resources.as_file(resources.files("exitcheck") / "data" / name))
