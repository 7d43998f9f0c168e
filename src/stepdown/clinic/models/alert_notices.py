"""Urgent alerts told to clinicians by email (clinic.alert_emails)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class AlertNotice(models.Model):
    """One urgent alert of a person made known to one clinician who sees them: at most one row
    per clinician and alert, so an event is never emailed twice. ``emailed_at`` is when the
    email that told of it was sent; empty when an email sent shortly before already pointed the
    clinician to the dashboard (the spacing rule in docs/clinic.md, "Urgent alerts by email")."""

    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    alert = models.ForeignKey("alerts.Alert", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["clinician", "alert"], name="alert_notice_once"),
        ]
        indexes: ClassVar[list[models.Index]] = [
            # The spacing rule: this clinician's emails of the last minutes.
            models.Index(fields=["clinician", "emailed_at"]),
        ]

    def __str__(self) -> str:
        return f"alert {self.alert_id} for clinician {self.clinician_id}"
