"""The export as an HTTP download, streamed while it is written (shared by the page and the API).

Reading one's own record is not a disclosure, so nothing is written to the access log."""

from __future__ import annotations

from django.http import StreamingHttpResponse

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.records.exporting import export_chunks


def export_response(owner: User) -> StreamingHttpResponse:
    response = StreamingHttpResponse(export_chunks(owner), content_type="application/zip")
    # The date only: a file name must not carry anything about the person.
    name = f"stepdown-export-{local_today(owner).isoformat()}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
