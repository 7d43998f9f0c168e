"""The person's record as one FHIR Bundle (``Patient/$everything``, and ``fhir/bundle.json`` in
the export).

``classes`` limits it to the data classes a consent names (``None``: everything, for the person
themself). The Bundle carries the 42 CFR Part 2 labels in ``meta.security`` and the redisclosure
notice in the Patient's narrative (a Bundle has none of its own in R4). Every resource is
checked against the fhir.resources R4B models before it leaves; tests also parse it as strict R4
and check that the models write it back unchanged.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import uuid
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from django.utils import timezone
from django.utils.html import escape
from fhir.resources.R4B import get_fhir_model_class
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

# Rows read from the database at a time for the long lists (doses, responses).
CHUNK = 500


def _checkins(person: User, rated: list[Resource]) -> Iterator[Resource]:
    """The person's own responses and their Observations, one at a time; the ones a clinician
    rated, with their Observations and Provenance, go to ``rated`` (they follow the person's
    own in the Bundle)."""
    responses = Response.objects.filter(owner=person).select_related("entered_by")
    for response in responses.order_by("created_at", "pk").iterator(chunk_size=CHUNK):
        source = questionnaire_response(response)
        derived = [source, *observations(response, source)]
        if response.entered_by_id is None:
            yield from derived
        else:
            rater = author(response)
            provenance = rated_provenance(
                person.pk, response.pk, derived, rater, response.created_at
            )
            rated += [*derived, provenance]


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
        now = timezone.now()
        data = {**_head(now), "entry": list(_entries(person, classes, now))}
    # Checked, not rebuilt: the dict is already what the models would write (tests compare).
    Bundle.model_validate(data)
    return data


def bundle_json(person: User) -> Iterator[str]:
    """The whole record's Bundle as JSON text, a piece at a time (the export's
    ``fhir/bundle.json``): a record of years is never held whole. Each resource is checked
    against its own model as it goes. Call inside the export's snapshot."""
    now = timezone.now()
    head = _head(now)
    Bundle.model_validate(head)
    yield json.dumps(head)[:-1] + ', "entry": [\n'
    for number, entry in enumerate(_entries(person, None, now)):
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        yield (",\n" if number else "") + json.dumps(entry)
    yield "\n]}\n"


def _head(now: dt.datetime) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"security": list(codes.SECURITY_LABELS)},
        "type": "searchset",
        "timestamp": instant(now),
    }


def _entries(
    person: User, classes: Collection[str] | None, now: dt.datetime
) -> Iterator[dict[str, Any]]:
    """The Bundle's entries in order, one at a time: the Patient, what the person entered,
    what a clinician rated, and last the Provenance of the person's own, which names only the
    ids of what came before."""
    shown = set(ALL if classes is None else classes)
    subject = patient(person, notice=escape(REDISCLOSURE_NOTICE))
    yield _entry(person.pk, subject, "match")
    named: list[Resource] = [_named(subject)]
    rated: list[Resource] = []
    parts: list[Iterable[Resource]] = []
    if DataClass.JOURNAL in shown:
        parts.append(medications.journal(person))
    if DataClass.PLAN in shown:
        parts.append(careplan.care_plans(person))
    if DataClass.CHECKINS in shown:
        parts.append(_checkins(person, rated))
    if DataClass.MEDICINES in shown:
        parts.append(medications.medicines(person))
    if classes is None:  # the person's own consents; a clinician sees the data, not these
        parts.append(consents.consents(person))
    for resource in itertools.chain.from_iterable(parts):
        named.append(_named(resource))
        yield _entry(person.pk, resource, "include")
    for resource in rated:
        yield _entry(person.pk, resource, "include")
    yield _entry(person.pk, person_provenance(person.pk, named, now), "include")


def _named(resource: Resource) -> Resource:
    """What a Provenance needs of a resource it names."""
    return {"resourceType": resource["resourceType"], "id": resource["id"]}
