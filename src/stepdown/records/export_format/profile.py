"""What the person told about themselves: the onboarding answers and their medicines."""

from __future__ import annotations

from typing import Any

from stepdown.profile.models import Medicine, Onboarding
from stepdown.profile.services import answers_clean
from stepdown.records.export_format.table import Cleaner, Context, Row, Table


def _choices(name: str) -> Cleaner:
    return lambda value, item: answers_clean(item.owner, {name: value})[name]


def _screen(name: str) -> Cleaner:
    def clean(value: Any, item: Onboarding) -> Any:
        # Scored as onboarding scores it: the total follows from the answers.
        found = answers_clean(item.owner, {name: value})
        setattr(item, f"{name}_total", found[f"{name}_total"])
        return found[f"{name}_answers"]

    return clean


def _onboarding_of(ctx: Context, row: Row, parent: object) -> Onboarding | None:
    return Onboarding.objects.filter(owner=ctx.owner).first()


def _medicine_named(ctx: Context, row: Row, parent: object) -> Medicine | None:
    return Medicine.objects.filter(owner=ctx.owner, name__iexact=row.get("name", "")).first()


ONBOARDING = Table(
    name="onboarding",
    model=Onboarding,
    json={
        **{name: _choices(name) for name in ("forms_used", "self_treatment", "diagnoses")},
        "phq2_answers": _screen("phq2"),
        "gad2_answers": _screen("gad2"),
    },
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
