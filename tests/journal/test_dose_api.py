"""The dose API: creating, validating, idempotency, listing, editing and isolation."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
import time_machine
from tests.api_client import ApiClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def lab_leaf(api: ApiClient) -> dict[str, Any]:
    response = api.post(
        "/products",
        {"name": "Green Maeng Da", "form": "leaf_powder", "mitragynine_mg_per_unit": 15.2},
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_logging_a_dose_returns_it_with_estimates(api: ApiClient, lab_leaf: dict[str, Any]) -> None:
    response = api.post("/doses", {"amount": 2.5, "unit": "g", "product_id": lab_leaf["id"]})
    assert response.status_code == 201
    dose = response.json()
    # 2.5 g × 15.2 mg/g = 38 mg, from lab values so not estimated
    assert dose["grams"] == 2.5
    assert dose["mitragynine_mg"] == 38.0
    assert dose["mitragynine_estimated"] is False
    for key in ("id", "taken_at", "amount", "unit", "product_id", "purpose", "note", "client_id"):
        assert key in dose


def test_same_client_id_returns_the_original_and_creates_nothing(
    api: ApiClient, lab_leaf: dict[str, Any]
) -> None:
    key = str(uuid.uuid4())
    first = api.post("/doses", {"amount": 2, "product_id": lab_leaf["id"], "client_id": key})
    again = api.post("/doses", {"amount": 9, "product_id": lab_leaf["id"], "client_id": key})
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["amount"] == 2
    assert api.get("/doses").json()["count"] == 1


def test_the_same_client_id_from_another_person_is_independent(
    api: ApiClient, other_person: Any, api_for: Any
) -> None:
    key = str(uuid.uuid4())
    them = api_for(other_person)
    mine = api.post("/doses", {"amount": 2, "client_id": key})
    theirs = them.post("/doses", {"amount": 3, "client_id": key})
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]
    # Each retry answers with its own person's dose, never the other's.
    again, their_again = (
        api.post("/doses", {"amount": 2, "client_id": key}),
        them.post("/doses", {"amount": 3, "client_id": key}),
    )
    assert (again.status_code, again.json()["id"], again.json()["amount"]) == (
        200,
        mine.json()["id"],
        2,
    )
    assert (their_again.status_code, their_again.json()["id"], their_again.json()["amount"]) == (
        200,
        theirs.json()["id"],
        3,
    )
    assert api.get("/doses").json()["count"] == them.get("/doses").json()["count"] == 1


def test_a_retry_answers_with_the_original_even_when_its_own_fields_are_now_refused(
    api: ApiClient, lab_leaf: dict[str, Any]
) -> None:
    key = str(uuid.uuid4())
    first = api.post("/doses", {"amount": 2, "product_id": lab_leaf["id"], "client_id": key})
    assert first.status_code == 201
    # The product is archived since (it has a dose, so removing it archives it): a new dose
    # with it is refused, the retry of the one logged before is not.
    assert api.delete(f"/products/{lab_leaf['id']}").status_code == 200
    again = api.post("/doses", {"amount": 2, "product_id": lab_leaf["id"], "client_id": key})
    assert (again.status_code, again.json()["id"]) == (200, first.json()["id"])
    # So is a retry whose unit the product cannot take (ml of a powder).
    odd = api.post(
        "/doses", {"amount": 2, "unit": "ml", "product_id": lab_leaf["id"], "client_id": key}
    )
    assert (odd.status_code, odd.json()["id"]) == (200, first.json()["id"])
    fresh = api.post("/doses", {"amount": 2, "product_id": lab_leaf["id"],
                                "client_id": str(uuid.uuid4())})  # fmt: skip
    assert fresh.status_code == 422
    assert api.get("/doses").json()["count"] == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": 0}, "amount"),
        ({"amount": -2}, "amount"),
        ({"amount": 600}, "amount"),
        ({"amount": "2"}, "amount"),
        ({"amount": True}, "amount"),
        ({"amount": 2, "unit": "kg"}, "unit"),
        ({"amount": 2, "unit": "capsule"}, "unit"),
        ({"amount": 2, "unit": "ml"}, "unit"),
        ({"amount": 2, "purpose": "fun"}, "purpose"),
        ({"amount": 2, "taken_at": "2099-01-01T08:00:00Z"}, "taken_at"),
        ({"amount": 2, "taken_at": "2026-01-01T08:00:00"}, "taken_at"),
        ({"amount": 2, "taken_at": 1700000000}, "taken_at"),
        ({"amount": 2, "client_id": "not-a-uuid"}, "client_id"),
        ({"amount": 2, "product_id": 987654}, "product_id"),
        ({"amount": 2, "owner_id": 1}, "owner_id"),
        ({}, "amount"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(
    api: ApiClient, body: dict[str, Any], field: str
) -> None:
    response = api.post("/doses", body)
    assert response.status_code == 422, response.content
    fields = [item["loc"][-1] for item in response.json()["detail"]]
    assert field in fields
    assert all(item["msg"] for item in response.json()["detail"])


def test_a_malformed_json_body_is_a_clear_client_error(api: ApiClient) -> None:
    response = api.client.post(
        "/api/v1/doses", data="{not json", content_type="application/json", headers=api.headers
    )
    assert response.status_code in (400, 422)


def test_capsules_use_the_products_capsule_weight(api: ApiClient) -> None:
    caps = api.post("/products", {"name": "Caps", "form": "capsules", "capsule_weight_g": 0.5})
    assert caps.status_code == 201
    dose = api.post("/doses", {"amount": 4, "unit": "capsule", "product_id": caps.json()["id"]})
    # 4 × 0.5 g = 2 g; no lab values → 2 g × 16 mg/g default = 32 mg, estimated
    assert dose.json()["grams"] == 2.0
    assert dose.json()["mitragynine_mg"] == 32.0
    assert dose.json()["mitragynine_estimated"] is True


def test_list_filters_by_local_dates(api: ApiClient, person: Any) -> None:
    # Sam is in Chicago (UTC-6 in January). 23:30 local on 10 Jan is 05:30 UTC on 11 Jan.
    api.post("/doses", {"amount": 1, "taken_at": "2026-01-10T23:30:00-06:00"})
    api.post("/doses", {"amount": 2, "taken_at": "2026-01-11T00:30:00-06:00"})
    on_tenth = api.get("/doses", since="2026-01-10", until="2026-01-10").json()
    assert [d["amount"] for d in on_tenth["items"]] == [1]
    on_eleventh = api.get("/doses", since="2026-01-11").json()
    assert [d["amount"] for d in on_eleventh["items"]] == [2]


def test_bad_list_filters_are_rejected(api: ApiClient) -> None:
    assert api.get("/doses", since="yesterday").status_code == 422
    assert api.get("/doses", limit=0).status_code == 422


def test_patch_recomputes_the_estimate(api: ApiClient, lab_leaf: dict[str, Any]) -> None:
    dose = api.post("/doses", {"amount": 2, "product_id": lab_leaf["id"]}).json()
    changed = api.patch(f"/doses/{dose['id']}", {"amount": 3, "note": "after lunch"})
    assert changed.status_code == 200
    # 3 g × 15.2 = 45.6 mg
    assert changed.json()["mitragynine_mg"] == 45.6
    assert changed.json()["note"] == "after lunch"
    assert api.patch(f"/doses/{dose['id']}", {"note": None}).status_code == 422
    assert api.patch(f"/doses/{dose['id']}", {"amount": -1}).status_code == 422


def test_delete_removes_the_dose(api: ApiClient) -> None:
    dose = api.post("/doses", {"amount": 2}).json()
    assert api.delete(f"/doses/{dose['id']}").status_code == 204
    assert api.get(f"/doses/{dose['id']}").status_code == 404


def test_another_persons_dose_is_not_found(api: ApiClient, other_person: Any, api_for: Any) -> None:
    theirs = api_for(other_person).post("/doses", {"amount": 3}).json()
    path = f"/doses/{theirs['id']}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"amount": 1}).status_code == 404
    assert api.delete(path).status_code == 404
    assert api.get("/doses").json()["count"] == 0
    assert api_for(other_person).get(path).json()["amount"] == 3


def test_another_persons_product_cannot_be_used(
    api: ApiClient, other_person: Any, api_for: Any
) -> None:
    theirs = api_for(other_person).post("/products", {"name": "Theirs"}).json()
    response = api.post("/doses", {"amount": 2, "product_id": theirs["id"]})
    assert response.status_code == 422
    assert api.get(f"/products/{theirs['id']}").status_code == 404


def test_requests_without_a_valid_token_are_refused(anonymous_api: ApiClient) -> None:
    assert anonymous_api.get("/doses").status_code == 401
    bad = ApiClient("sdp_00000000_nope")
    assert bad.get("/today").status_code == 401


def test_switching_to_a_much_stronger_product_warns_at_once(api: ApiClient) -> None:
    weak = api.post("/products", {"name": "Weak", "mitragynine_mg_per_unit": 10}).json()
    strong = api.post("/products", {"name": "Strong", "mitragynine_mg_per_unit": 15}).json()
    api.post("/doses", {"amount": 3, "product_id": weak["id"]})
    switched = api.post("/doses", {"amount": 3, "product_id": strong["id"]}).json()
    assert [flag["code"] for flag in switched["flags"]] == ["potency_jump"]


def test_a_dose_a_few_minutes_ahead_of_the_server_clock_is_accepted(api: ApiClient) -> None:
    with time_machine.travel(dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        ahead = api.post("/doses", {"amount": 1, "taken_at": "2026-03-01T12:03:00Z"})
        too_far = api.post("/doses", {"amount": 1, "taken_at": "2026-03-01T12:30:00Z"})
    assert ahead.status_code == 201
    assert too_far.status_code == 422


def test_nul_characters_are_refused_with_the_field(api: ApiClient) -> None:
    # PostgreSQL cannot store U+0000 in text; it must be a 422, never a 500.
    response = api.post("/doses", {"amount": 2, "note": "a\u0000b"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "note"
    product = api.post("/products", {"name": "x\u0000"})
    assert product.status_code == 422


def test_logging_a_dose_costs_the_same_few_queries_whatever_the_history(
    api: ApiClient, person: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from stepdown.journal.models import Dose

    def statements() -> list[str]:
        body = {"amount": 1.5, "unit": "g", "client_id": str(uuid.uuid4())}
        with CaptureQueriesContext(connection) as captured:
            assert api.post("/doses", body).status_code == 201
        return [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]

    statements()  # the journal's first dose
    fresh = statements()
    # Sixty days of steady use before today (no rule speaks about it): the same statements.
    now = timezone.now()
    Dose.objects.bulk_create(
        Dose(owner=person, amount=2, grams=2, taken_at=now - dt.timedelta(days=back, hours=h))
        for back in range(1, 61)
        for h in (2, 8)
    )
    veteran = statements()
    assert len(veteran) == len(fresh)
    # The token, the insert (which finds a repeated key itself) and its revision, one statement
    # for the plan, the goal, the journal's first day and other substances near the dose, and
    # the journal's 90 days: nothing else (the tests' own transaction adds savepoints, left out
    # above).
    assert len(fresh) <= 5, "\n".join(fresh)
