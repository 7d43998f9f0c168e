"""API bodies of messages between a person and a clinic (``clinic.messages_api``)."""

from __future__ import annotations

import datetime as dt
import uuid

from stepdown.clinic.messages import Thread
from stepdown.clinic.models import Message
from stepdown.clinic.wording import person_name
from stepdown.schemas import Out, StrictIn, UuidText


class PersonMessageIn(StrictIn):
    """``clinic_id`` may be left out while the person shares with exactly one clinic."""

    constraint_model = Message

    text: str
    clinic_id: int | None = None
    client_id: UuidText | None = None


class ClinicMessageIn(StrictIn):
    constraint_model = Message

    text: str
    client_id: UuidText | None = None


class MessagesReadIn(StrictIn):
    clinic_id: int | None = None


class MessagesReadOut(Out):
    marked: int


class ClinicMessageOut(Out):
    """One message; ``sender`` is ``person`` or ``clinic``, ``read_at`` when the other side
    read it (``None`` while unread)."""

    id: int
    sender: str
    author: str
    text: str
    created_at: dt.datetime
    read_at: dt.datetime | None
    client_id: uuid.UUID | None

    @classmethod
    def of(cls, message: Message) -> ClinicMessageOut:
        return cls(
            id=message.pk,
            sender="person" if message.from_person else "clinic",
            author=person_name(message.author) if message.author else "A former clinician",
            text=message.text,
            created_at=message.created_at,
            read_at=message.read_at,
            client_id=message.client_id,
        )


class ConversationOut(Out):
    """The conversation with one clinic: its newest messages, oldest first (``has_more`` when
    older ones are not listed); ``unread_count`` counts the reader's unread messages."""

    clinic_id: int
    clinic_name: str
    can_write: bool
    unread_count: int
    has_more: bool
    messages: list[ClinicMessageOut]

    @classmethod
    def of(cls, thread: Thread) -> ConversationOut:
        return cls(
            clinic_id=thread.clinic_id,
            clinic_name=thread.clinic_name,
            can_write=thread.can_write,
            unread_count=thread.unread,
            has_more=thread.has_more,
            messages=[ClinicMessageOut.of(m) for m in thread.messages],
        )


class MessagesOut(Out):
    unread_count: int
    conversations: list[ConversationOut]

    @classmethod
    def of(cls, threads: list[Thread]) -> MessagesOut:
        return cls(
            unread_count=sum(t.unread for t in threads),
            conversations=[ConversationOut.of(t) for t in threads],
        )
