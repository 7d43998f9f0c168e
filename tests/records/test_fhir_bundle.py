"""The FHIR Bundle of a person's record: what it holds, its codes, and that it is valid R4."""

from __future__ import annotations

from typing import Any

import pytest
from tests.clinic.conftest import Clinics, clinics, share  # noqa: F401  (fixtures)
from tests.records import fhir_world as world
from tests.records.fhir_checks import assert_valid_r4

from stepdown.records.fhir.bundle import everything_bundle

pytestmark = pytest.mark.django_db

LOINC = "http://loinc.org"
LOCAL = "https://stepdown.example.org/fhir/CodeSystem/stepdown"
UNII = "http://fdasis.nlm.nih.gov"


def _observations(bundle: dict[str, Any], system: str, code: str) -> list[dict[str, Any]]:
    return [
        obs
        for obs in world.resources(bundle, "Observation")
        if (obs["code"]["coding"][0]["system"], obs["code"]["coding"][0]["code"]) == (system, code)
    ]


def _value(bundle: dict[str, Any], system: str, code: str) -> Any:
    (found,) = _observations(bundle, system, code)
    return found.get("valueInteger", found.get("valueQuantity", {}).get("value"))


@pytest.fixture
def record(person: Any, clinics: Clinics) -> world.Record:  # noqa: F811
    return world.full_record(person, rater=clinics.kim)


def test_the_whole_record_is_valid_r4_with_one_resource_per_record(record: world.Record) -> None:
    bundle = everything_bundle(record.person)
    assert_valid_r4(bundle)
    assert bundle["type"] == "searchset"
    assert world.counts(bundle) == {
        "Patient": 1,
        "MedicationStatement": record.medication_statements,
        "CarePlan": record.plans,
        "QuestionnaireResponse": record.responses,
        "Observation": record.observations,
        "Provenance": 2,  # what the person entered; the COWS the clinician rated
    }


