"""The journal's pages: Today, quick logging, forms with clear errors, edit and delete."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.test import Client

from stepdown.journal.models import Dose, Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaf(person: Any) -> Product:
    return Product.objects.create(owner=person, name="Green", mitragynine_mg_per_unit=15)


def test_pages_need_sign_in(client: Client) -> None:
    for path in ("/today/", "/doses/", "/products/", "/account/settings/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")


def test_every_page_has_get_help_now(web: Client, client: Client) -> None:
    pages = [(web, "/today/"), (web, "/products/"), (web, "/doses/"), (web, "/account/settings/")]
    pages += [(client, "/"), (client, "/account/login/"), (client, "/help/")]
    for page_client, path in pages:
        body = page_client.get(path).content.decode()
        assert 'href="/help/"' in body, path
        assert "Get help now" in body, path


def test_help_page_lists_crisis_lines(client: Client) -> None:
    body = client.get("/help/").content.decode()
    for text in ("988", "1-800-662-4357", "13 11 14", "emergency"):
        assert text in body


def test_logging_from_the_form_shows_the_total(web: Client, leaf: Product) -> None:
    response = web.post(
        "/doses/new/", {"amount": "2.5", "unit": "g", "product": leaf.pk}, follow=True
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'data-testid="total-g">\s*2\.5 g', body)
    # 2.5 g × 15 mg/g = 37.5 → "38 mg" when shown to the nearest mg
    assert "38 mg" in body


def test_quick_button_repeats_a_recent_dose_once_per_key(web: Client, leaf: Product) -> None:
    web.post("/doses/new/", {"amount": "2", "unit": "g", "product": leaf.pk})
    page = web.get("/today/").content.decode()
    assert 'data-testid="quick-dose"' in page
    key = str(uuid.uuid4())
    form = {"amount": "2", "unit": "g", "product": leaf.pk, "client_id": key}
    web.post("/doses/quick/", form)
    web.post("/doses/quick/", form)  # a double tap
    assert Dose.objects.filter(product=leaf).count() == 2


def test_htmx_quick_log_returns_the_panel_only(web: Client, leaf: Product) -> None:
    form = {"amount": "2", "unit": "g", "product": leaf.pk, "client_id": str(uuid.uuid4())}
    response = web.post("/doses/quick/", form, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="today-panel">')
    assert "<html" not in body


def test_form_errors_name_the_field(web: Client, person: Any) -> None:
    response = web.post("/doses/new/", {"amount": "2", "unit": "capsule"})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Capsules need a product with a capsule weight" in body
    response = web.post("/doses/new/", {"amount": "-1", "unit": "g"})
    assert response.status_code == 422
    assert "field-error" in response.content.decode()
    response = web.post("/doses/new/", {"amount": "2", "unit": "g", "taken_at": "2099-01-01T10:00"})
    assert "cannot be logged in the future" in response.content.decode()
    assert Dose.objects.count() == 0


def test_edit_and_delete_with_confirmation(web: Client, person: Any, leaf: Product) -> None:
    web.post("/doses/new/", {"amount": "2", "unit": "g", "product": leaf.pk})
    dose = Dose.objects.get()
    form = {"amount": "3", "unit": "g", "product": leaf.pk, "taken_at": "2026-01-05T08:00"}
    assert web.post(f"/doses/{dose.pk}/edit/", form).status_code == 302
    dose.refresh_from_db()
    assert dose.grams == 3
    confirm = web.get(f"/doses/{dose.pk}/delete/")
    assert "cannot be undone" in confirm.content.decode()
    assert Dose.objects.filter(pk=dose.pk).exists()
    web.post(f"/doses/{dose.pk}/delete/")
    assert not Dose.objects.filter(pk=dose.pk).exists()


def test_other_peoples_objects_are_404_on_pages(web: Client, other_person: Any) -> None:
    theirs = Product.objects.create(owner=other_person, name="Theirs")
    dose = Dose.objects.create(owner=other_person, amount=1, grams=1, taken_at="2026-01-01T00:00Z")
    for path in (f"/products/{theirs.pk}/edit/", f"/products/{theirs.pk}/remove/",
                 f"/doses/{dose.pk}/edit/", f"/doses/{dose.pk}/delete/"):  # fmt: skip
        assert web.get(path).status_code == 404, path
        assert web.post(path, {"name": "x"}).status_code == 404, path
    assert Product.objects.filter(pk=theirs.pk, name="Theirs", archived_at=None).exists()


def test_adding_a_product_with_lab_values(web: Client, person: Any) -> None:
    response = web.post(
        "/products/new/",
        {
            "name": "Lab leaf",
            "form": "leaf_powder",
            "mitragynine_mg_per_unit": "17.5",
            "heavy_metals": "pass",
            "microbial": "unknown",
        },
    )
    assert response.status_code == 302
    listing = web.get("/products/").content.decode()
    assert "Lab leaf" in listing
    assert "17.5 mg per g" in listing


def test_a_capsule_product_needs_its_weight(web: Client) -> None:
    response = web.post(
        "/products/new/",
        {"name": "Caps", "form": "capsules", "heavy_metals": "unknown", "microbial": "unknown"},
    )
    assert response.status_code == 422
    assert "weight of one capsule" in response.content.decode()


def test_healthz_reports_the_database(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_unknown_pages_get_a_friendly_404(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Get help now" in response.content.decode()
