"""QuestionnaireResponses: one per stored response of any instrument, its answers as given.

Choice answers are the option's value (its score) with the option's words; a questionnaire is
named by Stepdown's canonical URL with its version (docs/data.md lists them)."""

from __future__ import annotations

from typing import Any

from stepdown.checkins.models import Response
from stepdown.core.instruments.base import Instrument, Item, ItemKind
from stepdown.core.instruments.registry import INSTRUMENTS
from stepdown.records.fhir import codes
from stepdown.records.fhir.refs import Resource, instant, patient_ref


def questionnaire_url(response: Response) -> str:
    return f"{codes.LOCAL}/Questionnaire/{response.instrument}|{response.version}"


def author(response: Response) -> dict[str, str]:
    """The person, or the clinician who rated the response (COWS needs an observer)."""
    if response.entered_by_id is None:
        return patient_ref(response.owner_id)
    clinician = response.entered_by
    name = (clinician.display_name if clinician else "") or "A clinician"
    return {"display": name}


def _answer(item: Item | None, value: Any) -> dict[str, Any]:
    kind = item.kind if item is not None else None
    if kind is ItemKind.YES_NO:
        return {"valueBoolean": bool(value)}
    if kind is ItemKind.CHOICE and item is not None:
        labels = {option.value: option.label for option in item.options}
        if value in labels:
            return {"valueCoding": {"code": str(value), "display": labels[value]}}
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, float):
        return {"valueDecimal": value}
    return {"valueString": str(value)}


def _items(instrument: Instrument | None, answers: dict[str, Any]) -> list[dict[str, Any]]:
    known = {item.code: item for item in instrument.items} if instrument else {}
    order = list(known) + sorted(code for code in answers if code not in known)
    found = []
    for code in order:
        value = answers.get(code)
        if value is None or value == "":
            continue
        item = known.get(code)
        entry: dict[str, Any] = {"linkId": code}
        if item is not None:
            entry["text"] = item.text
        entry["answer"] = [_answer(item, value)]
        found.append(entry)
    return found


def questionnaire_response(response: Response) -> Resource:
    instrument = INSTRUMENTS.get(response.instrument)
    resource: Resource = {
        "resourceType": "QuestionnaireResponse",
        "id": f"response-{response.pk}",
        "questionnaire": questionnaire_url(response),
        "status": "completed" if response.complete else "in-progress",
        "subject": patient_ref(response.owner_id),
        "authored": instant(response.created_at),
        "author": author(response),
    }
    items = _items(instrument, dict(response.answers or {}))
    if items:
        resource["item"] = items
    return resource
