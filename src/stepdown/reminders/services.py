"""Writes for reminders: preferences, unsubscribing, and claiming a reminder before it is sent."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts import revisions
from stepdown.accounts.models import User
from stepdown.errors import InvalidInput
from stepdown.reminders import selectors
from stepdown.reminders.models import ReminderPreference, SentReminder
from stepdown.reminders.schedule import Reminder

__all__ = ["preferences_update", "reminders_claim", "reminders_release", "unsubscribe"]


def _minute(clock: dt.time | None) -> dt.time | None:
    return clock.replace(second=0, microsecond=0, tzinfo=None) if clock else None


def _check_quiet_hours(start: dt.time | None, end: dt.time | None) -> None:
    if (start is None) != (end is None):
        field = "quiet_end" if end is None else "quiet_start"
        raise InvalidInput(field, _("Give both the start and the end of quiet hours, or neither."))
    if start is not None and start == end:
        raise InvalidInput("quiet_end", _("Quiet hours need to end at a different time."))


def preferences_update(
    *,
    owner: User,
    checkin_time: dt.time | None,
    step_eve: bool,
    questionnaires: bool,
    email: bool,
    quiet_start: dt.time | None,
    quiet_end: dt.time | None,
) -> ReminderPreference:
    """Replace the person's reminder preferences. Turning email on again after an unsubscribe
    clears the unsubscribe: the person asked for emails in the app, signed in."""
    # Reminders are to the minute; seconds would only make two equal-looking times differ.
    checkin_time, quiet_start, quiet_end = (
        _minute(checkin_time),
        _minute(quiet_start),
        _minute(quiet_end),
    )
    _check_quiet_hours(quiet_start, quiet_end)
    values: dict[str, object] = {
        "checkin_time": checkin_time,
        "step_eve": step_eve,
        "questionnaires": questionnaires,
        "email": email,
        "quiet_start": quiet_start,
        "quiet_end": quiet_end,
    }
    if email:
        values["unsubscribed_at"] = None
    try:
        with transaction.atomic():
            prefs, _created = ReminderPreference.objects.update_or_create(
                owner=owner, defaults=values
            )
    except IntegrityError:
        # Two first saves raced to create the row: the other one won; apply ours on top.
        prefs = ReminderPreference.objects.get(owner=owner)
        for name, value in values.items():
            setattr(prefs, name, value)
        prefs.save()
    return prefs


def unsubscribe(*, token: str, now: dt.datetime | None = None) -> bool:
    """Turn reminder emails off for the link's owner. ``False`` for a bad link.

    Repeating it changes nothing (mail programs may open the link more than once).
    """
    prefs = selectors.preference_by_token(token)
    if prefs is None:
        return False
    if prefs.email or prefs.unsubscribed_at is None:
        ReminderPreference.objects.filter(pk=prefs.pk).update(
            email=False,
            unsubscribed_at=prefs.unsubscribed_at or now or timezone.now(),
            updated_at=timezone.now(),
        )
        revisions.bump(owner_id=prefs.owner_id)
    return True


def reminders_claim(
    *, owner: User, reminders: list[Reminder], now: dt.datetime | None = None
) -> list[SentReminder]:
    """Record each reminder as sent by email before sending it; the ones another worker (or
    an earlier round) recorded first are left out. The unique constraint decides."""
    claimed = []
    for reminder in reminders:
        try:
            with transaction.atomic():
                claimed.append(
                    SentReminder.objects.create(
                        owner=owner,
                        kind=reminder.kind.value,
                        due_key=reminder.due_key,
                        channel=SentReminder.Channel.EMAIL,
                        sent_at=now or timezone.now(),
                    )
                )
        except IntegrityError:
            continue
    return claimed


def reminders_release(*, owner: User, claimed: list[SentReminder]) -> None:
    """Undo claims whose email could not be sent, so a later round tries again."""
    SentReminder.objects.filter(owner=owner, pk__in=[row.pk for row in claimed]).delete()
