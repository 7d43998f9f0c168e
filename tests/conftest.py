"""Shared fixtures: the personas every test module uses, and API clients for them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from tests.api_client import ApiClient

PASSWORD = "a-long-test-passphrase"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rolled-back tests reuse primary keys; a cache entry must not outlive its test.

    Pure-core tests run without Django (``-p no:django``); there is no cache to clear then."""
    from django.conf import settings

    if not settings.configured:
        return
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    from stepdown.accounts.models import User

    def make(email: str, *, time_zone: str = "UTC", **extra: Any) -> User:
        return User.objects.create_user(email, PASSWORD, time_zone=time_zone, **extra)

    return make


@pytest.fixture
def person(make_user: Callable[..., Any]) -> Any:
    """Sam: a daily user in Chicago."""
    return make_user("sam@example.org", time_zone="America/Chicago", display_name="Sam")


@pytest.fixture
def other_person(make_user: Callable[..., Any]) -> Any:
    """Alex: another account, whose data Sam must never see."""
    return make_user("alex@example.org", time_zone="Europe/Berlin", display_name="Alex")


@pytest.fixture
def api_for(db: None) -> Callable[[Any], ApiClient]:
    from stepdown.accounts.services import token_create

    def build(user: Any) -> ApiClient:
        _, secret = token_create(owner=user, name="tests")
        return ApiClient(secret)

    return build


@pytest.fixture
def api(person: Any, api_for: Callable[[Any], ApiClient]) -> ApiClient:
    return api_for(person)


@pytest.fixture
def anonymous_api(db: None) -> ApiClient:
    return ApiClient(None)


@pytest.fixture
def web(person: Any) -> Client:
    """A browser-like client signed in as Sam."""
    client = Client()
    client.force_login(person)
    return client
