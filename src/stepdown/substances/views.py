"""Pages: the medicines list with its interactions, and the other-substances log."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.errors import InvalidInput, NotFound
from stepdown.profile import services as profile_services
from stepdown.substances import selectors, services
from stepdown.substances.dependence import dependence_warning
from stepdown.substances.forms import MedicineForm, SubstanceForm
from stepdown.substances.models import SubstanceUse
from stepdown.substances.page_data import medicine_rows, recovery_context, use_rows
from stepdown.web.forms import attach_error

USES_PER_PAGE = 50


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


# Medicines ------------------------------------------------------------------------------------


def _medicines_context(owner: User, *, form: MedicineForm | None = None, added: str = "") -> Any:
    return {
        "rows": medicine_rows(selectors.medicine_reports(owner=owner), added=added),
        "form": form or MedicineForm(),
        "added": added,
        "dependence": dependence_warning(owner=owner),
    }


@login_required
@require_GET
def medicines(request: HttpRequest) -> HttpResponse:
    context = _medicines_context(request_owner(request))
    return render(request, "substances/medicines.html", context)


@login_required
@require_POST
def medicine_add(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    form = MedicineForm(request.POST)
    added = ""
    if form.is_valid():
        try:
            kept = profile_services.medicine_add(owner=owner, name=form.cleaned_data["name"])
        except InvalidInput as error:
            attach_error(form, error, {})
        else:
            typed = " ".join(form.cleaned_data["name"].split()).casefold()
            added = next((name for name in kept if name.casefold() == typed), "")
    if form.errors:
        context = _medicines_context(owner, form=form)
        template = "substances/medicines.html#medicines-panel" if _htmx(request) else None
        return render(request, template or "substances/medicines.html", context, status=422)
    # Rendered, not redirected: the new medicine and its warnings come first, and a medicine
    # name (health data) never goes into a URL. Adding the same name again changes nothing.
    context = _medicines_context(owner, added=added)
    template = "substances/medicines.html#medicines-panel" if _htmx(request) else None
    return render(request, template or "substances/medicines.html", context)


@login_required
@require_POST
def medicine_confirm(request: HttpRequest) -> HttpResponse:
    """ "Yes, I meant quetiapine": the close-spelling match counts from now on."""
    owner = request_owner(request)
    profile_services.medicine_confirm(owner=owner, name=request.POST.get("name", ""))
    if _htmx(request):
        return render(
            request, "substances/medicines.html#medicines-panel", _medicines_context(owner)
        )
    return redirect("substances:medicines")


@login_required
@require_POST
def medicine_remove(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    name = request.POST.get("name", "")
    profile_services.medicine_remove(owner=owner, name=name)
    if _htmx(request):
        return render(
            request, "substances/medicines.html#medicines-panel", _medicines_context(owner)
        )
    messages.success(request, _("Removed %(name)s from your medicines.") % {"name": name})
    return redirect("substances:medicines")


# Other substances -------------------------------------------------------------------------------


def _blank_form() -> SubstanceForm:
    # A fresh key per rendered form: a double tap or a retried request logs the use once.
    return SubstanceForm(initial={"amount": 1, "client_id": uuid.uuid4()})


def _home_context(
    request: HttpRequest, owner: User, *, form: SubstanceForm | None = None, **extra: Any
) -> dict[str, Any]:
    uses = selectors.substance_uses_for(owner=owner)
    page = Paginator(uses, USES_PER_PAGE).get_page(request.GET.get("page"))
    return {
        "form": form or _blank_form(),
        "page": page,
        "rows": use_rows(owner, list(page.object_list)),
        "recovery": recovery_context(owner),
        "dependence": dependence_warning(owner=owner),
        **extra,
    }


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    return render(request, "substances/home.html", _home_context(request, owner))


@login_required
@require_POST
def log(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    form = SubstanceForm(request.POST)
    if form.is_valid():
        try:
            result = services.substance_create(
                owner=owner, client_id=form.cleaned_data["client_id"], **form.use_fields()
            )
        except InvalidInput as error:
            attach_error(form, error, SubstanceForm.FIELD_MAP)
        else:
            return _after_log(request, owner, result)
    context = _home_context(request, owner, form=form)
    if _htmx(request):
        return render(request, "substances/home.html#log-panel", context, status=422)
    return render(request, "substances/home.html", context, status=422)


def _after_log(request: HttpRequest, owner: User, result: services.SubstanceResult) -> HttpResponse:
    use = result.use
    stretch = selectors.stretch_before(owner=owner, use=use)
    logged = _("Logged %(amount)s of %(substance)s.") % {
        "amount": use.shown_amount,
        "substance": use.shown_label,
    }
    if _htmx(request):
        context = _home_context(
            request,
            owner,
            logged=logged,
            warnings=result.warnings,
            stretch=stretch,
            original_use=stretch is not None or _is_original(owner, use),
            oob=True,
        )
        return render(request, "substances/home.html#log-update", context)
    messages.success(request, logged)
    for warning in result.warnings:
        messages.warning(request, warning.shown_message)
    return redirect("substances:home")


def _is_original(owner: User, use: SubstanceUse) -> bool:
    return bool(selectors.is_original(owner=owner, uses=[use]))


def _use_or_404(request: HttpRequest, use_id: int) -> SubstanceUse:
    try:
        return selectors.substance_use_get(owner=request_owner(request), use_id=use_id)
    except NotFound:
        raise Http404 from None


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, use_id: int) -> HttpResponse:
    owner = request_owner(request)
    use = _use_or_404(request, use_id)
    initial = {
        "category": use.category,
        "amount": use.amount.normalize(),
        "unit": use.unit,
        "name": use.name,
        "taken_at": timezone.localtime(use.taken_at),
        "note": use.note,
    }
    form = SubstanceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = form.use_fields()
        fields["taken_at"] = fields["taken_at"] or use.taken_at
        try:
            result = services.substance_update(owner=owner, use_id=use.pk, **fields)
        except InvalidInput as error:
            attach_error(form, error, SubstanceForm.FIELD_MAP)
        else:
            messages.success(request, _("Saved."))
            for warning in result.warnings:
                messages.warning(request, warning.shown_message)
            return redirect("substances:home")
    status = 422 if form.errors else 200
    return render(request, "substances/edit.html", {"form": form, "use": use}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, use_id: int) -> HttpResponse:
    use = _use_or_404(request, use_id)
    if request.method == "POST":
        services.substance_delete(owner=request_owner(request), use_id=use.pk)
        messages.success(request, _("Deleted."))
        return redirect("substances:home")
    return render(request, "substances/delete.html", {"use": use})


@login_required
@require_GET
def recent_warning(request: HttpRequest) -> HttpResponse:
    """The Today page's warning block, fetched again after a dose is logged there."""
    items = selectors.recent_co_use_warnings(owner=request_owner(request))
    context = {"show": True, "items": items, "assets": False}
    return render(request, "substances/tags/recent_warning.html", context)
