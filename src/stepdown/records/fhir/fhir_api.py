"""``GET /api/v1/fhir/Patient/{id}/$everything``: the person's record as a FHIR R4 Bundle.

The person gets all of it. A clinician gets it only through a consent in force that covers
them (``clinic.access``, after the second factor, as every clinic route), and only the data
classes that consent names; the read is recorded in the access log as a FHIR disclosure.
Anyone else gets 404, whether or not the id exists.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from stepdown.accounts.requests import request_owner
from stepdown.audit.models import Kind
from stepdown.audit.routes import route_of
from stepdown.audit.services import record_access
from stepdown.clinic.access import require_person
from stepdown.clinic.api import STAFF_ERRORS
from stepdown.clinic.guards import staff_api_user
from stepdown.records.fhir.bundle import everything_bundle

router = Router(tags=["your record"])
FHIR_JSON = "application/fhir+json"


def _answer(bundle: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(json.dumps(bundle), content_type=FHIR_JSON)
    response["Cache-Control"] = "no-store"
    return response


@router.get(
    "/fhir/Patient/{id}/$everything",
    response={200: dict[str, Any], **STAFF_ERRORS},
    url_name="fhir_patient_everything",
    summary="Everything in a person's record as a FHIR R4 Bundle (yours, or shared with you)",
    description=(
        "For your own id: your whole record. For a person whose consent in force covers you "
        "(a clinician past the second factor): only the data classes the consent names, and "
        "the read is recorded in their access log. Otherwise 404."
    ),
)
def patient_everything(request: HttpRequest, id: int) -> HttpResponse:  # "id": FHIR's name
    viewer = request_owner(request)
    if viewer.pk == id:
        return _answer(everything_bundle(viewer))
    clinician = staff_api_user(request)
    consent = require_person(clinician, id)
    classes = list(consent.data_classes)
    bundle = everything_bundle(consent.owner, classes=classes)
    record_access(
        actor=clinician,
        owner=consent.owner,
        data_classes=classes,
        kind=Kind.FHIR,
        route=route_of(request),
    )
    return _answer(bundle)
