"""API for support contacts, reasons and urges: owner-scoped, strict, idempotent."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.utils import timezone
from tests.api_client import ApiClient

from stepdown.learn import services

pytestmark = pytest.mark.django_db


def test_contacts_crud(api: ApiClient) -> None:
    created = api.post("/support/contacts", {"name": "Maya", "how_to_reach": "555 0188"})
    assert created.status_code == 201
    contact = created.json()
    assert contact == {"id": contact["id"], "name": "Maya", "how_to_reach": "555 0188", "note": ""}
    changed = api.patch(f"/support/contacts/{contact['id']}", {"note": "evenings"})
    assert changed.status_code == 200
    assert changed.json()["note"] == "evenings"
    assert [c["name"] for c in api.get("/support/contacts").json()] == ["Maya"]
    assert api.delete(f"/support/contacts/{contact['id']}").status_code == 204
    assert api.get("/support/contacts").json() == []


def test_reasons_crud_and_the_support_summary(api: ApiClient) -> None:
    reason = api.post("/support/reasons", {"text": "Sleep"}).json()
    assert api.patch(f"/support/reasons/{reason['id']}", {"text": "Sleep well"}).status_code == 200
    api.post("/support/contacts", {"name": "Maya", "how_to_reach": "555 0188"})
    summary = api.get("/support").json()
    assert [r["text"] for r in summary["reasons"]] == ["Sleep well"]
    assert [c["name"] for c in summary["contacts"]] == ["Maya"]
    assert api.delete(f"/support/reasons/{reason['id']}").status_code == 204


def test_validation_errors_name_the_field(api: ApiClient) -> None:
    response = api.post("/support/contacts", {"name": "Maya", "how_to_reach": "   "})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "how_to_reach"]
    response = api.post("/support/contacts", {"name": "Maya", "how_to_reach": "1", "x": 1})
    assert response.status_code == 422
    response = api.post("/support/reasons", {"text": ""})
    assert response.status_code == 422
    response = api.post("/urges", {"strength": 11})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "strength"]
    response = api.post("/urges", {"strength": "5"})  # strict: no numbers in strings
    assert response.status_code == 422
    response = api.post("/urges", {"strength": 5, "helped": ["nothing", "waited"]})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "helped"]


def test_another_persons_items_are_404(api: ApiClient, other_person: Any) -> None:
    contact = services.contact_create(owner=other_person, name="Jo", how_to_reach="555 0100")
    reason = services.reason_create(owner=other_person, text="theirs")
    urge = services.urge_log_create(owner=other_person, strength=4).urge
    assert api.patch(f"/support/contacts/{contact.pk}", {"note": "x"}).status_code == 404
    assert api.delete(f"/support/contacts/{contact.pk}").status_code == 404
    assert api.patch(f"/support/reasons/{reason.pk}", {"text": "x"}).status_code == 404
    assert api.delete(f"/support/reasons/{reason.pk}").status_code == 404
    assert api.delete(f"/urges/{urge.pk}").status_code == 404
    assert api.get("/support").json() == {"contacts": [], "reasons": []}
    assert api.get("/urges").json() == []


def test_urge_log_is_idempotent_by_client_id(api: ApiClient) -> None:
    key = str(uuid.uuid4())
    body = {"strength": 6, "helped": ["moving"], "client_id": key}
    first = api.post("/urges", body)
    again = api.post("/urges", body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["client_id"] == key
    assert len(api.get("/urges").json()) == 1


def test_urge_with_a_start_time_reports_minutes(api: ApiClient) -> None:
    started = (timezone.now() - dt.timedelta(minutes=9, seconds=30)).isoformat()
    urge = api.post("/urges", {"strength": 8, "started_at": started}).json()
    assert urge["minutes"] == 9  # 9 min 30 s, whole minutes


def test_urges_page_through_newest_first(api: ApiClient, person: Any) -> None:
    for strength in (1, 2, 3):
        services.urge_log_create(owner=person, strength=strength)
    page = api.get("/urges", limit=2, offset=1).json()
    assert [u["strength"] for u in page] == [2, 1]


def test_routes_need_a_token(anonymous_api: ApiClient) -> None:
    assert anonymous_api.get("/support").status_code == 401
    assert anonymous_api.post("/urges", {"strength": 1}).status_code == 401
