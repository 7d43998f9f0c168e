"""Pages for the Today view, the dose journal and the product library."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.core.potency import potency_of, product_flags
from stepdown.errors import InvalidInput, NotFound
from stepdown.fragments import KEY_HOLE, page_key, render_fragment, render_page
from stepdown.journal import selectors, services
from stepdown.journal.allowance import allowance_for, quick_note
from stepdown.journal.forms import DoseForm, ProductForm, QuickDoseForm, attach_error
from stepdown.journal.models import Dose
from stepdown.journal.rows import journal_rows_html
from stepdown.journal.summary_cache import cached_today_summary
from stepdown.schemas import number

TODAY_LIST_LIMIT = 12


def _today_context(owner: User, *, form: DoseForm | None = None, **extra: Any) -> dict[str, Any]:
    """Everything the Today panel shows; a blank dose form unless one with errors is given."""
    summary = cached_today_summary(owner=owner)
    pairs = selectors.recent_pairs(owner=owner)
    allowance = allowance_for(owner=owner)
    # Newest first and bounded: the page stays the same size however many doses a day holds.
    today_doses = selectors.doses_for(owner=owner, since=summary.date, until=summary.date)[
        :TODAY_LIST_LIMIT
    ]
    chart = {
        "days": [t.date.isoformat() for t in summary.chart],
        # No bars before the first dose: those days are not 0 g, they are before the journal.
        "total_g": [
            number(t.total_g) if summary.first_day and t.date >= summary.first_day else None
            for t in summary.chart
        ],
        "avg_7d_g": [number(v) for v in summary.rolling_7d_g],
    }
    return {
        "summary": summary,
        "since_last": timezone.now() - summary.last_dose_at if summary.last_dose_at else None,
        "today_doses": list(today_doses),
        # A fresh key per rendered button (filled in per response): a double tap or a retried
        # request logs the dose once.
        "quick_pairs": [
            (pair, KEY_HOLE, quick_note(pair, allowance=allowance, total_g=summary.total_g))
            for pair in pairs
        ],
        "allowance": allowance,
        "form": form or _blank_dose_form(owner, pairs[0] if pairs else None),
        # Data rides in an attribute: htmx drops <script> blocks from swapped content.
        "chart_json": json.dumps(chart),
        **extra,
    }


@login_required
def today(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    return render_page(
        request,
        "journal/today.html",
        "journal/_today.html",
        lambda: _today_context(owner),
        cache_key=page_key(owner, "today"),
    )


def _render_today_part(
    request: HttpRequest, part: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    html = render_fragment(request, f"journal/_today.html#{part}", lambda: context)
    return HttpResponse(html, status=status)


def _blank_dose_form(owner: User, latest: selectors.QuickPair | None) -> DoseForm:
    """Prefilled with the unit and product of the most recent dose."""
    initial: dict[str, Any] = {"unit": Dose.Unit.GRAM, "client_id": KEY_HOLE}
    if latest is not None:
        initial |= {"unit": latest.unit, "product": latest.product}
    return DoseForm(owner=owner, initial=initial)


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
            messages.success(
                request, f"Logged {result.dose.amount.normalize():f} {result.dose.unit}."
            )
        except InvalidInput as error:
            messages.error(request, error.message)
    else:
        messages.error(request, "That dose could not be logged; please use the form.")
    return _after_dose(request, owner, warnings)


def _after_dose(request: HttpRequest, owner: User, warnings: list[Any]) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        context = _today_context(owner, warnings=warnings, oob=True)
        return _render_today_part(request, "today-update", context)
    for warning in warnings:
        messages.warning(request, warning.message)
    return redirect("journal:today")


@login_required
@require_http_methods(["GET", "POST"])
def dose_new(request: HttpRequest) -> HttpResponse:
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
            messages.success(
                request, f"Logged {result.dose.amount.normalize():f} {result.dose.unit}."
            )
            return _after_dose(request, owner, list(result.flags))
    if request.htmx:  # type: ignore[attr-defined]
        context = _today_context(owner, form=form)
        return _render_today_part(request, "today-panel", context, status=422)
    status = 422 if form.errors else 200
    return render(request, "journal/dose_form.html", {"form": form, "new": True}, status=status)


@login_required
def dose_list(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    number = request.GET.get("page", "")[:12]  # any value is fine: the paginator checks it

    def context() -> dict[str, Any]:
        page = Paginator(selectors.doses_for(owner=owner), 50).get_page(number)
        return {"page": page, "rows": journal_rows_html(page.object_list)}  # type: ignore[arg-type]

    key = page_key(owner, f"journal:{number}")
    return render_page(
        request, "journal/dose_list.html", "journal/_dose_list.html", context, cache_key=key
    )


def _dose_or_404(request: HttpRequest, dose_id: int) -> Dose:
    try:
        return selectors.dose_get(owner=request_owner(request), dose_id=dose_id)
    except NotFound:
        raise Http404 from None


@login_required
@require_http_methods(["GET", "POST"])
def dose_edit(request: HttpRequest, dose_id: int) -> HttpResponse:
    owner = request_owner(request)
    dose = _dose_or_404(request, dose_id)
    initial = {
        "amount": dose.amount.normalize(),
        "unit": dose.unit,
        "product": dose.product,
        "taken_at": timezone.localtime(dose.taken_at),
        "purpose": dose.purpose,
        "note": dose.note,
    }
    form = DoseForm(request.POST or None, owner=owner, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            fields = form.dose_fields()
            fields["taken_at"] = fields["taken_at"] or dose.taken_at
            services.dose_update(owner=owner, dose_id=dose.pk, **fields)
        except InvalidInput as error:
            attach_error(form, error, DoseForm.FIELD_MAP)
        else:
            messages.success(request, "Dose updated.")
            return redirect("journal:dose_list")
    status = 422 if form.errors else 200
    context = {"form": form, "dose": dose, "new": False}
    return render(request, "journal/dose_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def dose_delete(request: HttpRequest, dose_id: int) -> HttpResponse:
    dose = _dose_or_404(request, dose_id)
    if request.method == "POST":
        services.dose_delete(owner=request_owner(request), dose_id=dose.pk)
        messages.success(request, "Dose deleted.")
        return redirect("journal:dose_list")
    return render(request, "journal/dose_confirm_delete.html", {"dose": dose})


@login_required
def product_list(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    products = selectors.products_for(owner=owner, include_archived=True)
    rows = [
        {"product": p, "potency": potency_of(p.spec), "flags": product_flags(p.spec)}
        for p in products
    ]
    return render(request, "journal/product_list.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def product_edit(request: HttpRequest, product_id: int | None = None) -> HttpResponse:
    owner = request_owner(request)
    product = None
    if product_id is not None:
        try:
            product = selectors.product_get(owner=owner, product_id=product_id)
        except NotFound:
            raise Http404 from None
    form = ProductForm(request.POST or None, instance=product)
    if request.method == "POST" and form.is_valid():
        try:
            if product is None:
                services.product_create(owner=owner, **form.product_fields())
            else:
                services.product_update(owner=owner, product_id=product.pk, **form.product_fields())
        except InvalidInput as error:
            attach_error(form, error, {})
        else:
            messages.success(request, "Product saved.")
            return redirect("journal:product_list")
    status = 422 if form.errors else 200
    return render(
        request, "journal/product_form.html", {"form": form, "product": product}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def product_remove(request: HttpRequest, product_id: int) -> HttpResponse:
    owner = request_owner(request)
    try:
        product = selectors.product_get(owner=owner, product_id=product_id)
    except NotFound:
        raise Http404 from None
    if request.method == "POST":
        outcome = services.product_remove(owner=owner, product_id=product.pk)
        messages.success(request, f"Product {outcome}.")
        return redirect("journal:product_list")
    in_use = product.doses.exists()
    return render(
        request, "journal/product_confirm_remove.html", {"product": product, "in_use": in_use}
    )
