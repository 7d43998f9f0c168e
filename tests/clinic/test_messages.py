"""Messages between a person and a clinic through the API: both sides, who may read and write
which conversation, bad input, retries, read state, emails and the access log."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from tests.mfa_helpers import verified_api

from stepdown.accounts.clock import local_today
from stepdown.audit.models import AccessEvent
from stepdown.clinic.consents import consent_revoke
from stepdown.clinic.models import Message

pytestmark = pytest.mark.django_db


def _path(person: Any) -> str:
    return f"/clinic/patients/{person.pk}/messages"


def _only(response: Any) -> dict[str, Any]:
    """The single conversation of a person's GET /messages."""
    assert response.status_code == 200, response.content
    conversations = response.json()["conversations"]
    assert len(conversations) == 1
    return conversations[0]


def test_a_person_and_a_clinician_write_to_each_other(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any
) -> None:
    share(person, clinics.riverside)
    kim = verified_api(clinics.kim)

    empty = _only(api.get("/messages"))
    assert empty["clinic_name"] == "Riverside Clinic"
    assert empty["can_write"] is True
    assert empty["messages"] == []

    sent = api.post("/messages", {"text": "  Step 3 is hard on my sleep.\n"})
    assert sent.status_code == 201, sent.content
    assert sent.json()["text"] == "Step 3 is hard on my sleep."
    assert sent.json()["sender"] == "person"
    reply = kim.post(_path(person), {"text": "Thank you for telling us. Shall we hold a week?"})
    assert reply.status_code == 201, reply.content
    assert reply.json()["sender"] == "clinic"
    assert reply.json()["author"] == "kim@clinic.example"

    mine = api.get("/messages")
    assert mine.json()["unread_count"] == 1
    thread = _only(mine)
    assert [(m["sender"], m["text"]) for m in thread["messages"]] == [
        ("person", "Step 3 is hard on my sleep."),
        ("clinic", "Thank you for telling us. Shall we hold a week?"),
    ]
    # The clinician's reply marked the person's message read on the clinic's side.
    assert thread["messages"][0]["read_at"] is not None
    assert thread["messages"][1]["read_at"] is None

    # Lee, the admin of the same clinic, reads the same conversation (no clinician named).
    clinic_side = verified_api(clinics.lee).get(_path(person))
    assert clinic_side.status_code == 200
    assert [m["text"] for m in clinic_side.json()["messages"]] == [
        "Step 3 is hard on my sleep.",
        "Thank you for telling us. Shall we hold a week?",
    ]
    assert clinic_side.json()["unread_count"] == 0


def test_reading_is_a_post_and_a_get_changes_nothing(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any
) -> None:
    share(person, clinics.riverside)
    kim = verified_api(clinics.kim)
    kim.post(_path(person), {"text": "First."})
    kim.post(_path(person), {"text": "Second."})
    for _ in range(2):
        assert api.get("/messages").json()["unread_count"] == 2
    marked = api.post("/messages/read", {})
    assert marked.status_code == 200
    assert marked.json() == {"marked": 2}
    assert api.get("/messages").json()["unread_count"] == 0
    assert api.post("/messages/read", {}).json() == {"marked": 0}

    api.post("/messages", {"text": "One."})
    api.post("/messages", {"text": "Two."})
    assert kim.get(_path(person)).json()["unread_count"] == 2
    assert kim.get(_path(person)).json()["unread_count"] == 2
    assert kim.post(f"{_path(person)}/read").json() == {"marked": 2}
    assert kim.get(_path(person)).json()["unread_count"] == 0


def test_with_two_clinics_the_person_says_which(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any
) -> None:
    share(person, clinics.riverside)
    share(person, clinics.hillside)
    unsaid = api.post("/messages", {"text": "Hello"})
    assert unsaid.status_code == 422
    assert [d["loc"] for d in unsaid.json()["detail"]] == [["body", "clinic_id"]]

    to_hillside = api.post(
        "/messages", {"text": "Hello Hillside", "clinic_id": clinics.hillside.pk}
    )
    assert to_hillside.status_code == 201
    names = [c["clinic_name"] for c in api.get("/messages").json()["conversations"]]
    assert sorted(names) == ["Hillside Practice", "Riverside Clinic"]
    # Each clinic sees only its own conversation.
    assert [m["text"] for m in verified_api(clinics.roe).get(_path(person)).json()["messages"]] == [
        "Hello Hillside"
    ]
    assert verified_api(clinics.kim).get(_path(person)).json()["messages"] == []
    assert api.post("/messages/read", {"clinic_id": clinics.hillside.pk}).status_code == 200


