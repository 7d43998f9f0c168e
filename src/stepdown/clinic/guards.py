"""The request-level checks in front of every clinic page and route: a clinician is signed in
and has passed the second factor (defence in depth: the accounts middleware gates this too),
and has an active membership (checked again by each selector and service, per request)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

from stepdown.accounts.mfa import passed_mfa
from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.clinic.access import is_staff_member

MFA_REQUIRED = "Clinic pages and routes need two-step sign-in: confirm an authenticator app first."


class MfaRequired(PermissionError):
    """The request has not passed a second factor; the API answers 403 ``mfa_required``."""


def mfa_setup_url() -> str:
    """Where a clinician sets up or passes the second factor (the accounts app's page, or ours
    explaining it while that page is not there)."""
    for name in ("accounts:mfa_setup", "accounts:mfa"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return reverse("clinic:mfa_needed")


def staff_api_user(request: HttpRequest) -> User:
    """The clinician behind an API call, after the second factor; ``MfaRequired`` else."""
    if not passed_mfa(request):
        raise MfaRequired(MFA_REQUIRED)
    return request_owner(request)


def staff_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A clinic page: signed in (else the sign-in page), second factor passed (else its set-up),
    and an active member of a clinic (else 404)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not passed_mfa(request):
            return redirect(mfa_setup_url())
        if not is_staff_member(request_owner(request)):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped
