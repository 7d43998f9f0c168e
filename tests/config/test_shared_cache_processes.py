"""What one process puts in the shared cache another reads, after the first has ended, as the
app servers of one instance do; the settings come from STEPDOWN_CACHE_URL as in production."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.conf import settings
from django.core.cache import cache
from django.test.utils import override_settings
from tests.config.test_settings import _clean_environment
from tests.config.test_shared_cache import REDIS_URL, redis_client

from stepdown.config.caches import instance_key_prefix, shared_cache

WRITE = """
import datetime as dt, sys
from decimal import Decimal
import django; django.setup()
from django.core.cache import cache
cache.set(sys.argv[1], {"grams": Decimal("2.5"), "day": dt.date(2031, 3, 5)}, 300)
"""
READ = """
import sys
import django; django.setup()
from django.core.cache import cache
print(repr(cache.get(sys.argv[1])))
"""
HANDED_OVER = {"grams": Decimal("2.5"), "day": dt.date(2031, 3, 5)}


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    return _clean_environment() | {
        "DJANGO_SETTINGS_MODULE": "stepdown.config.settings",
        "STEPDOWN_DATA_DIR": str(tmp_path),
        **extra,
    }


def test_a_value_one_process_wrote_to_redis_is_read_by_another(tmp_path: Path) -> None:
    client = redis_client()
    secret = f"test-instance-secret-{uuid.uuid4().hex}"
    key = f"handover-{uuid.uuid4().hex}"
    env = _environment(tmp_path, STEPDOWN_CACHE_URL=REDIS_URL, SECRET_KEY=secret)
    # The prefix this instance's processes compute: the same here as in the writer.
    prefix = instance_key_prefix(secret, settings.PACKAGE_DIR)
    try:
        written = _run(env, "-c", WRITE, key)
        assert written.returncode == 0, written.stderr
        assert client.exists(f"{prefix}:1:{key}")  # Django's "prefix:version:key"
        with override_settings(CACHES={"default": shared_cache(REDIS_URL, key_prefix=prefix)}):
            assert cache.get(key) == HANDED_OVER
        read = _run(env, "-c", READ, key)  # a third process, after the writer ended
        assert read.stdout.strip() == repr(HANDED_OVER), read.stderr
        # Another instance (another secret key) on the same Redis database sees nothing of it.
        other = _environment(tmp_path, STEPDOWN_CACHE_URL=REDIS_URL, SECRET_KEY=secret + "x")
        assert _run(other, "-c", READ, key).stdout.strip() == "None"
    finally:
        client.delete(f"{prefix}:1:{key}")


@contextmanager
def _fresh_database(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A new, empty database of the kind this run tests: a PostgreSQL database beside the one
    DATABASE_URL names (dropped afterwards), else a SQLite file in ``tmp_path``."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield {}
        return
    name = f"stepdown_cache_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {"DATABASE_URL": urlsplit(url)._replace(path=f"/{name}").geturl()}
    finally:
        with psycopg.connect(url, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_database_cache_is_made_by_migrate_and_shared_by_processes(tmp_path: Path) -> None:
    key = f"handover-{uuid.uuid4().hex}"
    with _fresh_database(tmp_path) as database:
        env = _environment(
            tmp_path,
            STEPDOWN_CACHE_URL="db://handover_cache",
            SECRET_KEY=f"test-instance-secret-{uuid.uuid4().hex}",
            **database,
        )
        migrated = _run(env, "-m", "stepdown", "migrate")
        assert migrated.returncode == 0, migrated.stderr
        assert "Cache: the database table handover_cache (shared)" in migrated.stdout
        written = _run(env, "-c", WRITE, key)
        assert written.returncode == 0, written.stderr
        read = _run(env, "-c", READ, key)
        assert read.stdout.strip() == repr(HANDED_OVER), read.stderr


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the probe goes


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("memcached://127.0.0.1:11211", "STEPDOWN_CACHE_URL must start with redis://"),
        ("redis://:pw-not-shown@127.0.0.1:6379/x", "database that is not a number"),
        ("redis://:pw-not-shown@127.0.0.1:{port}/0", "the cache at STEPDOWN_CACHE_URL is not"),
    ],
)
def test_the_command_line_says_what_is_wrong_with_the_cache_in_one_line(
    tmp_path: Path, url: str, said: str
) -> None:
    env = _environment(tmp_path, STEPDOWN_CACHE_URL=url.format(port=_closed_port()))
    result = _run(env, "-m", "stepdown", "migrate")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert said in result.stderr
    assert "pw-not-shown" not in result.stderr + result.stdout
