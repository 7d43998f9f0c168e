"""What an import brought in, so the same file (or an overlapping later export) adds nothing
twice."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportedRecord(models.Model):
    """One row an import created or matched: ``key`` is a digest of the file's origin (an opaque
    name of the account on the exporting instance), the list and the row's id in the file."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="imported_records"
    )
    key = models.CharField(max_length=64)
    table = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["owner", "key"], name="imported_record_key_unique"),
        ]

    def __str__(self) -> str:
        return f"imported {self.table} {self.object_id}"
