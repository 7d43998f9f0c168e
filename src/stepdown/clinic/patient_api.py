"""API routes of the patient page: a person's consented data, a COWS the clinician rated, and
acknowledging an alert. Registered under ``/clinic`` next to the clinic's own router."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from stepdown.audit.models import Kind
from stepdown.clinic import patient_services
from stepdown.clinic.api import STAFF_ERRORS
from stepdown.clinic.guards import staff_api_user
from stepdown.clinic.patient import patient_data
from stepdown.clinic.patient_schemas import CowsIn, CowsOut, PatientOut
from stepdown.clinic.patient_services import record_opened

router = Router(tags=["clinic"])


@router.get(
    "/patients/{person_id}",
    response={200: PatientOut, **STAFF_ERRORS},
    exclude_unset=True,
    summary="A person's data as their consent shares it: only the data classes it names",
)
def get_patient(request: HttpRequest, person_id: int) -> PatientOut:
    data = patient_data(viewer=staff_api_user(request), person_id=person_id)
    record_opened(request, data, kind=Kind.API)
    return PatientOut.of(data)


@router.post(
    "/patients/{person_id}/cows",
    response={201: CowsOut, **STAFF_ERRORS},
    summary="Enter a COWS you rated: scored by the server; 25 or more raises an alert",
)
def enter_cows(request: HttpRequest, person_id: int, payload: CowsIn) -> Status[CowsOut]:
    entered = patient_services.cows_enter(
        request,
        viewer=staff_api_user(request),
        person_id=person_id,
        answers=payload.answers,
        kind=Kind.API,
    )
    response = entered.response
    return Status(
        201,
        CowsOut(
            id=response.pk,
            instrument=response.instrument,
            day=response.local_date,
            total=entered.total,
            band=response.band,
            band_label=entered.band_label,
            entered_by_clinician=True,
        ),
    )


@router.post(
    "/patients/{person_id}/alerts/{alert_id}/acknowledge",
    response={204: None, **STAFF_ERRORS},
    summary="Mark one of the person's alerts as seen",
)
def acknowledge_alert(request: HttpRequest, person_id: int, alert_id: int) -> Status[None]:
    patient_services.alert_acknowledge(
        request,
        viewer=staff_api_user(request),
        person_id=person_id,
        alert_id=alert_id,
        kind=Kind.API,
    )
    return Status(204, None)
