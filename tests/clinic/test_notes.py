"""Clinicians' notes: the routes, the pages, who may read which, and the access log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from tests.mfa_helpers import verified_api, verified_web

from stepdown.accounts.clock import local_today
from stepdown.audit.models import AccessEvent
from stepdown.clinic.consents import consent_revoke

pytestmark = pytest.mark.django_db

WITH_NOTES = ("journal", "plan", "notes")


def _notes_path(person: Any) -> str:
    return f"/clinic/patients/{person.pk}/notes"


def test_a_clinician_writes_and_reads_notes_and_the_writes_and_reads_are_logged(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=WITH_NOTES)
    api = verified_api(clinics.kim)
    first = api.post(
        _notes_path(person), {"text": "  Sleeps badly at step 3. ", "shared_with_person": True}
    )
    assert first.status_code == 201, first.content
    assert first.json()["text"] == "Sleeps badly at step 3."
    assert first.json()["shared_with_person"] is True
    assert first.json()["clinic_name"] == "Riverside Clinic"
    second = api.post(_notes_path(person), {"text": "Discussed a hold."})
    assert second.status_code == 201
    assert second.json()["shared_with_person"] is False

    listed = api.get(_notes_path(person))
    assert listed.status_code == 200
    assert [n["text"] for n in listed.json()] == ["Discussed a hold.", "Sleeps badly at step 3."]
    # The admin of the same clinic sees them too (no clinician named on the consent).
    assert len(verified_api(clinics.lee).get(_notes_path(person)).json()) == 2

    events = list(AccessEvent.objects.filter(owner=person).order_by("id"))
    assert [(e.action, e.kind, e.actor_id) for e in events] == [
        ("note", "api", clinics.kim.pk),
        ("note", "api", clinics.kim.pk),
        ("read", "api", clinics.kim.pk),
        ("read", "api", clinics.lee.pk),
    ]
    assert all(e.data_classes == ["notes"] for e in events)


def test_the_person_sees_only_the_notes_shared_with_them(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any, web: Client
) -> None:
    share(person, clinics.riverside, data_classes=WITH_NOTES)
    clinic_api = verified_api(clinics.kim)
    clinic_api.post(
        _notes_path(person), {"text": "Shared: well done this week.", "shared_with_person": True}
    )
    clinic_api.post(
        _notes_path(person), {"text": "Private: watch for relapse.", "shared_with_person": False}
    )

    mine = api.get("/notes")
    assert mine.status_code == 200
    assert [n["text"] for n in mine.json()] == ["Shared: well done this week."]
    assert mine.json()[0]["author"] == "kim@clinic.example"

    page = web.get(reverse("clinic:my_notes"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Shared: well done this week." in html
    assert "Private: watch for relapse." not in html
    # Linked from the sharing page, and announced on Today while new.
    assert reverse("clinic:my_notes") in web.get(reverse("clinic:sharing")).content.decode()
    today = web.get(reverse("today:today")).content.decode()
    assert 'data-testid="new-shared-note"' in today
    assert reverse("clinic:my_notes") in today


def test_today_shows_no_note_card_without_a_new_shared_note(
    clinics: Any, share: Callable[..., Any], person: Any, web: Client
) -> None:
    from stepdown.clinic.models import Note

    share(person, clinics.riverside, data_classes=WITH_NOTES)
    verified_api(clinics.kim).post(_notes_path(person), {"text": "Clinic only."})
    assert 'data-testid="new-shared-note"' not in web.get(reverse("today:today")).content.decode()
    Note.objects.create(
        owner=person,
        clinic=clinics.riverside,
        author=clinics.kim,
        text="An old shared note.",
        shared_with_person=True,
        created_at=timezone.now() - dt.timedelta(days=8),
    )
    assert 'data-testid="new-shared-note"' not in web.get(reverse("today:today")).content.decode()


@pytest.mark.parametrize("who", ["kim", "roe"])
def test_scoping_only_named_clinician_and_own_clinic(
    clinics: Any, share: Callable[..., Any], person: Any, who: str
) -> None:
    """The consent names only Lee: Kim (same clinic) and Roe (other clinic) get 404 and write
    nothing."""
    share(person, clinics.riverside, clinicians=[clinics.lee], data_classes=WITH_NOTES)
    api = verified_api(getattr(clinics, who))
    assert api.get(_notes_path(person)).status_code == 404
    assert api.post(_notes_path(person), {"text": "x"}).status_code == 404
    assert verified_api(clinics.lee).get(_notes_path(person)).status_code == 200
    assert not AccessEvent.objects.filter(actor=getattr(clinics, who)).exists()


def test_another_clinics_notes_stay_with_that_clinic(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=WITH_NOTES)
    share(person, clinics.hillside, data_classes=WITH_NOTES)
    verified_api(clinics.kim).post(_notes_path(person), {"text": "Riverside's note."})
    verified_api(clinics.roe).post(_notes_path(person), {"text": "Hillside's note."})
    assert [n["text"] for n in verified_api(clinics.roe).get(_notes_path(person)).json()] == [
        "Hillside's note."
    ]
    assert [n["text"] for n in verified_api(clinics.kim).get(_notes_path(person)).json()] == [
        "Riverside's note."
    ]


def test_notes_need_the_notes_class_and_a_consent_in_force(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    consent = share(person, clinics.riverside, data_classes=("journal", "plan"))
    api = verified_api(clinics.kim)
    assert api.get(_notes_path(person)).status_code == 404
    assert api.post(_notes_path(person), {"text": "x"}).status_code == 404

    consent_revoke(owner=person, consent_id=consent.pk)
    consent = share(person, clinics.riverside, data_classes=WITH_NOTES)
    assert api.get(_notes_path(person)).status_code == 200
    consent_revoke(owner=person, consent_id=consent.pk)
    assert api.get(_notes_path(person)).status_code == 404

    expiring = share(person, clinics.riverside, data_classes=WITH_NOTES)
    type(expiring).objects.filter(pk=expiring.pk).update(
        expires_on=local_today(person) - dt.timedelta(days=1),
        expires_at=timezone.now() - dt.timedelta(minutes=1),
    )
    assert api.get(_notes_path(person)).status_code == 404
    assert api.post(_notes_path(person), {"text": "x"}).status_code == 404


def test_a_note_without_text_is_refused_naming_the_field(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=WITH_NOTES)
    api = verified_api(clinics.kim)
    for body in ({"text": "   "}, {"text": "x" * 4001}):
        response = api.post(_notes_path(person), body)
        assert response.status_code == 422
        assert [d["loc"][-1] for d in response.json()["detail"]] == ["text"]
    assert api.get(_notes_path(person)).json() == []


def test_the_clinicians_notes_page_writes_and_lists(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=WITH_NOTES)
    web = verified_web(clinics.kim)
    url = reverse("clinic:patient_notes", args=[person.pk])
    assert web.get(url).status_code == 200
    saved = web.post(url, {"text": "Page note.", "shared_with_person": "on"})
    assert saved.status_code == 302
    page = web.get(url).content.decode()
    assert "Page note." in page
    assert "shared with the person" in page
    empty = web.post(url, {"text": ""})
    assert empty.status_code == 422
    assert "Note" in empty.content.decode()
    # Another clinic's clinician: 404 on the page.
    assert verified_web(clinics.roe).get(url).status_code == 404
    kinds = list(
        AccessEvent.objects.filter(owner=person, actor=clinics.kim)
        .order_by("id")
        .values_list("action", "kind")
    )
    assert kinds == [("read", "page"), ("note", "page"), ("read", "page"), ("read", "page")]
