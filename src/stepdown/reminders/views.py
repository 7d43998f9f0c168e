"""Reminder pages: the settings page (signed in) and the unsubscribe link (no sign-in)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from stepdown.accounts.requests import request_owner
from stepdown.errors import InvalidInput
from stepdown.reminders import selectors, services
from stepdown.reminders.forms import PreferencesForm
from stepdown.reminders.schedule import step_alarm_offset
from stepdown.web.forms import attach_error


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    prefs = selectors.preferences_for(owner=owner)
    initial = {
        "checkin_time": prefs.checkin_time,
        "step_eve": prefs.step_eve,
        "questionnaires": prefs.questionnaires,
        "email": prefs.email,
        "quiet_start": prefs.quiet_start,
        "quiet_end": prefs.quiet_end,
    }
    form = PreferencesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_update(owner=owner, **form.cleaned_data)
        except InvalidInput as error:
            attach_error(form, error, {})
        else:
            messages.success(request, _("Your reminder settings are saved."))
            return redirect("reminders:settings")
    offset = step_alarm_offset(prefs.schedule_preferences)
    context = {
        "form": form,
        "prefs": prefs,
        "step_time": prefs.schedule_preferences.other_time,
        # The step reminder lands on the step's own morning when quiet hours push it past midnight.
        "step_moved": offset is not None and offset.total_seconds() >= 0,
    }
    return render(request, "reminders/settings.html", context, status=422 if form.errors else 200)


@csrf_exempt  # the signed token is the credential; mail programs post without a CSRF token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click turns reminder emails off and shows a confirmation; no sign-in needed.

    A ``POST`` is the RFC 8058 one-click unsubscribe a mail program sends for the
    ``List-Unsubscribe-Post`` header: it gets a short plain answer.
    """
    done = services.unsubscribe(token=token)
    if request.method == "POST":
        text = _("Unsubscribed.") if done else _("This unsubscribe link is not valid.")
        return HttpResponse(
            text, content_type="text/plain; charset=utf-8", status=200 if done else 404
        )
    return render(
        request, "reminders/unsubscribed.html", {"done": done}, status=200 if done else 404
    )
