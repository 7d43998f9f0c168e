"""The clinic's cards on the person's Today page: notes shared with them this week, messages
they have not read, and plan proposals waiting for their answer.

Most people have no clinic, so the three are not read one query each: their counts ride as
subqueries on the query that loads the person's own rows (``card_counts`` annotates a ``User``
queryset), and the proposals themselves are read only when one waits. Both databases run the
same SQL (tests run it on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import BooleanField, IntegerField
from django.db.models.expressions import RawSQL

from stepdown.accounts.models import User
from stepdown.clinic.models import Conversation, Message, Note, PlanProposal
from stepdown.clinic.notes import NEW_FOR
from stepdown.clinic.proposals import ProposalView, pending_proposals_for_person


@dataclass(frozen=True)
class TodayCards:
    new_notes: int = 0
    unread_messages: int = 0
    proposals: list[ProposalView] = field(default_factory=list)


def card_counts(*, now: dt.datetime) -> dict[str, Any]:
    """Annotations for a ``User`` queryset: the cards' counts for each person.

    Written as SQL: built with the ORM (``OuterRef``, ``Subquery``, ``Count``), the three
    subqueries took Today more time to assemble and compile (~1.5 ms a render) than the whole
    query takes to run. Table names come from the models; every value is a parameter."""
    notes, messages, proposals = _statements()
    since = connection.ops.adapt_datetimefield_value(now - NEW_FOR)
    waiting = PlanProposal.Status.PENDING.value
    return {
        "cards_new_notes": RawSQL(notes, (since,), output_field=IntegerField()),  # noqa: S611
        "cards_unread_messages": RawSQL(messages, (), output_field=IntegerField()),  # noqa: S611
        "cards_proposals_waiting": RawSQL(  # noqa: S611
            proposals, (waiting,), output_field=BooleanField()
        ),
    }


@functools.cache
def _statements() -> tuple[str, str, str]:
    """The three subqueries, for the database in use (names quoted by its rules)."""
    q = connection.ops.quote_name
    person = f"{q(User._meta.db_table)}.{q('id')}"
    note, proposal = q(Note._meta.db_table), q(PlanProposal._meta.db_table)
    message, conversation = q(Message._meta.db_table), q(Conversation._meta.db_table)
    return (
        f"SELECT COUNT(*) FROM {note} WHERE {note}.owner_id = {person}"  # noqa: S608
        f" AND {note}.shared_with_person AND {note}.created_at >= %s",
        f"SELECT COUNT(*) FROM {message} JOIN {conversation}"  # noqa: S608
        f" ON {message}.conversation_id = {conversation}.id"
        f" WHERE {conversation}.owner_id = {person} AND NOT {message}.from_person"
        f" AND {message}.read_at IS NULL",
        f"EXISTS (SELECT 1 FROM {proposal} WHERE {proposal}.owner_id = {person}"  # noqa: S608
        f" AND {proposal}.status = %s)",
    )


def today_cards(person: User) -> TodayCards:
    """The cards of a person loaded with :func:`card_counts`; reads the proposals only when one
    waits."""
    waiting: bool = person.cards_proposals_waiting  # type: ignore[attr-defined]
    return TodayCards(
        new_notes=person.cards_new_notes,  # type: ignore[attr-defined]
        unread_messages=person.cards_unread_messages,  # type: ignore[attr-defined]
        proposals=pending_proposals_for_person(owner=person) if waiting else [],
    )
