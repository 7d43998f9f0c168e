"""What a locked-out sign-in gets: JSON for the API, a page for people. Same answer whether or
not the account exists."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext, gettext_noop

from stepdown.web.api_paths import is_api_request

MESSAGE = gettext_noop("Too many failed attempts. Try again later.")


def lockout_response(
    request: HttpRequest, response: Any = None, credentials: Any = None
) -> HttpResponse:
    if is_api_request(request):
        return JsonResponse({"detail": gettext(MESSAGE)}, status=429)
    return render(request, "accounts/locked_out.html", status=429)
