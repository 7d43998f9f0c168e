"""Messages: the "a message is waiting" emails (one per side until it reads, never the content)
and query counts that do not grow with the conversation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone
from tests.mfa_helpers import verified_api, verified_web

from stepdown.clinic.consents import consent_revoke
from stepdown.clinic.models import Conversation, Message

pytestmark = pytest.mark.django_db

SECRET = "My dose went up to 9 grams again"


def _path(person: Any) -> str:
    return f"/clinic/patients/{person.pk}/messages"


def _texts(mail: Any) -> str:
    return f"{mail.subject}\n{mail.body}"


def test_the_clinicians_are_told_once_and_never_what_was_written(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any, mailoutbox: Any
) -> None:
    share(person, clinics.riverside, signature="Samuel Jones")
    api.post("/messages", {"text": SECRET})
    # Both treating clinicians of Riverside (the consent names none), each in their own email.
    assert sorted(m.to[0] for m in mailoutbox) == ["kim@clinic.example", "lee@clinic.example"]
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mailoutbox)
    for mail in mailoutbox:
        words = _texts(mail)
        assert "message is waiting" in words
        assert "http://testserver/clinic/messages/waiting/" in words
        for private in (SECRET, "9 grams", "Samuel", "Jones", "sam@example.org", "Riverside"):
            assert private not in words
        assert f"/patients/{person.pk}" not in words

    # A burst: no more emails until the clinic has read the conversation.
    api.post("/messages", {"text": "And another thing."})
    api.post("/messages", {"text": "Sorry, one more."})
    assert len(mailoutbox) == 2
    verified_api(clinics.kim).post(f"{_path(person)}/read")
    api.post("/messages", {"text": "New question after you read."})
    assert len(mailoutbox) == 4


def test_the_person_is_told_once_until_they_read(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any, mailoutbox: Any
) -> None:
    share(person, clinics.riverside)
    kim = verified_api(clinics.kim)
    kim.post(_path(person), {"text": "Your COWS score was 14 today."})
    kim.post(_path(person), {"text": "Please call us."})
    assert [m.to for m in mailoutbox] == [["sam@example.org"]]
    words = _texts(mailoutbox[0])
    assert "message is waiting" in words
    assert "http://testserver/clinic/messages/" in words
    for private in ("COWS", "14", "call us", "Riverside", "kim@clinic.example"):
        assert private not in words

    # Replying counts as reading: the next clinic message is announced again.
    api.post("/messages", {"text": "Will do."})
    mailoutbox.clear()
    kim.post(_path(person), {"text": "Thanks."})
    assert [m.to for m in mailoutbox] == [["sam@example.org"]]
    mailoutbox.clear()
    kim.post(_path(person), {"text": "Again."})
    assert mailoutbox == []
    api.post("/messages/read", {})
    kim.post(_path(person), {"text": "After you read."})
    assert [m.to for m in mailoutbox] == [["sam@example.org"]]


def test_only_the_named_clinician_is_told(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any, mailoutbox: Any
) -> None:
    share(person, clinics.riverside, clinicians=[clinics.kim])
    api.post("/messages", {"text": "Hello"})
    assert [m.to for m in mailoutbox] == [["kim@clinic.example"]]


def test_nobody_at_the_clinic_is_told_once_sharing_has_ended(
    clinics: Any, share: Callable[..., Any], person: Any, mailoutbox: Any
) -> None:
    from stepdown.clinic.message_emails import send_message_waiting

    consent = share(person, clinics.riverside)
    conversation = Conversation.objects.create(owner=person, clinic=clinics.riverside)
    consent_revoke(owner=person, consent_id=consent.pk)
    send_message_waiting.call(
        conversation_id=conversation.pk, to_person=False, site_url="http://testserver"
    )
    assert mailoutbox == []


def _fill(person: Any, clinic: Any, count: int) -> None:
    conversation = Conversation.objects.get_or_create(owner=person, clinic=clinic)[0]
    start = timezone.now() - dt.timedelta(days=2)
    Message.objects.bulk_create(
        Message(
            conversation=conversation,
            author=person if i % 2 else clinic.memberships.first().user,
            from_person=bool(i % 2),
            text=f"message {i}",
            created_at=start + dt.timedelta(minutes=i),
        )
        for i in range(count)
    )


@pytest.mark.parametrize("count", [5, 50])
def test_query_counts_do_not_grow_with_the_conversation(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    api: Any,
    web: Any,
    count: int,
    django_assert_max_num_queries: Any,
) -> None:
    share(person, clinics.riverside)
    share(person, clinics.hillside)
    _fill(person, clinics.riverside, count)
    _fill(person, clinics.hillside, count)
    kim_api = verified_api(clinics.kim)
    kim_web = verified_web(clinics.kim)
    # The counts measured with 5 messages in each of two conversations; 50 must need no more.
    # A clinician's read appends to the access log, which on PostgreSQL first takes its lock.
    lock = 1 if connection.vendor == "postgresql" else 0
    with django_assert_max_num_queries(5):
        assert len(_only_texts(api.get("/messages"))) == 2 * count
    with django_assert_max_num_queries(8):
        assert web.get("/clinic/messages/").status_code == 200
    with django_assert_max_num_queries(12 + lock):
        assert len(kim_api.get(_path(person)).json()["messages"]) == count
    with django_assert_max_num_queries(16 + lock):
        assert kim_web.get(f"/clinic/patients/{person.pk}/messages/").status_code == 200


def _only_texts(response: Any) -> list[str]:
    assert response.status_code == 200
    return [m["text"] for c in response.json()["conversations"] for m in c["messages"]]
