"""The caches several server processes share (STEPDOWN_CACHE_URL), for real: Redis at
127.0.0.1:6379 (CI runs one there) and the database cache, on SQLite or PostgreSQL, whichever
this run uses. The Today page and every per-person cached value work through them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
import redis
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from stepdown.accounts.models import User
from stepdown.alerts.summary import alert_summary, cached_summary
from stepdown.config.caches import shared_cache
from stepdown.goals.history import cached_journal_window, journal_window
from stepdown.journal.models import Dose
from stepdown.journal.selectors import today_summary
from stepdown.journal.services import dose_create
from stepdown.journal.summary_cache import cached_today_summary
from stepdown.web.revision_cache import forget_local

pytestmark = pytest.mark.django_db

# A Redis database of the tests' own. Several runs share the server (the SQLite and the
# PostgreSQL suite, each with two workers), so each test deletes only the keys of its own prefix
# rather than flushing the database under another run's feet.
REDIS_URL = "redis://127.0.0.1:6379/7"
CACHE_TABLE = "test_shared_cache"
NOW = dt.datetime(2031, 3, 5, 15, 0, 10, tzinfo=dt.UTC)  # 09:00:10 in Chicago


def redis_client() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.fail(f"these tests need Redis at 127.0.0.1:6379 (CI runs one there): {error}")
    return client


@dataclass
class SharedCache:
    kind: str
    stored_keys: Callable[[], list[str]]  # read from the store itself, not through Django


def _table_keys() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {CACHE_TABLE}")  # noqa: S608  (our constant)
        return sorted(row[0] for row in cursor.fetchall())


@pytest.fixture(params=["redis", "database"])
def shared(request: pytest.FixtureRequest, db: None) -> Iterator[SharedCache]:
    prefix = f"stepdown-test:{uuid.uuid4().hex}"
    if request.param == "redis":
        client = redis_client()

        def redis_keys() -> list[str]:
            return sorted(key.decode() for key in client.scan_iter(match=f"{prefix}:*"))

        try:
            with override_settings(CACHES={"default": shared_cache(REDIS_URL, key_prefix=prefix)}):
                yield SharedCache("redis", redis_keys)
        finally:
            for key in client.scan_iter(match=f"{prefix}:*"):
                client.delete(key)
    else:
        url = f"db://{CACHE_TABLE}"
        with override_settings(CACHES={"default": shared_cache(url, key_prefix=prefix)}):
            # As `stepdown migrate` does; the table goes with the test's rolled-back transaction.
            call_command("createcachetable", verbosity=0)
            yield SharedCache("database", _table_keys)


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def _today(client: Client) -> str:
    response = client.get("/today/")
    assert response.status_code == 200
    return response.content.decode()


def _shown_total(page: str) -> str:
    marker = 'data-testid="total-g">'
    start = page.index(marker) + len(marker)
    return page[start : page.index("</span>", start)]


def test_the_today_page_is_kept_in_the_shared_cache_until_a_write(
    shared: SharedCache, web: Client, person: User
) -> None:
    first_dose = dose_create(owner=person, amount="2.5", taken_at=NOW - dt.timedelta(hours=1))
    first = _today(web)
    assert _shown_total(first) == "2.5 g"
    assert "1 dose<" in first
    assert any(":page:today:" in key for key in shared.stored_keys()), shared.stored_keys()

    # A change that skips the revision (a bare UPDATE) is not shown: the second view is the
    # cached page from the shared store, not a new render.
    Dose.objects.filter(pk=first_dose.dose.pk).update(amount=Decimal(9), grams=Decimal(9))
    with CaptureQueriesContext(connection) as second_view:
        second = _today(web)
    assert _shown_total(second) == "2.5 g"
    if shared.kind == "redis":  # the session and the person; the page itself from Redis
        assert len(second_view) <= 2, [q["sql"] for q in second_view]

    revision = User.objects.get(pk=person.pk).data_revision
    dose_create(owner=person, amount="1.25", taken_at=NOW - dt.timedelta(minutes=5))
    assert User.objects.get(pk=person.pk).data_revision > revision
    third = _today(web)
    assert _shown_total(third) == "10.25 g"  # 9 (the bare update, now shown) + 1.25
    assert "2 doses<" in third
    assert "1.25 g" in third


def test_each_per_person_value_comes_back_from_the_store_equal(
    shared: SharedCache, person: User
) -> None:
    dose_create(owner=person, amount="3", taken_at=NOW - dt.timedelta(days=1, hours=2))
    dose_create(owner=person, amount="2.5", taken_at=NOW - dt.timedelta(hours=2))
    person = User.objects.get(pk=person.pk)  # its current revision
    fills: dict[str, Callable[[], Any]] = {
        "today-summary": lambda: cached_today_summary(owner=person),
        "journal-window": lambda: cached_journal_window(owner=person),
        "alerts-summary": lambda: alert_summary(owner=person),
    }
    for kind, fill in fills.items():
        fill()
        assert any(f":{kind}:{person.pk}:" in key for key in shared.stored_keys()), kind
    # Read back (unpickled from the store, not this process's copies) and compared with a
    # fresh computation.
    forget_local()
    summary = cached_today_summary(owner=person)
    assert summary == today_summary(owner=person)
    assert summary.total_g == Decimal("2.5")
    assert summary.dose_count == 1
    window = cached_journal_window(owner=person)
    assert window == journal_window(owner=person)
    assert [dose.dose_g for dose in window.doses] == [Decimal(3), Decimal("2.5")]
    assert cached_summary(owner=person) == alert_summary(owner=person)
