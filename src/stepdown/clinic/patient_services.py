"""The clinician's writes from the patient page and its API routes: the access event of an
open, a COWS rating and an alert acknowledgement. Each checks the access again (nothing about
access is cached) and each write is recorded in the person's access log with ``record_action``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest

from stepdown.accounts.models import User
from stepdown.alerts import services as alerts
from stepdown.alerts.selectors import alert_get
from stepdown.audit.models import Action, DataClass
from stepdown.audit.routes import route_of
from stepdown.audit.services import record_access, record_action
from stepdown.checkins.models import Response
from stepdown.checkins.services import clinician_response_submit
from stepdown.clinic.access import require_access, require_person
from stepdown.clinic.patient import PatientData
from stepdown.core.instruments import get_instrument
from stepdown.core.triage import alert_shown
from stepdown.errors import NotFound


def record_opened(request: HttpRequest, data: PatientData, *, kind: str) -> None:
    """The one access event of opening the page, the API route or the report."""
    record_access(
        actor=data.viewer,
        owner=data.person,
        data_classes=data.classes,
        kind=kind,
        route=route_of(request),
    )


@dataclass(frozen=True)
class CowsEntered:
    response: Response

    @property
    def total(self) -> int:
        return self.response.total or 0

    @property
    def band_label(self) -> str:
        bands = {band.name: band.label for band in get_instrument("cows").bands}
        return bands.get(self.response.band, self.response.band)


def cows_enter(
    request: HttpRequest,
    *,
    viewer: User,
    person_id: int,
    answers: Mapping[str, object],
    kind: str = "page",
) -> CowsEntered:
    """Score and store a COWS the clinician rated; needs the ``checkins`` class."""
    consent = require_access(viewer, person_id, DataClass.CHECKINS)
    with transaction.atomic():
        response = clinician_response_submit(
            owner=consent.owner, clinician=viewer, instrument="cows", answers=answers
        )
        record_action(
            actor=viewer,
            owner=consent.owner,
            action=Action.COWS,
            data_classes=[DataClass.CHECKINS],
            kind=kind,
            route=route_of(request),
        )
    return CowsEntered(response)


def alert_acknowledge(
    request: HttpRequest, *, viewer: User, person_id: int, alert_id: int, kind: str = "page"
) -> None:
    """Mark one of the person's alerts as seen by the clinician."""
    consent = require_person(viewer, person_id)
    # An alert the consent does not let the clinician see is not theirs to acknowledge.
    if not alert_shown(
        alert_get(owner=consent.owner, alert_id=alert_id).code, consent.data_classes
    ):
        raise NotFound("alert")
    with transaction.atomic():
        alerts.alert_acknowledge(owner=consent.owner, alert_id=alert_id, actor=viewer)
        record_action(
            actor=viewer,
            owner=consent.owner,
            action=Action.ACKNOWLEDGE,
            data_classes=[],
            kind=kind,
            route=route_of(request),
        )
