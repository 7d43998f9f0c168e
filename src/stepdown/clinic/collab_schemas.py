"""API bodies of clinicians' notes, plan proposals and messages (``clinic.collab_api``)."""

from __future__ import annotations

import datetime as dt

from stepdown.clinic.models import Note
from stepdown.clinic.wording import person_name
from stepdown.schemas import Out


class NoteOut(Out):
    id: int
    clinic_id: int
    clinic_name: str
    author: str
    text: str
    shared_with_person: bool
    created_at: dt.datetime

    @classmethod
    def of(cls, note: Note) -> NoteOut:
        return cls(
            id=note.pk,
            clinic_id=note.clinic_id,
            clinic_name=note.clinic.name,
            author=person_name(note.author) if note.author else "A former clinician",
            text=note.text,
            shared_with_person=note.shared_with_person,
            created_at=note.created_at,
        )
