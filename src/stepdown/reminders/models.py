"""A person's reminder preferences, and a record of every reminder sent outside the app."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from stepdown.reminders import schedule
from stepdown.reminders.schedule import (
    DEFAULT_CHECKIN_TIME,
    DEFAULT_QUIET_END,
    DEFAULT_QUIET_START,
    Preferences,
    QuietHours,
)


class ReminderPreference(models.Model):
    """What one person wants reminding of, and how. Without a row, the defaults apply.

    Times are local clock times in the person's time zone. ``checkin_time`` empty means no
    check-in reminder. Quiet hours are both set or both empty. Email is off until the person
    turns it on; ``unsubscribed_at`` records a click on an email's unsubscribe link (email is
    turned off at the same moment, and stays off until the person turns it on again).
    ``unsubscribe_key`` is a random identifier for the signed unsubscribe link: it says nothing
    about the person.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    checkin_time = models.TimeField(null=True, blank=True, default=DEFAULT_CHECKIN_TIME)
    step_eve = models.BooleanField(default=True)
    questionnaires = models.BooleanField(default=True)
    email = models.BooleanField(default=False)
    quiet_start = models.TimeField(null=True, blank=True, default=DEFAULT_QUIET_START)
    quiet_end = models.TimeField(null=True, blank=True, default=DEFAULT_QUIET_END)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    unsubscribe_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(quiet_start__isnull=True, quiet_end__isnull=True)
                | models.Q(quiet_start__isnull=False, quiet_end__isnull=False),
                name="reminder_quiet_hours_both_or_neither",
            ),
            models.CheckConstraint(
                condition=models.Q(quiet_start__isnull=True)
                | ~models.Q(quiet_start=models.F("quiet_end")),
                name="reminder_quiet_hours_not_empty",
            ),
            models.CheckConstraint(
                condition=models.Q(email=False) | models.Q(unsubscribed_at__isnull=True),
                name="reminder_email_off_when_unsubscribed",
            ),
        ]
        # The worker's query: everyone who wants reminder emails.
        indexes: ClassVar[list[models.Index]] = [
            models.Index(
                fields=["owner"],
                condition=models.Q(email=True),
                name="reminder_email_on_idx",
            )
        ]

    def __str__(self) -> str:
        return f"reminder preferences of {self.owner_id}"

    @property
    def quiet(self) -> QuietHours | None:
        if self.quiet_start is None or self.quiet_end is None:
            return None
        return QuietHours(self.quiet_start, self.quiet_end)

    @property
    def schedule_preferences(self) -> Preferences:
        """The same preferences as the pure scheduler's frozen value."""
        return Preferences(
            checkin_time=self.checkin_time,
            step_eve=self.step_eve,
            questionnaires=self.questionnaires,
            quiet=self.quiet,
        )

    @property
    def emails_wanted(self) -> bool:
        return self.email and self.unsubscribed_at is None


class SentReminder(models.Model):
    """One reminder sent through a channel outside the app (today: email).

    ``due_key`` names the occurrence (a local date, or instrument and window start), so a
    reminder for one person, kind and occurrence goes out once and only once per channel: the
    unique constraint is what guarantees it, even with two workers. Nothing here is shown in
    an email; the record exists to prevent repeats.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"

    class Kind(models.TextChoices):
        CHECKIN = schedule.Kind.CHECKIN.value, "Daily check-in"
        STEP = schedule.Kind.STEP.value, "Day before a taper step"
        QUESTIONNAIRE = schedule.Kind.QUESTIONNAIRE.value, "Questionnaire"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    due_key = models.CharField(max_length=64)
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.EMAIL)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["-sent_at"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner", "kind", "due_key", "channel"],
                name="sent_reminder_once_per_occurrence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_key} by {self.channel}"
