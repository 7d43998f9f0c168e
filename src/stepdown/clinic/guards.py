"""The request-level checks in front of every clinic page and route: a signed-in member of a
clinic whose request has passed the second factor. The accounts gate already holds back an
account that must use one; this is the clinic's own check behind it (defence in depth), and
selectors and services check the membership again on every request."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from stepdown.accounts.gate import MfaRequired
from stepdown.accounts.mfa import has_confirmed_device, passed_mfa
from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.clinic.access import is_staff_member
from stepdown.errors import NotFound


def mfa_url(user: User) -> str:
    """Where the clinician passes the second factor: its set-up, or the code step."""
    return reverse("accounts:mfa_verify" if has_confirmed_device(user) else "accounts:mfa_setup")


def staff_api_user(request: HttpRequest) -> User:
    """The clinic member behind an API call, after the second factor: 403 ``mfa_required``
    before it, 404 for an account that belongs to no clinic."""
    viewer = request_owner(request)
    if not is_staff_member(viewer):
        raise NotFound("clinic")
    if not passed_mfa(request):
        raise MfaRequired
    return viewer


def staff_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A clinic page: signed in (else the sign-in page), a member of a clinic (else 404), and
    past the second factor (else its set-up or code step)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        viewer = request_owner(request)
        if not is_staff_member(viewer):
            raise Http404
        if not passed_mfa(request):
            return redirect(mfa_url(viewer))
        return view(request, *args, **kwargs)

    return wrapped
