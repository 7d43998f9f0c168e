"""Every Bundle the app produces must parse with fhir.resources (R4B) and with fhirclient's
strict R4 (4.0.1) models, and survive a round trip through both unchanged."""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.bundle import Bundle as R4BBundle
from fhirclient.models.bundle import Bundle as R4Bundle


def assert_valid_r4(bundle: dict[str, Any]) -> None:
    # fhir.resources: parse, dump, parse again; the dump is the Bundle as the app sent it.
    parsed = R4BBundle.model_validate(bundle)
    assert parsed.model_dump(mode="json") == bundle
    assert R4BBundle.model_validate(parsed.model_dump(mode="json")) == parsed
    # fhirclient, strict: an element R4 does not know (an R4B-only one) or a wrong type raises.
    strict = R4Bundle(bundle, strict=True)
    again = R4Bundle(strict.as_json(), strict=True)
    assert again.as_json() == strict.as_json()
    assert strict.as_json() == bundle
