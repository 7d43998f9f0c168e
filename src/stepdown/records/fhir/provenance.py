"""Provenance: who wrote what. The person wrote everything in the record but the responses a
clinician rated (COWS); each of those has a Provenance naming its rater. Stepdown assembled the
Bundle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from stepdown.records.fhir import codes
from stepdown.records.fhir.refs import Resource, instant, patient_ref, ref_to

ASSEMBLER = {"display": "Stepdown"}


def _agent(kind: str, display: str, who: dict[str, str]) -> dict[str, object]:
    return {"type": codes.concept(codes.PROVENANCE_AGENT, kind, display), "who": who}


def person_provenance(person_id: int, targets: Sequence[Resource], now: dt.datetime) -> Resource:
    """What the person entered (``targets``, the Patient first), assembled by Stepdown."""
    return {
        "resourceType": "Provenance",
        "id": "provenance-person",
        "target": [ref_to(person_id, resource) for resource in targets],
        "recorded": instant(now),
        "agent": [
            _agent("author", "Author", patient_ref(person_id)),
            _agent("assembler", "Assembler", ASSEMBLER),
        ],
    }


def rated_provenance(
    person_id: int, response_id: int, targets: Sequence[Resource], rater: dict[str, str],
    recorded: dt.datetime,
) -> Resource:  # fmt: skip
    """A response a clinician rated, and the Observations derived from it."""
    return {
        "resourceType": "Provenance",
        "id": f"provenance-response-{response_id}",
        "target": [ref_to(person_id, resource) for resource in targets],
        "recorded": instant(recorded),
        "agent": [_agent("author", "Author", rater), _agent("assembler", "Assembler", ASSEMBLER)],
    }
