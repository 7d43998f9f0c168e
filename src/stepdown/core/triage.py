"""Who needs a clinician's attention first: the dashboard's reasons and their order.

Pure decisions only. The clinic app gathers the facts (stored alerts of the notice pipeline, the
last dose and check-in, the plan, the questionnaire schedules) and this module says which
reasons hold, in which order the rows go, and in which words each reason is said.

Most reasons are not judged again here: they are the safety-net alerts the notice pipeline
already stored (``ALERT_REASONS``), so each rule exists once (``stepdown.core.rules``). Only
disengagement (no dose and no check-in), an overdue questionnaire and a due plan step are
decided here, from dates the caller read.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from stepdown.core.rules.alert import Severity


class Reason(StrEnum):
    """The attention codes (issue #15, section 7: the names are a contract)."""

    SELF_HARM = "self_harm"
    SEVERE_WITHDRAWAL = "severe_withdrawal"
    ABOVE_PLAN = "above_plan"
    SEVEN_OH_SWITCH = "seven_oh_switch"
    DISENGAGED = "disengaged"
    QUESTIONNAIRE_OVERDUE = "questionnaire_overdue"
    STEP_DUE = "step_due"


WORDS_SELF_HARM = "Answered a check-in question about self-harm"

# The stored alert code (``stepdown.core.rules``) behind each reason that the notice pipeline
# already decides: ``self_harm`` from a check-in's self-harm answer (PHQ-9 item 9 or the daily
# question), ``severe_withdrawal`` from the withdrawal diary or a COWS ≥ 25, ``over_target``
# from doses ≥ 25 % above the plan's target on 3 of the last 5 days, ``seven_oh_product`` from
# doses of a product whose form is 7-OH.
ALERT_REASONS: dict[str, Reason] = {
    "self_harm": Reason.SELF_HARM,
    "severe_withdrawal": Reason.SEVERE_WITHDRAWAL,
    "over_target": Reason.ABOVE_PLAN,
    "seven_oh_product": Reason.SEVEN_OH_SWITCH,
}

# The data classes a consent must name for a reason to be shown: a reason drawn from data the
# person did not share would disclose it.
NEEDS: dict[Reason, frozenset[str]] = {
    Reason.SELF_HARM: frozenset({"checkins"}),
    Reason.SEVERE_WITHDRAWAL: frozenset({"checkins"}),
    Reason.ABOVE_PLAN: frozenset({"journal", "plan"}),
    Reason.SEVEN_OH_SWITCH: frozenset({"journal"}),
    Reason.DISENGAGED: frozenset({"journal", "checkins"}),
    Reason.QUESTIONNAIRE_OVERDUE: frozenset({"checkins"}),
    Reason.STEP_DUE: frozenset({"plan"}),
}

# The data classes each stored alert draws on: a clinician sees an alert only when the consent
# names all of them, or its title would disclose what was not shared. A code missing here is
# never shown (tests/core/test_triage_alert_scope.py checks that every rule code is listed).
ALERT_NEEDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            "over_daily_limit", "too_many_days", "off_day_use", "doses_too_close", "late_use",
            "past_goal_end", "escalation", "use_rising", "potency_jump", "seven_oh_product",
            "failed_contaminant",
        ),
        frozenset({"journal"}),
    ),
    "over_target": frozenset({"journal", "plan"}),
    "self_harm": frozenset({"checkins"}),
    "severe_withdrawal": frozenset({"checkins"}),
    "medical_warning": frozenset({"checkins"}),
    "worse_after_cut": frozenset({"checkins", "plan"}),
    "missed_checkins": frozenset({"checkins", "plan"}),
    "interaction": frozenset({"medicines"}),
}  # fmt: skip


# How a clinician reads each stored alert. The stored titles speak to the person ("You do not
# have to face this alone", "Above your daily limit"); shown on a clinician's screens or in a
# report they would read as addressed to the clinician. ``{title}`` keeps the stored title where
# it names the specific thing (the symptom, the substance) in neutral words. Every code of
# ``ALERT_NEEDS`` has one (tests/core/test_triage_alert_scope.py).
STAFF_TITLES: dict[str, str] = {
    "over_daily_limit": "Above their own daily limit",
    "too_many_days": "More days of use in a week than they planned",
    "off_day_use": "Used on a day they planned to keep free",
    "doses_too_close": "Doses closer together than they planned",
    "late_use": "A dose later in the day than they planned",
    "past_goal_end": "Still using after their goal's end date",
    "escalation": "Signs of rising tolerance (amount or doses a day)",
    "use_rising": "Their use is going up",
    "potency_jump": "Switched to a stronger product",
    "seven_oh_product": "Using a concentrated 7-OH product",
    "failed_contaminant": "Using a product that failed a contaminant test",
    "over_target": "Doses above the plan's target",
    "self_harm": WORDS_SELF_HARM,
    "severe_withdrawal": "Severe withdrawal (diary or COWS 25 or more)",
    "medical_warning": "Warning symptom: {title}",
    "worse_after_cut": "Symptoms rose after the last cut",
    "missed_checkins": "No check-ins for several days during the plan",
    "interaction": "Interaction: {title}",
}


