"""The "Delete my account" page and the plain page shown once the account is gone."""

from __future__ import annotations

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from stepdown.accounts import mfa, reauth
from stepdown.accounts.requests import request_owner
from stepdown.errors import InvalidInput
from stepdown.records.erasure import account_erase, erasure_blocker, what_goes
from stepdown.web.forms import attach_error
from stepdown.web.validation import AppVoiceForm


class ErasureForm(AppVoiceForm):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Erasing cannot be undone."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    user = request_owner(request)
    # An account with an authenticator confirms a code too (recently, in this session).
    if mfa.has_confirmed_device(user) and not reauth.is_recent(request):
        return reauth.confirm_first(request, request.path)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_erase(request, user=user, password=form.cleaned_data["password"])
        except InvalidInput as error:
            attach_error(form, error)
        else:
            logout(request)
            return redirect("erasure:done")
    context = {
        "form": form,
        "goes": what_goes(user),
        "blocker": erasure_blocker(user),
    }
    return render(request, "records/erase.html", context, status=422 if form.errors else 200)


@require_GET
def account_deleted(request: HttpRequest) -> HttpResponse:
    """Says only that an account was erased: anyone may open it, and it names no one."""
    return render(request, "records/erased.html")