def test_a_person_writes_only_to_a_clinic_they_share_with(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any
) -> None:
    nobody = api.post("/messages", {"text": "Anyone there?"})
    assert nobody.status_code == 422
    assert nobody.json()["detail"][0]["loc"] == ["body", "clinic_id"]
    assert api.get("/messages").json() == {"unread_count": 0, "conversations": []}

    consent = share(person, clinics.riverside)
    not_shared = api.post("/messages", {"text": "Hi", "clinic_id": clinics.hillside.pk})
    assert not_shared.status_code == 422
    assert not_shared.json()["detail"][0]["loc"] == ["body", "clinic_id"]

    assert api.post("/messages", {"text": "Before I stop sharing."}).status_code == 201
    consent_revoke(owner=person, consent_id=consent.pk)
    after = api.post("/messages", {"text": "After.", "clinic_id": clinics.riverside.pk})
    assert after.status_code == 422
    # The person still reads what they wrote; the clinic no longer does.
    thread = _only(api.get("/messages"))
    assert thread["can_write"] is False
    assert [m["text"] for m in thread["messages"]] == ["Before I stop sharing."]
    assert verified_api(clinics.kim).get(_path(person)).status_code == 404
    assert Message.objects.count() == 1


@pytest.mark.parametrize("who", ["kim", "roe"])
def test_a_clinician_the_consent_does_not_cover_gets_404_and_writes_nothing(
    clinics: Any, share: Callable[..., Any], person: Any, who: str
) -> None:
    """The consent names only Lee: Kim (same clinic) and Roe (another clinic) see nothing."""
    share(person, clinics.riverside, clinicians=[clinics.lee])
    api = verified_api(getattr(clinics, who))
    assert api.get(_path(person)).status_code == 404
    assert api.post(_path(person), {"text": "Hello"}).status_code == 404
    assert api.post(f"{_path(person)}/read").status_code == 404
    assert verified_api(clinics.lee).get(_path(person)).status_code == 200
    assert not AccessEvent.objects.filter(actor=getattr(clinics, who)).exists()
    assert Message.objects.count() == 0


def test_revoked_or_expired_consent_ends_the_clinicians_access(
    clinics: Any, share: Callable[..., Any], person: Any, other_person: Any
) -> None:
    kim = verified_api(clinics.kim)
    # Someone who never shared: the same 404 as someone who does not exist.
    assert kim.get(_path(other_person)).status_code == 404
    assert kim.get("/clinic/patients/999999/messages").status_code == 404

    consent = share(person, clinics.riverside)
    assert kim.post(_path(person), {"text": "Hello"}).status_code == 201
    consent_revoke(owner=person, consent_id=consent.pk)
    assert kim.get(_path(person)).status_code == 404
    assert kim.post(_path(person), {"text": "Still there?"}).status_code == 404

    expiring = share(person, clinics.riverside)
    type(expiring).objects.filter(pk=expiring.pk).update(
        expires_on=local_today(person) - dt.timedelta(days=1),
        expires_at=timezone.now() - dt.timedelta(minutes=1),
    )
    assert kim.get(_path(person)).status_code == 404
    assert kim.post(_path(person), {"text": "x"}).status_code == 404
    assert Message.objects.count() == 1


def test_another_person_never_sees_someone_elses_conversation(
    clinics: Any, share: Callable[..., Any], person: Any, other_person: Any, api_for: Any
) -> None:
    share(person, clinics.riverside)
    verified_api(clinics.kim).post(_path(person), {"text": "For Sam only."})
    alex = api_for(other_person)
    assert alex.get("/messages").json() == {"unread_count": 0, "conversations": []}
    assert alex.post("/messages/read", {}).json() == {"marked": 0}
    # A person is not staff: the clinician's route is a 404 even for their own id.
    assert alex.get(_path(person)).status_code == 404
    assert api_for(person).get(_path(person)).status_code == 404


def test_a_clinician_needs_the_second_factor(
    clinics: Any, share: Callable[..., Any], person: Any, api_for: Any
) -> None:
    share(person, clinics.riverside)
    unverified = api_for(clinics.kim).get(_path(person))
    assert unverified.status_code == 403
    assert unverified.json()["code"] == "mfa_required"


