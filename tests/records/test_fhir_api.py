"""GET /api/v1/fhir/Patient/{id}/$everything: the person, a consented clinician (only what the
consent names, recorded as a disclosure), and 404 for everyone else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.api_client import ApiClient
from tests.clinic.conftest import Clinics, clinics, share  # noqa: F401  (fixtures)
from tests.mfa_helpers import add_confirmed_device, verified_api
from tests.records import fhir_world as world
from tests.records.fhir_checks import assert_valid_r4

from stepdown.audit.models import AccessEvent
from stepdown.clinic.consents import consent_revoke

pytestmark = pytest.mark.django_db


def _url(person: Any) -> str:
    return f"/fhir/Patient/{person.pk}/$everything"


@pytest.fixture
def record(person: Any, clinics: Clinics) -> world.Record:  # noqa: F811
    return world.full_record(person, rater=clinics.kim)


def test_the_person_gets_their_whole_record_and_nothing_is_logged(
    record: world.Record, api: ApiClient
) -> None:
    response = api.get(_url(record.person))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    bundle = response.json()
    assert_valid_r4(bundle)
    assert world.counts(bundle)["QuestionnaireResponse"] == record.responses
    assert world.resources(bundle, "Patient")[0]["id"] == str(record.person.pk)
    assert not AccessEvent.objects.exists()  # reading your own record is no disclosure


def test_a_consented_clinician_gets_only_the_shared_classes_as_a_logged_disclosure(
    record: world.Record,
    clinics: Clinics,  # noqa: F811
    share: Callable[..., Any],  # noqa: F811
) -> None:
    share(record.person, clinics.riverside, data_classes=("journal", "checkins"))
    add_confirmed_device(clinics.kim)
    response = verified_api(clinics.kim).get(_url(record.person))
    assert response.status_code == 200
    bundle = response.json()
    assert_valid_r4(bundle)
    assert world.counts(bundle) == {
        "Patient": 1,
        "MedicationStatement": record.doses,  # no medicines, no substances: not shared
        "QuestionnaireResponse": record.responses,
        "Observation": record.observations,
        "Provenance": 2,
    }
    codes = {c["code"] for c in bundle["meta"]["security"]}
    assert "NORDSCLCD" in codes
    (patient,) = world.resources(bundle, "Patient")
    assert "42 CFR part 2 prohibits unauthorized use or disclosure" in patient["text"]["div"]
    (event,) = AccessEvent.objects.all()
    assert (event.actor_id, event.owner_id) == (clinics.kim.pk, record.person.pk)
    assert (event.kind, event.purpose, event.action) == ("fhir", "treatment", "read")
    assert event.data_classes == ["journal", "checkins"]
    assert event.route == "api:fhir_patient_everything"


@pytest.mark.parametrize("who", ["other_person", "other_clinic", "revoked", "unknown_id"])
def test_anyone_else_gets_404_and_nothing_is_logged(
    who: str,
    record: world.Record,
    other_person: Any,
    clinics: Clinics,  # noqa: F811
    share: Callable[..., Any],  # noqa: F811
    api_for: Callable[[Any], ApiClient],
) -> None:
    consent = share(record.person, clinics.riverside, data_classes=("journal",))
    add_confirmed_device(clinics.kim)
    add_confirmed_device(clinics.roe)
    url = _url(record.person)
    if who == "other_person":
        client = api_for(other_person)
    elif who == "other_clinic":
        client = verified_api(clinics.roe)
    elif who == "revoked":
        consent_revoke(owner=record.person, consent_id=consent.pk)
        client = verified_api(clinics.kim)
    else:
        client, url = verified_api(clinics.kim), "/fhir/Patient/999999/$everything"
    response = client.get(url)
    assert response.status_code == 404
    assert "Patient" not in response.content.decode()
    assert not AccessEvent.objects.exists()


def test_a_clinician_before_the_second_factor_is_refused(
    record: world.Record,
    clinics: Clinics,  # noqa: F811
    share: Callable[..., Any],  # noqa: F811
    api_for: Callable[[Any], ApiClient],
) -> None:
    share(record.person, clinics.riverside)
    response = api_for(clinics.kim).get(_url(record.person))
    assert response.status_code == 403
    assert not AccessEvent.objects.exists()


def test_no_token_is_401(anonymous_api: ApiClient, person: Any) -> None:
    assert anonymous_api.get(_url(person)).status_code == 401
