"""``POST /api/v1/export``: the person's own export, streamed (reading one's own record is not a
disclosure, so it is not logged)."""

from __future__ import annotations

from django.http import HttpRequest, StreamingHttpResponse
from ninja import Router

from stepdown.accounts.requests import request_owner
from stepdown.records.download import export_response
from stepdown.schemas import API_ERRORS

router = Router(tags=["your record"])


@router.post(
    "/export",
    response={200: None, **API_ERRORS},
    summary="Everything you own as one ZIP (stepdown.json, CSVs, photos), streamed",
    openapi_extra={
        "responses": {
            "200": {
                "description": "application/zip: the export described in docs/data.md",
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def export(request: HttpRequest) -> StreamingHttpResponse:
    return export_response(request_owner(request))
