"""Questionnaire responses, check-in schedules, safety events and the personal safety plan."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class Response(models.Model):
    """One scored answer to an instrument.

    ``answers`` are the answers as the core checked them; ``total``, ``band``, ``subscores`` and
    ``flags`` were computed on the server from those answers (never taken from a client).
    ``complete`` is false for an unfinished draft, kept only because its answers so far raised a
    flag (a "yes" to a self-harm question is never thrown away): a draft has the valid answers
    and their flags but no ``total``, answers no schedule window, and is left out of scores,
    charts and comparisons until it is finished.
    ``local_date`` is the person's day the response counts for. ``slot_start`` is the first day of
    the schedule window it answers, or ``None`` for an extra, unscheduled response; a window is
    answered at most once. ``window_start``/``window_end`` keep the window as it was when the
    response was given, so a later schedule change does not rewrite history.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_responses"
    )
    instrument = models.CharField(max_length=32)
    version = models.CharField(max_length=16)
    answers = models.JSONField(default=dict)
    total = models.IntegerField(null=True, blank=True)
    complete = models.BooleanField(default=True)
    band = models.CharField(max_length=32, blank=True)
    subscores = models.JSONField(default=dict)
    flags = models.JSONField(default=list)
    local_date = models.DateField()
    slot_start = models.DateField(null=True, blank=True)
    window_start = models.DateTimeField(null=True, blank=True)
    window_end = models.DateTimeField(null=True, blank=True)
    client_id = models.UUIDField(null=True, blank=True)
    # The clinician who rated it (COWS needs an observer); empty for the person's own answers.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner", "client_id"], name="response_client_id_unique_per_owner"
            ),
            models.UniqueConstraint(
                fields=["owner", "instrument", "slot_start"],
                condition=models.Q(slot_start__isnull=False),
                name="response_one_per_window",
            ),
            models.CheckConstraint(
                condition=models.Q(window_start__isnull=True)
                | models.Q(window_end__gt=models.F("window_start")),
                name="response_window_ordered",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["owner", "instrument", "local_date"]),
            models.Index(fields=["owner", "local_date"]),
            models.Index(fields=["owner", "-created_at"]),
        ]

    def __str__(self) -> str:
        if not self.complete:
            return f"{self.instrument} on {self.local_date}: unfinished"
        return f"{self.instrument} on {self.local_date}: {self.total}"

    @property
    def scheduled(self) -> bool:
        return self.slot_start is not None


class Schedule(models.Model):
    """A person's own schedule for one instrument; without a row, the default applies.

    ``starts_on`` anchors the windows: one opens every ``interval_days`` from that day.
    ``preferred_time`` is when the person would like a reminder; it does not narrow the window.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_schedules"
    )
    instrument = models.CharField(max_length=32)
    interval_days = models.PositiveSmallIntegerField()
    preferred_time = models.TimeField(null=True, blank=True)
    enabled = models.BooleanField(default=True)
    starts_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["instrument"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner", "instrument"], name="schedule_one_per_instrument"
            ),
            models.CheckConstraint(
                condition=models.Q(interval_days__gte=1, interval_days__lte=366),
                name="schedule_interval_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument} every {self.interval_days} days"


class SafetyEvent(models.Model):
    """A response that raised a self-harm flag: kept for alerts and a supervising clinician.

    ``seen_at`` is when the person was shown the crisis page for it; ``acknowledged_at`` and
    ``acknowledged_by`` are for whoever follows it up (the alerts and clinic features).
    """

    class Severity(models.TextChoices):
        HIGH = "high", "High"
        CRITICAL = "critical", "Critical"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_events"
    )
    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="safety_event")
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.HIGH)
    flags = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["owner", "-created_at"]),
            models.Index(fields=["owner", "acknowledged_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.severity} safety event at {self.created_at:%Y-%m-%d %H:%M}"


class SafetyPlan(models.Model):
    """A person's own safety plan: short lists, one entry a line, in their words."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan"
    )
    warning_signs = models.JSONField(default=list, blank=True)
    coping_steps = models.JSONField(default=list, blank=True)
    people = models.JSONField(default=list, blank=True)
    places = models.JSONField(default=list, blank=True)
    professionals = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Safety plan of {self.owner_id}"
