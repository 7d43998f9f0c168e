"""The goals page: the goal and limits, the nudges worth a look, the last days against the
limits, and the milestones."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.alerts.cards import current_nudge_cards
from stepdown.errors import InvalidInput
from stepdown.goals import milestones, services
from stepdown.goals.forms import GoalForm
from stepdown.goals.page_data import PageData, page_data
from stepdown.plans.selectors import current_plan
from stepdown.web.forms import attach_error
from stepdown.web.fragments import page_key, render_page

RECENT_DAYS = 7


@login_required
@require_http_methods(["GET", "POST"])
def goals(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    data = page_data(request)
    form: GoalForm | None = None
    if request.method == "POST":
        form = GoalForm(request.POST, initial=GoalForm.initial_from(data.goal))
        if form.is_valid():
            try:
                services.goal_save(owner=owner, fields=form.goal_fields())
            except InvalidInput as error:
                attach_error(form, error, {})
            else:
                messages.success(request, _("Your goal and limits are saved."))
                return redirect("goals:goals")
    return render_page(
        request,
        "goals/goals.html",
        "goals/_goals.html",
        lambda: _goals_context(owner, data, form),
        # A form with errors is this request's alone.
        cache_key=None if form is not None else page_key(owner, "goals"),
        status=422 if form is not None and form.errors else 200,
    )


def _goals_context(owner: User, data: PageData, form: GoalForm | None) -> dict[str, Any]:
    return {
        "form": form or GoalForm(initial=GoalForm.initial_from(data.goal)),
        "goal": data.goal,
        "nudges": current_nudge_cards(owner=owner),
        "days": milestones.day_checks(window=data.window, goal=data.goal, days=RECENT_DAYS),
        "milestones": milestones.milestones_for(
            owner=owner,
            window=data.window,
            onboarding=data.onboarding,
            goal=data.goal,
            plan=current_plan(owner=owner),
        ),
        "today": data.window.today,
    }
