"""API bodies of the patient routes. A data class the consent does not name is not set, and
the route leaves unset keys out (``exclude_unset``): ``medicines`` is absent, not empty."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from stepdown.alerts.models import Alert
from stepdown.clinic import wording
from stepdown.clinic.collab_schemas import NoteOut, ProposalOut
from stepdown.clinic.patient import PatientData, Score
from stepdown.core.interactions.model import Interaction
from stepdown.plans.models import Plan, PlanAdjustment
from stepdown.schemas import Out, StrictIn


class PatientConsentOut(Out):
    id: int
    clinic_id: int
    data_classes: list[str]
    signed_at: dt.datetime
    expires_at: dt.datetime | None
    expiry_event: str


class SeriesPointOut(Out):
    day: dt.date
    dose_g: float | None = None
    target_g: float | None = None


class JournalOut(Out):
    """Grams a day over the period (and the plan's target when the plan is shared too)."""

    start: dt.date
    end: dt.date
    days: list[SeriesPointOut]


class PlanChangeOut(Out):
    kind: str
    label: str
    effective_date: dt.date
    reason: str
    source: str
    end_date_before: dt.date | None
    end_date_after: dt.date

    @classmethod
    def of(cls, change: PlanAdjustment) -> PlanChangeOut:
        return cls(
            kind=change.kind,
            label=change.get_kind_display(),
            effective_date=change.effective_date,
            reason=change.reason,
            source=change.source,
            end_date_before=change.end_date_before,
            end_date_after=change.end_date_after,
        )


class PatientPlanOut(Out):
    id: int
    status: str
    method: str
    start_g: Decimal
    start_date: dt.date
    end_date: dt.date
    rate_pct: Decimal | None
    step_g: Decimal | None
    interval_days: int
    targets: list[SeriesPointOut]
    changes: list[PlanChangeOut]
    adherence_pct: int | None

    @classmethod
    def of(cls, plan: Plan, data: PatientData) -> PatientPlanOut:
        targets = [
            SeriesPointOut(day=dt.date.fromisoformat(day), target_g=target)
            for day, target in zip(data.series("days"), data.series("target_g"), strict=True)
        ]
        return cls(
            id=plan.pk,
            status=plan.status,
            method=plan.method,
            start_g=plan.start_g,
            start_date=plan.start_date,
            end_date=plan.end_date,
            rate_pct=plan.rate_pct,
            step_g=plan.step_g,
            interval_days=plan.interval_days,
            targets=targets,
            changes=[PlanChangeOut.of(change) for change in data.plan_changes],
            adherence_pct=data.adherence.percent if data.adherence else None,
        )


class DiaryPointOut(Out):
    day: dt.date
    withdrawal: int | None
    craving: float | None


class ScoreOut(Out):
    instrument: str
    day: dt.date
    total: int
    band: str
    band_label: str
    entered_by_clinician: bool

    @classmethod
    def of(cls, score: Score) -> ScoreOut:
        return cls(
            instrument=score.instrument,
            day=score.day,
            total=score.total,
            band=score.band,
            band_label=score.band_label,
            entered_by_clinician=score.entered_by_clinician,
        )


class CheckinsOut(Out):
    diary: list[DiaryPointOut]
    scores: list[ScoreOut]


class PatientInteractionOut(Out):
    label: str
    severity: str
    mechanism: str
    advice: str

    @classmethod
    def of(cls, interaction: Interaction) -> PatientInteractionOut:
        return cls(
            label=interaction.label,
            severity=str(interaction.severity.value),
            mechanism=interaction.mechanism,
            advice=interaction.advice,
        )


class PatientMedicineOut(Out):
    name: str
    known: bool
    interactions: list[PatientInteractionOut]


class SkinSessionOut(Out):
    id: int
    taken_at: dt.datetime
    exposed_site: str


class PatientAlertOut(Out):
    id: int
    code: str
    severity: str
    title: str
    status: str
    created_at: dt.datetime

    @classmethod
    def of(cls, alert: Alert) -> PatientAlertOut:
        return cls(
            id=alert.pk,
            code=alert.code,
            severity=alert.severity,
            title=alert.staff_title,
            status=alert.status,
            created_at=alert.created_at,
        )


class PatientOut(Out):
    id: int
    display_name: str
    consent: PatientConsentOut
    start: dt.date
    end: dt.date
    alerts: list[PatientAlertOut]
    journal: JournalOut | None = None
    plan: PatientPlanOut | None = None
    checkins: CheckinsOut | None = None
    medicines: list[PatientMedicineOut] | None = None
    skin: list[SkinSessionOut] | None = None
    # The newest few, as on the page; every one is at .../notes and .../proposals.
    notes: list[NoteOut] | None = None
    proposals: list[ProposalOut] | None = None
    # 42 CFR Part 2 §2.32: the notice goes with every disclosure, the API's too.
    notice: str

    @classmethod
    def of(cls, data: PatientData) -> PatientOut:
        consent = data.consent
        fields: dict[str, Any] = {
            "id": data.person.pk,
            "display_name": data.display_name,
            "consent": PatientConsentOut(
                id=consent.pk,
                clinic_id=consent.clinic_id,
                data_classes=list(consent.data_classes),
                signed_at=consent.signed_at,
                expires_at=consent.expires_at,
                expiry_event=consent.expiry_event,
            ),
            "start": data.start,
            "end": data.end,
            "alerts": [PatientAlertOut.of(alert) for alert in data.alerts],
            "notice": wording.REDISCLOSURE_NOTICE,
        }
        days = [dt.date.fromisoformat(day) for day in data.series("days")]
        if data.shows("journal"):
            fields["journal"] = JournalOut(
                start=data.start,
                end=data.end,
                days=[
                    SeriesPointOut(
                        day=day,
                        dose_g=dose,
                        target_g=target if data.shows("plan") else None,
                    )
                    for day, dose, target in zip(
                        days,
                        data.series("dose_g"),
                        data.series("target_g") or [None] * len(days),
                        strict=True,
                    )
                ],
            )
        if data.shows("plan"):
            fields["plan"] = PatientPlanOut.of(data.plan, data) if data.plan is not None else None
        if data.shows("checkins"):
            fields["checkins"] = CheckinsOut(
                diary=[
                    DiaryPointOut(day=day, withdrawal=w, craving=c)
                    for day, w, c in zip(
                        days, data.series("withdrawal"), data.series("craving"), strict=True
                    )
                    if w is not None or c is not None
                ],
                scores=[ScoreOut.of(score) for score in data.scores or []],
            )
        if data.medicines is not None:
            fields["medicines"] = [
                PatientMedicineOut(
                    name=report.name,
                    known=report.in_knowledge_base,
                    interactions=[PatientInteractionOut.of(i) for i in report.interactions],
                )
                for report in data.medicines
            ]
        if data.skin is not None:
            fields["skin"] = [
                SkinSessionOut(id=s.pk, taken_at=s.taken_at, exposed_site=s.exposed_site)
                for s in data.skin
            ]
        if data.notes is not None:
            fields["notes"] = [NoteOut.of(note) for note in data.notes]
        if data.proposals is not None:
            fields["proposals"] = [ProposalOut.of(view) for view in data.proposals]
        return cls(**fields)


class CowsIn(StrictIn):
    answers: dict[str, Any]


class CowsOut(Out):
    id: int
    instrument: str
    day: dt.date
    total: int
    band: str
    band_label: str
    entered_by_clinician: bool
