"""``GET /api/v1/clinic/alerts``: the open alerts of everyone the clinician sees."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router

from stepdown.audit.routes import route_of
from stepdown.audit.services import record_summaries
from stepdown.clinic.alert_list import ClinicAlert, ClinicAlertPage, clinic_alerts
from stepdown.clinic.api import STAFF_ERRORS
from stepdown.clinic.guards import staff_api_user
from stepdown.schemas import Out

router = Router(tags=["clinic"])


class ClinicAlertOut(Out):
    id: int
    person_id: int
    display_name: str
    code: str
    severity: str
    title: str
    created_at: dt.datetime
    # The API route that marks it as seen (POST).
    acknowledge_url: str

    @classmethod
    def of(cls, item: ClinicAlert) -> ClinicAlertOut:
        alert = item.alert
        return cls(
            id=alert.pk,
            person_id=item.person.pk,
            display_name=item.display_name,
            code=alert.code,
            severity=alert.severity,
            title=alert.staff_title,
            created_at=alert.created_at.astimezone(dt.UTC),
            acknowledge_url=reverse(
                "api:acknowledge_alert",
                kwargs={"person_id": item.person.pk, "alert_id": alert.pk},
            ),
        )


class ClinicAlertListOut(Out):
    items: list[ClinicAlertOut]
    total: int
    page: int
    pages: int
    page_size: int

    @classmethod
    def of(cls, found: ClinicAlertPage) -> ClinicAlertListOut:
        return cls(
            items=[ClinicAlertOut.of(item) for item in found.items],
            total=found.total,
            page=found.page,
            pages=found.pages,
            page_size=found.page_size,
        )


@router.get(
    "/alerts",
    response={200: ClinicAlertListOut, **STAFF_ERRORS},
    summary="The open alerts of everyone who shares with you, the most severe and newest first",
)
def list_clinic_alerts(request: HttpRequest, page: int = 1) -> ClinicAlertListOut:
    viewer = staff_api_user(request)
    found = clinic_alerts(viewer=viewer, page=page)
    record_summaries(actor=viewer, shown=found.shown(), route=route_of(request))
    return ClinicAlertListOut.of(found)
