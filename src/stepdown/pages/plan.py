"""The plan page: today's target against what was logged, the suggestions waiting for an answer
(the alerts app's), the chart, the adjustments (each with a reason), the history, and the
calendar link. Every change re-renders the same panel, suggestions included."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.alerts.suggesting import plan_suggestion_cards, with_shown_reasons
from stepdown.clinic.proposals import pending_proposals_for_person
from stepdown.errors import InvalidInput
from stepdown.plans import adjust_services, calendar_services, end_services, selectors
from stepdown.plans.forms import CancelForm, HoldForm, ReinstateForm, ReminderForm, SlowForm
from stepdown.plans.models import Plan
from stepdown.plans.views.common import chart_json, chart_text_of, is_htmx, plan_or_404
from stepdown.profile.selectors import taper_paused
from stepdown.web import formatting
from stepdown.web.forms import attach_error
from stepdown.web.fragments import KEY_HOLE, page_key, render_fragment, render_page
from stepdown.web.site import public_link

PAST_PLANS_SHOWN = 20


def _blank_forms(plan: Plan) -> dict[str, forms.Form]:
    # A fresh key per rendered form (filled in per response): a double tap or a retried request
    # changes the plan once.
    return {
        "hold": HoldForm(initial={"client_id": KEY_HOLE, "days": 7}),
        "reinstate": ReinstateForm(initial={"client_id": KEY_HOLE}),
        "slow": SlowForm(plan=plan, initial={"client_id": KEY_HOLE}),
        "cancel": CancelForm(initial={"client_id": KEY_HOLE}),
        "reminder": ReminderForm(initial={"reminder_time": plan.reminder_time}),
    }


def _context(
    request: HttpRequest,
    owner: User,
    plan: Plan | None,
    *,
    bound: dict[str, forms.Form] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    past = selectors.plans_for(owner=owner)
    if plan is None:
        return {
            "plan": None,
            "recent": selectors.recent_use(owner=owner),
            "past_plans": list(past[:PAST_PLANS_SHOWN]),
            **extra,
        }
    status = selectors.plan_today(owner=owner, plan=plan)
    chart = selectors.plan_chart(owner=owner, plan=plan, today=status.date)
    return {
        "plan": plan,
        "status": status,
        "steps": status.plan.steps,
        "chart_json": chart_json(chart),
        "chart_text": chart_text_of(chart),
        "chart": chart,
        # The reasons accepted suggestions wrote, in the page's language (stored in English).
        "history": with_shown_reasons(owner=owner, entries=list(plan.adjustments.all())),
        "past_plans": list(past.exclude(pk=plan.pk)[:PAST_PLANS_SHOWN]),
        "forms": _blank_forms(plan) | (bound or {}),
        "open_form": next(iter(bound), None) if bound else None,
        "calendar_link_active": bool(plan.calendar_token_hash),
        "paused": plan.is_active and taper_paused(owner=owner),
        "suggestion_cards": plan_suggestion_cards(owner=owner, plan=plan),
        "proposals": pending_proposals_for_person(owner=owner) if plan.is_active else [],
        **extra,
    }


def _render(
    request: HttpRequest,
    context: Callable[[], dict[str, Any]],
    *,
    panel_only: bool = False,
    status: int = 200,
    cache_key: str | None = None,
) -> HttpResponse:
    """The page (or, for htmx, its panel) with this response's CSRF token and form keys."""
    if panel_only:
        panel = render_fragment(request, "plans/_plan.html#plan-panel", context)
        return HttpResponse(panel, status=status)
    return render_page(
        request, "plans/plan.html", "plans/_plan.html", context, cache_key=cache_key, status=status
    )


@login_required
def plan_page(request: HttpRequest) -> HttpResponse:
    """``/plan/``: the active plan, or a way to start one."""
    owner = request_owner(request)
    return _render(
        request,
        lambda: _context(request, owner, selectors.current_plan(owner=owner)),
        cache_key=page_key(owner, "plan"),
    )


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Any of the person's plans, past ones read-only."""
    owner = request_owner(request)
    plan = plan_or_404(request, plan_id)
    return _render(
        request,
        lambda: _context(request, owner, plan),
        cache_key=page_key(owner, f"plan:{plan.pk}"),
    )


def _after_change(
    request: HttpRequest,
    owner: User,
    plan_id: int,
    *,
    name: str,
    form: forms.Form,
    action: Callable[[dict[str, Any]], Plan],
    done: Callable[[Plan], str],
) -> HttpResponse:
    """Validate ``form``, run the service, then re-render the panel (htmx) or redirect."""
    plan = plan_or_404(request, plan_id)
    if form.is_valid():
        try:
            changed = action(form.cleaned_data)
        except InvalidInput as error:
            attach_error(form, error, {})
        else:
            notice = done(changed)
            if is_htmx(request):
                return _render(
                    request,
                    lambda: _context(request, owner, changed, notice=notice),
                    panel_only=True,
                )
            messages.success(request, notice)
            return redirect("plans:detail", changed.pk)
    return _render(
        request,
        lambda: _context(request, owner, plan, bound={name: form}),
        panel_only=is_htmx(request),
        status=422,
    )


