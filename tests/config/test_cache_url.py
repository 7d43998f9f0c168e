"""STEPDOWN_CACHE_URL: each form it takes, each it refuses, and the prefix shared keys carry."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from stepdown.config.caches import (
    DATABASE_BACKEND,
    LOCAL_CACHE,
    REDIS_BACKEND,
    code_fingerprint,
    instance_key_prefix,
    shared_cache,
)

PREFIX = "stepdown:0123456789abcdef"


def test_redis_url_names_the_resilient_redis_cache_with_timeouts() -> None:
    entry = shared_cache("redis://cache.internal:6380/3", key_prefix=PREFIX)
    assert entry == {
        "BACKEND": "stepdown.config.redis_cache.ResilientRedisCache",
        "LOCATION": "redis://cache.internal:6380/3",
        "KEY_PREFIX": PREFIX,
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }


@pytest.mark.parametrize(
    "url",
    [
        "rediss://cache.example.net:6380/0",
        "redis://:s3cret@127.0.0.1:6379/1",
        "redis://127.0.0.1/2",  # Redis's own port
        "redis://127.0.0.1:6379",  # database 0
        "redis://127.0.0.1:6379/",
        "rediss://cache.example.net:6380/0?ssl_cert_reqs=required",
    ],
)
def test_other_redis_forms_pass_to_redis_py_unchanged(url: str) -> None:
    entry = shared_cache(url, key_prefix=PREFIX)
    assert entry["BACKEND"] == REDIS_BACKEND
    assert entry["LOCATION"] == url


@pytest.mark.parametrize(
    ("url", "table"),
    [
        ("db://", "stepdown_cache"),
        ("db://clinic_cache", "clinic_cache"),
        ("db:///", "stepdown_cache"),
    ],
)
def test_db_url_names_the_database_cache_and_its_table(url: str, table: str) -> None:
    entry = shared_cache(url, key_prefix=PREFIX)
    assert entry == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": table,
        "KEY_PREFIX": PREFIX,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
    assert entry["BACKEND"] == DATABASE_BACKEND


def test_without_a_url_each_process_keeps_its_own_cache() -> None:
    assert LOCAL_CACHE == {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("memcached://127.0.0.1:11211", "not memcached://"),
        ("localhost:6379", "not localhost://"),
        ("127.0.0.1", "must start with redis://, rediss:// or db:// (expected"),
        ("redis://", "names no Redis host"),
        ("redis://:6379/0", "names no Redis host"),
        ("redis://127.0.0.1:port/0", "port that is not a number"),
        ("redis://127.0.0.1:70000/0", "port that is not a number"),
        ("redis://127.0.0.1:0/0", "port that is not a number"),
        ("redis://127.0.0.1:6379/seven", "database that is not a number: 'seven'"),
        ("redis://127.0.0.1:6379/0#x", "must not have a #fragment"),
        ("db://Cache", "names a table 'Cache'"),
        ("db://1cache", "names a table '1cache'"),
        ("db://cache-table", "names a table 'cache-table'"),
        ("db://" + "c" * 64, "up to 63"),
        ("db://cache/other", "takes only a table name"),
        ("db://cache?x=1", "takes only a table name"),
        ("db://user@cache", "takes only a table name"),
        ("redis://[::1/0", "is not a URL"),
    ],
)
def test_bad_urls_are_refused_in_one_line_naming_the_variable(url: str, reason: str) -> None:
    with pytest.raises(ImproperlyConfigured) as refused:
        shared_cache(url, key_prefix=PREFIX)
    message = str(refused.value)
    assert message.startswith("STEPDOWN_CACHE_URL ")
    assert reason in message
    assert "\n" not in message


def test_a_refusal_never_repeats_the_password() -> None:
    with pytest.raises(ImproperlyConfigured) as refused:
        shared_cache("redis://:hunter2secret@127.0.0.1:port/0", key_prefix=PREFIX)
    assert "hunter2secret" not in str(refused.value)


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_the_fingerprint_follows_code_and_templates_only(tmp_path: Path) -> None:
    package = _package(
        tmp_path / "pkg",
        {"a.py": "A = 1\n", "templates/page.html": "<p>{{ x }}</p>", "static/app.css": "p{}"},
    )
    first = code_fingerprint(package)
    assert code_fingerprint(package) == first
    (package / "static/app.css").write_text("p{color:red}")  # not what cached values come from
    assert code_fingerprint(package) == first
    (package / "templates/page.html").write_text("<p>{{ y }}</p>")
    changed_template = code_fingerprint(package)
    assert changed_template != first
    (package / "b.py").write_text("")
    assert code_fingerprint(package) != changed_template


def test_the_same_code_elsewhere_has_the_same_fingerprint(tmp_path: Path) -> None:
    files = {"a.py": "A = 1\n", "sub/b.py": "B = 2\n", "templates/t.html": "t"}
    assert code_fingerprint(_package(tmp_path / "one", files)) == code_fingerprint(
        _package(tmp_path / "two", files)
    )
    moved = {"a.py": "A = 1\n", "sub/c.py": "B = 2\n", "templates/t.html": "t"}
    assert code_fingerprint(_package(tmp_path / "three", moved)) != code_fingerprint(
        tmp_path / "one"
    )


def test_the_prefix_belongs_to_one_instance_and_tells_nothing_of_its_secret(
    tmp_path: Path,
) -> None:
    package = _package(tmp_path / "pkg", {"a.py": "A = 1\n"})
    secret = "a-secret-key-of-this-instance-0123456789"
    prefix = instance_key_prefix(secret, package)
    assert prefix == instance_key_prefix(secret, package)
    assert prefix.startswith("stepdown:")
    assert len(prefix) == len("stepdown:") + 16
    assert secret not in prefix
    assert instance_key_prefix("another-instance-secret-key-9876543210", package) != prefix
    (package / "a.py").write_text("A = 2\n")
    assert instance_key_prefix(secret, package) != prefix
