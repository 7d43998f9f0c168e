"""A cap on how much of an uploaded file Django keeps, installed before the body is parsed.

Django would otherwise spool an upload of any size to a temporary file before the view can look
at it. This handler passes at most ``MAX_UPLOAD_BYTES + 1`` bytes of each file on to Django's
usual handlers and discards the rest as it streams past, so a huge upload costs neither memory
nor disk, and the stored size (one byte over the limit) tells the service to refuse it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.files.uploadhandler import (
    FileUploadHandler,
    MemoryFileUploadHandler,
    TemporaryFileUploadHandler,
)
from django.http import HttpRequest, HttpResponseBase

from stepdown.skin.photos import MAX_UPLOAD_BYTES


class CappedUploadHandler(FileUploadHandler):
    """Lets through the first ``MAX_UPLOAD_BYTES + 1`` bytes of each file, drops the rest."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.kept = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        allowed = MAX_UPLOAD_BYTES + 1 - self.kept
        if allowed <= 0:
            return None
        chunk = raw_data[:allowed]
        self.kept += len(chunk)
        return chunk

    def file_complete(self, file_size: int) -> None:
        return None


def capped_uploads(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Install the cap on a view's request before anything reads its body.

    For a page, wrap the view in ``csrf_exempt`` outside this and ``csrf_protect`` inside, as
    Django's upload-handler documentation describes: the CSRF check reads the body, so it must
    run after the handlers are in place.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        request.upload_handlers = [
            CappedUploadHandler(request),
            MemoryFileUploadHandler(request),
            TemporaryFileUploadHandler(request),
        ]
        return view(request, *args, **kwargs)

    return wrapped
