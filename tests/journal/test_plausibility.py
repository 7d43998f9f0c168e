"""Values that cannot be are refused; values that are unlikely are saved only when confirmed.

The same rules answer on the page (field message, then a tick box), in the API (422 at the field,
then ``confirm_unusual``) and on the command line (one line, exit 2, then ``--confirm``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

from stepdown.cli import app
from stepdown.journal.models import Dose, Product

pytestmark = pytest.mark.django_db

runner = CliRunner()
LEAF = {
    "name": "Red Bali",
    "form": "leaf_powder",
    "mitragynine_mg_per_unit": "2",
    "seven_oh_mg_per_unit": "15",
    "heavy_metals": "unknown",
    "microbial": "unknown",
}


def _local(moment: dt.datetime, person: Any) -> str:
    return timezone.localtime(moment, person.zone).strftime("%Y-%m-%dT%H:%M")


# -- doses in 1900, and years before the account's history ------------------------------------


def test_page_refuses_a_dose_in_1900(web: Client, person: Any) -> None:
    response = web.post("/doses/new/", {"amount": "2", "unit": "g", "taken_at": "1900-01-05T08:00"})
    assert response.status_code == 422
    assert "before the year 2000" in response.content.decode()
    assert not Dose.objects.exists()


def test_page_asks_to_confirm_a_dose_years_before_the_history(web: Client, person: Any) -> None:
    three_years_ago = _local(timezone.now() - dt.timedelta(days=3 * 365), person)
    data = {"amount": "2", "unit": "g", "taken_at": three_years_ago}
    first = web.post("/doses/new/", data)
    page = first.content.decode()
    assert first.status_code == 422
    assert "more than a year before your journal starts" in page
    assert 'name="confirm_unusual"' in page
    assert not Dose.objects.exists()
    second = web.post("/doses/new/", {**data, "confirm_unusual": "on"})
    assert second.status_code == 302
    assert Dose.objects.count() == 1


def test_a_dose_months_back_needs_no_confirmation(web: Client, person: Any) -> None:
    half_a_year_ago = _local(timezone.now() - dt.timedelta(days=180), person)
    response = web.post("/doses/new/", {"amount": "2", "unit": "g", "taken_at": half_a_year_ago})
    assert response.status_code == 302
    # And that dose now starts the history: a year before it is still fine without a question.
    earlier = _local(timezone.now() - dt.timedelta(days=180 + 300), person)
    assert (
        web.post("/doses/new/", {"amount": "2", "unit": "g", "taken_at": earlier}).status_code
        == 302
    )


def test_api_names_the_field_and_accepts_the_confirm_flag(api: Any) -> None:
    old = (timezone.now() - dt.timedelta(days=4 * 365)).isoformat()
    refused = api.post("/doses", {"amount": 2, "taken_at": "1999-12-31T23:00:00+00:00"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "taken_at"]
    asked = api.post("/doses", {"amount": 2, "taken_at": old})
    assert asked.status_code == 422
    (item,) = asked.json()["detail"]
    assert item["loc"] == ["body", "taken_at"]
    assert item["type"] == "needs_confirmation"
    assert '"confirm_unusual": true' in item["msg"]
    saved = api.post("/doses", {"amount": 2, "taken_at": old, "confirm_unusual": True})
    assert saved.status_code == 201


def test_cli_prints_one_line_and_accepts_confirm(person: Any) -> None:
    refused = runner.invoke(app, ["log", "2g", "--at", "1900-01-01T08:00"])
    assert refused.exit_code == 2
    assert "before the year 2000" in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    old = (timezone.now() - dt.timedelta(days=3 * 365)).strftime("%Y-%m-%dT%H:%M")
    asked = runner.invoke(app, ["log", "2g", "--at", old])
    assert asked.exit_code == 2
    assert "--confirm" in asked.output
    assert not Dose.objects.exists()
    saved = runner.invoke(app, ["log", "2g", "--at", old, "--confirm"])
    assert saved.exit_code == 0, saved.output
    assert Dose.objects.count() == 1


# -- a leaf product with more 7-OH than mitragynine -------------------------------------------


def test_page_warns_about_more_seven_oh_than_mitragynine_in_leaf(web: Client) -> None:
    first = web.post("/products/new/", LEAF)
    page = first.content.decode()
    assert first.status_code == 422
    assert "Leaf has far less 7-OH than mitragynine" in page
    assert 'name="confirm_unusual"' in page
    assert not Product.objects.exists()
    second = web.post("/products/new/", {**LEAF, "confirm_unusual": "on"})
    assert second.status_code == 302
    assert Product.objects.get().seven_oh_mg_per_unit == Decimal(15)


def test_a_seven_oh_product_or_a_usual_leaf_needs_no_confirmation(web: Client) -> None:
    assert web.post("/products/new/", {**LEAF, "form": "seven_oh"}).status_code == 302
    usual = {
        **LEAF,
        "name": "Green",
        "mitragynine_mg_per_unit": "15",
        "seven_oh_mg_per_unit": "0.2",
    }
    assert web.post("/products/new/", usual).status_code == 302


def test_api_product_needs_the_confirm_flag(api: Any) -> None:
    body = {"name": "Red Bali", "mitragynine_mg_per_unit": 2, "seven_oh_mg_per_unit": 15}
    asked = api.post("/products", body)
    assert asked.status_code == 422
    assert asked.json()["detail"][0]["loc"] == ["body", "seven_oh_mg_per_unit"]
    assert api.post("/products", {**body, "confirm_unusual": True}).status_code == 201
    product_id = Product.objects.get().pk
    # Changing it later asks again, and saves with the flag.
    change = {"mitragynine_mg_per_unit": 1}
    assert api.patch(f"/products/{product_id}", change).status_code == 422
    assert (
        api.patch(f"/products/{product_id}", {**change, "confirm_unusual": True}).status_code == 200
    )
