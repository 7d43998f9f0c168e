"""The address put into emailed links: the configured public one, else the request's own (behind
a proxy the request may have reached an internal name that nobody outside can open)."""

from __future__ import annotations

from django.test import RequestFactory, override_settings

from stepdown.web.site import site_url


@override_settings(SITE_URL="https://care.example.org", ALLOWED_HOSTS=["app1.internal"])
def test_the_configured_public_address_wins() -> None:
    request = RequestFactory().get("/", HTTP_HOST="app1.internal")
    assert site_url(request) == "https://care.example.org"


@override_settings(SITE_URL="", ALLOWED_HOSTS=["127.0.0.1"])
def test_without_one_the_address_the_request_came_to() -> None:
    request = RequestFactory().get("/clinic/", HTTP_HOST="127.0.0.1:8000")
    assert site_url(request) == "http://127.0.0.1:8000"
