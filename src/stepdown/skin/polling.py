"""The skin pages' "still working" notice, which asks again every few seconds (htmx).

While the worker prepares or measures a photo, the regions and session pages show a notice that
polls its own page. A poll answers with the notice again while there is work left, and with
``HX-Refresh`` once there is none, so the page reloads whole (the region editor starts from a
fresh page) and shows the result. Without JavaScript a ``<noscript>`` refresh does the same.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.http import HttpResponseClientRefresh

from stepdown.skin.models import Photo

POLL_SECONDS = 3


def preparing(photos: list[Photo]) -> bool:
    """Whether any of the photos is still being prepared by the worker."""
    return any(photo.status == Photo.Status.PROCESSING for photo in photos)


def page_or_poll(
    request: HttpRequest, template: str, context: dict[str, Any], *, busy: bool
) -> HttpResponse:
    """The whole page; for the notice's own poll, the notice again or a reload."""
    context = {**context, "busy": busy, "poll_seconds": POLL_SECONDS}
    if request.headers.get("HX-Request") == "true" and request.GET.get("poll") == "1":
        if not busy:
            return HttpResponseClientRefresh()
        return render(request, f"{template}#working", context)
    return render(request, template, context)
