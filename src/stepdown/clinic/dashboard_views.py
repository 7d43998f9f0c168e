"""The triage dashboard page (``/clinic/``): who needs attention first, and why."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from stepdown.accounts.requests import request_owner
from stepdown.audit.routes import route_of
from stepdown.audit.services import record_summaries
from stepdown.clinic import selectors, triage_wording, wording
from stepdown.clinic.dashboard import Row, dashboard
from stepdown.clinic.guards import staff_page
from stepdown.errors import InvalidInput


def _patient_link(row: Row) -> str | None:
    # The patient page may not exist yet: the row links to it once it does.
    try:
        return reverse("clinic:patient", args=[row.id])
    except NoReverseMatch:
        return None


def _page_number(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _shown(row: Row) -> dict[str, object]:
    """What the template draws of a row: words only, every choice made here."""
    return {
        "row": row,
        "link": _patient_link(row),
        "reasons": [
            {
                "code": item.code.value,
                "words": triage_wording.reason_words(item.code),
                "severity": item.severity,
                "severity_words": triage_wording.severity_words(item.severity),
                "since": item.since,
            }
            for item in row.attention
        ],
    }


@staff_page
def dashboard_page(request: HttpRequest) -> HttpResponse:
    viewer = request_owner(request)
    q = request.GET.get("q", "")[:120]
    reason = request.GET.get("reason") or None
    error = None
    status = 200
    try:
        number = _page_number(request.GET.get("page"))
        found = dashboard(viewer=viewer, q=q, reason=reason, page=number)
    except InvalidInput as problem:
        error, status, reason = problem.message, 422, None
        found = dashboard(viewer=viewer, q=q, page=1)
    record_summaries(
        actor=viewer,
        shown=[(row.person, row.used_classes) for row in found.rows],
        route=route_of(request),
    )
    context = {
        "page": found,
        "rows": [_shown(row) for row in found.rows],
        "reasons": triage_wording.reasons(),
        "reason_error": error,
        "memberships": selectors.memberships_of(viewer=viewer),
        "notice": wording.notice(),
        "previous_page": found.page - 1 if found.page > 1 else None,
        "next_page": found.page + 1 if found.page < found.pages else None,
    }
    return render(request, "clinic/dashboard.html", context, status=status)
