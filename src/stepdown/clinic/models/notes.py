"""A clinician's notes about a person (clinic.notes)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from stepdown.clinic.models.clinics import Clinic


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
