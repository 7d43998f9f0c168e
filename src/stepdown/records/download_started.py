"""The web export's completion signal: the page cannot see a download begin, so the response that
starts it sets a short-lived cookie naming the random token the form sent; the page's script polls
for that cookie, then stops saying "preparing". The token is made by the browser for one click and
carries nothing about the person; anything that is not such a token gets no cookie at all."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

COOKIE = "stepdown_download"
FIELD = "download_token"
# Long enough to be unguessable, short and plain enough to be safe as a cookie value.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
# The download's headers arrive within seconds; a minute is plenty for the page to see them.
_SECONDS = 60


def mark_started(request: HttpRequest, response: HttpResponseBase) -> None:
    token = request.POST.get(FIELD, "")
    if not _TOKEN.fullmatch(token):
        return
    response.set_cookie(
        COOKIE,
        token,
        max_age=_SECONDS,
        path=reverse("records:export"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,  # the page's script must read it
        samesite="Strict",
    )
