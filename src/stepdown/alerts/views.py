"""The notification centre (``/alerts/``) and the answers to suggested plan adjustments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.alerts import selectors, services
from stepdown.alerts.forms import AlertFilterForm, DecisionForm, DeclineForm, NoteForm
from stepdown.alerts.links import action_link
from stepdown.alerts.models import Alert, SuggestedAdjustment
from stepdown.alerts.suggesting import stored_reason, suggestion_card
from stepdown.alerts.summary import alert_summary
from stepdown.alerts.wording import shown_notice
from stepdown.errors import InvalidInput, NotFound
from stepdown.web import formatting
from stepdown.web.forms import attach_error

PER_PAGE = 20


def _card(alert: Alert) -> dict[str, Any]:
    return {"alert": alert, "words": shown_notice(alert), "link": action_link(alert)}


@login_required
def alerts_page(request: HttpRequest) -> HttpResponse:
    """Every alert, newest first, filtered by severity and status; a page holds 20."""
    owner = request_owner(request)
    form = AlertFilterForm(request.GET or None)
    severity = status = None
    code = 200
    if form.is_bound and form.is_valid():
        severity = form.cleaned_data["severity"] or None
        status = form.cleaned_data["status"] or None
    elif form.is_bound:
        code = 422
    alerts = selectors.alerts_for(owner=owner, status=status, severity=severity)
    page = Paginator(alerts, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "cards": [_card(alert) for alert in page.object_list],
        "query": query.urlencode(),
        "filtered": bool(severity or status),
    }
    return render(request, "alerts/page.html", context, status=code)


@login_required
def bell(request: HttpRequest) -> HttpResponse:
    """The bell with its number (htmx fills the header's placeholder with it)."""
    summary = alert_summary(owner=request_owner(request))
    context = {"show": True, "bell_count": summary.open_count}
    return render(request, "alerts/tags/bell.html", context)


def _status_change(request: HttpRequest, alert_id: int, *, resolve: bool) -> HttpResponse:
    owner = request_owner(request)
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if resolve:
            services.alert_resolve(owner=owner, alert_id=alert_id, note=note)
        else:
            services.alert_acknowledge(owner=owner, alert_id=alert_id, note=note)
    except NotFound:
        raise Http404 from None
    except InvalidInput as error:
        messages.info(request, error.message)
    if getattr(request, "htmx", False):
        alert = selectors.alert_get(owner=owner, alert_id=alert_id)
        context = {"card": _card(alert), "bell_count": alert_summary(owner=owner).open_count}
        return render(request, "alerts/card_swap.html", context)
    return redirect("alerts:page")


@login_required
@require_POST
def acknowledge(request: HttpRequest, alert_id: int) -> HttpResponse:
    return _status_change(request, alert_id, resolve=False)


@login_required
@require_POST
def resolve(request: HttpRequest, alert_id: int) -> HttpResponse:
    return _status_change(request, alert_id, resolve=True)


def _suggestion(owner: User, suggestion_id: int) -> SuggestedAdjustment:
    try:
        return selectors.suggestion_get(owner=owner, suggestion_id=suggestion_id)
    except NotFound:
        raise Http404 from None


def _suggestion_page(
    request: HttpRequest,
    suggestion: SuggestedAdjustment,
    *,
    bound: dict[str, DecisionForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    card = suggestion_card(owner=request_owner(request), suggestion=suggestion, bound=bound)
    context = {"suggestion": suggestion, "card": card, "link": action_link(suggestion.alert)}
    return render(request, "alerts/suggestion.html", context, status=status)


@login_required
def suggestion_page(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    """One suggestion and what was decided (also where a failed answer is shown again)."""
    return _suggestion_page(request, _suggestion(request_owner(request), suggestion_id))


def _decide(request: HttpRequest, suggestion_id: int, *, accept: bool) -> HttpResponse:
    owner = request_owner(request)
    suggestion = _suggestion(owner, suggestion_id)
    name = "accept" if accept else "decline"
    # The same prefix as the card's form, so several suggestions on a page keep distinct ids.
    form_class = DecisionForm if accept else DeclineForm
    form = form_class(request.POST, prefix=f"{name}-{suggestion_id}")
    if form.is_valid():
        reason = stored_reason(suggestion, form.cleaned_data["reason"], accept=accept)
        try:
            if accept:
                decided = services.suggestion_accept(
                    owner=owner, suggestion_id=suggestion_id, reason=reason
                )
            else:
                decided = services.suggestion_decline(
                    owner=owner, suggestion_id=suggestion_id, reason=reason
                )
        except InvalidInput as error:
            attach_error(form, error, {"note": "reason"})
        else:
            messages.success(request, _done(decided))
            return redirect("plans:page")
    suggestion = _suggestion(owner, suggestion_id)
    return _suggestion_page(request, suggestion, bound={name: form}, status=422)


def _done(suggestion: SuggestedAdjustment) -> str:
    if suggestion.status != SuggestedAdjustment.Status.ACCEPTED:
        return _("Noted: your plan stays as it is. The alert stays on your alerts page.")
    entry = suggestion.adjustment
    if entry is None or entry.end_date_before is None:
        return _("Done: your plan has changed.")
    before, after = entry.end_date_before, entry.end_date_after
    if before == after:
        return _("Done: your plan has changed; its end date stays the same.")
    # A plan's end date is its first day without a planned dose; people think in the last day.
    last = after - dt.timedelta(days=1)
    return _("Done: your plan has changed. Its last planned day is now %(day)s.") % {
        "day": formatting.date(last, "j F Y")
    }


@login_required
@require_POST
def accept(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    return _decide(request, suggestion_id, accept=True)


@login_required
@require_POST
def decline(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    return _decide(request, suggestion_id, accept=False)
