"""Onboarding answers, medicines, risk snapshots, goals and limits (the nudges they raise are
notices of the alerts app: ``stepdown.alerts.models.Alert``).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_noop

from stepdown.core.risk import Tier


class RiskSnapshot(models.Model):
    """The risk profile as computed at one moment, kept so the Risk page can show its history.

    ``factors`` holds each factor's code, label, explanation, weight, sources, basis and Learn
    slug as computed then (wording can change later; the record should not).
    """

    class TierChoice(models.TextChoices):
        # English for the API and the record; the Risk page translates the label it shows.
        LOW = Tier.LOW.value, gettext_noop("Lower risk")
        MODERATE = Tier.MODERATE.value, gettext_noop("Moderate risk")
        HIGH = Tier.HIGH.value, gettext_noop("High risk")
        LIKELY_DEPENDENCE = Tier.LIKELY_DEPENDENCE.value, gettext_noop("Signs of dependence")
        USE_DISORDER = Tier.USE_DISORDER.value, gettext_noop("In the range of a use disorder")

    class Trigger(models.TextChoices):
        ON_DEMAND = "on_demand", "Viewed"
        MONTHLY = "monthly", "Monthly update"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="risk_snapshots"
    )
    computed_at = models.DateTimeField(default=timezone.now)
    tier = models.CharField(max_length=20, choices=TierChoice.choices)
    score = models.PositiveSmallIntegerField()
    factors = models.JSONField(default=list)
    next_step = models.CharField(max_length=20)
    limited_data = models.BooleanField(default=False)
    journal_days = models.PositiveSmallIntegerField(default=0)
    notes = models.JSONField(default=list)
    method = models.CharField(max_length=40)
    trigger = models.CharField(max_length=12, choices=Trigger.choices, default=Trigger.ON_DEMAND)

    class Meta:
        ordering: ClassVar[list[str]] = ["-computed_at", "-pk"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "-computed_at"])]

    def __str__(self) -> str:
        return f"{self.tier} at {self.computed_at:%Y-%m-%d}"


class Goal(models.Model):
    """A person's goal and limits; every limit is optional (empty means "not set").

    ``limits_from`` is the local day the limits last changed: the journal is checked against
    them from that day on, so a new or stricter limit does not judge the days before it.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal"
    )
    purpose = models.CharField(max_length=200, blank=True)
    end_date = models.DateField(null=True, blank=True)
    max_g_per_day = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    max_days_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    min_hours_between = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    no_use_after = models.TimeField(null=True, blank=True)
    # The weekdays use is planned on, 0 Monday … 6 Sunday, in order; null: any day.
    allowed_weekdays = models.JSONField(null=True, blank=True)
    price_per_g = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    currency = models.CharField(max_length=8, blank=True)
    limits_from = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(max_g_per_day__isnull=True) | models.Q(max_g_per_day__gte=0),
                name="goal_max_g_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(max_days_per_week__isnull=True)
                | models.Q(max_days_per_week__lte=7),
                name="goal_days_per_week_range",
            ),
            models.CheckConstraint(
                condition=models.Q(min_hours_between__isnull=True)
                | models.Q(min_hours_between__gte=0),
                name="goal_min_hours_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(price_per_g__isnull=True) | models.Q(price_per_g__gte=0),
                name="goal_price_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"goal of {self.owner_id}"
