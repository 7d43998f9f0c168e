"""Where the JSON API lives: a request under it is answered in JSON (a refusal, an error, a
lockout), never with a page or a redirect to one."""

from __future__ import annotations

from django.http import HttpRequest

API_PREFIX = "/api/"
# Sign-up, the token exchange and the MFA set-up: they read passwords (with the lockout) or,
# for the MFA set-up, a signed-in browser session with its CSRF token.
API_AUTH_PREFIX = "/api/v1/auth/"


def is_api_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def is_token_api_request(request: HttpRequest) -> bool:
    """An API call that signs in with a bearer token, outside the auth routes.

    Such a call is authenticated by its token alone (``stepdown.api.BearerToken``): no session,
    cookie or CSRF token is read for it, so the browser's middleware has nothing to do for it
    (``stepdown.web.browser_only``).
    """
    path = request.path_info
    if not path.startswith(API_PREFIX) or path.startswith(API_AUTH_PREFIX):
        return False
    scheme = str(request.META.get("HTTP_AUTHORIZATION", "")).partition(" ")[0]
    return scheme.lower() == "bearer"
