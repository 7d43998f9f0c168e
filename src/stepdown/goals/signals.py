"""What the goals app does when the profile app's answers change."""

from __future__ import annotations

from typing import Any

from stepdown.accounts.models import User
from stepdown.goals.risk import risk_refresh
from stepdown.profile.models import Onboarding
from stepdown.profile.signals import answers_saved


def store_risk(sender: object, *, owner: User, record: Onboarding, **_: Any) -> None:
    """Keep a risk snapshot when the answers behind a completed profile change (the Risk page
    reads, it never writes; the daily job keeps one at least monthly: ``risk_refresh``)."""
    if record.status == Onboarding.Status.COMPLETED:
        risk_refresh(owner=owner)


def connect() -> None:
    answers_saved.connect(store_risk, dispatch_uid="goals.store_risk")
