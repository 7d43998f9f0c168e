"""Plan proposal pages: a clinician proposes (and sees what their clinic proposed); the person
accepts or declines from Today or the plan page (the cards are ``clinic/proposal_card.html``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from stepdown.accounts.requests import request_owner
from stepdown.audit.models import DataClass, Kind
from stepdown.audit.routes import route_of
from stepdown.audit.services import record_access
from stepdown.clinic import proposals
from stepdown.clinic.access import require_access
from stepdown.clinic.forms import ProposalForm
from stepdown.clinic.guards import staff_page
from stepdown.errors import InvalidInput, NotFound
from stepdown.web.forms import attach_error
from stepdown.web.redirects import posted_next


@staff_page
@require_http_methods(["GET", "POST"])
def patient_proposals(request: HttpRequest, person_id: int) -> HttpResponse:
    viewer = request_owner(request)
    try:
        consent = require_access(viewer, person_id, DataClass.PLAN)
    except NotFound:
        raise Http404 from None
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposals.proposal_create(
                author=viewer,
                person_id=person_id,
                kind_of_access=Kind.PAGE,
                route=route_of(request),
                **form.cleaned_data,
            )
        except NotFound:
            raise Http404 from None
        except InvalidInput as error:
            attach_error(form, error)
        else:
            messages.success(request, _("Proposal sent. The plan changes only if they accept it."))
            # The patient page's form comes back to the patient page.
            here = reverse("clinic:patient_proposals", args=[person_id])
            return redirect(posted_next(request, here))
    found = proposals.proposals_for_viewer(viewer, person_id)
    record_access(
        actor=viewer,
        owner=consent.owner,
        data_classes=[DataClass.PLAN],
        kind=Kind.PAGE,
        route=route_of(request),
    )
    context = {
        "person_name": consent.signature,
        "person_id": person_id,
        "proposals": found,
        "form": form,
    }
    return render(
        request, "clinic/proposals_patient.html", context, status=422 if form.errors else 200
    )


def _back(request: HttpRequest) -> HttpResponse:
    return redirect(posted_next(request, reverse("plans:page")))


@login_required
@require_POST
def proposal_accept(request: HttpRequest, proposal_id: int) -> HttpResponse:
    try:
        proposals.proposal_accept(owner=request_owner(request), proposal_id=proposal_id)
    except NotFound:
        raise Http404 from None
    except InvalidInput as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Proposal accepted: your plan has changed."))
    return _back(request)


@login_required
@require_POST
def proposal_decline(request: HttpRequest, proposal_id: int) -> HttpResponse:
    try:
        proposals.proposal_decline(owner=request_owner(request), proposal_id=proposal_id)
    except NotFound:
        raise Http404 from None
    except InvalidInput as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Proposal declined: your plan is unchanged."))
    return _back(request)
