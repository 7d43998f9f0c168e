"""The worker's side of an upload: turn a raw upload into the stored photo, or say why not.

``photo_upload`` and ``session_create`` keep the upload raw and private and queue
``tasks.process_photo``; this decodes it at the measurement resolution (bounded by pixels, see
``photos``), writes the stored copy, preview and thumbnail, and deletes the raw file. Whatever
goes wrong ends in ``failed`` with a plain ``problem`` the pages and the API show, never in a
photo left "being prepared" for ever.
"""

from __future__ import annotations

import logging

from django.db import transaction

from stepdown.skin.models import Photo
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

LOST = "The uploaded file was lost before it could be prepared."
TOO_BIG_FOR_MEMORY = "The photo needs more memory to prepare than this server can give it."
UNEXPECTED = "Something went wrong while preparing the photo."


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
