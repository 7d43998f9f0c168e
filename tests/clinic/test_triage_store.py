"""The stored triage summaries: the worker keeps one per supervised person, the dashboard uses
it only while it matches the person's data revision and local day, and gives the same answer
with or without it (the dashboard tests run both ways: ``everyone`` in test_dashboard.py).

The clock is the alert tests' (``tests.alerts.alerts_support``): Monday 10 February 2025,
18:00 UTC, noon in Chicago.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.alerts.alerts_support import NOW, TODAY, days_ago, noon, plan_in_past
from tests.mfa_helpers import verified_api

from stepdown.accounts.models import User
from stepdown.clinic.models import TriageSummary
from stepdown.clinic.triage import consented_people
from stepdown.clinic.triage_store import refresh_summaries
from stepdown.journal.services import dose_create

pytestmark = pytest.mark.django_db

ZONE = "America/Chicago"


@pytest.fixture
def clock() -> Iterator[Any]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _person(email: str) -> User:
    return User.objects.create_user(email, "x-Secret-words-42", time_zone=ZONE)


def _codes(viewer: User) -> dict[str, list[str]]:
    response = verified_api(viewer).get("/clinic/patients")
    assert response.status_code == 200
    return {
        item["display_name"]: [a["code"] for a in item["attention"]]
        for item in response.json()["items"]
    }


def _dose(person: User, day: dt.date) -> None:
    dose_create(owner=person, amount=Decimal(3), taken_at=noon(person, day))


def test_one_summary_per_supervised_person_and_none_again_while_nothing_changes(
    clock: Any, clinics: Any, share: Callable[..., Any]
) -> None:
    shared = [_person(f"s{n}@example.org") for n in range(3)]
    for n, person in enumerate(shared):
        share(person, clinics.riverside, signature=f"Shared {n}")
    _person("alone@example.org")  # no consent: nobody's dashboard shows them
    assert refresh_summaries() == 3
    assert set(TriageSummary.objects.values_list("owner_id", flat=True)) == {p.pk for p in shared}
    # Storing a summary does not count as a change of the person's data.
    assert refresh_summaries() == 0
    _dose(shared[0], TODAY)
    assert refresh_summaries() == 1
    # A new local day makes every summary out of date (the reasons depend on the date).
    clock.move_to(NOW + dt.timedelta(days=1))
    assert refresh_summaries() == 3


def test_a_write_after_the_summary_shows_at_once(
    clock: Any, clinics: Any, share: Callable[..., Any]
) -> None:
    clock.move_to(NOW - dt.timedelta(days=5))
    silent = _person("silent@example.org")
    share(silent, clinics.riverside, signature="Dana Silent")
    clock.move_to(NOW)
    refresh_summaries()
    assert _codes(clinics.lee) == {"Dana Silent": ["disengaged"]}
    _dose(silent, TODAY)  # no worker round in between
    assert _codes(clinics.lee) == {"Dana Silent": []}
    refresh_summaries()
    [facts] = consented_people(clinics.lee)
    assert facts.stored
    assert _codes(clinics.lee) == {"Dana Silent": []}


def test_a_summary_of_yesterday_is_not_used_today(
    clock: Any, clinics: Any, share: Callable[..., Any]
) -> None:
    # A plan whose second step starts today: due today, not tomorrow.
    person = _person("step@example.org")
    share(person, clinics.riverside, signature="Stu Step")
    plan_in_past(person, start_date=days_ago(7), now=noon(person, days_ago(7)))
    _dose(person, TODAY)
    refresh_summaries()
    assert _codes(clinics.lee) == {"Stu Step": ["step_due"]}
    clock.move_to(NOW + dt.timedelta(days=1))
    [facts] = consented_people(clinics.lee)
    assert not facts.stored
    assert _codes(clinics.lee) == {"Stu Step": []}


def test_silence_counts_from_each_consent_not_from_the_summary(
    clock: Any, clinics: Any, share: Callable[..., Any]
) -> None:
    """Someone who never logged is silent from the day they began sharing with that clinic: a
    summary made for one clinic's dashboard must not carry that day to another's."""
    clock.move_to(NOW - dt.timedelta(days=10))
    person = _person("never@example.org")
    share(person, clinics.riverside, signature="Nev Er")
    clock.move_to(NOW - dt.timedelta(days=1))
    share(person, clinics.hillside, signature="Nev Er")
    clock.move_to(NOW)
    refresh_summaries()
    # Riverside: 10 days; Hillside: 2 days, not yet 3. (Both see the questionnaire they missed.)
    assert "disengaged" in _codes(clinics.lee)["Nev Er"]
    assert "disengaged" not in _codes(clinics.roe)["Nev Er"]


def test_stored_summaries_save_the_reads_of_everyone(
    clock: Any, clinics: Any, share: Callable[..., Any]
) -> None:
    for n in range(30):
        person = _person(f"p{n}@example.org")
        share(person, clinics.riverside, signature=f"Person {n:02d}")
        _dose(person, days_ago(n % 5))

    def reads() -> tuple[str, dict[str, list[str]]]:
        with CaptureQueriesContext(connection) as captured:
            codes = _codes(clinics.lee)
        return " ".join(q["sql"] for q in captured.captured_queries), codes

    live_sql, live = reads()
    assert "checkins_schedule" in live_sql
    assert "alerts_alert" in live_sql
    refresh_summaries()
    stored_sql, stored = reads()
    assert stored == live
    # Nobody's alerts, questionnaire schedules or answers are read.
    assert "checkins_schedule" not in stored_sql
    assert "alerts_alert" not in stored_sql


@pytest.mark.django_db(transaction=True)
def test_each_worker_round_stores_the_summaries(clinics: Any, share: Callable[..., Any]) -> None:
    from typer.testing import CliRunner

    from stepdown.cli import app

    person = _person("worked@example.org")
    share(person, clinics.riverside, signature="Wor Ked")
    result = CliRunner().invoke(app, ["worker", "--once", "--site-url", "http://127.0.0.1:8000"])
    assert result.exit_code == 0, result.output
    summary = TriageSummary.objects.get(owner=person)
    person.refresh_from_db()
    assert summary.revision == person.data_revision
