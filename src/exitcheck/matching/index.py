"""The matcher's keys and its index: which keys a registry yields, and every look-up on them.

``index_rows`` turns entities (and the known other platforms of ``data/others.toml``) into
rows; a table holds the rows (``MemoryTable`` here, ``store.SqlTable`` over SQLite) and
answers only "the rows for this key" and "the fuzzy rows of this block". ``KeyIndex`` does
the rest once, whatever the table: blocking fuzzy keys by first letter (or the first two
swapped), digits and length, which are the matcher's own preconditions, so blocking never
changes a result; scoring in C with rapidfuzz; ordering; the ``SCAN_ALL_BELOW`` rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from exitcheck.matching.names import clean, compact_key, core_key, domain_of, has_cjk, romanise
from exitcheck.matching.results import MIN_FUZZY_CJK, MIN_FUZZY_LATIN, MIN_FUZZY_PINYIN, Entry

if TYPE_CHECKING:  # a Protocol class costs start-up time; only the type checker needs it
    from typing import Protocol

    from exitcheck.model import Entity

    class Table(Protocol):
        """Where the rows live. Rows come back in the order they were added (rowid order)."""

        size: int  # key rows plus fuzzy rows

        def entries(self, kind: str, key: str) -> list[tuple[str, str, str]]: ...

        def block(
            self, script: str, column: str, value: str, digits: str, low: int, high: int
        ) -> list[tuple[int, str]]:
            """(rowid, key) of the fuzzy rows whose ``column`` (first: the first letter;
            first2: the first two swapped) is ``value``, with these digits and a length
            between ``low`` and ``high``. A first2 block is asked for only with two different
            letters."""
            ...

        def script_rows(self, script: str, first: str | None) -> list[tuple[int, str]]: ...

        def fuzzy_rows(self, rowids: list[int]) -> dict[int, FuzzyRow]: ...

        def domain(self, host: str) -> tuple[str, str] | None: ...

        def domain_entities(self) -> set[str]: ...

        def ids_from(self, prefix: str, limit: int) -> list[str]: ...

        def labels_from(self, key: str, limit: int) -> list[str]: ...

        def rows(self) -> Rows: ...


SCAN_ALL_BELOW = 5000  # suggestions scan every key of a registry with fewer keys than this

KeyRow = tuple[str, str, str, str, str]  # kind, key, entity, label, field
FuzzyRow = tuple[str, str, str, str, str, int]  # script, key, entity, label, field, minimum
DomainRow = tuple[str, str, str]  # host, entity, label
Rows = tuple[list[KeyRow], list[FuzzyRow], list[DomainRow], list[str]]  # ... and entity ids


# --------------------------------------------------------------------------------------------
# Keys


def labels(e: Entity) -> list[tuple[str, str]]:
    """(label, field) for every name of an entity; domains are aliases that look like one."""
    out = [(e.name, "name")]
    if e.name_zh:
        out.append((e.name_zh, "name_zh"))
    out += [(a, "domain" if "." in a and domain_of(clean(a)) else "alias") for a in e.aliases]
    out += [(n.name, "later_name") for n in e.later_names]
    out.append((e.id, "id"))
    return out


def key_rows(e: Entity) -> Iterator[tuple[str, str, str, str, str]]:
    """(table, key, label, field, extra) rows for one entity: exact, folded, romanised,
    domain, fuzzy:latin and fuzzy:cjk (extra: the minimum length for fuzzy keys)."""
    seen: set[tuple[str, str]] = set()
    for label, field in labels(e):
        key = compact_key(label)
        if not key:
            continue
        for row in _label_rows(label, field, key):
            if (row[0], row[1]) not in seen:
                seen.add((row[0], row[1]))
                yield row


def _label_rows(label: str, field: str, key: str) -> Iterator[tuple[str, str, str, str, str]]:
    from exitcheck.matching.names import to_simplified

    yield ("exact", key, label, field, "")
    if field == "domain" or (field == "later_name" and "." in label and domain_of(clean(label))):
        found = domain_of(clean(label))
        if found:
            yield ("domain", found[0], label, field, "")
        return
    if has_cjk(label):
        simplified = to_simplified(label)
        folded = compact_key(simplified)
        yield ("folded", folded, label, field, "")
        core = core_key(simplified)  # fuzzy on the distinctive part, never on the boilerplate
        yield ("fuzzy:cjk", core if has_cjk(core) else folded, label, field, str(MIN_FUZZY_CJK))
        romanised = romanise(simplified)
        if romanised:
            yield ("romanised", romanised, label, field, "")
            yield ("fuzzy:latin", romanised, label, field, str(MIN_FUZZY_PINYIN))
    else:
        yield ("fuzzy:latin", key, label, field, str(MIN_FUZZY_LATIN))


def other_rows(known: set[str]) -> Iterator[tuple[str, str, str, str]]:
    """(table, key, label, extra) rows for the known other platforms of data/others.toml,
    leaving out every name whose key is also a registry key (the registry always wins), and
    every other name of a platform the registry lists (``same_as``); a registry platform's
    product is a 'product' row, its entity's id in ``extra`` (a related company's table is
    'company', stored as a 'product' row with that field)."""
    from exitcheck.datafiles import data_file
    from exitcheck.matching.names import to_simplified
    from exitcheck.tomlcompat import loads

    data = loads(data_file("others.toml").read_text(encoding="utf-8"))
    seen: set[tuple[str, str]] = set()
    for group in data["groups"]:
        for item in group["names"]:
            name = item["name"]
            key = compact_key(name)
            if not key or key in known:
                continue
            if "of" in item:  # a registry platform's token, chain or app, or related company
                if ("product", key) not in seen:
                    seen.add(("product", key))
                    field = "company" if group.get("kind") == "company" else "product"
                    yield field, key, name, item["of"]
                continue
            if compact_key(item.get("same_as", "")) in known:  # another name of a registry entity
                continue
            rows = [("exact", key)]
            rows += [("domain", d.lower()) for d in item.get("domains", ())]
            if has_cjk(name):
                core = core_key(to_simplified(name))
                rows.append(("fuzzy:cjk", core if has_cjk(core) else key))
            else:
                rows.append(("fuzzy:latin", key))
            for table, value in rows:
                if (table, value) not in seen:
                    seen.add((table, value))
                    yield table, value, name, ""


def index_rows(entities: Iterable[Entity]) -> Rows:
    """Every row of a registry's index: its entities' keys, then the other platforms'."""
    keys: list[KeyRow] = []
    fuzzy: list[FuzzyRow] = []
    domains: list[DomainRow] = []
    ids: list[str] = []
    for e in entities:
        ids.append(e.id)
        for table, key, label, field, extra in key_rows(e):
            if table == "domain":
                domains.append((key, e.id, label))
            elif table.startswith("fuzzy:"):
                fuzzy.append((table[6:], key, e.id, label, field, int(extra)))
            else:
                keys.append((table, key, e.id, label, field))
    known = {row[1] for row in keys} | {row[1] for row in fuzzy}
    for table, key, label, extra in other_rows(known):
        if table in ("product", "company"):
            keys.append(("product", key, extra, label, table))
        elif table == "domain":
            domains.append((key, "", label))
        elif table.startswith("fuzzy:"):
            minimum = MIN_FUZZY_CJK if table == "fuzzy:cjk" else MIN_FUZZY_LATIN
            fuzzy.append(("other-" + table[6:], key, "", label, "other", minimum))
        else:
            keys.append(("other", key, "", label, "other"))
    return keys, fuzzy, domains, ids


