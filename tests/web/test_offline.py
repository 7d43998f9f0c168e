"""Installable and offline, from the server's side: the service worker, the manifest, the offline
crisis page, the country taken from the time zone, and what signing out asks the browser to
forget. The browser's side is tests/browser/test_offline_phone.py."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from stepdown.web.countries import country_for_zone
from stepdown.web.resources import CRISIS_LINES

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_from_the_root_for_the_whole_site(web: Client) -> None:
    response = web.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    # The same for everyone, so signed in or not it may be kept, and revalidated each time.
    assert response["Cache-Control"] == "public, no-cache"
    again = web.get("/sw.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_service_worker_caches_static_files_and_the_offline_page_only(client: Client) -> None:
    script = client.get("/sw.js").content.decode()
    precache = json.loads(re.search(r"var PRECACHE = (\[.*?\]);", script).group(1))  # type: ignore[union-attr]
    assert "/offline/" in precache
    assert "/static/stepdown/offline.js" in precache
    assert "/static/vendor/htmx/htmx.min.js" in precache
    assert all(url.startswith("/static/") for url in precache if url != "/offline/")
    # Pages go to the network and are never put in a cache: the only cache.put is the offline page.
    assert script.count("cache.put(") == 1
    assert "cache.put(OFFLINE_URL" in script


def test_the_manifest_makes_stepdown_installable(client: Client) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/today/"
    assert manifest["theme_color"] == "#2a7b6f"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512", "any"} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_every_page_links_the_manifest_and_loads_the_offline_script(web: Client) -> None:
    page = web.get("/today/").content.decode()
    assert 'rel="manifest" href="/manifest.webmanifest"' in page
    assert "/static/stepdown/offline.js" in page
    assert re.search(r"data-sign-out>", page)


def test_the_offline_page_puts_the_countrys_lines_first_and_keeps_the_others(
    client: Client,
) -> None:
    page = client.get("/offline/?country=fr").content.decode()
    numbers = re.findall(r'href="tel:(\d+)"', page)
    assert numbers[:3] == ["3114", "15", "112"]
    assert {"988", "131114"} <= set(numbers)
    plain = client.get("/offline/").content.decode()
    assert re.findall(r'href="tel:(\d+)"', plain)[0] == "988"
    # An unknown code is ignored, never echoed back.
    assert "ZZ" not in client.get("/offline/?country=ZZ").content.decode()


def test_the_offline_page_holds_nothing_of_the_person(web: Client, person: Any) -> None:
    response = web.get("/offline/?country=US")
    page = response.content.decode()
    assert response["Cache-Control"].startswith("public")
    assert person.email not in page
    assert "Sam" not in page
    assert "Sign out" not in page
    assert "csrfmiddlewaretoken" not in page
    assert "csrftoken" not in response.cookies


def test_personal_pages_stay_out_of_every_cache(web: Client) -> None:
    assert web.get("/today/")["Cache-Control"] == "no-store"


def test_france_has_its_crisis_line_and_emergency_numbers() -> None:
    french = [line.how for line in CRISIS_LINES if line.country == "FR"]
    assert french == ["Call 3114", "Call 15", "Call 112"]


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/Paris", "FR"),
        ("America/Chicago", "US"),
        ("America/Toronto", "CA"),
        ("Australia/Sydney", "AU"),
        ("UTC", ""),
        ("Not/AZone", ""),
    ],
)
def test_the_country_comes_from_the_accounts_time_zone(zone: str, country: str) -> None:
    assert country_for_zone(zone) == country


def test_a_page_names_the_accounts_country_and_an_opaque_mark_never_the_person(
    make_user: Any,
) -> None:
    paris = make_user("claire@example.org", time_zone="Europe/Paris")
    client = Client()
    client.force_login(paris)
    page = client.get("/today/").content.decode()
    meta = r'<meta name="stepdown-offline" content="([0-9a-f]*)" data-country="(\w*)"'
    tag = re.search(meta, page)
    assert tag is not None
    mark, country = tag.groups()
    assert country == "FR"
    assert len(mark) == 20
    assert str(paris.pk) != mark
    assert "claire" not in mark
    other = make_user("dana@example.org", time_zone="Europe/Paris")
    client.force_login(other)
    assert mark not in client.get("/today/").content.decode()


def test_signing_out_asks_the_browser_to_forget_the_sites_caches_and_storage(web: Client) -> None:
    response = web.post("/account/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_a_repeated_offline_post_keeps_one_dose(web: Client, person: Any) -> None:
    """What offline.js sends when the connection returns is the form's own post with its key:
    sent twice (the answer to the first was lost), it is one dose."""
    from stepdown.journal.models import Dose

    form = {"amount": "2", "unit": "g", "client_id": "0b7f8a1e-3c1d-4f7e-9a52-1f4e2b7c9d10"}
    assert web.post("/doses/new/", form).status_code == 302
    assert web.post("/doses/new/", form).status_code == 302
    assert Dose.objects.filter(owner=person).count() == 1
