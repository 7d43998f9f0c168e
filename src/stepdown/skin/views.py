"""The Skin page of the skin tracker: the trend chart, the sessions, and the person's own
descriptions (a new session and retakes are in ``skin.upload_views``; one session's regions,
result and deletion in ``skin.session_views``)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.errors import InvalidInput
from stepdown.skin import selectors, services
from stepdown.skin.forms import ReportForm
from stepdown.skin.models import ExposedSite
from stepdown.skin.wording import (
    session_days,
    trend_wording,
)
from stepdown.web.chart_text import Column, chart_text
from stepdown.web.forms import attach_error

SESSIONS_PER_PAGE = 12
SLOPE_MIN_DAYS = 180
# The chart's time axis spans at least four weeks, so one session is a point in a month, not a
# dot lost in an axis of years.
CHART_MIN_SPAN_S = 28 * 86_400


def _chart(trend: selectors.Trend) -> str:
    a = trend.assessment
    times = [int(p.taken_at.timestamp()) for p in trend.points]
    upper: list[float | None] = [None] * len(times)
    lower: list[float | None] = [None] * len(times)
    if a.noise is not None and a.baseline_mean_deg is not None:
        upper = [round(a.baseline_mean_deg + a.noise.mdc95_deg, 2)] * len(times)
        lower = [round(a.baseline_mean_deg - a.noise.mdc95_deg, 2)] * len(times)
    first, last = (min(times), max(times)) if times else (0, 0)
    pad = max(0, CHART_MIN_SPAN_S - (last - first)) // 2
    return json.dumps(
        {
            "xmin": first - pad,
            "xmax": last + pad,
            "t": times,
            "delta": [round(p.delta_ita_deg, 2) for p in trend.points],
            "upper": upper,
            "lower": lower,
        }
    )


def _home_context(request: HttpRequest, owner: User, **extra: Any) -> dict[str, Any]:
    site = request.GET.get("site")
    trend = selectors.trend_for(owner=owner, site=site if site in ExposedSite.values else None)
    page = Paginator(selectors.sessions_for(owner=owner), SESSIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = [{"session": s, "photos": selectors.photos_by_role(s)} for s in page]
    return {
        "trend": trend,
        "wording": trend_wording(trend),
        "site_label": ExposedSite(trend.site).label,
        "sites": [
            (value, ExposedSite(value).label)
            for value in selectors.sites_with_sessions(owner=owner)
        ],
        "chart_json": _chart(trend),
        "chart_text": chart_text(
            [timezone.localdate(p.taken_at, owner.zone) for p in trend.points],
            [Column("ΔITA", [p.delta_ita_deg for p in trend.points], "°")],
            caption=_("ΔITA per session: exposed skin minus inner arm"),
        ),
        # A slope "per year" from a few weeks of sessions would be an extrapolation.
        "show_slope": len(trend.points) >= 3
        and (trend.points[-1].taken_at - trend.points[0].taken_at).days >= SLOPE_MIN_DAYS,
        "page": page,
        "rows": rows,
        "reports": list(selectors.reports_for(owner=owner)[:3]),
        "unreliable_days": session_days(trend.unreliable),
        **extra,
    }


@login_required
@require_GET
def skin_home(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    form = ReportForm(initial={"client_id": uuid.uuid4()})
    return render(request, "skin/home.html", _home_context(request, owner, report_form=form))


@login_required
@require_POST
def report_new(request: HttpRequest) -> HttpResponse:
    owner = request_owner(request)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.report_create(owner=owner, **form.cleaned_data)
        except InvalidInput as error:
            attach_error(form, error, {})
        else:
            messages.success(request, _("Thank you; your description is saved."))
            if request.htmx:  # type: ignore[attr-defined]
                fresh = ReportForm(initial={"client_id": uuid.uuid4()})
                context = _home_context(request, owner, report_form=fresh)
                return render(request, "skin/home.html#report-panel", context)
            return redirect("skin:home")
    context = _home_context(request, owner, report_form=form)
    template = "skin/home.html#report-panel" if request.htmx else "skin/home.html"  # type: ignore[attr-defined]
    return render(request, template, context, status=422)
