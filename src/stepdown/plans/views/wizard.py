"""The plan wizard: prefilled from the last 14 days of the journal, previewed before saving."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.core.pharmacokinetics import long_settle_days, step_settled_ranges
from stepdown.core.tapering import (
    DEFAULT_RESOLUTION_G,
    StepKind,
    TaperPlan,
    default_stop_below_g,
)
from stepdown.errors import InvalidInput
from stepdown.journal.models import Product
from stepdown.plans import selectors, services
from stepdown.plans.building import plan_build
from stepdown.plans.forms import WizardForm
from stepdown.plans.snapshot import plain
from stepdown.plans.views.common import preview_chart_json
from stepdown.web import formatting
from stepdown.web.forms import attach_error


def _initial(owner: User, recent: selectors.RecentUse) -> dict[str, Any]:
    resolution = DEFAULT_RESOLUTION_G
    product = None
    if recent.product_id is not None:
        product = Product.objects.filter(owner=owner, pk=recent.product_id).first()
        if product and product.form == Product.Form.CAPSULES and product.capsule_weight_g:
            # Counting capsules: the plan moves in whole capsules.
            resolution = plain(product.capsule_weight_g)
    start = recent.start_g(resolution)
    return {
        "start_g": plain(start) if start else None,
        "doses_per_day": recent.doses_per_day or 1,
        "product": product,
        "start_date": local_today(owner),
        "pace": "steady",
        "method": "proportional",
        "rate_pct": Decimal(10),
        "interval_days": 7,
        "stabilize_days": 7,
        "resolution_g": resolution,
        "stop_below_g": default_stop_below_g(resolution),
        "client_id": uuid.uuid4(),
    }


def _preview(plan: TaperPlan, recent: selectors.RecentUse) -> dict[str, Any]:
    settled = step_settled_ranges(plan)
    first_cut = next((step for step in plan.steps if step.kind == StepKind.CUT), None)
    return {
        "preview": plan,
        "first_cut": first_cut,
        "preview_rows": list(zip(plan.steps, settled, strict=True)),
        "preview_chart": preview_chart_json(plan),
        "above_recent": recent.avg_g is not None and plan.start_g > recent.avg_g,
        "weeks": round((plan.end_date - plan.start_date).days / 7),
        # Step timing advice uses the long end of the half-life band.
        "settle_days": long_settle_days(),
        "steps_shorter_than_settling": plan.params.interval_days < long_settle_days(),
    }


def _context(owner: User, form: WizardForm, **extra: Any) -> dict[str, Any]:
    return {"form": form, "current": selectors.current_plan(owner=owner), **extra}


@login_required
@require_http_methods(["GET", "POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    recent = selectors.recent_use(owner=owner)
    if request.method == "GET":
        form = WizardForm(owner=owner, initial=_initial(owner, recent))
        return render(request, "plans/wizard.html", _context(owner, form, recent=recent))
    form = WizardForm(request.POST, owner=owner)
    if form.is_valid():
        try:
            result = services.plan_create(
                owner=owner,
                confirm_above_recent=form.cleaned_data["confirm_above_recent"],
                replace_current=form.cleaned_data["replace_current"],
                client_id=form.cleaned_data.get("client_id"),
                **form.plan_fields(),
            )
        except InvalidInput as error:
            attach_error(form, error, WizardForm.FIELD_MAP)
        else:
            last_day = result.plan.end_date - dt.timedelta(days=1)
            messages.success(
                request,
                _("Your plan is saved. The last planned day is %(day)s.")
                % {"day": formatting.date(last_day, "j F Y")},
            )
            return redirect("plans:page")
    return render(request, "plans/wizard.html", _context(owner, form, recent=recent), status=422)


@login_required
@require_POST
def plan_preview(request: HttpRequest) -> HttpResponse:
    """The htmx preview: the plan the form describes, not saved."""
    owner = request_owner(request)
    recent = selectors.recent_use(owner=owner)
    form = WizardForm(request.POST, owner=owner)
    context: dict[str, Any] = {"form": form, "recent": recent}
    if form.is_valid():
        fields = form.plan_fields()
        fields.pop("product_id")
        try:
            plan = plan_build(owner=owner, **fields)
        except InvalidInput as error:
            attach_error(form, error, WizardForm.FIELD_MAP)
        else:
            return render(request, "plans/wizard.html#preview", context | _preview(plan, recent))
    return render(request, "plans/wizard.html#preview", context, status=422)
