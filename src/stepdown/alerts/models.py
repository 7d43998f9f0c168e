"""Notices made from the pure rules (alerts and gentle nudges), their history, and the plan
changes they suggest.

An :class:`Alert` is one ``stepdown.core.rules.Alert`` stored for one person: what happened
(``code``), what it is about (``cause_key``), and the kind words and single action the rule
chose. Its ``kind`` is the rule's own category: the goal-and-limit rules and the person's own
trend are gentle *nudges* (Today and ``/goals/``), the safety net are *alerts* (the bell and
``/alerts/``). At most one *unresolved* row (open or acknowledged) exists per person, code and
cause (a conditional unique constraint); the services go further and never raise a cause a
second time once it has been recorded, so a resolved alert or a dismissed nudge stays so (see
``recording``).
"""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stepdown.core.rules import LIMIT_RULES, TREND_RULES, Severity, SuggestionKind
from stepdown.core.triage import staff_title
from stepdown.plans.models import Plan, PlanAdjustment

UNRESOLVED = ("open", "acknowledged")
# The rules whose findings are gentle nudges (docs/alerts.md, "Goals and limits"); every other
# rule is the safety net and makes alerts.
NUDGE_RULES = (*LIMIT_RULES, *TREND_RULES)
# What Today and /goals/ show as nudge cards: the nudges and the tolerance signals, which are
# safety-net alerts too (one row, shown in both places; see docs/alerts.md).
CARD_CODES = (*NUDGE_RULES, "escalation")


class Alert(models.Model):
    """One notice of one person, from a rule in ``stepdown.core.rules`` (see docs/alerts.md)."""

    class Kind(models.TextChoices):
        ALERT = "alert", _("Alert")
        NUDGE = "nudge", _("Nudge")

    class Status(models.TextChoices):
        OPEN = "open", _("New")
        ACKNOWLEDGED = "acknowledged", _("Seen")
        RESOLVED = "resolved", _("Resolved")

    class Level(models.TextChoices):
        CRITICAL = Severity.CRITICAL.value, _("Urgent")
        HIGH = Severity.HIGH.value, _("High")
        MODERATE = Severity.MODERATE.value, _("Moderate")
        LOW = Severity.LOW.value, _("Low")
        INFO = Severity.INFO.value, _("For information")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts"
    )
    kind = models.CharField(max_length=5, choices=Kind.choices, default=Kind.ALERT)
    code = models.CharField(max_length=40)
    severity = models.CharField(max_length=10, choices=Level.choices)
    title = models.CharField(max_length=200)
    explanation = models.TextField()
    action = models.TextField()
    # The rule's messages and values behind the English above, so a page can word them in the
    # reader's language (``alerts.wording``); empty for rows stored before they were kept.
    wording = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=80, help_text="An ID in docs/clinical-sources.md.")
    learn_slug = models.CharField(max_length=60)
    cause_key = models.CharField(max_length=200)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    # The person took the card off Today and /goals/ ("Dismiss"); the alert's status is apart.
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner", "code", "cause_key"],
                condition=models.Q(status__in=UNRESOLVED),
                name="alert_one_unresolved_per_cause",
            ),
            models.CheckConstraint(
                condition=models.Q(status="resolved", resolved_at__isnull=False)
                | (~models.Q(status="resolved") & models.Q(resolved_at__isnull=True)),
                name="alert_resolved_at_matches_status",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [
            # The bell's count and the page's filters.
            models.Index(fields=["owner", "kind", "status"]),
            models.Index(fields=["owner", "kind", "-created_at"]),
            # The nudge cards: not dismissed, newest first.
            models.Index(fields=["owner", "dismissed_at", "-created_at"]),
            # Deduplication looks rows up by their key.
            models.Index(fields=["owner", "code", "cause_key"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.cause_key}): {self.status}"

    @staticmethod
    def kind_of(code: str) -> str:
        """The kind of notice rule ``code`` makes (its category in the rules)."""
        return Alert.Kind.NUDGE if code in NUDGE_RULES else Alert.Kind.ALERT

    @property
    def is_resolved(self) -> bool:
        return self.status == self.Status.RESOLVED

    @property
    def staff_title(self) -> str:
        """The title as a clinician reads it (``core.triage.STAFF_TITLES``)."""
        return staff_title(self.code, self.title)

    @property
    def learn_url(self) -> str:
        # The Learn app serves a page for every LearnSlug.
        return reverse("learn:page", args=[self.learn_slug])


class AlertEvent(models.Model):
    """One line of an alert's history: it was raised, seen, resolved, and by whom.

    ``actor`` is ``None`` when Stepdown itself made the change (raising the alert, or resolving
    it when the person accepted its suggestion counts as the person's).
    """

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=14, choices=Alert.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "pk"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["alert", "created_at"])]

    def __str__(self) -> str:
        return f"{self.status} at {self.created_at:%Y-%m-%d %H:%M}"


class SuggestedAdjustment(models.Model):
    """A plan change an alert proposes; the plan changes only when the person accepts it.

    ``parameters`` keep the rule's numbers (``{"days": 7}`` for a hold or a slow-down, ``{}``
    for going back a step). ``client_id`` is the idempotency key passed to the plans service,
    so accepting twice changes the plan once. ``adjustment`` is the plan history entry an
    accepted suggestion produced. ``superseded`` marks a suggestion overtaken before the person
    decided: the plan ended, they made the same kind of change themselves, or a stronger
    suggestion (going back a step instead of holding) replaced it.
    """

    class Kind(models.TextChoices):
        HOLD = SuggestionKind.HOLD.value, _("Hold this step")
        REINSTATE = SuggestionKind.REINSTATE.value, _("Go back one step")
        SLOW = SuggestionKind.SLOW.value, _("Slow the rest of the plan")

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Waiting for you")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        SUPERSEDED = "superseded", _("No longer needed")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suggested_adjustments"
    )
    alert = models.OneToOneField(Alert, on_delete=models.CASCADE, related_name="suggestion")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    parameters = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUGGESTED)
    reason = models.CharField(max_length=500, blank=True)
    client_id = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    adjustment = models.OneToOneField(
        PlanAdjustment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestion",
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # Two identical open proposals would invite accepting both (a 14-day hold).
            models.UniqueConstraint(
                fields=["plan", "kind"],
                condition=models.Q(status="suggested"),
                name="suggestion_one_pending_per_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(status="suggested", decided_at__isnull=True)
                | (~models.Q(status="suggested") & models.Q(decided_at__isnull=False)),
                name="suggestion_decided_at_matches_status",
            ),
            models.CheckConstraint(
                condition=models.Q(adjustment__isnull=True) | models.Q(status="accepted"),
                name="suggestion_adjustment_only_when_accepted",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["plan", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} suggestion: {self.status}"

    @property
    def days(self) -> int | None:
        value = self.parameters.get("days")
        return int(value) if value is not None else None

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.SUGGESTED
