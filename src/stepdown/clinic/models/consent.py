"""The consents that let a clinic see a person.

A consent is a record of what the person signed (42 CFR Part 2 §2.31): it is never edited.
Changing what is shared signs a new version and ends the old one (``superseded_at``); revoking
sets ``revoked_at``. Only the ending stamps ever change on a row.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stepdown.clinic.models.clinics import Clinic, PatientInvitation


class Purpose(models.TextChoices):
    TREATMENT = "treatment", _("Treatment")


class Consent(models.Model):
    """What one person signed to share with one clinic (42 CFR Part 2 §2.31): who discloses
    (the owner), to whom (the named ``clinicians``, or when none are named the clinic's treating
    clinicians), what (``data_classes``), why (``purpose``), until when (``expires_on``, the
    last day, or ``expiry_event``), the signature (the typed full name) and when it was signed.

    In force while not revoked, not superseded and before ``expires_at`` (the end of
    ``expires_on`` in the person's time zone, fixed when signed).
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="consents")
    clinicians = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    data_classes = models.JSONField(default=list)
    purpose = models.CharField(max_length=16, choices=Purpose.choices, default=Purpose.TREATMENT)
    expires_on = models.DateField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    expiry_event = models.CharField(max_length=200, blank=True)
    signature = models.CharField(max_length=120)
    signed_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)
    previous = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_version"
    )
    invitation = models.ForeignKey(
        PatientInvitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    superseded_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-signed_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # At most one consent per person and clinic is not yet ended.
            models.UniqueConstraint(
                fields=["owner", "clinic"],
                condition=Q(revoked_at__isnull=True, superseded_at__isnull=True),
                name="consent_one_open_per_clinic",
            ),
            models.CheckConstraint(condition=~Q(signature=""), name="consent_signed"),
            models.CheckConstraint(
                condition=Q(purpose__in=Purpose.values), name="consent_purpose_known"
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=False, expires_at__isnull=False)
                | (Q(expires_on__isnull=True, expires_at__isnull=True) & ~Q(expiry_event="")),
                name="consent_expiry_date_or_event",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="consent_version_positive"),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["owner", "clinic"]),
            models.Index(fields=["clinic", "revoked_at", "superseded_at"]),
        ]

    def __str__(self) -> str:
        return f"consent {self.pk} (version {self.version})"

    @property
    def status(self) -> str:
        """``revoked``, ``superseded``, ``expired`` or ``active``, as of now."""
        if self.revoked_at is not None:
            return "revoked"
        if self.superseded_at is not None:
            return "superseded"
        if self.expires_at is not None and self.expires_at <= timezone.now():
            return "expired"
        return "active"

    @property
    def is_active(self) -> bool:
        return self.status == "active"
