"""Reads of a person's profile: onboarding answers, recovery mode and medicines.

Other apps call these (not the models): ``medicines_for`` (the interaction checker),
``onboarding_reason`` and ``recovery_for`` (journal / recovery mode), ``taper_paused`` (plans).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from stepdown.accounts.models import User
from stepdown.profile.models import Medicine, Onboarding


def onboarding_for(*, owner: User) -> Onboarding | None:
    return Onboarding.objects.filter(owner=owner).first()


def taper_paused(*, owner: User) -> bool:
    """Whether the person said they are pregnant or breastfeeding: plans pause and no cut is
    suggested (ACOG2017Opioid)."""
    record = onboarding_for(owner=owner)
    return record is not None and record.pauses_taper


def onboarding_reason(*, owner: User) -> str | None:
    """``avoid_dependence``, ``cut_down``, ``quit``, ``opioid_recovery``, ``just_tracking``, or
    ``None`` when the person has not said."""
    reason = Onboarding.objects.filter(owner=owner).values_list("reason", flat=True).first()
    return reason or None


@dataclass(frozen=True)
class Recovery:
    """For ``opioid_recovery``: the opioid the person is moving away from, and when last used."""

    original_substance: str
    last_used_on: dt.date | None


def recovery_for(*, owner: User) -> Recovery | None:
    """The recovery details, or ``None`` unless the reason is ``opioid_recovery``."""
    row = (
        Onboarding.objects.filter(owner=owner, reason=Onboarding.ReasonChoice.OPIOID_RECOVERY)
        .values_list("original_substance", "original_last_used_on")
        .first()
    )
    return None if row is None else Recovery(original_substance=row[0], last_used_on=row[1])


def medicines_for(*, owner: User) -> list[str]:
    """The medicine names the person listed, as typed, in alphabetical order."""
    names = Medicine.objects.filter(owner=owner).values_list("name", flat=True)
    return sorted(names, key=str.casefold)


def starting_g_per_day(onboarding: Onboarding | None) -> Decimal | None:
    """Average grams a day in the pattern described at onboarding (the "starting point").

    days a week ÷ 7 × doses a day × grams a dose; ``None`` unless all three were given.
    """
    if onboarding is None:
        return None
    days, doses, grams = (
        onboarding.days_per_week,
        onboarding.doses_per_day,
        onboarding.grams_per_dose,
    )
    if days is None or doses is None or grams is None:
        return None
    return Decimal(days) * doses * grams / 7
