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

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from exitcheck.dates import Day, Moment, PartialDate, day_of, in_effect, instant_key, last_day
from exitcheck.model import Entity, Measure
from exitcheck.records import Record

# Most severe first. Documented in README ("Status").
STATUSES: dict[str, str] = {
    "closed": "the platform has closed permanently",
    "closing": "a permanent closure is announced and not yet in effect, or undated",
    "dissolving": "the company announced or resolved its dissolution",
    "exited": "service for the users in scope has stopped (or the clearing deadline has passed)",
    "exiting": "an exit is announced: a service stop, clearing or block not yet in effect or undated",
    "restricted": "registration, products or features are restricted and in effect",
    "restricting": "a restriction is announced and not yet in effect, or undated",
    "blocked": "access is blocked by an authority or the network; the platform itself announced no exit",
    "reopened": "sign-ups or service for the users in scope resumed after its earlier steps",
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
    "sales_stopped": ("restricted", "restricting"),
    "reopened": ("reopened", "reopened"),
    "blocked_by_others": ("blocked", "blocked"),
}
OWN = "platform"  # the actor whose steps make a platform's status (model.ACTORS)

_RANK = {name: rank for rank, name in enumerate(STATUSES)}
_EPOCH = datetime(1900, 1, 1)


class Status(Record):
    status: str
    as_of: date
    because: Measure | None  # the measure that decided it
    known_on: date | None = None  # only measures announced by this day were considered
    imposed: tuple[Measure, ...] = ()  # blocks by an authority or the network, counting then
    superseded: tuple[Measure, ...] = ()  # the platform's steps before a reopening that counts

    @property
    def meaning(self) -> str:
        return STATUSES[self.status]


def known_from(measure: Measure, reported: Day | None = None) -> Day | None:
    """When a measure became known: its earliest announcement by any of its sources, else its
    first source's publication date."""
    announced = earliest([measure.announced, *(c.announced for c in measure.citations[1:])])
    return announced or reported


def reached(day: Day, as_of: date) -> bool:
    """Whether a day has come by ``as_of``: a day from that day on, a month or a year once it
    is wholly past (``dates.in_effect``)."""
    return in_effect(day, as_of)


def _effective_day(measure: Measure) -> Day | None:
    """The earliest effective date any source gives, as a day: a date-time counts from its own
    calendar day."""
    effective = earliest([measure.effective, *(c.effective for c in measure.citations[1:])])
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
    measure: Measure,
    as_of: date,
    reported: Day | None = None,
    known_on: date | None = None,
    published_by: Mapping[str, Day] | None = None,
) -> str | None:
    """The status one measure contributes as of a day, or None before it counts (or when it
    was not yet announced on ``known_on``).

    ``reported`` is when an undated measure became known (its source's publication date).
    An announcement or publication dated only by month or year counts once that period is past.
    """
    if not visible(measure, known_on, reported) or not counts_on(measure, as_of, reported):
        return None
    done, pending = STATUS_RULES[measure.kind]
    return done if completed(measure, as_of, published_by) else pending


def earliest(moments: Iterable[Moment | None]) -> Moment | None:
    """The earliest of the given moments by when each is reached (a day at 00:00 UTC+8, a
    date-time at its instant, a month or a year once it is over: ``dates.in_effect``), or
    None. A month counts after a day within it."""
    given = [m for m in moments if m is not None]
    return min(given, key=_reached_key) if given else None


def _reached_key(moment: Moment) -> datetime:
    if isinstance(moment, PartialDate):
        return instant_key(_first_reached(moment))
    return instant_key(moment)


def stated_completion(measure: Measure) -> Moment | None:
    """When the measure completes by its sources' dates: the earliest effective date, else
    the earliest deadline, of the measure and of each source that gives its own."""
    effective = earliest([measure.effective, *(c.effective for c in measure.sources)])
    if effective is not None:
        return effective
    return earliest([measure.deadline, *(c.deadline for c in measure.sources)])


def done_by(measure: Measure, published_by: Mapping[str, Day] | None) -> date | None:
    """The latest possible day a step was done: the earliest publication of a source that
    reports it as done (a month or a year: its last day). Worked out when answering, never
    written into the measure's own dates."""
    if not published_by:
        return None
    days = [
        last_day(published_by[c.source])
        for c in measure.sources
        if c.done and c.source in published_by
    ]
    return min(days) if days else None


def completed(measure: Measure, as_of: date, published_by: Mapping[str, Day] | None = None) -> bool:
    """Whether the measure is complete at ``as_of``: its stated completion is reached, or a
    source that reports it done had been published by then."""
    stated = stated_completion(measure)
    if stated is not None and in_effect(stated, as_of):
        return True
    latest = done_by(measure, published_by)
    return latest is not None and in_effect(latest, as_of)


