"""Observations of the scores a clinician looks for: PHQ-9 total and item 9, GAD-7 total
(LOINC), COWS total, the withdrawal diary total and craving (Stepdown's own codes, as LOINC has
none for them). Each is derived from its QuestionnaireResponse; an unfinished response gives
only its item 9 answer, marked preliminary (a self-harm answer is never left out)."""

from __future__ import annotations

from typing import Any

from stepdown.checkins.models import Response
from stepdown.records.fhir import codes
from stepdown.records.fhir.questionnaires import author
from stepdown.records.fhir.refs import Resource, instant, patient_ref, ref_to

_SURVEY = [codes.concept(codes.OBSERVATION_CATEGORY, "survey", "Survey")]
_LOINC_TOTALS = {
    "phq9": (
        "phq9-total",
        codes.PHQ9_TOTAL,
        "Patient Health Questionnaire 9 item (PHQ-9) total score",
    ),
    "gad7": (
        "gad7-total",
        codes.GAD7_TOTAL,
        "Generalized anxiety disorder 7 item (GAD-7) total score",
    ),
}
_LOCAL_TOTALS = {
    "cows": ("cows-total", codes.COWS_TOTAL),
    "withdrawal": ("withdrawal-total", codes.WITHDRAWAL_TOTAL),
    "craving": ("craving", codes.CRAVING),
}
# The daily check-in's subscores that are the same measures as the stand-alone instruments.
_DAILY_SUBSCORES = {
    "withdrawal": ("withdrawal-total", codes.WITHDRAWAL_TOTAL),
    "craving": ("craving", codes.CRAVING),
}


def _value(value: int | float) -> dict[str, Any]:
    if isinstance(value, int) and not isinstance(value, bool):
        return {"valueInteger": value}
    score = {"value": value, "unit": "{score}", "system": codes.UCUM, "code": "{score}"}
    return {"valueQuantity": score}


def _observation(
    response: Response,
    source: Resource,
    suffix: str,
    code: dict[str, Any],
    value: dict[str, Any],
    *,
    final: bool = True,
) -> Resource:
    resource: Resource = {
        "resourceType": "Observation",
        "id": f"response-{response.pk}-{suffix}",
        "status": "final" if final else "preliminary",
        "category": _SURVEY,
        "code": code,
        "subject": patient_ref(response.owner_id),
        "effectiveDateTime": response.local_date.isoformat(),
        "issued": instant(response.created_at),
        **value,
        "derivedFrom": [ref_to(response.owner_id, source)],
    }
    if response.entered_by_id is not None:
        resource["performer"] = [author(response)]
    return resource


def _item9(response: Response, source: Resource) -> Resource | None:
    answer = (response.answers or {}).get("q9")
    if answer not in codes.PHQ_FREQUENCY:
        return None
    answer_code, display = codes.PHQ_FREQUENCY[answer]
    code = codes.concept(
        codes.LOINC,
        codes.PHQ9_ITEM9,
        "Thoughts that you would be better off dead, or of hurting yourself in some way",
    )
    value = {"valueCodeableConcept": codes.concept(codes.LOINC, answer_code, display)}
    return _observation(response, source, "phq9-item9", code, value, final=response.complete)


def observations(response: Response, source: Resource) -> list[Resource]:
    """The Observations derived from one response (``source`` is its QuestionnaireResponse)."""
    found: list[Resource] = []
    instrument = response.instrument
    if instrument == "phq9":
        item9 = _item9(response, source)
        if item9 is not None:
            found.append(item9)
    if not response.complete or response.total is None:
        return found
    if instrument in _LOINC_TOTALS:
        suffix, code, display = _LOINC_TOTALS[instrument]
        concept = codes.concept(codes.LOINC, code, display)
        found.insert(0, _observation(response, source, suffix, concept, _value(response.total)))
    elif instrument in _LOCAL_TOTALS:
        suffix, (code, display) = _LOCAL_TOTALS[instrument]
        concept = codes.concept(codes.LOCAL_CODES, code, display)
        found.append(_observation(response, source, suffix, concept, _value(response.total)))
    elif instrument == "daily":
        for subscore, (suffix, (code, display)) in _DAILY_SUBSCORES.items():
            value = (response.subscores or {}).get(subscore)
            if value is None:
                continue
            concept = codes.concept(codes.LOCAL_CODES, code, display)
            found.append(_observation(response, source, suffix, concept, _value(value)))
    return found
