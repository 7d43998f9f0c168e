"""The person's "Who saw my data" page and its CSV download. Reading one's own log is not logged."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from stepdown.accounts.requests import request_owner
from stepdown.audit import selectors
from stepdown.audit.report import csv_response
from stepdown.audit.selectors import DISCLOSURE_YEARS
from stepdown.audit.wording import shown_sentence

PAGE_SIZE = 50


@login_required
@require_GET
def access_log(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    number = request.GET.get("page", "")[:12]  # any value is fine: the paginator checks it
    page = Paginator(selectors.events_for(owner=owner), PAGE_SIZE).get_page(number)
    rows = [shown_sentence(event, owner.zone) for event in page.object_list]
    context = {"page": page, "rows": rows, "years": DISCLOSURE_YEARS}
    return render(request, "audit/access_log.html", context)


@login_required
@require_GET
def access_log_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(request_owner(request))
