"""The Patient: only the account id. A name, email or birth date would add identity the record
does not need, and every copy of it would then carry more than the person chose to share."""

from __future__ import annotations

from stepdown.accounts.models import User
from stepdown.records.fhir.refs import Resource


def patient(person: User, *, notice: str) -> Resource:
    """``notice`` is the Part 2 redisclosure notice, shown as the Patient's narrative: a Bundle
    has no narrative of its own in R4, and the Patient is what ``$everything`` is about."""
    return {
        "resourceType": "Patient",
        "id": str(person.pk),
        "text": {
            "status": "additional",
            "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{notice}</p></div>',
        },
        "active": person.is_active,
    }
