"""Pages for the second factor: set-up, the code step of sign-in, recovery codes, removal,
and the re-authentication that guards changes to the password and the second factor."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from stepdown.accounts import mfa, reauth
from stepdown.accounts.backends import PERSON_BACKEND
from stepdown.accounts.forms import CodeForm, ReauthForm
from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.errors import InvalidInput

# A password accepted for an account with an authenticator, waiting for its code: the account
# is not signed in until then.
PENDING = "stepdown_mfa_pending"
PENDING_SECONDS = 5 * 60
NEW_CODES = "stepdown_new_recovery_codes"


def start_pending_sign_in(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    """After a right password for an account with an authenticator: ask for the code."""
    request.session[PENDING] = {
        "user": user.pk,
        "backend": getattr(user, "backend", PERSON_BACKEND),
        "at": int(time.time()),
        "next": next_url,
    }
    return redirect("accounts:mfa_verify")


def _pending(request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=int(pending.get("user", 0)), is_active=True).first()
    return (user, pending) if user is not None else None


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _code_problem(form: CodeForm | ReauthForm, user: User) -> Any:
    """Check the form's code; the device that accepted it, or ``None`` with the error added."""
    try:
        return mfa.verify_code(user=user, code=form.cleaned_data["code"])
    except InvalidInput as error:
        form.add_error("code", error.message)
        return None


@require_http_methods(["GET", "POST"])
def mfa_verify(request: HttpRequest) -> HttpResponse:
    """The code step: after the password at sign-in, or for a signed-in session that has not
    passed the second factor its account needs."""
    pending = None
    if request.user.is_authenticated:
        user = request_owner(request)
        if mfa.passed_mfa(request):
            return redirect(settings.LOGIN_REDIRECT_URL)
        if not mfa.has_confirmed_device(user):
            return redirect("accounts:mfa_setup")
    else:
        found = _pending(request)
        if found is None:
            messages.info(request, _("Sign in again, please: the code step waited too long."))
            return redirect("accounts:login")
        user, pending = found
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _code_problem(form, user)
        if device is not None:
            if pending is not None:
                request.session.pop(PENDING, None)
                login(request, user, backend=pending["backend"])
            otp_login(request, device)
            reauth.mark(request)
            next_url = pending["next"] if pending else None
            return redirect(_safe_next(request, next_url))
    status = 422 if form.errors else 200
    return render(request, "accounts/mfa_verify.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def mfa_setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: start (a new secret), then confirm with its first code."""
    user = request_owner(request)
    if mfa.has_confirmed_device(user):
        messages.info(request, _("Your authenticator app is already set up."))
        return redirect("accounts:settings")
    form = CodeForm(request.POST or None) if "code" in request.POST else CodeForm()
    if request.method == "POST":
        if not reauth.is_recent(request):
            return reauth.confirm_first(request, request.path)
        if "start" in request.POST:
            mfa.totp_start(user=user)
            return redirect("accounts:mfa_setup")
        if form.is_valid():
            try:
                device, codes = mfa.totp_confirm(user=user, code=form.cleaned_data["code"])
            except InvalidInput as error:
                form.add_error("code", error.message)
            else:
                otp_login(request, device)
                request.session[NEW_CODES] = codes
                return redirect("accounts:mfa_recovery_codes")
    pending = mfa.pending_totp(user)
    context = {"form": form, "setup": mfa.TotpSetup.of(pending) if pending else None}
    return render(request, "accounts/mfa_setup.html", context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def mfa_recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes are shown here once; a new set replaces the old one."""
    user = request_owner(request)
    if request.method == "POST":
        if not reauth.is_recent(request):
            return reauth.confirm_first(request, request.path)
        try:
            request.session[NEW_CODES] = mfa.recovery_codes_renew(user=user)
        except InvalidInput as error:
            messages.error(request, error.message)
        return redirect("accounts:mfa_recovery_codes")
    context = {
        "codes": request.session.pop(NEW_CODES, None),
        "left": mfa.recovery_codes_left(user),
        "has_device": mfa.has_confirmed_device(user),
    }
    return render(request, "accounts/mfa_recovery_codes.html", context)


@login_required
@require_POST
@reauth.reauth_required(next_name="accounts:settings")
def mfa_remove(request: HttpRequest) -> HttpResponse:
    mfa.mfa_remove(user=request_owner(request))
    messages.success(request, _("Your authenticator app and recovery codes were removed."))
    return redirect("accounts:settings")


@login_required
@require_http_methods(["GET", "POST"])
def reauth_page(request: HttpRequest) -> HttpResponse:
    """Confirm who you are (password, and a code when the account has an authenticator)."""
    user = request_owner(request)
    needs_code = mfa.has_confirmed_device(user)
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = ReauthForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = authenticate(request, username=user.email, password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            return render(request, "accounts/locked_out.html", status=429)
        if found is None or found.pk != user.pk:
            form.add_error("password", _("That password is not right."))
        elif needs_code and not form.cleaned_data["code"]:
            form.add_error("code", _("Enter the code from your authenticator app."))
        else:
            device = _code_problem(form, user) if needs_code else None
            if not form.errors:
                if device is not None:
                    otp_login(request, device)
                reauth.mark(request)
                return redirect(next_url)
    context = {"form": form, "needs_code": needs_code, "next": next_url}
    return render(request, "accounts/reauth.html", context, status=422 if form.errors else 200)
