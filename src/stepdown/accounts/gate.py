"""The second-factor gate: an account that must use one (``User.mfa_required``) reaches
nothing but the way to pass it until its session has.

Pages go to set-up (no confirmed authenticator yet) or to the code step; sign-out, "Get help
now" and the health check stay open to everyone. API routes are gated where the bearer token is
read (``stepdown.api.BearerToken``): a token issued without a code answers 403
``mfa_required`` everywhere but the MFA set-up routes.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_noop

from stepdown.accounts import mfa
from stepdown.accounts.models import User
from stepdown.web.api_paths import is_api_request
from stepdown.web.browser_only import browser_only

# URL names a signed-in account reaches before passing its second factor.
OPEN_WITHOUT_MFA = frozenset(
    {
        "accounts:mfa_setup",
        "accounts:mfa_verify",
        "accounts:reauth",
        "accounts:logout",
        "web:help",
        "web:healthz",
    }
)
MFA_REQUIRED = "mfa_required"
# Translated where the API answers with it (stepdown.api), in the request's language.
MFA_REQUIRED_DETAIL = gettext_noop(
    "This account must confirm a code from its authenticator app first: set one up with "
    "POST /api/v1/auth/mfa/totp, or get a token with an otp from POST /api/v1/auth/token."
)


class MfaRequired(Exception):
    """An API request with a token that has not passed the second factor the account needs."""


def open_without_mfa(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return True  # the not-found page shows nothing of anyone
    return match.view_name in OPEN_WITHOUT_MFA


@browser_only
class MfaGateMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        pending = (
            user.is_authenticated
            and getattr(user, "mfa_required", False)
            and not is_api_request(request)
            and not mfa.passed_mfa(request)
        )
        # The site shell shows no navigation (nor the alert bell's requests) until it has.
        request.stepdown_mfa_pending = pending  # type: ignore[attr-defined]
        if pending and not open_without_mfa(request):
            has_device = isinstance(user, User) and mfa.has_confirmed_device(user)
            target = reverse("accounts:mfa_verify" if has_device else "accounts:mfa_setup")
            if request.headers.get("HX-Request"):
                # A fragment request: the whole page goes there, not the fragment's slot.
                return HttpResponse(status=204, headers={"HX-Redirect": target})
            return redirect(target)
        return self.get_response(request)
