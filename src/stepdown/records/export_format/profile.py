"""What the person told about themselves: the onboarding answers and their medicines."""

from __future__ import annotations

from stepdown.profile.models import Medicine, Onboarding
from stepdown.records.export_format.table import Context, Row, Table


def _onboarding_of(ctx: Context, row: Row, parent: object) -> Onboarding | None:
    return Onboarding.objects.filter(owner=ctx.owner).first()


def _medicine_named(ctx: Context, row: Row, parent: object) -> Medicine | None:
    return Medicine.objects.filter(owner=ctx.owner, name__iexact=row.get("name", "")).first()


ONBOARDING = Table(
    name="onboarding",
    model=Onboarding,
    fields=(
        "status",
        "step",
        "reason",
        "days_per_week",
        "doses_per_day",
        "grams_per_dose",
        "years_of_use",
        "forms_used",
        "substance_history",
        "withdrawal_when_stopping",
        "pregnancy",
        "self_treatment",
        "phq2_answers",
        "phq2_total",
        "gad2_answers",
        "gad2_total",
        "diagnoses",
        "diagnosis_note",
        "original_substance",
        "original_last_used_on",
        "completed_at",
        "created_at",
        "updated_at",
    ),
    natural=_onboarding_of,
)

MEDICINES = Table(
    name="medicines",
    model=Medicine,
    fields=("name", "created_at"),
    natural=_medicine_named,
    order=("name", "pk"),
)

TABLES = (ONBOARDING, MEDICINES)
