"""The access log's rows: appended only, each sealed with an HMAC chained to the row before, and
``stepdown audit verify`` finding the first row that was changed, removed or moved."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from typer.testing import CliRunner

from stepdown.audit.models import AccessEvent, AppendOnly
from stepdown.audit.services import record_access, record_action
from stepdown.cli import app
from stepdown.errors import InvalidInput

pytestmark = pytest.mark.django_db

runner = CliRunner()
AT = dt.datetime(2026, 12, 3, 10, 14, 5, 123456, tzinfo=dt.UTC)


def _read(clinician: Any, patient: Any, classes: list[str] | None = None) -> AccessEvent:
    event = record_access(
        actor=clinician,
        owner=patient,
        data_classes=classes or ["plan", "journal"],
        kind="page",
        route="clinic:patient",
    )
    assert event is not None
    return event


def _three(clinician: Any, patient: Any) -> list[AccessEvent]:
    with time_machine.travel(AT, tick=False):
        return [_read(clinician, patient) for _ in range(3)]


def _set(column: str, value: Any, event_id: int) -> None:
    """Changes one column of one row behind the ORM's back (column names come from the tests)."""
    _sql(f'UPDATE "audit_accessevent" SET "{column}" = %s WHERE "id" = %s', [value, event_id])  # noqa: S608


def _sql(statement: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _verify() -> Any:
    return runner.invoke(app, ["audit", "verify"])


def test_a_row_is_sealed_with_an_hmac_of_every_column_and_the_previous_hmac(
    clinician: Any, patient: Any
) -> None:
    first, second = _three(clinician, patient)[:2]
    # Django's salted_hmac, computed here from its definition: key = SHA-256(salt + secret).
    key = hashlib.sha256(
        ("stepdown.audit.AccessEvent.chain" + settings.SECRET_KEY).encode()
    ).digest()
    fields = [
        second.pk,
        clinician.pk,
        "Dr. Lee",
        "lee@clinic.example",
        "clinician",
        patient.pk,
        "2026-12-03T10:14:05.123456+00:00",
        ["journal", "plan"],  # the vocabulary's order, whatever order the caller gave
        "page",
        "treatment",
        "read",
        "clinic:patient",
        first.hmac,
    ]
    message = json.dumps(fields, separators=(",", ":")).encode()
    assert second.hmac == hmac.new(key, message, hashlib.sha256).hexdigest()
    assert second.pk == first.pk + 1
    stored = AccessEvent.objects.get(pk=second.pk)
    assert (stored.actor_name, stored.actor_email, stored.data_classes) == (
        "Dr. Lee",
        "lee@clinic.example",
        ["journal", "plan"],
    )


def test_verify_passes_an_intact_chain_with_one_line(clinician: Any, patient: Any) -> None:
    events = _three(clinician, patient)
    result = _verify()
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines == [
        f"access log intact: 3 events, last event {events[-1].pk} with HMAC {events[-1].hmac}"
    ]


def test_verify_on_an_empty_log() -> None:
    result = _verify()
    assert result.exit_code == 0
    assert result.stdout.strip() == "access log intact: no events yet"


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("kind", "api"),
        ("actor_email", "someone@else.example"),
        ("data_classes", '["journal"]'),
        ("route", "clinic:dashboard"),
        ("action", "note"),
    ],
)
def test_changing_any_column_is_found_at_that_row(
    clinician: Any, patient: Any, column: str, value: str
) -> None:
    events = _three(clinician, patient)
    _set(column, value, events[1].pk)
    result = _verify()
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"stepdown: access log broken at event {events[1].pk} (the 1 events before it are intact)"
    )


@pytest.mark.parametrize("change", ["at", "owner_id"])
def test_moving_a_row_in_time_or_to_another_person_is_found(
    clinician: Any, patient: Any, other_person: Any, change: str
) -> None:
    events = _three(clinician, patient)
    value = AT - dt.timedelta(days=1) if change == "at" else other_person.pk
    _set(change, value, events[0].pk)
    assert f"broken at event {events[0].pk} " in _verify().stderr


def test_deleting_a_row_is_found_at_the_row_after_it(clinician: Any, patient: Any) -> None:
    events = _three(clinician, patient)
    _sql('DELETE FROM "audit_accessevent" WHERE "id" = %s', [events[1].pk])
    result = _verify()
    assert result.exit_code == 1
    assert f"broken at event {events[2].pk} " in result.stderr


