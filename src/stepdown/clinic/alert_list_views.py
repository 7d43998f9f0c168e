"""The clinic's open alerts page (``/clinic/alerts/``): the list of ``GET /api/v1/clinic/alerts``,
each with a link to the person and a button to mark it as seen."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from stepdown.accounts.requests import request_owner
from stepdown.audit.routes import route_of
from stepdown.audit.services import record_summaries
from stepdown.clinic import triage_wording, wording
from stepdown.clinic.alert_list import clinic_alerts
from stepdown.clinic.guards import staff_page


def _page_number(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


@staff_page
@require_GET
def alerts_page(request: HttpRequest) -> HttpResponse:
    viewer = request_owner(request)
    found = clinic_alerts(viewer=viewer, page=_page_number(request.GET.get("page")))
    record_summaries(actor=viewer, shown=found.shown(), route=route_of(request))
    context = {
        "page": found,
        "items": [
            {"item": item, **row}
            for item, row in zip(
                found.items, triage_wording.alert_rows(i.alert for i in found.items), strict=True
            )
        ],
        "notice": wording.notice(),
        "previous_page": found.page - 1 if found.page > 1 else None,
        "next_page": found.page + 1 if found.page < found.pages else None,
    }
    return render(request, "clinic/alerts.html", context)