def _end_text(plan: Plan) -> str:
    last_day = plan.end_date - dt.timedelta(days=1)
    return _("Your last planned day is now %(day)s.") % {
        "day": formatting.date(last_day, "l j F Y")
    }


@login_required
@require_POST
def hold(request: HttpRequest, plan_id: int) -> HttpResponse:
    owner = request_owner(request)
    form = HoldForm(request.POST)
    return _after_change(
        request,
        owner,
        plan_id,
        name="hold",
        form=form,
        action=lambda data: adjust_services.plan_hold(
            owner=owner,
            plan_id=plan_id,
            days=data["days"],
            reason=data["reason"],
            client_id=data.get("client_id"),
        ),
        done=lambda plan: (
            ngettext(
                "Holding this step %(days)d day longer.",
                "Holding this step %(days)d days longer.",
                form.cleaned_data["days"],
            )
            % {"days": form.cleaned_data["days"]}
            + " "
            + _end_text(plan)
        ),
    )


@login_required
@require_POST
def reinstate(request: HttpRequest, plan_id: int) -> HttpResponse:
    owner = request_owner(request)
    return _after_change(
        request,
        owner,
        plan_id,
        name="reinstate",
        form=ReinstateForm(request.POST),
        action=lambda data: adjust_services.plan_reinstate(
            owner=owner, plan_id=plan_id, reason=data["reason"], client_id=data.get("client_id")
        ),
        done=lambda plan: _("Back to your previous amount for now.") + " " + _end_text(plan),
    )


@login_required
@require_POST
def slow(request: HttpRequest, plan_id: int) -> HttpResponse:
    owner = request_owner(request)
    plan = plan_or_404(request, plan_id)
    return _after_change(
        request,
        owner,
        plan_id,
        name="slow",
        form=SlowForm(request.POST, plan=plan),
        action=lambda data: adjust_services.plan_slow(
            owner=owner,
            plan_id=plan_id,
            rate_pct=data.get("rate_pct"),
            step_g=data.get("step_g"),
            interval_days=data.get("interval_days"),
            reason=data["reason"],
            client_id=data.get("client_id"),
        ),
        done=lambda plan: _("The rest of your plan is gentler now.") + " " + _end_text(plan),
    )


@login_required
@require_POST
def cancel(request: HttpRequest, plan_id: int) -> HttpResponse:
    owner = request_owner(request)
    return _after_change(
        request,
        owner,
        plan_id,
        name="cancel",
        form=CancelForm(request.POST),
        action=lambda data: end_services.plan_cancel(
            owner=owner, plan_id=plan_id, reason=data["reason"], client_id=data.get("client_id")
        ),
        done=lambda plan: _(
            "This plan has ended. It stays in your history, and you can start "
            "a new one whenever you like."
        ),
    )


@login_required
@require_POST
def complete(request: HttpRequest, plan_id: int) -> HttpResponse:
    owner = request_owner(request)
    plan = plan_or_404(request, plan_id)
    try:
        end_services.plan_complete(owner=owner, plan_id=plan.pk)
    except InvalidInput as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Plan marked as completed. Well done for seeing it through."))
    return redirect("plans:detail", plan.pk)


@login_required
@require_POST
def reminder(request: HttpRequest, plan_id: int) -> HttpResponse:
    owner = request_owner(request)
    plan = plan_or_404(request, plan_id)
    form = ReminderForm(request.POST)
    if not form.is_valid():
        return _render(
            request, lambda: _context(request, owner, plan, bound={"reminder": form}), status=422
        )
    calendar_services.plan_set_reminder(
        owner=owner, plan_id=plan.pk, reminder_time=form.cleaned_data["reminder_time"]
    )
    messages.success(request, _("Reminder saved. Calendars that subscribe will pick it up."))
    return redirect("plans:detail", plan.pk)


@login_required
@require_POST
def calendar_link(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Make a new calendar link (the old one stops working) or stop the link."""
    owner = request_owner(request)
    plan = plan_or_404(request, plan_id)
    if request.POST.get("action") == "revoke":
        calendar_services.plan_calendar_link_revoke(owner=owner, plan_id=plan.pk)
        messages.success(request, _("The calendar link no longer works."))
        return redirect("plans:detail", plan.pk)
    secret = calendar_services.plan_calendar_link_create(owner=owner, plan_id=plan.pk)
    plan.refresh_from_db()
    # The secret is shown on this one response and never again (only its hash is stored), so it
    # is rendered here rather than passed through a redirect.
    feed = public_link(request, reverse("calendar:feed", args=[secret]))
    # Never cached: the secret is for this one response.
    return _render(request, lambda: _context(request, owner, plan, new_feed=feed))
