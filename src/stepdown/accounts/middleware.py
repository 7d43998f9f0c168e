"""Idle session timeout: a session unused for longer than the limit is logged out (sooner for
clinicians); the signed-in person's time zone and language; private responses."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from stepdown.accounts.models import User
from stepdown.web.browser_only import browser_only

_LAST_SEEN = "stepdown_last_seen"
# Refresh the timestamp at most once a minute, so most requests do not write the session.
_REFRESH_AFTER_S = 60


def idle_limit_minutes(user: User | AnonymousUser) -> int:
    """Clinicians (accounts that must use a second factor) are signed out sooner."""
    if getattr(user, "mfa_required", False):
        return int(settings.CLINICIAN_SESSION_IDLE_MINUTES)
    return int(settings.SESSION_IDLE_MINUTES)


@browser_only
class IdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(_LAST_SEEN, now)
            if now - last_seen > idle_limit_minutes(request.user) * 60:
                logout(request)
                request.session["stepdown_timed_out"] = True
            elif now - last_seen >= _REFRESH_AFTER_S or _LAST_SEEN not in request.session:
                request.session[_LAST_SEEN] = now
        return self.get_response(request)


class UserTimeZoneMiddleware:
    """Show and read times in the signed-in person's own time zone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            timezone.activate(request.user.zone)
        else:
            timezone.deactivate()
        return self.get_response(request)


@browser_only
class UserLanguageMiddleware:
    """The language the signed-in person chose on their account, over the browser's.

    Runs after ``LocaleMiddleware`` (which read the cookie or Accept-Language) and the sign-in.
    The cookie follows the account's choice, so the pages after signing out stay in it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = getattr(request.user, "language", "") if request.user.is_authenticated else ""
        if chosen:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        name = settings.LANGUAGE_COOKIE_NAME
        browser = settings.SESSION_COOKIE_NAME in request.COOKIES  # not an API client
        if chosen and browser and request.COOKIES.get(name) != chosen:
            response.set_cookie(
                name,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
        return response


class PrivateResponseMiddleware:
    """No browser or proxy keeps a copy of a personal page, an API answer or a one-time secret.

    A signed-in response (page or API) is always ``no-store``; so is any other response that does
    not choose its own caching (sign-in and reset pages, the token exchange). Static files are
    served before this middleware and keep their long cache, and so do the few responses that are
    the same for everyone and say ``public`` (the service worker, the manifest, the offline
    page). Every response also carries the ``Permissions-Policy`` that turns off the device
    features no page uses.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Read after the view: the API's bearer token signs the request in inside the view.
        user = getattr(request, "user", None)
        shared = response.get("Cache-Control", "").startswith("public")
        signed_in = user is not None and user.is_authenticated
        if not shared and (signed_in or "Cache-Control" not in response):
            response["Cache-Control"] = "no-store"
        response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response
