"""A shared Redis that stops answering makes pages slower, never broken: a real Redis client
pointed at a port where nothing listens (a refused connection, as when Redis is down)."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.test.utils import override_settings
from tests.config.test_shared_cache import REDIS_URL, redis_client

from stepdown.config import redis_cache
from stepdown.config.caches import shared_cache

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the block ends


@pytest.fixture
def redis_down() -> Iterator[str]:
    url = f"redis://127.0.0.1:{_closed_port()}/0"
    with override_settings(CACHES={"default": shared_cache(url, key_prefix="stepdown-test:down")}):
        yield url
    redis_cache._down_until.pop(url, None)


def test_reads_are_misses_and_writes_are_skipped(redis_down: str) -> None:
    cache.set("a", 1)  # no exception
    assert cache.get("a", "missing") == "missing"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("b", 2) is False
    assert cache.set_many({"c": 3}) == ["c"]  # reported as not stored


def test_after_a_failure_redis_is_left_alone_for_a_while(
    redis_down: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="stepdown.config.redis_cache"):
        cache.get("a")
        cache.get("b")
        cache.set("c", 1)
    # One failure, one warning; the next calls did not try the connection again.
    assert len(caplog.records) == 1
    assert redis_down.split("//")[1].split("/")[0] not in caplog.text  # no server address
    assert redis_cache._down_until[redis_down] > 0


def test_pages_and_the_api_still_answer(redis_down: str, web: Client, api: Any) -> None:
    assert web.get("/today/").status_code == 200
    assert web.get("/doses/").status_code == 200
    assert api.get("/doses").status_code == 200
    assert api.get("/alerts").status_code == 200


def test_healthz_says_degraded_but_still_serves(redis_down: str, client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unreachable"}


def test_healthz_is_plainly_ok_with_a_redis_that_answers(client: Client) -> None:
    redis_client()  # fails clearly when the test Redis is not running
    answering = shared_cache(REDIS_URL, key_prefix="stepdown-test:up")
    with override_settings(CACHES={"default": answering}):
        response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok"}
