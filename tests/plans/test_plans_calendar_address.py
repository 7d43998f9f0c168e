"""The calendar link uses the public address, offers webcal: and says when no phone can reach it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client, override_settings
from tests.plans.plans_helpers import make_plan

from stepdown.web.site import is_local_only


def _links(web: Client, plan: Any) -> tuple[str, str, str]:
    page = web.post(f"/plan/{plan.pk}/calendar-link/", {"action": "create"}).content.decode()
    url = re.search(r'id="feed-url"[^>]*>([^<]+)</textarea>', page)
    webcal = re.search(r'href="(webcal://[^"]+)"', page)
    assert url is not None
    assert webcal is not None
    return url.group(1), webcal.group(1), page


@override_settings(SITE_URL="https://stepdown.example.org")
def test_the_link_uses_the_configured_public_address(
    web: Client, client: Client, person: Any, journal: Any
) -> None:
    plan = make_plan(person)
    url, webcal, page = _links(web, plan)
    assert url.startswith("https://stepdown.example.org/plan/calendar/")
    assert webcal == "webcal://" + url.removeprefix("https://")
    assert "data-local-only" not in page
    assert 'data-copy="feed-url"' in page
    assert client.get(url.removeprefix("https://stepdown.example.org")).status_code == 200


@override_settings(SITE_URL="", ALLOWED_HOSTS=["127.0.0.1", "testserver"])
def test_a_local_only_instance_says_so(web: Client, person: Any, journal: Any) -> None:
    plan = make_plan(person)
    page = web.post(
        f"/plan/{plan.pk}/calendar-link/", {"action": "create"}, HTTP_HOST="127.0.0.1:8000"
    ).content.decode()
    assert ">http://127.0.0.1:8000/plan/calendar/" in page
    assert "data-local-only" in page
    assert "only on this computer" in page


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/x", True),
        ("http://localhost:8000/x", True),
        ("http://[::1]:8000/x", True),
        ("http://127.8.9.1/x", True),
        ("http://192.168.1.20:8000/x", False),
        ("https://stepdown.example.org/x", False),
    ],
)
def test_loopback_addresses_are_local_only(url: str, local: bool) -> None:
    assert is_local_only(url) is local
