"""Clinics, their members and invitations, and the consents that let a clinic see a person.

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


# -- Notes, plan proposals and messages (clinic.notes, clinic.proposals, clinic.messages) ------


class Note(models.Model):
    """A clinician's note about a person, kept by the clinic. The person sees it only when
    ``shared_with_person``; clinicians see it through a consent naming the ``notes`` class."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinic_notes"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(max_length=4000)
    shared_with_person = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=~Q(text=""), name="note_text_not_empty"),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["owner", "clinic", "-created_at"]),
            models.Index(fields=["owner", "shared_with_person", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"note {self.pk} of clinic {self.clinic_id}"


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


# -- Urgent alerts told to clinicians by email (clinic.alert_emails) ---------------------------


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


# -- Messages between a person and a clinic (clinic.messages) -------------------------------


class Conversation(models.Model):
    """The one conversation between a person and a clinic. ``person_emailed_at`` and
    ``clinic_emailed_at`` are set when a side is told by email that a message is waiting and
    cleared when that side reads, so a burst of messages sends one email, not one each."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinic_conversations"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="conversations")
    created_at = models.DateTimeField(default=timezone.now)
    person_emailed_at = models.DateTimeField(null=True, blank=True)
    clinic_emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["clinic__name", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["owner", "clinic"], name="conversation_once_per_clinic")
        ]

    def __str__(self) -> str:
        return f"conversation {self.pk} with clinic {self.clinic_id}"


class Message(models.Model):
    """Plain text from one side of a conversation; ``read_at`` is when the other side read it.
    ``client_id`` is the sender's idempotency key: the same key again returns this message."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_person = models.BooleanField()
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    client_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=~Q(text=""), name="message_text_not_empty"),
            models.UniqueConstraint(
                fields=["conversation", "from_person", "client_id"],
                condition=Q(client_id__isnull=False),
                name="message_client_id_unique_per_side",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["conversation", "created_at"]),
            models.Index(fields=["conversation", "from_person", "read_at"]),
        ]

    def __str__(self) -> str:
        return f"message {self.pk} in conversation {self.conversation_id}"


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
