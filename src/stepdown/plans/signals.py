"""What the plans app does when other apps' events concern its data."""

from __future__ import annotations

import contextlib
from typing import Any

from django.utils.translation import gettext_noop

from stepdown.accounts.models import User
from stepdown.accounts.signals import access_ended
from stepdown.core.tapering import MAX_HOLD_DAYS
from stepdown.errors import InvalidInput
from stepdown.plans import adjust_services, selectors
from stepdown.plans.models import Plan
from stepdown.profile.models import Onboarding
from stepdown.profile.signals import answers_saved

# Stored in English in the history; the plan page translates it when it shows it.
PREGNANCY_PAUSE_REASON = gettext_noop(
    "Paused: pregnant or breastfeeding. Plan any change with a clinician; in pregnancy, "
    "steady opioid-agonist treatment is preferred to withdrawal."
)


def revoke_calendar_links(sender: object, *, user: User, **kwargs: Any) -> None:
    """Calendar links are the plans app's, but they grant access to this person's data."""
    Plan.objects.filter(owner=user, calendar_token_hash__isnull=False).update(
        calendar_token_hash=None, calendar_token_created_at=None
    )


def pause_if_pregnant(
    sender: object, *, owner: User, record: Onboarding, was_paused: bool, **kwargs: Any
) -> None:
    """Saying "pregnant" or "breastfeeding" pauses the active plan: its current step is held
    for the longest hold there is, so no cut comes on its own (ACOG2017Opioid). The plan page
    and the suggestions read the same answer (``taper_paused``)."""
    if was_paused or not record.pauses_taper:
        return
    plan = selectors.current_plan(owner=owner)
    if plan is None:
        return
    # Not started yet, or already over: nothing to hold; the page still says paused.
    with contextlib.suppress(InvalidInput):
        adjust_services.plan_hold(
            owner=owner,
            plan_id=plan.pk,
            days=MAX_HOLD_DAYS,
            reason=PREGNANCY_PAUSE_REASON,
            source="pregnancy",
        )


def connect() -> None:
    answers_saved.connect(pause_if_pregnant, dispatch_uid="plans.pause_if_pregnant")
    access_ended.connect(revoke_calendar_links, dispatch_uid="plans.revoke_calendar_links")
