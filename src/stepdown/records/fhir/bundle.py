"""The person's record as one FHIR Bundle (``Patient/$everything``, and ``fhir/bundle.json`` in
the export).

``classes`` limits it to the data classes a consent names (``None``: everything, for the person
themself). The Bundle carries the 42 CFR Part 2 labels in ``meta.security`` and the redisclosure
notice in the Patient's narrative (a Bundle has none of its own in R4). Every resource is
checked against the fhir.resources R4B models before it leaves; tests also parse it as strict R4
and check that the models write it back unchanged.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from django.utils import timezone
from django.utils.html import escape
from fhir.resources.R4B.bundle import Bundle

from stepdown.accounts.models import User
from stepdown.audit.models import DataClass
from stepdown.checkins.models import Response
from stepdown.clinic.data_classes import ALL
from stepdown.clinic.wording import REDISCLOSURE_NOTICE
from stepdown.records.fhir import careplan, codes, consents, medications
from stepdown.records.fhir.observations import observations
from stepdown.records.fhir.patient import patient
from stepdown.records.fhir.provenance import person_provenance, rated_provenance
from stepdown.records.fhir.questionnaires import author, questionnaire_response
from stepdown.records.fhir.refs import Resource, full_url, instant
from stepdown.records.snapshot import read_snapshot


def _checkins(person: User) -> tuple[list[Resource], list[Resource]]:
    """(the person's own responses and their Observations, the Provenances of those a
    clinician rated with their responses and Observations)."""
    own: list[Resource] = []
    rated: list[Resource] = []
    responses = Response.objects.filter(owner=person).select_related("entered_by")
    for response in responses.order_by("created_at", "pk"):
        source = questionnaire_response(response)
        derived = [source, *observations(response, source)]
        if response.entered_by_id is None:
            own += derived
        else:
            rater = author(response)
            provenance = rated_provenance(
                person.pk, response.pk, derived, rater, response.created_at
            )
            rated += [*derived, provenance]
    return own, rated


def _entry(person_id: int, resource: Resource, mode: str) -> dict[str, Any]:
    return {
        "fullUrl": full_url(person_id, resource["resourceType"], resource["id"]),
        "resource": resource,
        "search": {"mode": mode},
    }


def everything_bundle(person: User, *, classes: Collection[str] | None = None) -> dict[str, Any]:
    """The Bundle as a JSON-ready dict: only ``classes`` when given, else the whole record,
    read in one snapshot (a dose logged meanwhile is in it with its day, or not at all)."""
    with read_snapshot():
        return _bundle(person, classes)


def _bundle(person: User, classes: Collection[str] | None) -> dict[str, Any]:
    shown = set(ALL if classes is None else classes)
    now = timezone.now()
    subject = patient(person, notice=escape(REDISCLOSURE_NOTICE))
    own: list[Resource] = [subject]
    rated: list[Resource] = []
    if DataClass.JOURNAL in shown:
        own += medications.journal(person)
    if DataClass.PLAN in shown:
        own += careplan.care_plans(person)
    if DataClass.CHECKINS in shown:
        mine, theirs = _checkins(person)
        own += mine
        rated += theirs
    if DataClass.MEDICINES in shown:
        own += medications.medicines(person)
    if classes is None:  # the person's own consents; a clinician sees the data, not these
        own += consents.consents(person)
    resources = [*own, *rated, person_provenance(person.pk, own, now)]
    data = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"security": list(codes.SECURITY_LABELS)},
        "type": "searchset",
        "timestamp": instant(now),
        "entry": [
            _entry(person.pk, resource, "match" if resource is subject else "include")
            for resource in resources
        ],
    }
    # Checked, not rebuilt: the dict is already what the models would write (tests compare).
    Bundle.model_validate(data)
    return data
