"""Reads of a person's support contacts, reasons and urge log, always scoped to one owner."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from stepdown.accounts.models import User
from stepdown.errors import NotFound
from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog


def contacts_for(*, owner: User) -> QuerySet[SupportContact]:
    return SupportContact.objects.filter(owner=owner)


def contact_get(*, owner: User, contact_id: int) -> SupportContact:
    try:
        return SupportContact.objects.get(owner=owner, pk=contact_id)
    except SupportContact.DoesNotExist:
        raise NotFound("support contact") from None


def reasons_for(*, owner: User) -> QuerySet[ReasonToChange]:
    return ReasonToChange.objects.filter(owner=owner)


def reason_get(*, owner: User, reason_id: int) -> ReasonToChange:
    try:
        return ReasonToChange.objects.get(owner=owner, pk=reason_id)
    except ReasonToChange.DoesNotExist:
        raise NotFound("reason") from None


def urges_for(*, owner: User) -> QuerySet[UrgeLog]:
    """Logged urges, newest first."""
    return UrgeLog.objects.filter(owner=owner)


def urge_get(*, owner: User, urge_id: int) -> UrgeLog:
    try:
        return UrgeLog.objects.get(owner=owner, pk=urge_id)
    except UrgeLog.DoesNotExist:
        raise NotFound("urge") from None


@dataclass(frozen=True)
class SupportSummary:
    """What to show a person when cravings are high: who they can reach and why they are
    changing. Two queries, whatever the history."""

    contacts: list[SupportContact]
    reasons: list[ReasonToChange]

    @property
    def is_empty(self) -> bool:
        return not self.contacts and not self.reasons


def support_for(*, owner: User) -> SupportSummary:
    """The person's support contacts and reasons to change, oldest first (the order they wrote
    them, which is usually the order of importance to them)."""
    return SupportSummary(
        contacts=list(contacts_for(owner=owner)), reasons=list(reasons_for(owner=owner))
    )
