"""Plain-data views of support contacts, reasons and urges, for the API."""

from __future__ import annotations

from typing import Any

from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog
from stepdown.learn.selectors import SupportSummary


def contact_json(contact: SupportContact) -> dict[str, Any]:
    return {
        "id": contact.pk,
        "name": contact.name,
        "how_to_reach": contact.how_to_reach,
        "note": contact.note,
    }


def reason_json(reason: ReasonToChange) -> dict[str, Any]:
    return {"id": reason.pk, "text": reason.text}


def support_json(summary: SupportSummary) -> dict[str, Any]:
    return {
        "contacts": [contact_json(c) for c in summary.contacts],
        "reasons": [reason_json(r) for r in summary.reasons],
    }


def urge_json(urge: UrgeLog) -> dict[str, Any]:
    return {
        "id": urge.pk,
        "strength": urge.strength,
        "helped": list(urge.helped),
        "note": urge.note,
        "started_at": urge.started_at,
        "logged_at": urge.logged_at,
        "minutes": urge.minutes,
        "client_id": str(urge.client_id) if urge.client_id else None,
    }
