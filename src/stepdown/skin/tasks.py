"""Background tasks (django-tasks): the slow work on photos, off the request path.

An upload request only checks the photo's header and keeps the raw file; ``process_photo``
decodes, cleans and stores it. The request that sets a region only checks and stores it;
``measure_photo`` measures it. ``stepdown worker`` runs both. Even bounded to the measurement
resolution, decoding the largest photo takes a second or more, and each server thread answers
nothing else meanwhile (``docs/skin.md``, "Where the measuring runs").
"""

from __future__ import annotations

from django_tasks import task

from stepdown.skin import processing


@task()
def process_photo(photo_id: int) -> bool:
    """Decode, clean and store an uploaded photo; ``False`` when it failed or is gone."""
    return processing.photo_process(photo_id=photo_id)


@task()
def measure_photo(photo_id: int) -> bool:
    """Measure the photo's current region; ``False`` when the photo or its region is gone."""
    return processing.photo_measure(photo_id=photo_id)