def staff_title(code: str, stored_title: str) -> str:
    """The clinician's words for a stored alert (its own title for an unknown code)."""
    wording = STAFF_TITLES.get(code)
    return stored_title if wording is None else wording.format(title=stored_title)


# The stored alerts that reach the clinicians at once, by email and on ``GET
# /api/v1/clinic/alerts``: a self-harm signal and severe withdrawal (diary or COWS ≥ 25), the
# two events that cannot wait for the next look at the dashboard (issue #15). The others wait
# on the dashboard, so an email stays rare enough to be read.
CLINIC_ALERT_CODES: frozenset[str] = frozenset({"self_harm", "severe_withdrawal"})


def alert_shown(code: str, data_classes: Iterable[str]) -> bool:
    """Whether a consent naming ``data_classes`` lets a clinician see a stored alert."""
    needs = ALERT_NEEDS.get(code)
    return needs is not None and needs <= frozenset(data_classes)


# Severities of the reasons decided here (the others keep their stored alert's severity).
# Assumptions: three silent days matter more than a late questionnaire or a routine step.
DISENGAGED_SEVERITY = Severity.MODERATE
OVERDUE_SEVERITY = Severity.LOW
STEP_DUE_SEVERITY = Severity.LOW

# No dose and no check-in on the last 3 local days (today included): the same 3 days the
# ``missed_checkins`` rule waits (``core.rules.plan.MISSED_CHECKIN_DAYS``).
DISENGAGED_DAYS = 3

_SEVERITY_RANK = {
    Severity.CRITICAL.value: 0,
    Severity.HIGH.value: 1,
    Severity.MODERATE.value: 2,
    Severity.LOW.value: 3,
    Severity.INFO.value: 4,
}

WORDS: dict[Reason, str] = {
    Reason.SELF_HARM: WORDS_SELF_HARM,
    Reason.SEVERE_WITHDRAWAL: "Severe withdrawal (diary or COWS 25 or more)",
    Reason.ABOVE_PLAN: "Doses above the plan's target on 3 of the last 5 days",
    Reason.SEVEN_OH_SWITCH: "Switched to a 7-OH product",
    Reason.DISENGAGED: "No dose and no check-in logged for 3 days",
    Reason.QUESTIONNAIRE_OVERDUE: "A scheduled questionnaire is overdue",
    Reason.STEP_DUE: "A plan step is due",
}


@dataclass(frozen=True)
class Attention:
    """One reason a person needs attention, since when, and how much."""

    code: Reason
    severity: str
    since: dt.datetime

    @property
    def words(self) -> str:
        return WORDS[self.code]


def allowed(reason: Reason, data_classes: Iterable[str]) -> bool:
    """Whether a consent naming ``data_classes`` lets the reason be shown."""
    return NEEDS[reason] <= frozenset(data_classes)


def merge(found: Iterable[Attention]) -> list[Attention]:
    """One entry per reason: the most severe, and the earliest ``since`` among the same code."""
    best: dict[Reason, Attention] = {}
    for item in found:
        held = best.get(item.code)
        if held is None:
            best[item.code] = item
            continue
        severity = min(held.severity, item.severity, key=_SEVERITY_RANK.__getitem__)
        best[item.code] = Attention(item.code, severity, min(held.since, item.since))
    return sorted(best.values(), key=_item_key)


def _item_key(item: Attention) -> tuple[int, int, dt.datetime]:
    return (item.code is not Reason.SELF_HARM, _SEVERITY_RANK[item.severity], item.since)


def row_key(attention: Sequence[Attention], name: str) -> tuple[int, int, float, str]:
    """Sort key of a dashboard row: an open self-harm signal first, then the most severe reason,
    then the oldest (waiting longest), then by name; people without a reason last. The moment
    is a POSIX timestamp: comparing datetimes of different time zones, a thousand rows' worth,
    took a tenth of the dashboard's time."""
    if not attention:
        return (2, len(_SEVERITY_RANK), math.inf, name.casefold())
    top = min(attention, key=_item_key)
    return (
        0 if top.code is Reason.SELF_HARM else 1,
        _SEVERITY_RANK[top.severity],
        top.since.timestamp(),
        name.casefold(),
    )


def silent_since(
    *, last_dose_day: dt.date | None, last_checkin_day: dt.date | None
) -> dt.date | None:
    """The day after the last dose or check-in, whichever came later; ``None`` if neither."""
    last = max((day for day in (last_dose_day, last_checkin_day) if day), default=None)
    return last + dt.timedelta(days=1) if last is not None else None


def disengaged(
    *, silent_since: dt.date | None, first_day: dt.date, today: dt.date
) -> dt.date | None:
    """The local day silence began when nothing was logged on the last ``DISENGAGED_DAYS``
    days (today included), else ``None``. ``silent_since`` comes from :func:`silent_since`;
    ``first_day`` (when the person started sharing or joined) bounds the silence: a person who
    never logged is disengaged from that day on."""
    began = silent_since if silent_since is not None else first_day
    if (today - began).days + 1 >= DISENGAGED_DAYS:
        return began
    return None


def step_due(*, step_starts: Iterable[dt.date], today: dt.date) -> dt.date | None:
    """The start of a plan step (not the plan's first) that begins today: the day to cut."""
    starts = sorted(step_starts)
    return today if today in starts[1:] else None
