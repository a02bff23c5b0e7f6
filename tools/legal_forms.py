"""Generate data/legal_forms.txt: the legal forms the matcher takes from rigour's table.

rigour (OpenSanctions' name library, MIT) keeps a table of company legal forms in many
languages: each organisation type has a display form, a comparison form and aliases
('Aktiengesellschaft', 'sp. z o.o.', '株式会社', 'ООО'). rigour 2.x compiles the table into its
Rust extension and has no way to list it; 1.8.2 is the last release whose wheel carries it as
data (rigour/data/names/org_types.py), so this script reads that release's table,
copied into tools/data (``--refresh`` copies it again from an installed rigour). The matcher never
imports rigour: names.generic_words() reads the generated file with data/matching.toml.

Which forms are taken, and why (the matcher must never peel a word that names a platform):
- a form that is one word once normalised as the matcher normalises names (exitcheck.matching.names:
  NFKC, case folding, look-alikes folded, marks removed, traditional folded to simplified).
  Multi-word forms ('sp. z o.o.', 'S.A. de C.V.', 'Sdn Bhd') cannot be peeled as one unit;
- of at least three letters and no digits: shorter forms ('pt', 'se', 'in', 'is', '주') are as
  often initials, tickers or words; the two-letter forms we use are written by hand;
- not a pinyin syllable: Chinese brands are romanised syllable by syllable ('Fei Xiao Hao'),
  so 'hao' (a Hungarian form) or 'zao' (Russian ЗАО) would cut a brand in two;
- not in EXCLUDED: English words, a registry brand ('htx', Vietnamese for a cooperative, is
  Huobi's later name), places and kinds of organisation that are not legal forms;
- not already in a hand-written list of data/matching.toml (each word is written once).
Forms in Chinese characters (Japanese '株式会社' too) are affixes, peeled at the start or end of
a name like generic_words_zh; all others are whole words like generic_words.

The file holds the matcher's keys (exitcheck.matching.names.compact_key), so loading it normalises
nothing: a Cyrillic form is written as the matcher folds it ('ООО' -> 'ooo').

    python tools/legal_forms.py --check      # compare the shipped file (the tests do)
    python tools/legal_forms.py              # rewrite it from tools/data's copy of the table
    pip install --no-deps 'rigour==1.8.2' && python tools/legal_forms.py --refresh
                                             # copy the table out of rigour again, then rewrite
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from exitcheck.matching import names  # noqa: E402
from exitcheck.tomlcompat import loads  # noqa: E402

DATA = REPO / "data"  # the data an analyst edits, at the top of the repository
OUT = DATA / "legal_forms.txt"
PACKAGE = "rigour"
VERSION = "1.8.2"
MIN_LETTERS = 3
# rigour 1.8.2's table, copied as data (MIT; tools/data/rigour-LICENSE.txt) so that neither
# the tests nor this script need rigour, whose dependency PyICU has no wheels and must be compiled.
TABLE = REPO / "tools" / "data" / f"rigour-{VERSION}-org-types.json"

# Forms of rigour's table the matcher must not peel, with the reason.
EXCLUDED = {
    # English words
    "bat": "English word",
    "charity": "English word; a kind of organisation",
    "cooperation": "English word",
    "cooperative": "English word",
    "gag": "English word",
    "may": "English word",
    "moo": "English word",
    "nonprofit": "English word; a kind of organisation",
    "ops": "English word",
    "pup": "English word",
    "sad": "English word",
    "too": "English word (Kazakh ТОО stays in Cyrillic)",
    "unlimited": "English word, common in product names",
    # a registry brand and crypto words
    "htx": "Huobi's later name (HTX); Vietnamese 'hợp tác xã' in rigour",
    "sha": "the hash (SHA-256) that mining pools name; Albanian 'Sh.A.' in rigour",
    "psu": "a miner's power supply unit; 'public sector undertaking' in rigour",
    # places (ISO 3166 codes)
    "kor": "Korea, where platforms run affiliates (affiliate_places has 'kr', 'korea')",
    "sau": "Saudi Arabia; Spanish 'sociedad anónima unipersonal' in rigour",
    # kinds of organisation, not legal forms
    "cpa": "an accountant's title",
    "cso": "a civil society organisation",
    "ngo": "a non-governmental organisation",
    "npo": "a non-profit organisation",
    "ong": "French and Spanish for NGO",
    "pmc": "a private military company",
}


def org_types() -> tuple[list[dict[str, object]], str]:
    """(rigour's organisation types, where they came from), from the copy in tools/data."""
    specs = json.loads(TABLE.read_text(encoding="utf-8"))
    return specs, f"{PACKAGE} {VERSION}"


def refresh() -> None:
    """Copy the table out of an installed rigour (the only step that needs rigour)."""
    version = metadata.version(PACKAGE)
    if version != VERSION:
        raise SystemExit(
            f"tools/legal_forms.py reads rigour {VERSION}, the last release that ships its"
            f" org-type table as data (found {version}): pip install 'rigour=={VERSION}'"
        )
    from rigour.data.names.org_types import ORG_TYPES

    specs = [dict(spec) for spec in ORG_TYPES]
    text = json.dumps(specs, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    TABLE.write_text(text, encoding="utf-8")


def forms(spec: dict[str, object]) -> Iterator[str]:
    for key in ("display", "compare"):
        value = spec.get(key)
        if isinstance(value, str) and value:
            yield value
    aliases = spec.get("aliases")
    if isinstance(aliases, list):
        yield from (a for a in aliases if isinstance(a, str))


def variants(form: str) -> list[str]:
    """The form in lower case, as written and in capitals. The matcher folds look-alike capitals
    and small letters separately ('ГСКОУ' -> 'гckoy', 'гскоу' -> 'гcкoy'), so a Cyrillic or
    Greek form can have two keys."""
    text = unicodedata.normalize("NFKC", names.to_simplified(form))
    return [text.casefold(), text, text.upper()]


def hand_written() -> set[str]:
    """The keys of every hand-written list of data/matching.toml (generic words, places)."""
    data = loads((DATA / "matching.toml").read_text(encoding="utf-8"))
    lists = (
        "generic_words",
        "generic_words_zh",
        "places_zh",
        "qualifiers",
        "affiliate_places",
        "affiliate_places_zh",
    )
    return {names.compact_key(word) for key in lists for word in data[key]}


def select(specs: Iterable[dict[str, object]], known: set[str]) -> set[str]:
    """The keys of the forms taken (see the module docstring)."""
    syllables = pinyin_syllables()
    taken: set[str] = set()
    for spec in specs:
        for form in forms(spec):
            for text in variants(form):
                tokens = names.words(text)
                if len(tokens) != 1:
                    break
                key = tokens[0]
                if len(key) < MIN_LETTERS or not key.isalpha() or key in syllables:
                    break
                if key not in EXCLUDED and key not in known:
                    taken.add(key)
    return taken


def pinyin_syllables() -> set[str]:
    """Every syllable the romaniser (anyascii) gives a Chinese character: 'hao', 'zao' …"""
    from anyascii import anyascii

    return {anyascii(chr(code)).lower() for code in range(0x4E00, 0xA000)}


def render(taken: set[str], origin: str) -> str:
    words = sorted(k for k in taken if not names.has_cjk(k))
    affixes = sorted(k for k in taken if names.has_cjk(k))
    return (
        f"# Legal forms from rigour's organisation-type table ({origin}, MIT), peeled like\n"
        "# data/matching.toml's generic words. Generated by tools/legal_forms.py, which says"
        " which forms\n# are taken; do not edit. One a line, as the matcher compares them"
        f" (names.compact_key):\n# {len(words)} whole words, a blank line, then {len(affixes)}"
        " Chinese-character affixes (peeled at\n# either end of a name).\n\n"
        + "\n".join(words)
        + "\n\n"
        + "\n".join(affixes)
        + "\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs")
    parser.add_argument("--refresh", action="store_true", help="copy the table from rigour first")
    args = parser.parse_args()
    if args.refresh:
        refresh()
    specs, origin = org_types()
    wanted = render(select(specs, hand_written()), origin)
    if args.check:
        if OUT.read_text(encoding="utf-8") != wanted:
            print(f"{OUT}: differs from tools/legal_forms.py's output", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
