"""Messages between a person and a clinic: one conversation per person and clinic, plain text.

A person writes only to a clinic they share with (a consent in force); they keep reading their
conversations after it ends, because the messages are theirs too. A clinician reads and writes
only while a consent in force covers the person and them (``clinic.access.require_person``); no
data class is needed, and reads are recorded by the page or route that shows them (one event per
request), writes here (``record_action``).

Read state is kept per side: ``Message.read_at`` is when the other side read it. Reading is a
POST (a "Mark as read" button, ``.../messages/read``) or happens when that side replies: a GET
never writes. Each side is emailed at most once until it has read (``Conversation.*_emailed_at``),
and the email says only that a message is waiting.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext

from stepdown.accounts import revisions
from stepdown.accounts.models import User
from stepdown.audit.models import Action, DataClass
from stepdown.audit.services import record_action
from stepdown.clinic.access import consents_covering, in_force, require_person
from stepdown.clinic.message_emails import send_message_waiting
from stepdown.clinic.models import Clinic, Consent, Conversation, Message
from stepdown.clinic.wording import written_text
from stepdown.errors import InvalidInput

MESSAGE_MAX = 2000
# The newest messages shown per conversation; older ones stay stored.
SHOWN = 100


@dataclass(frozen=True)
class SendResult:
    message: Message
    created: bool


@dataclass
class Thread:
    """One conversation as a reader sees it: the newest messages, oldest first."""

    clinic_id: int
    clinic_name: str
    can_write: bool
    conversation_id: int | None = None
    unread: int = 0
    has_more: bool = False
    messages: list[Message] = field(default_factory=list)


def message_text(text: str) -> str:
    return written_text(
        text,
        limit=MESSAGE_MAX,
        empty=gettext("Write your message first."),
        too_long=gettext("Keep a message under %(limit)s characters."),
    )


# -- writes ------------------------------------------------------------------------------------


def _conversation(owner_id: int, clinic_id: int) -> Conversation:
    found = Conversation.objects.filter(owner_id=owner_id, clinic_id=clinic_id).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Conversation.objects.create(owner_id=owner_id, clinic_id=clinic_id)
    except IntegrityError:  # the other side opened it at the same moment
        return Conversation.objects.get(owner_id=owner_id, clinic_id=clinic_id)


def _mark_read(conversation: Conversation, *, by_person: bool) -> int:
    """The other side's unread messages are read now; this side may be emailed again."""
    now = timezone.now()
    marked = Message.objects.filter(
        conversation=conversation, from_person=not by_person, read_at__isnull=True
    ).update(read_at=now)
    emailed = "person_emailed_at" if by_person else "clinic_emailed_at"
    Conversation.objects.filter(pk=conversation.pk).update(**{emailed: None})
    if marked:
        # An update sends no signal: the person's cached pages (Today's card) must move on.
        revisions.bump(owner_id=conversation.owner_id)
    return marked


def _send(
    conversation: Conversation,
    *,
    author: User,
    from_person: bool,
    text: str,
    client_id: uuid.UUID | None,
    site_url: str,
) -> SendResult:
    if client_id is not None:
        existing = Message.objects.filter(
            conversation=conversation, from_person=from_person, client_id=client_id
        ).first()
        if existing is not None:
            return SendResult(existing, created=False)
    cleaned = message_text(text)
    try:
        with transaction.atomic():
            message = Message.objects.create(
                conversation=conversation,
                author=author,
                from_person=from_person,
                text=cleaned,
                client_id=client_id,
            )
            # Replying means the writer has read what came before.
            _mark_read(conversation, by_person=from_person)
            _notify(conversation, to_person=not from_person, site_url=site_url)
    except IntegrityError:
        if client_id is None:
            raise
        # A retry with the same key won the race: answer with its message.
        message = Message.objects.get(
            conversation=conversation, from_person=from_person, client_id=client_id
        )
        return SendResult(message, created=False)
    return SendResult(message, created=True)


def _notify(conversation: Conversation, *, to_person: bool, site_url: str) -> None:
    """Queue the "a message is waiting" email unless that side was told and has not read since."""
    emailed = "person_emailed_at" if to_person else "clinic_emailed_at"
    told = Conversation.objects.filter(pk=conversation.pk, **{f"{emailed}__isnull": True}).update(
        **{emailed: timezone.now()}
    )
    if told:
        # Inside the sender's transaction: with the database queue the task exists only if
        # the message does.
        send_message_waiting.enqueue(
            conversation_id=conversation.pk, to_person=to_person, site_url=site_url
        )


def message_send_by_person(
    *,
    owner: User,
    text: str,
    clinic_id: int | None = None,
    client_id: uuid.UUID | None = None,
    site_url: str,
) -> SendResult:
    """The person writes to a clinic they share with; with one such clinic ``clinic_id`` may be
    left out. The same ``client_id`` again returns the original message."""
    sharing = sorted(set(clinic_ids_sharing(owner=owner)))
    if clinic_id is None:
        if not sharing:
            raise InvalidInput(
                "clinic_id", gettext("You are not sharing with a clinic at the moment.")
            )
        if len(sharing) > 1:
            raise InvalidInput(
                "clinic_id", gettext("You share with more than one clinic: say which one.")
            )
        clinic_id = sharing[0]
    elif clinic_id not in sharing:
        raise InvalidInput(
            "clinic_id", gettext("You can write only to a clinic you share with at the moment.")
        )
    conversation = _conversation(owner.pk, clinic_id)
    return _send(
        conversation,
        author=owner,
        from_person=True,
        text=text,
        client_id=client_id,
        site_url=site_url,
    )


