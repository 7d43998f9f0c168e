"""Pages of the skin tracker: the Skin page, a new session, regions, the result, retakes."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.core.colour import QualityCode
from stepdown.errors import InvalidInput, NotFound
from stepdown.skin import selectors, services
from stepdown.skin.forms import RegionForm, ReportForm, RetakeForm, SessionUploadForm
from stepdown.skin.measuring import bounding_rect, default_region, scale_region
from stepdown.skin.models import ExposedSite, Photo, PhotoSession
from stepdown.skin.photos import CheckedUpload
from stepdown.skin.polling import page_or_poll, preparing
from stepdown.skin.serving import photo_response
from stepdown.skin.uploads import capped_uploads
from stepdown.skin.wording import (
    calibration_label,
    category_label,
    quality_message,
    quality_messages,
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
ROLES = (Photo.Role.EXPOSED, Photo.Role.REFERENCE)


def _session_or_404(owner: User, session_id: int) -> PhotoSession:
    try:
        return selectors.session_get(owner=owner, session_id=session_id)
    except NotFound:
        raise Http404 from None


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


@csrf_exempt
@login_required
@capped_uploads
@csrf_protect
@require_http_methods(["GET", "POST"])
def session_new(request: HttpRequest) -> HttpResponse:
    """Guidance, then both photos. The CSRF check runs after the upload cap is in place."""
    owner = request_owner(request)
    posted = request.method == "POST"
    # Bound on every POST: an empty one (no fields, no files) must show the form's errors.
    form = SessionUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        initial={"client_id": uuid.uuid4()},
    )
    if posted:
        form.is_valid()
        prepared: dict[str, CheckedUpload] = {}
        # Judge every photo that arrived, even when another field is wrong, so one round trip
        # shows every problem.
        for role in ROLES:
            field = services.ROLE_FIELDS[role]
            upload = form.cleaned_data.get(field)
            if upload is None:
                continue
            try:
                prepared[role] = services.photo_check(data=upload.read(), field=field)
            except InvalidInput as error:
                form.add_error(field, error.message)
        photo_fields = set(services.ROLE_FIELDS.values())
        # A good photo is kept even when the other slot's file is bad or missing: the session
        # starts with it, and the page for the other slot shows that slot's error.
        if prepared and not set(form.errors) - photo_fields:
            try:
                result = services.session_create(
                    owner=owner,
                    exposed_site=form.cleaned_data["exposed_site"],
                    taken_at=form.cleaned_data["taken_at"],
                    notes=form.cleaned_data["notes"],
                    uses_card=not form.cleaned_data["no_card"],
                    client_id=form.cleaned_data["client_id"],
                    photos=prepared,
                )
            except InvalidInput as error:
                attach_error(form, error, {})
            else:
                missing = [role for role in ROLES if role not in prepared]
                if not missing:
                    return redirect("skin:regions", session_id=result.session.pk)
                role = missing[0]
                errors = [str(e) for e in form.errors.get(services.ROLE_FIELDS[role], [])]
                return _retake_page(
                    request,
                    result.session,
                    role,
                    errors=errors or ["Choose this photo."],
                    kept=prepared,
                )
    status = 422 if form.errors else 200
    return render(request, "skin/new.html", {"form": form}, status=status)


def _retake_page(
    request: HttpRequest,
    session: PhotoSession,
    role: str,
    *,
    form: RetakeForm | None = None,
    errors: list[str] | None = None,
    kept: dict[str, CheckedUpload] | None = None,
) -> HttpResponse:
    if form is None:
        # Bound to nothing, so the error that brought the person here shows on the field.
        form = RetakeForm(data={})
        form.full_clean()
        form.errors["photo"] = form.error_class(errors or [])
    label = Photo.Role(role).label
    form.fields["photo"].label = _("Photo of the %(site)s") % {"site": label.lower()}
    context = {
        "session": session,
        "form": form,
        "role": role,
        "role_label": label,
        "kept": [Photo.Role(r).label for r in kept or {}],
    }
    return render(request, "skin/retake.html", context, status=422 if form.errors else 200)


def _proposal(owner: User, session: PhotoSession, photo: Photo) -> tuple[dict[str, Any], bool]:
    """The region to show first, and whether it came from an earlier session."""
    if photo.region:
        return photo.region, False
    previous = selectors.previous_region(owner=owner, session=session, role=photo.role)
    if previous is not None and previous.region:
        scaled = scale_region(
            previous.region,
            source=(previous.width_px, previous.height_px),
            target=(photo.width_px, photo.height_px),
        )
        return scaled, True
    return default_region(width=photo.width_px, height=photo.height_px), False


def _region_form(owner: User, session: PhotoSession, photo: Photo, data: Any = None) -> Any:
    region, carried = _proposal(owner, session, photo)
    initial: dict[str, Any] = {"kind": region["kind"], **bounding_rect(region)}
    if region["kind"] == "polygon":
        initial["points"] = json.dumps(region["points"])
    if photo.card_corners:
        initial["corners"] = json.dumps(photo.card_corners)
    form = RegionForm(data, prefix=photo.role, initial=initial)
    return {
        "photo": photo,
        "form": form,
        "carried": carried,
        "region_json": json.dumps(region),
    }


@login_required
@require_http_methods(["GET", "POST"])
def session_regions(request: HttpRequest, session_id: int) -> HttpResponse:
    """Draw the measured area on each photo; submitting stores both and queues their
    measurement for the worker."""
    owner = request_owner(request)
    session = _session_or_404(owner, session_id)
    photos = selectors.photos_by_role(session)
    data = request.POST if request.method == "POST" else None
    busy = preparing(list(photos.values()))
    ready = [photos[r] for r in ROLES if r in photos and photos[r].status == Photo.Status.READY]
    # While a photo is being prepared its size may still change: no editor until it is ready.
    editors = [] if busy else [_region_form(owner, session, photo, data) for photo in ready]
    if request.method == "POST" and editors:
        valid = all(editor["form"].is_valid() for editor in editors)
        if valid:
            for editor in editors:
                form = editor["form"]
                try:
                    services.photo_set_region(
                        owner=owner,
                        photo_id=editor["photo"].pk,
                        region=form.region(),
                        card_corners=form.cleaned_data["corners"],
                    )
                except InvalidInput as error:
                    field = "corners" if error.field == "card_corners" else None
                    form.add_error(field, error.message)
            if not any(editor["form"].errors for editor in editors):
                return redirect("skin:session", session_id=session.pk)
    status = 422 if any(editor["form"].errors for editor in editors) else 200
    context = {
        "session": session,
        "editors": editors,
        "missing": [r for r in ROLES if r not in photos],
        "failed": [p for p in photos.values() if p.status == Photo.Status.FAILED],
    }
    if status != 200:
        return render(request, "skin/regions.html", {**context, "busy": busy}, status=status)
    return page_or_poll(request, "skin/regions.html", context, busy=busy)


@login_required
@require_GET
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    owner = request_owner(request)
    session = _session_or_404(owner, session_id)
    photos = selectors.photos_by_role(session)
    cards = [_card(role, photos.get(role)) for role in ROLES]
    measuring = any(selectors.photo_measuring(photo) for photo in photos.values())
    comparison_messages = quality_messages(session.comparison_reasons)
    context = {
        "session": session,
        "cards": cards,
        "comparison_messages": comparison_messages,
        "ita_unreliable": (
            quality_message(QualityCode.ITA_UNRELIABLE)
            if QualityCode.ITA_UNRELIABLE.value in session.comparison_reasons
            else ""
        ),
        "measured": all(card["m"] is not None for card in cards),
        "measuring": measuring,
        "preparing": preparing(list(photos.values())),
    }
    return page_or_poll(request, "skin/session.html", context, busy=measuring)


def _card(role: str, photo: Photo | None) -> dict[str, Any]:
    """One photo on the result page: its measured area as SVG shapes and its numbers."""
    measurement = selectors.measurement_of(photo)
    card: dict[str, Any] = {"role": role, "label": Photo.Role(role).label, "photo": photo}
    card["m"] = measurement
    region = photo.region if photo is not None else None
    if region and region.get("kind") == "rect":
        card["rect"] = region
    elif region:
        card["points"] = " ".join(f"{x},{y}" for x, y in region["points"])
    if measurement is not None:
        card["ci_half"] = _ci_half(measurement)
        card["used_percent"] = (
            round(100 * measurement.pixels_used / measurement.pixels_total)
            if measurement.pixels_total
            else 0
        )
        card["calibration"] = calibration_label(measurement.calibration)
        card["category"] = category_label(measurement.ita_category)
        card["messages"] = quality_messages(measurement.quality_reasons)
    return card


def _ci_half(measurement: Any) -> float | None:
    """Half the width of the photo's own 95 % interval of ITA, or ``None`` without one."""
    if measurement.ci95_low is None or measurement.ci95_high is None:
        return None
    return float(measurement.ci95_high - measurement.ci95_low) / 2


