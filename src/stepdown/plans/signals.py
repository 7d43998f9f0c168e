"""What the plans app does when other apps' events concern its data."""

from __future__ import annotations

from typing import Any

from stepdown.accounts.models import User
from stepdown.accounts.signals import access_ended
from stepdown.plans.models import Plan


def revoke_calendar_links(sender: object, *, user: User, **kwargs: Any) -> None:
    """Calendar links are the plans app's, but they grant access to this person's data."""
    Plan.objects.filter(owner=user, calendar_token_hash__isnull=False).update(
        calendar_token_hash=None, calendar_token_created_at=None
    )


def connect() -> None:
    access_ended.connect(revoke_calendar_links, dispatch_uid="plans.revoke_calendar_links")
