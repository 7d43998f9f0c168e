"""Consents as records: single-use codes, versions never edited in place, the input checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine

from stepdown.clinic.codes import CODE_ALPHABET, new_code, normalise_code
from stepdown.clinic.consents import consent_change, consent_revoke, consent_sign
from stepdown.clinic.models import Consent
from stepdown.clinic.selectors import invitation_by_code
from stepdown.clinic.services import patient_invitation_create
from stepdown.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _code(clinics: Any, **extra: Any) -> str:
    _, code = patient_invitation_create(clinician=clinics.kim, **extra)
    return code


def _sign(person: Any, code: str, **extra: Any) -> Consent:
    fields: dict[str, Any] = {
        "data_classes": ["journal"],
        "expires_on": None,
        "signature": "Samuel Jones",
    }
    return consent_sign(owner=person, invitation_code=code, **(fields | extra))


def test_codes_are_eight_unambiguous_characters_in_two_groups() -> None:
    for _ in range(200):
        code = new_code()
        assert len(code) == 9
        assert code[4] == "-"
        assert set(code.replace("-", "")) <= set(CODE_ALPHABET)
    assert not set("IL01O") & set(CODE_ALPHABET)
    assert normalise_code(" 7kqm r2xa ") == "7KQMR2XA"


def test_a_code_works_once_typed_in_any_case_and_spacing(clinics: Any, person: Any) -> None:
    code = _code(clinics)
    typed = code.lower().replace("-", " ")
    consent = _sign(person, typed)
    assert consent.clinic == clinics.riverside
    assert consent.signature == "Samuel Jones"
    with pytest.raises(InvalidInput) as error:
        _sign(person, code)
    assert error.value.field == "invitation_code"


def test_an_expired_code_is_refused(clinics: Any, person: Any) -> None:
    with time_machine.travel(dt.datetime(2031, 1, 1, tzinfo=dt.UTC), tick=False):
        code = _code(clinics)
    with time_machine.travel(dt.datetime(2031, 1, 14, 23, 59, tzinfo=dt.UTC), tick=False):
        assert invitation_by_code(code).clinic == clinics.riverside  # open for 14 days
    with (
        time_machine.travel(dt.datetime(2031, 1, 15, 0, 1, tzinfo=dt.UTC), tick=False),
        pytest.raises(InvalidInput) as error,
    ):
        _sign(person, code)
    assert error.value.field == "invitation_code"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"data_classes": ["journal", "diary"]}, "data_classes"),
        ({"data_classes": []}, "data_classes"),
        ({"signature": "   "}, "signature"),
        ({"expires_on": dt.date(2000, 1, 1)}, "expires_on"),
    ],
)
def test_bad_consent_input_names_its_field_and_leaves_the_code_unused(
    clinics: Any, person: Any, fields: dict[str, Any], field: str
) -> None:
    code = _code(clinics)
    with pytest.raises(InvalidInput) as error:
        _sign(person, code, **fields)
    assert error.value.field == field
    assert _sign(person, code).pk  # the code still works


def test_signing_records_every_element_and_the_named_clinicians(clinics: Any, person: Any) -> None:
    with time_machine.travel(dt.datetime(2031, 3, 5, 15, tzinfo=dt.UTC), tick=False):
        code = _code(clinics, clinician_ids=[clinics.kim.pk])
        consent = _sign(
            person,
            code,
            data_classes=["skin", "journal", "journal"],
            expires_on=dt.date(2031, 9, 30),
            signature="  Samuel   Jones ",
        )
    consent.refresh_from_db()
    assert consent.owner == person
    assert list(consent.clinicians.all()) == [clinics.kim]
    assert consent.data_classes == ["journal", "skin"]  # the vocabulary's order, once each
    assert consent.purpose == "treatment"
    assert consent.signature == "Samuel Jones"
    assert consent.signed_at == dt.datetime(2031, 3, 5, 15, tzinfo=dt.UTC)
    assert consent.expires_on == dt.date(2031, 9, 30)
    # The end of 30 September in Chicago (CDT, UTC-5).
    assert consent.expires_at == dt.datetime(2031, 10, 1, 5, tzinfo=dt.UTC)
    assert consent.version == 1
    assert consent.previous is None


def test_without_an_end_date_the_expiry_event_is_recorded(clinics: Any, person: Any) -> None:
    consent = _sign(person, _code(clinics))
    assert consent.expires_on is None
    assert consent.expires_at is None
    assert "revoke" in consent.expiry_event


def test_a_clinician_of_another_clinic_cannot_be_named(clinics: Any) -> None:
    with pytest.raises(InvalidInput) as error:
        patient_invitation_create(clinician=clinics.kim, clinician_ids=[clinics.roe.pk])
    assert error.value.field == "clinician_ids"


def test_changing_makes_a_new_version_and_ends_the_old_one_untouched(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    first = share(person, clinics.riverside, clinicians=[clinics.kim], data_classes=("journal",))
    second = consent_change(
        owner=person,
        consent_id=first.pk,
        data_classes=["journal", "plan"],
        expires_on=None,
        signature="Sam Jones",
    )
    first.refresh_from_db()
    assert first.superseded_at is not None
    assert first.revoked_at is None
    assert first.data_classes == ["journal"]
    assert first.signature == "Samuel Jones"
    assert (second.version, second.previous_id) == (2, first.pk)
    assert list(second.clinicians.all()) == [clinics.kim]
    assert second.status == "active"
    assert first.status == "superseded"
    with pytest.raises(InvalidInput) as error:
        consent_change(
            owner=person,
            consent_id=first.pk,
            data_classes=["journal"],
            expires_on=None,
            signature="Sam",
        )
    assert error.value.field == "consent"


def test_a_new_invitation_from_the_same_clinic_replaces_the_consent(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    first = share(person, clinics.riverside)
    second = share(person, clinics.riverside, data_classes=("notes",))
    first.refresh_from_db()
    assert first.status == "superseded"
    assert (second.version, second.previous_id) == (2, first.pk)


def test_revoking_is_for_the_owner_only_and_keeps_the_record(
    clinics: Any, person: Any, other_person: Any, share: Callable[..., Any]
) -> None:
    from stepdown.errors import NotFound

    consent = share(person, clinics.riverside)
    with pytest.raises(NotFound):
        consent_revoke(owner=other_person, consent_id=consent.pk)
    revoked = consent_revoke(owner=person, consent_id=consent.pk)
    assert revoked.status == "revoked"
    assert Consent.objects.get(pk=consent.pk).data_classes == ["journal", "plan", "checkins"]


def test_a_consent_write_moves_the_persons_data_revision(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    consent = share(person, clinics.riverside)
    person.refresh_from_db()
    before = person.data_revision
    consent_revoke(owner=person, consent_id=consent.pk)
    person.refresh_from_db()
    assert person.data_revision > before
