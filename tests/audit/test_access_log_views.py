"""The person's "Who saw my data": the page, ``GET /api/v1/access-log`` and the CSV accounting
of disclosures. Each person sees only their own log, and reading it is not logged."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from stepdown.audit.models import AccessEvent
from stepdown.audit.services import record_access, record_action

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 12, 3, 10, 14, tzinfo=dt.UTC)
SENTENCE = (
    "Dr. Lee (lee@clinic.example), clinician, opened your journal and plan, "
    "3 December 2026 at 10:14, for treatment"
)


def _read(actor: Any, owner: Any, *, at: dt.datetime = AT, **extra: Any) -> AccessEvent:
    fields: dict[str, Any] = {"data_classes": ["journal", "plan"], "kind": "page"}
    with time_machine.travel(at, tick=False):
        event = record_access(actor=actor, owner=owner, route="clinic:patient", **fields | extra)
    assert event is not None
    return event


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_page_lists_each_access_in_plain_words(clinician: Any, patient: Any) -> None:
    _read(clinician, patient)
    with time_machine.travel(AT + dt.timedelta(hours=2), tick=False):
        record_action(
            actor=clinician,
            owner=patient,
            action="note",
            data_classes=["notes"],
            kind="page",
            route="clinic:note_new",
        )
    page = _signed_in(patient).get(reverse("audit:access_log"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Get help now" in text  # the site shell
    assert SENTENCE + "." in text
    assert (
        "Dr. Lee (lee@clinic.example), clinician, wrote a note about you, "
        "3 December 2026 at 12:14, for treatment." in text
    )
    # Newest first.
    assert text.index("wrote a note") < text.index("opened your journal")


def test_times_are_in_the_persons_own_zone(clinician: Any, person: Any) -> None:
    _read(clinician, person, kind="pdf", data_classes=["checkins"])
    text = _signed_in(person).get(reverse("audit:access_log")).content.decode()
    # Sam is in Chicago: 10:14 UTC on 3 December is 04:14 there (UTC−6 in winter).
    assert (
        "Dr. Lee (lee@clinic.example), clinician, downloaded a PDF report of your check-ins, "
        "3 December 2026 at 04:14, for treatment." in text
    )


def test_each_person_sees_only_their_own_log(
    clinician: Any, patient: Any, other_person: Any
) -> None:
    _read(clinician, patient)
    other = _signed_in(other_person).get(reverse("audit:access_log")).content.decode()
    assert "Dr. Lee" not in other
    assert "Nobody else has seen your data." in other
    csv_text = _signed_in(other_person).get(reverse("audit:access_log_csv")).content.decode()
    assert "lee@clinic.example" not in csv_text


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    for name in ("audit:access_log", "audit:access_log_csv"):
        response = Client().get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_account_settings_link_to_the_page(patient: Any) -> None:
    text = _signed_in(patient).get(reverse("accounts:settings")).content.decode()
    assert f'href="{reverse("audit:access_log")}"' in text
    assert "Who saw my data" in text


def test_the_page_is_paginated_by_50(clinician: Any, patient: Any) -> None:
    for minute in range(51):
        _read(clinician, patient, at=AT + dt.timedelta(minutes=minute))
    client = _signed_in(patient)
    first = client.get(reverse("audit:access_log")).content.decode()
    second = client.get(reverse("audit:access_log") + "?page=2").content.decode()
    assert first.count("<li>Dr. Lee") == 50
    assert "11:04" in first  # the newest (10:14 + 50 minutes)
    assert second.count("<li>Dr. Lee") == 1
    assert "3 December 2026 at 10:14" in second  # the oldest


def test_reading_ones_own_log_is_not_logged(clinician: Any, patient: Any, api_for: Any) -> None:
    _read(clinician, patient)
    client, api = _signed_in(patient), api_for(patient)
    client.get(reverse("audit:access_log"))
    client.get(reverse("audit:access_log_csv"))
    api.get("/access-log")
    api.get("/access-log.csv")
    assert AccessEvent.objects.count() == 1


def test_the_urls_carry_no_personal_data(clinician: Any, patient: Any) -> None:
    for minute in range(51):
        _read(clinician, patient, at=AT + dt.timedelta(minutes=minute))
    assert reverse("audit:access_log") == "/account/access-log/"
    assert reverse("audit:access_log_csv") == "/account/access-log/access-log.csv"
    page = _signed_in(patient).get(reverse("audit:access_log")).content.decode()
    pager = [link for link in re.findall(r'href="([^"]+)"', page) if "page=" in link]
    assert pager == ["?page=2"]


def test_the_api_lists_the_log_with_its_contract_fields(
    clinician: Any, patient: Any, other_person: Any, api_for: Any
) -> None:
    _read(clinician, patient)
    _read(clinician, patient, at=AT + dt.timedelta(days=1), kind="api", data_classes=["skin"])
    answer = api_for(patient).get("/access-log", limit=1)
    assert answer.status_code == 200
    body = answer.json()
    assert (body["count"], body["limit"], body["offset"]) == (2, 1, 0)
    assert body["items"] == [
        {
            "at": "2026-12-04T10:14:00Z",
            "actor": {"name": "Dr. Lee", "email": "lee@clinic.example"},
            "actor_role": "clinician",
            "data_classes": ["skin"],
            "kind": "api",
            "purpose": "treatment",
            "action": "read",
            "description": "Dr. Lee (lee@clinic.example), clinician, read your skin photos "
            "through the API, 4 December 2026 at 10:14, for treatment",
        }
    ]
    older = api_for(patient).get("/access-log", offset=1).json()["items"]
    assert [item["description"] for item in older] == [SENTENCE]
    assert api_for(other_person).get("/access-log").json() == {
        "items": [],
        "count": 0,
        "limit": 50,
        "offset": 0,
    }


def test_the_api_refuses_a_bad_page_naming_the_field(patient: Any, api_for: Any) -> None:
    answer = api_for(patient).get("/access-log", limit=0)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "limit"]
    assert api_for(patient).get("/access-log", offset="1.5").status_code == 422


def _csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode())))


def test_the_csv_covers_the_past_three_years_oldest_first(
    clinician: Any, patient: Any, api_for: Any
) -> None:
    now = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)
    _read(clinician, patient, at=dt.datetime(2024, 5, 31, 9, 0, tzinfo=dt.UTC))  # too old
    _read(clinician, patient, at=dt.datetime(2024, 6, 1, 9, 0, 1, tzinfo=dt.UTC))
    _read(clinician, patient, at=dt.datetime(2027, 5, 30, 8, 0, tzinfo=dt.UTC), kind="export")
    with time_machine.travel(now, tick=False):
        web = _signed_in(patient).get(reverse("audit:access_log_csv"))
        api = api_for(patient).get("/access-log.csv")
    for response in (web, api):
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="access-log.csv"'
        assert "no-store" in response["Cache-Control"]
    assert web.content == api.content
    rows = _csv(web.content)
    assert [row["at_utc"] for row in rows] == [
        "2024-06-01T09:00:01+00:00",
        "2027-05-30T08:00:00+00:00",
    ]
    assert rows[1] == {
        "at_utc": "2027-05-30T08:00:00+00:00",
        "recipient_name": "Dr. Lee",
        "recipient_email": "lee@clinic.example",
        "recipient_role": "clinician",
        "data_classes": "journal;plan",
        "kind": "export",
        "action": "read",
        "purpose": "treatment",
        "description": "Dr. Lee (lee@clinic.example), clinician, exported your journal and "
        "plan, 30 May 2027 at 08:00, for treatment",
    }


def test_the_csv_does_not_let_a_name_become_a_spreadsheet_formula(
    make_user: Any, patient: Any
) -> None:
    sly = make_user("sly@clinic.example", display_name="=HYPERLINK(1)")
    _read(sly, patient)
    row = _csv(_signed_in(patient).get(reverse("audit:access_log_csv")).content)[0]
    assert row["recipient_name"] == "'=HYPERLINK(1)"
