"""Clinics, their members, and the invitations that bring in clinicians and people."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Clinic(models.Model):
    """A practice whose clinicians supervise the people who consent to it."""

    name = models.CharField(max_length=120)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=~Q(name=""), name="clinic_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")  # also a treating clinician
    CLINICIAN = "clinician", _("Clinician")


class Membership(models.Model):
    """A clinician's place in a clinic. Deactivated, it grants nothing (checked per request)."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinic_memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CLINICIAN)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["clinic", "user__email"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["clinic", "user"], name="membership_once_per_clinic"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_known"),
            models.CheckConstraint(
                condition=Q(active=True, deactivated_at__isnull=True)
                | Q(active=False, deactivated_at__isnull=False),
                name="membership_deactivated_when_inactive",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["user", "active"])]

    def __str__(self) -> str:
        return f"{self.role} of clinic {self.clinic_id}"

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


class StaffInvitation(models.Model):
    """An admin's invitation for a clinician to join, sent by email as a single-use link.

    The link's secret is an HMAC of the row (``clinic.invitations.staff_token``), so nothing in
    the database opens it, and the worker can write the email from the row's id alone.
    """

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="staff_invitations")
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CLINICIAN)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="staff_invitation_role_known"
            ),
        ]

    def __str__(self) -> str:
        return f"invitation {self.pk} to clinic {self.clinic_id}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class PatientInvitation(models.Model):
    """A clinician's invitation for a person to share with the clinic: a short code to type,
    or a link that carries it. Single use; only a hash of the code is kept.

    Named clinicians (``clinicians``) become the consent's recipients; none means the clinic's
    treating clinicians.
    """

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="patient_invitations")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    clinicians = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return f"patient invitation {self.pk} of clinic {self.clinic_id}"

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()
