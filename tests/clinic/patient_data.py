"""History for the patient page tests: doses, daily check-ins and questionnaires over N days,
written straight to the tables (the page only reads them), and COWS answers with their totals
worked out by hand from the published item scores (Wesson & Ling 2003)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests.checkins.checkins_answers import daily

from stepdown.accounts.clock import local_today
from stepdown.checkins.models import Response
from stepdown.journal.models import Dose

# Every item at its highest published score: 4+4+5+5+4+4+5+4+4+4+5 = 48.
COWS_MAX = {
    "pulse": 4, "sweating": 4, "restlessness": 5, "pupils": 5, "aches": 4, "runny_nose": 4,
    "gi_upset": 5, "tremor": 4, "yawning": 4, "anxiety": 4, "gooseflesh": 5,
}  # fmt: skip
# 2+2+3+2+2+2+3+2+2+2+3 = 25: the first "moderately severe" total (25-36).
COWS_25 = {
    "pulse": 2, "sweating": 2, "restlessness": 3, "pupils": 2, "aches": 2, "runny_nose": 2,
    "gi_upset": 3, "tremor": 2, "yawning": 2, "anxiety": 2, "gooseflesh": 3,
}  # fmt: skip
# The same with tremor 1: 24, still "moderate" (13-24).
COWS_24 = COWS_25 | {"tremor": 1}


def history(person: Any, days: int) -> None:
    """A dose a day, a daily check-in every day and a PHQ-9 every 14 days, for ``days`` days."""
    today = local_today(person)
    doses, responses = [], []
    for n in range(days):
        day = today - dt.timedelta(days=n)
        noon = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
        doses.append(Dose(owner=person, amount=Decimal(4), grams=Decimal(4), taken_at=noon))
        responses.append(
            Response(
                owner=person,
                instrument="daily",
                version="1",
                answers=daily(diary=1),
                total=12,
                band="",
                local_date=day,
                created_at=noon,
            )
        )
        if n % 14 == 0:
            responses.append(
                Response(
                    owner=person,
                    instrument="phq9",
                    version="1",
                    answers={},
                    total=7,
                    band="mild",
                    local_date=day,
                    created_at=noon,
                )
            )
    Dose.objects.bulk_create(doses)
    Response.objects.bulk_create(responses)
