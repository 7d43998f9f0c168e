"""Clinicians' notes about a person: writing one, and who may read which.

A clinician reads and writes notes only through a consent in force that names the ``notes``
data class (``clinic.access``); a note belongs to the clinic of that consent, so another clinic
never sees it. The person sees the notes a clinician marked as shared with them, and nothing
else. Writes are recorded in the access log (``record_action``); reads are recorded by the
page or route that shows them (one event per request), not here.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext

from stepdown.accounts.models import User
from stepdown.audit.models import Action, DataClass
from stepdown.audit.services import record_action
from stepdown.clinic.access import consents_covering, require_access
from stepdown.clinic.models import Note
from stepdown.clinic.wording import written_text

NOTE_MAX = 4000
# How long a shared note counts as new on the person's Today page (no "read" marker: a GET
# never writes).
NEW_FOR = dt.timedelta(days=7)


def _clinic_ids_with_notes(viewer: User, person_id: int) -> list[int]:
    """The viewer's clinics whose consent in force from the person names ``notes``."""
    require_access(viewer, person_id, DataClass.NOTES)
    consents = consents_covering(viewer).filter(owner_id=person_id)
    return sorted({c.clinic_id for c in consents if DataClass.NOTES in c.data_classes})


def note_text(text: str) -> str:
    return written_text(
        text,
        limit=NOTE_MAX,
        empty=gettext("Write the note first."),
        too_long=gettext("Keep a note under %(limit)s characters."),
    )


def note_create(
    *, author: User, person_id: int, text: str, shared_with_person: bool, kind: str, route: str
) -> Note:
    """A clinician's note about the person, in the clinic of the consent that allows it;
    ``NotFound`` without one naming ``notes``."""
    consent = require_access(author, person_id, DataClass.NOTES)
    cleaned = note_text(text)
    with transaction.atomic():
        note = Note.objects.create(
            owner_id=person_id,
            clinic_id=consent.clinic_id,
            author=author,
            text=cleaned,
            shared_with_person=shared_with_person,
        )
        record_action(
            actor=author,
            owner=consent.owner,
            action=Action.NOTE,
            data_classes=[DataClass.NOTES],
            kind=kind,
            route=route,
        )
    return note


def notes_for_viewer(
    viewer: User,
    person_id: int,
    *,
    since: dt.datetime | None = None,
    limit: int | None = None,
) -> list[Note]:
    """The person's notes the clinician may read, newest first (written from ``since``, at
    most ``limit``); ``NotFound`` without access. The caller records the read."""
    clinic_ids = _clinic_ids_with_notes(viewer, person_id)
    found = Note.objects.filter(owner_id=person_id, clinic_id__in=clinic_ids).select_related(
        "author", "clinic"
    )
    if since is not None:
        found = found.filter(created_at__gte=since)
    return list(found[:limit] if limit is not None else found)


def shared_notes_of(*, owner: User) -> list[Note]:
    """The notes clinicians shared with the person, newest first."""
    return list(
        Note.objects.filter(owner=owner, shared_with_person=True).select_related("author", "clinic")
    )
