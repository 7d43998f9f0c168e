"""Pages a person keeps for themself: the safety plan and the check-in schedule."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from stepdown.accounts.requests import request_owner
from stepdown.checkins import safety_services, schedule_services, selectors
from stepdown.checkins.forms import PLAN_LABELS, SafetyPlanForm, ScheduleForm
from stepdown.errors import InvalidInput
from stepdown.web.countries import country_for_zone
from stepdown.web.forms import attach_error
from stepdown.web.resources import call_lines_for


@login_required
@require_http_methods(["GET", "POST"])
def safety_plan(request: HttpRequest) -> HttpResponse:
    """Read the plan; change it. Reachable from every check-in page and the crisis page."""
    owner = request_owner(request)
    plan = selectors.safety_plan_for(owner=owner)
    initial = {name: "\n".join(getattr(plan, name)) for name in safety_services.SAFETY_PLAN_FIELDS}
    form = SafetyPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            safety_services.safety_plan_update(owner=owner, **form.lists())
        except InvalidInput as error:
            attach_error(form, error, {})
        else:
            messages.success(request, _("Your safety plan is saved."))
            return redirect("checkins:safety_plan")
    sections = [
        (PLAN_LABELS[name], getattr(plan, name)) for name in safety_services.SAFETY_PLAN_FIELDS
    ]
    context = {
        "form": form,
        "sections": sections,
        "has_plan": any(entries for _label, entries in sections),
        "editing": request.method == "POST" or request.GET.get("edit") == "1",
        "call_lines": call_lines_for(country_for_zone(owner.time_zone)),
    }
    return render(request, "checkins/safety_plan.html", context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    views = selectors.schedules_for(owner=owner)
    rows = []
    for view in views:
        initial = {
            "interval_days": view.interval_days,
            "preferred_time": view.preferred_time,
            "enabled": view.enabled,
        }
        form = ScheduleForm(
            request.POST or None,
            instrument=view.instrument,
            always_on=view.always_on,
            initial=initial,
        )
        rows.append((view, form))
    if request.method == "POST" and all(form.is_valid() for _view, form in rows):
        current = None
        try:
            # All or nothing: one bad row leaves every schedule as it was.
            with transaction.atomic():
                for view, form in rows:
                    current = form
                    schedule_services.schedule_update(
                        owner=owner,
                        instrument=view.instrument,
                        interval_days=form.cleaned_data["interval_days"],
                        preferred_time=form.cleaned_data.get("preferred_time"),
                        enabled=form.cleaned_data["enabled"] or view.always_on,
                    )
        except InvalidInput as error:
            assert current is not None
            attach_error(current, error, {})
        else:
            messages.success(request, _("Your check-in schedule is saved."))
            return redirect("checkins:schedule")
    status = 422 if any(form.errors for _view, form in rows) else 200
    return render(request, "checkins/schedule.html", {"rows": rows}, status=status)
