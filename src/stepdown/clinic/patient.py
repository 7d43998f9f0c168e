"""A person's data as a clinician sees it on the patient page, its API route and the report.

Only the data classes the consent in force names are read at all: a class the consent does not
name is ``None`` here, so a page, a JSON key or a report section cannot show it by mistake.
A constant number of queries whatever the length of the person's history (the series come from
the check-ins' Trends reader, which reads each source once for the whole range).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from stepdown.accounts.clock import day_start
from stepdown.accounts.models import User
from stepdown.alerts.models import Alert
from stepdown.alerts.selectors import alerts_for
from stepdown.audit.models import DataClass
from stepdown.checkins.history import latest_per_day
from stepdown.checkins.trends import Trends, trends_for
from stepdown.checkins.wording import band_label
from stepdown.clinic.access import require_person
from stepdown.clinic.models import Consent, Note
from stepdown.clinic.notes import notes_for_viewer
from stepdown.clinic.proposals import ProposalView, proposals_for_viewer
from stepdown.core.interactions.model import Report
from stepdown.core.triage import alert_shown
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.plans.selectors import current_plan, plan_history
from stepdown.skin.models import PhotoSession
from stepdown.skin.selectors import sessions_for
from stepdown.substances.selectors import medicine_reports

# The page, the API and the report cover the same period: the shared time axis of the chart.
PATIENT_DAYS = 90
QUESTIONNAIRES = ("phq9", "gad7", "cows")
SHORT_NAMES = {"phq9": "PHQ-9", "gad7": "GAD-7", "cows": "COWS"}
SKIN_SESSIONS = 12
# The page and its API route show the newest notes and proposals (a bounded number of queries:
# each open proposal's preview is computed); the report lists every one of its period.
RECENT_ITEMS = 10
# The order sections appear in, and the order the access log lists them.
SECTION_ORDER: tuple[str, ...] = tuple(DataClass.values)


@dataclass(frozen=True)
class Score:
    """One questionnaire total with its band, as the core instrument names it."""

    instrument: str
    name: str
    day: dt.date
    total: int
    band: str
    band_label: str
    entered_by_clinician: bool


@dataclass(frozen=True)
class Adherence:
    """Days of the period with a plan target, and how many of them stayed at or under it."""

    days_with_target: int
    days_logged: int
    days_within: int

    @property
    def percent(self) -> int | None:
        if not self.days_logged:
            return None
        return round(100 * self.days_within / self.days_logged)


@dataclass(frozen=True)
class PatientData:
    viewer: User
    person: User
    consent: Consent
    classes: tuple[str, ...]
    start: dt.date
    end: dt.date
    trends: Trends
    alerts: list[Alert]
    plan: Plan | None = None
    plan_changes: list[PlanAdjustment] = field(default_factory=list)
    adherence: Adherence | None = None
    scores: list[Score] | None = None
    medicines: tuple[Report, ...] | None = None
    skin: list[PhotoSession] | None = None
    notes: list[Note] | None = None
    proposals: list[ProposalView] | None = None

    @property
    def display_name(self) -> str:
        """The full name the person signed the consent with."""
        return self.consent.signature

    def shows(self, data_class: str) -> bool:
        return data_class in self.classes

    def series(self, key: str) -> list[Any]:
        return list(self.trends.series.get(key, []))


# Which series each data class contributes to the shared chart.
SERIES_CLASS: dict[str, str] = {
    "dose_g": DataClass.JOURNAL,
    "target_g": DataClass.PLAN,
    "withdrawal": DataClass.CHECKINS,
    "craving": DataClass.CHECKINS,
    "phq9": DataClass.CHECKINS,
    "gad7": DataClass.CHECKINS,
    "cows": DataClass.CHECKINS,
}


def _shown_classes(consent: Consent) -> tuple[str, ...]:
    return tuple(code for code in SECTION_ORDER if code in consent.data_classes)


def _scores(person: User, start: dt.date, end: dt.date) -> tuple[list[Score], list[int | None]]:
    """Every PHQ-9, GAD-7 and COWS total of the period (newest first) and the COWS series."""
    by_day = latest_per_day(owner=person, instruments=QUESTIONNAIRES, start=start, end=end)
    scores: list[Score] = []
    for code in QUESTIONNAIRES:
        for day, response in by_day[code].items():
            if response.total is None:
                continue
            scores.append(
                Score(
                    instrument=code,
                    name=SHORT_NAMES[code],
                    day=day,
                    total=response.total,
                    band=response.band,
                    # One place words a band (checkins.wording), as the check-in pages do.
                    band_label=band_label(code, response.band) or response.band,
                    entered_by_clinician=response.entered_by_id is not None,
                )
            )
    scores.sort(key=lambda s: (s.day, s.instrument), reverse=True)
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    cows = [by_day["cows"][d].total if d in by_day["cows"] else None for d in days]
    return scores, cows


def _adherence(trends: Trends) -> Adherence:
    pairs = [
        (dose, target)
        for dose, target in zip(trends.series["dose_g"], trends.series["target_g"], strict=True)
        if target is not None
    ]
    logged = [(dose, target) for dose, target in pairs if dose is not None]
    return Adherence(
        days_with_target=len(pairs),
        days_logged=len(logged),
        # A thousandth of a gram of slack: the totals and targets are rounded decimals.
        days_within=sum(1 for dose, target in logged if dose <= target + 0.001),
    )


def _limit(trends: Trends, classes: tuple[str, ...], cows: list[int | None]) -> Trends:
    """The Trends with only the consented series (and the COWS series added)."""
    series: dict[str, list[Any]] = {"days": trends.series["days"]}
    for key, data_class in SERIES_CLASS.items():
        if data_class in classes:
            series[key] = cows if key == "cows" else trends.series[key]
    if series.get("dose_g") and series["dose_g"][-1] == 0:
        # Today before its first dose: the person's own chart shows "so far 0 g", but on the
        # clinician's line the unfinished day reads as a drop to nothing.
        series["dose_g"] = [*series["dose_g"][:-1], None]
    marks = trends.marks if DataClass.PLAN in classes else []
    return Trends(
        start=trends.start,
        end=trends.end,
        days=trends.days,
        series=series,
        marks=marks,
        has_checkins=trends.has_checkins and DataClass.CHECKINS in classes,
        has_doses=trends.has_doses and DataClass.JOURNAL in classes,
        first_day=trends.first_day,
    )


def patient_data(*, viewer: User, person_id: int, report: bool = False) -> PatientData:
    """What ``viewer`` may see of the person: ``NotFound`` unless a consent in force covers them.
    With ``report``, every note and proposal of the period instead of the newest few."""
    consent = require_person(viewer, person_id)
    person = User.objects.get(pk=person_id)
    classes = _shown_classes(consent)
    full = trends_for(owner=person, days=PATIENT_DAYS)
    start, end = full.start, full.end
    scores: list[Score] | None = None
    cows: list[int | None] = []
    if DataClass.CHECKINS in classes:
        scores, cows = _scores(person, start, end)
    trends = _limit(full, classes, cows)
    plan = current_plan(owner=person) if DataClass.PLAN in classes else None
    changes = plan_history(owner=person, plan_id=plan.pk) if plan is not None else []
    both = DataClass.PLAN in classes and DataClass.JOURNAL in classes
    # The notes and proposals selectors decide again which clinic's items the viewer may read.
    window: dict[str, Any] = (
        {"since": day_start(person, start)} if report else {"limit": RECENT_ITEMS}
    )
    return PatientData(
        viewer=viewer,
        person=person,
        consent=consent,
        classes=classes,
        start=start,
        end=end,
        trends=trends,
        alerts=[
            alert
            for alert in alerts_for(owner=person).exclude(status=Alert.Status.RESOLVED)
            if alert_shown(alert.code, classes)
        ],
        plan=plan,
        plan_changes=changes,
        adherence=_adherence(full) if both else None,
        scores=scores,
        medicines=(medicine_reports(owner=person) if DataClass.MEDICINES in classes else None),
        skin=(
            list(sessions_for(owner=person)[:SKIN_SESSIONS]) if DataClass.SKIN in classes else None
        ),
        notes=(
            notes_for_viewer(viewer, person_id, **window) if DataClass.NOTES in classes else None
        ),
        proposals=(
            proposals_for_viewer(viewer, person_id, **window) if DataClass.PLAN in classes else None
        ),
    )
