"""The dashboard's first page costs the same number of queries for 10 people as for 100, each
with weeks of history (issue #15, section 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from tests.mfa_helpers import verified_api, verified_web

from stepdown.accounts.models import User
from stepdown.alerts.models import Alert
from stepdown.checkins.models import Response
from stepdown.journal.models import Dose

pytestmark = pytest.mark.django_db

HISTORY_DAYS = 40


def _people(clinic: Any, share: Callable[..., Any], first: int, count: int) -> None:
    """``count`` consented people, each with a dose a day, a check-in every other day and an
    open alert (stored directly: the reads, not the rules, are measured here)."""
    now = timezone.now()
    doses, responses, alerts = [], [], []
    for n in range(first, first + count):
        person = User.objects.create_user(f"q{n}@example.org", "x-Secret-words-42")
        share(person, clinic, signature=f"Person {n:03d}")
        for back in range(HISTORY_DAYS):
            moment = now - dt.timedelta(days=back, hours=1)
            doses.append(Dose(owner=person, taken_at=moment, amount=Decimal(3), grams=Decimal(3)))
            if back % 2 == 0:
                responses.append(
                    Response(
                        owner=person,
                        instrument="withdrawal",
                        version="1",
                        local_date=moment.date(),
                        total=4,
                        created_at=moment,
                    )
                )
        code = ("self_harm", "over_target", "severe_withdrawal")[n % 3]
        alerts.append(
            Alert(
                owner=person,
                code=code,
                severity="high",
                title="t",
                explanation="e",
                action="a",
                source="s",
                learn_slug="seek-help-now",
                cause_key=f"test:{n}",
            )
        )
    Dose.objects.bulk_create(doses)
    Response.objects.bulk_create(responses)
    Alert.objects.bulk_create(alerts)


def _count(fetch: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = fetch()
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_the_first_page_costs_the_same_for_10_and_100_people(
    clinics: Any, share: Callable[..., Any]
) -> None:
    _people(clinics.riverside, share, 0, 10)
    small_api = _count(lambda: verified_api(clinics.lee).get("/clinic/patients"))
    small_page = _count(lambda: verified_web(clinics.lee).get(reverse("clinic:dashboard")))
    _people(clinics.riverside, share, 10, 90)
    # Another clinician of the clinic, so the access log starts afresh for them too.
    big_api = _count(lambda: verified_api(clinics.kim).get("/clinic/patients"))
    big_page = _count(lambda: verified_web(clinics.kim).get(reverse("clinic:dashboard")))
    assert big_api == small_api
    assert big_page == small_page
    items = verified_api(clinics.lee).get("/clinic/patients").json()
    assert items["total"] == 100
    assert len(items["items"]) == 25
    assert all(i["attention"][0]["code"] == "self_harm" for i in items["items"])
