"""Coping tools: the urge timer with its log, and the guided breathing exercise.

The urge timer works without JavaScript: "Start" is a form that stores the start time in the
session, and the log form reads it back. ``learn.js`` only adds a live clock.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stepdown.accounts.requests import request_owner
from stepdown.errors import InvalidInput, NotFound
from stepdown.learn import selectors, services
from stepdown.learn.forms import UrgeForm
from stepdown.web.forms import attach_error

TIMER_KEY = "learn_urge_started_at"
HISTORY_ROWS = 30

# What the timer says as time passes (seconds since start, text). General guidance in the
# spirit of "urge surfing" (SMARTRecovery); the times are Stepdown's choice, not measured.
URGE_CUES = (
    (0, gettext_noop("Notice where you feel the urge. You do not have to act on it.")),
    (60, gettext_noop("Breathe slowly. Urges build, peak and then ease off.")),
    (180, gettext_noop("Still here. Stay with it; the peak is often already passing.")),
    (600, gettext_noop("You have ridden it out this far. Log it when you are ready.")),
)


def cue_for(seconds: float) -> str:
    """The cue for a timer that has run ``seconds``: the last one whose start has passed, in
    the active language."""
    text = URGE_CUES[0][1]
    for start, cue in URGE_CUES:
        if seconds >= start:
            text = cue
    return _(text)


def _timer_start(request: HttpRequest) -> dt.datetime | None:
    """The running timer's start, or None; a timer older than a day is dropped as stale."""
    raw = request.session.get(TIMER_KEY)
    if not isinstance(raw, str):
        return None
    try:
        started = dt.datetime.fromisoformat(raw)
    except ValueError:
        started = None
    if started is None or timezone.is_naive(started):
        request.session.pop(TIMER_KEY, None)
        return None
    if timezone.now() - started > services.MAX_TIMER_AGE:
        request.session.pop(TIMER_KEY, None)
        return None
    return started


def _logged_message(strength: int, minutes: int | None) -> str:
    if minutes is None:
        return _("Urge logged: %(strength)d out of 10. Noticing an urge is a skill; well done.") % {
            "strength": strength
        }
    return _(
        "Urge logged: %(strength)d out of 10, %(minutes)d min on the timer. "
        "Noticing an urge is a skill; well done."
    ) % {"strength": strength, "minutes": minutes}


@login_required
@require_http_methods(["GET", "POST"])
def urge(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    started_at = _timer_start(request)
    if request.method == "POST":
        form = UrgeForm(request.POST)
        if form.is_valid():
            try:
                result = services.urge_log_create(
                    owner=owner, started_at=started_at, **form.urge_fields()
                )
            except InvalidInput as error:
                attach_error(form, error)
            else:
                request.session.pop(TIMER_KEY, None)
                if result.created:
                    messages.success(
                        request, _logged_message(result.urge.strength, result.urge.minutes)
                    )
                return redirect("learn:urge")
    else:
        # A fresh key per rendered form: a double tap or a retried post logs the urge once.
        form = UrgeForm(initial={"client_id": uuid.uuid4()})
    elapsed_s = (timezone.now() - started_at).total_seconds() if started_at else 0.0
    context = {
        "form": form,
        "started_at": started_at,
        "elapsed_min": int(elapsed_s // 60),
        "cue": cue_for(elapsed_s),
        # Rides in an attribute for learn.js; the page works without it.
        "cues_json": json.dumps([{"at": at, "text": _(text)} for at, text in URGE_CUES]),
        "history": list(selectors.urges_for(owner=owner)[:HISTORY_ROWS]),
    }
    return render(request, "learn/urge.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def urge_start(request: HttpRequest) -> HttpResponse:
    # Starting again while a timer runs keeps the first start: the urge began then.
    if _timer_start(request) is None:
        request.session[TIMER_KEY] = timezone.now().isoformat()
    return redirect("learn:urge")


@login_required
@require_POST
def urge_cancel(request: HttpRequest) -> HttpResponse:
    request.session.pop(TIMER_KEY, None)
    return redirect("learn:urge")


@login_required
@require_POST
def urge_delete(request: HttpRequest, urge_id: int) -> HttpResponse:
    try:
        services.urge_log_delete(owner=request_owner(request), urge_id=urge_id)
    except NotFound:
        raise Http404 from None
    messages.success(request, _("Entry removed."))
    return redirect("learn:urge")


@require_GET
def breathe(request: HttpRequest) -> HttpResponse:
    return render(request, "learn/breathe.html")