def digits_of(key: str) -> str:
    return "".join(ch for ch in key if ch.isdigit())


# --------------------------------------------------------------------------------------------
# The index: every look-up, written once


def _entries(rows: list[tuple[str, str, str]]) -> list[Entry]:
    """A key's rows as entries (a list the caller must not change)."""
    if type(rows[0]) is Entry:  # made once by KeyIndex.preload
        return cast("list[Entry]", rows)
    return [Entry(*row) for row in rows]


class KeyIndex:
    """Look-ups the matcher needs, over any table. Entries of known other platforms have an
    empty ``entity_id``."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self._domain_ids: set[str] | None = None
        self._spelt: dict[tuple[str, str | None, int, float], tuple[list[Any], list[str]]] = {}
        self._cjk: frozenset[str] | None = None
        self._names: dict[str, list[tuple[str, Entry]]] = {}
        self._derived: dict[str, Any] = {}

    def preload(self) -> None:
        """For many look-ups (screening) in a small registry: hold every row in memory, as
        entries made once. Answers are the same; only the per-look-up cost changes."""
        if self.table.size >= SCAN_ALL_BELOW:
            return
        table = self.table
        if not isinstance(table, MemoryTable):  # SQLite, or the pack's exact keys
            table = MemoryTable.from_rows(table.rows())
        table.make_entries()
        self.table = table
        self._spelt, self._cjk, self._names, self._derived = {}, None, {}, {}

    # The four key look-ups are the matcher's hottest calls (several per screened name, most
    # of them misses): each asks the table once and makes entries only for a hit.

    def exact(self, key: str) -> list[Entry]:
        rows = self.table.entries("exact", key)
        return _entries(rows) if rows else []

    def other(self, key: str) -> list[Entry]:
        rows = self.table.entries("other", key)
        return _entries(rows) if rows else []

    def product(self, key: str) -> list[Entry]:
        rows = self.table.entries("product", key)
        return _entries(rows) if rows else []

    def folded(self, key: str) -> list[Entry]:
        rows = self.table.entries("folded", key)
        return _entries(rows) if rows else []

    def romanised(self, key: str) -> list[Entry]:
        rows = self.table.entries("romanised", key)
        return _entries(rows) if rows else []

    def domain(self, host: str) -> Entry | None:
        row = self.table.domain(host)
        if row is None:
            return None
        return Entry(row[0], row[1], "domain" if row[0] else "other")

    def has_domains(self, entity_id: str) -> bool:
        if self._domain_ids is None:
            self._domain_ids = self.table.domain_entities()
        return entity_id in self._domain_ids

    def fuzzy(self, script: str, query: str, spread: int) -> list[tuple[str, Entry, int]]:
        """(key, entry, minimum length) of keys within ``spread`` edits whose first letter is
        the query's (or whose first two are the query's swapped) and whose digits are the
        query's: the matcher's own preconditions, so nothing it would keep is left out.
        Scripts: latin, cjk, and other-latin, other-cjk for the known other platforms."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        low, high = len(query) - spread, len(query) + spread
        digits = digits_of(query)
        rows = self.table.block(script, "first", query[0], digits, low, high)
        if len(query) > 1 and query[1] != query[0]:
            rows += self.table.block(script, "first2", query[:2], digits, low, high)
        if not rows:
            return []
        keys = [key for _, key in rows]
        hits = process.extract(query, keys, scorer=OSA.distance, score_cutoff=spread, limit=None)
        return self._details(sorted(rows[index][0] for _, _, index in hits))

    def suggestions(self, script: str, query: str, limit: int) -> list[tuple[str, Entry, float]]:
        """(key, entry, WRatio score) of the keys most like the query, best first: every key
        of a small registry, else those sharing the query's first letter."""
        from rapidfuzz import fuzz, process

        first = None if self.table.size < SCAN_ALL_BELOW else query[0]
        rows = self.table.script_rows(script, first)
        if not rows:
            return []
        hits = process.extract(query, [key for _, key in rows], scorer=fuzz.WRatio, limit=limit * 4)
        found = self.table.fuzzy_rows([rows[index][0] for _, _, index in hits])
        out = []
        for _, score, index in hits:
            _, key, entity, label, field, _ = found[rows[index][0]]
            out.append((key, Entry(entity, label, field), score))
        return out

    def spelt_like(self, script: str, query: str, cutoff: float) -> list[tuple[str, Entry, float]]:
        """(key, entry, ratio) of the keys spelt within ``cutoff`` (rapidfuzz ratio, 0-100) of
        the query, best first: every key of a small registry, else those sharing its first
        letter. The keys near each length of query are listed once per index."""
        from rapidfuzz import fuzz, process

        first = None if self.table.size < SCAN_ALL_BELOW else query[0]
        near = self._spelt.get((script, first, len(query), cutoff))
        if near is None:  # the keys of lengths that can reach the cutoff, listed once per length
            # ratio = 2 * matches / (len(a) + len(b)): lengths further apart cannot reach it
            spread = int(len(query) * (100 - cutoff) / cutoff) + 1
            low, high = len(query) - spread, len(query) + spread
            rows = [r for r in self.table.script_rows(script, first) if low <= len(r[1]) <= high]
            near = (rows, [key for _, key in rows])
            self._spelt[(script, first, len(query), cutoff)] = near
        rows, keys = near
        if not rows:
            return []
        hits = process.extract(query, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        found = self.table.fuzzy_rows([rows[index][0] for _, _, index in hits])
        out = []
        for _, score, index in hits:
            _, key, entity, label, field, _ = found[rows[index][0]]
            out.append((key, Entry(entity, label, field), score))
        return out

    def cjk_characters(self) -> frozenset[str]:
        """Every Chinese character of the distinctive parts of the registry's Chinese names."""
        if self._cjk is None:
            self._cjk = frozenset("".join(key for _, key in self.table.script_rows("cjk", None)))
        return self._cjk

    def names(self, script: str) -> list[tuple[str, Entry]]:
        """(key, entry) of every fuzzy key of a script (latin: registry names and romanised
        Chinese names; cjk: the distinctive parts of Chinese names), in row order, listed once
        per index: the last review bands (``nearby``) compare a query with each."""
        if script not in self._names:
            rows = self.table.script_rows(script, None)
            found = self.table.fuzzy_rows([rowid for rowid, _ in rows])
            self._names[script] = [
                (key, Entry(found[rowid][2], found[rowid][3], found[rowid][4]))
                for rowid, key in rows
            ]
        return self._names[script]

    def derived(self, name: str, build: Callable[[KeyIndex], Any]) -> Any:
        """A table a review band derives from the index's keys (``nearby``: initials, sounds),
        built on first use and kept for the index's life."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]

    def _details(self, rowids: list[int]) -> list[tuple[str, Entry, int]]:
        found = self.table.fuzzy_rows(rowids)
        out = []
        for rowid in rowids:
            _, key, entity, label, field, minimum = found[rowid]
            out.append((key, Entry(entity, label, field), minimum))
        return out

    def complete(self, prefix: str, limit: int = 50) -> list[str]:
        """Ids, then names and aliases, that start with what was typed (shell completion)."""
        ids = self.table.ids_from(prefix, limit)
        folded = prefix.casefold()
        names = [
            label
            for label in self.table.labels_from(compact_key(prefix), limit)
            if label.casefold().startswith(folded) and label not in ids
        ]
        return (ids + names)[:limit]


_TOP = "\U0010ffff"  # after every other character: [prefix, prefix + _TOP) is a prefix range


class MemoryTable:
    """The rows in dicts: for screening a small registry, and the shipped registry's pack."""

    def __init__(
        self,
        keys: dict[tuple[str, str], list[tuple[str, str, str]]],
        fuzzy: list[FuzzyRow],
        domains: dict[str, tuple[str, str]],
        ids: list[str],
        size: int,
    ) -> None:
        self.keys = keys  # (kind, key) -> (entity, label, field) rows, in order
        self.fuzzy = fuzzy  # rowid N is fuzzy[N - 1]
        self.domains = domains  # host -> (entity, label), the first row for each host
        self.ids = ids
        self.size = size
        self._blocks: dict[tuple[str, str, str, str], list[tuple[int, str]]] | None = None

    @classmethod
    def from_rows(cls, rows: Rows) -> MemoryTable:
        key_rows, fuzzy, domain_rows, ids = rows
        keys: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        for kind, key, entity, label, field in key_rows:
            keys.setdefault((kind, key), []).append((entity, label, field))
        domains: dict[str, tuple[str, str]] = {}
        for host, entity, label in domain_rows:
            domains.setdefault(host, (entity, label))
        return cls(keys, list(fuzzy), domains, list(ids), len(key_rows) + len(fuzzy))

    def make_entries(self) -> None:
        """Each key's rows as ``Entry`` records, made once instead of on every look-up."""
        for rows in self.keys.values():
            rows[:] = [Entry(*row) for row in rows]

    def rows(self) -> Rows:
        keys = [(kind, key, *row) for (kind, key), rows in self.keys.items() for row in rows]
        domains = [(host, *row) for host, row in self.domains.items()]
        return keys, list(self.fuzzy), domains, list(self.ids)

    def entries(self, kind: str, key: str) -> list[tuple[str, str, str]]:
        return self.keys.get((kind, key), [])

    def block(
        self, script: str, column: str, value: str, digits: str, low: int, high: int
    ) -> list[tuple[int, str]]:
        if self._blocks is None:
            blocks: dict[tuple[str, str, str, str], list[tuple[int, str]]] = {}
            for rowid, (kind, key, *_) in enumerate(self.fuzzy, 1):
                digits_ = digits_of(key)
                blocks.setdefault((kind, "first", key[0], digits_), []).append((rowid, key))
                if len(key) > 1 and key[1] != key[0]:
                    swapped = (kind, "first2", key[1::-1], digits_)
                    blocks.setdefault(swapped, []).append((rowid, key))
            self._blocks = blocks
        rows = self._blocks.get((script, column, value, digits), [])
        return [(rowid, key) for rowid, key in rows if low <= len(key) <= high]

    def script_rows(self, script: str, first: str | None) -> list[tuple[int, str]]:
        return [
            (rowid, row[1])
            for rowid, row in enumerate(self.fuzzy, 1)
            if row[0] == script and (first is None or row[1][0] == first)
        ]

    def fuzzy_rows(self, rowids: list[int]) -> dict[int, FuzzyRow]:
        return {rowid: self.fuzzy[rowid - 1] for rowid in rowids}

    def domain(self, host: str) -> tuple[str, str] | None:
        return self.domains.get(host)

    def domain_entities(self) -> set[str]:
        return {entity for entity, _ in self.domains.values() if entity}

    def ids_from(self, prefix: str, limit: int) -> list[str]:
        return sorted(i for i in self.ids if prefix <= i < prefix + _TOP)[:limit]

    def labels_from(self, key: str, limit: int) -> list[str]:
        found = sorted(
            (k, rowid, row[1])
            for (kind, k), rows in self.keys.items()
            if kind == "exact" and key <= k < key + _TOP
            for rowid, row in enumerate(rows)
        )
        return list(dict.fromkeys(label for _, _, label in found))[:limit]