@csrf_exempt
@login_required
@capped_uploads
@csrf_protect
@require_http_methods(["GET", "POST"])
def photo_retake(request: HttpRequest, session_id: int, role: str) -> HttpResponse:
    owner = request_owner(request)
    session = _session_or_404(owner, session_id)
    if role not in Photo.Role.values:
        raise Http404
    form = RetakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.photo_upload(
                owner=owner,
                session_id=session.pk,
                role=role,
                data=form.cleaned_data["photo"].read(),
            )
        except InvalidInput as error:
            form.add_error("photo", error.message)
        else:
            return redirect("skin:regions", session_id=session.pk)
    return _retake_page(request, session, role, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    owner = request_owner(request)
    session = _session_or_404(owner, session_id)
    if request.method == "POST":
        services.session_delete(owner=owner, session_id=session.pk)
        messages.success(request, _("The session and its photos are deleted."))
        return redirect("skin:home")
    return render(request, "skin/session_confirm_delete.html", {"session": session})


@login_required
@require_GET
def photo_file(request: HttpRequest, photo_id: int, variant: str) -> FileResponse:
    """A photo for its owner only; anyone else gets the same 404 as for a missing photo."""
    try:
        photo = selectors.photo_get(owner=request_owner(request), photo_id=photo_id)
        return photo_response(photo, variant)
    except NotFound:
        raise Http404 from None
