"""Pages of one skin session once its photos are in: drawing the measured regions, the result,
deleting the session, and serving a photo to its owner (new sessions and retakes are in
``skin.upload_views``, the Skin page in ``skin.views``)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.core.colour import QualityCode
from stepdown.errors import InvalidInput, NotFound
from stepdown.skin import selectors, services
from stepdown.skin.forms import RegionForm
from stepdown.skin.measuring import bounding_rect, default_region, scale_region
from stepdown.skin.models import Photo, PhotoSession
from stepdown.skin.polling import page_or_poll, preparing
from stepdown.skin.serving import photo_response
from stepdown.skin.wording import (
    calibration_label,
    category_label,
    quality_message,
    quality_messages,
)

ROLES = (Photo.Role.EXPOSED, Photo.Role.REFERENCE)


def session_or_404(owner: User, session_id: int) -> PhotoSession:
    try:
        return selectors.session_get(owner=owner, session_id=session_id)
    except NotFound:
        raise Http404 from None


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
    session = session_or_404(owner, session_id)
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
    session = session_or_404(owner, session_id)
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


@login_required
@require_http_methods(["GET", "POST"])
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    owner = request_owner(request)
    session = session_or_404(owner, session_id)
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
