"""The plan as a calendar file: the signed-in download and the token link for calendar apps.

They live with the reminders because the calendar carries the plan's reminders; the paths stay
under /plan/ (``calendar_urls``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from stepdown.accounts.requests import request_owner
from stepdown.errors import NotFound
from stepdown.plans import selectors as plans
from stepdown.reminders.calendar import ended_plan_ics, ics_response, plan_ics


@login_required
@require_GET
def plan_calendar(request: HttpRequest, plan_id: int) -> HttpResponse:
    try:
        plan = plans.plan_get(owner=request_owner(request), plan_id=plan_id)
    except NotFound:
        raise Http404 from None
    return ics_response(plan_ics(plan), filename=f"plan-{plan.pk}.ics")


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The token link for calendar apps, which cannot sign in. An unknown or revoked token is a
    404; a plan that has ended serves an empty calendar so subscribed apps drop its events."""
    plan = plans.plan_by_calendar_token(token)
    if plan is None:
        raise Http404
    content = plan_ics(plan) if plan.is_active else ended_plan_ics(plan)
    return ics_response(content, filename="plan.ics")
