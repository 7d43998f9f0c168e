"""Messages between a person and a clinic (clinic.messages)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from stepdown.clinic.models.clinics import Clinic


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
