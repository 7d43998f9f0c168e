"""The Risk page's data: gather the inputs, compute the profile, keep a history of snapshots.

Inputs (``risk_inputs``): the onboarding answers; the journal's last 28 complete local days
(days used, doses, grams and product forms, and the estimated mitragynine when every dose in
those days has a lab-based value), counted by the one averaging rule (from the first logged
dose on, today left out) so a new journal is not read as light use; and the latest DSM-5 and
SDS totals, read through the check-ins app's
``responses_for`` selector (see ``latest_scores``). A constant number of queries, whatever the
history's length.

Snapshots (``risk_refresh``): a row is stored when the result differs from the last one (tier,
score or factors), or when the last one is more than ``SNAPSHOT_EVERY_DAYS`` old. It runs when
the inputs change (saving completed onboarding answers) and in the daily job (``stepdown.jobs``,
monthly at least, whatever the person views). The Risk page and ``GET /api/v1/risk`` only read
(``risk_now``): a GET never writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.models import User
from stepdown.checkins import selectors as checkins
from stepdown.core.averages import daily_average
from stepdown.core.instruments.registry import get_instrument
from stepdown.core.potency import ProductForm
from stepdown.core.risk import (
    Diagnosis,
    JournalSummary,
    OnboardingAnswers,
    Reason,
    RiskInputs,
    RiskProfile,
    SelfTreatment,
    SubstanceHistory,
    UsePattern,
    risk_profile,
)
from stepdown.core.risk.inputs import JOURNAL_WINDOW_DAYS
from stepdown.errors import InvalidInput
from stepdown.goals import selectors
from stepdown.goals.history import JournalWindow, journal_window
from stepdown.goals.models import RiskSnapshot
from stepdown.journal.selectors import doses_for
from stepdown.profile import selectors as profile_selectors
from stepdown.profile.models import Onboarding


class _Unread(Enum):
    UNREAD = "unread"


# "Not read yet", as opposed to ``None``: read, and the person has given no onboarding answers.
UNREAD: Literal[_Unread.UNREAD] = _Unread.UNREAD

SNAPSHOT_EVERY_DAYS = 30  # "monthly" (assumption: 30 days, so a month never goes unrecorded)


@dataclass(frozen=True)
class Scores:
    dsm5_criteria: int | None = None
    sds_total: int | None = None


_SCORED = ("dsm5_sud", "sds")


def latest_scores(*, owner: User) -> Scores:
    """The latest DSM-5 criteria count (0–11) and SDS total (0–15), from the check-ins app's
    own selector (one query); ``None`` where never answered. A total outside its instrument's
    range cannot come from its scorer, and is ignored rather than failing."""
    totals = checkins.latest_totals(owner=owner, instruments=_SCORED)
    valid = {}
    for code, total in totals.items():
        low, high = get_instrument(code).total_range
        valid[code] = total if total is not None and low <= total <= high else None
    return Scores(dsm5_criteria=valid["dsm5_sud"], sds_total=valid["sds"])


def answers_of(record: Onboarding | None) -> OnboardingAnswers:
    """The core's view of the onboarding answers; with none given, "just tracking"."""
    if record is None:
        return OnboardingAnswers(reason=Reason.JUST_TRACKING)
    pattern = None
    if record.days_per_week is not None and record.doses_per_day is not None:
        pattern = UsePattern(
            days_per_week=record.days_per_week,
            doses_per_day=record.doses_per_day,
            grams_per_dose=record.grams_per_dose,
        )
    return OnboardingAnswers(
        reason=Reason(record.reason) if record.reason else Reason.JUST_TRACKING,
        substance_history=SubstanceHistory(record.substance_history),
        self_treatment=frozenset(SelfTreatment(value) for value in record.self_treatment),
        phq2_total=record.phq2_total,
        gad2_total=record.gad2_total,
        diagnoses=frozenset(Diagnosis(value) for value in record.diagnoses),
        years_of_use=record.years_of_use,
        forms_used=frozenset(ProductForm(value) for value in record.forms_used),
        pattern=pattern,
    )


def _summary_span(window: JournalWindow) -> tuple[dt.date, dt.date] | None:
    """The last 28 complete local days, from the first logged dose on (today left out)."""
    last = window.today - dt.timedelta(days=1)
    if window.journal_start is None or window.journal_start > last:
        return None
    return max(window.today - dt.timedelta(days=JOURNAL_WINDOW_DAYS), window.journal_start), last


def lab_mitragynine_mg(*, owner: User, start: dt.date, end: dt.date) -> Decimal | None:
    """Estimated mitragynine from ``start`` to ``end``, or ``None`` unless every dose then has a
    value from its product's lab certificate (a default potency is a guess, not a known one)."""
    row = doses_for(owner=owner, since=start, until=end).aggregate(
        mg=Sum("mitragynine_mg"),
        doses=Count("pk"),
        unknown=Count("pk", filter=Q(mitragynine_mg__isnull=True) | Q(mitragynine_estimated=True)),
    )
    if not row["doses"] or row["unknown"]:
        return None
    return Decimal(row["mg"])


def journal_summary(
    window: JournalWindow, *, mitragynine_mg: Decimal | None = None
) -> JournalSummary | None:
    """The last 28 complete local days, counted by the one averaging rule (from the first
    logged dose on, today left out: ``stepdown.core.averages``)."""
    span = _summary_span(window)
    if span is None:
        return None
    first, last = span
    days = window.days(first, last)
    average = daily_average(
        ((day.day, day.total_g) for day in days),
        first_day=window.journal_start,
        today=window.today,
    )
    if average is None:
        return None
    used = [day for day in days if day.used]
    return JournalSummary(
        days_covered=average.days,
        days_used=len(used),
        dose_count=sum(day.dose_count for day in used),
        total_g=average.total_g,
        forms=window.forms_between(first, last),
        mitragynine_mg=mitragynine_mg if used else None,
    )


