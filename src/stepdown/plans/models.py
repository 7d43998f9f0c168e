"""Taper plans a person follows, and every change made to them.

Storage choice: a plan keeps its **current parameters in columns** (what ``slow`` may change,
and what a new plan of the same kind would need) and its **steps as a JSON snapshot** of the
frozen :class:`stepdown.core.tapering.TaperPlan`. Steps are not rebuilt from the parameters:
after a hold, a reinstatement or a slow-down the plan is no longer what ``plan_taper`` would
produce, and past steps must never change. Steps are always read and written together (one
plan at a time, a few dozen steps), so one JSON column costs one row read instead of a step
table's join; no query ever filters on a single step. ``end_date`` is copied into a column so
lists and the calendar can show it without decoding the snapshot.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stepdown.journal.models import Product


class Plan(models.Model):
    """One taper plan of one person. At most one is active at a time (a database constraint);
    cancelled and completed plans are kept as history."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CANCELLED = "cancelled", _("Ended early")
        COMPLETED = "completed", _("Completed")

    class Method(models.TextChoices):
        PROPORTIONAL = "proportional", _("Proportional (a share of the current amount)")
        LINEAR = "linear", _("Linear (the same grams each step)")
        OCCUPANCY = "occupancy", _("Occupancy model (gentler towards the end)")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans"
    )
    # SET_NULL: the journal deletes a product nobody's dose refers to; the plan keeps its grams.
    product = models.ForeignKey(
        Product, on_delete=models.SET_NULL, null=True, blank=True, related_name="plans"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    method = models.CharField(max_length=20, choices=Method.choices)
    start_g = models.DecimalField(max_digits=8, decimal_places=3)
    start_date = models.DateField()
    end_date = models.DateField(help_text="The first day without a planned dose.")
    rate_pct = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    step_g = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    ed50_g = models.DecimalField(max_digits=9, decimal_places=3, null=True, blank=True)
    interval_days = models.PositiveSmallIntegerField()
    stabilize_days = models.PositiveSmallIntegerField()
    resolution_g = models.DecimalField(max_digits=7, decimal_places=3)
    stop_below_g = models.DecimalField(max_digits=8, decimal_places=3)
    doses_per_day = models.PositiveSmallIntegerField()
    target_doses_per_day = models.PositiveSmallIntegerField()
    steps = models.JSONField(help_text="Snapshot of the plan's steps; see plans.snapshot.")
    reminder_time = models.TimeField(null=True, blank=True)
    # SHA-256 of the calendar link's secret; the secret itself is shown once and never stored.
    calendar_token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    calendar_token_created_at = models.DateTimeField(null=True, blank=True)
    client_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=models.Q(status="active"),
                name="plan_one_active_per_owner",
            ),
            models.UniqueConstraint(
                fields=["owner", "client_id"], name="plan_client_id_unique_per_owner"
            ),
            models.CheckConstraint(condition=models.Q(start_g__gt=0), name="plan_start_positive"),
            models.CheckConstraint(
                condition=models.Q(resolution_g__gt=0), name="plan_resolution_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gt=models.F("start_date")),
                name="plan_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(target_doses_per_day__gte=1)
                & models.Q(target_doses_per_day__lte=models.F("doses_per_day")),
                name="plan_target_doses_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(status="active", ended_at__isnull=True)
                | (~models.Q(status="active") & models.Q(ended_at__isnull=False)),
                name="plan_ended_at_matches_status",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["owner", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} plan from {self.start_date}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class PlanAdjustment(models.Model):
    """One entry of a plan's history: its creation and every later change, with the reason.

    ``effective_date`` is the person's local day the change applies from. ``source`` says who
    or what asked for it: empty for the person themself, ``"alert"`` when they accepted a
    suggestion, later perhaps ``"clinician"``. ``detail`` keeps the numbers of the change
    (days held, the new rate ...) so the history can say exactly what happened.
    """

    class Kind(models.TextChoices):
        CREATE = "create", _("Plan started")
        HOLD = "hold", _("Step held")
        REINSTATE = "reinstate", _("Back one step")
        SLOW = "slow", _("Slowed down")
        CANCEL = "cancel", _("Plan ended early")
        COMPLETE = "complete", _("Plan completed")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="adjustments")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    effective_date = models.DateField()
    reason = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=40, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    end_date_before = models.DateField(null=True, blank=True)
    end_date_after = models.DateField()
    client_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["plan", "client_id"], name="plan_adjustment_client_id_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="create") | models.Q(end_date_before__isnull=False),
                name="plan_adjustment_has_end_before",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["plan", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.effective_date}"
