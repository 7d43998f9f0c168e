"""Middleware that only a browser needs, stepped over by API calls with a bearer token and by
the site's public files.

A bearer-token API call (``api_paths.is_token_api_request``) is signed in by its token inside
the view; no session, cookie, CSRF token, flash message or htmx header means anything to it.
The middleware below exists for the browser: each is the library's (or our) class with one
change, that such a call passes straight through it. The measured saving is in
docs/performance.md (the API write path).

The service worker and the web app manifest (``PUBLIC_FILES``) are the same for everyone and
answered as shareable by caches, so they pass too and never read the session. Reading it had
two effects: a shared cache could be handed an answer that sets a cookie, and the browser's own
fetch of the service worker (made on every page, with the cookies of that moment) could carry
the session a sign-in was replacing; Django then deleted the cookie of the session it could not
find, in an answer that could arrive after the sign-in's, and the person was signed out.

What every answer needs stays in ``MIDDLEWARE`` unchanged and runs for API calls too: the
security headers (``SecurityMiddleware``, ``XFrameOptionsMiddleware``, CSP,
``PrivateResponseMiddleware``), the request's language (``LocaleMiddleware``), the time zone
reset (``UserTimeZoneMiddleware``) and the lockout answer (axes). So do ``SessionMiddleware`` and
``CsrfViewMiddleware``, named as Django's security checks look them up; for a call without a
session cookie they read nothing and write nothing.
"""

from __future__ import annotations

from typing import Any, TypeVar

from auditlog.middleware import AuditlogMiddleware as _AuditlogMiddleware
from django.contrib.auth.middleware import (
    AuthenticationMiddleware as _AuthenticationMiddleware,
)
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware as _MessageMiddleware
from django.http import HttpRequest
from django.urls import reverse
from django_htmx.middleware import HtmxMiddleware as _HtmxMiddleware
from django_otp.middleware import OTPMiddleware as _OTPMiddleware

from stepdown.web.api_paths import is_token_api_request
from stepdown.web.kept import Kept

# Named routes of files that are the same for everyone (see the module's docstring).
PUBLIC_FILES = ("web:service_worker", "web:manifest")


_kept_paths: Kept[tuple[str, ...], frozenset[str]] = Kept(depends_on={"ROOT_URLCONF"})


def _public_paths() -> frozenset[str]:
    found = _kept_paths.get(PUBLIC_FILES)
    if found is None:
        found = _kept_paths.keep(PUBLIC_FILES, frozenset(reverse(n) for n in PUBLIC_FILES))
    return found


def passes_through(request: HttpRequest) -> bool:
    """A bearer-token API call, or a request for one of the public files."""
    return is_token_api_request(request) or request.path_info in _public_paths()


class BrowserOnly:
    """Mixed in first: a call that :func:`passes_through` skips the rest of this middleware."""

    def __call__(self, request: HttpRequest) -> Any:
        if passes_through(request):
            self.skipped(request)
            return self.get_response(request)  # type: ignore[attr-defined]
        return super().__call__(request)  # type: ignore[misc]

    def skipped(self, request: HttpRequest) -> None:
        """What a skipped call still needs from this middleware (nothing, unless overridden)."""


Middleware = TypeVar("Middleware", bound=type)


def browser_only(middleware: Middleware) -> Middleware:
    """Our own middleware as :class:`BrowserOnly` (the mixin must come first in the order)."""
    made = type(middleware.__name__, (BrowserOnly, middleware), {})
    made.__module__, made.__qualname__, made.__doc__ = (
        middleware.__module__, middleware.__qualname__, middleware.__doc__,
    )  # fmt: skip
    return made  # type: ignore[return-value]


class AuthenticationMiddleware(BrowserOnly, _AuthenticationMiddleware):
    def skipped(self, request: HttpRequest) -> None:
        # Signed out (until a token signs the call in); every later reader finds a user.
        request.user = AnonymousUser()


class OTPMiddleware(BrowserOnly, _OTPMiddleware):  # type: ignore[misc]  # untyped
    pass


class MessageMiddleware(BrowserOnly, _MessageMiddleware):
    pass


class HtmxMiddleware(BrowserOnly, _HtmxMiddleware):
    pass


class AuditlogMiddleware(BrowserOnly, _AuditlogMiddleware):  # type: ignore[misc]  # untyped
    """No model is registered with the change log; for a token call its actor was always
    nobody (the token signs in after this middleware)."""