def risk_inputs(
    *,
    owner: User,
    window: JournalWindow | None = None,
    onboarding: Onboarding | _Unread | None = UNREAD,
) -> RiskInputs:
    """``window`` and ``onboarding`` when the caller has read them already (read here if not;
    ``onboarding=None`` is a read that found no answers)."""
    record = profile_selectors.onboarding_for(owner=owner) if onboarding is UNREAD else onboarding
    window = window or journal_window(owner=owner)
    scores = latest_scores(owner=owner)
    span = _summary_span(window)
    mitragynine = (
        None if span is None else lab_mitragynine_mg(owner=owner, start=span[0], end=span[1])
    )
    return RiskInputs(
        answers=answers_of(record),
        journal=journal_summary(window, mitragynine_mg=mitragynine),
        dsm5_criteria=scores.dsm5_criteria,
        sds_total=scores.sds_total,
        withdrawal_when_stopping=bool(record and record.withdrawal_when_stopping),
    )


# What a stored factor holds (factors_json): the texts, the weight, the list of sources.
FACTOR_TEXTS = (
    "code",
    "label",
    "explanation",
    "source",
    "evidence",
    "action",
    "learn_slug",
    "basis",
)


def factors_json(profile: RiskProfile) -> list[dict[str, Any]]:
    return [
        {
            "code": factor.code.value,
            "label": factor.label,
            "explanation": factor.explanation,
            "weight": factor.weight,
            "source": factor.source,
            "sources": list(factor.sources),
            "evidence": factor.evidence,
            "action": factor.action,
            "learn_slug": factor.learn_slug.value,
            "basis": factor.basis.value,
        }
        for factor in profile.factors
    ]


def snapshot_factors(value: Any) -> list[dict[str, Any]]:
    """A snapshot's factors when each is what :func:`factors_json` writes; else
    ``InvalidInput`` at ``factors``. An import checks a file's snapshots with it."""
    message = "each factor has a code, label, explanation, weight, sources and the rest"
    if not isinstance(value, list):
        raise InvalidInput("factors", message)
    for factor in value:
        if not isinstance(factor, dict) or set(factor) != {*FACTOR_TEXTS, "weight", "sources"}:
            raise InvalidInput("factors", message)
        weight, sources = factor["weight"], factor["sources"]
        if (
            not all(isinstance(factor[key], str) for key in FACTOR_TEXTS)
            or isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not isinstance(sources, list)
            or not all(isinstance(source, str) for source in sources)
        ):
            raise InvalidInput("factors", message)
    return value


def snapshot_notes(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(note, str) for note in value):
        raise InvalidInput("notes", _("the notes are a list of texts"))
    return value


def _same(snapshot: RiskSnapshot, profile: RiskProfile, factors: list[dict[str, Any]]) -> bool:
    return (
        snapshot.tier == profile.tier.value
        and snapshot.score == profile.score
        and snapshot.method == profile.method
        and snapshot.limited_data == profile.limited_data
        and [(f["code"], f["explanation"]) for f in snapshot.factors]
        == [(f["code"], f["explanation"]) for f in factors]
    )


@dataclass(frozen=True)
class RiskResult:
    """A freshly computed profile, when it was computed, and the latest stored snapshot (the one
    that records it when ``stored``; ``None`` when none has been stored yet)."""

    profile: RiskProfile
    computed_at: dt.datetime
    snapshot: RiskSnapshot | None
    stored: bool


def risk_now(
    *,
    owner: User,
    window: JournalWindow | None = None,
    onboarding: Onboarding | _Unread | None = UNREAD,
    history: list[RiskSnapshot] | None = None,
) -> RiskResult:
    """Compute the profile now and name the latest stored snapshot; stores nothing. A page
    that has read the snapshots' ``history`` (newest first) passes it."""
    profile = risk_profile(risk_inputs(owner=owner, window=window, onboarding=onboarding))
    if history is None:
        latest = selectors.latest_snapshot(owner=owner)
    else:
        latest = history[0] if history else None
    return RiskResult(profile=profile, computed_at=timezone.now(), snapshot=latest, stored=False)


def risk_refresh(
    *,
    owner: User,
    trigger: str = RiskSnapshot.Trigger.ON_DEMAND,
    window: JournalWindow | None = None,
) -> RiskResult:
    """Compute the profile now; store a snapshot when it changed or the last is a month old."""
    now = timezone.now()
    profile = risk_profile(risk_inputs(owner=owner, window=window))
    factors = factors_json(profile)
    latest = selectors.latest_snapshot(owner=owner)
    fresh = latest is not None and now - latest.computed_at < dt.timedelta(days=SNAPSHOT_EVERY_DAYS)
    if latest is not None and fresh and _same(latest, profile, factors):
        return RiskResult(profile=profile, computed_at=now, snapshot=latest, stored=False)
    snapshot = RiskSnapshot.objects.create(
        owner=owner,
        computed_at=now,
        tier=profile.tier.value,
        score=profile.score,
        factors=factors,
        next_step=profile.next_step.value,
        limited_data=profile.limited_data,
        journal_days=profile.journal_days,
        notes=list(profile.notes),
        method=profile.method,
        trigger=trigger,
    )
    return RiskResult(profile=profile, computed_at=now, snapshot=snapshot, stored=True)
