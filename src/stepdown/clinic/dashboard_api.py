"""``GET /api/v1/clinic/patients``: the triage dashboard as JSON."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from stepdown.audit.routes import route_of
from stepdown.audit.services import record_summaries
from stepdown.clinic.dashboard import dashboard
from stepdown.clinic.dashboard_schemas import PatientListOut
from stepdown.clinic.guards import staff_api_user


def list_patients(
    request: HttpRequest, q: str = "", reason: str | None = None, page: int = 1
) -> PatientListOut:
    viewer = staff_api_user(request)
    found = dashboard(viewer=viewer, q=q, reason=reason, page=page)
    record_summaries(
        actor=viewer,
        shown=[(row.person, row.used_classes) for row in found.rows],
        route=route_of(request),
    )
    return PatientListOut.of(found)


def register(router: Router, errors: dict[int, Any]) -> None:
    router.get(
        "/patients",
        response={200: PatientListOut, **errors},
        summary="Everyone who shares with you, who needs attention first, and why",
    )(list_patients)
