"""A deleted photo row takes its files with it, however it was deleted.

Deleting a session, retaking a photo or erasing an account (rows removed by cascade) all end in
``post_delete`` for each photo; the files go only once the transaction commits, so a rolled-back
delete never leaves a row pointing at a missing file.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from stepdown.skin.models import Photo
from stepdown.skin.photos import delete_photo_files


def remove_photo_files(sender: type[Photo], instance: Photo, **kwargs: Any) -> None:
    key = instance.file_key
    transaction.on_commit(lambda: delete_photo_files([key]))