def message_send_by_clinician(
    *,
    author: User,
    person_id: int,
    text: str,
    client_id: uuid.UUID | None = None,
    site_url: str,
    kind: str,
    route: str,
) -> SendResult:
    """A clinician writes to the person in the clinic of the consent that covers them;
    ``NotFound`` without one. Each new message is one ``message`` event in the access log."""
    consent = require_person(author, person_id)
    conversation = _conversation(person_id, consent.clinic_id)
    with transaction.atomic():
        result = _send(
            conversation,
            author=author,
            from_person=False,
            text=text,
            client_id=client_id,
            site_url=site_url,
        )
        if result.created:
            record_action(
                actor=author,
                owner=consent.owner,
                action=Action.MESSAGE,
                data_classes=[DataClass.MESSAGES],
                kind=kind,
                route=route,
            )
    return result


def messages_read_by_person(*, owner: User, clinic_id: int | None = None) -> int:
    """Marks the clinics' messages to the person read (of one clinic, or all); how many."""
    conversations = Conversation.objects.filter(owner=owner)
    if clinic_id is not None:
        conversations = conversations.filter(clinic_id=clinic_id)
    with transaction.atomic():
        return sum(_mark_read(conversation, by_person=True) for conversation in conversations)


def messages_read_by_clinician(*, viewer: User, person_id: int) -> int:
    """Marks the person's messages to the clinic read; ``NotFound`` without a consent."""
    consent = require_person(viewer, person_id)
    conversation = Conversation.objects.filter(
        owner_id=person_id, clinic_id=consent.clinic_id
    ).first()
    if conversation is None:
        return 0
    with transaction.atomic():
        return _mark_read(conversation, by_person=False)


# -- reads -------------------------------------------------------------------------------------


def clinic_ids_sharing(*, owner: User) -> list[int]:
    """The clinics the person shares with now (a consent in force): whom they may write to."""
    return list(Consent.objects.filter(in_force(), owner=owner).values_list("clinic_id", flat=True))


def _unread(*, from_person: bool) -> Count:
    return Count(
        "messages",
        filter=Q(messages__from_person=from_person, messages__read_at__isnull=True),
    )


def _fill(threads: list[Thread]) -> list[Thread]:
    """The newest ``SHOWN`` messages of every thread, in one query however many there are."""
    by_conversation = {t.conversation_id: t for t in threads if t.conversation_id is not None}
    if not by_conversation:
        return threads
    newest_first = F("created_at").desc(), F("pk").desc()
    rows: QuerySet[Message] = (
        Message.objects.filter(conversation_id__in=by_conversation)
        .annotate(
            rank=Window(RowNumber(), partition_by=F("conversation_id"), order_by=newest_first)
        )
        .filter(rank__lte=SHOWN + 1)
        .select_related("author")
        .order_by("conversation_id", "created_at", "pk")
    )
    for message in rows:
        thread = by_conversation[message.conversation_id]
        if message.rank > SHOWN:  # type: ignore[attr-defined]
            thread.has_more = True
        else:
            thread.messages.append(message)
    return threads


def threads_for_person(*, owner: User) -> list[Thread]:
    """The person's conversations, and an empty one for each clinic they share with but have
    not written to yet; three queries whatever the number of messages."""
    conversations = (
        Conversation.objects.filter(owner=owner)
        .select_related("clinic")
        .annotate(unread=_unread(from_person=False))
    )
    sharing = {
        c.clinic_id: c.clinic
        for c in Consent.objects.filter(in_force(), owner=owner).select_related("clinic")
    }
    threads = [
        Thread(
            clinic_id=c.clinic_id,
            clinic_name=c.clinic.name,
            can_write=c.clinic_id in sharing,
            conversation_id=c.pk,
            unread=c.unread,
        )
        for c in conversations
    ]
    started = {t.clinic_id for t in threads}
    threads += [
        Thread(clinic_id=pk, clinic_name=clinic.name, can_write=True)
        for pk, clinic in sorted(sharing.items(), key=lambda item: item[1].name)
        if pk not in started
    ]
    return _fill(threads)


def thread_for_clinician(*, viewer: User, person_id: int) -> tuple[Consent, Thread]:
    """The conversation between the person and the clinic of the consent that covers the
    viewer; ``NotFound`` without one. The caller records the read (``record_access``)."""
    consent = require_person(viewer, person_id)
    clinic: Clinic = consent.clinic
    conversation = (
        Conversation.objects.filter(owner_id=person_id, clinic_id=consent.clinic_id)
        .annotate(unread=_unread(from_person=True))
        .first()
    )
    thread = Thread(clinic_id=clinic.pk, clinic_name=clinic.name, can_write=True)
    if conversation is not None:
        thread.conversation_id = conversation.pk
        thread.unread = conversation.unread
    return consent, _fill([thread])[0]


def waiting_for_clinician(*, viewer: User) -> list[tuple[Consent, int]]:
    """The people the viewer may see who wrote messages their clinic has not read yet: each
    consent in force with the number unread. Two queries whatever the number of people."""
    consents = {
        (c.owner_id, c.clinic_id): c
        for c in consents_covering(viewer).select_related("owner").order_by("signed_at")
    }
    waiting = (
        Conversation.objects.filter(
            owner_id__in={owner for owner, _ in consents},
            clinic_id__in={clinic for _, clinic in consents},
        )
        .annotate(unread=_unread(from_person=True))
        .filter(unread__gt=0)
        .order_by("pk")
        .values_list("owner_id", "clinic_id", "unread")
    )
    return [
        (consents[(owner_id, clinic_id)], unread)
        for owner_id, clinic_id, unread in waiting
        if (owner_id, clinic_id) in consents
    ]
