"""The clinic's cards on the person's Today page: notes shared with them this week, messages
they have not read, and plan proposals waiting for their answer.

Most people have no clinic, so the three are not read one query each: their counts ride as
subqueries on the query that loads the person's own rows (``card_columns`` are columns of a
query of ``accounts_user``), and the proposals themselves are read only when one waits. Both
databases run the same SQL (tests run it on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from stepdown.accounts.models import User
from stepdown.clinic.models import Conversation, Message, Note, PlanProposal
from stepdown.clinic.notes import NEW_FOR
from stepdown.clinic.proposals import ProposalView, pending_proposals_for_person


@dataclass(frozen=True)
class TodayCards:
    new_notes: int = 0
    unread_messages: int = 0
    proposals: list[ProposalView] = field(default_factory=list)


def card_columns(*, now: dt.datetime) -> tuple[str, list[Any]]:
    """Three columns for a query of the ``accounts_user`` table (not aliased): the cards'
    counts for each person, and their parameters.

    Written as SQL: built with the ORM (``OuterRef``, ``Subquery``, ``Count``), the three
    subqueries took Today more time to assemble and compile (~1.5 ms a render) than the whole
    query takes to run. Table names come from the models; every value is a parameter."""
    notes, messages, proposals = _statements()
    since = connection.ops.adapt_datetimefield_value(now - NEW_FOR)
    waiting = PlanProposal.Status.PENDING.value
    columns = (
        f'({notes}) AS "cards_new_notes", ({messages}) AS "cards_unread_messages", '
        f'{proposals} AS "cards_proposals_waiting"'
    )
    return columns, [since, waiting]


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
    """The cards of a person read with :func:`card_columns`; reads the proposals only when one
    waits."""
    waiting = bool(person.cards_proposals_waiting)  # type: ignore[attr-defined]
    return TodayCards(
        new_notes=person.cards_new_notes,  # type: ignore[attr-defined]
        unread_messages=person.cards_unread_messages,  # type: ignore[attr-defined]
        proposals=pending_proposals_for_person(owner=person) if waiting else [],
    )
