"""Serving stored photos to their owner only: never cached, never sniffed, never framed."""

from __future__ import annotations

from django.http import FileResponse

from stepdown.errors import NotFound
from stepdown.skin.models import Photo
from stepdown.skin.photos import VARIANTS, Variant, photo_path


def photo_response(photo: Photo, variant: str) -> FileResponse:
    """The photo's file; the caller has already fetched ``photo`` through an owner-scoped
    selector. A missing file or unknown variant is a 404, like someone else's photo."""
    if variant not in VARIANTS:
        raise NotFound("photo")
    chosen: Variant = variant  # type: ignore[assignment]
    try:
        handle = photo_path(photo.file_key, chosen).open("rb")
    except (FileNotFoundError, ValueError):
        raise NotFound("photo") from None
    response = FileResponse(handle, content_type="image/jpeg")
    # Health photos must not stay in a shared computer's browser cache or a proxy.
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = 'inline; filename="photo.jpg"'
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
