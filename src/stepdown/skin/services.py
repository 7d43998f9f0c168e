"""Writes to the skin tracker. Every function checks ownership first.

Photo files are written before their rows and removed again if the transaction fails; files of
deleted or replaced photos are removed only once the deletion has committed (``signals``), so a
rolled-back delete never leaves a row pointing at a missing file.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.errors import InvalidInput
from stepdown.skin import selectors
from stepdown.skin.comparison import comparison_clear
from stepdown.skin.measuring import corners_clean, region_clean
from stepdown.skin.models import (
    ExposedSite,
    Measurement,
    Photo,
    PhotoSession,
    SkinColour,
    SkinReport,
    SkinSite,
)
from stepdown.skin.photos import (
    CheckedUpload,
    PhotoRejected,
    check_upload,
    delete_photo_files,
    write_upload,
)
from stepdown.skin.quota import quota_problem
from stepdown.skin.tasks import measure_photo, process_photo

FUTURE_TOLERANCE = dt.timedelta(minutes=5)
ROLE_FIELDS = {Photo.Role.EXPOSED: "exposed_photo", Photo.Role.REFERENCE: "reference_photo"}


@dataclass(frozen=True)
class SessionResult:
    session: PhotoSession
    created: bool


def photo_check(*, data: bytes, field: str = "file") -> CheckedUpload:
    """The upload's cheap header check (no decoding); an unacceptable file is an
    ``InvalidInput`` on ``field``."""
    try:
        return check_upload(data=data)
    except PhotoRejected as error:
        raise InvalidInput(field, _(error.message)) from None


def _check_quota(*, owner: User, adding: int, freeing: int = 0, field: str) -> None:
    """Refuse a photo that would take the person past ``SKIN_QUOTA_MB`` of stored photos."""
    problem = quota_problem(owner=owner, adding=adding, freeing=freeing)
    if problem is not None:
        raise InvalidInput(field, problem)


def _enqueue_processing(photos: list[Photo]) -> None:
    """Hand each new photo to the worker (``tasks.process_photo``)."""
    for photo in photos:
        process_photo.enqueue(photo.pk)


# An upload still being prepared after this long lost its task (a worker stopped mid-way).
STALE_AFTER = dt.timedelta(minutes=10)


def photos_resume(*, now: dt.datetime | None = None) -> int:
    """Queue again the uploads whose preparation was cut short (a worker stopped in the middle
    of the task, which the queue does not run twice); the number queued. Preparing is
    idempotent: a photo that is ready or failed by then is left as it is."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    stale = list(
        Photo.objects.filter(status=Photo.Status.PROCESSING, uploaded_at__lt=cutoff).order_by("pk")
    )
    _enqueue_processing(stale)
    return len(stale)


def _check_session_fields(*, exposed_site: str, taken_at: dt.datetime, notes: str) -> None:
    if exposed_site not in ExposedSite.values:
        raise InvalidInput(
            "exposed_site", _("Unknown site %(site)s.") % {"site": repr(exposed_site)}
        )
    if timezone.is_naive(taken_at):
        raise InvalidInput("taken_at", _("Give the time with its time zone."))
    if taken_at > timezone.now() + FUTURE_TOLERANCE:
        raise InvalidInput("taken_at", _("Photos cannot be taken in the future."))
    if len(notes) > 1000:
        raise InvalidInput("notes", _("Keep notes under 1,000 characters."))


def session_create(
    *,
    owner: User,
    exposed_site: str,
    taken_at: dt.datetime | None = None,
    notes: str = "",
    uses_card: bool = True,
    client_id: uuid.UUID | None = None,
    photos: Mapping[str, CheckedUpload] | None = None,
) -> SessionResult:
    """Start a session, optionally with already-checked uploads keyed by role (kept raw and
    queued for the worker to prepare).

    The same ``client_id`` again returns the original session and stores nothing.
    """
    if client_id is not None:
        existing = PhotoSession.objects.filter(owner=owner, client_id=client_id).first()
        if existing is not None:
            return SessionResult(existing, created=False)
    taken_at = taken_at or timezone.now()
    notes = notes.strip()
    _check_session_fields(exposed_site=exposed_site, taken_at=taken_at, notes=notes)
    for role in photos or {}:
        if role not in Photo.Role.values:
            raise InvalidInput("site", _("Unknown photo site %(site)s.") % {"site": repr(role)})
    if photos:
        _check_quota(
            owner=owner,
            adding=sum(len(p.data) for p in photos.values()),
            field=ROLE_FIELDS[next(iter(photos))],  # type: ignore[index]
        )
    keys = {role: write_upload(p.data) for role, p in (photos or {}).items()}
    try:
        with transaction.atomic():
            session = PhotoSession.objects.create(
                owner=owner,
                exposed_site=exposed_site,
                taken_at=taken_at,
                notes=notes,
                uses_card=uses_card,
                client_id=client_id,
            )
            rows = [_photo_row(session, role, p, keys[role]) for role, p in (photos or {}).items()]
    except IntegrityError:
        delete_photo_files(keys.values())
        # A concurrent retry with the same key won the race: answer with its session.
        if client_id is None:
            raise
        return SessionResult(
            PhotoSession.objects.get(owner=owner, client_id=client_id), created=False
        )
    except BaseException:
        delete_photo_files(keys.values())
        raise
    _enqueue_processing(rows)
    return SessionResult(session, created=True)


