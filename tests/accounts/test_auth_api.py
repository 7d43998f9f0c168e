"""Sign-up and token API, lockout and token lifecycle."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from tests.api_client import ApiClient
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_signup_creates_an_account_that_can_get_a_token(anonymous_api: ApiClient) -> None:
    created = anonymous_api.post("/auth/signup", {"email": "New@Example.org", "password": PASSWORD})
    assert created.status_code == 201
    assert created.json()["email"] == "new@example.org"
    token = anonymous_api.post("/auth/token", {"email": "new@example.org", "password": PASSWORD})
    assert token.status_code == 200
    assert ApiClient(token.json()["token"]).get("/today").status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not-an-email", "password": PASSWORD}, "email"),
        ({"email": "a@example.org", "password": "short"}, "password"),
        ({"email": "a@example.org", "password": "password123"}, "password"),
        ({"email": "a@example.org"}, "password"),
        ({"email": 7, "password": PASSWORD}, "email"),
    ],
)
def test_signup_rejects_bad_input_with_the_field(
    anonymous_api: ApiClient, body: dict[str, Any], field: str
) -> None:
    response = anonymous_api.post("/auth/signup", body)
    assert response.status_code == 422
    assert field in [item["loc"][-1] for item in response.json()["detail"]]


def test_signup_refuses_an_existing_email(anonymous_api: ApiClient, person: Any) -> None:
    response = anonymous_api.post("/auth/signup", {"email": person.email, "password": PASSWORD})
    assert response.status_code == 422


@override_settings(OPEN_SIGNUP=False)
def test_signup_is_closed_when_open_signup_is_off(anonymous_api: ApiClient) -> None:
    response = anonymous_api.post("/auth/signup", {"email": "x@example.org", "password": PASSWORD})
    assert response.status_code == 422
    assert "closed" in response.json()["detail"][0]["msg"]


def test_wrong_password_is_401_and_unknown_email_looks_the_same(
    anonymous_api: ApiClient, person: Any
) -> None:
    wrong = anonymous_api.post("/auth/token", {"email": person.email, "password": "nope-nope-1"})
    unknown = anonymous_api.post(
        "/auth/token", {"email": "ghost@example.org", "password": "nope-nope-1"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_repeated_failures_lock_out_even_the_right_password(
    anonymous_api: ApiClient, person: Any
) -> None:
    for _ in range(5):
        anonymous_api.post("/auth/token", {"email": person.email, "password": "wrong-guess-1"})
    locked = anonymous_api.post("/auth/token", {"email": person.email, "password": PASSWORD})
    assert locked.status_code == 429
    for _ in range(5):
        anonymous_api.post("/auth/token", {"email": "ghost@example.org", "password": "x-guess-12"})
    ghost = anonymous_api.post("/auth/token", {"email": "ghost@example.org", "password": "x"})
    assert ghost.status_code == 429  # no hint whether the account exists


def test_revoked_tokens_stop_working(person: Any, web: Client) -> None:
    from stepdown.accounts.models import PersonalAccessToken
    from stepdown.accounts.services import token_create

    token, secret = token_create(owner=person, name="phone")
    assert ApiClient(secret).get("/today").status_code == 200
    web.post(f"/account/tokens/{token.pk}/revoke/")
    assert PersonalAccessToken.objects.get(pk=token.pk).revoked_at is not None
    assert ApiClient(secret).get("/today").status_code == 401


def test_settings_page_shows_a_new_token_once_and_only_its_prefix_after(web: Client) -> None:
    web.post("/account/tokens/", {"name": "shortcut"})
    first = web.get("/account/settings/").content.decode()
    second = web.get("/account/settings/").content.decode()
    assert 'data-testid="new-token"' in first
    assert 'data-testid="new-token"' not in second
    assert "shortcut" in second
    assert "sdp_" in second


def test_cannot_revoke_someone_elses_token(web: Client, other_person: Any) -> None:
    from stepdown.accounts.services import token_create

    token, secret = token_create(owner=other_person, name="theirs")
    assert web.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiClient(secret).get("/today").status_code == 200


def test_token_use_is_recorded_at_most_hourly(person: Any) -> None:
    import datetime as dt

    import time_machine

    from stepdown.accounts.models import PersonalAccessToken
    from stepdown.accounts.services import token_authenticate, token_create

    _, secret = token_create(owner=person, name="phone")
    start = dt.datetime(2026, 5, 1, 12, 0, 0, 250_000, tzinfo=dt.UTC)

    def used_at(moment: dt.datetime) -> dt.datetime | None:
        with time_machine.travel(moment, tick=False):
            assert token_authenticate(secret) == person
        return PersonalAccessToken.objects.get(owner=person).last_used_at

    assert used_at(start) == start  # first use
    assert used_at(start + dt.timedelta(minutes=59)) == start
    assert used_at(start + dt.timedelta(minutes=61)) == start + dt.timedelta(minutes=61)


def test_a_token_of_a_deactivated_account_stops_working(person: Any) -> None:
    from stepdown.accounts.services import token_authenticate, token_create

    _, secret = token_create(owner=person, name="phone")
    assert token_authenticate(secret) == person
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert token_authenticate(secret) is None
    assert token_authenticate(secret + "x") is None
