"""The export page: what the download holds, and the button that streams it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from stepdown.accounts.requests import request_owner
from stepdown.records import download_started
from stepdown.records.download import export_response


@login_required
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponseBase:
    owner = request_owner(request)
    if request.method == "POST":
        response = export_response(owner)
        download_started.mark_started(request, response)
        return response
    return render(
        request,
        "records/export.html",
        {"cookie": download_started.COOKIE, "field": download_started.FIELD},
    )
