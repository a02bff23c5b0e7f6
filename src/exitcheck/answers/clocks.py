"""Two clocks: the day a status is for (``--as-of``) and the day whose knowledge it uses
(``--known-on``).

- *as of D*: what was in effect on D, by what the registry held on the known-on day. A
  measure counts from its announcement, or from its effective date when that came first
  (Huobi stopped registrations on 24 Sep 2021 and said so on the 26th: restricted on the 24th).
- *known on K*: only measures announced by K are considered; the view an analyst had on K.

Defaults, for an analyst auditing a past decision: ``--known-on`` defaults to today (everything
known now); ``--as-of`` defaults to ``--known-on`` when that is given (the view on that day,
about that day), else to today. Every answer echoes both days, and says what the other view
(known then, or known now) would answer when it differs. Pure; ``today`` is a parameter.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from exitcheck.answers.status import counts_on, entity_status, visible
from exitcheck.dates import Day, iso
from exitcheck.model import Entity
from exitcheck.records import Record


class Clock(Record):
    as_of: date
    known_on: date
    today: date

    @property
    def other(self) -> Clock | None:
        """The other view of the same day: as known then when this is not, else as known now;
        None when both are this one (as of today, known today)."""
        known = self.as_of if self.known_on != self.as_of else self.today
        if known == self.known_on:
            return None
        return Clock(self.as_of, known, self.today)

    @property
    def knowledge(self) -> date | None:
        """The ``known_on`` that status.visible takes: None for today or later (everything the
        registry holds, a measure of unknown announcement included), else the day itself."""
        return knowledge(self.known_on, self.today)

    def record(self) -> dict[str, str]:
        return {"as_of": self.as_of.isoformat(), "known_on": self.known_on.isoformat()}


def knowledge(known_on: date, today: date) -> date | None:
    """A past day's knowledge holds only measures known to be announced by then; today's holds
    every measure, those whose announcement is undated (and whose source is too) included."""
    return None if known_on >= today else known_on


def resolve(as_of: date | None, known_on: date | None, today: date) -> Clock:
    """The clocks of a command, from its options (either may be absent)."""
    return Clock(as_of or known_on or today, known_on or today, today)


def shown(entity: Entity, known_on: date | None, published: Mapping[str, Day]) -> Entity:
    """The entity as it stood on ``known_on`` (a ``Clock.knowledge``): only the measures
    announced by then."""
    measures = tuple(m for m in entity.measures if visible(m, known_on, published.get(m.source)))
    return entity if len(measures) == len(entity.measures) else entity._replace(measures=measures)


def other_view(entity: Entity, clock: Clock, published: Mapping[str, Day]) -> dict[str, Any] | None:
    """The other view's answer for an entity (``Clock.other``), with the measures that make
    the difference: those counting on the day in one view and not yet announced in the other."""
    other = clock.other
    if other is None:
        return None
    status = entity_status(entity, other.as_of, published, other.knowledge).status
    early, late = sorted((clock.known_on, other.known_on))
    early_knows, late_knows = knowledge(early, clock.today), knowledge(late, clock.today)
    differing = []
    for m in entity.measures:
        reported = published.get(m.source)
        if not counts_on(m, clock.as_of, reported):
            continue
        if visible(m, late_knows, reported) and not visible(m, early_knows, reported):
            differing.append(
                {
                    "kind": m.kind,
                    "announced": iso(m.announced or reported),
                    "effective": m.effective.isoformat() if m.effective is not None else None,
                }
            )
    return {**other.record(), "status": status, "differing_measures": differing}
