"""Resource ids and the references between resources of one Bundle.

Ids are the record's kind and primary key (``dose-12``), so the same record gets the same id in
every export. Inside the Bundle each resource is addressed by a ``urn:uuid`` derived from the
person, its type and its id (FHIR asks an absolute ``fullUrl``; Stepdown serves no resource
URLs of its own), and references use that address.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

# Any fixed UUID: the namespace of the addresses below.
_NAMESPACE = uuid.UUID("6f1d1c1e-8a55-4c43-9a0e-5b0f3c2d7e21")

Resource = dict[str, Any]


def full_url(person_id: int, resource_type: str, resource_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{person_id}/{resource_type}/{resource_id}')}"


def ref(person_id: int, resource_type: str, resource_id: str) -> dict[str, str]:
    return {"reference": full_url(person_id, resource_type, resource_id)}


def patient_ref(person_id: int) -> dict[str, str]:
    return ref(person_id, "Patient", str(person_id))


def ref_to(person_id: int, resource: Resource) -> dict[str, str]:
    return ref(person_id, resource["resourceType"], resource["id"])


def instant(moment: dt.datetime) -> str:
    """An aware datetime as a FHIR instant, in UTC (``...Z``), as the FHIR models write it."""
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def number(value: Decimal) -> int | float:
    """A FHIR decimal as JSON has it: whole numbers as ints, the rest as floats."""
    return int(value) if value == value.to_integral_value() else float(value)
