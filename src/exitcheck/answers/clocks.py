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
from datetime import date, datetime
from typing import Any

from exitcheck.answers.status import counts_on, entity_status, visible
from exitcheck.dates import BEIJING, Day, beijing_day, instant, iso, parse_when
from exitcheck.model import Entity
from exitcheck.records import Record


class Clock(Record):
    """Both clocks of a command. ``as_of`` and ``known_on`` are a day (its 00:00 UTC+8) or an
    aware date-time given as an option (that instant); left out, each is ``today``, the
    calendar day in mainland China when the command started, and the status is computed at
    ``now``, that instant (``as_of_now``, ``known_now``)."""

    as_of: date
    known_on: date
    today: date
    now: datetime | None = None
    as_of_now: bool = False
    known_now: bool = False

    @property
    def at(self) -> datetime:
        """The instant the status is computed at."""
        return self.now if self.as_of_now and self.now is not None else instant(self.as_of)

    @property
    def other(self) -> Clock | None:
        """The other view of the same day: as known then when this is not, else as known now;
        None when both are this one (as of now, known now)."""
        if self.known_on != self.as_of:
            return self._replace(known_on=self.as_of, known_now=self.as_of_now)
        if self.known_now:
            return None
        return self._replace(known_on=self.today, known_now=True)

    @property
    def knowledge(self) -> date | None:
        """The ``known_on`` that status.visible takes: None for today or later (everything the
        registry holds, a measure of unknown announcement included), else the clock itself."""
        return None if self.known_now else knowledge(self.known_on, self.today)

    def record(self) -> dict[str, str]:
        return {"as_of": self.as_of.isoformat(), "known_on": self.known_on.isoformat()}


def knowledge(known_on: date, today: date) -> date | None:
    """A past day's knowledge holds only measures known to be announced by then; today's holds
    every measure, those whose announcement is undated (and whose source is too) included."""
    return None if beijing_day(known_on) >= today else known_on


# The one place the real clock is read. EXITCHECK_NOW (a day, meaning its 00:00 UTC+8, or a
# date-time with offset) replaces it: for tests and for reports that must be reproducible.
NOW_VARIABLE = "EXITCHECK_NOW"


def current() -> datetime:
    """The current moment in mainland China's offset (UTC+8), or EXITCHECK_NOW's."""
    import os

    override = os.environ.get(NOW_VARIABLE)
    if override:
        from exitcheck.errors import UsageError

        try:
            return instant(parse_when(override)).astimezone(BEIJING)
        except ValueError as exc:
            raise UsageError(
                f"{NOW_VARIABLE}: {exc}", code="bad_day", option=NOW_VARIABLE, value=override
            ) from None
    return datetime.now(BEIJING)


def resolve(as_of: date | None, known_on: date | None, now: date) -> Clock:
    """The clocks of a command, from its options (either may be absent) and the moment it
    started (a day means its 00:00 UTC+8): both default to now, shown as its calendar day in
    mainland China, and --as-of to --known-on when that is given."""
    moment = instant(now).astimezone(BEIJING)
    today = moment.date()
    known = known_on if known_on is not None else today
    return Clock(
        as_of if as_of is not None else known,
        known,
        today,
        moment,
        as_of is None and known_on is None,
        known_on is None,
    )


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
    status = entity_status(entity, other.at, published, other.knowledge).status
    early, late = sorted((clock, other), key=lambda c: (c.known_now, instant(c.known_on)))
    early_knows, late_knows = early.knowledge, late.knowledge
    differing = []
    for m in entity.measures:
        reported = published.get(m.source)
        if not counts_on(m, clock.at, reported):
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