@pytest.mark.parametrize(
    "body",
    [{"text": ""}, {"text": "   \n "}, {"text": "x" * 2001}, {"text": 5}, {}],
)
def test_bad_text_is_refused_naming_the_field(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any, body: dict[str, Any]
) -> None:
    share(person, clinics.riverside)
    for response in (
        api.post("/messages", body),
        verified_api(clinics.kim).post(_path(person), body),
    ):
        assert response.status_code == 422, response.content
        assert [d["loc"] for d in response.json()["detail"]] == [["body", "text"]]
        assert response.json()["detail"][0]["msg"]
    assert Message.objects.count() == 0


def test_unknown_fields_and_bad_keys_are_refused(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any
) -> None:
    share(person, clinics.riverside)
    attachment = api.post("/messages", {"text": "see file", "attachment": "x.pdf"})
    assert attachment.status_code == 422
    assert attachment.json()["detail"][0]["loc"] == ["body", "attachment"]
    bad_key = api.post("/messages", {"text": "hi", "client_id": "not-a-uuid"})
    assert bad_key.status_code == 422
    assert bad_key.json()["detail"][0]["loc"] == ["body", "client_id"]
    assert Message.objects.count() == 0


def test_a_retried_send_returns_the_original(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any, mailoutbox: Any
) -> None:
    share(person, clinics.riverside)
    key = str(uuid.uuid4())
    first = api.post("/messages", {"text": "Only once, please.", "client_id": key})
    again = api.post("/messages", {"text": "Only once, please.", "client_id": key})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["client_id"] == key

    kim = verified_api(clinics.kim)
    clinic_key = str(uuid.uuid4())
    one = kim.post(_path(person), {"text": "Noted.", "client_id": clinic_key})
    two = kim.post(_path(person), {"text": "Noted.", "client_id": clinic_key})
    assert (one.status_code, two.status_code) == (201, 200)
    assert one.json()["id"] == two.json()["id"]
    assert Message.objects.count() == 2
    # One write in the access log for the one message written.
    assert AccessEvent.objects.filter(owner=person, action="message").count() == 1


def test_clinician_reads_and_writes_are_in_the_access_log(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any
) -> None:
    share(person, clinics.riverside)
    kim = verified_api(clinics.kim)
    kim.post(_path(person), {"text": "Hello"})
    kim.get(_path(person))
    kim.get(_path(person))
    api.get("/messages")  # the person reading their own: not logged
    api.post("/messages", {"text": "Hi"})
    events = list(AccessEvent.objects.filter(owner=person).order_by("id"))
    assert [(e.action, e.kind, e.actor_id, e.data_classes) for e in events] == [
        ("message", "api", clinics.kim.pk, ["messages"]),
        ("read", "api", clinics.kim.pk, ["messages"]),
        ("read", "api", clinics.kim.pk, ["messages"]),
    ]
    log = api.get("/access-log")
    assert log.status_code == 200
    words = str(log.json())
    assert "wrote you a message" in words
    assert "messages" in words


def test_text_is_kept_as_written_and_returned_as_plain_text(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any
) -> None:
    share(person, clinics.riverside)
    text = '<b>bold</b> & <script>alert("x")</script> https://example.org'
    assert api.post("/messages", {"text": text}).status_code == 201
    assert _only(api.get("/messages"))["messages"][0]["text"] == text


def test_messages_are_not_a_consent_class(person: Any, api: Any) -> None:
    from stepdown.clinic.data_classes import ALL

    assert "messages" not in ALL
    assert ALL == ("journal", "plan", "checkins", "medicines", "skin", "notes")


def test_the_clinician_list_shows_the_newest_messages(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    from stepdown.clinic import messages as service

    share(person, clinics.riverside)
    kim = verified_api(clinics.kim)
    conversation = service._conversation(person.pk, clinics.riverside.pk)
    start = timezone.now() - dt.timedelta(days=1)
    Message.objects.bulk_create(
        Message(
            conversation=conversation,
            author=person,
            from_person=True,
            text=f"message {i}",
            created_at=start + dt.timedelta(minutes=i),
        )
        for i in range(service.SHOWN + 3)
    )
    body = kim.get(_path(person)).json()
    assert body["has_more"] is True
    texts = [m["text"] for m in body["messages"]]
    assert len(texts) == service.SHOWN
    assert texts[0] == "message 3"
    assert texts[-1] == f"message {service.SHOWN + 2}"
    assert body["unread_count"] == service.SHOWN + 3
