"""The worker's side of a photo: turn a raw upload into the stored photo (or say why not), and
measure the region drawn on it.

``photo_upload`` and ``session_create`` keep the upload raw and private and queue
``tasks.process_photo``; this decodes it at the measurement resolution (bounded by pixels, see
``photos``), writes the stored copy, preview and thumbnail, and deletes the raw file. Whatever
goes wrong ends in ``failed`` with a plain ``problem`` the pages and the API show, never in a
photo left "being prepared" for ever.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from stepdown.skin.comparison import comparison_refresh
from stepdown.skin.measuring import (
    analyse_stored,
    corners_from_json,
    measurement_fields,
    region_from_json,
)
from stepdown.skin.models import Measurement, Photo
from stepdown.skin.photos import (
    RAW,
    PhotoRejected,
    delete_photo_files,
    photo_path,
    prepare_photo,
    read_upload,
    write_photo_files,
)
from stepdown.skin.quota import quota_problem

logger = logging.getLogger(__name__)

# Stored in English with the photo; the pages translate them when they show them.
LOST = gettext_noop("The uploaded file was lost before it could be prepared.")
TOO_BIG_FOR_MEMORY = gettext_noop(
    "The photo needs more memory to prepare than this server can give it."
)
UNEXPECTED = gettext_noop("Something went wrong while preparing the photo.")


def photo_process(*, photo_id: int) -> bool:
    """Prepare one uploaded photo; ``True`` when it is ready, ``False`` when it failed or was
    replaced or deleted meanwhile (then nothing is left behind)."""
    photo = (
        Photo.objects.select_related("owner")
        .filter(pk=photo_id, status=Photo.Status.PROCESSING)
        .first()
    )
    if photo is None:
        return False
    try:
        data = read_upload(photo.file_key)
    except OSError:
        return _fail(photo, LOST)
    try:
        prepared = prepare_photo(data=data)
    except PhotoRejected as error:
        return _fail(photo, error.message)
    except MemoryError:
        return _fail(photo, TOO_BIG_FOR_MEMORY)
    except Exception:
        logger.exception("Preparing skin photo %s failed", photo.pk)
        return _fail(photo, UNEXPECTED)
    del data
    size = len(prepared.full_jpeg)
    # The stored copy can be larger than the upload (a small PNG of many pixels).
    problem = quota_problem(owner=photo.owner, adding=size, freeing=photo.byte_size)
    if problem is not None:
        return _fail(photo, problem)
    write_photo_files(prepared, key=photo.file_key)
    with transaction.atomic():
        updated = Photo.objects.filter(
            pk=photo.pk, file_key=photo.file_key, status=Photo.Status.PROCESSING
        ).update(
            status=Photo.Status.READY,
            problem="",
            width_px=prepared.width_px,
            height_px=prepared.height_px,
            byte_size=size,
        )
    if not updated:
        # Deleted or replaced while being prepared: its row's files are already gone.
        delete_photo_files([photo.file_key])
        return False
    _delete_raw(photo.file_key)
    return True


def _fail(photo: Photo, problem: str) -> bool:
    Photo.objects.filter(pk=photo.pk, status=Photo.Status.PROCESSING).update(
        status=Photo.Status.FAILED, problem=problem[:300], byte_size=0
    )
    _delete_raw(photo.file_key)
    return False


def _delete_raw(file_key: str) -> None:
    photo_path(file_key, RAW).unlink(missing_ok=True)


def photo_measure(*, photo_id: int) -> bool:
    """Measure a photo's stored region and refresh its session's comparison (the worker's
    side of ``photo_set_region``); ``False`` when the photo or its region no longer exists."""
    photo = (
        Photo.objects.select_related("session")
        .filter(pk=photo_id, status=Photo.Status.READY)
        .first()
    )
    if photo is None or not photo.region:
        return False
    region = region_from_json(photo.region, width=photo.width_px, height=photo.height_px)
    corners = corners_from_json(photo.card_corners, width=photo.width_px, height=photo.height_px)
    try:
        analysis = analyse_stored(
            file_key=photo.file_key, region=region, corners=corners, card=photo.session.uses_card
        )
        fields = measurement_fields(analysis)
    except (ValueError, OSError):
        # A region the core cannot measure (checked when it was set, so only a file gone
        # missing gets here): recorded as nothing measurable rather than "measuring" forever.
        fields = {"quality_ok": False, "quality_reasons": ["too_few_pixels"], "calibration": "none"}
    with transaction.atomic():
        current = Photo.objects.select_for_update().filter(pk=photo.pk).first()
        if current is None or current.region != photo.region:
            return False  # replaced or redrawn meanwhile: the newer request's task measures it
        Measurement.objects.update_or_create(
            photo=current, defaults={**fields, "measured_at": timezone.now()}
        )
        comparison_refresh(photo.session)
    return True
