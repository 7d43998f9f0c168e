"""Signals that tolerance may be building, read from the dose journal (docs/alerts.md).

Three signals, each comparing the last week with the person's own recent past:

- ``average_rise``: the daily average over the last 7 days is at least 20 % above the daily
  average of the 28 days before.
- ``doses_per_day_rising``: on days with use, the last 7 days average at least one dose a day
  more than the 28 days before.
- ``daily_run``: the current run of consecutive days with use is at least 3 days and longer than
  any run in the 28 days before it began.

**Minimum-data rule.** A signal needs a baseline that is really there. Days before the journal
started are unknown, not "no use", so every signal needs its whole 28-day baseline window inside
the journal: the journal must have started at least 34 days before ``today`` (7 + 28 = 35 days
of journal) for the first two, and at least 28 days before the current run began for the third.
The first two also need at least 4 days with use in the baseline (about one a week), so a couple
of scattered doses do not make a "usual" level. The journal is the record: a day inside it with
nothing logged counts as a day without use.

``today`` is the last day counted; the web app's daily job passes yesterday (a complete day),
the after-dose check passes today.

References:
    Hill2024 (tolerance in 81 % of people with kratom use disorder), Rogers2024 (withdrawal and
    use disorder track how often people dose more than how much), SeedRisk (needing more for the
    same effect is how dependence develops). The 20 % rise, the one-dose step, the 3-day run and
    the 4 baseline days are assumptions: Stepdown's choice of changes large enough to stand out
    from ordinary week-to-week variation, not published cut-offs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from stepdown.core.rules.alert import Alert, Severity, notice
from stepdown.core.rules.inputs import DayTotal, index_days
from stepdown.core.rules.learn import LearnSlug
from stepdown.core.says import Day, Grams, Percent, Says, Value

RECENT_DAYS = 7
BASELINE_DAYS = 28
# Assumption: a 20 % rise in the weekly average is larger than ordinary variation.
AVERAGE_RISE = Decimal("0.20")
# Assumption: doses are counted in whole numbers, one more a day is the smallest real change.
DOSES_PER_DAY_RISE = Fraction(1)
# Assumption: about one day of use a week before a "usual level" means anything.
MIN_BASELINE_USE_DAYS = 4
# Assumption: averaging doses per day over fewer than 3 days of use is too noisy.
MIN_RECENT_USE_DAYS = 3
# Assumption: two days in a row are common (a weekend); three are the first that stand out.
MIN_RUN_DAYS = 3


class SignalKind(StrEnum):
    AVERAGE_RISE = "average_rise"
    DOSES_PER_DAY_RISING = "doses_per_day_rising"
    DAILY_RUN = "daily_run"


@dataclass(frozen=True)
class ToleranceSignal:
    """One signal with the numbers behind it (recent versus baseline)."""

    kind: SignalKind
    recent: Decimal
    baseline: Decimal
    run_start: date | None = None


def _window(today: date, *, end_offset: int, length: int) -> list[date]:
    last = today - timedelta(days=end_offset)
    return [last - timedelta(days=back) for back in range(length - 1, -1, -1)]


def baseline_ready(*, journal_start: date, today: date) -> bool:
    """Whether 7 recent days and the 28 before them all lie inside the journal."""
    return journal_start <= today - timedelta(days=RECENT_DAYS + BASELINE_DAYS - 1)


def _average_rise(indexed: Mapping[date, DayTotal], today: date) -> ToleranceSignal | None:
    recent = _window(today, end_offset=0, length=RECENT_DAYS)
    baseline = _window(today, end_offset=RECENT_DAYS, length=BASELINE_DAYS)
    base_totals = [indexed[day] for day in baseline if day in indexed]
    if sum(1 for total in base_totals if total.used) < MIN_BASELINE_USE_DAYS:
        return None
    recent_g = sum((indexed[day].total_g for day in recent if day in indexed), Decimal(0))
    base_g = sum((total.total_g for total in base_totals), Decimal(0))
    # recent_g / 7 >= 1.2 * base_g / 28, kept free of division so the edge is exact.
    if base_g == 0 or recent_g * BASELINE_DAYS < (1 + AVERAGE_RISE) * base_g * RECENT_DAYS:
        return None
    return ToleranceSignal(
        kind=SignalKind.AVERAGE_RISE,
        recent=recent_g / RECENT_DAYS,
        baseline=base_g / BASELINE_DAYS,
    )


def _doses_rising(indexed: Mapping[date, DayTotal], today: date) -> ToleranceSignal | None:
    recent = [
        indexed[day]
        for day in _window(today, end_offset=0, length=RECENT_DAYS)
        if day in indexed and indexed[day].used
    ]
    baseline = [
        indexed[day]
        for day in _window(today, end_offset=RECENT_DAYS, length=BASELINE_DAYS)
        if day in indexed and indexed[day].used
    ]
    if len(recent) < MIN_RECENT_USE_DAYS or len(baseline) < MIN_BASELINE_USE_DAYS:
        return None
    recent_mean = Fraction(sum(total.dose_count for total in recent), len(recent))
    base_mean = Fraction(sum(total.dose_count for total in baseline), len(baseline))
    if recent_mean - base_mean < DOSES_PER_DAY_RISE:
        return None
    return ToleranceSignal(
        kind=SignalKind.DOSES_PER_DAY_RISING,
        recent=Decimal(recent_mean.numerator) / recent_mean.denominator,
        baseline=Decimal(base_mean.numerator) / base_mean.denominator,
    )


def _used(indexed: Mapping[date, DayTotal], day: date) -> bool:
    return day in indexed and indexed[day].used


def _longest_run(indexed: Mapping[date, DayTotal], days: Sequence[date]) -> int:
    longest = current = 0
    for day in days:
        current = current + 1 if _used(indexed, day) else 0
        longest = max(longest, current)
    return longest


def _daily_run(
    indexed: Mapping[date, DayTotal], today: date, journal_start: date
) -> ToleranceSignal | None:
    # Early in the day nothing may be logged yet; the run through yesterday is still current.
    last = today if _used(indexed, today) else today - timedelta(days=1)
    start = last
    while start > journal_start and _used(indexed, start - timedelta(days=1)):
        start -= timedelta(days=1)
    if not _used(indexed, last):
        return None
    length = (last - start).days + 1
    if length < MIN_RUN_DAYS or start - timedelta(days=BASELINE_DAYS) < journal_start:
        return None
    usual = _longest_run(indexed, _window(start, end_offset=1, length=BASELINE_DAYS))
    if length <= usual:
        return None
    return ToleranceSignal(
        kind=SignalKind.DAILY_RUN,
        recent=Decimal(length),
        baseline=Decimal(usual),
        run_start=start,
    )


def tolerance_signals(
    *, days: Sequence[DayTotal], journal_start: date, today: date
) -> tuple[ToleranceSignal, ...]:
    """The tolerance signals present on ``today`` (none until the minimum data exist)."""
    indexed = index_days(total for total in days if journal_start <= total.day <= today)
    signals: list[ToleranceSignal] = []
    if baseline_ready(journal_start=journal_start, today=today):
        for found in (_average_rise(indexed, today), _doses_rising(indexed, today)):
            if found is not None:
                signals.append(found)
    run = _daily_run(indexed, today, journal_start)
    if run is not None:
        signals.append(run)
    return tuple(signals)


_ACTION = (
    "Look at the last five weeks on the Trends page; if you would like to bring use back down, "
    "you can start a gradual plan from there."
)


CREEPING = (
    "Your daily amount has been creeping up",
    "Over the last 7 days you averaged %(recent)s a day, %(rise)s more than the %(baseline)s a "
    "day of the four weeks before. Using more over time can be an early sign of tolerance.",
)
MORE_DOSES = (
    "More doses a day than before",
    "On days you used this week you took about %(recent)s doses, up from about %(baseline)s in "
    "the four weeks before. For withdrawal later on, how often people dose seems to matter more "
    "than how much.",
)
IN_A_ROW = (
    "More days in a row than usual",
    "You have used every day since %(day)s (%(days)s days in a row); in the four weeks before, "
    "your longest run was %(longest)s. Days off help keep tolerance from building.",
)
MESSAGES: dict[str, tuple[str, ...]] = {
    "escalation": (*CREEPING, *MORE_DOSES, *IN_A_ROW, _ACTION),
}


def _explain(signal: ToleranceSignal) -> tuple[Says, Says, str]:
    """Title, explanation and source for one signal."""
    if signal.kind is SignalKind.AVERAGE_RISE:
        rise = signal.recent / signal.baseline - 1
        numbers: dict[str, Value] = {
            "recent": Grams(signal.recent),
            "rise": Percent(rise),
            "baseline": Grams(signal.baseline),
        }
        return Says(CREEPING[0]), Says(CREEPING[1], numbers), "Hill2024"
    if signal.kind is SignalKind.DOSES_PER_DAY_RISING:
        doses: dict[str, Value] = {
            "recent": signal.recent.quantize(Decimal("0.1")),
            "baseline": signal.baseline.quantize(Decimal("0.1")),
        }
        return Says(MORE_DOSES[0]), Says(MORE_DOSES[1], doses), "Rogers2024"
    run: dict[str, Value] = {
        "day": Day(signal.run_start or date.min),
        "days": signal.recent,
        "longest": signal.baseline,
    }
    return Says(IN_A_ROW[0]), Says(IN_A_ROW[1], run), "SeedRisk"


def escalation_alerts(
    *, days: Sequence[DayTotal], journal_start: date, today: date
) -> tuple[Alert, ...]:
    """The ``escalation`` alert for each tolerance signal present on ``today``.

    The cause is the signal (and, for a run, the day it began), so a lasting rise keeps one open
    alert rather than one a day.
    """
    alerts = []
    for signal in tolerance_signals(days=days, journal_start=journal_start, today=today):
        title, explanation, source = _explain(signal)
        cause = signal.kind.value
        if signal.run_start is not None:
            cause = f"{cause}:{signal.run_start.isoformat()}"
        alerts.append(
            notice(
                code="escalation",
                severity=Severity.MODERATE,
                title=title,
                explanation=explanation,
                action=Says(_ACTION),
                source=source,
                cause_key=cause,
                learn_slug=LearnSlug.TOLERANCE_AND_DEPENDENCE,
            )
        )
    return tuple(alerts)
