"""The cache every server process uses, chosen by ``STEPDOWN_CACHE_URL``.

Unset, each process keeps its own small cache in memory: right for one machine with a few
workers. A URL names a cache that several processes, on one machine or many, share: Redis, or a
table in Stepdown's own database. Shared entries outlive a restart, so their keys start with a
prefix (:func:`instance_key_prefix`) that changes with the code and with the instance's secret
key: a new release never reads an object an older one pickled in another shape, and two
instances pointed at one Redis database never read each other's pages.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

from django.core.exceptions import ImproperlyConfigured

LOCAL_CACHE: dict[str, object] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
# Django's RedisCache, but a Redis outage makes pages slower rather than broken.
REDIS_BACKEND = "stepdown.config.redis_cache.ResilientRedisCache"
DATABASE_BACKEND = "django.core.cache.backends.db.DatabaseCache"
DEFAULT_TABLE = "stepdown_cache"
# A Redis that stops answering fails a request after this long instead of holding it forever.
REDIS_TIMEOUT_S = 2
# Django's default of 300 entries is a few minutes of one busy clinic's page views; past this
# many rows the database cache deletes a third of them on the next write.
DATABASE_MAX_ENTRIES = 20_000

FORMS = "redis://HOST:PORT/DB, rediss://HOST:PORT/DB, db:// or db://TABLE"
_TABLE = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# What the fingerprint covers: what a cached value's shape and a cached page's HTML come from.
_CODE_SUFFIXES = (".py", ".html")


def _bad(reason: str) -> ImproperlyConfigured:
    # Never the URL itself: it may carry the Redis password.
    return ImproperlyConfigured(f"STEPDOWN_CACHE_URL {reason} (expected {FORMS})")


def shared_cache(url: str, *, key_prefix: str) -> dict[str, object]:
    """Django's ``CACHES["default"]`` for the shared cache ``url`` names."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise _bad("is not a URL") from None
    if parts.fragment:
        raise _bad("must not have a #fragment")
    if parts.scheme in {"redis", "rediss"}:
        _check_redis(parts)
        return {
            "BACKEND": REDIS_BACKEND,
            # redis-py reads the password, database and any ?options from the URL itself.
            "LOCATION": url.strip(),
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_S,
                "socket_timeout": REDIS_TIMEOUT_S,
            },
        }
    if parts.scheme == "db":
        return {
            "BACKEND": DATABASE_BACKEND,
            "LOCATION": _table(parts),
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {"MAX_ENTRIES": DATABASE_MAX_ENTRIES},
        }
    found = f", not {parts.scheme}://" if parts.scheme else ""
    raise _bad(f"must start with redis://, rediss:// or db://{found}")


def _check_redis(parts: SplitResult) -> None:
    if not parts.hostname:
        raise _bad("names no Redis host")
    try:
        port = parts.port  # None: Redis's own 6379
    except ValueError:
        port = 0
    if port == 0:
        raise _bad("has a port that is not a number from 1 to 65535")
    database = parts.path.strip("/")
    if database and not (database.isdigit() and database.isascii()):
        raise _bad(f"has a Redis database that is not a number: {database!r}")


def _table(parts: SplitResult) -> str:
    if parts.path.strip("/") or parts.query or "@" in parts.netloc or ":" in parts.netloc:
        raise _bad("takes only a table name after db://")
    table = parts.netloc or DEFAULT_TABLE
    if not _TABLE.fullmatch(table):
        raise _bad(
            f"names a table {table!r}: use lower-case letters, digits and underscores, "
            "up to 63, not starting with a digit"
        )
    return table


def code_fingerprint(package_dir: Path) -> str:
    """A digest of the code's modules and templates: the same for the same release on every
    machine (it reads contents and relative paths, never times)."""
    digest = hashlib.sha256()
    for path in sorted(package_dir.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and path.is_file():
            digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def instance_key_prefix(secret_key: str, package_dir: Path) -> str:
    """The prefix of every shared cache key: this instance (its secret key, which all its app
    servers share anyway) running this code. Keyed with the secret, so it tells nothing of it."""
    mac = hmac.new(secret_key.encode(), code_fingerprint(package_dir).encode(), hashlib.sha256)
    return f"stepdown:{mac.hexdigest()[:16]}"
