"""The product API: lab values, validation, flags, archive instead of delete."""

from __future__ import annotations

from typing import Any

import pytest
from tests.api_client import ApiClient

pytestmark = pytest.mark.django_db


def test_product_with_full_lab_values_round_trips(api: ApiClient) -> None:
    body = {
        "name": "Red Vein",
        "vendor": "Example",
        "form": "leaf_powder",
        "batch": "RV-1",
        "mitragynine_mg_per_unit": 18.5,
        "seven_oh_mg_per_unit": 0.3,
        "lab_name": "Lab One",
        "lab_test_date": "2026-05-01",
        "heavy_metals": "pass",
        "microbial": "pass",
    }
    created = api.post("/products", body)
    assert created.status_code == 201, created.content
    product = api.get(f"/products/{created.json()['id']}").json()
    for key, value in body.items():
        assert product[key] == value
    assert product["potency"]["basis"] == "lab"
    assert product["flags"] == []


def test_product_without_lab_values_shows_the_estimate_basis(api: ApiClient) -> None:
    leaf = api.post("/products", {"name": "Shop leaf"}).json()
    assert leaf["potency"]["basis"] == "default"
    assert leaf["potency"]["estimated"] is True
    assert leaf["potency"]["mitragynine_range"] == [3.9, 62.1]
    extract = api.post("/products", {"name": "Extract", "form": "extract"}).json()
    assert extract["potency"]["basis"] == "none"
    assert extract["potency"]["mitragynine_mg_per_unit"] is None


def test_seven_oh_and_failed_contaminant_products_are_flagged(api: ApiClient) -> None:
    product = api.post(
        "/products", {"name": "Tabs", "form": "seven_oh", "microbial": "fail"}
    ).json()
    assert {flag["code"] for flag in product["flags"]} == {"seven_oh_product", "failed_contaminant"}
    assert all(flag["source"] for flag in product["flags"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "Caps", "form": "capsules"}, "capsule_weight_g"),
        ({"name": "X", "capsule_weight_g": 0}, "capsule_weight_g"),
        ({"name": "X", "mitragynine_mg_per_unit": -1}, "mitragynine_mg_per_unit"),
        ({"name": "X", "form": "resin"}, "form"),
        ({"name": "X", "heavy_metals": "maybe"}, "heavy_metals"),
        ({"name": "X", "lab_test_date": "2999-01-01"}, "lab_test_date"),
        ({"name": "X", "lab_test_date": "01/02/2026"}, "lab_test_date"),
    ],
)
def test_bad_products_are_a_422_naming_the_field(
    api: ApiClient, body: dict[str, Any], field: str
) -> None:
    response = api.post("/products", body)
    assert response.status_code == 422, response.content
    assert field in [item["loc"][-1] for item in response.json()["detail"]]


def test_duplicate_names_are_refused_case_insensitively(api: ApiClient) -> None:
    assert api.post("/products", {"name": "Green"}).status_code == 201
    again = api.post("/products", {"name": "green"})
    assert again.status_code == 422
    assert again.json()["detail"][0]["loc"][-1] == "name"


def test_a_product_in_use_is_archived_not_deleted(api: ApiClient) -> None:
    used = api.post("/products", {"name": "Used"}).json()
    unused = api.post("/products", {"name": "Unused"}).json()
    dose = api.post("/doses", {"amount": 2, "product_id": used["id"]}).json()
    assert api.delete(f"/products/{used['id']}").json() == {"result": "archived"}
    assert api.delete(f"/products/{unused['id']}").json() == {"result": "deleted"}
    assert api.get(f"/doses/{dose['id']}").json()["product_id"] == used["id"]
    assert [p["name"] for p in api.get("/products").json()] == []
    archived = api.get("/products", include_archived=True).json()
    assert [(p["name"], p["archived"]) for p in archived] == [("Used", True)]
    # an archived product cannot take new doses
    assert api.post("/doses", {"amount": 1, "product_id": used["id"]}).status_code == 422


def test_patch_changes_only_what_is_sent(api: ApiClient) -> None:
    product = api.post("/products", {"name": "P", "vendor": "V"}).json()
    patched = api.patch(f"/products/{product['id']}", {"mitragynine_mg_per_unit": 20})
    assert patched.status_code == 200
    assert patched.json()["vendor"] == "V"
    assert patched.json()["potency"]["basis"] == "lab"
    assert api.patch(f"/products/{product['id']}", {"name": None}).status_code == 422


def test_other_peoples_products_are_invisible(
    api: ApiClient, other_person: Any, api_for: Any
) -> None:
    theirs = api_for(other_person).post("/products", {"name": "Secret"}).json()
    path = f"/products/{theirs['id']}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"name": "Mine"}).status_code == 404
    assert api.delete(path).status_code == 404
    assert api.get("/products").json() == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Tiny", "capsule_weight_g": 5e-324}, "capsule_weight_g"),
        ({"name": "Tiny", "form": "capsules", "capsule_weight_g": 0.0004}, "capsule_weight_g"),
    ],
)
def test_values_that_round_to_nothing_are_refused(
    api: ApiClient, body: dict[str, Any], field: str
) -> None:
    response = api.post("/products", body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == field
