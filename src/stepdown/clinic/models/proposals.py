"""A clinician's proposed changes to a person's plan (clinic.proposals)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stepdown.clinic.models.clinics import Clinic


class PlanProposal(models.Model):
    """A clinician's proposed change to a person's active plan: a hold of ``days``, slowing to
    ``rate_pct`` and/or ``interval_days``, or a new plan from today's dose. Nothing changes until
    the person accepts; acceptance goes through the plans services. ``plan_revision`` is the
    plan's newest history entry when it was proposed: a plan changed since makes it stale."""

    class Kind(models.TextChoices):
        HOLD = "hold", _("Hold the current step")
        SLOW = "slow", _("Slow down")
        NEW_PLAN = "new_plan", _("A new plan from today's dose")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for your answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        STALE = "stale", _("No longer applies (the plan changed)")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_proposals"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="plan_proposals")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="+")
    plan_revision = models.BigIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    days = models.PositiveSmallIntegerField(null=True, blank=True)
    rate_pct = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    interval_days = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.CharField(max_length=500)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(kind__in=["hold", "slow", "new_plan"]), name="proposal_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "declined", "stale"]),
                name="proposal_status_known",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="proposal_reason_given"),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} proposal {self.pk}"