def test_reordering_rows_is_found(clinician: Any, patient: Any) -> None:
    first, second, _ = _three(clinician, patient)
    # Swap the two rows' ids (through a free id), keeping each row's content and HMAC.
    spare = second.pk + 1000
    _set("id", spare, first.pk)
    _set("id", first.pk, second.pk)
    _set("id", second.pk, spare)
    assert f"broken at event {first.pk} " in _verify().stderr


def test_a_row_forged_without_the_key_is_found(clinician: Any, patient: Any) -> None:
    events = _three(clinician, patient)
    forged = events[-1].pk + 1
    _sql(
        'INSERT INTO "audit_accessevent" ("id", "actor_id", "actor_name", "actor_email", '
        '"actor_role", "owner_id", "at", "data_classes", "kind", "purpose", "action", "route", '
        '"hmac") VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)',
        [
            forged,
            clinician.pk,
            "",
            "x@clinic.example",
            "clinician",
            patient.pk,
            AT,
            "[]",
            "page",
            "treatment",
            "read",
            "clinic:patient",
            "0" * 64,
        ],
    )
    assert f"broken at event {forged} " in _verify().stderr


def test_the_orm_neither_changes_nor_deletes_an_event(clinician: Any, patient: Any) -> None:
    event = _read(clinician, patient)
    event.kind = "api"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AccessEvent.objects.filter(pk=event.pk).update(kind="api")
    with pytest.raises(AppendOnly):
        AccessEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AppendOnly):
        AccessEvent.objects.bulk_update([event], ["kind"])
    with pytest.raises(AppendOnly):  # a row that did not come through the chain
        AccessEvent.objects.create(
            actor=clinician, owner=patient, kind="page", purpose="treatment", route="x"
        )
    assert AccessEvent.objects.get(pk=event.pk).kind == "page"
    assert _verify().exit_code == 0


def test_the_admin_shows_events_but_cannot_change_or_delete_them(
    make_user: Any, clinician: Any, patient: Any
) -> None:
    event = _read(clinician, patient)
    admin = make_user("admin@example.org", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    assert client.get(f"/admin/audit/accessevent/{event.pk}/change/").status_code == 200
    assert client.post(f"/admin/audit/accessevent/{event.pk}/change/", {}).status_code == 403
    assert client.post(f"/admin/audit/accessevent/{event.pk}/delete/", {}).status_code == 403
    assert client.get("/admin/audit/accessevent/add/").status_code == 403
    assert AccessEvent.objects.filter(pk=event.pk).exists()


def test_a_person_reading_their_own_data_is_not_logged(patient: Any) -> None:
    assert (
        record_access(
            actor=patient, owner=patient, data_classes=["journal"], kind="page", route="x"
        )
        is None
    )
    assert AccessEvent.objects.count() == 0


def test_bad_values_are_refused_naming_the_field(clinician: Any, patient: Any) -> None:
    base: dict[str, Any] = {
        "actor": clinician,
        "owner": patient,
        "data_classes": ["journal"],
        "kind": "page",
        "route": "clinic:patient",
    }
    cases = {
        "data_classes": {"data_classes": ["journal", "diary"]},
        "kind": {"kind": "glance"},
        "route": {"route": f"/clinic/patients/{patient.pk}/"},
        "purpose": {"purpose": "marketing"},
        "actor_role": {"actor_role": "person"},
    }
    for field, change in cases.items():
        with pytest.raises(InvalidInput) as raised:
            record_access(**(base | change))
        assert field in raised.value.problems
    with pytest.raises(InvalidInput) as raised:
        record_action(**(base | {"action": "read"}))
    assert "action" in raised.value.problems
    assert AccessEvent.objects.count() == 0


def test_clinician_writes_join_the_same_chain(clinician: Any, patient: Any) -> None:
    read = _read(clinician, patient)
    note = record_action(
        actor=clinician,
        owner=patient,
        action="note",
        data_classes=["notes"],
        kind="api",
        route="api-1:create_note",
    )
    assert (note.pk, note.action) == (read.pk + 1, "note")
    assert _verify().exit_code == 0


def test_the_log_outlives_the_accounts_it_names(clinician: Any, patient: Any) -> None:
    event = _read(clinician, patient)
    clinician_id = clinician.pk
    clinician.delete()
    kept = AccessEvent.objects.get(pk=event.pk)
    assert (kept.actor_id, kept.actor_email) == (clinician_id, "lee@clinic.example")
    assert _verify().exit_code == 0
