"""The registry's data model: frozen dataclasses, no behaviour beyond simple look-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from exitcheck.dates import Moment

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
}

RELATION_KINDS: dict[str, str] = {
    "operated": "this company operated (or was the registered entity of) the other entity",
}


@dataclass(frozen=True)
class Locator:
    paragraph: int
    quote: str


@dataclass(frozen=True)
class Measure:
    kind: str
    scope: str
    description: str
    source: str
    locator: Locator
    announced: date | None = None
    effective: Moment | None = None
    deadline: Moment | None = None
    effective_stated: str | None = None
    deadline_stated: str | None = None
    effective_offset_assumed: bool = False
    deadline_offset_assumed: bool = False
    products: tuple[str, ...] = ()
    description_zh: str | None = None
    notes: str | None = None

    @property
    def completes(self) -> Moment | None:
        """When the measure is complete: its effective date, else its deadline."""
        return self.effective if self.effective is not None else self.deadline


@dataclass(frozen=True)
class Relation:
    kind: str
    entity: str
    source: str
    locator: Locator


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    name_zh: str | None = None
    aliases: tuple[str, ...] = ()
    measures: tuple[Measure, ...] = ()
    relations: tuple[Relation, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    published: date
    language: str
    author: str | None = None
    title_zh: str | None = None
    url: str | None = None
    file: str | None = None
    sha256: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Regulation:
    id: str
    date: date
    name: str
    issuers: tuple[str, ...]
    summary: str
    source: str
    locator: Locator
    name_zh: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class RegistryInfo:
    """Where one registry file came from and what it says about itself."""

    path: str
    sha256: str
    name: str
    version: str
    last_reviewed: date | None


@dataclass(frozen=True, eq=False)
class Registry:
    """One or more registry files combined. Hashes by identity so indexes can be cached."""

    files: tuple[RegistryInfo, ...]
    entities: tuple[Entity, ...]
    sources: tuple[Source, ...]
    regulations: tuple[Regulation, ...]
    _by_id: dict[str, Entity] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({e.id: e for e in self.entities})

    def entity(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)
