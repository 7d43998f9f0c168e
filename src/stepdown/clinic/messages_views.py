"""Messages pages: the person's conversations with their clinics, a clinician's conversation
with one person, and the clinician's list of people whose messages wait.

Forms post with htmx (the answer is the conversation's section) and without it (a redirect
back, or the page with the form's errors). Marking read is a POST: a GET never writes."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.audit.models import DataClass, Kind
from stepdown.audit.routes import route_of
from stepdown.audit.services import record_access, record_summaries
from stepdown.clinic import messages
from stepdown.clinic.forms import MessageForm
from stepdown.clinic.guards import staff_page
from stepdown.errors import InvalidInput, NotFound
from stepdown.web.forms import attach_error
from stepdown.web.site import site_url

THREAD = "clinic/_messages_thread.html"


def _blank(clinic_id: int) -> MessageForm:
    return MessageForm(initial={"client_id": uuid.uuid4(), "clinic_id": clinic_id})


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


# -- the person's side -------------------------------------------------------------------------


def _person_context(
    owner: User, *, bound: MessageForm | None = None, clinic_id: int | None = None
) -> dict[str, Any]:
    threads = messages.threads_for_person(owner=owner)
    forms = {t.clinic_id: _blank(t.clinic_id) for t in threads}
    if bound is not None and clinic_id in forms:
        forms[clinic_id] = bound
    return {
        "items": [(t, forms[t.clinic_id]) for t in threads],
        "reader_is_person": True,
        "post_url": reverse("clinic:my_messages"),
        "read_url": reverse("clinic:my_messages_read"),
        "shown": messages.SHOWN,
    }


def _person_thread(
    request: HttpRequest,
    context: dict[str, Any],
    clinic_id: int | None,
    *,
    status: int = 200,
    sent: bool = False,
) -> HttpResponse:
    """The one conversation an htmx form came from; the whole page again when it is gone (the
    sharing ended in another tab before anything was written)."""
    for thread, form in context["items"]:
        if thread.clinic_id == clinic_id:
            return render(
                request,
                THREAD,
                {**context, "thread": thread, "form": form, "sent": sent},
                status=status,
            )
    flash.error(
        request, _("That conversation is no longer here: you do not share with the clinic.")
    )
    reload = HttpResponse(status=204)
    reload["HX-Redirect"] = reverse("clinic:my_messages")
    return reload


@login_required
@require_http_methods(["GET", "POST"])
def my_messages(request: HttpRequest) -> HttpResponse:
    """The person's conversations, newest messages last, with a form to write to each clinic
    they share with."""
    owner = request_owner(request)
    if request.method != "POST":
        return render(request, "clinic/messages_mine.html", _person_context(owner))
    form = MessageForm(request.POST)
    clinic_id = form.cleaned_data.get("clinic_id") if form.is_valid() else None
    if form.is_valid():
        try:
            result = messages.message_send_by_person(
                owner=owner, site_url=site_url(request), **form.cleaned_data
            )
        except InvalidInput as error:
            # The clinic is a hidden field: its reason goes above the form.
            attach_error(form, error, field_map={"clinic_id": ""})
        else:
            clinic_id = result.message.conversation.clinic_id
            if _is_htmx(request):
                return _person_thread(request, _person_context(owner), clinic_id, sent=True)
            flash.success(request, _("Message sent."))
            return redirect(f"{reverse('clinic:my_messages')}#thread-{clinic_id}")
    clinic_id = clinic_id or _posted_clinic(request)
    context = _person_context(owner, bound=form, clinic_id=clinic_id)
    if _is_htmx(request) and clinic_id is not None:
        return _person_thread(request, context, clinic_id, status=422)
    context["unplaced"] = (
        form if clinic_id not in {t.clinic_id for t, _ in context["items"]} else None
    )
    return render(request, "clinic/messages_mine.html", context, status=422)


def _posted_clinic(request: HttpRequest) -> int | None:
    raw = request.POST.get("clinic_id", "")
    return int(raw) if raw.isdigit() else None


@login_required
@require_POST
def my_messages_read(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    clinic_id = _posted_clinic(request)
    messages.messages_read_by_person(owner=owner, clinic_id=clinic_id)
    if _is_htmx(request) and clinic_id is not None:
        return _person_thread(request, _person_context(owner), clinic_id)
    return redirect(reverse("clinic:my_messages") + (f"#thread-{clinic_id}" if clinic_id else ""))


# -- the clinician's side ----------------------------------------------------------------------


def _clinician_page(
    request: HttpRequest,
    viewer: User,
    person_id: int,
    *,
    form: MessageForm | None = None,
    status: int = 200,
    sent: bool = False,
) -> HttpResponse:
    """The conversation as the clinician sees it; every rendering is one access-log event."""
    try:
        consent, thread = messages.thread_for_clinician(viewer=viewer, person_id=person_id)
    except NotFound:
        raise Http404 from None
    record_access(
        actor=viewer,
        owner=consent.owner,
        data_classes=[DataClass.MESSAGES],
        kind=Kind.PAGE,
        route=route_of(request),
    )
    context = {
        "thread": thread,
        "form": form or _blank(thread.clinic_id),
        "person_name": consent.signature,
        "person_id": person_id,
        "viewer_id": viewer.pk,
        "reader_is_person": False,
        "post_url": reverse("clinic:patient_messages", args=[person_id]),
        "read_url": reverse("clinic:patient_messages_read", args=[person_id]),
        "shown": messages.SHOWN,
        "sent": sent,
    }
    template = THREAD if _is_htmx(request) else "clinic/messages_patient.html"
    return render(request, template, context, status=status)


@staff_page
@require_http_methods(["GET", "POST"])
def patient_messages(request: HttpRequest, person_id: int) -> HttpResponse:
    viewer = request_owner(request)
    if request.method != "POST":
        return _clinician_page(request, viewer, person_id)
    form = MessageForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            messages.message_send_by_clinician(
                author=viewer,
                person_id=person_id,
                text=data["text"],
                client_id=data["client_id"],
                site_url=site_url(request),
                kind=Kind.PAGE,
                route=route_of(request),
            )
        except NotFound:
            raise Http404 from None
        except InvalidInput as error:
            attach_error(form, error)
        else:
            if _is_htmx(request):
                return _clinician_page(request, viewer, person_id, sent=True)
            flash.success(request, _("Message sent."))
            return redirect("clinic:patient_messages", person_id=person_id)
    return _clinician_page(request, viewer, person_id, form=form, status=422)


@staff_page
@require_POST
def patient_messages_read(request: HttpRequest, person_id: int) -> HttpResponse:
    viewer = request_owner(request)
    try:
        messages.messages_read_by_clinician(viewer=viewer, person_id=person_id)
    except NotFound:
        raise Http404 from None
    if _is_htmx(request):
        return _clinician_page(request, viewer, person_id)
    return redirect("clinic:patient_messages", person_id=person_id)


@staff_page
@require_GET
def messages_waiting(request: HttpRequest) -> HttpResponse:
    """The people whose messages the clinic has not read: the link in the clinicians' email.
    Each person listed is a dashboard-style summary in their access log (once a day)."""
    viewer = request_owner(request)
    waiting = messages.waiting_for_clinician(viewer=viewer)
    record_summaries(
        actor=viewer,
        shown=[(consent.owner, [DataClass.MESSAGES]) for consent, _ in waiting],
        route=route_of(request),
    )
    return render(request, "clinic/messages_waiting.html", {"waiting": waiting})
