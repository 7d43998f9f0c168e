"""The data migration that moved ``goals.Nudge`` into ``alerts.Alert``, forward and back.

It keeps the deduplication (one row per person, code and cause), the dismissals, and an
``escalation`` stored by both apps as one alert whose status is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Transactional: the migrations change the schema, which a test's wrapping transaction cannot.
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("alerts", "0002_alert_kind"), ("goals", "0004_goal_allowed_weekdays")]
AFTER = [("alerts", "0003_nudges_into_alerts"), ("goals", "0005_delete_nudge")]
T0 = dt.datetime(2026, 1, 10, 9, 0, tzinfo=dt.UTC)


def _migrate(targets: list[tuple[str, str]]) -> Any:
    """Migrate to ``targets``; the historical apps at that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def at_the_old_schema() -> Iterator[Any]:
    apps = _migrate(BEFORE)
    yield apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # leave the schema as the suite expects


def _words(code: str) -> dict[str, str]:
    return {
        "severity": "low",
        "title": f"{code} title",
        "explanation": f"{code} explanation",
        "action": f"{code} action",
        "source": "SeedRisk",
        "learn_slug": "tapering",
    }


def test_nudges_move_into_alerts_and_back(person: Any, at_the_old_schema: Any) -> None:
    apps = at_the_old_schema
    User = apps.get_model("accounts", "User")
    sam = User.objects.get(pk=person.pk)
    Nudge = apps.get_model("goals", "Nudge")
    Alert = apps.get_model("alerts", "Alert")
    AlertEvent = apps.get_model("alerts", "AlertEvent")
    dismissed = T0 + dt.timedelta(hours=2)
    Nudge.objects.create(owner=sam, code="over_daily_limit", cause_key="day:2026-01-10",
                         created_at=T0, **_words("over_daily_limit"))  # fmt: skip
    Nudge.objects.create(owner=sam, code="doses_too_close", cause_key="dose:x", created_at=T0,
                         dismissed_at=dismissed, **_words("doses_too_close"))  # fmt: skip
    # escalation: once stored by both apps (the alert was seen), once only as a nudge.
    Nudge.objects.create(owner=sam, code="escalation", cause_key="average_rise",
                         created_at=T0, dismissed_at=dismissed, **_words("escalation"))  # fmt: skip
    seen = Alert.objects.create(owner=sam, code="escalation", cause_key="average_rise",
                                status="acknowledged", acknowledged_at=T0, created_at=T0,
                                **_words("escalation"))  # fmt: skip
    Nudge.objects.create(owner=sam, code="escalation", cause_key="daily_run:2026-01-01",
                         created_at=T0, **_words("escalation"))  # fmt: skip

    apps = _migrate(AFTER)
    Alert = apps.get_model("alerts", "Alert")
    AlertEvent = apps.get_model("alerts", "AlertEvent")
    rows = {
        (row.code, row.cause_key): (row.kind, row.status, row.dismissed_at)
        for row in Alert.objects.filter(owner_id=sam.pk)
    }
    assert rows == {
        ("over_daily_limit", "day:2026-01-10"): ("nudge", "open", None),
        ("doses_too_close", "dose:x"): ("nudge", "open", dismissed),
        ("escalation", "average_rise"): ("alert", "acknowledged", dismissed),
        ("escalation", "daily_run:2026-01-01"): ("alert", "open", None),
    }
    assert Alert.objects.get(pk=seen.pk).dismissed_at == dismissed  # the same row, merged
    moved = Alert.objects.get(code="over_daily_limit")
    assert (moved.created_at, moved.title, moved.action) == (T0, "over_daily_limit title",
                                                             "over_daily_limit action")  # fmt: skip
    # The escalation that only the goals app had gets the history line an alert starts with.
    run = Alert.objects.get(cause_key="daily_run:2026-01-01")
    assert list(AlertEvent.objects.filter(alert_id=run.pk).values_list("status", flat=True)) == [
        "open"
    ]

    apps = _migrate(BEFORE)
    Nudge = apps.get_model("goals", "Nudge")
    Alert = apps.get_model("alerts", "Alert")
    back = {(n.code, n.cause_key): n.dismissed_at for n in Nudge.objects.filter(owner_id=sam.pk)}
    assert back == {
        ("over_daily_limit", "day:2026-01-10"): None,
        ("doses_too_close", "dose:x"): dismissed,
        ("escalation", "average_rise"): dismissed,
        ("escalation", "daily_run:2026-01-01"): None,
    }
    # Nudges left the alerts table; escalation stays an alert too (the daily job records it).
    assert sorted(Alert.objects.values_list("code", "cause_key")) == [
        ("escalation", "average_rise"),
        ("escalation", "daily_run:2026-01-01"),
    ]
