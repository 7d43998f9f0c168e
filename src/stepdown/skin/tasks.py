"""Background task (django-tasks): measuring one photo's region off the request path.

The request that sets a region only checks and stores it and queues this task; ``stepdown
worker`` runs it. Even bounded to the measurement resolution, an analysis takes a noticeable
fraction of a second, and the server's one blocking thread per worker would answer nothing else
meanwhile (``docs/skin.md``, "Where the measuring runs").
"""

from __future__ import annotations

from django_tasks import task

from stepdown.skin import services


@task()
def measure_photo(photo_id: int) -> bool:
    """Measure the photo's current region; ``False`` when the photo or its region is gone."""
    return services.photo_measure(photo_id=photo_id)
