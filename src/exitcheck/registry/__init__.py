"""Reading and checking the registry files an analyst writes (the cold path: a registry is
checked once, then served from the store).

Inside, in the order a file travels: ``safe_read`` (its bytes, within the size limit),
``parse`` (its TOML), ``tables`` with ``checker``, ``measures`` and ``evidence`` (each table
checked into records), then the rules across files (``crossfile``, ``layering`` for
``[[extend]]``), all run by ``validation.check``. Other wings use what is named here.
"""

from exitcheck.registry.parse import read_bytes
from exitcheck.registry.validation import Checked, check

__all__ = ["Checked", "check", "read_bytes"]
