"""The nudge cards' own requests: dismissing one, and the Today page's nudges panel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from stepdown.accounts.requests import request_owner
from stepdown.alerts.cards import nudges_context
from stepdown.alerts.services import nudge_dismiss as dismiss
from stepdown.errors import NotFound


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_POST
def nudge_dismiss(request: HttpRequest, nudge_id: int) -> HttpResponse:
    try:
        dismiss(owner=request_owner(request), nudge_id=nudge_id, with_older=True)
    except NotFound:
        raise Http404 from None
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse("")
    return redirect(_back(request, reverse("goals:goals")))


@login_required
@require_GET
def nudges_panel(request: HttpRequest) -> HttpResponse:
    """The Today page's nudges, re-rendered after a dose is logged with htmx (see goals.js)."""
    context = nudges_context(owner=request_owner(request)) | {"request": request}
    return render(request, "alerts/nudges.html", context)
