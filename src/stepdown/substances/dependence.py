"""Two tapers at once: a kratom plan alongside alcohol or benzodiazepine dependence.

Stopping alcohol or a benzodiazepine after regular use can bring on seizures, and stopping kratom
at the same time piles one withdrawal on another; so when a person with an active taper plan
also takes a benzodiazepine or drinks most days, Stepdown says plainly: change only one of them,
and only with a clinician.

References:
    ASAM2020Alcohol: withdrawal seizures and delirium after stopping regular drinking.
    ASAM2025Benzo: stopping a benzodiazepine abruptly can cause seizures; taper with a clinician.
    "Never two at once without a clinician" and the threshold below are assumptions (no study
    of combined tapers with kratom was found).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext

from stepdown.accounts.models import User
from stepdown.plans.selectors import current_plan
from stepdown.substances.models import SubstanceUse
from stepdown.substances.selectors import medicine_reports

# Assumption: drinking on 4 or more of the last 7 days is regular enough that stopping suddenly
# may bring withdrawal; the same count applies to logged benzodiazepine use.
REGULAR_DAYS = 4
LOOKBACK = dt.timedelta(days=7)


@dataclass(frozen=True)
class DependenceWarning:
    """What was found next to the active plan: benzodiazepine medicines and regular use."""

    benzodiazepine_medicines: tuple[str, ...]
    regular_alcohol: bool
    regular_benzodiazepines: bool

    @property
    def what(self) -> str:
        """ "you take Xanax and drink on most days" and similar, for the sentence."""
        parts = []
        if self.benzodiazepine_medicines:
            parts.append(f"you take {', '.join(self.benzodiazepine_medicines)}")
        if self.regular_benzodiazepines:
            parts.append("you have logged benzodiazepines on most days")
        if self.regular_alcohol:
            parts.append("you have logged alcohol on most days")
        return " and ".join(parts)

    @property
    def shown_what(self) -> str:
        """``what`` in the reader's language (the API keeps the English)."""
        parts = []
        if self.benzodiazepine_medicines:
            names = ", ".join(self.benzodiazepine_medicines)
            parts.append(gettext("you take %(names)s") % {"names": names})
        if self.regular_benzodiazepines:
            parts.append(gettext("you have logged benzodiazepines on most days"))
        if self.regular_alcohol:
            parts.append(gettext("you have logged alcohol on most days"))
        text = parts[0] if parts else ""
        for part in parts[1:]:
            text = gettext("%(first)s and %(second)s") % {"first": text, "second": part}
        return text


def _regular(owner: User, category: str, now: dt.datetime) -> bool:
    times = SubstanceUse.objects.filter(
        owner=owner, category=category, taken_at__gte=now - LOOKBACK, taken_at__lte=now
    ).values_list("taken_at", flat=True)
    days = {moment.astimezone(owner.zone).date() for moment in times}
    return len(days) >= REGULAR_DAYS


def dependence_warning(*, owner: User, now: dt.datetime | None = None) -> DependenceWarning | None:
    """The warning when an active taper plan meets a benzodiazepine or regular drinking."""
    if current_plan(owner=owner) is None:
        return None
    now = now or timezone.now()
    benzodiazepines = tuple(
        report.name
        for report in medicine_reports(owner=owner)
        if report.resolution is not None
        and not report.resolution.needs_confirmation
        and "benzodiazepines" in report.resolution.classes
    )
    warning = DependenceWarning(
        benzodiazepine_medicines=benzodiazepines,
        regular_alcohol=_regular(owner, SubstanceUse.Category.ALCOHOL, now),
        regular_benzodiazepines=_regular(owner, SubstanceUse.Category.BENZODIAZEPINES, now),
    )
    return warning if warning.what else None
