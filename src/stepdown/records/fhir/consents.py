"""Consents: one per consent the person signed, every version (ended ones are inactive).

The signature (the typed full name) stays out: the Patient carries no name, and when it was
signed is what a reader of the record needs."""

from __future__ import annotations

from django.utils.html import escape

from stepdown.accounts.models import User
from stepdown.clinic import wording
from stepdown.clinic.data_classes import LABELS
from stepdown.clinic.models import Consent
from stepdown.records.fhir import codes
from stepdown.records.fhir.refs import Resource, instant, patient_ref

PART_2 = "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2"


def _narrative(consent: Consent, recipients: str) -> str:
    until = (
        f"until the end of {consent.expires_on.isoformat()}"
        if consent.expires_on
        else consent.expiry_event
    )
    lines = [
        f"Shared with {recipients}.",
        f"Shares: {', '.join(LABELS.get(code, code) for code in consent.data_classes)}.",
        f"Why: {wording.PURPOSE_TEXT}",
        f"Ends: {until}",
    ]
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'


def consent_resource(consent: Consent) -> Resource:
    recipients = wording.recipients_text(consent.clinic.name, consent.clinicians.all())
    period = {"start": instant(consent.signed_at)}
    if consent.expires_at is not None:
        period["end"] = instant(consent.expires_at)
    return {
        "resourceType": "Consent",
        "id": f"consent-{consent.pk}",
        "text": {"status": "generated", "div": _narrative(consent, recipients)},
        "status": "active" if consent.is_active else "inactive",
        "scope": codes.concept(codes.CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
        "category": [codes.concept(codes.LOINC, "59284-0")],
        "patient": patient_ref(consent.owner_id),
        "dateTime": instant(consent.signed_at),
        "performer": [patient_ref(consent.owner_id)],
        "organization": [{"display": consent.clinic.name}],
        "policy": [{"uri": PART_2}],
        "provision": {
            "type": "permit",
            "period": period,
            "actor": [
                {
                    "role": codes.concept(codes.V3_PARTICIPATION, "IRCP", "information recipient"),
                    "reference": {"display": recipients},
                }
            ],
            "purpose": [codes.coding(codes.V3_ACT_REASON, "TREAT", "treatment")],
            "code": [
                codes.concept(codes.LOCAL_DATA_CLASSES, code, LABELS.get(code))
                for code in consent.data_classes
            ],
        },
    }


def consents(person: User) -> list[Resource]:
    signed = (
        Consent.objects.filter(owner=person)
        .select_related("clinic")
        .prefetch_related("clinicians")
        .order_by("signed_at", "pk")
    )
    return [consent_resource(consent) for consent in signed]
