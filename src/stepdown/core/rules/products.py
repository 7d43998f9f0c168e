"""Product rules: ``potency_jump``, ``seven_oh_product`` and ``failed_contaminant``.

The potency numbers come from :mod:`stepdown.core.potency` (the caller computes the switch
change); this module only decides when to speak and what to say. A switch to a *weaker* product
raises nothing: Stepdown never prompts anyone to take more.

References:
    Prozialeck2020 (mitragynine 3.9–62.1 mg/g across US products: the same grams can carry very
    different doses); Brown2025 and FDA2025SevenOH (concentrated, semi-synthetic 7-OH products);
    FDA2019Metals (lead and nickel above safe daily exposure for heavy long-term users);
    CDC2018Salmonella (199 people ill in a contamination outbreak). The 20 % switch threshold is
    the potency module's (``SWITCH_CHANGE_THRESHOLD``, an assumption).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from stepdown.core.potency import SWITCH_CHANGE_THRESHOLD, LabResult, ProductForm
from stepdown.core.rules.alert import Alert, Severity, notice
from stepdown.core.rules.inputs import ProductSwitch, ProductView
from stepdown.core.rules.learn import LearnSlug
from stepdown.core.says import Grams, Percent, Says, Value, Words
from stepdown.core.units import round_down_to

# Equivalent amounts are rounded *down* to what a 0.1 g scale shows, never up.
SCALE_STEP_G = Decimal("0.1")

STRONGER = (
    "Your new product is stronger",
    "Gram for gram, %(product)s is estimated to carry about %(rise)s more alkaloid than the "
    "product you used before.",
    "About %(matching)s of it matches your usual %(usual)s.",
    "Weigh out the matching amount (%(matching)s) rather than your usual.",
    "Start with a smaller amount than usual until you know how it affects you.",
)
SEVEN_OH = (
    "A concentrated 7-OH product",
    "%(product)s is a 7-OH product. Lab tests of such products found many times more "
    "7-hydroxymitragynine than leaf ever holds, made by processing rather than grown, and in "
    "2025 the FDA recommended scheduling them.",
    "Talk to a clinician about a safe way to move away from 7-OH products.",
)
FAILED = (
    "A product failed its contaminant test",
    "%(product)s failed its lab test for %(failed)s.",
    "Metals such as lead and nickel build up with long, heavy use.",
    "Kratom carrying germs has made many people ill.",
    "Consider setting this batch aside and using one with a clean lab result.",
)
MESSAGES: dict[str, tuple[str, ...]] = {
    "potency_jump": STRONGER,
    "seven_oh_product": SEVEN_OH,
    "failed_contaminant": FAILED,
}
WORDS = ("heavy metals", "microbes")


def potency_jump(*, switches: Iterable[ProductSwitch]) -> tuple[Alert, ...]:
    """One alert per switch that raises the estimated alkaloid dose by more than 20 %."""
    alerts = []
    for switch in switches:
        if switch.change is None or switch.change <= SWITCH_CHANGE_THRESHOLD:
            continue
        explanation = [
            Says(STRONGER[1], {"product": switch.to_name, "rise": Percent(switch.change)})
        ]
        if switch.equivalent_g is not None and switch.usual_dose_g is not None:
            matching = Grams(round_down_to(switch.equivalent_g, SCALE_STEP_G))
            usual = Grams(switch.usual_dose_g)
            explanation.append(Says(STRONGER[2], {"matching": matching, "usual": usual}))
            action = Says(STRONGER[3], {"matching": matching})
        else:
            action = Says(STRONGER[4])
        alerts.append(
            notice(
                code="potency_jump",
                severity=Severity.MODERATE,
                title=Says(STRONGER[0]),
                explanation=tuple(explanation),
                action=action,
                source="Prozialeck2020",
                cause_key=f"switch:{switch.day.isoformat()}:{switch.to_product_id}",
                learn_slug=LearnSlug.PRODUCT_QUALITY,
            )
        )
    return tuple(alerts)


def seven_oh_product(*, products: Iterable[ProductView]) -> tuple[Alert, ...]:
    """One alert per 7-OH product in use."""
    return tuple(
        notice(
            code="seven_oh_product",
            severity=Severity.HIGH,
            title=Says(SEVEN_OH[0]),
            explanation=Says(SEVEN_OH[1], {"product": product.name}),
            action=Says(SEVEN_OH[2]),
            source="Brown2025",
            cause_key=f"product:{product.product_id}",
            learn_slug=LearnSlug.PRODUCT_QUALITY,
        )
        for product in products
        if product.form is ProductForm.SEVEN_OH
    )


def failed_contaminant(*, products: Iterable[ProductView]) -> tuple[Alert, ...]:
    """One alert per product in use that failed a heavy-metal or microbial test."""
    alerts = []
    for product in products:
        failed = [
            name
            for name, result in (
                (WORDS[0], product.heavy_metals),
                (WORDS[1], product.microbial),
            )
            if result is LabResult.FAIL
        ]
        if not failed:
            continue
        metals = product.heavy_metals is LabResult.FAIL
        failed_for: dict[str, Value] = {
            "product": product.name,
            "failed": Words(tuple(failed), every_and=True),
        }
        alerts.append(
            notice(
                code="failed_contaminant",
                severity=Severity.HIGH,
                title=Says(FAILED[0]),
                explanation=(
                    Says(FAILED[1], failed_for),
                    Says(FAILED[2] if metals else FAILED[3]),
                ),
                action=Says(FAILED[4]),
                source="FDA2019Metals" if metals else "CDC2018Salmonella",
                cause_key=f"product:{product.product_id}",
                learn_slug=LearnSlug.PRODUCT_QUALITY,
            )
        )
    return tuple(alerts)
