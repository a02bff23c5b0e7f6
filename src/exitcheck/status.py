"""Status of an entity as of a day, computed from its measures. Pure; time is a parameter.

Each measure contributes a status (see STATUS_RULES); the entity's status is the most severe
contribution, in the order of STATUSES. A measure contributes only once it was announced
(an undated one from the day its source was published; a date given only as a month or a
year counts once that whole period is past). It is *in effect* once its effective date, or
failing that its deadline, is reached; a measure with neither date is announced but not in
effect. The status reflects what was announced, not a verified outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from exitcheck.dates import Day, PartialDate, in_effect
from exitcheck.model import Entity, Measure

# Most severe first. Documented in README ("Status").
STATUSES: dict[str, str] = {
    "closed": "the platform has closed permanently",
    "closing": "a permanent closure is announced and not yet in effect",
    "dissolving": "the company announced or resolved its dissolution",
    "exited": "service for the users in scope has stopped (or the clearing deadline has passed)",
    "exiting": "an exit is announced: a service stop, clearing or block not yet in effect or undated",
    "restricted": "registration, products or features are restricted and in effect",
    "restricting": "a restriction is announced and not yet in effect, or undated",
    "statement": "only statements of position, no measure",
    "none": "no measure announced as of this date",
}

# measure kind -> (status once in effect, status while only announced)
STATUS_RULES: dict[str, tuple[str, str]] = {
    "closed": ("closed", "closing"),
    "dissolved": ("dissolving", "dissolving"),
    "service_stopped": ("exited", "exiting"),
    "access_blocked": ("exited", "exiting"),
    "users_cleared": ("exited", "exiting"),
    "exit_planned": ("exiting", "exiting"),
    "registration_stopped": ("restricted", "restricting"),
    "product_restricted": ("restricted", "restricting"),
    "features_limited": ("restricted", "restricting"),
    "fee_imposed": ("restricted", "restricting"),
    "statement": ("statement", "statement"),
}

_RANK = {name: rank for rank, name in enumerate(STATUSES)}


class Status(NamedTuple):
    status: str
    as_of: date
    because: Measure | None  # the measure that decided it

    @property
    def meaning(self) -> str:
        return STATUSES[self.status]


def measure_status(measure: Measure, as_of: date, reported: Day | None = None) -> str | None:
    """The status one measure contributes as of a day, or None before it was announced.

    ``reported`` is when an undated measure became known (its source's publication date).
    An announcement or publication dated only by month or year counts once that period is past.
    """
    known = measure.announced or reported
    if known is not None and not _known_by(known, as_of):
        return None
    done, pending = STATUS_RULES[measure.kind]
    completes = measure.completes
    return done if completes is not None and in_effect(completes, as_of) else pending


def _known_by(known: Day, as_of: date) -> bool:
    """A day counts from that day on; a month or year once it is wholly past."""
    return in_effect(known, as_of) if isinstance(known, PartialDate) else known <= as_of


def entity_status(
    entity: Entity, as_of: date, published: Mapping[str, Day] | None = None
) -> Status:
    """The entity's status; ``published`` maps source ids to their publication dates."""
    best: tuple[int, Measure] | None = None
    for measure in entity.measures:
        contributed = measure_status(measure, as_of, (published or {}).get(measure.source))
        if contributed is None:
            continue
        rank = _RANK[contributed]
        if best is None or rank < best[0]:
            best = (rank, measure)
    if best is None:
        return Status("none", as_of, None)
    rank, measure = best
    return Status(list(STATUSES)[rank], as_of, measure)
