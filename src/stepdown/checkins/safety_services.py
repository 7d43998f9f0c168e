"""Writes for the safety side of check-ins: a person's safety plan, and marking a safety event
as seen (the event itself is stored with its response in ``checkins.services``).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.accounts.services import data_changed
from stepdown.checkins import selectors
from stepdown.checkins.models import SafetyEvent, SafetyPlan
from stepdown.core.rules.safety import SELF_HARM_FLAGS
from stepdown.errors import InvalidInput


def safety_event_flags(flags: Any) -> list[str]:
    """A safety event's flags: the self-harm flags of its response (at least one)."""
    if (
        not isinstance(flags, list)
        or not flags
        or not all(isinstance(flag, str) and flag in SELF_HARM_FLAGS for flag in flags)
    ):
        raise InvalidInput(
            "flags",
            _("a safety event names one or more of %(flags)s") % {"flags": sorted(SELF_HARM_FLAGS)},
        )
    return list(dict.fromkeys(flags))


def safety_event_mark_seen(*, owner: User, response_id: int) -> None:
    """The person has been shown the crisis page for this response."""
    seen = SafetyEvent.objects.filter(
        owner=owner, response_id=response_id, seen_at__isnull=True
    ).update(seen_at=timezone.now())
    if seen:
        data_changed(owner=owner)


SAFETY_PLAN_FIELDS = ("warning_signs", "coping_steps", "people", "places", "professionals")
PLAN_MAX_ENTRIES = 12  # assumption: a plan is short enough to read in a hard moment
PLAN_MAX_LENGTH = 300  # assumption: one short line per entry


def safety_plan_update(*, owner: User, **lists: Any) -> SafetyPlan:
    """Replace the lists of a person's safety plan; blank entries are dropped."""
    plan = selectors.safety_plan_for(owner=owner)
    for field, entries in lists.items():
        if field not in SAFETY_PLAN_FIELDS:
            raise InvalidInput(field, _("This part of the plan does not exist."))
        setattr(plan, field, safety_plan_list(field, entries))
    plan.save()
    return plan


def safety_plan_list(field: str, entries: Any) -> list[str]:
    """One list of a safety plan, cleaned: short texts, blank ones dropped."""
    if not isinstance(entries, list | tuple) or not all(isinstance(e, str) for e in entries):
        raise InvalidInput(field, _("Give a list of short texts."))
    cleaned = [entry.strip() for entry in entries if entry.strip()]
    if len(cleaned) > PLAN_MAX_ENTRIES:
        raise InvalidInput(
            field, _("Keep it to %(most)s entries or fewer.") % {"most": PLAN_MAX_ENTRIES}
        )
    if any(len(entry) > PLAN_MAX_LENGTH for entry in cleaned):
        raise InvalidInput(
            field,
            _("Keep each entry under %(most)s characters.") % {"most": PLAN_MAX_LENGTH},
        )
    return cleaned
