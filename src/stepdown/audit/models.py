"""The access log: one row per read of a person's data by someone else, and per clinician write.

Rows are only ever appended (``stepdown.audit.services``); the ORM refuses to change or delete
one, and each row carries an HMAC of its columns and of the row before it (``chain.py``), so a
change made behind the ORM's back is found by ``stepdown audit verify``.
"""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone


class DataClass(models.TextChoices):
    """What a person can share, and what an access touched: the one vocabulary every app uses
    (consent, the clinic pages, this log)."""

    JOURNAL = "journal", "journal"
    PLAN = "plan", "plan"
    CHECKINS = "checkins", "check-ins"
    MEDICINES = "medicines", "medicines"
    SKIN = "skin", "skin photos"
    NOTES = "notes", "notes"
    # Logged when a clinician reads a conversation; never a class a consent names (a
    # conversation needs only a consent in force: clinic.data_classes.ALL leaves it out).
    MESSAGES = "messages", "messages"


class Kind(models.TextChoices):
    """How the data left: a page, an API answer, a PDF, an export, a FHIR document, or the
    dashboard's one-line summary of the person."""

    PAGE = "page", "page"
    API = "api", "API"
    PDF = "pdf", "PDF report"
    EXPORT = "export", "export"
    FHIR = "fhir", "FHIR record"
    SUMMARY = "summary", "dashboard summary"


class Purpose(models.TextChoices):
    TREATMENT = "treatment", "treatment"


class ActorRole(models.TextChoices):
    CLINICIAN = "clinician", "clinician"
    ADMIN = "admin", "clinic admin"


class Action(models.TextChoices):
    """``read`` for a read; the others are writes a clinician made about the person."""

    READ = "read", "read"
    NOTE = "note", "wrote a note"
    PROPOSAL = "proposal", "proposed a plan change"
    COWS = "cows", "entered a withdrawal score (COWS)"
    ACKNOWLEDGE = "acknowledge", "acknowledged an alert"
    MESSAGE = "message", "wrote a message"


class AppendOnly(Exception):
    """Raised when code tries to change or delete an access event."""


class AccessEventQuerySet(models.QuerySet["AccessEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnly("access events are never changed")

    def delete(self) -> NoReturn:
        raise AppendOnly("access events are never deleted")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnly("access events are never changed")


class AccessEvent(models.Model):
    """Someone other than the person read (or, as a clinician, wrote) the person's data.

    ``actor`` and ``owner`` keep their ids after an account is closed (no database constraint,
    nothing cascades): the log must outlive the accounts it names. The actor's name and email are
    copied when the row is written, so the person can still read who it was, and so the HMAC
    covers what was shown. When the person erases their account, their rows become tombstones
    (``stepdown.audit.tombstones``): no owner, an opaque ``erased_as`` id, the dates and who the
    recipient was, nothing about what was read.
    """

    id = models.BigAutoField(primary_key=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_name = models.CharField(max_length=80, blank=True)
    actor_email = models.EmailField()
    actor_role = models.CharField(max_length=16, choices=ActorRole.choices)
    # Empty once the person erased their account: the row is then a tombstone (``tombstones``).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    # The tombstone's opaque id (random, the same on all of one person's rows), set only when
    # the person erased their account; it links to nothing else in the database.
    erased_as = models.CharField(max_length=32, blank=True, default="", db_default="")
    at = models.DateTimeField(default=timezone.now)
    data_classes = models.JSONField(default=list)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    action = models.CharField(max_length=16, choices=Action.choices, default=Action.READ)
    # A URL pattern or API operation name (``clinic:patient``), never a path: paths can carry ids.
    route = models.CharField(max_length=100)
    hmac = models.CharField(max_length=64, editable=False)

    objects: ClassVar[models.Manager[AccessEvent]] = AccessEventQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-at", "-id"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["owner", "-at"]),
            models.Index(fields=["actor", "owner", "kind", "at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The one way in is services._append, which seals the row and inserts it once.
        if not kwargs.get("force_insert") or not self.hmac:
            raise AppendOnly("access events are only appended, through stepdown.audit.services")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnly("access events are never deleted")
