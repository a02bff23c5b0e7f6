"""Where the packaged data files are: ``exitcheck/data/`` inside the package.

The files an analyst edits (``entities.toml``, ``others.toml``, ``matching.toml``,
``legal_forms.txt``, ``i18n.toml``) live at the top of the repository, in ``data/``; the build
puts them into the wheel's ``exitcheck/data/`` beside what is built from them (``shipped.pack``,
``schemas/``, ``simplified.txt``). Installed code reads them from the package; a source checkout
or an editable install, whose package directory lacks them, reads them from ``data/`` two levels
above the package (``src/exitcheck`` -> the repository).

A package installed as files is read straight from its directory; ``importlib.resources``
(about 5 ms to import) is used only for a package that is not on the file system (a zip
import), where it extracts the file it is asked for.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).parent / "data"
_CHECKOUT = Path(__file__).parents[2] / "data"  # the repository's data/ (not in a wheel)


def data_file(name: str) -> Path:
    """The packaged data file NAME (entities.toml, matching.toml, ...)."""
    path = _HERE / name
    if path.exists():
        return path
    path = _CHECKOUT / name
    if path.exists() and (_CHECKOUT.parent / "src" / "exitcheck").is_dir():
        return path
    return _resource(name)


def _resource(name: str) -> Path:
    import atexit
    import contextlib
    from importlib import resources

    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return stack.enter_context(resources.as_file(resources.files("exitcheck") / "data" / name))
