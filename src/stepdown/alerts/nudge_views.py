"""The nudge cards' own requests: dismissing one, and the Today page's nudges panel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from stepdown.accounts.requests import request_owner
from stepdown.alerts.cards import nudges_context
from stepdown.alerts.services import nudge_dismiss as dismiss
from stepdown.errors import NotFound
from stepdown.web.redirects import posted_next


@login_required
@require_POST
def nudge_dismiss(request: HttpRequest, nudge_id: int) -> HttpResponse:
    try:
        dismiss(owner=request_owner(request), nudge_id=nudge_id, with_older=True)
    except NotFound:
        raise Http404 from None
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse("")
    return redirect(posted_next(request, reverse("goals:goals")))


@login_required
@require_GET
def nudges_panel(request: HttpRequest) -> HttpResponse:
    """The Today page's nudges, re-rendered after a dose is logged with htmx (see goals.js)."""
    context = nudges_context(owner=request_owner(request)) | {"request": request}
    return render(request, "alerts/nudges.html", context)
