"""The Support page: helplines and peer groups for everyone, and, for a signed-in person, their
own support contacts and reasons to change, which they can add, edit and remove."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stepdown.accounts.requests import request_owner
from stepdown.errors import InvalidInput, NotFound
from stepdown.learn import selectors, services
from stepdown.learn.forms import ContactForm, ReasonForm
from stepdown.web.forms import attach_error
from stepdown.web.resources import CRISIS_LINES, PEER_GROUPS, SUPPORT_LINES


def _support_context(
    request: HttpRequest,
    *,
    contact_form: ContactForm | None = None,
    reason_form: ReasonForm | None = None,
) -> dict[str, Any]:
    context: dict[str, Any] = {
        "crisis_lines": CRISIS_LINES,
        "support_lines": SUPPORT_LINES,
        "peer_groups": PEER_GROUPS,
    }
    if request.user.is_authenticated:
        context |= {
            "support": selectors.support_for(owner=request_owner(request)),
            "contact_form": contact_form or ContactForm(),
            "reason_form": reason_form or ReasonForm(),
        }
    return context


def _back(anchor: str) -> HttpResponse:
    return redirect(reverse("learn:support") + f"#{anchor}")


@require_GET
def support(request: HttpRequest) -> HttpResponse:
    return render(request, "learn/support.html", _support_context(request))


@login_required
@require_POST
def contact_new(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.contact_create(owner=request_owner(request), **form.contact_fields())
        except InvalidInput as error:
            attach_error(form, error)
        else:
            messages.success(request, _("Contact added."))
            return _back("contacts")
    context = _support_context(request, contact_form=form)
    return render(request, "learn/support.html", context, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, contact_id: int) -> HttpResponse:
    owner = request_owner(request)
    try:
        contact = selectors.contact_get(owner=owner, contact_id=contact_id)
    except NotFound:
        raise Http404 from None
    initial = {"name": contact.name, "how_to_reach": contact.how_to_reach, "note": contact.note}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_update(owner=owner, contact_id=contact.pk, **form.contact_fields())
        except InvalidInput as error:
            attach_error(form, error)
        else:
            messages.success(request, _("Contact saved."))
            return _back("contacts")
    context = {
        "form": form,
        "title": _("Edit %(name)s") % {"name": contact.name},
        "anchor": "contacts",
    }
    return render(request, "learn/support_edit.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def contact_delete(request: HttpRequest, contact_id: int) -> HttpResponse:
    try:
        services.contact_delete(owner=request_owner(request), contact_id=contact_id)
    except NotFound:
        raise Http404 from None
    messages.success(request, _("Contact removed."))
    return _back("contacts")


@login_required
@require_POST
def reason_new(request: HttpRequest) -> HttpResponse:
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.reason_create(owner=request_owner(request), text=form.cleaned_data["text"])
        except InvalidInput as error:
            attach_error(form, error)
        else:
            messages.success(request, _("Reason added."))
            return _back("reasons")
    context = _support_context(request, reason_form=form)
    return render(request, "learn/support.html", context, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def reason_edit(request: HttpRequest, reason_id: int) -> HttpResponse:
    owner = request_owner(request)
    try:
        reason = selectors.reason_get(owner=owner, reason_id=reason_id)
    except NotFound:
        raise Http404 from None
    form = ReasonForm(request.POST or None, initial={"text": reason.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.reason_update(owner=owner, reason_id=reason.pk, text=form.cleaned_data["text"])
        except InvalidInput as error:
            attach_error(form, error)
        else:
            messages.success(request, _("Reason saved."))
            return _back("reasons")
    context = {"form": form, "title": _("Edit a reason to change"), "anchor": "reasons"}
    return render(request, "learn/support_edit.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def reason_delete(request: HttpRequest, reason_id: int) -> HttpResponse:
    try:
        services.reason_delete(owner=request_owner(request), reason_id=reason_id)
    except NotFound:
        raise Http404 from None
    messages.success(request, _("Reason removed."))
    return _back("reasons")
