"""The access log after an erasure: the person's rows are tombstones, the chain still holds,
and a tombstone changed behind the ORM's back is found like any other row."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from stepdown.audit.chain import verify_log
from stepdown.audit.models import AccessEvent
from stepdown.audit.services import record_access, record_action
from stepdown.audit.tombstones import tombstone_owner

pytestmark = pytest.mark.django_db


def _log(clinician: Any, person: Any, other: Any) -> None:
    for owner in (other, person, other, person, other):
        record_access(
            actor=clinician,
            owner=owner,
            data_classes=["journal"],
            kind="page",
            route="clinic:patient",
        )
    record_action(
        actor=clinician, owner=person, action="note", data_classes=["notes"], kind="page",
        route="clinic:patient",
    )  # fmt: skip


def test_tombstones_keep_the_chain_and_leave_the_others_rows_as_they_were(
    clinician: Any, person: Any, other_person: Any
) -> None:
    _log(clinician, person, other_person)
    columns = ("id", "owner_id", "data_classes", "kind", "action", "route", "at", "actor_email")
    others = list(AccessEvent.objects.filter(owner=other_person).values_list(*columns))
    first_id = AccessEvent.objects.filter(owner=person).order_by("id").first().pk  # type: ignore[union-attr]
    untouched = list(AccessEvent.objects.filter(id__lt=first_id).values_list("id", "hmac"))
    assert verify_log().holds

    made = tombstone_owner(owner_id=person.pk)

    assert made.rows == 3
    assert len(made.erased_as) == 32
    assert not AccessEvent.objects.filter(owner=person).exists()
    stones = AccessEvent.objects.filter(erased_as=made.erased_as)
    assert [(s.owner_id, s.data_classes, s.action, s.route) for s in stones] == [
        (None, [], "", "")
    ] * 3
    assert {s.actor_email for s in stones} == {clinician.email}  # the recipient stays
    assert list(AccessEvent.objects.filter(owner=other_person).values_list(*columns)) == others
    # Rows before the person's first one keep their seal; the chain holds end to end.
    assert list(AccessEvent.objects.filter(id__lt=first_id).values_list("id", "hmac")) == untouched
    verdict = verify_log()
    assert verdict.holds
    assert verdict.checked == 6
    # A person with no rows: nothing changes.
    assert tombstone_owner(owner_id=person.pk).rows == 0

    with connection.cursor() as cursor:
        cursor.execute(
            'UPDATE "audit_accessevent" SET "erased_as" = %s WHERE "id" = %s',
            ["0" * 32, stones[0].pk],
        )
    assert verify_log().broken_id == stones[0].pk
