"""Notes and plan proposals on the patient page, in its JSON and in the report: shown only with
the data class that allows them (notes: ``notes``, proposals: ``plan``), newest first, with
who, when, status and the preview; the page's forms write through the notes and proposals
views and come back to the page."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone
from tests.mfa_helpers import verified_api, verified_web

from stepdown.audit.models import AccessEvent
from stepdown.clinic.models import Note
from stepdown.plans.models import Plan
from stepdown.plans.services import plan_create

pytestmark = pytest.mark.django_db

WITH_BOTH = ("journal", "plan", "notes")


@pytest.fixture
def plan(person: Any) -> Plan:
    """10 g a day, cut 10 % every 7 days."""
    return plan_create(
        owner=person, start_g="10", method="proportional", rate_pct="10", interval_days=7
    ).plan


def _note(api: Any, person: Any, text: str, shared: bool = False) -> None:
    made = api.post(
        f"/clinic/patients/{person.pk}/notes", {"text": text, "shared_with_person": shared}
    )
    assert made.status_code == 201, made.content


def _propose(api: Any, person: Any, days: int, reason: str) -> dict[str, Any]:
    made = api.post(
        f"/clinic/patients/{person.pk}/proposals", {"kind": "hold", "days": days, "reason": reason}
    )
    assert made.status_code == 201, made.content
    return dict(made.json())


def _page(viewer: Any, person: Any) -> str:
    response = verified_web(viewer).get(reverse("clinic:patient", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_notes_newest_first_and_proposals_with_their_preview(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan
) -> None:
    share(person, clinics.riverside, data_classes=WITH_BOTH)
    api = verified_api(clinics.kim)
    _note(api, person, "First talk: sleeps badly.", shared=True)
    _note(api, person, "Second talk: calmer.")
    _propose(api, person, 4, "A hard week ahead.")
    body = _page(clinics.lee, person)
    assert 'data-section="notes"' in body
    assert 'data-section="proposals"' in body
    assert body.index("Second talk: calmer.") < body.index("First talk: sleeps badly.")
    assert body.count('data-testid="note"') == 2
    assert 'data-shared="yes"' in body
    assert 'data-shared="no"' in body
    assert "shared with the person" in body
    assert "clinic only" in body
    assert "Hold the current step for 4 more days" in body
    assert "A hard week ahead." in body
    assert 'data-status="pending"' in body
    assert "waiting for their answer" in body
    assert "your answer" not in body
    # A hold of 4 days moves the end by 4; the page names the last planned day (end - 1).
    new_last = plan.end_date + dt.timedelta(days=4) - dt.timedelta(days=1)
    assert f"last planned day {new_last:%-d %b %Y}" in body
    # Both forms post to the notes and proposals pages, and say where to come back to.
    assert f'action="{reverse("clinic:patient_notes", args=[person.pk])}"' in body
    assert f'action="{reverse("clinic:patient_proposals", args=[person.pk])}"' in body
    here = reverse("clinic:patient", args=[person.pk])
    assert f'name="next" value="{here}#notes"' in body
    assert f'name="next" value="{here}#proposals"' in body


def test_a_decided_proposal_shows_its_decision(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan, api: Any
) -> None:
    share(person, clinics.riverside, data_classes=WITH_BOTH)
    made = _propose(verified_api(clinics.kim), person, 3, "Give it time.")
    assert api.post(f"/proposals/{made['id']}/decline").status_code == 200
    body = _page(clinics.kim, person)
    assert 'data-status="declined"' in body
    assert "· declined" in body
    assert "last planned day" not in body  # a decided proposal has no preview


def test_without_notes_or_plan_the_sections_and_keys_are_absent(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan
) -> None:
    share(person, clinics.riverside, data_classes=WITH_BOTH)
    api = verified_api(clinics.kim)
    _note(api, person, "Kept for the clinic.")
    _propose(api, person, 2, "Slow week.")
    # A new consent naming only the journal replaces the first.
    share(person, clinics.riverside, data_classes=("journal",))
    body = _page(clinics.kim, person)
    assert 'data-section="notes"' not in body
    assert 'data-section="proposals"' not in body
    assert "Kept for the clinic." not in body
    assert "Slow week." not in body
    json = api.get(f"/clinic/patients/{person.pk}").json()
    assert "notes" not in json
    assert "proposals" not in json


def test_the_json_carries_notes_with_notes_and_proposals_with_plan(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan
) -> None:
    share(person, clinics.riverside, data_classes=("journal", "plan"))
    api = verified_api(clinics.kim)
    made = _propose(api, person, 6, "Travel next week.")
    json = api.get(f"/clinic/patients/{person.pk}").json()
    assert "notes" not in json
    assert [(p["id"], p["status"], p["reason"]) for p in json["proposals"]] == [
        (made["id"], "pending", "Travel next week.")
    ]
    assert (
        json["proposals"][0]["new_end_date"] == (plan.end_date + dt.timedelta(days=6)).isoformat()
    )

    share(person, clinics.riverside, data_classes=("journal", "notes"))
    _note(api, person, "Asked about sleep.", shared=True)
    json = api.get(f"/clinic/patients/{person.pk}").json()
    assert "proposals" not in json
    assert [(n["text"], n["shared_with_person"]) for n in json["notes"]] == [
        ("Asked about sleep.", True)
    ]


def test_the_page_shows_the_newest_ten_and_links_to_every_note(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    consent = share(person, clinics.riverside, data_classes=("journal", "notes"))
    Note.objects.bulk_create(
        Note(owner=person, clinic=consent.clinic, author=clinics.kim, text=f"Note number {n}.")
        for n in range(12)
    )
    body = _page(clinics.kim, person)
    assert body.count('data-testid="note"') == 10
    assert f'href="{reverse("clinic:patient_notes", args=[person.pk])}"' in body


def test_the_page_forms_write_and_come_back_with_one_event_each(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan
) -> None:
    share(person, clinics.riverside, data_classes=WITH_BOTH)
    client = verified_web(clinics.kim)
    here = reverse("clinic:patient", args=[person.pk])
    saved = client.post(
        reverse("clinic:patient_notes", args=[person.pk]),
        {"text": "Wrote from the page.", "next": f"{here}#notes"},
    )
    assert saved.status_code == 302
    assert saved["Location"] == f"{here}#notes"
    sent = client.post(
        reverse("clinic:patient_proposals", args=[person.pk]),
        {"kind": "hold", "days": "3", "reason": "From the page.", "next": f"{here}#proposals"},
    )
    assert sent.status_code == 302
    assert sent["Location"] == f"{here}#proposals"
    # Another site is never a place to come back to.
    away = client.post(
        reverse("clinic:patient_notes", args=[person.pk]),
        {"text": "Another.", "next": "https://elsewhere.example/"},
    )
    assert away["Location"] == reverse("clinic:patient_notes", args=[person.pk])
    actions = list(
        AccessEvent.objects.filter(owner=person).exclude(action="").values_list("action", flat=True)
    )
    assert sorted(actions) == ["note", "note", "proposal"]
    body = client.get(here).content.decode()
    assert "Wrote from the page." in body
    assert "From the page." in body


def _pdf_text(viewer: Any, person: Any) -> str:
    response = verified_web(viewer).get(reverse("clinic:patient_report", args=[person.pk]))
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_the_report_lists_the_periods_notes_and_proposals_with_their_decision(
    clinics: Any, share: Callable[..., Any], person: Any, plan: Plan, api: Any
) -> None:
    share(person, clinics.riverside, data_classes=WITH_BOTH)
    kim = verified_api(clinics.kim)
    # A note from before the report's 90 days stays out of it.
    Note.objects.create(
        owner=person,
        clinic=clinics.riverside,
        author=clinics.kim,
        text="An old note.",
        created_at=timezone.now() - dt.timedelta(days=120),
    )
    _note(kim, person, "Recent: asked about sleep.", shared=True)
    declined = _propose(kim, person, 3, "Give it time.")
    assert api.post(f"/proposals/{declined['id']}/decline").status_code == 200
    _propose(kim, person, 5, "A rough week.")
    text = _pdf_text(clinics.lee, person)
    assert "Plan proposals" in text
    assert "Notes" in text
    assert "Recent: asked about sleep." in text
    assert "An old note." not in text
    assert "shared with the person" in text
    assert "Hold the current step for 3 more days" in text
    assert "Declined" in text
    assert "Hold the current step for 5 more days" in text
    assert "Waiting for their answer" in text
    assert "kim@clinic.example" in text  # who proposed and who wrote


def test_the_report_without_notes_has_no_notes_section(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=("journal",))
    text = _pdf_text(clinics.kim, person)
    assert "Plan proposals" not in text
    assert "Notes" not in text
