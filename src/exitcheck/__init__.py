"""exitcheck: what platforms announced toward mainland-China users, since when, and says who.

The Python API (see README.md, "Python"), the same answers as the command line:

- ``load(paths=None, *, only=False) -> Registry``: the shipped registry with ``paths`` added
  (as ``--registry``), or ``paths`` alone with ``only=True`` (as ``--only``).
- ``lookup(registry, name, as_of=None) -> Answer``: one name's match, entity, status and
  provenance; ``answer.record`` is the JSON of ``exitcheck status --json``.
- ``screen(registry, names, as_of=None) -> Iterator[dict]``: one record per name, the
  NDJSON lines of ``exitcheck screen --json``.

Names are imported on first use, so ``import exitcheck`` stays cheap.
"""

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing would cost more than all this
if TYPE_CHECKING:
    from typing import Any

    from exitcheck.answers.status import Status
    from exitcheck.api import Answer, load, lookup, screen
    from exitcheck.errors import ExitcheckError, RegistryChanged, RegistryError, UsageError
    from exitcheck.model import Entity, Measure
    from exitcheck.store import Registry
    from exitcheck.version import __version__

# public name -> module that defines it (imported on first access)
_LAZY = {
    "Answer": "exitcheck.api",
    "load": "exitcheck.api",
    "lookup": "exitcheck.api",
    "screen": "exitcheck.api",
    "ExitcheckError": "exitcheck.errors",
    "RegistryChanged": "exitcheck.errors",
    "RegistryError": "exitcheck.errors",
    "UsageError": "exitcheck.errors",
    "Entity": "exitcheck.model",
    "Measure": "exitcheck.model",
    "Registry": "exitcheck.store.registry",
    "Status": "exitcheck.answers.status",
    "__version__": "exitcheck.version",  # written once, in version.py (the wheel reads it there)
}

__all__ = [
    "Answer",
    "Entity",
    "ExitcheckError",
    "Measure",
    "Registry",
    "RegistryChanged",
    "RegistryError",
    "Status",
    "UsageError",
    "__version__",
    "load",
    "lookup",
    "screen",
]


def __getattr__(name: str) -> "Any":
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'exitcheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
