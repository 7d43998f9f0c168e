"""Notes pages: a clinician's notes about a person (read and write), and the notes shared with
the person."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from stepdown.accounts.requests import request_owner
from stepdown.audit.models import DataClass, Kind
from stepdown.audit.routes import route_of
from stepdown.audit.services import record_access
from stepdown.clinic import notes
from stepdown.clinic.access import require_access
from stepdown.clinic.forms import NoteForm
from stepdown.clinic.guards import staff_page
from stepdown.errors import InvalidInput, NotFound
from stepdown.web.forms import attach_error
from stepdown.web.redirects import posted_next


@staff_page
@require_http_methods(["GET", "POST"])
def patient_notes(request: HttpRequest, person_id: int) -> HttpResponse:
    """The person's notes the clinician may read, and a form for a new one."""
    viewer = request_owner(request)
    try:
        consent = require_access(viewer, person_id, DataClass.NOTES)
    except NotFound:
        raise Http404 from None
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            notes.note_create(
                author=viewer,
                person_id=person_id,
                kind=Kind.PAGE,
                route=route_of(request),
                **form.cleaned_data,
            )
        except NotFound:
            raise Http404 from None
        except InvalidInput as error:
            attach_error(form, error)
        else:
            messages.success(request, _("Note saved."))
            # The patient page's form comes back to the patient page.
            here = reverse("clinic:patient_notes", args=[person_id])
            return redirect(posted_next(request, here))
    found = notes.notes_for_viewer(viewer, person_id)
    record_access(
        actor=viewer,
        owner=consent.owner,
        data_classes=[DataClass.NOTES],
        kind=Kind.PAGE,
        route=route_of(request),
    )
    context = {
        "person_name": consent.signature,
        "person_id": person_id,
        "notes": found,
        "form": form,
    }
    status = 422 if form.errors else 200
    return render(request, "clinic/notes_patient.html", context, status=status)


@login_required
@require_GET
def my_notes(request: HttpRequest) -> HttpResponse:
    """The notes clinicians shared with the person."""
    owner = request_owner(request)
    return render(request, "clinic/notes_mine.html", {"notes": notes.shared_notes_of(owner=owner)})
