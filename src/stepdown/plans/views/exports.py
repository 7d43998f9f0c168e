"""The printable pouch strip and its PDF (the calendar file is the reminders app's)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from stepdown.accounts.clock import local_today
from stepdown.accounts.requests import request_owner
from stepdown.journal.models import Product
from stepdown.plans.models import Plan
from stepdown.plans.snapshot import taper_of
from stepdown.plans.strip import STRIP_DAYS, build_strip
from stepdown.plans.views.common import plan_or_404

STRIP_CSS = "stepdown/plans-strip.css"


def _first_day(request: HttpRequest, plan: Plan) -> dt.date:
    """``?from=YYYY-MM-DD`` when given and valid, else today (or the plan's start if later)."""
    today = max(local_today(request_owner(request)), plan.start_date)
    try:
        asked = dt.date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        return today
    return asked if plan.start_date <= asked < plan.end_date else today


def _strip_context(request: HttpRequest, plan: Plan) -> dict[str, Any]:
    taper = taper_of(plan)
    product = plan.product
    capsule_g = (
        product.capsule_weight_g
        if product is not None and product.form == Product.Form.CAPSULES
        else None
    )
    first = _first_day(request, plan)
    strip = build_strip(taper, first=first, days=STRIP_DAYS, capsule_g=capsule_g)
    return {
        "plan": plan,
        "taper": taper,
        "strip": strip,
        "pouch_columns": range(1, strip.max_pouches + 1),
        "next_from": strip.last + dt.timedelta(days=1)
        if strip.last + dt.timedelta(days=1) < plan.end_date
        else None,
        "previous_from": (
            max(plan.start_date, first - dt.timedelta(days=STRIP_DAYS))
            if first > plan.start_date
            else None
        ),
    }


@login_required
@require_GET
def strip(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_or_404(request, plan_id)
    return render(request, "plans/strip.html", _strip_context(request, plan))


@login_required
@require_GET
def strip_pdf(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The strip as an A4 PDF. WeasyPrint is imported here: it is heavy and only this needs it.
    Nothing is fetched while rendering (the stylesheet is inlined, every URL is refused)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    plan = plan_or_404(request, plan_id)
    css_path = finders.find(STRIP_CSS)
    assert isinstance(css_path, str)  # shipped with the package
    context = _strip_context(request, plan) | {"css": Path(css_path).read_text()}
    html = render_to_string("plans/strip_pdf.html", context, request=request)
    pdf = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    first = context["strip"].first
    response["Content-Disposition"] = f'attachment; filename="pouch-strip-{first}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
