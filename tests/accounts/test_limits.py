"""Account existence, lockouts behind proxies, per-address limits (docs/security.md)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from tests.api_client import ApiClient
from tests.conftest import PASSWORD

from stepdown.accounts.models import User
from stepdown.accounts.tasks import send_password_reset, send_signup_email

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _sign_in(client: Client, email: str, password: str, **headers: str) -> Any:
    return client.post(
        "/account/login/", {"username": email, "password": password}, headers=headers
    )


# --- Reset: the same answer, the same work, for a known and an unknown address -------------


def test_reset_queues_the_email_and_does_the_same_work_for_any_address(
    person: Any, settings: Any, mail_server: None
) -> None:
    settings.TASKS = DB_TASKS
    answers, queries = [], []
    for email in (person.email, "ghost@example.org"):
        with CaptureQueriesContext(connection) as captured:
            response = Client().post("/account/password/reset/", {"email": email})
        answers.append((response.status_code, response["Location"]))
        queries.append([re.sub(r"'[^']*'|\d+", "?", q["sql"]) for q in captured.captured_queries])
    assert answers[0] == answers[1]
    assert queries[0] == queries[1]  # the address never decides what the request does
    assert mail.outbox == []  # nothing is sent inside the request
    assert DBTaskResult.objects.count() == 2


def test_the_worker_sends_the_reset_only_to_a_known_address(person: Any) -> None:
    send_password_reset.call(email="ghost@example.org", site_url="https://s.example.org")
    assert mail.outbox == []
    send_password_reset.call(email=person.email, site_url="https://s.example.org")
    assert len(mail.outbox) == 1
    assert "https://s.example.org/account/password/reset/" in mail.outbox[0].body


def test_without_a_mail_server_the_reset_page_points_to_the_command(client: Client) -> None:
    page = client.get("/account/password/reset/").content.decode()
    assert "no mail server" in page
    assert "stepdown password-reset" in page
    assert 'name="email"' not in page
    client.post("/account/password/reset/", {"email": "sam@example.org"})
    assert mail.outbox == []


# --- Sign-up -----------------------------------------------------------------------------


def test_sign_up_shows_every_fields_problem_at_once(client: Client, person: Any) -> None:
    response = client.post(
        "/account/signup/",
        {"email": person.email, "password": "123", "time_zone": "Mars/Olympus_Mons"},
    )
    assert response.status_code == 422
    errors = re.findall(r'id="id_(\w+)-error"', response.content.decode())
    assert sorted(errors) == ["email", "password", "time_zone"]


def test_a_personal_instance_says_an_address_is_taken(client: Client, person: Any) -> None:
    response = client.post(
        "/account/signup/", {"email": person.email, "password": PASSWORD, "time_zone": "UTC"}
    )
    assert "already exists" in response.content.decode()


def test_with_confirmation_new_and_taken_addresses_get_the_same_answer(
    person: Any, settings: Any, mail_server: None
) -> None:
    settings.SIGNUP_CONFIRMATION = True
    answers = []
    for email in ("new@example.org", person.email):
        response = Client().post(
            "/account/signup/", {"email": email, "password": PASSWORD, "time_zone": "UTC"}
        )
        # Each response masks its CSRF token afresh (the footer's language switch is a form): that
        # differs between any two answers and says nothing about the address.
        page = re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", response.content.decode())
        answers.append((response.status_code, page))
    assert answers[0] == answers[1]
    assert answers[0][0] == 200
    assert "Check your email" in answers[0][1]
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert "already has one" in by_address[person.email]  # the owner is told
    assert not User.objects.get(email="new@example.org").is_active
    link = re.search(r"https?://testserver(\S+)", by_address["new@example.org"])
    assert link is not None
    client = Client()
    assert client.get(link.group(1)).status_code == 200  # opening the link changes nothing
    assert not User.objects.get(email="new@example.org").is_active
    assert client.post(link.group(1))["Location"] == "/onboarding/"
    assert User.objects.get(email="new@example.org").is_active
    assert client.post(link.group(1)).status_code == 404  # once only
    anonymous = ApiClient(None)
    api_answers = [
        anonymous.post("/auth/signup", {"email": email, "password": PASSWORD}).status_code
        for email in ("newer@example.org", person.email)
    ]
    assert api_answers == [202, 202]


def test_the_signup_task_sends_nothing_for_an_unknown_address() -> None:
    send_signup_email.call(email="nobody@example.org", new=True, site_url="https://x.example.org")
    assert mail.outbox == []


def test_sign_ups_are_limited_per_address(settings: Any) -> None:
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"sign-up": 2}
    codes = [
        # A new browser each time (a signed-up one is signed in), from the same address.
        Client()
        .post(
            "/account/signup/",
            {"email": f"p{n}@example.org", "password": PASSWORD, "time_zone": "UTC"},
        )
        .status_code
        for n in range(3)
    ]
    assert codes == [302, 302, 429]
    # Another address is not affected.
    other = Client(REMOTE_ADDR="198.51.100.7")
    form = {"email": "p9@example.org", "password": PASSWORD, "time_zone": "UTC"}
    assert other.post("/account/signup/", form).status_code == 302


def test_reset_requests_are_limited_per_address(settings: Any, mail_server: None) -> None:
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"reset": 2}
    client = Client()
    codes = [
        client.post("/account/password/reset/", {"email": "x@example.org"}).status_code
        for _ in range(3)
    ]
    assert codes == [302, 302, 429]


# --- Sign-in: lockouts keyed on account and address, the address from trusted proxies ------


def test_a_failed_sign_in_answers_400_the_same_for_unknown_and_known(
    client: Client, person: Any
) -> None:
    wrong = _sign_in(client, person.email, "not-the-password")
    unknown = _sign_in(client, "ghost@example.org", "not-the-password")
    assert wrong.status_code == unknown.status_code == 400


def test_a_forged_forwarded_for_neither_escapes_nor_causes_a_lockout(
    person: Any, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = 0
    client = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(settings.AXES_FAILURE_LIMIT):
        # A new forged address each time: without a trusted proxy it is ignored.
        _sign_in(client, person.email, "wrong", X_FORWARDED_FOR=f"192.0.2.{n}")
    assert _sign_in(client, person.email, PASSWORD).status_code == 429
    # The victim, from their own address, is not locked out by the attacker's failures.
    assert _sign_in(Client(REMOTE_ADDR="198.51.100.9"), person.email, PASSWORD).status_code == 302


def test_behind_a_trusted_proxy_the_client_address_is_used(person: Any, settings: Any) -> None:
    settings.TRUSTED_PROXIES = 1
    proxy = "10.0.0.2"
    attacker = Client(REMOTE_ADDR=proxy)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        # The attacker prepends a forged hop; the proxy appends the real one.
        _sign_in(attacker, person.email, "wrong", X_FORWARDED_FOR="198.51.100.9, 203.0.113.5")
    locked = _sign_in(attacker, person.email, PASSWORD, X_FORWARDED_FOR="203.0.113.5")
    assert locked.status_code == 429
    # Sam comes through the same proxy from another address: not locked.
    sam = _sign_in(
        Client(REMOTE_ADDR=proxy), person.email, PASSWORD, X_FORWARDED_FOR="198.51.100.9"
    )
    assert sam.status_code == 302


def test_spraying_many_accounts_from_one_address_is_stopped(make_user: Any, settings: Any) -> None:
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"sign-in": 6}
    users = [make_user(f"user{n}@example.org") for n in range(4)]
    sprayer = Client(REMOTE_ADDR="203.0.113.66")
    for user in users[:3]:
        for _ in range(2):  # under the per-account limit of 5
            _sign_in(sprayer, user.email, "Password123!")
    # Six failures over three accounts: the address is paused, even with a right password.
    assert _sign_in(sprayer, users[3].email, PASSWORD).status_code == 429
    api = ApiClient(None)
    api.client = Client(REMOTE_ADDR="203.0.113.66")
    answer = api.post("/auth/token", {"email": users[3].email, "password": PASSWORD})
    assert answer.status_code == 429
    assert _sign_in(Client(REMOTE_ADDR="198.51.100.1"), users[3].email, PASSWORD).status_code == 302


def test_a_locked_account_is_told_how_to_get_back_in(person: Any, settings: Any) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, person.email, "wrong")
    page = _sign_in(client, person.email, PASSWORD)
    assert page.status_code == 429
    body = page.content.decode()
    assert "wait an hour" in body
    assert "/account/password/reset/" in body


def test_a_new_password_ends_the_lockout(person: Any, settings: Any) -> None:
    from stepdown.accounts.services import password_set

    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, person.email, "wrong")
    assert _sign_in(client, person.email, PASSWORD).status_code == 429
    password_set(user=person, password="brand-new-phrase-42")
    assert _sign_in(client, person.email, "brand-new-phrase-42").status_code == 302
