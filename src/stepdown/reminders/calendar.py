"""The plan as a calendar file, for the logged-in download, the API and the token link."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from icalendar import Calendar

from stepdown.exports.ics import PRODID, plan_to_ics
from stepdown.plans.models import Plan
from stepdown.plans.snapshot import taper_of
from stepdown.reminders.selectors import step_alarm_for

# Neutral on purpose: event titles can show on a lock screen. No product name either.
CALENDAR_TITLE = gettext_noop("Taper plan")


def _uid(plan: Plan) -> str:
    # The primary key is stable and says nothing about the person.
    return f"plan-{plan.pk}"


def _owner_language(plan: Plan) -> str:
    return plan.owner.language or settings.LANGUAGE_CODE


def plan_ics(plan: Plan) -> bytes:
    """Every step as an all-day event, with the plan's daily reminder when one is set and the
    person's day-before-step reminder (see ``stepdown.reminders``) unless they turned it off.
    The words are in the language the person's account chose: a calendar app that follows the
    link sends no language of its own."""
    with translation.override(_owner_language(plan)):
        return plan_to_ics(
            taper_of(plan),
            plan_id=_uid(plan),
            stamp=plan.updated_at or timezone.now(),
            title=_(CALENDAR_TITLE),
            reminder_time=plan.reminder_time,
            step_change_alarm=step_alarm_for(owner_id=plan.owner_id),
            made_on=plan.created_at.astimezone(plan.owner.zone).date(),
        )


def ended_plan_ics(plan: Plan) -> bytes:
    """An empty calendar with the same identity: a subscribed calendar app removes the old
    events of a plan that has ended instead of showing steps nobody follows any more."""
    with translation.override(_owner_language(plan)):
        title = _(CALENDAR_TITLE)
    calendar = Calendar.new(prodid=PRODID, name=title, uid=f"{_uid(plan)}@stepdown")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    return bytes(calendar.to_ical())


def ics_response(content: bytes, *, filename: str) -> HttpResponse:
    """A calendar download that no browser or proxy keeps a copy of."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