def test_scores_carry_their_loinc_or_local_codes_and_hand_worked_values(
    record: world.Record,
) -> None:
    bundle = everything_bundle(record.person)
    assert _value(bundle, LOINC, "44261-6") == world.PHQ9_TOTAL
    assert _value(bundle, LOINC, "70274-6") == world.GAD7_TOTAL
    assert _value(bundle, LOCAL, "cows-total") == world.COWS_TOTAL
    assert _value(bundle, LOCAL, "withdrawal-diary-total") == world.DIARY_TOTAL
    assert _value(bundle, LOCAL, "craving") == world.CRAVING
    # Item 9 answered "more than half the days": LOINC answer LA6570-1.
    (item9,) = _observations(bundle, LOINC, "44260-8")
    assert item9["valueCodeableConcept"]["coding"][0]["code"] == "LA6570-1"
    # Each score points back at the response it came from.
    responses = {
        e["fullUrl"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse"
    }
    for obs in world.resources(bundle, "Observation"):
        assert obs["derivedFrom"][0]["reference"] in responses


def test_a_dose_is_coded_kratom_with_the_products_potency(record: world.Record) -> None:
    bundle = everything_bundle(record.person)
    doses = [
        s for s in world.resources(bundle, "MedicationStatement") if s["id"].startswith("dose-")
    ]
    assert len(doses) == record.doses
    coding = doses[0]["medicationCodeableConcept"]["coding"][0]
    assert (coding["system"], coding["code"]) == (UNII, "754HG7WK00")
    notes = " ".join(note["text"] for note in doses[0]["note"])
    assert f"{world.MG_PER_G} mg mitragynine per g" in notes
    assert f"{world.DOSE_MG} mg mitragynine" in notes
    quantity = doses[0]["dosage"][0]["doseAndRate"][0]["doseQuantity"]
    assert (quantity["value"], quantity["code"]) == (int(world.DOSE_G), "g")


def test_the_clinicians_cows_has_its_own_provenance(record: world.Record) -> None:
    bundle = everything_bundle(record.person)
    (cows,) = _observations(bundle, LOCAL, "cows-total")
    cows_url = next(e["fullUrl"] for e in bundle["entry"] if e["resource"]["id"] == cows["id"])
    provenances = {p["id"]: p for p in world.resources(bundle, "Provenance")}
    rated = provenances["provenance-response-" + cows["id"].split("-")[1]]
    assert cows_url in {t["reference"] for t in rated["target"]}
    assert rated["agent"][0]["who"] == cows["performer"][0]  # the rater, not the person
    person_targets = {t["reference"] for t in provenances["provenance-person"]["target"]}
    assert cows_url not in person_targets


def test_the_patient_is_only_the_account_id_and_carries_the_part2_notice(
    record: world.Record,
) -> None:
    bundle = everything_bundle(record.person)
    (patient,) = world.resources(bundle, "Patient")
    assert patient["id"] == str(record.person.pk)
    assert set(patient) == {"resourceType", "id", "text", "active"}
    assert "prohibits unauthorized use or disclosure" in patient["text"]["div"]
    labels = {(c["system"].rsplit("/", 1)[-1], c["code"]) for c in bundle["meta"]["security"]}
    assert labels == {
        ("v3-Confidentiality", "R"),
        ("v3-ActCode", "ETH"),
        ("v3-ActCode", "NORDSCLCD"),
    }
    text = str(bundle)
    assert record.person.email not in text
    assert "Sam" not in text  # the display name stays out


def test_classes_limit_the_bundle_to_what_a_consent_names(record: world.Record) -> None:
    bundle = everything_bundle(record.person, classes=["journal"])
    assert_valid_r4(bundle)
    assert world.counts(bundle) == {
        "Patient": 1,
        "MedicationStatement": record.doses,  # doses only: medicines are their own class
        "Provenance": 1,
    }


def test_consents_are_in_the_persons_own_bundle(
    record: world.Record,
    clinics: Clinics,  # noqa: F811
    share: Any,  # noqa: F811
) -> None:
    share(record.person, clinics.riverside, data_classes=("journal", "checkins"))
    bundle = everything_bundle(record.person)
    assert_valid_r4(bundle)
    (consent,) = world.resources(bundle, "Consent")
    assert consent["status"] == "active"
    assert consent["provision"]["purpose"][0]["code"] == "TREAT"
    classes = [c["coding"][0]["code"] for c in consent["provision"]["code"]]
    assert classes == ["journal", "checkins"]
    assert "Samuel Jones" not in str(bundle)  # the signature stays out


def test_an_empty_account_is_a_valid_bundle_of_the_patient_alone(person: Any) -> None:
    bundle = everything_bundle(person)
    assert_valid_r4(bundle)
    assert world.counts(bundle) == {"Patient": 1, "Provenance": 1}


def test_the_strict_r4_check_refuses_what_only_r4b_has(person: Any) -> None:
    """The check can fail: Citation is an R4B resource that R4 does not have."""
    from fhirclient.models.fhirabstractbase import FHIRValidationError

    bundle = everything_bundle(person)
    citation = {"resourceType": "Citation", "id": "c", "status": "active"}
    bundle["entry"].append(
        {
            "fullUrl": "urn:uuid:0f0e0d0c-0000-4000-8000-000000000001",
            "resource": citation,
            "search": {"mode": "include"},
        }
    )
    with pytest.raises(FHIRValidationError):
        assert_valid_r4(bundle)


def test_the_exports_bundle_is_written_a_resource_at_a_time_and_reads_as_the_same_bundle(
    record: world.Record,
) -> None:
    """``fhir/bundle.json`` is streamed: one piece per entry (plus its head and tail), never
    the record whole; joined, it is the Bundle ``$everything`` answers."""
    import json

    import time_machine

    from stepdown.records.fhir.bundle import bundle_json

    with time_machine.travel("2026-12-10 12:00 +00:00", tick=False):
        pieces = list(bundle_json(record.person))
        answered = everything_bundle(record.person)
    streamed = json.loads("".join(pieces))
    assert len(pieces) == len(answered["entry"]) + 2
    assert_valid_r4(streamed)
    for key in ("id",):  # a new id for each Bundle
        streamed.pop(key), answered.pop(key)
    assert streamed == answered
