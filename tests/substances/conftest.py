"""Helpers for the substances tests: kratom doses and other-substance uses at given times."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture
def kratom() -> Callable[..., Any]:
    """Log a kratom dose (grams) at an aware time through the journal's own service."""
    from stepdown.journal import services

    def write(owner: Any, when: dt.datetime, grams: str = "2") -> Any:
        return services.dose_create(owner=owner, amount=Decimal(grams), taken_at=when).dose

    return write


@pytest.fixture
def use() -> Callable[..., Any]:
    """Log another substance through this app's service; returns the SubstanceResult."""
    from stepdown.substances import services

    def write(owner: Any, category: str, when: dt.datetime, **fields: Any) -> Any:
        fields.setdefault("amount", Decimal(1))
        return services.substance_create(owner=owner, category=category, taken_at=when, **fields)

    return write


@pytest.fixture
def recovery() -> Callable[..., Any]:
    """Onboard as ``opioid_recovery`` with the original substance and its last-used date."""
    from stepdown.profile import services

    def write(owner: Any, original: str, last_used_on: dt.date | None) -> Any:
        answers = {
            "reason": "opioid_recovery",
            "original_substance": original,
            "original_last_used_on": last_used_on,
        }
        return services.onboarding_replace(owner=owner, answers=answers, medicines=[])

    return write


@pytest.fixture
def interaction_alerts() -> Callable[[Any], list[Any]]:
    """The person's recorded ``interaction`` alerts, oldest first."""
    from stepdown.alerts.models import Alert

    def read(owner: Any) -> list[Any]:
        return list(Alert.objects.filter(owner=owner, code="interaction").order_by("pk"))

    return read
