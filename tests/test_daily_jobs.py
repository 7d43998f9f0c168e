"""The daily jobs visit every active person and can run twice without adding anything."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from stepdown.jobs import run_daily_jobs

pytestmark = pytest.mark.django_db


def test_daily_jobs_are_idempotent(person: Any, other_person: Any) -> None:
    from stepdown.alerts.models import Alert
    from stepdown.goals.models import RiskSnapshot
    from stepdown.journal.services import dose_create

    dose_create(owner=person, amount=3, taken_at=timezone.now() - dt.timedelta(days=2))
    assert run_daily_jobs().people == 2
    counts = (Alert.objects.count(), RiskSnapshot.objects.count())
    assert run_daily_jobs().people == 2
    assert (Alert.objects.count(), RiskSnapshot.objects.count()) == counts