def _photo_row(session: PhotoSession, role: str, upload: CheckedUpload, key: str) -> Photo:
    return Photo.objects.create(
        session=session,
        owner=session.owner,
        role=role,
        file_key=key,
        width_px=upload.width_px,
        height_px=upload.height_px,
        byte_size=len(upload.data),
        source_format=upload.source_format,
        status=Photo.Status.PROCESSING,
    )


def photo_upload(*, owner: User, session_id: int, role: str, data: bytes) -> Photo:
    """Add a photo to a session, or replace (retake) the one already there for ``role``; the
    upload is kept raw and queued for the worker to prepare."""
    session = selectors.session_get(owner=owner, session_id=session_id)
    if role not in Photo.Role.values:
        raise InvalidInput("site", _('Use "exposed" or "reference".'))
    upload = photo_check(data=data)
    old_size = (
        Photo.objects.filter(session=session, role=role).values_list("byte_size", flat=True).first()
    )
    _check_quota(owner=owner, adding=len(upload.data), freeing=old_size or 0, field="file")
    key = write_upload(upload.data)
    try:
        with transaction.atomic():
            old = Photo.objects.select_for_update().filter(session=session, role=role).first()
            if old is not None:
                old.delete()  # its files go after commit (signals.remove_photo_files)
            photo = _photo_row(session, role, upload, key)
            comparison_clear(session)
    except BaseException:
        delete_photo_files([key])
        raise
    _enqueue_processing([photo])
    photo.refresh_from_db()  # the immediate backend (tests) has prepared it already
    return photo


def session_delete(*, owner: User, session_id: int) -> None:
    """Delete a session, its measurements and, once the deletion has committed, its photo files
    (each deleted photo row schedules its own files: ``signals.remove_photo_files``)."""
    session = selectors.session_get(owner=owner, session_id=session_id)
    with transaction.atomic():
        session.delete()


def photo_set_region(
    *,
    owner: User,
    photo_id: int,
    region: Mapping[str, Any],
    card_corners: list[Any] | None = None,
) -> Photo:
    """Store a photo's region and queue its measurement (``tasks.measure_photo``).

    The region is checked here, so a bad one is a field error at once; the analysis itself
    runs in the worker. Until it has run the photo has a region and no measurement, which the
    pages and the API show as "measuring"; the session's comparison is cleared meanwhile.
    """
    photo = selectors.photo_get(owner=owner, photo_id=photo_id)
    if photo.status == Photo.Status.PROCESSING:
        raise InvalidInput(
            "region", _("This photo is still being prepared; mark its skin in a few seconds.")
        )
    if photo.status == Photo.Status.FAILED:
        raise InvalidInput(
            "region",
            _("%(problem)s Upload the photo again.") % {"problem": _(photo.problem)},
        )
    size = {"width": photo.width_px, "height": photo.height_px}
    marked = region_clean(region, **size)
    corners = corners_clean(card_corners, **size)
    with transaction.atomic():
        photo.region = marked
        photo.card_corners = corners
        photo.save(update_fields=["region", "card_corners"])
        Measurement.objects.filter(photo=photo).delete()
        comparison_clear(photo.session)
    measure_photo.enqueue(photo.pk)
    return selectors.photo_get(owner=owner, photo_id=photo.pk)


def report_sites(sites: Any) -> list[str]:
    """The sites of a skin report: known site codes, each once."""
    if not isinstance(sites, list | tuple):
        raise InvalidInput("sites", _("Give a list of sites."))
    unknown = [site for site in sites if site not in SkinSite.values]
    if unknown:
        raise InvalidInput("sites", _("Unknown site %(site)s.") % {"site": repr(unknown[0])})
    return list(dict.fromkeys(sites))


def report_create(
    *,
    owner: User,
    sites: list[str],
    colour: str,
    itching: bool = False,
    tenderness: bool = False,
    noticed_since: dt.date | None = None,
    note: str = "",
    client_id: uuid.UUID | None = None,
) -> tuple[SkinReport, bool]:
    """Record the person's own account of their skin; returns it and whether it is new (a
    repeated ``client_id`` returns the original)."""
    if client_id is not None:
        existing = SkinReport.objects.filter(owner=owner, client_id=client_id).first()
        if existing is not None:
            return existing, False
    sites = report_sites(sites)
    if colour not in SkinColour.values:
        raise InvalidInput("colour", _("Unknown colour %(colour)s.") % {"colour": repr(colour)})
    if noticed_since is not None and noticed_since > timezone.now().astimezone(owner.zone).date():
        raise InvalidInput("noticed_since", _("This date is in the future."))
    note = note.strip()
    if len(note) > 1000:
        raise InvalidInput("note", _("Keep the note under 1,000 characters."))
    try:
        with transaction.atomic():
            report = SkinReport.objects.create(
                owner=owner,
                sites=sites,
                colour=colour,
                itching=itching,
                tenderness=tenderness,
                noticed_since=noticed_since,
                note=note,
                client_id=client_id,
            )
    except IntegrityError:
        if client_id is None:
            raise
        return SkinReport.objects.get(owner=owner, client_id=client_id), False
    return report, True
