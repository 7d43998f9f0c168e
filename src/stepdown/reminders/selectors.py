"""Reads for reminders, always scoped to one owner (the unsubscribe token is the one exception:
the signed token itself is the credential)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.checkins.selectors import DueStatus, due_now
from stepdown.plans.models import Plan
from stepdown.plans.selectors import current_plan
from stepdown.plans.snapshot import taper_of
from stepdown.reminders.models import ReminderPreference, SentReminder
from stepdown.reminders.schedule import (
    OpenItem,
    Reminder,
    StepStart,
    due_reminders,
    step_alarm_offset,
)
from stepdown.reminders.tokens import key_from_token

_DAY = dt.timedelta(days=1)


def preferences_for(*, owner: User) -> ReminderPreference:
    """The person's preferences, or the defaults as an unsaved row. One query."""
    return ReminderPreference.objects.filter(owner=owner).first() or default_preferences(
        owner=owner
    )


def default_preferences(*, owner: User) -> ReminderPreference:
    """The defaults, as an unsaved row, for someone who never changed them."""
    return ReminderPreference(owner=owner)


def preference_by_token(token: str) -> ReminderPreference | None:
    """The preferences an unsubscribe link points at, or ``None`` for a bad link."""
    key = key_from_token(token)
    if key is None:
        return None
    return ReminderPreference.objects.filter(unsubscribe_key=key).first()


def step_alarm_for(*, owner_id: int) -> dt.timedelta | None:
    """The calendar alarm offset for new steps (see ``schedule.step_alarm_offset``). One query."""
    row = ReminderPreference.objects.filter(owner_id=owner_id).first()
    prefs = (row or ReminderPreference()).schedule_preferences
    return step_alarm_offset(prefs)


def _open_items(owner: User, now: dt.datetime) -> list[OpenItem]:
    return [
        OpenItem(
            instrument=item.instrument,
            opens_on=item.window.start,
            closes_on=item.window.end,
            preferred_time=item.preferred_time,
        )
        for item in due_now(owner=owner, now=now)
        if item.status is DueStatus.DUE
    ]


def _step_starts(owner: User, first: dt.date, last: dt.date) -> list[StepStart]:
    plan = current_plan(owner=owner)
    if plan is None:
        return []
    return [
        StepStart(
            starts_on=step.start_date,
            daily_g=step.daily_g,
            doses_per_day=step.doses_per_day,
            first=step.index == 0,
        )
        for step in taper_of(plan).steps
        if first <= step.start_date <= last
    ]


def reminders_due_for(
    *, owner: User, prefs: ReminderPreference, now: dt.datetime | None = None
) -> list[Reminder]:
    """The reminders due for the person now. At most three queries, whatever the history."""
    now = now or timezone.now()
    wanted = prefs.schedule_preferences
    wants_items = wanted.checkin_time is not None or wanted.questionnaires
    open_items = _open_items(owner, now) if wants_items else []
    today = local_today(owner, now=now)
    # A step's reminder can be due the evening before or, after quiet hours, on its first day.
    steps = _step_starts(owner, today, today + _DAY) if wanted.step_eve else []
    return due_reminders(prefs=wanted, zone=owner.zone, now=now, open_items=open_items, steps=steps)


def already_sent(*, owner: User, reminders: list[Reminder]) -> set[tuple[str, str]]:
    """Which of ``reminders`` went out by email already, as ``(kind, due_key)`` pairs."""
    if not reminders:
        return set()
    rows = SentReminder.objects.filter(
        owner=owner,
        channel=SentReminder.Channel.EMAIL,
        due_key__in={reminder.due_key for reminder in reminders},
    ).values_list("kind", "due_key")
    return {(kind, key) for kind, key in rows}


@dataclass(frozen=True)
class UpcomingStep:
    """Tomorrow's new step, for the reminder on Today."""

    starts_on: dt.date
    daily_g: Decimal
    doses_per_day: int
    first: bool
    previous_g: Decimal | None


def upcoming_step(*, owner: User, now: dt.datetime | None = None) -> UpcomingStep | None:
    """The step that begins tomorrow when the person wants step reminders. Two queries."""
    if not preferences_for(owner=owner).step_eve:
        return None
    plan = current_plan(owner=owner)
    if plan is None:
        return None
    return upcoming_step_of(plan, starts_on=local_today(owner, now=now or timezone.now()) + _DAY)


def upcoming_step_of(plan: Plan, *, starts_on: dt.date) -> UpcomingStep | None:
    """The step of ``plan`` that begins on ``starts_on``, if one does (no query)."""
    steps = taper_of(plan).steps
    for step in steps:
        if step.start_date == starts_on:
            previous = steps[step.index - 1].daily_g if step.index > 0 else None
            return UpcomingStep(
                starts_on=step.start_date,
                daily_g=step.daily_g,
                doses_per_day=step.doses_per_day,
                first=step.index == 0,
                previous_g=previous,
            )
    return None
