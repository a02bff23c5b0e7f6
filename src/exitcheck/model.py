"""The registry's data model: immutable typed records, no behaviour beyond simple look-ups.

Each record's fields are written once, here: the store's codec (codec.py) and validation's
allowed keys are derived from them. Records are ``records.Record`` tuples rather than
dataclasses or ``typing.NamedTuple``: a CLI pays for every class it creates on every call, and
a Record class costs about a tenth of a NamedTuple (see records.py).
"""

from __future__ import annotations

from datetime import date

from exitcheck.dates import Day, Moment
from exitcheck.records import Record

# Controlled vocabularies (documented in README.md, "Registry format").
ENTITY_KINDS: dict[str, str] = {
    "exchange": "a virtual-currency exchange",
    "mining_pool": "a mining pool",
    "mining_software": "mining software or tooling",
    "wallet": "a wallet",
    "broker": "a securities broker or trading app",
    "defi_protocol": "a decentralised-finance protocol or its company",
    "data_site": "a market-data or information website",
    "project": "a blockchain project or its foundation",
    "domestic_company": "a company registered in mainland China that operated a platform",
    "marketplace": "a marketplace, shop, app store or social platform",
    "custodian": "a custodian or institutional crypto service",
    "cloud_mining": "a cloud-mining or mining-hosting service",
}

MEASURE_KINDS: dict[str, str] = {
    "registration_stopped": "new-user registration stopped or paused",
    "users_cleared": "existing users to be cleared out (offboarded)",
    "closed": "the platform closed permanently",
    "service_stopped": "a service stopped for the users in scope",
    "product_restricted": "trading in named products restricted",
    "features_limited": "some features withdrawn; basic service kept",
    "access_blocked": "access to the website or app blocked for the users in scope",
    "statement": "a statement of position, no action announced",
    "dissolved": "a company resolved or planned to dissolve",
    "exit_planned": "an exit announced as an intention, without a date",
    "fee_imposed": "a fee on, or conversion of, assets left behind",
    "sales_stopped": "a marketplace or shop stopped selling mining hardware or crypto services",
    "reopened": "sign-ups or service for the users in scope resumed",
    "blocked_by_others": "access blocked by an authority or the network, not by the platform",
}

# Who took a step: only the platform's own steps make its status; a block imposed on it is
# shown as such (status "blocked" when the platform itself did nothing more).
ACTORS: dict[str, str] = {
    "platform": "the entity itself",
    "authority": "a regulator, court, police or other authority",
    "network": "a block measured on the network (a firewall), not announced by the platform",
}
MEASURE_DATES = ("announced", "effective")  # the dates of a measure list --by compares

RELATION_KINDS: dict[str, str] = {
    "operated": "this company operated (or was the registered entity of) the other entity",
    "pool_of": "this mining pool is run by the other entity (an exchange's pool is its own entity)",
    "affiliate_of": "this entity is an affiliate (another legal entity) of the other entity",
}


class Locator(Record):
    paragraph: int | None  # the N-th non-blank line of the source file; None for a web page
    quote: str


class Citation(Record):
    """One source of a measure: where it says so, and what it says where sources differ."""

    source: str
    locator: Locator
    done: bool = False  # the source reports the step as already taken
    announced: Day | None = None  # only where this source gives another date than the measure
    effective: Moment | None = None
    deadline: Moment | None = None
    effective_stated: str | None = None
    deadline_stated: str | None = None
    notes: str | None = None
    notes_zh: str | None = None


class Measure(Record):
    """One step, once, with every source that reports it. ``source`` and ``locator`` are its
    first source's (``citations[0]``); ``citations`` holds them all."""

    kind: str
    scope: str
    description: str
    source: str
    locator: Locator
    announced: Day | None = None
    effective: Moment | None = None
    deadline: Moment | None = None
    effective_stated: str | None = None
    deadline_stated: str | None = None
    effective_offset_assumed: bool = False
    deadline_offset_assumed: bool = False
    products: tuple[str, ...] = ()
    description_zh: str | None = None
    notes: str | None = None
    scope_zh: str | None = None  # Chinese text shown with --lang zh; English is the fallback
    notes_zh: str | None = None
    registry: str | None = None  # name of the registry that states it (see layering.py)
    id: str | None = None
    actor: str = "platform"
    citations: tuple[Citation, ...] = ()
    see: tuple[str, ...] = ()  # ids of related measures or sources
    products_zh: tuple[str, ...] = ()  # the products in Chinese, one for each of ``products``

    @property
    def completes(self) -> Moment | None:
        """When the measure is complete: its effective date, else its deadline."""
        return self.effective if self.effective is not None else self.deadline

    @property
    def sources(self) -> tuple[Citation, ...]:
        """Every source of the measure, the first one first."""
        return self.citations or (Citation(self.source, self.locator),)


class Note(Record):
    """A note another registry adds to an entity (``[[extend.notes]]``)."""

    text: str
    registry: str
    source: str | None = None


class Relation(Record):
    kind: str
    entity: str
    source: str
    locator: Locator


class LaterName(Record):
    """A name the entity took after the measures (HTX for Huobi): a match key, never its name."""

    name: str
    since: Day
    source: str
    locator: Locator
    notes: str | None = None


class Entity(Record):
    id: str
    name: str
    kind: str
    name_zh: str | None = None
    aliases: tuple[str, ...] = ()
    measures: tuple[Measure, ...] = ()
    relations: tuple[Relation, ...] = ()
    notes: str | None = None
    later_names: tuple[LaterName, ...] = ()
    registry: str | None = None  # the registry that defines the entity
    alias_registries: tuple[str, ...] = ()  # per alias, the registry that gives it
    added_notes: tuple[Note, ...] = ()  # notes added by extensions

    def later_name(self, label: str | None) -> LaterName | None:
        """The later name a matched label is, if it is one."""
        return next((n for n in self.later_names if n.name == label), None)


class Source(Record):
    id: str
    title: str | None  # as published, in its own language; None when the source has none
    publisher: str
    published: Day | None  # None when the page gives no date of publication
    language: str
    author: str | None = None
    title_zh: str | None = None
    url: str | None = None
    file: str | None = None
    sha256: str | None = None
    notes: str | None = None
    title_ours: str | None = None  # a descriptive title of our own, for a source without one
    title_ours_zh: str | None = None  # the same in Chinese
    publisher_zh: str | None = None
    author_zh: str | None = None
    copy_url: str | None = None  # an aggregator's copy of the outlet's report (url: the outlet's)


class Regulation(Record):
    id: str
    date: date
    name: str
    issuers: tuple[str, ...]
    summary: str
    source: str
    locator: Locator
    name_zh: str | None = None
    notes: str | None = None
    summary_zh: str | None = None
    issuers_zh: tuple[str, ...] = ()


class RegistryInfo(Record):
    """Where one registry file came from and what it says about itself."""

    path: str
    sha256: str
    name: str
    version: str
    last_reviewed: date | None


# The fields the loader sets itself (layering.stamp, registry.load), never keys of a registry
# file; every other field of a record is a key of its TOML table (validation derives them).
LOADER_FIELDS: dict[type[Record], frozenset[str]] = {
    Measure: frozenset({"registry", "citations", "source", "locator"}),  # from "sources"
    Note: frozenset({"registry"}),
    Entity: frozenset({"registry", "alias_registries", "added_notes"}),
    RegistryInfo: frozenset({"path", "sha256"}),
}