def entity_status(
    entity: Entity,
    as_of: date,
    published: Mapping[str, Day] | None = None,
    known_on: date | None = None,
) -> Status:
    """The entity's status; ``published`` maps source ids to their publication dates.

    Only the platform's own steps make it: the most severe one counting, where a reopening
    that counts supersedes the steps that counted before it (a later step counts again).
    Blocks imposed by an authority or the network are kept apart (``imposed``): the status is
    ``blocked`` only when the platform's own steps say nothing more than a statement.
    """
    dates = published or {}
    own: list[tuple[Measure, str]] = []
    imposed: list[Measure] = []
    for measure in entity.measures:
        contributed = measure_status(measure, as_of, dates.get(measure.source), known_on, dates)
        if contributed is None:
            continue
        reopening = contributed == "reopened" and stated_completion(measure) is not None
        if reopening and not completed(measure, as_of, dates):
            continue  # announced, not yet in effect: service not resumed yet
        if measure.actor != OWN:
            imposed.append(measure)
        else:
            own.append((measure, contributed))
    superseded: tuple[Measure, ...] = ()
    since = _resumed(own, dates, as_of)
    if since is not None:
        superseded = tuple(m for m, _ in own if _before(m, since, dates))
    # a reopening (in effect: those not yet are left out above) of named products lifts the
    # earlier steps on those products only
    for back, status in own:
        if status == "reopened" and back.products:
            lifted = _product_words(back)
            superseded += tuple(
                m
                for m, _ in own
                if m is not back
                and m not in superseded
                and _before(m, _since(back, dates), dates)
                and lifted & _product_words(m)
            )
    own = [(m, st) for m, st in own if m not in superseded]
    best: tuple[int, Measure] | None = None
    for measure, contributed in own:
        rank = _RANK[contributed]
        if best is None or rank < best[0]:
            best = (rank, measure)
    if (best is None or list(STATUSES)[best[0]] == "statement") and imposed:
        return Status("blocked", as_of, imposed[0], known_on, tuple(imposed), superseded)
    if best is None:
        return Status("none", as_of, None, known_on, tuple(imposed), superseded)
    rank, measure = best
    return Status(list(STATUSES)[rank], as_of, measure, known_on, tuple(imposed), superseded)


# Steps that show a platform served the users again, announced more than a year after an
# exit took effect (or after an exit announced with no date): a restriction on sign-ups,
# products or features, or a stop of sales, can only limit a service it was giving. Follow-up
# notices of an exit (clearing, withdrawals, fees) and statements show nothing of the kind.
RESUMING = frozenset(
    {"registration_stopped", "product_restricted", "features_limited", "sales_stopped"}
)
RESUME_GAP = timedelta(days=365)


def _resumed(
    own: list[tuple[Measure, str]], published: Mapping[str, Day], as_of: date
) -> tuple[int, datetime] | None:
    """When the platform last resumed serving the users after an exit, if it did by
    ``as_of``: a reopening (``own`` holds those in effect only), or a step of its own
    (RESUMING) announced by then, more than a year after an exit or closure took effect or an
    undated one was announced. A reopening of named products is handled product by product
    (``entity_status``)."""
    now = _ordered(as_of)
    points = [_since(m, published) for m, status in own if status == "reopened" and not m.products]
    for ended, status in own:
        if status in ("exited", "closed"):
            done = _since(ended, published)
        elif status in ("exiting", "closing") and stated_completion(ended) is None:
            done = _known(ended, published)
        else:
            continue
        if done[0] == 0:
            continue
        later = [
            known
            for m, _ in own
            if m.kind in RESUMING
            and (known := _known(m, {}))[0] == 1  # its own announcement, not a source's date
            and done[1] + RESUME_GAP < known[1]
            and known <= now
        ]
        if later:
            points.append(min(later))
    return max(points) if points else None


def _product_words(measure: Measure) -> set[str]:
    """The words naming a measure's products ('coin withdrawals' -> {'coin', 'withdrawals'}),
    short words left out."""
    return {w for p in measure.products for w in p.lower().split() if len(w) > 3}


def _ordered(moment: Moment | None) -> tuple[int, datetime]:
    """A moment for ordering steps in time; none orders first."""
    return (0, _EPOCH) if moment is None else (1, instant_key(moment))


def _known(measure: Measure, published: Mapping[str, Day]) -> tuple[int, datetime]:
    return _ordered(known_from(measure, published.get(measure.source)))


def _since(measure: Measure, published: Mapping[str, Day]) -> tuple[int, datetime]:
    """When a step took hold, for ordering steps in time: when it took effect, else when it
    became known; a step with neither orders first."""
    return _ordered(
        stated_completion(measure) or known_from(measure, published.get(measure.source))
    )


def _before(measure: Measure, since: tuple[int, datetime], published: Mapping[str, Day]) -> bool:
    """A step that took hold, and was known, before the platform resumed; a step with no date
    at all is never taken as superseded (no date, no order: the conservative answer keeps it)."""
    mine, known = _since(measure, published), _known(measure, published)
    return mine[0] == 1 and mine < since and (known[0] == 0 or known < since)
