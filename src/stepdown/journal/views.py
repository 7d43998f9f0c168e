"""Pages for the dose journal and the product library (Today and logging from it: ``today``)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from stepdown.accounts.requests import request_owner
from stepdown.core.potency import potency_of, product_flags
from stepdown.errors import InvalidInput, NotFound
from stepdown.journal import selectors, services
from stepdown.journal.forms import DoseForm, ProductForm
from stepdown.journal.models import Dose
from stepdown.journal.rows import journal_rows_html
from stepdown.web.forms import attach_error
from stepdown.web.fragments import page_key, render_page


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
            messages.success(request, _("Dose updated."))
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
        messages.success(request, _("Dose deleted."))
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
