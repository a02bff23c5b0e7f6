#!/usr/bin/env python3
"""Rewrite tests/golden/ from the current code: the only way golden files change.

    .venv/bin/python scripts/regen_golden.py          # rewrite every golden file
    .venv/bin/python scripts/regen_golden.py --check  # exit 1 if any would change

Review the diff (git diff tests/golden) before committing: every change must be intended.
The cases and their arguments live in tests/test_golden.py; the test run only compares.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.pop("EXITCHECK_REGISTRY", None)
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="exitcheck-golden-"))

from tests.test_golden import CASES, GOLDEN, produce  # noqa: E402


def main(argv: list[str]) -> int:
    check = "--check" in argv
    GOLDEN.mkdir(exist_ok=True)
    changed = []
    with tempfile.TemporaryDirectory() as work:
        for name in sorted(CASES):
            text = produce(name, Path(work))
            target = GOLDEN / name
            old = target.read_text(encoding="utf-8") if target.exists() else None
            if old != text:
                changed.append(name)
                if not check:
                    target.write_text(text, encoding="utf-8")
    for stale in sorted(p for p in GOLDEN.iterdir() if p.is_file() and p.name not in CASES):
        changed.append(f"{stale.name} (no case)")
        if not check:
            stale.unlink()
    for name in changed:
        print(("differs: " if check else "rewrote: ") + name)
    print(f"{len(changed)} of {len(CASES)} golden file(s) {'differ' if check else 'rewritten'}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
