"""Redis as a cache that a Redis outage cannot take the site down with.

Every value Stepdown caches can be computed again: summaries and pages keyed by the person's
data revision (``web.cache_keys``). So when Redis does not answer, a read is a miss and a write
is skipped: pages are slower, never broken. After a failure, Redis is left alone for
``RETRY_AFTER_S`` seconds, so each request does not wait out the socket timeout again; then the
next call tries it once more. ``/healthz`` and the commands' start-up check ask ``ping_error``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_AFTER_S = 30.0
_FAILURES = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)

# Per Redis location, shared by the threads of a process (Django makes a cache object per thread).
_down_until: dict[str, float] = {}
_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache``; an unreachable Redis is a miss, never an error page."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._location = server

    def _guarded(self, fallback: Any, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        location = self._location
        if time.monotonic() < _down_until.get(location, 0.0):
            return fallback
        try:
            return method(*args, **kwargs)
        except _FAILURES as error:
            with _lock:
                _down_until[location] = time.monotonic() + RETRY_AFTER_S
            # The error's class only: its text can carry the server's address.
            logger.warning(
                "The shared cache did not answer (%s); serving without it for %.0f s",
                type(error).__name__,
                RETRY_AFTER_S,
            )
            return fallback

    def ping_error(self) -> str | None:
        """Why Redis does not answer a ping now, or ``None`` when it does (never raises)."""
        try:
            # Django's own client for this cache (not in the type stubs).
            self._cache.get_client().ping()  # type: ignore[attr-defined]
        except redis.exceptions.RedisError as error:
            return str(error)
        return None

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._guarded(default, super().get, key, default, version)

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        keys = list(keys)
        return dict(self._guarded({}, super().get_many, keys, version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return bool(self._guarded(False, super().has_key, key, version))

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        self._guarded(None, super().set, key, value, timeout, version)

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return bool(self._guarded(False, super().add, key, value, timeout, version))

    def set_many(
        self, data: Mapping[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[Any]:
        return list(self._guarded(list(data), super().set_many, data, timeout, version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return bool(self._guarded(False, super().delete, key, version))

    def delete_many(self, keys: Iterable[Any], version: int | None = None) -> None:
        self._guarded(None, super().delete_many, list(keys), version)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return bool(self._guarded(False, super().touch, key, timeout, version))
