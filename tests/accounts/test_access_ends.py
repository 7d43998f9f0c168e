"""A new password, or a closed account, ends every session, API token and calendar link,
unless the person chooses to keep them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from tests.api_client import ApiClient
from tests.conftest import PASSWORD
from tests.plans.plans_helpers import NOW, make_plan

from stepdown.accounts import services
from stepdown.plans.calendar_services import plan_calendar_link_create

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "brand-new-phrase-42"


@pytest.fixture
def access(person: Any, api_for: Any) -> dict[str, Any]:
    """Sam signed in on a second browser, with an API token and a calendar link."""
    with time_machine.travel(NOW, tick=False):
        plan = make_plan(person)
        feed = f"/plan/calendar/{plan_calendar_link_create(owner=person, plan_id=plan.pk)}.ics"
    other_browser = Client()
    other_browser.force_login(person)
    return {"browser": other_browser, "api": api_for(person), "feed": feed}


def _still_works(access: dict[str, Any], client: Client) -> dict[str, bool]:
    return {
        "session": access["browser"].get("/account/settings/").status_code == 200,
        "token": access["api"].get("/doses").status_code == 200,
        "feed": client.get(access["feed"]).status_code == 200,
    }


def _change(web: Client, keep: bool) -> Any:
    form = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    return web.post("/account/password/", form | ({"keep_signed_in": "on"} if keep else {}))


def test_everything_works_before_the_change(access: dict[str, Any], client: Client) -> None:
    assert _still_works(access, client) == {"session": True, "token": True, "feed": True}


def test_a_password_change_ends_other_sessions_tokens_and_feeds(
    web: Client, access: dict[str, Any], client: Client
) -> None:
    assert _change(web, keep=False).status_code == 302
    assert _still_works(access, client) == {"session": False, "token": False, "feed": False}
    # The browser that changed it stays signed in.
    assert web.get("/account/settings/").status_code == 200


def test_keeping_them_is_a_choice(web: Client, access: dict[str, Any], client: Client) -> None:
    assert _change(web, keep=True).status_code == 302
    assert _still_works(access, client) == {"session": True, "token": True, "feed": True}


def test_the_keep_box_is_offered_and_off(web: Client) -> None:
    body = web.get("/account/password/").content.decode()
    box = re.search(r'<input type="checkbox" name="keep_signed_in"[^>]*>', body)
    assert box is not None
    assert "checked" not in box.group(0)


def test_a_reset_by_link_ends_them_too(
    person: Any, access: dict[str, Any], client: Client, mail_server: None
) -> None:
    client.post("/account/password/reset/", {"email": person.email})
    link = re.search(r"https?://testserver(\S+)", mail.outbox[0].body)
    assert link is not None
    page = client.get(link.group(1), follow=True)
    set_url = page.redirect_chain[-1][0]
    answer = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert answer.status_code == 302
    assert _still_works(access, Client()) == {"session": False, "token": False, "feed": False}


def test_a_closed_account_ends_them(person: Any, access: dict[str, Any], client: Client) -> None:
    services.user_deactivate(user=person)
    assert _still_works(access, client) == {"session": False, "token": False, "feed": False}


def test_a_deactivated_accounts_feed_is_404_even_with_the_link_kept(
    person: Any, access: dict[str, Any], client: Client
) -> None:
    # Deactivated another way (the admin's checkbox): the link is still stored, but is refused.
    type(person).objects.filter(pk=person.pk).update(is_active=False)
    assert client.get(access["feed"]).status_code == 404


def test_tokens_expire_after_the_configured_days(person: Any, settings: Any) -> None:
    settings.TOKEN_DAYS = 30
    token, secret = services.token_create(owner=person, name="phone")
    assert token.expires_at - token.created_at == dt.timedelta(days=30)
    api = ApiClient(secret)
    with time_machine.travel(token.created_at + dt.timedelta(days=29, hours=23), tick=False):
        assert api.get("/doses").status_code == 200
    with time_machine.travel(token.created_at + dt.timedelta(days=30, seconds=1), tick=False):
        assert api.get("/doses").status_code == 401


def test_the_default_lifetime_is_90_days(person: Any) -> None:
    token, _ = services.token_create(owner=person, name="phone")
    assert token.expires_at - token.created_at == dt.timedelta(days=90)


def test_tokens_are_listed_and_revoked_through_the_api(person: Any, api: ApiClient) -> None:
    other, other_secret = services.token_create(owner=person, name="laptop")
    listed = api.get("/auth/tokens")
    assert listed.status_code == 200
    assert {item["name"] for item in listed.json()} == {"tests", "laptop"}
    assert all("secret" not in item and "token_hash" not in item for item in listed.json())
    assert api.delete(f"/auth/tokens/{other.pk}").status_code == 204
    assert ApiClient(other_secret).get("/doses").status_code == 401
    assert api.get("/doses").status_code == 200


def test_someone_elses_token_cannot_be_revoked(api: ApiClient, other_person: Any) -> None:
    theirs, secret = services.token_create(owner=other_person, name="theirs")
    assert api.delete(f"/auth/tokens/{theirs.pk}").status_code == 404
    assert ApiClient(secret).get("/doses").status_code == 200


def test_signing_in_again_with_the_same_client_replaces_its_token(
    person: Any, anonymous_api: ApiClient
) -> None:
    body = {"email": person.email, "password": PASSWORD, "client": "phone app"}
    first = anonymous_api.post("/auth/token", body).json()["token"]
    second = anonymous_api.post("/auth/token", body).json()["token"]
    laptop = anonymous_api.post("/auth/token", body | {"client": "laptop"}).json()["token"]
    assert ApiClient(first).get("/doses").status_code == 401
    assert ApiClient(second).get("/doses").status_code == 200
    assert ApiClient(laptop).get("/doses").status_code == 200
    active = [t for t in services.tokens_for(owner=person) if t.is_active]
    assert sorted(t.name for t in active) == ["laptop", "phone app"]
