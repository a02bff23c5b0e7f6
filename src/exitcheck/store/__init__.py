"""The checked registry kept for fast reading, and loaded: which registries are in effect
(``load``), the shipped registry precomputed inside the package (``pack``), any other
registry parsed once into an SQLite cache (``cache``, ``cachefs``, ``sqlite``, ``codec``), and
the loaded ``Registry`` the answers read (``registry``). Other wings use what is named here.
"""

from exitcheck.store.loading import (
    forget_served_caches,
    load,
    registry_paths,
    reopen,
    shipped_registry,
    unique_paths,
)
from exitcheck.store.registry import Registry

__all__ = [
    "Registry",
    "forget_served_caches",
    "load",
    "registry_paths",
    "reopen",
    "shipped_registry",
    "unique_paths",
]
