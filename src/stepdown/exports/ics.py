"""A taper plan as an RFC 5545 calendar (built with icalendar).

Each step is one all-day event showing its daily amount. ``DTEND`` of an all-day event is
exclusive, so it is the day after the step's last day. UIDs are ``<plan_id>-step-<index>@stepdown``:
the same plan exported again updates the same events in a subscribed calendar.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from icalendar import Alarm, Calendar, Event

from stepdown.core.tapering import StepKind, TaperPlan, TaperStep

PRODID = "-//Stepdown//Taper plan//EN"

# The words are in the active language: the calendar views switch to the plan owner's.
_KIND_TEXT = {
    StepKind.STABILISE: gettext_lazy("Steady days at your current amount before the first cut."),
    StepKind.CONSOLIDATE: gettext_lazy(
        "One dose fewer a day: it is left out, the others stay the same."
    ),
    StepKind.CUT: gettext_lazy("A smaller daily amount."),
    StepKind.REINSTATE: gettext_lazy(
        "Back to the previous amount for a while, then cutting again."
    ),
}


def _grams(amount: Decimal) -> str:
    # The exact amount, with the language's decimal mark ("9.5", "9,5").
    return formats.number_format(Decimal(f"{amount:f}"))


def _dose_count(step: TaperStep) -> str:
    return ngettext("%(count)d dose", "%(count)d doses", step.doses_per_day) % {
        "count": step.doses_per_day
    }


def _doses(step: TaperStep) -> str:
    if step.doses_per_day == 1:
        return _dose_count(step)
    amounts = " + ".join(_grams(d) for d in step.dose_g)
    return _("%(doses)s: %(amounts)s g") % {"doses": _dose_count(step), "amounts": amounts}


def _day(day: date) -> str:
    # ISO in English, as the calendar always wrote it; a day name in French.
    return formats.date_format(day, _("Y-m-d"))


def _event(
    plan: TaperPlan,
    step: TaperStep,
    *,
    plan_id: str,
    title: str,
    product_name: str | None,
    reminder_time: time | None,
    step_change_alarm: timedelta | None,
    made_on: date | None,
    stamp: datetime,
) -> Event:
    values = {"title": title, "grams": _grams(step.daily_g), "doses": _doses(step)}
    if product_name:
        summary = _("%(title)s: %(grams)s g a day of %(product)s (%(doses)s)") % (
            values | {"product": product_name}
        )
    else:
        summary = _("%(title)s: %(grams)s g a day (%(doses)s)") % values
    last = step.index == len(plan.steps) - 1
    after = (
        _("The plan ends after this step: no planned dose from %(day)s.")
        % {"day": _day(plan.end_date)}
        if last
        else _("Next change on %(day)s.") % {"day": _day(step.end_date + timedelta(days=1))}
    )
    position = ngettext(
        "Step %(number)d of %(total)d, %(days)d day.",
        "Step %(number)d of %(total)d, %(days)d days.",
        step.days,
    ) % {"number": step.index + 1, "total": len(plan.steps), "days": step.days}
    description = f"{position} {_KIND_TEXT[step.kind]} {after}"
    event = Event.new(
        uid=f"{plan_id}-step-{step.index}@stepdown",
        stamp=stamp,
        start=step.start_date,
        end=step.end_date + timedelta(days=1),
        summary=summary,
        description=description,
    )
    event.add("transp", "TRANSPARENT")
    if reminder_time is not None:
        alarm = Alarm.new(description=_("Today: %(grams)s g (%(doses)s)") % values)
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(hours=reminder_time.hour, minutes=reminder_time.minute))
        if step.days > 1:
            # One reminder a day: repeat once a day for the rest of the step.
            alarm.add("repeat", step.days - 1)
            alarm.add("duration", timedelta(days=1))
        event.add_component(alarm)
    if step_change_alarm is not None:
        event.add_component(_step_change_alarm(step, step_change_alarm, made_on=made_on))
    return event


def _step_change_alarm(step: TaperStep, offset: timedelta, *, made_on: date | None) -> Alarm:
    """An alarm ``offset`` from the start of the step's first day (negative: the day before).

    A plan that starts the day it is made has no "evening before": its first alarm moves to the
    same clock time on the first day, so it never says "tomorrow" about today.
    """
    if step.index == 0 and offset < timedelta(0) and made_on and step.start_date <= made_on:
        offset += timedelta(days=1)
    target = {"grams": _grams(step.daily_g), "doses": _dose_count(step)}
    if step.index == 0 and offset < timedelta(0):
        text = _("Your taper plan starts tomorrow: %(grams)s g a day, in %(doses)s.") % target
    elif step.index == 0:
        text = _("Your taper plan starts today: %(grams)s g a day, in %(doses)s.") % target
    elif offset < timedelta(0):
        text = _("Tomorrow your target is %(grams)s g a day, in %(doses)s.") % target
    else:
        text = _("From today your target is %(grams)s g a day, in %(doses)s.") % target
    alarm = Alarm.new(description=text)
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", offset)
    return alarm


def plan_to_ics(
    plan: TaperPlan,
    *,
    plan_id: str,
    stamp: datetime,
    title: str = "Taper plan",
    product_name: str | None = None,
    reminder_time: time | None = None,
    step_change_alarm: timedelta | None = None,
    made_on: date | None = None,
) -> bytes:
    """The plan as an ``text/calendar`` document.

    ``plan_id`` makes the UIDs (use a stable, non-personal identifier such as the plan's
    primary key or UUID); ``stamp`` (an aware datetime) is the DTSTAMP of every event;
    ``reminder_time`` (local, floating) adds a daily reminder alarm to every day of every step;
    ``step_change_alarm`` adds one alarm per step at that offset from the start of its first
    day, e.g. ``-timedelta(hours=5)`` for 19:00 the evening before ("tomorrow your target is");
    ``made_on`` (the person's local date the plan was made) keeps the first step's alarm off the
    evening before a plan that starts that very day.
    Summaries can show on a lock screen, so keep ``title`` neutral if the person wishes; the
    product name appears only when given.
    """
    if not plan_id or any(char.isspace() for char in plan_id):
        raise ValueError("plan_id must be a non-empty identifier without spaces")
    if stamp.tzinfo is None:
        raise ValueError("stamp must be an aware datetime")
    utc_stamp = stamp.astimezone(UTC)
    calendar = Calendar.new(prodid=PRODID, name=title, uid=f"{plan_id}@stepdown")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for step in plan.steps:
        calendar.add_component(
            _event(
                plan,
                step,
                plan_id=plan_id,
                title=title,
                product_name=product_name,
                reminder_time=reminder_time,
                step_change_alarm=step_change_alarm,
                made_on=made_on,
                stamp=utc_stamp,
            )
        )
    return bytes(calendar.to_ical())
