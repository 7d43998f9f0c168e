"""Every rule by its code, behind one dispatcher that validates the names.

The web app builds one :class:`RuleContext` with what it has loaded (fields it did not load stay
empty, and rules with nothing to read return nothing), then asks for the rules that the write
could trigger, e.g. ``evaluate_rules(context=ctx, codes=("over_daily_limit", "escalation"))``
after a dose, or all of them in the daily job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from stepdown.core.rules import limits, plan, products, safety, tolerance, trend, withdrawal
from stepdown.core.rules.alert import Alert, by_severity, deduplicate
from stepdown.core.rules.inputs import (
    CowsScore,
    DayTotal,
    DiaryScore,
    DoseEvent,
    InteractionFinding,
    Limits,
    PlanStepView,
    ProductSwitch,
    ProductView,
    QuestionnaireFlag,
    SideEffectReport,
    day_totals,
    reports_from_flags,
)


@dataclass(frozen=True)
class RuleContext:
    """A person's recent history as the rules see it (local dates; see ``inputs``).

    ``days`` may be left empty when ``doses`` are given: the totals are then computed from the
    doses. ``journal_start`` is the first day the journal covers; without it the first logged
    day is taken, which can only make the tolerance rules more cautious.
    """

    today: date
    journal_start: date | None = None
    days: tuple[DayTotal, ...] = ()
    doses: tuple[DoseEvent, ...] = ()
    limits: Limits = field(default_factory=Limits)
    steps: tuple[PlanStepView, ...] = ()
    diary: tuple[DiaryScore, ...] = ()
    own_diary_threshold: int | None = None
    cows: tuple[CowsScore, ...] = ()
    flags: tuple[QuestionnaireFlag, ...] = ()
    side_effects: tuple[SideEffectReport, ...] = ()
    products: tuple[ProductView, ...] = ()
    switches: tuple[ProductSwitch, ...] = ()
    interactions: tuple[InteractionFinding, ...] = ()
    checkin_days: frozenset[date] = frozenset()

    @property
    def day_totals(self) -> tuple[DayTotal, ...]:
        return self.days if self.days else day_totals(self.doses)


def _escalation(ctx: RuleContext) -> tuple[Alert, ...]:
    totals = ctx.day_totals
    start = ctx.journal_start or min((total.day for total in totals), default=None)
    if start is None:
        return ()
    return tolerance.escalation_alerts(days=totals, journal_start=start, today=ctx.today)


def _use_rising(ctx: RuleContext) -> tuple[Alert, ...]:
    totals = ctx.day_totals
    start = ctx.journal_start or min((total.day for total in totals), default=None)
    return trend.use_rising(days=totals, journal_start=start, today=ctx.today)


Rule = Callable[[RuleContext], tuple[Alert, ...]]

ALERT_RULES: dict[str, Rule] = {
    # goals and limits (docs/alerts.md): gentle nudges
    "over_daily_limit": lambda c: limits.over_daily_limit(days=c.day_totals, limits=c.limits),
    "too_many_days": lambda c: limits.too_many_days(days=c.day_totals, limits=c.limits),
    "off_day_use": lambda c: limits.off_day_use(days=c.day_totals, limits=c.limits),
    "doses_too_close": lambda c: limits.doses_too_close(doses=c.doses, limits=c.limits),
    "late_use": lambda c: limits.late_use(doses=c.doses, limits=c.limits),
    "past_goal_end": lambda c: limits.past_goal_end(days=c.day_totals, limits=c.limits),
    # safety net (docs/alerts.md)
    "self_harm": lambda c: safety.self_harm(flags=c.flags),
    "severe_withdrawal": lambda c: withdrawal.severe_withdrawal(
        diary=c.diary,
        cows=c.cows,
        today=c.today,
        steps=c.steps,
        own_threshold=c.own_diary_threshold,
    ),
    "worse_after_cut": lambda c: withdrawal.worse_after_cut(
        steps=c.steps, diary=c.diary, today=c.today, own_threshold=c.own_diary_threshold
    ),
    "over_target": lambda c: plan.over_target(days=c.day_totals, steps=c.steps, today=c.today),
    "escalation": _escalation,
    "use_rising": _use_rising,
    "potency_jump": lambda c: products.potency_jump(switches=c.switches),
    "seven_oh_product": lambda c: products.seven_oh_product(products=c.products),
    "failed_contaminant": lambda c: products.failed_contaminant(products=c.products),
    "interaction": lambda c: safety.interaction(findings=c.interactions),
    "missed_checkins": lambda c: plan.missed_checkins(
        checkin_days=c.checkin_days, steps=c.steps, today=c.today
    ),
    "medical_warning": lambda c: safety.medical_warning(
        reports=c.side_effects + reports_from_flags(c.flags)
    ),
}

LIMIT_RULES = (
    "over_daily_limit",
    "too_many_days",
    "off_day_use",
    "doses_too_close",
    "late_use",
    "past_goal_end",
)
# Gentle nudges about the person's own trend, shown to them (the goals app), not to a clinician.
TREND_RULES = ("use_rising",)
SAFETY_NET_RULES = tuple(
    code for code in ALERT_RULES if code not in LIMIT_RULES and code not in TREND_RULES
)

# Every message each rule may word its notices with (titles, explanation sentences, actions),
# and the fixed words that fill their holes: the web app translates exactly these.
NOTICE_MESSAGES: dict[str, tuple[str, ...]] = {
    **limits.MESSAGES,
    **safety.MESSAGES,
    **withdrawal.MESSAGES,
    **plan.MESSAGES,
    **tolerance.MESSAGES,
    **trend.MESSAGES,
    **products.MESSAGES,
}
NOTICE_WORDS: tuple[str, ...] = (*limits.WORDS, *products.WORDS)


def check_wording(alert: Alert) -> Alert:
    """``alert``, when its wording uses only the messages its rule lists (the ones the web app
    translates); else ``ValueError``. The notices' one store checks each alert with it."""
    if alert.wording is not None:
        unknown = set(alert.wording.messages) - set(NOTICE_MESSAGES.get(alert.code, ()))
        if unknown:
            raise ValueError(f"{alert.code} words a notice with unlisted messages: {unknown}")
    return alert


def evaluate_rules(
    *, context: RuleContext, codes: Iterable[str] | None = None
) -> tuple[Alert, ...]:
    """Run the named rules (all when ``codes`` is ``None``); the most urgent alerts first.

    Raises ``ValueError`` naming any unknown rule code. Alerts with the same code and cause are
    returned once; the caller then drops those already open with
    :func:`~stepdown.core.rules.alert.deduplicate`.
    """
    chosen = tuple(ALERT_RULES) if codes is None else tuple(codes)
    unknown = sorted(set(chosen) - set(ALERT_RULES))
    if unknown:
        known = ", ".join(ALERT_RULES)
        raise ValueError(f"unknown rule {', '.join(unknown)}; known rules: {known}")
    found: list[Alert] = []
    for code in dict.fromkeys(chosen):
        found.extend(ALERT_RULES[code](context))
    return by_severity(deduplicate((), found))
