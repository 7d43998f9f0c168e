"""The API is declared, not inferred: every route is in the OpenAPI schema with its errors."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver
from ninja import Schema

from stepdown.api import api

pytestmark = pytest.mark.django_db

PUBLIC = {"/api/v1/auth/token", "/api/v1/auth/signup"}


def _route_paths() -> set[str]:
    """Every URL pattern of the API, as an OpenAPI-style path."""
    paths: set[str] = set()

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif pattern.name not in {"openapi-json", "openapi-view", "api-root"}:
                paths.add("/api/v1/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route))

    walk(api.urls[0], "")
    return paths


@pytest.fixture
def schema(client: Client) -> dict:  # type: ignore[type-arg]
    return client.get("/api/v1/openapi.json").json()  # type: ignore[no-any-return]


def test_the_schema_is_served(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.1")


def test_every_route_is_in_the_schema(schema: dict) -> None:  # type: ignore[type-arg]
    routes = _route_paths()
    assert "/api/v1/doses/{dose_id}" in routes
    assert routes <= set(schema["paths"])


def test_every_operation_documents_its_errors(schema: dict) -> None:  # type: ignore[type-arg]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "422" in codes, (method, path)
            if path not in PUBLIC:
                assert {"401", "404"} <= codes, (method, path)
                assert operation.get("security"), (method, path)


def test_the_docs_page_works_offline(client: Client) -> None:
    body = client.get("/api/v1/docs").content.decode()
    assert "cdn" not in body.lower()


def _schema_classes(base: type) -> list[type]:
    found = []
    for cls in base.__subclasses__():
        if cls.__module__.startswith("stepdown."):
            found.append(cls)
        found.extend(_schema_classes(cls))
    return found


def test_every_api_schema_has_a_name_of_its_own() -> None:
    """OpenAPI names a component after its class: two schemas of one name become one component,
    and clients then validate one app's payload against another's fields (regression: the
    patient page's MedicineOut replaced the medicines list's)."""
    # stepdown.api (imported above) registers every router, so every schema is loaded.
    modules: dict[str, set[str]] = {}
    for cls in _schema_classes(Schema):
        modules.setdefault(cls.__name__, set()).add(cls.__module__)
    shared = {name: sorted(found) for name, found in modules.items() if len(found) > 1}
    assert shared == {}
