"""What the triage found for each person, kept by the worker for the dashboard (clinic.triage)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class TriageSummary(models.Model):
    """What ``clinic.triage`` found for one person, as of their data at ``revision`` (the
    ``User.data_revision`` it was read at) on their local ``day``. A row whose revision or day
    is not the person's current one is never used: the dashboard works that person out again.
    Kept by the worker (``clinic.triage_store.refresh_summaries``); derived from other rows, so
    writing it does not move the person's revision (``accounts.revisions.EXEMPT``)."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="triage_summary",
    )
    revision = models.BigIntegerField()
    day = models.DateField()
    # Before any consent's data classes apply, and without the silence reason (which depends on
    # when each consent was signed): [[code, severity, since as ISO 8601], ...].
    reasons = models.JSONField(default=list)
    # The local day after the last dose or check-in; empty when they never logged either.
    silent_since = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"triage summary of person {self.owner_id} on {self.day}"
