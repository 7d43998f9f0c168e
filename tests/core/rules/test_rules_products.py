"""``potency_jump``, ``seven_oh_product`` and ``failed_contaminant``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from stepdown.core.potency import LabResult, ProductForm
from stepdown.core.rules import (
    ProductSwitch,
    ProductView,
    failed_contaminant,
    potency_jump,
    seven_oh_product,
)

DAY = date(2025, 6, 2)


def switch(change: str | None, **extra: Decimal) -> ProductSwitch:
    return ProductSwitch(
        day=DAY,
        to_product_id="p2",
        to_name="Green Maeng Da",
        change=None if change is None else Decimal(change),
        **extra,
    )


def test_exactly_20_percent_stronger_is_not_a_jump() -> None:
    assert potency_jump(switches=[switch("0.20")]) == ()


def test_just_over_20_percent_stronger_is_a_jump() -> None:
    (alert,) = potency_jump(switches=[switch("0.21")])
    assert alert.cause_key == "switch:2025-06-02:p2"
    assert "21 %" in alert.explanation


@pytest.mark.parametrize("change", ["-0.5", "0", None])
def test_weaker_same_or_unknown_strength_says_nothing(change: str | None) -> None:
    # Never nudge anyone towards taking more of a weaker product.
    assert potency_jump(switches=[switch(change)]) == ()


def test_the_matching_amount_is_rounded_down_to_the_scale() -> None:
    # Old 16 mg/g, new 22 mg/g: change 22/16 − 1 = 0.375; 4 g × 16/22 = 2.909 g → 2.9 g.
    alert = potency_jump(
        switches=[
            switch("0.375", usual_dose_g=Decimal(4), equivalent_g=Decimal(4) * 16 / 22),
        ]
    )[0]
    assert "2.9 g" in alert.explanation
    assert "4 g" in alert.explanation
    assert "2.9 g" in alert.action


def test_seven_oh_products_raise_an_alert_and_leaf_does_not() -> None:
    products = [
        ProductView(product_id="a", name="Leaf", form=ProductForm.LEAF_POWDER),
        ProductView(product_id="b", name="7-OH tabs", form=ProductForm.SEVEN_OH),
    ]
    (alert,) = seven_oh_product(products=products)
    assert (alert.cause_key, alert.severity.value) == ("product:b", "high")


def test_failed_heavy_metals_cites_the_fda_metals_results() -> None:
    product = ProductView(
        product_id="c", name="Bulk red", form=ProductForm.LEAF_POWDER, heavy_metals=LabResult.FAIL
    )
    (alert,) = failed_contaminant(products=[product])
    assert alert.source == "FDA2019Metals"
    assert "heavy metals" in alert.explanation


def test_failed_microbial_test_cites_the_salmonella_outbreak() -> None:
    product = ProductView(
        product_id="c", name="Bulk red", form=ProductForm.LEAF_POWDER, microbial=LabResult.FAIL
    )
    (alert,) = failed_contaminant(products=[product])
    assert alert.source == "CDC2018Salmonella"


def test_unknown_or_passed_tests_raise_nothing() -> None:
    products = [
        ProductView(product_id="d", name="Untested", form=ProductForm.CAPSULES),
        ProductView(
            product_id="e",
            name="Tested",
            form=ProductForm.CAPSULES,
            heavy_metals=LabResult.PASS,
            microbial=LabResult.PASS,
        ),
    ]
    assert failed_contaminant(products=products) == ()
