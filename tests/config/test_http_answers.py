"""What every answer carries, and how the API answers odd input (docs/security.md)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.api_client import ApiClient
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PAGES = ["/", "/account/settings/", "/doses/", "/plan/", "/checkins/"]
API_READS = ["/doses", "/products", "/responses", "/auth/tokens"]


@pytest.mark.parametrize("path", PAGES)
def test_signed_in_pages_are_no_store_with_a_permissions_policy(web: Client, path: str) -> None:
    response = web.get(path, follow=True)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", API_READS)
def test_api_reads_are_no_store(api: ApiClient, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_both_one_time_secrets_are_no_store(web: Client, person: Any) -> None:
    web.post("/account/tokens/", {"name": "phone"})
    page = web.get("/account/settings/")
    assert 'data-testid="new-token"' in page.content.decode()
    assert page["Cache-Control"] == "no-store"
    exchanged = ApiClient(None).post("/auth/token", {"email": person.email, "password": PASSWORD})
    assert "token" in exchanged.json()
    assert exchanged["Cache-Control"] == "no-store"


def test_static_files_keep_their_own_caching(client: Client) -> None:
    response = client.get("/static/stepdown/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_huge_api_body_gets_a_json_413(api: ApiClient) -> None:
    body = json.dumps({"amount": 1, "note": "x" * (30 * 1024 * 1024)})
    response = api.client.post(
        "/api/v1/doses", body, content_type="application/json", headers=api.headers
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "too large" in response.json()["detail"]


@pytest.mark.parametrize("value", ["0", "1700000000", "20260101", "2026-1-1", "yesterday"])
@pytest.mark.parametrize("path", ["/doses", "/responses", "/substances"])
def test_a_date_filter_that_is_not_a_date_is_refused_at_its_name(
    api: ApiClient, path: str, value: str
) -> None:
    response = api.get(path, until=value)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "until"]
    assert "2026-01-31" in error["msg"]


def test_a_real_date_filter_still_works(api: ApiClient) -> None:
    assert api.get("/doses", since="2026-01-01", until="2026-01-31").status_code == 200


def test_the_responses_filter_names_the_query(api: ApiClient) -> None:
    response = api.get("/responses", instrument="NOPE-9")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "instrument"]


@pytest.mark.parametrize("value", ["280.0", "1e3", "2.5", " 5"])
def test_a_whole_number_filter_must_be_digits(api: ApiClient, value: str) -> None:
    response = api.get("/doses", limit=value)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


# The client is only read across examples, never changed.
@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.integers(min_value=1, max_value=1000))
def test_an_integral_float_in_a_body_is_refused_like_a_query(api: ApiClient, number: int) -> None:
    """280.0 for a whole-number field is refused in bodies and queries alike, naming the field."""
    body = api.post("/doses", {"amount": 1, "product_id": float(number)})
    assert body.status_code == 422
    assert body.json()["detail"][0]["loc"] == ["body", "product_id"]
    query = api.get("/doses", limit=f"{number}.0")
    assert query.status_code == 422
