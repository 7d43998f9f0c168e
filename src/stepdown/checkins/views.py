"""Pages for check-ins: the due list, questionnaire forms, results, the crisis page, trends."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.checkins import safety_services, selectors, services
from stepdown.checkins.forms import AnswerForm
from stepdown.checkins.meaning import compare_with_recent
from stepdown.checkins.models import Response
from stepdown.checkins.trends import DEFAULT_RANGE, MOOD_ITEMS, RANGES, Trends, trends_for
from stepdown.checkins.wording import band_label, page_instrument, translated_by_project
from stepdown.core.instruments import INSTRUMENTS, Audience, Instrument
from stepdown.core.rules.safety import SELF_HARM_FLAGS
from stepdown.errors import InvalidInput, NotFound
from stepdown.web.chart_text import ChartText, Column, chart_text
from stepdown.web.countries import country_for_zone
from stepdown.web.fragments import page_key, render_page
from stepdown.web.resources import (
    CRISIS_LINES,
    SUPPORT_LINES,
    US_TREATMENT_CALL,
    call_lines_for,
    lines_for_country,
)

RECENT_RESPONSES = 10


def _person_instrument(code: str) -> Instrument:
    instrument = INSTRUMENTS.get(code)
    if instrument is None or instrument.audience is not Audience.SELF_REPORT:
        raise Http404
    return page_instrument(code)


def _response_or_404(owner: User, response_id: int) -> Response:
    try:
        return selectors.response_get(owner=owner, response_id=response_id)
    except NotFound:
        raise Http404 from None


@login_required
def hub(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    return render_page(
        request,
        "checkins/hub.html",
        "checkins/_hub.html",
        lambda: _hub_context(owner),
        cache_key=page_key(owner, "checkins"),
    )


def _hub_context(owner: User) -> dict[str, Any]:
    # Every questionnaire a person may answer at any time (the daily check-in is in the due list).
    others = [
        page_instrument(code)
        for code, i in INSTRUMENTS.items()
        if i.audience is Audience.SELF_REPORT and code != "daily"
    ]
    recent = [
        (
            response,
            page_instrument(response.instrument).name,
            band_label(response.instrument, response.band) if response.band else None,
        )
        for response in selectors.responses_for(owner=owner, drafts=True)[:RECENT_RESPONSES]
    ]
    due = [item for item in selectors.due_now(owner=owner) if item.shown]
    return {"others": others, "recent": recent, "items": due, "show": True}


def _after_save(owner: User, result: services.Submitted) -> HttpResponse:
    """Any sign of self-harm risk meets the crisis page first, before any score.

    The crisis page is recorded as seen here, by the POST that leads to it: a GET never writes.
    """
    response = result.response
    if result.crisis:
        safety_services.safety_event_mark_seen(owner=owner, response_id=response.pk)
        return redirect(reverse("checkins:crisis") + f"?response={response.pk}")
    return redirect("checkins:result", response_id=response.pk)


def _form_page(
    request: HttpRequest,
    instrument: Instrument,
    form: AnswerForm,
    *,
    editing: Response | None,
    client_id: str,
) -> HttpResponse:
    status = 422 if form.errors or form.non_field_error else 200
    context = {
        "instrument": instrument,
        "form": form,
        "editing": editing,
        "client_id": client_id,
        "required_count": sum(1 for item in instrument.items if item.is_always_required),
        "project_translation": translated_by_project(instrument),
    }
    return render(request, "checkins/answer.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, code: str) -> HttpResponse:
    """Start a questionnaire. Today's daily check-in, once answered, opens for changes."""
    owner = request_owner(request)
    instrument = _person_instrument(code)
    if code == "daily" and request.method == "GET":
        # A POST goes on to the service: a double-submitted form finds its client_id there.
        today = local_today(owner)
        existing = selectors.responses_for(
            owner=owner, instrument="daily", since=today, until=today, drafts=True
        ).first()
        if existing is not None:
            return redirect("checkins:edit", response_id=existing.pk)
    if request.method == "POST":
        form = AnswerForm(instrument, data=request.POST)
        client_id = request.POST.get("client_id", "")
        # A flag in what was answered is kept (as a draft) even when the rest has errors.
        if form.is_valid() or form.raises_flags():
            try:
                key = uuid.UUID(client_id) if client_id else None
            except ValueError:
                key = None
            try:
                result = services.response_submit(
                    owner=owner, instrument=code, answers=form.answers(), client_id=key
                )
            except InvalidInput as error:
                form.add_error(error.field, error.message)
            else:
                return _after_save(owner, result)
        return _form_page(request, instrument, form, editing=None, client_id=client_id)
    form = AnswerForm(instrument)
    return _form_page(request, instrument, form, editing=None, client_id=str(uuid.uuid4()))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, response_id: int) -> HttpResponse:
    owner = request_owner(request)
    response = _response_or_404(owner, response_id)
    instrument = _person_instrument(response.instrument)
    if response.local_date != local_today(owner):
        messages.info(request, _("A check-in can be changed only on the day it counts for."))
        return redirect("checkins:result", response_id=response.pk)
    if request.method == "POST":
        form = AnswerForm(instrument, data=request.POST)
        if form.is_valid() or form.raises_flags():
            try:
                result = services.response_update(
                    owner=owner, response_id=response.pk, answers=form.answers()
                )
            except InvalidInput as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("Your answers are updated."))
                return _after_save(owner, result)
    else:
        form = AnswerForm(instrument, initial=response.answers)
    return _form_page(request, instrument, form, editing=response, client_id="")


