"""Reads of check-ins, always scoped to one owner: responses, schedules and the due list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from stepdown.accounts.clock import day_start, local_today
from stepdown.accounts.models import User
from stepdown.checkins.models import Response, SafetyEvent, SafetyPlan, Schedule
from stepdown.checkins.windows import (
    ALWAYS_ON,
    DEFAULT_INTERVALS,
    SCHEDULABLE,
    Window,
    first_window_start,
    window_days,
    window_for,
)
from stepdown.checkins.wording import page_instrument
from stepdown.errors import NotFound
from stepdown.web.raw_rows import raw_models


def responses_for(
    *,
    owner: User,
    instrument: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    drafts: bool = False,
) -> QuerySet[Response]:
    """Responses newest first; ``since`` and ``until`` are local dates, both inclusive.

    Unfinished drafts (kept for a flag they raised) are left out unless ``drafts`` is true.
    """
    responses = Response.objects.filter(owner=owner)
    if not drafts:
        responses = responses.filter(complete=True)
    if instrument is not None:
        responses = responses.filter(instrument=instrument)
    if since is not None:
        responses = responses.filter(local_date__gte=since)
    if until is not None:
        responses = responses.filter(local_date__lte=until)
    return responses.order_by("-local_date", "-created_at", "-id")


# Each instrument's newest complete total, in the order responses_for lists them. Standard SQL,
# which SQLite and PostgreSQL share.
_LATEST_TOTAL_SQL = (
    '(SELECT "total" FROM "checkins_response" WHERE "owner_id" = %s AND "complete" = %s '
    'AND "instrument" = %s ORDER BY "local_date" DESC, "created_at" DESC, "id" DESC LIMIT 1)'
)


def latest_totals(*, owner: User, instruments: Sequence[str]) -> dict[str, int | None]:
    """The total of each instrument's newest complete response (``None`` where never answered
    or not scored), in one plain-SQL query: the risk profile reads two on every risk page, and
    building their ORM queries cost more than running them."""
    if not instruments:
        return {}
    sql = "SELECT " + ", ".join([_LATEST_TOTAL_SQL] * len(instruments))
    params = [value for code in instruments for value in (owner.pk, True, code)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return dict(zip(instruments, row, strict=True))


def response_get(*, owner: User, response_id: int) -> Response:
    try:
        return Response.objects.get(owner=owner, pk=response_id)
    except Response.DoesNotExist:
        raise NotFound("response") from None


@dataclass(frozen=True)
class ScheduleView:
    """A schedule as it applies: the person's own row, or the default."""

    instrument: str
    name: str
    interval_days: int
    preferred_time: dt.time | None
    enabled: bool
    starts_on: dt.date
    custom: bool

    @property
    def always_on(self) -> bool:
        return self.instrument in ALWAYS_ON

    @property
    def window_days(self) -> int:
        return window_days(self.interval_days)


def default_start(owner: User, instrument: str) -> dt.date:
    """A default schedule's first window: some days after the account was created (local day).

    See ``windows.FIRST_DUE_AFTER_DAYS``: the first day asks only for the daily check-in.
    """
    joined_on = owner.date_joined.astimezone(owner.zone).date()
    return first_window_start(joined_on=joined_on, instrument=instrument)


# Plain SQL for the two reads of every Today page: their ORM queries cost more to build than
# to run (docs/performance.md).
_SCHEDULES_SQL = 'SELECT * FROM "checkins_schedule" WHERE "owner_id" = %s'
_ANSWERED_SQL = (
    'SELECT "id", "instrument", "slot_start", "local_date" FROM "checkins_response" '
    'WHERE "owner_id" = %s AND "slot_start" >= %s AND "instrument" IN ({instruments})'
)


def schedules_for(*, owner: User) -> list[ScheduleView]:
    """Every schedulable instrument with its schedule, in the default order (one query)."""
    rows = {row.instrument: row for row in raw_models(Schedule, _SCHEDULES_SQL, [owner.pk])}
    views = []
    for code in SCHEDULABLE:
        row = rows.get(code)
        views.append(
            ScheduleView(
                instrument=code,
                name=page_instrument(code).name,
                interval_days=row.interval_days if row else DEFAULT_INTERVALS[code],
                preferred_time=row.preferred_time if row else None,
                enabled=row.enabled if row else True,
                starts_on=row.starts_on if row else default_start(owner, code),
                custom=row is not None,
            )
        )
    return views


