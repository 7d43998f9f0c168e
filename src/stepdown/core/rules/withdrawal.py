"""Withdrawal rules: ``severe_withdrawal`` and ``worse_after_cut`` (docs/alerts.md).

Both read Stepdown's daily withdrawal diary (12 symptoms scored 0–4, total 0–48; *not* a
validated scale, none exists for kratom) and suggest a plan adjustment the person may accept.

**Which diary total counts as severe** (:func:`diary_threshold`), in order:

1. the person's own threshold, when they set one;
2. a personal baseline once 14 diary days exist in the 28 days before the day in question: the
   mean plus two standard deviations of those days, rounded up to a whole point and kept
   between 12 and 36 (a quarter and three quarters of the maximum), so a person who always
   scores 0 is not alerted by a 3 and a person who always scores high is still alerted on a day
   when most symptoms are "quite a bit";
3. otherwise the default of 24: half the maximum, every symptom "moderate" on average.

References:
    Assumptions, all of them: no validated kratom withdrawal scale or severity band exists
    (Smith2022 and Rogers2024 borrow opioid scales). For orientation only, 24 of 48 is the same
    share of the maximum as 32 of the 64-point SOWS, above the mean plus one standard deviation
    (25.4) that Rogers2024 reported for US users. COWS: 25 is where the "moderately severe" band
    starts (Wesson2003). Holding or going back when symptoms are hard follows the principle of
    tapering at a pace the person tolerates (Maudsley2024); a week's hold lets mitragynine settle
    at the new level (about five half-lives of 23 h, Trakulsrichai2015).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from stepdown.core.rules.alert import (
    Alert,
    Severity,
    Suggestion,
    SuggestionKind,
    deduplicate,
    notice,
)
from stepdown.core.rules.inputs import CowsScore, DiaryScore, PlanStepView, step_on
from stepdown.core.rules.learn import LearnSlug
from stepdown.core.says import Day, Says

DIARY_MAX = 48
DEFAULT_DIARY_THRESHOLD = 24
PERSONAL_MIN_DAYS = 14
PERSONAL_WINDOW_DAYS = 28
PERSONAL_FLOOR = 12
PERSONAL_CEILING = 36
COWS_SEVERE = 25
# Check-ins can be filled in late; scores from the last 3 days (today included) are examined.
LOOKBACK_DAYS = 3
HOLD_DAYS = 7
WORSE_RISE = Fraction(1, 2)
# Assumption: on a 48-point diary a rise under 4 points is within day-to-day noise.
WORSE_MIN_POINTS = 4
# Assumption: the previous step's average needs at least 3 diary days to mean anything.
MIN_PREVIOUS_STEP_SCORES = 3
SEVERE_DAYS_FOR_REINSTATE = 3


class ThresholdBasis(StrEnum):
    OWN = "own"
    PERSONAL_BASELINE = "personal_baseline"
    DEFAULT = "default"


@dataclass(frozen=True)
class DiaryThreshold:
    """The diary total treated as severe on a given day, and where it came from."""

    value: int
    basis: ThresholdBasis


def diary_threshold(
    *, scores: Sequence[DiaryScore], day: date, own_threshold: int | None = None
) -> DiaryThreshold:
    """The severe-day threshold for ``day`` (see the module docstring for the order)."""
    if own_threshold is not None:
        if not 1 <= own_threshold <= DIARY_MAX:
            raise ValueError(f"a diary threshold is between 1 and {DIARY_MAX}")
        return DiaryThreshold(own_threshold, ThresholdBasis.OWN)
    first = day - timedelta(days=PERSONAL_WINDOW_DAYS)
    window = [score.total for score in scores if first <= score.day < day]
    if len(window) >= PERSONAL_MIN_DAYS:
        value = min(max(_ceil_mean_plus_two_sd(window), PERSONAL_FLOOR), PERSONAL_CEILING)
        return DiaryThreshold(value, ThresholdBasis.PERSONAL_BASELINE)
    return DiaryThreshold(DEFAULT_DIARY_THRESHOLD, ThresholdBasis.DEFAULT)


def _ceil_mean_plus_two_sd(values: Sequence[int]) -> int:
    """Smallest whole number at or above mean + 2 × sample SD, decided in exact arithmetic.

    Scores are whole points, so "total ≥ mean + 2 SD" is "total ≥ this number"; the float
    estimate is corrected with exact comparisons so a boundary such as exactly 15 never rounds
    to 16.
    """
    mean = Fraction(sum(values), len(values))
    variance = sum(((value - mean) ** 2 for value in values), Fraction(0)) / (len(values) - 1)

    def reaches(candidate: int) -> bool:
        gap = candidate - mean
        return gap >= 0 and gap * gap >= 4 * variance

    candidate = math.ceil(statistics.fmean(values) + 2 * statistics.stdev(values))
    while not reaches(candidate):
        candidate += 1
    while reaches(candidate - 1):
        candidate -= 1
    return candidate


def _step_cause(steps: Sequence[PlanStepView], day: date) -> tuple[str, bool]:
    index = step_on(steps, day)
    if index is None:
        return f"day:{day.isoformat()}", False
    return f"step:{steps[index].start_date.isoformat()}", True


SEVERE_TITLE = "Withdrawal looks severe"
# The diary explanation by where the severe threshold came from.
SEVERE_DIARY = {
    ThresholdBasis.OWN: (
        "Your withdrawal diary on %(day)s added up to %(total)s of %(max)s, at or above the level "
        "of %(level)s you chose. Withdrawal this strong deserves care and attention."
    ),
    ThresholdBasis.PERSONAL_BASELINE: (
        "Your withdrawal diary on %(day)s added up to %(total)s of %(max)s, at or above "
        "%(level)s, well above your usual scores. Withdrawal this strong deserves care and "
        "attention."
    ),
    ThresholdBasis.DEFAULT: (
        "Your withdrawal diary on %(day)s added up to %(total)s of %(max)s, at or above "
        "%(level)s, Stepdown's default for a severe day (you can set your own). Withdrawal this "
        "strong deserves care and attention."
    ),
}
SEVERE_COWS = (
    "The COWS taken on %(day)s scored %(total)s, in the moderately severe range (from %(from)s)."
)
REINSTATE = (
    "This step may be too big a cut for now",
    "Since your cut on %(day)s your withdrawal diary has been severe on %(days)s days. Going back "
    "to the previous step for a while is a normal part of tapering, not a setback.",
    "Consider going back to your previous step, and talk to a clinician about how to continue; "
    "the suggestion is on your plan page.",
)
ROSE = (
    "Symptoms have risen since your last cut",
    "For two days in a row since your cut on %(day)s, your withdrawal diary was at least half "
    "again above the %(average)s you averaged on the step before. A short pause often lets the "
    "body adjust.",
)

_HOLD_ACTION = (
    "Consider holding your current step for a week so your body can catch up; the suggestion "
    "is waiting on your plan page, and nothing changes unless you accept it."
)
_REST_ACTION = (
    "Read what helps with withdrawal, and if it does not ease, talk to a clinician about support."
)


def severe_withdrawal(
    *,
    diary: Sequence[DiaryScore],
    cows: Sequence[CowsScore] = (),
    today: date,
    steps: Sequence[PlanStepView] = (),
    own_threshold: int | None = None,
) -> tuple[Alert, ...]:
    """A ``severe_withdrawal`` alert for a diary total at or above the threshold, or COWS ≥ 25.

    Scores from the last 3 days are examined. On a plan the cause is the current step (one hold
    suggestion per step); off a plan it is the day, and no adjustment is suggested.
    """
    since = today - timedelta(days=LOOKBACK_DAYS - 1)
    alerts: list[Alert] = []
    for score in sorted(diary, key=lambda item: item.day):
        if not since <= score.day <= today:
            continue
        threshold = diary_threshold(scores=diary, day=score.day, own_threshold=own_threshold)
        if score.total >= threshold.value:
            alerts.append(
                _severe_alert(
                    steps,
                    score.day,
                    Says(
                        SEVERE_DIARY[threshold.basis],
                        {
                            "day": Day(score.day),
                            "total": score.total,
                            "max": DIARY_MAX,
                            "level": threshold.value,
                        },
                    ),
                    "SeedRisk",
                )
            )
    for cows_score in sorted(cows, key=lambda item: item.day):
        if since <= cows_score.day <= today and cows_score.total >= COWS_SEVERE:
            alerts.append(
                _severe_alert(
                    steps,
                    cows_score.day,
                    Says(
                        SEVERE_COWS,
                        {
                            "day": Day(cows_score.day),
                            "total": cows_score.total,
                            "from": COWS_SEVERE,
                        },
                    ),
                    "Wesson2003",
                )
            )
    return deduplicate((), alerts)


def _severe_alert(
    steps: Sequence[PlanStepView], day: date, explanation: Says, source: str
) -> Alert:
    cause_key, on_plan = _step_cause(steps, day)
    return notice(
        code="severe_withdrawal",
        severity=Severity.HIGH,
        title=Says(SEVERE_TITLE),
        explanation=explanation,
        action=Says(_HOLD_ACTION if on_plan else _REST_ACTION),
        source=source,
        cause_key=cause_key,
        learn_slug=LearnSlug.WITHDRAWAL,
        suggestion=Suggestion(SuggestionKind.HOLD, days=HOLD_DAYS) if on_plan else None,
    )


def _is_worse(total: int, previous_average: Fraction) -> bool:
    return (
        total >= (1 + WORSE_RISE) * previous_average
        and total - previous_average >= WORSE_MIN_POINTS
    )


def worse_after_cut(
    *,
    steps: Sequence[PlanStepView],
    diary: Sequence[DiaryScore],
    today: date,
    own_threshold: int | None = None,
) -> tuple[Alert, ...]:
    """``worse_after_cut``: symptoms much worse since the current step lowered the amount.

    Two consecutive days since the cut with the diary at least 50 % (and at least 4 points)
    above the previous step's average suggest a hold; three days at the severe threshold since
    the cut suggest going back to the previous step and talking to a clinician (the stronger
    suggestion replaces the hold). Nothing is said without 3 diary days in the previous step.
    """
    ordered = sorted(steps, key=lambda step: step.start_date)
    index = step_on(ordered, today)
    if index is None or index == 0:
        return ()
    cut, previous = ordered[index], ordered[index - 1]
    if cut.daily_g >= previous.daily_g:
        return ()
    before = [score.total for score in diary if previous.covers(score.day)]
    if len(before) < MIN_PREVIOUS_STEP_SCORES:
        return ()
    previous_average = Fraction(sum(before), len(before))
    after = sorted(
        (score for score in diary if cut.start_date <= score.day <= today),
        key=lambda score: score.day,
    )
    severe_days = [
        score
        for score in after
        if score.total
        >= diary_threshold(scores=diary, day=score.day, own_threshold=own_threshold).value
    ]
    # Written as the float's one-decimal rounding always was ("4.0", "4.3").
    shown_average = Decimal(str(round(float(previous_average), 1)))
    if len(severe_days) >= SEVERE_DAYS_FOR_REINSTATE:
        return (
            notice(
                code="worse_after_cut",
                severity=Severity.HIGH,
                title=Says(REINSTATE[0]),
                explanation=Says(
                    REINSTATE[1], {"day": Day(cut.start_date), "days": len(severe_days)}
                ),
                action=Says(REINSTATE[2]),
                source="Maudsley2024",
                cause_key=f"step:{cut.start_date.isoformat()}:reinstate",
                learn_slug=LearnSlug.TAPERING,
                suggestion=Suggestion(SuggestionKind.REINSTATE),
            ),
        )
    worse_days = {score.day for score in after if _is_worse(score.total, previous_average)}
    if not any(day + timedelta(days=1) in worse_days for day in worse_days):
        return ()
    return (
        notice(
            code="worse_after_cut",
            severity=Severity.MODERATE,
            title=Says(ROSE[0]),
            explanation=Says(ROSE[1], {"day": Day(cut.start_date), "average": shown_average}),
            action=Says(_HOLD_ACTION),
            source="Maudsley2024",
            cause_key=f"step:{cut.start_date.isoformat()}:hold",
            learn_slug=LearnSlug.TAPERING,
            suggestion=Suggestion(SuggestionKind.HOLD, days=HOLD_DAYS),
        ),
    )


MESSAGES: dict[str, tuple[str, ...]] = {
    "severe_withdrawal": (
        SEVERE_TITLE,
        *SEVERE_DIARY.values(),
        SEVERE_COWS,
        _HOLD_ACTION,
        _REST_ACTION,
    ),
    "worse_after_cut": (*REINSTATE, *ROSE, _HOLD_ACTION),
}
