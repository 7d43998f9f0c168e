"""Messages pages: the person's conversations, a clinician's conversation with one person, the
clinic's "messages waiting" list, the Today card, with and without htmx."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.mfa_helpers import verified_api, verified_web

from stepdown.audit.models import AccessEvent
from stepdown.clinic.consents import consent_revoke
from stepdown.clinic.models import Message

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def _api_path(person: Any) -> str:
    return f"/clinic/patients/{person.pk}/messages"


def test_the_person_writes_from_the_page_without_javascript(
    clinics: Any, share: Callable[..., Any], person: Any, web: Client
) -> None:
    share(person, clinics.riverside)
    url = reverse("clinic:my_messages")
    page = web.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Riverside Clinic" in html
    assert "No messages yet." in html

    sent = web.post(url, {"text": "Hello from the page", "clinic_id": clinics.riverside.pk})
    assert sent.status_code == 302
    assert sent["Location"] == f"{url}#thread-{clinics.riverside.pk}"
    after = web.get(url).content.decode()
    assert "Hello from the page" in after
    assert "Message sent." in after
    assert Message.objects.get().from_person is True


def test_the_person_writes_with_htmx_and_gets_the_conversation_back(
    clinics: Any, share: Callable[..., Any], person: Any, web: Client
) -> None:
    share(person, clinics.riverside)
    url = reverse("clinic:my_messages")
    key = str(uuid.uuid4())
    body = {"text": "Sent with htmx", "clinic_id": clinics.riverside.pk, "client_id": key}
    answer = web.post(url, body, headers=HTMX)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert html.lstrip().startswith(f'<section id="thread-{clinics.riverside.pk}"')
    assert "Sent with htmx" in html
    assert "<html" not in html
    # A double submit of the same form sends once.
    assert web.post(url, body, headers=HTMX).status_code == 200
    assert Message.objects.count() == 1

    empty = web.post(url, {"text": "  ", "clinic_id": clinics.riverside.pk}, headers=HTMX)
    assert empty.status_code == 422
    assert 'role="alert"' in empty.content.decode()
    assert "<html" not in empty.content.decode()
    assert Message.objects.count() == 1


def test_empty_or_long_text_shows_the_field_and_the_reason(
    clinics: Any, share: Callable[..., Any], person: Any, web: Client
) -> None:
    share(person, clinics.riverside)
    url = reverse("clinic:my_messages")
    for text in ("", "x" * 2001):
        answer = web.post(url, {"text": text, "clinic_id": clinics.riverside.pk})
        assert answer.status_code == 422
        html = answer.content.decode()
        assert 'class="field-error"' in html
        assert "Your message" in html
    assert Message.objects.count() == 0


def test_someone_not_sharing_is_told_kindly_and_cannot_write(
    clinics: Any, person: Any, web: Client
) -> None:
    url = reverse("clinic:my_messages")
    assert 'data-testid="no-conversations"' in web.get(url).content.decode()
    refused = web.post(url, {"text": "Hello?", "clinic_id": clinics.riverside.pk})
    assert refused.status_code == 422
    assert "only to a clinic you share with" in refused.content.decode()
    assert Message.objects.count() == 0


def test_text_is_shown_as_plain_text(
    clinics: Any, share: Callable[..., Any], person: Any, web: Client
) -> None:
    share(person, clinics.riverside)
    verified_api(clinics.kim).post(
        _api_path(person), {"text": "<script>alert(1)</script> see https://example.org/x"}
    )
    html = web.get(reverse("clinic:my_messages")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert 'href="https://example.org/x"' not in html


def test_today_counts_the_waiting_messages_of_the_person_only(
    clinics: Any, share: Callable[..., Any], person: Any, other_person: Any, web: Client
) -> None:
    share(person, clinics.riverside)
    share(other_person, clinics.riverside)
    for text in ("One.", "Two."):
        verified_api(clinics.kim).post(_api_path(person), {"text": text})
    verified_api(clinics.kim).post(_api_path(other_person), {"text": "Someone else's."})
    html = web.get(reverse("today:today")).content.decode()
    assert "2 messages from your clinic are waiting." in html


def test_today_says_a_message_is_waiting_until_it_is_read(
    clinics: Any, share: Callable[..., Any], person: Any, web: Client
) -> None:
    share(person, clinics.riverside)
    today = reverse("today:today")
    assert 'data-testid="message-waiting"' not in web.get(today).content.decode()
    verified_api(clinics.kim).post(_api_path(person), {"text": "Private words."})
    html = web.get(today).content.decode()
    assert "A message from your clinic is waiting." in html
    assert reverse("clinic:my_messages") in html
    assert "Private words." not in html

    page = web.get(reverse("clinic:my_messages")).content.decode()
    assert "Mark as read" in page
    read = web.post(reverse("clinic:my_messages_read"), {"clinic_id": clinics.riverside.pk})
    assert read.status_code == 302
    assert 'data-testid="message-waiting"' not in web.get(today).content.decode()
    assert "Mark as read" not in web.get(reverse("clinic:my_messages")).content.decode()


def test_the_messages_page_is_in_the_menu_and_on_the_sharing_page(person: Any, web: Client) -> None:
    url = reverse("clinic:my_messages")
    assert f'href="{url}"' in web.get(reverse("today:today")).content.decode()
    assert f'href="{url}"' in web.get(reverse("clinic:sharing")).content.decode()


def test_the_clinician_reads_and_writes_on_the_patient_messages_page(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any
) -> None:
    share(person, clinics.riverside, signature="Samuel Jones")
    api.post("/messages", {"text": "A question about step 4."})
    kim = verified_web(clinics.kim)
    url = reverse("clinic:patient_messages", args=[person.pk])
    assert url in kim.get(reverse("clinic:patient", args=[person.pk])).content.decode()

    page = kim.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Messages with Samuel Jones" in html
    assert "A question about step 4." in html
    assert "1 new" in html

    sent = kim.post(url, {"text": "Answer from the page."})
    assert sent.status_code == 302
    htmx = kim.post(url, {"text": "Answer with htmx."}, headers=HTMX)
    assert htmx.status_code == 200
    assert "Answer with htmx." in htmx.content.decode()
    empty = kim.post(url, {"text": ""})
    assert empty.status_code == 422
    assert 'class="field-error"' in empty.content.decode()
    assert [m["text"] for m in api.get("/messages").json()["conversations"][0]["messages"]] == [
        "A question about step 4.",
        "Answer from the page.",
        "Answer with htmx.",
    ]
    events = list(
        AccessEvent.objects.filter(owner=person, actor=clinics.kim)
        .order_by("id")
        .values_list("action", "kind")
    )
    # Every rendering of the conversation is a read; every message sent is a write.
    assert events == [
        ("read", "page"),  # the patient page itself
        ("read", "page"),
        ("message", "page"),
        ("message", "page"),
        ("read", "page"),
        ("read", "page"),
    ]


def test_the_patient_messages_page_is_404_without_a_covering_consent(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    consent = share(person, clinics.riverside, clinicians=[clinics.lee])
    url = reverse("clinic:patient_messages", args=[person.pk])
    read_url = reverse("clinic:patient_messages_read", args=[person.pk])
    for who in (clinics.kim, clinics.roe):
        client = verified_web(who)
        assert client.get(url).status_code == 404
        assert client.post(url, {"text": "x"}).status_code == 404
        assert client.post(read_url).status_code == 404
    lee = verified_web(clinics.lee)
    assert lee.get(url).status_code == 200
    consent_revoke(owner=person, consent_id=consent.pk)
    assert lee.get(url).status_code == 404
    assert Message.objects.count() == 0


def test_a_person_cannot_open_the_clinicians_pages(
    clinics: Any, share: Callable[..., Any], person: Any, web: Client
) -> None:
    share(person, clinics.riverside)
    assert web.get(reverse("clinic:patient_messages", args=[person.pk])).status_code == 404
    assert web.get(reverse("clinic:messages_waiting")).status_code == 404
    anonymous = Client().get(reverse("clinic:my_messages"))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))


def test_the_clinic_sees_who_is_waiting_and_marks_read(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    other_person: Any,
    api: Any,
    api_for: Any,
) -> None:
    share(person, clinics.riverside, signature="Samuel Jones")
    share(other_person, clinics.hillside, signature="Alex Berg")
    api.post("/messages", {"text": "One"})
    api.post("/messages", {"text": "Two"})
    api_for(other_person).post("/messages", {"text": "For Hillside"})

    kim = verified_web(clinics.kim)
    waiting = kim.get(reverse("clinic:messages_waiting"))
    assert waiting.status_code == 200
    html = waiting.content.decode()
    assert "Samuel Jones" in html
    assert "2 new messages" in html
    assert "Alex Berg" not in html
    assert reverse("clinic:patient_messages", args=[person.pk]) in html
    kim.get(reverse("clinic:messages_waiting"))
    # One summary a day for the person listed, none for anyone else.
    summaries = AccessEvent.objects.filter(actor=clinics.kim, kind="summary")
    assert list(summaries.values_list("owner_id", "data_classes")) == [(person.pk, ["messages"])]

    read = kim.post(reverse("clinic:patient_messages_read", args=[person.pk]))
    assert read.status_code == 302
    after = kim.get(reverse("clinic:messages_waiting")).content.decode()
    assert 'data-testid="no-messages-waiting"' in after


def test_a_conversation_gone_from_the_page_reloads_it(
    clinics: Any, share: Callable[..., Any], person: Any, web: Client
) -> None:
    """Sharing ended in another tab before anything was written: the htmx form gets the whole
    page again (with the reason) instead of a section that no longer exists."""
    consent = share(person, clinics.riverside)
    consent_revoke(owner=person, consent_id=consent.pk)
    url = reverse("clinic:my_messages")
    answer = web.post(url, {"text": "Hello", "clinic_id": clinics.riverside.pk}, headers=HTMX)
    assert answer.status_code == 204
    assert answer["HX-Redirect"] == url
    assert "no longer here" in web.get(url).content.decode()
    assert Message.objects.count() == 0


def test_without_a_clinic_field_the_only_clinic_is_meant(
    clinics: Any, share: Callable[..., Any], person: Any, web: Client
) -> None:
    share(person, clinics.riverside)
    url = reverse("clinic:my_messages")
    sent = web.post(url, {"text": "No clinic named"})
    assert sent.status_code == 302
    assert sent["Location"] == f"{url}#thread-{clinics.riverside.pk}"
    assert Message.objects.get().conversation.clinic_id == clinics.riverside.pk
