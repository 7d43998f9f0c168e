"""API routes for skin photo sessions, photo uploads, regions, the trend and self-reports.

Mounted at ``/api/v1/skin``. Uploads are multipart; everything else is JSON.
"""

from __future__ import annotations

from django.http import FileResponse, HttpRequest
from ninja import File, Form, Query, Router, UploadedFile
from ninja.decorators import decorate_view
from ninja.responses import Status

from stepdown.accounts.requests import request_owner
from stepdown.schemas import API_ERRORS
from stepdown.skin import selectors, services
from stepdown.skin.schemas import (
    PhotoOut,
    RegionIn,
    ReportIn,
    ReportOut,
    RoleName,
    SessionFilters,
    SessionIn,
    SessionListOut,
    SessionOut,
    TrendFilters,
    TrendOut,
    VariantName,
)
from stepdown.skin.serving import photo_response
from stepdown.skin.uploads import capped_uploads

router = Router(tags=["skin"])


IMAGE_RESPONSE = {
    "responses": {
        "200": {
            "description": "The stored JPEG (re-encoded, without metadata); never cached.",
            "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


@router.get(
    "/sessions", response={200: SessionListOut, **API_ERRORS}, summary="List photo sessions"
)
def list_sessions(request: HttpRequest, filters: Query[SessionFilters]) -> SessionListOut:
    sessions = selectors.sessions_for(owner=request_owner(request), site=filters.site)
    page = list(sessions[filters.offset : filters.offset + filters.limit])
    return SessionListOut(
        items=[SessionOut.of(s) for s in page],
        count=sessions.count(),
        limit=filters.limit,
        offset=filters.offset,
    )


@router.post(
    "/sessions",
    response={200: SessionOut, 201: SessionOut, **API_ERRORS},
    summary="Start a photo session (a repeated client_id returns the original with 200)",
)
def create_session(request: HttpRequest, payload: SessionIn) -> Status[SessionOut]:
    result = services.session_create(owner=request_owner(request), **payload.model_dump())
    session = selectors.session_get(owner=request_owner(request), session_id=result.session.pk)
    return Status(201 if result.created else 200, SessionOut.of(session))


@router.get("/sessions/{session_id}", response={200: SessionOut, **API_ERRORS}, summary="A session")
def get_session(request: HttpRequest, session_id: int) -> SessionOut:
    return SessionOut.of(selectors.session_get(owner=request_owner(request), session_id=session_id))


@router.delete(
    "/sessions/{session_id}",
    response={204: None, **API_ERRORS},
    summary="Delete a session, its measurements and its photo files",
)
def delete_session(request: HttpRequest, session_id: int) -> Status[None]:
    services.session_delete(owner=request_owner(request), session_id=session_id)
    return Status(204, None)


@router.post(
    "/sessions/{session_id}/photos",
    response={201: PhotoOut, **API_ERRORS},
    summary="Upload the photo of one site (replaces an earlier photo of that site)",
    description=(
        "Multipart form with `site` (`exposed` or `reference`) and `file`: a JPEG, PNG, WebP or "
        "HEIC photo of at most 25 MB and 40 megapixels, recognised by its content. The stored "
        "copy is re-encoded without EXIF (no GPS) or other metadata. Refusals are 422 on `file`."
    ),
)
@decorate_view(capped_uploads)
def upload_photo(
    request: HttpRequest,
    session_id: int,
    site: Form[RoleName],
    file: File[UploadedFile],
) -> Status[PhotoOut]:
    owner = request_owner(request)
    selectors.session_get(owner=owner, session_id=session_id)  # 404 before reading the file
    # The upload handler kept at most one byte over the limit, so this read is bounded.
    photo = services.photo_upload(owner=owner, session_id=session_id, role=site, data=file.read())
    return Status(201, PhotoOut.of(photo))


@router.put(
    "/photos/{photo_id}/region",
    response={200: PhotoOut, **API_ERRORS},
    summary="Set a photo's region and queue its measurement",
    description=(
        "Checks and stores the region, then queues the analysis for the background worker "
        "(`stepdown worker`): calibration from the colour card, then CIELAB, ITA° and quality "
        "of the region only. Until it has run, `measuring` is true and `measurement` null; poll "
        "the session. The session's exposed-minus-reference comparison is updated when both "
        "photos are measured."
    ),
)
def put_region(request: HttpRequest, photo_id: int, payload: RegionIn) -> PhotoOut:
    body = payload.model_dump()
    photo = services.photo_set_region(
        owner=request_owner(request),
        photo_id=photo_id,
        region=body["region"],
        card_corners=body["card_corners"],
    )
    return PhotoOut.of(photo)


@router.get(
    "/photos/{photo_id}/image",
    response={200: None, **API_ERRORS},
    summary="The stored photo (full size, a 1600 px preview, or a 320 px thumbnail)",
    url_name="skin_photo_image",
    openapi_extra=IMAGE_RESPONSE,
)
def photo_image(request: HttpRequest, photo_id: int, variant: VariantName = "full") -> FileResponse:
    photo = selectors.photo_get(owner=request_owner(request), photo_id=photo_id)
    return photo_response(photo, variant)


@router.get(
    "/trend", response={200: TrendOut, **API_ERRORS}, summary="ΔITA over time and its verdict"
)
def trend(request: HttpRequest, filters: Query[TrendFilters]) -> TrendOut:
    return TrendOut.of(selectors.trend_for(owner=request_owner(request), site=filters.site))


@router.get("/reports", response={200: list[ReportOut], **API_ERRORS}, summary="Your skin reports")
def list_reports(request: HttpRequest) -> list[ReportOut]:
    return [ReportOut.of(r) for r in selectors.reports_for(owner=request_owner(request))[:100]]


@router.post(
    "/reports",
    response={200: ReportOut, 201: ReportOut, **API_ERRORS},
    summary="Describe your skin in your own words (a repeated client_id returns the original)",
)
def create_report(request: HttpRequest, payload: ReportIn) -> Status[ReportOut]:
    report, created = services.report_create(owner=request_owner(request), **payload.model_dump())
    return Status(201 if created else 200, ReportOut.of(report))
