"""Response schemas (``stepdown.schemas.Out``) are checked once, when a handler builds them."""

from __future__ import annotations

import datetime as dt

from stepdown.journal.schemas import DoseListOut, DoseOut
from stepdown.substances.schemas import InteractionOut


def _dose(pk: int) -> DoseOut:
    return DoseOut(
        id=pk,
        taken_at=dt.datetime(2026, 1, 1, 8, tzinfo=dt.UTC),
        amount=2.5,
        unit="g",
        grams=2.5,
        millilitres=None,
        product_id=None,
        product_name=None,
        purpose="",
        note="",
        mitragynine_mg=None,
        seven_oh_mg=None,
        mitragynine_estimated=False,
        client_id=None,
    )


def test_a_built_payload_is_used_as_it_is_inside_another() -> None:
    items = [_dose(1), _dose(2)]
    page = DoseListOut(items=items, count=2, limit=100, offset=0)
    assert page.items[0] is items[0]
    assert page.items[1] is items[1]


def test_a_payload_with_an_aliased_field_keeps_it_when_listed() -> None:
    # ninja's Schema would read a listed payload again by attribute and miss "class".
    interaction = InteractionOut.model_validate(
        {
            "class": "benzodiazepines",
            "label": "Benzodiazepines",
            "severity": "high",
            "mechanism": "m",
            "advice": "a",
            "evidence": "e",
            "basis": "observed",
            "sources": [],
        }
    )
    again = InteractionOut.model_validate(interaction)
    assert again is interaction
    assert again.model_dump(by_alias=True)["class"] == "benzodiazepines"
