"""A bearer-token API call passes the browser's middleware untouched (``stepdown.web.browser_only``)
and still gets every security header and its language; the browser keeps all of it. The public
files (service worker, manifest) pass too and never touch the session."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client, RequestFactory

from stepdown.web.api_paths import is_token_api_request

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)


@pytest.mark.parametrize(
    ("path", "authorization", "expected"),
    [
        ("/api/v1/today", "Bearer sd_x", True),
        ("/api/v1/doses", "bearer sd_x", True),
        ("/api/v1/today", "", False),  # a browser's call (a session, if any)
        ("/api/v1/today", "Basic eDp5", False),
        ("/api/v1/auth/mfa/totp", "Bearer sd_x", False),  # passwords, lockout, or a session
        ("/api/v1/auth/token", "Bearer sd_x", False),
        ("/today/", "Bearer sd_x", False),  # a page is never an API call
    ],
)
def test_which_calls_are_token_api_calls(path: str, authorization: str, expected: bool) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    request = RequestFactory().get(path, headers=headers)
    assert is_token_api_request(request) is expected


def test_a_token_call_keeps_the_headers_and_leaves_no_session_or_cookie(api: Any) -> None:
    response = api.post("/doses", {"amount": 1.5, "unit": "g"})
    assert response.status_code == 201
    for name in SECURITY_HEADERS:
        assert response.has_header(name), name
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert not Session.objects.exists()
    assert not response.wsgi_request.session.accessed  # nobody read it


def test_a_token_call_is_answered_in_the_language_it_asks_for(api: Any) -> None:
    refusals = {}
    for language in ("en", "fr"):
        api.headers["Accept-Language"] = language
        response = api.post("/doses", {"amount": 0, "unit": "g"})
        assert response.status_code == 422
        assert response["Content-Language"] == language
        refusals[language] = response.json()["detail"][0]["msg"]
    assert refusals["fr"] != refusals["en"]


def test_a_refused_token_call_still_gets_the_headers(anonymous_api: Any) -> None:
    anonymous_api.headers = {"Authorization": "Bearer sd_not-a-token"}
    response = anonymous_api.get("/today")
    assert response.status_code == 401
    for name in SECURITY_HEADERS:
        assert response.has_header(name), name


def test_the_token_decides_even_beside_someone_elses_session(
    api: Any, person: Any, other_person: Any
) -> None:
    """A session cookie next to a token changes nothing: the token's person is the one who acts,
    and the session is not touched (its idle clock does not move)."""
    browser = Client()
    browser.force_login(other_person)
    api.client.cookies = browser.cookies
    before = Session.objects.get().session_data
    response = api.post("/doses", {"amount": 1.5, "unit": "g"})
    assert response.status_code == 201
    assert not response.wsgi_request.session.accessed
    assert person.doses.count() == 1
    assert other_person.doses.count() == 0
    assert Session.objects.get().session_data == before
    assert not response.cookies


def test_a_browser_page_keeps_its_session_and_csrf(web: Client) -> None:
    """The same middleware still does its work for the browser: a signed-in page, its CSRF
    token, and a form posted without it refused."""
    page = web.get("/today/")
    assert page.status_code == 200
    assert page.wsgi_request.user.is_authenticated
    assert hasattr(page.wsgi_request, "htmx")
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = web.cookies
    assert strict.post("/account/logout/").status_code == 403


PUBLIC_FILES = ("/sw.js", "/manifest.webmanifest")


@pytest.mark.parametrize("path", PUBLIC_FILES)
def test_a_public_file_never_reads_or_deletes_the_session(web: Client, path: str) -> None:
    """The browser fetches the service worker on every page with the cookies of that moment. If
    a sign-in has just replaced the session, that fetch carries the old one: answering it must
    not delete the cookie (the answer can arrive after the sign-in's and would sign the person
    out), nor read or move a session that is still good."""
    before = Session.objects.get().session_data
    good = web.get(path)
    assert good.status_code == 200
    assert not good.wsgi_request.session.accessed
    assert settings.SESSION_COOKIE_NAME not in good.cookies
    assert Session.objects.get().session_data == before

    stale = Client()
    stale.cookies[settings.SESSION_COOKIE_NAME] = "a0session0key0that0sign0in0replaced"
    answer = stale.get(path)
    assert answer.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in answer.cookies


def test_a_page_still_drops_a_session_cookie_it_cannot_find(db: None) -> None:
    """Pages keep Django's behaviour: a cookie of a session that is gone is deleted."""
    stale = Client()
    stale.cookies[settings.SESSION_COOKIE_NAME] = "a0session0key0that0sign0in0replaced"
    answer = stale.get("/help/")
    assert answer.cookies[settings.SESSION_COOKIE_NAME].value == ""
