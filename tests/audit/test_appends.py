"""Appending: the dashboard's summaries at most once per clinician, person and UTC day, in a
fixed number of queries, and two appends at once never fork the chain."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stepdown.audit.chain import verify_log
from stepdown.audit.models import AccessEvent
from stepdown.audit.services import record_summaries

# 23:30 UTC on 3 December: 30 minutes before the next UTC day.
LATE = dt.datetime(2026, 12, 3, 23, 30, tzinfo=dt.UTC)


def _summaries(actor: Any, people: list[Any]) -> list[AccessEvent]:
    shown = [(person, ["journal", "plan"]) for person in people]
    return record_summaries(actor=actor, shown=shown, route="clinic:dashboard")


@pytest.mark.django_db
def test_a_summary_is_written_once_per_clinician_person_and_utc_day(
    make_user: Any, clinician: Any, patient: Any, other_person: Any
) -> None:
    colleague = make_user("kim@clinic.example", display_name="Dr. Kim")
    with time_machine.travel(LATE, tick=False):
        first = _summaries(clinician, [patient, other_person])
        assert [event.owner_id for event in first] == [patient.pk, other_person.pk]
        assert {event.kind for event in first} == {"summary"}
        # The dashboard again, and a person listed twice: nothing new.
        assert _summaries(clinician, [patient, other_person, patient]) == []
        # Another clinician's view is their own event.
        assert len(_summaries(colleague, [patient])) == 1
    with time_machine.travel(LATE + dt.timedelta(minutes=29), tick=False):
        assert _summaries(clinician, [patient]) == []  # 23:59 UTC: still the same day
    with time_machine.travel(LATE + dt.timedelta(minutes=31), tick=False):
        again = _summaries(clinician, [patient, other_person])  # 00:01 UTC: a new day
        assert len(again) == 2
    summaries = AccessEvent.objects.filter(kind="summary")
    assert summaries.filter(actor=clinician).count() == 4
    assert summaries.filter(actor=colleague).count() == 1
    assert verify_log().holds


@pytest.mark.django_db
def test_a_summary_leaves_out_the_clinician_themselves(clinician: Any, patient: Any) -> None:
    events = _summaries(clinician, [clinician, patient])
    assert [event.owner_id for event in events] == [patient.pk]


@pytest.mark.django_db
def test_summaries_take_the_same_queries_for_3_and_30_people(
    make_user: Any, clinician: Any
) -> None:
    people = [make_user(f"p{index}@example.org") for index in range(33)]
    counts = []
    for group in (people[:3], people[3:]):
        with CaptureQueriesContext(connection) as queries:
            assert len(_summaries(clinician, group)) == len(group)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert AccessEvent.objects.count() == 33
    assert verify_log().holds


# Run in separate processes: the test database of SQLite lives in memory, shared by the
# threads of one process with table locks that do not wait, unlike a real SQLite file.
SCRIPT = """
import os, sys, time
import django
django.setup()
from django.core.management import call_command
from stepdown.accounts.models import User
from stepdown.audit.services import record_access
mode = sys.argv[1]
if mode == "setup":
    call_command("migrate", verbosity=0)
    for email in ("lee@clinic.example", "robin@example.org", "alex@example.org"):
        User.objects.get_or_create(email=email)
    sys.exit(0)
actor = User.objects.get(email="lee@clinic.example")
owner = User.objects.get(email=sys.argv[2])
while not os.path.exists(sys.argv[3]):
    time.sleep(0.005)
for _ in range(int(sys.argv[4])):
    record_access(actor=actor, owner=owner, data_classes=["journal"], kind="api", route="t")
"""


def _environment(data_dir: Path) -> dict[str, str]:
    """This run's kind of database: the PostgreSQL test database, or a new SQLite file."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env |= {
        "STEPDOWN_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "stepdown.config.settings",
    }
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}"
            f":{db['PORT'] or 5432}/{db['NAME']}"
        )
    return env


@pytest.mark.django_db(transaction=True)
def test_two_processes_appending_at_once_keep_one_unbroken_chain(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    python = [sys.executable, "-c", SCRIPT]
    subprocess.run([*python, "setup"], env=env, check=True, timeout=300)
    go = tmp_path / "go"
    writers = [
        subprocess.Popen([*python, "append", owner, str(go), "25"], env=env)
        for owner in ("robin@example.org", "alex@example.org")
    ]
    time.sleep(3)  # both have set Django up and wait for the start
    go.touch()
    assert [writer.wait(timeout=300) for writer in writers] == [0, 0]
    verify = subprocess.run(
        [sys.executable, "-m", "stepdown", "audit", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert verify.returncode == 0, verify.stderr
    assert verify.stdout.startswith("access log intact: 50 events, last event 50 with HMAC ")
