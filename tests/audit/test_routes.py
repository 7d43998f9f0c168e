"""The route an access is recorded under is the URL pattern's name, for pages and the API."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from stepdown.audit.routes import route_of

pytestmark = pytest.mark.django_db


def test_the_route_is_the_patterns_name_not_the_path(patient: Any, api_for: Any) -> None:
    client = Client()
    client.force_login(patient)
    page = client.get("/account/access-log/?page=1")
    api = api_for(patient).get("/access-log")
    assert route_of(page.wsgi_request) == "audit:access_log"
    assert route_of(api.wsgi_request) == "api:list_access_log"
