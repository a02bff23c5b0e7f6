"""Status of an entity as of a day, computed from its measures. Pure; time is a parameter.

Each measure contributes a status (see STATUS_RULES); the entity's status is the most severe
contribution, in the order of STATUSES. A measure contributes from its announcement (an
undated one from the day its source was published), or from its effective date when that is
earlier (a measure announced after it took effect counts from when it took effect). With
``known_on``, only measures announced by that day are considered at all (see clocks.py). It is *in effect* once its effective date, or
failing that its deadline, is reached; a measure with neither date is announced but not in
effect. The status reflects what was announced, not a verified outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from exitcheck.dates import day_of, in_effect
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
    "statement": ("statement", "statement"),
}

_RANK = {name: rank for rank, name in enumerate(STATUSES)}


class Status(NamedTuple):
    status: str
    as_of: date
    because: Measure | None  # the measure that decided it
    known_on: date | None = None  # only measures announced by this day were considered

    @property
    def meaning(self) -> str:
        return STATUSES[self.status]


def known_from(measure: Measure, reported: date | None = None) -> date | None:
    """When a measure became known: its announcement, else its source's publication date."""
    return measure.announced or reported


def counts_from(measure: Measure, reported: date | None = None) -> date | None:
    """The first day a measure counts: when it became known, or its effective day if earlier."""
    known = known_from(measure, reported)
    effective = day_of(measure.effective) if measure.effective is not None else None
    if known is None or effective is None:
        return known
    return min(known, effective)


def visible(measure: Measure, known_on: date | None, reported: date | None = None) -> bool:
    """Whether a measure had been announced by ``known_on`` (None: everything counts)."""
    known = known_from(measure, reported)
    return known_on is None or known is None or known <= known_on


def measure_status(
    measure: Measure, as_of: date, reported: date | None = None, known_on: date | None = None
) -> str | None:
    """The status one measure contributes as of a day, or None before it counts (or when it
    was not yet announced on ``known_on``).

    ``reported`` is when an undated measure became known (its source's publication date).
    """
    if not visible(measure, known_on, reported):
        return None
    start = counts_from(measure, reported)
    if start is not None and start > as_of:
        return None
    done, pending = STATUS_RULES[measure.kind]
    completes = measure.completes
    return done if completes is not None and in_effect(completes, as_of) else pending


def entity_status(
    entity: Entity,
    as_of: date,
    published: Mapping[str, date] | None = None,
    known_on: date | None = None,
) -> Status:
    """The entity's status; ``published`` maps source ids to their publication dates."""
    best: tuple[int, Measure] | None = None
    for measure in entity.measures:
        reported = (published or {}).get(measure.source)
        contributed = measure_status(measure, as_of, reported, known_on)
        if contributed is None:
            continue
        rank = _RANK[contributed]
        if best is None or rank < best[0]:
            best = (rank, measure)
    if best is None:
        return Status("none", as_of, None, known_on)
    rank, measure = best
    return Status(list(STATUSES)[rank], as_of, measure, known_on)
