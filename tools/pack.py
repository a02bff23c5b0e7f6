#!/usr/bin/env python3
"""Write src/exitcheck/data/shipped.pack: the registry in data/, precomputed (see store/pack.py).

    python tools/pack.py          # rewrite the pack after editing data/*.toml or simplified.txt
    python tools/pack.py --check  # exit 1 when the shipped pack is not what this would write

The pack is compared by content (what marshal loads, nested blobs decoded), not by bytes:
marshal's byte layout can differ between Python versions for equal data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from exitcheck.datafiles import data_file
from exitcheck.store import pack as packed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the shipped pack")
    args = parser.parse_args(argv)
    data = packed.pack_data()
    path = data_file(packed.PACK)
    if args.check:
        try:
            loaded = packed.decode(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError, LookupError) as exc:
            print(f"{path}: unreadable ({exc!r}); run tools/pack.py", file=sys.stderr)
            return 1
        if loaded is None or packed.decoded(loaded) != packed.decoded(data):
            print(f"{path} is stale; run tools/pack.py", file=sys.stderr)
            return 1
        return 0
    path.write_bytes(packed.encode(data))
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
