"""One notice pipeline: alerts and nudges are one model with one deduplication, the rules run
after the writes and in the one daily job, and the tags and pages that show them only read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.alerts.alerts_support import NOW, days_ago, noon

from stepdown.alerts.evaluation import nudges_evaluate
from stepdown.alerts.models import Alert
from stepdown.alerts.selectors import alerts_for, nudges_for, nudges_for_today
from stepdown.alerts.summary import alert_summary
from stepdown.goals.services import goal_save
from stepdown.jobs import run_daily_jobs
from stepdown.journal.models import Dose
from stepdown.journal.services import dose_create
from stepdown.substances.selectors import recent_co_use_warnings

pytestmark = pytest.mark.django_db


# The sign-in's own bookkeeping (the session's expiry, a token's last use) is not the page's.
SIGN_IN_TABLES = ("django_session", "accounts_personalaccesstoken")


def _writes(context: CaptureQueriesContext) -> list[str]:
    """Every statement that is not a read (savepoints only wrap a write)."""
    statements = [query["sql"] for query in context.captured_queries]
    return [
        sql
        for sql in statements
        if not sql.lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE SAVEPOINT"))
        # PostgreSQL reads an ``iterator()`` through a server-side cursor: still a SELECT.
        and " CURSOR FOR SELECT " not in sql.upper()
        and not any(f'"{table}"' in sql for table in SIGN_IN_TABLES)
    ]


def _history(person: Any, days: int, grams: Any) -> None:
    """One dose a day at local noon for the ``days`` days before today; no trigger runs."""
    Dose.objects.bulk_create(
        Dose(
            owner=person,
            amount=grams(back),
            grams=grams(back),
            taken_at=noon(person, days_ago(back)),
        )
        for back in range(1, days + 1)
    )


def test_an_escalation_found_after_a_dose_and_by_the_daily_job_is_stored_once(
    person: Any,
) -> None:
    # 2 g a day, then 3 g for the last 7 days (today's dose included): a 50 % rise.
    _history(person, 39, lambda back: Decimal(3) if back < 7 else Decimal(2))
    with time_machine.travel(NOW, tick=False):
        dose_create(owner=person, amount=Decimal(3), taken_at=noon(person, days_ago(0)))
        assert [a.cause_key for a in nudges_for(owner=person).filter(code="escalation")] == [
            "average_rise"
        ]
    # The next day the daily job judges yesterday, the same signal: nothing new.
    with time_machine.travel(NOW + dt.timedelta(days=1), tick=False):
        run_daily_jobs()
    [row] = Alert.objects.filter(owner=person, code="escalation")
    assert row.kind == Alert.Kind.ALERT
    # One row, shown in both places: the notification centre and the nudge cards.
    assert [a.pk for a in alerts_for(owner=person)] == [row.pk]
    with time_machine.travel(NOW + dt.timedelta(days=1), tick=False):
        cards = nudges_for_today(owner=person)
    assert row.pk in [group.nudge.pk for group in cards.groups]
    assert row.events.count() == 1  # raised once


def test_a_limit_broken_twice_is_one_nudge_and_never_an_alert(person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        goal_save(owner=person, fields={"max_g_per_day": Decimal(1)})
        dose_create(owner=person, amount=Decimal(2), taken_at=NOW - dt.timedelta(hours=2))
        dose_create(owner=person, amount=Decimal(1), taken_at=NOW - dt.timedelta(hours=1))
        run_daily_jobs()
    [nudge] = nudges_for(owner=person)
    assert (nudge.kind, nudge.code, nudge.cause_key) == (
        "nudge",
        "over_daily_limit",
        "day:2025-02-10",
    )
    assert "you logged 3 g" in nudge.explanation  # the wording follows the second dose
    assert not nudge.events.exists()
    assert list(alerts_for(owner=person)) == []
    assert alert_summary(owner=person).open_count == 0  # not on the bell


def test_a_shown_cards_words_follow_each_dose_and_a_dismissed_one_keeps_its_own(
    person: Any,
) -> None:
    with time_machine.travel(NOW, tick=False):
        goal_save(owner=person, fields={"max_g_per_day": Decimal(1)})
        dose_create(owner=person, amount=Decimal(2), taken_at=NOW - dt.timedelta(hours=3))
        [nudge] = nudges_for(owner=person)
        assert "you logged 2 g" in nudge.explanation
        revision = type(person).objects.get(pk=person.pk).data_revision
        dose_create(owner=person, amount=Decimal("1.5"), taken_at=NOW - dt.timedelta(hours=2))
        nudge.refresh_from_db()
        # The English and the stored wording (what a French page words it from) both moved on.
        assert "you logged 3.5 g" in nudge.explanation
        assert "3.5" in str(nudge.wording)
        assert "2 g" not in nudge.explanation
        # The dose and the new words each moved the revision, so no cached page keeps 2 g.
        assert type(person).objects.get(pk=person.pk).data_revision >= revision + 2
        nudge.dismissed_at = NOW
        nudge.save(update_fields=["dismissed_at"])
        dose_create(owner=person, amount=Decimal(1), taken_at=NOW - dt.timedelta(hours=1))
    nudge.refresh_from_db()
    assert "you logged 3.5 g" in nudge.explanation  # dismissed: no longer reworded
    assert Alert.objects.filter(owner=person).count() == 1


def test_new_limits_check_the_doses_already_logged_today(person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        dose_create(owner=person, amount=Decimal(4), taken_at=NOW - dt.timedelta(hours=1))
        assert list(nudges_for(owner=person)) == []
        goal_save(owner=person, fields={"max_g_per_day": Decimal(3)})
    assert [n.code for n in nudges_for(owner=person)] == ["over_daily_limit"]


def test_a_dismissed_escalation_card_keeps_its_alert_open(web: Client, person: Any) -> None:
    _history(person, 39, lambda back: Decimal(3) if back < 7 else Decimal(2))
    with time_machine.travel(NOW, tick=False):
        dose_create(owner=person, amount=Decimal(3), taken_at=noon(person, days_ago(0)))
        row = Alert.objects.get(owner=person, code="escalation")
        assert web.post(f"/nudges/{row.pk}/dismiss/").status_code == 302
        assert row.pk not in [g.nudge.pk for g in nudges_for_today(owner=person).groups]
    row.refresh_from_db()
    assert row.dismissed_at is not None
    assert row.status == Alert.Status.OPEN


def test_an_alert_is_not_dismissed_as_a_nudge_nor_a_nudge_resolved_as_an_alert(
    web: Client, person: Any
) -> None:
    from tests.alerts.test_alerts_services import _interaction

    from stepdown.alerts.recording import record_alerts

    with time_machine.travel(NOW, tick=False):
        goal_save(owner=person, fields={"max_g_per_day": Decimal(1)})
        dose_create(owner=person, amount=Decimal(2), taken_at=NOW - dt.timedelta(hours=1))
    [alert] = record_alerts(owner=person, alerts=[_interaction()])
    [nudge] = nudges_for(owner=person)
    assert web.post(f"/nudges/{alert.pk}/dismiss/").status_code == 404
    assert web.post(f"/alerts/{nudge.pk}/resolve/").status_code == 404


def test_the_today_page_and_the_nudge_pages_only_read(web: Client, person: Any, api: Any) -> None:

    with time_machine.travel(NOW, tick=False):
        goal_save(owner=person, fields={"max_g_per_day": Decimal(1)})
        # Alcohol, then kratom an hour later that was imported (bulk_create: no trigger ran):
        # the pair is shown, and rendering it must not record its alert.
        _drink_two_hours_before_now(person)
        Dose.objects.bulk_create(
            [Dose(owner=person, amount=2, grams=2, taken_at=NOW - dt.timedelta(hours=1))]
        )
        nudges_evaluate(owner=person)  # the nudges a dose write would have stored
    with time_machine.travel(NOW, tick=False):
        with CaptureQueriesContext(connection) as rendering:
            html = web.get("/today/").content.decode()
        with CaptureQueriesContext(connection) as pages:
            assert web.get("/goals/").status_code == 200
            assert web.get("/nudges/panel/").status_code == 200
            assert api.get("/nudges").status_code == 200
            assert len(recent_co_use_warnings(owner=person)) == 1
    assert "Above your daily limit" in html
    assert 'data-testid="nudge"' in html
    assert "alcohol" in html.lower()
    assert _writes(rendering) == []
    assert _writes(pages) == []
    assert not Alert.objects.filter(owner=person, code="interaction").exists()


def _drink_two_hours_before_now(person: Any) -> None:
    """Two standard drinks logged two hours before ``NOW`` (call inside a travel to ``NOW``)."""
    from stepdown.substances.services import substance_create

    substance_create(
        owner=person, category="alcohol", amount=Decimal(2), taken_at=NOW - dt.timedelta(hours=2)
    )


def test_kratom_logged_after_a_drink_records_the_alert_with_the_dose(person: Any) -> None:
    from stepdown.substances.models import SubstanceUse

    with time_machine.travel(NOW, tick=False):
        _drink_two_hours_before_now(person)
        assert not Alert.objects.filter(owner=person, code="interaction").exists()
        dose_create(owner=person, amount=Decimal(2), taken_at=NOW - dt.timedelta(hours=1))
    [alert] = Alert.objects.filter(owner=person, code="interaction")
    assert alert.kind == Alert.Kind.ALERT
    assert SubstanceUse.objects.get(owner=person).interaction_alerted_at is not None


def test_a_failing_co_use_record_never_loses_the_dose(person: Any, monkeypatch: Any) -> None:
    from stepdown.substances import services as substances
    from stepdown.substances.models import SubstanceUse

    def broken(**_: Any) -> None:
        raise RuntimeError("a bug in recording a co-use")

    with time_machine.travel(NOW, tick=False):
        _drink_two_hours_before_now(person)
        monkeypatch.setattr(substances, "co_use_alerts_record", broken)
        dose_create(owner=person, amount=Decimal(2), taken_at=NOW - dt.timedelta(hours=1))
    assert Dose.objects.filter(owner=person).count() == 1
    assert not Alert.objects.filter(owner=person, code="interaction").exists()
    assert SubstanceUse.objects.get(owner=person).interaction_alerted_at is None


def test_when_the_shared_read_fails_each_check_reads_for_itself(
    person: Any, monkeypatch: Any
) -> None:
    from stepdown.alerts import signals

    def broken(**_: Any) -> None:
        raise RuntimeError("a bug in the reads after a dose")

    monkeypatch.setattr(signals, "after_dose", broken)
    with time_machine.travel(NOW, tick=False):
        _drink_two_hours_before_now(person)
        goal_save(owner=person, fields={"max_g_per_day": Decimal(3)})
        dose_create(owner=person, amount=Decimal(4), taken_at=NOW - dt.timedelta(hours=1))
    assert Dose.objects.filter(owner=person).count() == 1
    codes = set(Alert.objects.filter(owner=person).values_list("code", flat=True))
    assert {"interaction", "over_daily_limit"} <= codes
