"""A person with one of every record the FHIR Bundle maps, made through the real services, and
the numbers the Bundle must show, worked out by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from tests.checkins.checkins_answers import daily, phq9
from tests.clinic.patient_data import COWS_24

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.checkins.models import Response
from stepdown.checkins.services import response_submit
from stepdown.journal.services import dose_create, product_create
from stepdown.plans.services import plan_create
from stepdown.profile.models import Medicine
from stepdown.substances.models import SubstanceUse

# PHQ-9: eight items "several days" (1) and item 9 "more than half the days" (2): 8 + 2 = 10.
PHQ9 = phq9(1, 1, 1, 1, 1, 1, 1, 1, 2)
PHQ9_TOTAL = 10
# GAD-7: 3 + 2 + 1 + 0 + 0 + 1 + 2 = 9.
GAD7 = {"q1": 3, "q2": 2, "q3": 1, "q4": 0, "q5": 0, "q6": 1, "q7": 2}
GAD7_TOTAL = 9
# Daily check-in: twelve diary items at 2 = 24; craving 40 (tests.checkins.checkins_answers).
DAILY = daily(2)
DIARY_TOTAL = 24
CRAVING = 40
# COWS rated by a clinician: 24 (tests.clinic.patient_data, summed by hand).
COWS_TOTAL = 24
# 3 g of a leaf powder with 15 mg mitragynine per g: 45 mg.
MG_PER_G = Decimal(15)
DOSE_G = Decimal(3)
DOSE_MG = 45


@dataclass
class Record:
    person: User
    doses: int = 2
    # One kratom product's doses + one listed medicine + one other substance.
    medication_statements: int = 4
    plans: int = 1
    responses: int = 4  # PHQ-9, GAD-7, daily check-in, COWS
    # PHQ-9 total and item 9, GAD-7 total, diary total and craving, COWS total.
    observations: int = 6


def full_record(person: User, rater: User) -> Record:
    """Everything the Bundle maps; the COWS is rated by ``rater``."""
    product = product_create(
        owner=person, name="Green leaf", form="leaf_powder", mitragynine_mg_per_unit=MG_PER_G
    )
    now = timezone.now()
    for hours in (30, 6):
        dose_create(
            owner=person,
            amount=DOSE_G,
            product_id=product.pk,
            taken_at=now - dt.timedelta(hours=hours),
        )
    plan_create(
        owner=person,
        start_g=Decimal(6),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=2,
        start_date=local_today(person),
        confirm_above_recent=True,
    )
    response_submit(owner=person, instrument="phq9", answers=PHQ9)
    response_submit(owner=person, instrument="gad7", answers=GAD7)
    response_submit(owner=person, instrument="daily", answers=DAILY)
    Response.objects.create(
        owner=person,
        instrument="cows",
        version="1",
        answers=COWS_24,
        total=COWS_TOTAL,
        band="moderate",
        local_date=local_today(person),
        entered_by=rater,
    )
    Medicine.objects.create(owner=person, name="sertraline")
    SubstanceUse.objects.create(
        owner=person, category="alcohol", amount=Decimal(2), unit="standard_drink", taken_at=now
    )
    return Record(person=person)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def counts(bundle: dict[str, Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for entry in bundle["entry"]:
        kind = entry["resource"]["resourceType"]
        found[kind] = found.get(kind, 0) + 1
    return found
