"""Potency: grams of product and estimated alkaloids from amounts, units and lab values."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.potency import (
    DEFAULT_LEAF,
    DoseInputError,
    LabResult,
    PotencyBasis,
    ProductForm,
    ProductSpec,
    equivalence_refusal,
    equivalent_amount,
    estimate_dose,
    potency_of,
    product_flags,
    switch_change,
    switch_flag,
)

LAB_LEAF = ProductSpec(
    form=ProductForm.LEAF_POWDER,
    mitragynine_mg_per_unit=Decimal("15.2"),
    seven_oh_mg_per_unit=Decimal("0.21"),
)
PLAIN_LEAF = ProductSpec(form=ProductForm.LEAF_POWDER)
CAPSULES = ProductSpec(form=ProductForm.CAPSULES, capsule_weight_g=Decimal("0.5"))
EXTRACT = ProductSpec(form=ProductForm.EXTRACT)
LIQUID = ProductSpec(
    form=ProductForm.EXTRACT, is_liquid=True, mitragynine_mg_per_unit=Decimal("20")
)


def test_lab_values_give_an_exact_figure() -> None:
    # 2.5 g × 15.2 mg/g = 38.0 mg; 2.5 g × 0.21 mg/g = 0.525 → 0.52 (to 0.01, ties to even)
    dose = estimate_dose(amount="2.5", unit="g", product=LAB_LEAF)
    assert dose.grams == Decimal("2.5")
    assert dose.mitragynine_mg == Decimal("38.0")
    assert dose.seven_oh_mg == Decimal("0.52")
    assert dose.mitragynine_estimated is False


def test_leaf_without_lab_values_gets_the_marked_default_estimate() -> None:
    # 3 g × 16 mg/g (the documented default) = 48 mg, flagged as an estimate
    dose = estimate_dose(amount=3, unit="g", product=PLAIN_LEAF)
    assert dose.mitragynine_mg == Decimal(48)
    assert dose.mitragynine_estimated is True
    potency = potency_of(PLAIN_LEAF)
    assert potency.basis is PotencyBasis.DEFAULT
    assert potency.mitragynine_range_mg_per_unit == (Decimal("3.9"), Decimal("62.1"))
    assert "Prozialeck2020" in potency.sources


def test_default_lies_inside_its_published_range() -> None:
    low, high = DEFAULT_LEAF.mitragynine_range_mg_per_g
    assert low <= DEFAULT_LEAF.mitragynine_mg_per_g <= high


def test_extract_without_lab_values_gets_no_estimate() -> None:
    dose = estimate_dose(amount=1, unit="g", product=EXTRACT)
    assert dose.grams == Decimal(1)
    assert dose.mitragynine_mg is None
    assert dose.mitragynine_estimated is False
    assert potency_of(EXTRACT).basis is PotencyBasis.NONE


def test_capsules_convert_through_the_capsule_weight() -> None:
    # 4 capsules × 0.5 g = 2 g; 2 g × 16 mg/g default = 32 mg
    dose = estimate_dose(amount=4, unit="capsule", product=CAPSULES)
    assert dose.grams == Decimal("2.0")
    assert dose.mitragynine_mg == Decimal(32)


def test_milligrams_convert_to_grams() -> None:
    dose = estimate_dose(amount=1500, unit="mg", product=LAB_LEAF)
    # 1500 mg = 1.5 g; 1.5 × 15.2 = 22.8 mg
    assert dose.grams == Decimal("1.5")
    assert dose.mitragynine_mg == Decimal("22.8")


def test_liquid_is_measured_in_millilitres() -> None:
    dose = estimate_dose(amount=5, unit="ml", product=LIQUID)
    # 5 ml × 20 mg/ml = 100 mg, no grams for a liquid
    assert dose.grams is None
    assert dose.millilitres == Decimal(5)
    assert dose.mitragynine_mg == Decimal(100)


@pytest.mark.parametrize(
    ("amount", "unit", "product", "field"),
    [
        (0, "g", LAB_LEAF, "amount"),
        (-1, "g", LAB_LEAF, "amount"),
        ("501", "g", LAB_LEAF, "amount"),
        ("500001", "mg", LAB_LEAF, "amount"),
        (1001, "capsule", CAPSULES, "amount"),  # 1001 × 0.5 g = 500.5 g
        ("abc", "g", LAB_LEAF, "amount"),
        ("NaN", "g", LAB_LEAF, "amount"),
        (1, "kg", LAB_LEAF, "unit"),
        (2, "capsule", PLAIN_LEAF, "unit"),
        (2, "capsule", None, "unit"),
        (2, "ml", PLAIN_LEAF, "unit"),
        (2, "g", LIQUID, "unit"),
        (501, "ml", LIQUID, "amount"),
    ],
)
def test_bad_doses_are_rejected_with_the_field(
    amount: object, unit: str, product: ProductSpec | None, field: str
) -> None:
    with pytest.raises(DoseInputError) as caught:
        estimate_dose(amount=amount, unit=unit, product=product)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_the_limit_itself_is_allowed() -> None:
    assert estimate_dose(amount=500, unit="g", product=None).grams == Decimal(500)
    assert estimate_dose(amount=1000, unit="capsule", product=CAPSULES).grams == Decimal(500)


@settings(max_examples=300)
@given(
    grams=st.decimals(min_value=Decimal("0.001"), max_value=Decimal(500), places=3),
    per_g=st.decimals(min_value=Decimal(0), max_value=Decimal(300), places=2),
)
def test_mitragynine_is_grams_times_strength_to_a_tenth(grams: Decimal, per_g: Decimal) -> None:
    product = ProductSpec(form=ProductForm.LEAF_POWDER, mitragynine_mg_per_unit=per_g)
    dose = estimate_dose(amount=grams, unit="g", product=product)
    assert dose.mitragynine_mg is not None
    assert abs(dose.mitragynine_mg - grams * per_g) <= Decimal("0.05")


@settings(max_examples=300)
@given(milligrams=st.integers(min_value=1, max_value=500_000))
def test_milligrams_and_grams_agree(milligrams: int) -> None:
    in_mg = estimate_dose(amount=milligrams, unit="mg", product=LAB_LEAF)
    in_g = estimate_dose(amount=Decimal(milligrams) / 1000, unit="g", product=LAB_LEAF)
    assert in_mg.grams == in_g.grams
    assert in_mg.mitragynine_mg == in_g.mitragynine_mg


def test_equivalent_amount_matches_alkaloids() -> None:
    stronger = ProductSpec(form=ProductForm.LEAF_POWDER, mitragynine_mg_per_unit=Decimal(20))
    weaker = ProductSpec(form=ProductForm.LEAF_POWDER, mitragynine_mg_per_unit=Decimal(10))
    # 3 g at 20 mg/g = 60 mg = 6 g at 10 mg/g
    assert equivalent_amount(amount=Decimal(3), from_product=stronger, to_product=weaker) == 6


def test_equivalent_amount_is_unknown_without_strengths() -> None:
    assert equivalent_amount(amount=Decimal(3), from_product=LAB_LEAF, to_product=EXTRACT) is None


@pytest.mark.parametrize(
    "other",
    [
        # A 7-OH tablet (Brown2025: 22–75 mg/g 7-OH): the old code gave 0.21/42 = 0.005 g.
        ProductSpec(form=ProductForm.SEVEN_OH, seven_oh_mg_per_unit=Decimal(42)),
        ProductSpec(
            form=ProductForm.SEVEN_OH,
            mitragynine_mg_per_unit=Decimal(4),
            seven_oh_mg_per_unit=Decimal(40),
        ),
        # Sold as "extract" but 7-OH at 10 % of mitragynine: above leaf's 4 % at most
        # (0.04 % against 1 %, KikuraHanajiri2009).
        ProductSpec(
            form=ProductForm.EXTRACT,
            mitragynine_mg_per_unit=Decimal(100),
            seven_oh_mg_per_unit=Decimal(10),
        ),
        # No mitragynine value, 7-OH above leaf's 0.4 mg/g.
        ProductSpec(form=ProductForm.OTHER, seven_oh_mg_per_unit=Decimal(1)),
    ],
)
def test_no_equivalence_with_a_seven_oh_product_either_way(other: ProductSpec) -> None:
    assert equivalence_refusal(from_product=LAB_LEAF, to_product=other) is not None
    assert equivalent_amount(amount=Decimal(1), from_product=LAB_LEAF, to_product=other) is None
    assert equivalent_amount(amount=Decimal(1), from_product=other, to_product=LAB_LEAF) is None
    assert switch_change(from_product=other, to_product=LAB_LEAF) is None
    flag = switch_flag(from_product=LAB_LEAF, to_product=other)
    assert flag is not None
    assert flag.code == "no_equivalence"
    assert "clinician" in flag.message


def test_leaf_with_a_leaf_like_seven_oh_share_still_converts() -> None:
    # 0.6 mg/g 7-OH against 20 mg/g mitragynine is 3 %, within leaf's range.
    leaf = ProductSpec(
        form=ProductForm.LEAF_POWDER,
        mitragynine_mg_per_unit=Decimal(20),
        seven_oh_mg_per_unit=Decimal("0.6"),
    )
    assert equivalence_refusal(from_product=LAB_LEAF, to_product=leaf) is None
    assert equivalent_amount(amount=Decimal(1), from_product=leaf, to_product=LAB_LEAF) == (
        Decimal(20) / Decimal("15.2")
    )


def test_a_seven_oh_lab_value_of_zero_is_kept_not_replaced_by_the_default() -> None:
    # Leaf without a mitragynine certificate but with 7-OH measured at 0: the estimate keeps 0,
    # the old code replaced it with the 0.25 mg/g default.
    leaf = ProductSpec(form=ProductForm.LEAF_POWDER, seven_oh_mg_per_unit=Decimal(0))
    assert potency_of(leaf).seven_oh_mg_per_unit == 0
    dose = estimate_dose(amount=Decimal(4), unit="g", product=leaf)
    assert dose.seven_oh_mg == 0


def test_switch_over_twenty_percent_is_flagged_with_its_size() -> None:
    # 15.2 → 19 mg/g is +25 %
    new = ProductSpec(form=ProductForm.LEAF_POWDER, mitragynine_mg_per_unit=Decimal(19))
    flag = switch_flag(from_product=LAB_LEAF, to_product=new)
    assert flag is not None
    assert flag.code == "potency_jump"
    assert "25 %" in flag.message


def test_switch_of_exactly_twenty_percent_is_not_flagged() -> None:
    old = ProductSpec(form=ProductForm.LEAF_POWDER, mitragynine_mg_per_unit=Decimal(10))
    new = ProductSpec(form=ProductForm.LEAF_POWDER, mitragynine_mg_per_unit=Decimal(12))
    assert switch_flag(from_product=old, to_product=new) is None
    newer = ProductSpec(form=ProductForm.LEAF_POWDER, mitragynine_mg_per_unit=Decimal("12.1"))
    assert switch_flag(from_product=old, to_product=newer) is not None


def test_a_weaker_product_is_flagged_as_a_drop() -> None:
    old = ProductSpec(form=ProductForm.LEAF_POWDER, mitragynine_mg_per_unit=Decimal(20))
    new = ProductSpec(form=ProductForm.LEAF_POWDER, mitragynine_mg_per_unit=Decimal(10))
    flag = switch_flag(from_product=old, to_product=new)
    assert flag is not None
    assert flag.code == "potency_drop"
    assert "50 %" in flag.message


def test_seven_oh_and_failed_tests_raise_flags_with_sources() -> None:
    risky = ProductSpec(form=ProductForm.SEVEN_OH, heavy_metals=LabResult.FAIL)
    codes = {flag.code: flag.source for flag in product_flags(risky)}
    assert codes == {"seven_oh_product": "FDA2025SevenOH", "failed_contaminant": "FDA2019Metals"}
    assert product_flags(LAB_LEAF) == ()


def test_amounts_are_recorded_to_a_thousandth() -> None:
    # 2.0004 g rounds to 2.000 g; 0.0004 g would round to nothing and is refused
    assert estimate_dose(amount="2.0004", unit="g", product=None).amount == Decimal("2.000")
    with pytest.raises(DoseInputError, match=r"at least 0\.001"):
        estimate_dose(amount="0.0004", unit="g", product=None)
    with pytest.raises(DoseInputError, match="far too large"):
        estimate_dose(amount="1e30", unit="g", product=None)
