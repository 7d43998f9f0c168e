"""The patient page: a person's consented data for a clinician, the COWS form and alert
acknowledgements. Read-only for the person's own data; every open writes one access event."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from stepdown.accounts.requests import request_owner
from stepdown.accounts.services import token_authenticate
from stepdown.audit.models import Kind
from stepdown.checkins.forms import AnswerForm
from stepdown.checkins.wording import page_instrument, translated_by_project
from stepdown.clinic import patient_services, triage_wording, wording
from stepdown.clinic.data_classes import labels
from stepdown.clinic.forms import NoteForm, ProposalForm
from stepdown.clinic.guards import staff_page
from stepdown.clinic.patient import RECENT_ITEMS, PatientData, patient_data
from stepdown.clinic.patient_chart import patient_chart
from stepdown.clinic.report import report_pdf
from stepdown.errors import InvalidInput, NotFound


def _data(request: HttpRequest, person_id: int, *, report: bool = False) -> PatientData:
    try:
        return patient_data(viewer=request_owner(request), person_id=person_id, report=report)
    except NotFound:
        raise Http404 from None


def page_context(data: PatientData, cows_form: AnswerForm | None = None) -> dict[str, Any]:
    """What the page and the report both draw."""
    return {
        "data": data,
        "person": data.person,
        "consent": data.consent,
        "class_labels": labels(data.classes),
        "alerts": triage_wording.alert_rows(data.alerts),
        "chart": patient_chart(data.trends),
        "notice": wording.notice(),
        "cows_form": cows_form or AnswerForm(page_instrument("cows")),
        "cows_project_translation": translated_by_project(page_instrument("cows")),
        # Posted to the notes and proposals pages, which come back here (``next``) when saved.
        "note_form": NoteForm(),
        "proposal_form": ProposalForm(),
        "recent_items": RECENT_ITEMS,
    }


def _render(
    request: HttpRequest, data: PatientData, cows_form: AnswerForm | None = None, status: int = 200
) -> HttpResponse:
    return render(request, "clinic/patient.html", page_context(data, cows_form), status=status)


@staff_page
@require_GET
def patient(request: HttpRequest, person_id: int) -> HttpResponse:
    data = _data(request, person_id)
    patient_services.record_opened(request, data, kind=Kind.PAGE)
    response = _render(request, data)
    response["Cache-Control"] = "no-store"
    return response


@staff_page
@require_POST
def patient_cows(request: HttpRequest, person_id: int) -> HttpResponse:
    form = AnswerForm(page_instrument("cows"), request.POST)
    if form.is_valid():
        try:
            response = patient_services.cows_enter(
                request,
                viewer=request_owner(request),
                person_id=person_id,
                answers=form.answers(),
            )
        except NotFound:
            raise Http404 from None
        except InvalidInput as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request,
                _("COWS saved: %(total)s (%(band)s).")
                % {"total": response.total, "band": response.band_label},
            )
            return redirect(reverse("clinic:patient", args=[person_id]) + "#cows")
    # Showing the form again is a read of the page too.
    data = _data(request, person_id)
    patient_services.record_opened(request, data, kind=Kind.PAGE)
    return _render(request, data, form, status=422)


@staff_page
@require_POST
def patient_alert_acknowledge(request: HttpRequest, person_id: int, alert_id: int) -> HttpResponse:
    try:
        patient_services.alert_acknowledge(
            request, viewer=request_owner(request), person_id=person_id, alert_id=alert_id
        )
    except NotFound:
        raise Http404 from None
    except InvalidInput as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Alert marked as seen."))
    if request.POST.get("back") == "alerts":  # marked from the clinic's list of open alerts
        return redirect("clinic:alerts")
    return redirect(reverse("clinic:patient", args=[person_id]) + "#alerts")


def bearer_or_session(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Also accept the API's bearer token (a clinician's tool downloads the report with its
    token); ``staff_page`` then checks membership and that the token passed the second factor."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer ") and not request.user.is_authenticated:
            user = token_authenticate(header.removeprefix("Bearer ").strip())
            if user is None:
                return HttpResponse(_("Sign in again: that token is not valid."), status=401)
            request.user = user
        return view(request, *args, **kwargs)

    return wrapped


@bearer_or_session
@staff_page
@require_GET
def patient_report(request: HttpRequest, person_id: int) -> HttpResponse:
    data = _data(request, person_id, report=True)
    return report_pdf(request, data)
