"""Helpers for the goals tests: log doses at local times, set answers and limits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest


@pytest.fixture
def log() -> Callable[..., Any]:
    """Log a dose in grams at an aware time (through the journal's own service)."""
    from stepdown.journal import services

    def write(owner: Any, grams: str, when: dt.datetime, product: Any = None) -> Any:
        return services.dose_create(
            owner=owner,
            amount=Decimal(grams),
            taken_at=when,
            product_id=product.pk if product is not None else None,
        ).dose

    return write


@pytest.fixture
def set_goal() -> Callable[..., Any]:
    """Save limits through the service (``limits_from`` becomes today, local)."""
    from stepdown.goals import services

    def write(owner: Any, **fields: Any) -> Any:
        return services.goal_save(owner=owner, fields=fields)

    return write


@pytest.fixture
def answer() -> Callable[..., Any]:
    """Answer onboarding all at once (as ``PUT /api/v1/onboarding`` does)."""
    from stepdown.profile import services

    def write(owner: Any, medicines: list[str] | None = None, **answers: Any) -> Any:
        return services.onboarding_replace(owner=owner, answers=answers, medicines=medicines or [])

    return write