class DueStatus(StrEnum):
    DUE = "due"  # the window is open and not answered yet
    DONE = "done"  # the current window is answered
    MISSED = "missed"  # the last window closed unanswered; the next one has not opened
    UPCOMING = "upcoming"  # the schedule has not started yet


@dataclass(frozen=True)
class DueItem:
    """One scheduled instrument and where it stands now."""

    instrument: str
    name: str
    status: DueStatus
    window: Window
    window_start: dt.datetime
    window_end: dt.datetime
    next_due: dt.date
    response_id: int | None
    answered_on: dt.date | None
    missed_previous: dt.date | None
    preferred_time: dt.time | None
    today: dt.date

    @property
    def editable(self) -> bool:
        """Answered today: the person may still change it (same local day)."""
        return self.status is DueStatus.DONE and self.answered_on == self.today

    @property
    def last_day(self) -> dt.date:
        """The last local day the window is open."""
        return self.window.end - dt.timedelta(days=1)

    @property
    def shown(self) -> bool:
        """Worth a line on the home page: due, missed, or answered today."""
        return self.status in (DueStatus.DUE, DueStatus.MISSED) or self.answered_on == self.today


def due_now(*, owner: User, now: dt.datetime | None = None) -> list[DueItem]:
    """Every enabled schedule and its state now, what is due first.

    ``missed_previous`` names the window before the current one when it closed unanswered.
    Two queries, whatever the history.
    """
    today = local_today(owner, now=now or timezone.now())
    schedules = [s for s in schedules_for(owner=owner) if s.enabled]
    windows = {
        s.instrument: window_for(starts_on=s.starts_on, interval_days=s.interval_days, day=today)
        for s in schedules
    }
    if not windows:
        return []
    earliest = min(w.previous_start for w in windows.values())
    sql = _ANSWERED_SQL.format(instruments=", ".join(["%s"] * len(windows)))
    answered = {
        (row.instrument, row.slot_start): row
        for row in raw_models(Response, sql, [owner.pk, earliest, *windows])
    }
    items = []
    for schedule in schedules:
        window = windows[schedule.instrument]
        current = answered.get((schedule.instrument, window.start))
        previous_start = window.previous_start
        missed_previous = (
            previous_start
            if previous_start >= schedule.starts_on
            and (schedule.instrument, previous_start) not in answered
            else None
        )
        if today < schedule.starts_on:
            status = DueStatus.UPCOMING
        elif current is not None:
            status = DueStatus.DONE
        elif window.is_open(today):
            status = DueStatus.DUE
        else:
            status = DueStatus.MISSED
        items.append(
            DueItem(
                instrument=schedule.instrument,
                name=schedule.name,
                status=status,
                window=window,
                window_start=day_start(owner, window.start),
                window_end=day_start(owner, window.end),
                next_due=window.start if status is DueStatus.UPCOMING else window.next_start,
                response_id=current.pk if current else None,
                answered_on=current.local_date if current else None,
                missed_previous=missed_previous,
                preferred_time=schedule.preferred_time,
                today=today,
            )
        )
    order = {DueStatus.DUE: 0, DueStatus.MISSED: 1, DueStatus.DONE: 2, DueStatus.UPCOMING: 3}
    return sorted(items, key=lambda item: order[item.status])


def open_window(*, owner: User, instrument: str, today: dt.date) -> Window | None:
    """The open window of ``instrument``'s enabled schedule on ``today``, if any."""
    if instrument not in SCHEDULABLE:
        return None
    schedule = Schedule.objects.filter(owner=owner, instrument=instrument).first()
    if schedule is not None and not schedule.enabled:
        return None
    starts_on = schedule.starts_on if schedule else default_start(owner, instrument)
    interval = schedule.interval_days if schedule else DEFAULT_INTERVALS[instrument]
    if today < starts_on:
        return None
    window = window_for(starts_on=starts_on, interval_days=interval, day=today)
    return window if window.is_open(today) else None


def safety_plan_for(*, owner: User) -> SafetyPlan:
    """The person's safety plan, or an empty, unsaved one."""
    return SafetyPlan.objects.filter(owner=owner).first() or SafetyPlan(owner=owner)


def safety_events_for(
    *, owner: User, unacknowledged_only: bool = False, since: dt.datetime | None = None
) -> QuerySet[SafetyEvent]:
    """A person's safety events, newest first, with their responses."""
    events = SafetyEvent.objects.filter(owner=owner).select_related("response")
    if unacknowledged_only:
        events = events.filter(acknowledged_at__isnull=True)
    if since is not None:
        events = events.filter(created_at__gte=since)
    return events.order_by("-created_at")
