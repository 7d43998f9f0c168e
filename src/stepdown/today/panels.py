"""Everything the Today page shows, gathered through each app's selectors in one place.

One function per panel, each taking the values it needs: the shared reads (the day's summary, the
active plan, the goal, the onboarding answers and the journal window) are made once in
:func:`today_context` and passed down, so no panel reads them again (a template tag could not).
The template (``today/today.html``) only formats; a panel that htmx refreshes on its own
(milestones) is rendered from the same function and the same named partial.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.alerts.cards import nudges_context
from stepdown.checkins.selectors import due_now
from stepdown.goals.milestones import milestones_for
from stepdown.journal import recent
from stepdown.journal.forms import DoseForm
from stepdown.journal.models import Dose
from stepdown.journal.recent import QuickPair
from stepdown.journal.rows import today_items_html
from stepdown.profile.models import Onboarding
from stepdown.reminders.selectors import upcoming_step_of
from stepdown.schemas import number
from stepdown.substances.selectors import recent_co_use_warnings
from stepdown.today.allowance import allowance_for, quick_note
from stepdown.today.buttons import quick_buttons_html
from stepdown.today.numbers import numbers_html
from stepdown.today.reads import Reads
from stepdown.web.chart_text import Column, chart_text
from stepdown.web.fragments import KEY_HOLE

TODAY_LIST_LIMIT = 12


def dose_panel(reads: Reads, *, form: DoseForm | None = None) -> dict[str, Any]:
    """Today's numbers, the plan's target, one-tap buttons and the dose form."""
    owner, summary = reads.owner, reads.summary
    pairs = recent.pairs_from(reads.recent)
    allowance = allowance_for(
        owner=owner, plan=reads.plan, goal=reads.goal, todays_doses=reads.todays_doses
    )
    since_last = timezone.now() - summary.last_dose_at if summary.last_dose_at else None
    return {
        "summary": summary,
        "numbers": numbers_html(summary, since_last),
        "quick_buttons": quick_buttons_html(
            [(p, quick_note(p, allowance=allowance, total_g=summary.total_g)) for p in pairs]
        ),
        "allowance": allowance,
        "form": form or blank_dose_form(owner, pairs[0] if pairs else None),
    }


def blank_dose_form(owner: User, latest: QuickPair | None) -> DoseForm:
    """Prefilled with the unit and product of the most recent dose."""
    initial: dict[str, Any] = {"unit": Dose.Unit.GRAM, "client_id": KEY_HOLE}
    if latest is not None:
        initial |= {"unit": latest.unit, "product": latest.product}
    return DoseForm(owner=owner, initial=initial)


def history_panel(reads: Reads) -> dict[str, Any]:
    """Today's doses (newest first, bounded) and the 90-day chart."""
    summary = reads.summary
    # The page stays the same size however many doses a day holds.
    today_doses = recent.doses_on(
        owner=reads.owner, day=summary.date, recent=reads.recent, limit=TODAY_LIST_LIMIT
    )
    # No bars before the first dose: those days are not 0 g, they are before the journal.
    first_day = summary.first_day
    totals = [t.total_g if first_day and t.date >= first_day else None for t in summary.chart]
    averages = summary.rolling_7d_g
    chart = {
        "days": [t.date.isoformat() for t in summary.chart],
        "total_g": [number(total) for total in totals],
        "avg_7d_g": [number(average) for average in averages],
    }
    return {
        "today_doses": today_doses,
        "today_items": today_items_html(today_doses),
        # Data rides in an attribute: htmx drops <script> blocks from swapped content.
        "chart_json": json.dumps(chart),
        "chart_text": chart_text(
            [t.date for t in summary.chart],
            [Column(_("Grams"), totals, " g"), Column(_("7-day average"), averages, " g")],
            caption=_("Grams per day over the last 90 days, with the 7-day average"),
        ),
    }


def setup_panel(reads: Reads) -> dict[str, Any]:
    """The "finish setting up" banner, until onboarding is completed or skipped."""
    record = reads.onboarding
    return {
        "show": record is None or record.status == Onboarding.Status.IN_PROGRESS,
        "started": record is not None and bool(record.step),
    }


def milestones_panel(reads: Reads) -> dict[str, Any]:
    return {
        "milestones": milestones_for(
            owner=reads.owner,
            window=reads.window,
            onboarding=reads.onboarding,
            goal=reads.goal,
            plan=reads.plan,
        ),
        "has_goal": reads.goal is not None,
    }


def checkins_panel(reads: Reads) -> dict[str, Any]:
    return {"items": [item for item in due_now(owner=reads.owner) if item.shown], "show": True}


def upcoming_panel(reads: Reads) -> dict[str, Any]:
    """Tomorrow's new step, when the person wants step reminders."""
    if reads.plan is None or not reads.preferences.step_eve:
        return {"step": None}
    tomorrow = reads.summary.date + dt.timedelta(days=1)
    return {"step": upcoming_step_of(reads.plan, starts_on=tomorrow)}


def notices_panel(reads: Reads) -> dict[str, Any]:
    """The open nudges (at most three kinds) and the recent kratom + substance warning."""
    return {
        "nudges": nudges_context(owner=reads.owner),
        "co_use": {
            "show": True,
            "items": recent_co_use_warnings(owner=reads.owner),
            "assets": True,
        },
    }


def today_context(owner: User, *, form: DoseForm | None = None, **extra: Any) -> dict[str, Any]:
    """The whole page's context; a blank dose form unless one with errors is given."""
    reads = Reads(owner)
    return {
        **dose_panel(reads, form=form),
        **history_panel(reads),
        "setup": setup_panel(reads),
        "notices": notices_panel(reads),
        "milestones_panel": milestones_panel(reads),
        "due": checkins_panel(reads),
        "upcoming": upcoming_panel(reads),
        "clinic_notes": reads.clinic_cards.new_notes,
        "clinic_messages": reads.clinic_cards.unread_messages,
        "proposals": reads.clinic_cards.proposals,
        **extra,
    }


def dose_update_context(
    owner: User, *, form: DoseForm | None = None, **extra: Any
) -> dict[str, Any]:
    """What a dose logged from Today re-renders: the dose panel and the history, nothing else."""
    reads = Reads(owner)
    return {**dose_panel(reads, form=form), **history_panel(reads), **extra}
