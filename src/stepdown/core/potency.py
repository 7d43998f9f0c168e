"""From an amount of a product to grams of product and estimated milligrams of alkaloids.

Lab values on a product's certificate are used when present. Without them, leaf powder, leaf
capsules and leaf tea get an estimate from published leaf assays, clearly marked as an estimate
with its range; extracts, liquids and 7-OH products get no estimate, because their strength varies
too much to guess (see ``DEFAULT_LEAF``).

References:
    Tanna2022, Huestis2024 (assayed research leaf products), Prozialeck2020 (range across US
    products), KikuraHanajiri2009 (7-OH share of leaf products), Brown2025 and FDA2025SevenOH
    (concentrated 7-OH products), FDA2019Metals and CDC2018Salmonella (contaminants).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from stepdown.core.says import Says, Value
from stepdown.core.units import MG_PER_G, DoseUnit, round_to, to_decimal


class ProductForm(StrEnum):
    LEAF_POWDER = "leaf_powder"
    CAPSULES = "capsules"
    TEA = "tea"
    EXTRACT = "extract"
    SEVEN_OH = "seven_oh"
    OTHER = "other"


# The forms in words, in the order people are asked about them.
FORM_LABELS: Mapping[ProductForm, str] = {
    ProductForm.LEAF_POWDER: "Leaf powder",
    ProductForm.CAPSULES: "Capsules",
    ProductForm.TEA: "Tea",
    ProductForm.EXTRACT: "Extract",
    ProductForm.SEVEN_OH: "7-OH product",
    ProductForm.OTHER: "Other",
}
FORM_CHOICES = [(form.value, label) for form, label in FORM_LABELS.items()]


class LabResult(StrEnum):
    PASS = "pass"  # noqa: S105  (a test result, not a password)
    FAIL = "fail"
    UNKNOWN = "unknown"


class PotencyBasis(StrEnum):
    LAB = "lab"
    DEFAULT = "default"
    NONE = "none"


# The largest single dose Stepdown accepts, a plausibility guard against typing errors (e.g. 250
# instead of 2.50); assumption, chosen far above any reported use (Singh2014 reports ~276 mg
# mitragynine a day, i.e. well under 100 g of leaf).
MAX_DOSE_G = Decimal(500)
# For the same guard on liquids we take 1 ml ≈ 1 g (assumption: water-like density).
MAX_DOSE_ML = Decimal(500)
# Amounts are recorded to a thousandth of their unit (0.001 g is below any kitchen scale).
AMOUNT_STEP = Decimal("0.001")
_LARGEST_AMOUNT = Decimal(10) ** 9  # far beyond any limit; keeps rounding within precision

# A product switch that changes the estimated alkaloid dose by more than this share is flagged
# (assumption: 20 % matches the size of one fast taper step, Maudsley2024).
SWITCH_CHANGE_THRESHOLD = Decimal("0.20")


@dataclass(frozen=True)
class LeafDefault:
    """Assumed alkaloid content of leaf products without a lab certificate."""

    mitragynine_mg_per_g: Decimal
    mitragynine_range_mg_per_g: tuple[Decimal, Decimal]
    seven_oh_mg_per_g: Decimal
    seven_oh_range_mg_per_g: tuple[Decimal, Decimal]
    sources: tuple[str, ...]


# Mitragynine: the mean of the two assayed research leaf products (19.5 mg/g Tanna2022, 13.3 mg/g
# Huestis2024) is 16.4 mg/g; rounded to 16 (assumption). Range 3.9–62.1 mg/g across US products
# (Prozialeck2020). 7-OH: 0.01–0.04 % of product weight = 0.1–0.4 mg/g (KikuraHanajiri2009);
# midpoint 0.25 mg/g (assumption).
DEFAULT_LEAF = LeafDefault(
    mitragynine_mg_per_g=Decimal(16),
    mitragynine_range_mg_per_g=(Decimal("3.9"), Decimal("62.1")),
    seven_oh_mg_per_g=Decimal("0.25"),
    seven_oh_range_mg_per_g=(Decimal("0.1"), Decimal("0.4")),
    sources=("Tanna2022", "Huestis2024", "Prozialeck2020", "KikuraHanajiri2009"),
)

_LEAF_FORMS = frozenset({ProductForm.LEAF_POWDER, ProductForm.CAPSULES, ProductForm.TEA})


class DoseInputError(ValueError):
    """A dose that cannot be recorded; ``field`` names the input at fault. ``says`` is the refusal
    as a message and its values (``stepdown.core.says``); ``message`` its English sentence."""

    def __init__(
        self, field: str, template: str, values: Mapping[str, Value] | None = None
    ) -> None:
        self.says = Says(template, dict(values or {}))
        message = self.says.text
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class ProductSpec:
    """What the maths needs to know about a product."""

    form: ProductForm
    is_liquid: bool = False
    capsule_weight_g: Decimal | None = None
    mitragynine_mg_per_unit: Decimal | None = None
    seven_oh_mg_per_unit: Decimal | None = None
    heavy_metals: LabResult = LabResult.UNKNOWN
    microbial: LabResult = LabResult.UNKNOWN


@dataclass(frozen=True)
class Potency:
    """Alkaloid content per gram (per millilitre for liquids) and where it comes from."""

    mitragynine_mg_per_unit: Decimal | None
    seven_oh_mg_per_unit: Decimal | None
    basis: PotencyBasis
    mitragynine_range_mg_per_unit: tuple[Decimal, Decimal] | None = None
    sources: tuple[str, ...] = ()

    @property
    def estimated(self) -> bool:
        return self.basis is not PotencyBasis.LAB


def potency_of(product: ProductSpec) -> Potency:
    """Lab values when known; the leaf default for leaf forms; otherwise nothing."""
    if product.mitragynine_mg_per_unit is not None:
        return Potency(
            mitragynine_mg_per_unit=product.mitragynine_mg_per_unit,
            seven_oh_mg_per_unit=product.seven_oh_mg_per_unit,
            basis=PotencyBasis.LAB,
        )
    if product.form in _LEAF_FORMS and not product.is_liquid:
        return Potency(
            mitragynine_mg_per_unit=DEFAULT_LEAF.mitragynine_mg_per_g,
            # A lab value of 0 is a measurement, not a missing one.
            seven_oh_mg_per_unit=(
                DEFAULT_LEAF.seven_oh_mg_per_g
                if product.seven_oh_mg_per_unit is None
                else product.seven_oh_mg_per_unit
            ),
            basis=PotencyBasis.DEFAULT,
            mitragynine_range_mg_per_unit=DEFAULT_LEAF.mitragynine_range_mg_per_g,
            sources=DEFAULT_LEAF.sources,
        )
    return Potency(
        mitragynine_mg_per_unit=None,
        seven_oh_mg_per_unit=product.seven_oh_mg_per_unit,
        basis=PotencyBasis.NONE,
    )


@dataclass(frozen=True)
class DoseEstimate:
    """A dose converted to product quantity and estimated alkaloids."""

    amount: Decimal
    grams: Decimal | None
    millilitres: Decimal | None
    mitragynine_mg: Decimal | None
    seven_oh_mg: Decimal | None
    mitragynine_estimated: bool


def _product_quantity(
    amount: Decimal, unit: DoseUnit, product: ProductSpec | None
) -> tuple[Decimal | None, Decimal | None]:
    """(grams, millilitres) of product for ``amount`` in ``unit``."""
    if unit is DoseUnit.MILLILITRE:
        if product is None or not product.is_liquid:
            raise DoseInputError("unit", "Millilitres need a liquid product; choose one or use g.")
        return None, amount
    if product is not None and product.is_liquid:
        raise DoseInputError("unit", "This product is a liquid: enter the amount in ml.")
    if unit is DoseUnit.GRAM:
        return amount, None
    if unit is DoseUnit.MILLIGRAM:
        return amount / MG_PER_G, None
    if product is None or product.capsule_weight_g is None:
        raise DoseInputError(
            "unit", "Capsules need a product with a capsule weight; add it to the product."
        )
    return amount * product.capsule_weight_g, None


def estimate_dose(
    *, amount: Decimal | float | str, unit: DoseUnit | str, product: ProductSpec | None
) -> DoseEstimate:
    """Validate a dose and estimate its alkaloid content.

    Raises:
        DoseInputError: the amount is not positive or above the plausibility limit, the unit is
            unknown, or the unit does not fit the product.
    """
    try:
        amount = to_decimal(amount)
    except ArithmeticError:
        raise DoseInputError("amount", "Enter the amount as a number, for example 2.5.") from None
    if not amount.is_finite() or amount <= 0:
        raise DoseInputError("amount", "The amount must be greater than zero.")
    if amount > _LARGEST_AMOUNT:
        raise DoseInputError("amount", "This amount is far too large for one dose.")
    amount = round_to(amount, AMOUNT_STEP)
    if amount == 0:
        raise DoseInputError(
            "amount", "The amount must be at least %(least)s.", {"least": AMOUNT_STEP}
        )
    try:
        unit = DoseUnit(unit)
    except ValueError:
        allowed = ", ".join(u.value for u in DoseUnit)
        raise DoseInputError(
            "unit",
            "Unknown unit %(unit)s; use one of %(allowed)s.",
            {"unit": repr(unit), "allowed": allowed},
        ) from None
    grams, millilitres = _product_quantity(amount, unit, product)
    if grams is not None and grams > MAX_DOSE_G:
        raise DoseInputError(
            "amount", "A single dose can be at most %(most)s g.", {"most": MAX_DOSE_G}
        )
    if millilitres is not None and millilitres > MAX_DOSE_ML:
        raise DoseInputError(
            "amount", "A single dose can be at most %(most)s ml.", {"most": MAX_DOSE_ML}
        )
    if product is None:
        return DoseEstimate(amount, grams, millilitres, None, None, mitragynine_estimated=False)
    potency = potency_of(product)
    quantity = grams if grams is not None else millilitres
    assert quantity is not None  # one of the two is always set
    mitragynine = _times(quantity, potency.mitragynine_mg_per_unit, Decimal("0.1"))
    seven_oh = _times(quantity, potency.seven_oh_mg_per_unit, Decimal("0.01"))
    return DoseEstimate(
        amount=amount,
        grams=grams,
        millilitres=millilitres,
        mitragynine_mg=mitragynine,
        seven_oh_mg=seven_oh,
        mitragynine_estimated=mitragynine is not None and potency.estimated,
    )


def _times(quantity: Decimal, per_unit: Decimal | None, step: Decimal) -> Decimal | None:
    return None if per_unit is None else round_to(quantity * per_unit, step)


# A product whose 7-OH is above this share of its mitragynine is not leaf-like. Leaf products
# carry 0.01–0.04 % 7-OH against 1–6 % mitragynine, at most 4 % of it (KikuraHanajiri2009);
# "7-OH" products carry 22–75 mg/g 7-OH against 2–6 mg/g mitragynine (Brown2025). The margin
# above 4 % is an assumption.
SEVEN_OH_SHARE_MAX = Decimal("0.05")
# Without a mitragynine value, 7-OH above the top of the leaf range (0.4 mg/g,
# KikuraHanajiri2009) marks the same.
SEVEN_OH_LEAF_MAX_MG_PER_G = DEFAULT_LEAF.seven_oh_range_mg_per_g[1]

NO_EQUIVALENCE_7OH = (
    "Stepdown does not convert between 7-OH products and kratom leaf: 7-OH acts on the opioid "
    "receptor far more strongly than its weight suggests, and gram or milligram comparisons "
    "can be badly wrong. A switch to or from a 7-OH product is a question for a clinician."
)


def is_seven_oh_enhanced(product: ProductSpec) -> bool:
    """A 7-OH product, or one whose 7-OH share is far above leaf (Lydecker2016, Brown2025)."""
    if product.form is ProductForm.SEVEN_OH:
        return True
    seven_oh, mitragynine = product.seven_oh_mg_per_unit, product.mitragynine_mg_per_unit
    if seven_oh is None:
        return False
    if mitragynine is None or mitragynine == 0:
        return seven_oh > SEVEN_OH_LEAF_MAX_MG_PER_G
    return seven_oh > SEVEN_OH_SHARE_MAX * mitragynine


def equivalence_refusal(*, from_product: ProductSpec, to_product: ProductSpec) -> str | None:
    """Why no amount of ``to_product`` can stand for ``from_product`` (``None`` when it can).

    Equivalence is by mitragynine, which says nothing about a 7-OH product's strength at the
    receptor (Brown2025, FDA2025SevenOH), so any pair involving one is refused.
    """
    if is_seven_oh_enhanced(from_product) or is_seven_oh_enhanced(to_product):
        return NO_EQUIVALENCE_7OH
    return None


def equivalent_amount(
    *, amount: Decimal, from_product: ProductSpec, to_product: ProductSpec
) -> Decimal | None:
    """How much of ``to_product`` carries the mitragynine of ``amount`` of ``from_product``.

    ``None`` when either strength is unknown or zero, or when :func:`equivalence_refusal`
    refuses the pair (a 7-OH product is involved).
    """
    if equivalence_refusal(from_product=from_product, to_product=to_product) is not None:
        return None
    from_strength = potency_of(from_product).mitragynine_mg_per_unit
    to_strength = potency_of(to_product).mitragynine_mg_per_unit
    if from_strength is None or to_strength is None or from_strength == 0 or to_strength == 0:
        return None
    return amount * from_strength / to_strength


def switch_change(*, from_product: ProductSpec, to_product: ProductSpec) -> Decimal | None:
    """Relative change in alkaloids for the same amount after a switch (0.25 = 25 % more)."""
    same_amount = Decimal(1)
    equivalent = equivalent_amount(
        amount=same_amount, from_product=from_product, to_product=to_product
    )
    if equivalent is None:
        return None
    # ``equivalent`` grams of the new product match 1 g of the old, so 1 g of the new one carries
    # 1/equivalent times the old alkaloid dose.
    return same_amount / equivalent - 1


@dataclass(frozen=True)
class ProductFlag:
    """A visible warning about a product, with a one-line reason and its source."""

    code: str
    message: str
    source: str


def product_flags(product: ProductSpec) -> tuple[ProductFlag, ...]:
    """Warnings to show beside a product."""
    flags: list[ProductFlag] = []
    if product.form is ProductForm.SEVEN_OH:
        flags.append(
            ProductFlag(
                "seven_oh_product",
                "Concentrated 7-OH product: far stronger at the opioid receptor than leaf; the FDA "
                "recommended scheduling these products in July 2025.",
                "FDA2025SevenOH",
            )
        )
    if LabResult.FAIL in (product.heavy_metals, product.microbial):
        failed = [
            name
            for name, result in (
                ("heavy metals", product.heavy_metals),
                ("microbes", product.microbial),
            )
            if result is LabResult.FAIL
        ]
        flags.append(
            ProductFlag(
                "failed_contaminant",
                f"Failed the lab test for {' and '.join(failed)}; consider a tested product.",
                "FDA2019Metals" if product.heavy_metals is LabResult.FAIL else "CDC2018Salmonella",
            )
        )
    return tuple(flags)


def switch_flag(*, from_product: ProductSpec, to_product: ProductSpec) -> ProductFlag | None:
    """A flag when switching products changes the alkaloid dose by more than 20 % at equal grams,
    or when the switch involves a 7-OH product (no equivalence; see a clinician)."""
    refusal = equivalence_refusal(from_product=from_product, to_product=to_product)
    if refusal is not None:
        return ProductFlag("no_equivalence", refusal, "Brown2025")
    change = switch_change(from_product=from_product, to_product=to_product)
    if change is None or abs(change) <= SWITCH_CHANGE_THRESHOLD:
        return None
    direction = "stronger" if change > 0 else "weaker"
    percent = round_to(abs(change) * 100, Decimal(1))
    return ProductFlag(
        "potency_jump" if change > 0 else "potency_drop",
        f"Gram for gram this product is about {percent} % {direction} than your last one.",
        "Prozialeck2020",
    )
