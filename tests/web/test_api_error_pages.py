"""An address under /api/ that the API does not route, or a failure outside its handlers,
answers in the API's JSON shape and the request's language, not with the site's HTML page."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from stepdown.web import views

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "detail"), [("en", "Not found."), ("fr", "Introuvable.")])
def test_an_unknown_api_address_is_a_json_404_in_the_requests_language(
    language: str, detail: str
) -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE=language).get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": detail}


def test_an_unknown_page_is_still_the_sites_page() -> None:
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(("path", "json"), [("/api/v1/doses", True), ("/today/", False)])
def test_a_server_error_under_the_api_is_json_and_elsewhere_the_page(path: str, json: bool) -> None:
    with translation.override("en"):
        response = views.server_error(RequestFactory().get(path))
    assert response.status_code == 500
    if json:
        assert response["Content-Type"] == "application/json"
        assert response.content == b'{"detail": "Something went wrong"}'
    else:
        assert "Something went wrong" in response.content.decode()
        assert response["Content-Type"].startswith("text/html")