@login_required
def result(request: HttpRequest, response_id: int) -> HttpResponse:
    owner = request_owner(request)
    response = _response_or_404(owner, response_id)
    instrument = page_instrument(response.instrument)
    flag_rules = {rule.code: rule for rule in instrument.flags}
    subscore_labels = {s.code: s.label for s in instrument.subscores}
    context = {
        "response": response,
        "instrument": instrument,
        "project_translation": translated_by_project(instrument),
        "total_label": instrument.total_label,
        "band_label": band_label(response.instrument, response.band) if response.band else None,
        "comparison": compare_with_recent(response),
        # Self-harm flags are answered by the crisis help above the score, not by a rule's text.
        "flags": [
            flag_rules[code]
            for code in response.flags
            if code in flag_rules and code not in SELF_HARM_FLAGS
        ],
        "crisis": services.needs_crisis(response.flags),
        "call_lines": call_lines_for(country_for_zone(owner.time_zone)),
        "subscores": [
            (subscore_labels.get(code, code), value)
            for code, value in response.subscores.items()
            if code != "withdrawal"  # the daily total already is the withdrawal total
        ],
        "editable": response.local_date == local_today(owner)
        and instrument.audience is Audience.SELF_REPORT,
    }
    return render(request, "checkins/result.html", context)


def _lines_context(owner: User) -> dict[str, Any]:
    """The crisis lines, the person's country's first (from their account's time zone)."""
    country = country_for_zone(owner.time_zone)
    calls = call_lines_for(country)
    return {
        # The country's own lines are the call buttons; "Other lines" does not repeat them.
        "crisis_lines": [
            line for line in lines_for_country(CRISIS_LINES, country) if line not in calls
        ],
        "support_lines": lines_for_country(SUPPORT_LINES, country),
        "call_lines": calls,
        "us_treatment_call": country in US_TREATMENT_CALL,
    }


@login_required
def crisis(request: HttpRequest) -> HttpResponse:
    """Calm, immediate help; shown before any score when a self-harm flag is raised."""
    owner = request_owner(request)
    response = None
    raw = request.GET.get("response", "")
    if raw.isdigit():
        try:
            response = selectors.response_get(owner=owner, response_id=int(raw))
        except NotFound:
            response = None
    plan = selectors.safety_plan_for(owner=owner)
    context = _lines_context(owner) | {
        "response": response,
        "acute": response is not None and "self_harm_acute" in response.flags,
        "offer_asq": response is not None and response.instrument == "phq9",
        "plan": plan,
        "plan_empty": not any(getattr(plan, f) for f in safety_services.SAFETY_PLAN_FIELDS),
    }
    return render(request, "checkins/crisis.html", context)


@login_required
def trends(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    raw = request.GET.get("days", "")
    days = int(raw) if raw.isdigit() and int(raw) in RANGES else DEFAULT_RANGE
    data = trends_for(owner=owner, days=days)
    context = {
        "trends": data,
        "ranges": RANGES,
        "mood_items": [(key, MOOD_LABELS[key]) for key in MOOD_ITEMS],
        # Data rides in an attribute: htmx drops <script> blocks from swapped content.
        "series_json": json.dumps(data.as_json()),
        "chart_words_json": json.dumps({key: str(word) for key, word in CHART_WORDS.items()}),
        "summaries": {
            key: data.summary(key)
            for key in ("withdrawal", "craving", "sleep_hours", "mood", "phq9", "gad7")
        }
        | {"dose_g": data.dose_summary()},
        "chart_text": _trends_table(data),
    }
    return render(request, "checkins/trends.html", context)


# The words checkins.js writes on the trend charts (axes, series, an empty chart), in the page's
# language: the script reads them from the page (docs/i18n.md).
CHART_WORDS = {
    "g_a_day": gettext_lazy("g a day"),
    "hours": gettext_lazy("hours"),
    "total": gettext_lazy("total"),
    "grams": gettext_lazy("grams"),
    "plan_target": gettext_lazy("plan target"),
    "craving": gettext_lazy("craving"),
    "quality": gettext_lazy("quality"),
    "mood": gettext_lazy("mood"),
    "energy": gettext_lazy("energy"),
    "sedation": gettext_lazy("sedation"),
    "sociability": gettext_lazy("sociability"),
    "empty": gettext_lazy("Nothing yet."),
}
MOOD_LABELS = {
    "mood": gettext_lazy("Mood"),
    "energy": gettext_lazy("Energy"),
    "sedation": gettext_lazy("Sedation"),
    "sociability": gettext_lazy("Sociability"),
}
TREND_COLUMNS = (
    ("dose_g", gettext_lazy("Grams"), " g"), ("target_g", gettext_lazy("Plan target"), " g"),
    ("withdrawal", gettext_lazy("Withdrawal"), ""), ("craving", gettext_lazy("Craving"), ""),
    ("sleep_hours", gettext_lazy("Sleep"), " h"),
    ("sleep_quality", gettext_lazy("Sleep quality"), ""),
    *((key, MOOD_LABELS[key], "") for key in MOOD_ITEMS),
    ("phq9", "PHQ-9", ""), ("gad7", "GAD-7", ""),
)  # fmt: skip


def _trends_table(data: Trends) -> ChartText:
    """Every chart of the page in one table, a day per row."""
    return chart_text(
        [dt.date.fromisoformat(day) for day in data.series["days"]],
        [Column(str(label), data.series[key], unit) for key, label, unit in TREND_COLUMNS],
        caption=_("Every chart on this page, by day"),
        summary=_("The summaries under each chart say what it shows."),
    )
