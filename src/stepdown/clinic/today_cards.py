"""The clinic's cards on the person's Today page: notes shared with them this week, messages
they have not read, and plan proposals waiting for their answer.

Most people have no clinic, so the three are not read one query each: their counts ride as
subqueries on the query that loads the person's own rows (``card_counts`` annotates a ``User``
queryset), and the proposals themselves are read only when one waits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from stepdown.accounts.models import User
from stepdown.clinic.models import Message, Note, PlanProposal
from stepdown.clinic.notes import NEW_FOR
from stepdown.clinic.proposals import ProposalView, pending_proposals_for_person


@dataclass(frozen=True)
class TodayCards:
    new_notes: int = 0
    unread_messages: int = 0
    proposals: list[ProposalView] = field(default_factory=list)


def card_counts(*, now: dt.datetime) -> dict[str, Any]:
    """Annotations for a ``User`` queryset: the cards' counts for each person."""
    person = OuterRef("pk")
    return {
        "cards_new_notes": _count(
            Note.objects.filter(
                owner=person, shared_with_person=True, created_at__gte=now - NEW_FOR
            ),
            "owner",
        ),
        "cards_unread_messages": _count(
            Message.objects.filter(
                conversation__owner=person, from_person=False, read_at__isnull=True
            ),
            "conversation__owner",
        ),
        "cards_proposals_waiting": Exists(
            PlanProposal.objects.filter(owner=person, status=PlanProposal.Status.PENDING)
        ),
    }


def today_cards(person: User) -> TodayCards:
    """The cards of a person loaded with :func:`card_counts`; reads the proposals only when one
    waits."""
    waiting: bool = person.cards_proposals_waiting  # type: ignore[attr-defined]
    return TodayCards(
        new_notes=person.cards_new_notes,  # type: ignore[attr-defined]
        unread_messages=person.cards_unread_messages,  # type: ignore[attr-defined]
        proposals=pending_proposals_for_person(owner=person) if waiting else [],
    )


def _count(rows: QuerySet[Any], person_field: str) -> Coalesce:
    counted = rows.order_by().values(person_field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
