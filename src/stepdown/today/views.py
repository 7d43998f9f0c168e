"""The Today page, and logging a dose from it (one tap or the form), which re-renders its panels."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.errors import InvalidInput
from stepdown.journal import services
from stepdown.journal.forms import DoseForm, QuickDoseForm
from stepdown.journal.models import Dose
from stepdown.today import panels
from stepdown.today.reads import Reads
from stepdown.web import formatting
from stepdown.web.forms import attach_error
from stepdown.web.fragments import page_key, render_fragment, render_page

TEMPLATE = "today/today.html"


@login_required
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    return render_page(
        request,
        TEMPLATE,
        f"{TEMPLATE}#today-content",
        lambda: panels.today_context(owner),
        cache_key=page_key(owner, "today"),
    )


def _render_part(
    request: HttpRequest, part: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    html = render_fragment(request, f"{TEMPLATE}#{part}", lambda: context)
    return HttpResponse(html, status=status)


def logged_message(dose: Dose) -> str:
    """ "Logged 2.5 g." in the person's language and number format."""
    amount = formatting.number(dose.amount, 3)
    return _("Logged %(amount)s %(unit)s.") % {"amount": amount, "unit": dose.get_unit_display()}


@login_required
@require_POST
def quick_dose(request: HttpRequest) -> HttpResponse:
    """One tap: log the same product and amount as a recent dose."""
    owner = request_owner(request)
    form = QuickDoseForm(request.POST)
    warnings: list[Any] = []
    if form.is_valid():
        try:
            result = services.dose_create(
                owner=owner,
                amount=form.cleaned_data["amount"],
                unit=form.cleaned_data["unit"],
                product_id=form.cleaned_data["product"],
                client_id=form.cleaned_data["client_id"],
            )
            warnings = list(result.flags)
            messages.success(request, logged_message(result.dose))
        except InvalidInput as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("That dose could not be logged; please use the form."))
    return _after_dose(request, owner, warnings)


def _after_dose(request: HttpRequest, owner: User, warnings: list[Any]) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        context = panels.dose_update_context(owner, warnings=warnings, oob=True)
        return _render_part(request, "today-update", context)
    for warning in warnings:
        messages.warning(request, warning.message)
    return redirect("today:today")


@login_required
@require_http_methods(["GET", "POST"])
def dose_new(request: HttpRequest) -> HttpResponse:
    """The dose form: on its own page, or inside Today's panel (htmx)."""
    owner = request_owner(request)
    form = DoseForm(request.POST or None, owner=owner)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.dose_create(
                owner=owner, client_id=form.cleaned_data["client_id"], **form.dose_fields()
            )
        except InvalidInput as error:
            attach_error(form, error, DoseForm.FIELD_MAP)
        else:
            messages.success(request, logged_message(result.dose))
            return _after_dose(request, owner, list(result.flags))
    if request.htmx:  # type: ignore[attr-defined]
        context = panels.dose_update_context(owner, form=form)
        return _render_part(request, "today-panel", context, status=422)
    status = 422 if form.errors else 200
    return render(request, "journal/dose_form.html", {"form": form, "new": True}, status=status)


@login_required
@require_GET
def milestones(request: HttpRequest) -> HttpResponse:
    """Today's milestones, re-rendered after a dose is logged with htmx (see goals.js)."""
    context = panels.milestones_panel(Reads(request_owner(request)))
    return _render_part(request, "milestones", context)
