"""Two real app servers on one database and one Redis (STEPDOWN_CACHE_URL), as a clinic runs
them behind a proxy: what one caches the other serves, and a write through one shows on both."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from tests.config.test_settings import _clean_environment
from tests.config.test_shared_cache import REDIS_URL, redis_client
from tests.servers import running_servers

from stepdown.config.caches import instance_key_prefix

SETUP = """
import datetime as dt
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.utils import timezone
from stepdown.accounts.models import User
from stepdown.accounts.services import token_create
from stepdown.journal.services import dose_create
user = User.objects.create_user("sam@example.org", "a-long-test-passphrase", time_zone="UTC")
dose_create(owner=user, amount="2.5", taken_at=timezone.now() - dt.timedelta(seconds=30))
print(token_create(owner=user, name="script")[1])
"""


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    client = redis_client()
    data = tmp_path_factory.mktemp("two-servers-redis")
    secret = f"test-instance-secret-{uuid.uuid4().hex}"
    env = _clean_environment() | {
        "DJANGO_SETTINGS_MODULE": "stepdown.config.settings",
        "STEPDOWN_DATA_DIR": str(data),
        "STEPDOWN_CACHE_URL": REDIS_URL,
        "SECRET_KEY": secret,
    }
    made = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, capture_output=True, text=True, timeout=300
    )
    assert made.returncode == 0, made.stderr
    prefix = instance_key_prefix(secret, settings.PACKAGE_DIR)
    try:
        with running_servers(env, 2) as urls:
            yield {
                "urls": urls,
                "token": made.stdout.strip().splitlines()[-1],
                "database": data / "stepdown.sqlite3",
                "keys": lambda: [key.decode() for key in client.scan_iter(match=f"{prefix}:*")],
            }
    finally:
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)


def _call(url: str, token: str, body: dict[str, Any] | None = None) -> Any:
    request = urllib.request.Request(  # noqa: S310  (a test server on loopback)
        url,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())


def test_one_servers_cached_summary_is_served_by_the_other_until_a_write(
    servers: dict[str, Any], tmp_path: Path
) -> None:
    first, second = servers["urls"]
    token = servers["token"]
    assert _call(f"{first}/api/v1/today", token)["total_g"] == 2.5
    assert any(":today-summary:" in key for key in servers["keys"]())

    # A change the revision does not see (a bare UPDATE from outside): the second server still
    # answers 2.5, so its answer is the first server's cached summary, read from Redis.
    with sqlite3.connect(servers["database"]) as database:
        database.execute("UPDATE journal_dose SET amount = 9, grams = 9")
    assert _call(f"{second}/api/v1/today", token)["total_g"] == 2.5

    # A dose logged through the second server moves the revision: both now read the database.
    _call(f"{second}/api/v1/doses", token, {"amount": 1.25, "unit": "g"})
    assert _call(f"{first}/api/v1/today", token)["total_g"] == 10.25  # 9 + 1.25
    assert _call(f"{second}/api/v1/today", token)["dose_count"] == 2
