"""Logged doses expressed in grams of the plan's product.

A plan counts grams of one product. Doses of that product count as logged. Doses of another
product are converted by mitragynine strength with ``equivalent_amount`` and marked
approximate: lab values vary between batches and leaf without a certificate uses a typical
value. When a strength is unknown the dose cannot be converted and is reported apart, never
silently added or dropped. Doses of a 7-OH product, or doses counted against a 7-OH plan
product, are never converted (``equivalence_refusal``): they are reported apart with the
reason. A dose logged without a product is counted as the plan's product, marked approximate
(assumption: people leave the product out for their usual one). A plan without a product counts
the grams of every dose as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from stepdown.core.potency import equivalence_refusal, equivalent_amount
from stepdown.journal.models import Dose, Product

_CENTIGRAM = Decimal("0.01")


@dataclass(frozen=True)
class Logged:
    """One day's doses counted against a plan.

    ``total_g`` is in grams of the plan's product. ``converted`` doses came from another
    product by strength; ``assumed`` doses had no product; ``unconvertible`` doses (of unknown
    strength, or millilitres with no product to convert into) are not in ``total_g``;
    ``refused`` doses are not in it either, because no equivalence with a 7-OH product exists.
    """

    total_g: Decimal = Decimal(0)
    dose_count: int = 0
    converted: int = 0
    assumed: int = 0
    unconvertible: int = 0
    refused: int = 0

    @property
    def approximate(self) -> bool:
        return bool(self.converted or self.assumed)


def _quantity(dose: Dose) -> Decimal | None:
    return dose.grams if dose.grams is not None else dose.millilitres


def logged_amounts(doses: Iterable[Dose], *, plan_product: Product | None) -> Logged:
    """Add up ``doses`` (with their products loaded) in grams of ``plan_product``."""
    total = Decimal(0)
    count = converted = assumed = unconvertible = refused = 0
    for dose in doses:
        count += 1
        if plan_product is None or dose.product_id == plan_product.pk:
            amount = dose.grams if plan_product is None else _quantity(dose)
            if amount is None:
                unconvertible += 1
            else:
                total += amount
            continue
        if dose.product is None:
            if dose.grams is None:
                unconvertible += 1
            else:
                total += dose.grams
                assumed += 1
            continue
        if equivalence_refusal(from_product=dose.product.spec, to_product=plan_product.spec):
            refused += 1
            continue
        quantity = _quantity(dose)
        equivalent = (
            None
            if quantity is None
            else equivalent_amount(
                amount=quantity, from_product=dose.product.spec, to_product=plan_product.spec
            )
        )
        if equivalent is None:
            unconvertible += 1
        else:
            total += equivalent
            converted += 1
    return Logged(
        total_g=total.quantize(_CENTIGRAM),
        dose_count=count,
        converted=converted,
        assumed=assumed,
        unconvertible=unconvertible,
        refused=refused,
    )
