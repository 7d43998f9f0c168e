"""The accounting of disclosures (42 CFR Part 2 §2.25) as CSV: every access of the past three
years, oldest first, one row each, with the same words as the page."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.http import HttpResponse

from stepdown.accounts.models import User
from stepdown.audit import selectors
from stepdown.audit.models import AccessEvent
from stepdown.audit.wording import sentence
from stepdown.core.spreadsheet import safe_cell

FILENAME = "access-log.csv"
COLUMNS = (
    "at_utc",
    "recipient_name",
    "recipient_email",
    "recipient_role",
    "data_classes",
    "kind",
    "action",
    "purpose",
    "description",
)


def _row(event: AccessEvent, owner: User) -> list[str]:
    values = [
        event.at.astimezone(dt.UTC).isoformat(timespec="seconds"),
        event.actor_name,
        event.actor_email,
        event.actor_role,
        ";".join(event.data_classes),
        event.kind,
        event.action,
        event.purpose,
        sentence(event, owner.zone),
    ]
    return [safe_cell(value) for value in values]


def disclosures_csv(owner: User) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in selectors.disclosures_for(owner=owner).iterator():
        writer.writerow(_row(event, owner))
    return out.getvalue()


def csv_response(owner: User) -> HttpResponse:
    response = HttpResponse(disclosures_csv(owner), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return response
