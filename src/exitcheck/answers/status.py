"""Status of an entity as of a day, computed from its measures. Pure; time is a parameter.

Each measure contributes a status (see STATUS_RULES); the entity's status is the most severe
contribution, in the order of STATUSES. A measure contributes from its announcement (an
undated one from the day its source was published), or from its effective date when that is
earlier (a measure announced after it took effect counts from when it took effect). A date
given only as a month or a year is reached once that whole period is past, for every rule
here (``dates.in_effect``). With ``known_on``, only measures announced by that day are
considered at all (see clocks.py). It is *in effect* once its effective date, or
failing that its deadline, is reached; a measure with neither date is announced but not in
effect. The status reflects what was announced, not a verified outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from exitcheck.dates import Day, PartialDate, day_of, in_effect
from exitcheck.model import Entity, Measure
from exitcheck.records import Record

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


class Status(Record):
    status: str
    as_of: date
    because: Measure | None  # the measure that decided it
    known_on: date | None = None  # only measures announced by this day were considered

    @property
    def meaning(self) -> str:
        return STATUSES[self.status]


def known_from(measure: Measure, reported: Day | None = None) -> Day | None:
    """When a measure became known: its announcement, else its source's publication date."""
    return measure.announced or reported


def reached(day: Day, as_of: date) -> bool:
    """Whether a day has come by ``as_of``: a day from that day on, a month or a year once it
    is wholly past (``dates.in_effect``)."""
    return in_effect(day, as_of)


def _effective_day(measure: Measure) -> Day | None:
    """The effective date as a day: a date-time counts from its own calendar day."""
    effective = measure.effective
    if effective is None or isinstance(effective, PartialDate):
        return effective
    return day_of(effective)


def counts_on(measure: Measure, as_of: date, reported: Day | None = None) -> bool:
    """Whether a measure counts on a day: it was known by then, or had taken effect."""
    known = known_from(measure, reported)
    effective = _effective_day(measure)
    if known is None:
        # Undated, and its source undated too: it counts from when it took effect (or was due)
        # where it says; only a measure with no date at all counts on every day.
        anchor = effective if effective is not None else _day(measure.deadline)
        return anchor is None or reached(anchor, as_of)
    return reached(known, as_of) or (effective is not None and reached(effective, as_of))


def counts_from(measure: Measure, reported: Day | None = None) -> date | None:
    """The first day a measure counts (``counts_on``): when it became known, or its effective
    day if earlier; a month or a year gives the day after it ends."""
    known = known_from(measure, reported)
    effective = _effective_day(measure)
    if known is None:
        anchor = effective if effective is not None else _day(measure.deadline)
        return None if anchor is None else _first_reached(anchor)
    return min(_first_reached(d) for d in (known, effective) if d is not None)


def _day(moment: object) -> Day | None:
    """A deadline as a day: a date-time counts from its own calendar day."""
    if moment is None or isinstance(moment, PartialDate):
        return moment
    return day_of(moment)  # type: ignore[arg-type]


def _first_reached(day: Day) -> date:
    """The first day on which ``reached(day, ...)`` holds."""
    return day.end + timedelta(days=1) if isinstance(day, PartialDate) else day


def visible(measure: Measure, known_on: date | None, reported: Day | None = None) -> bool:
    """Whether a measure is known to have been announced by ``known_on`` (None: everything the
    registry holds counts; see ``clocks.Clock.knowledge``). A measure with no date of its own
    whose source has none either belongs to no past day's knowledge."""
    if known_on is None:
        return True
    known = known_from(measure, reported)
    return known is not None and reached(known, known_on)


def measure_status(
    measure: Measure, as_of: date, reported: Day | None = None, known_on: date | None = None
) -> str | None:
    """The status one measure contributes as of a day, or None before it counts (or when it
    was not yet announced on ``known_on``).

    ``reported`` is when an undated measure became known (its source's publication date).
    An announcement or publication dated only by month or year counts once that period is past.
    """
    if not visible(measure, known_on, reported) or not counts_on(measure, as_of, reported):
        return None
    done, pending = STATUS_RULES[measure.kind]
    completes = measure.completes
    return done if completes is not None and in_effect(completes, as_of) else pending


def entity_status(
    entity: Entity,
    as_of: date,
    published: Mapping[str, Day] | None = None,
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
