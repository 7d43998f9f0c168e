"""MedicationStatements: one per kratom dose (the coded plant substance, with the product's
potency in a note), one per listed medicine, one per logged use of another substance."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from stepdown.accounts.models import User
from stepdown.core.potency import FORM_LABELS, PotencyBasis, ProductForm, potency_of
from stepdown.journal.models import Dose, Product
from stepdown.plans.snapshot import plain
from stepdown.profile.models import Medicine
from stepdown.records.fhir import codes
from stepdown.records.fhir.refs import Resource, instant, number, patient_ref
from stepdown.substances.models import SubstanceUse

# A dose's unit as UCUM, where it is one; capsules have no UCUM unit and go as text alone.
_UCUM = {"g": "g", "mg": "mg", "ml": "mL"}


def _kratom(product: Product | None) -> dict[str, Any]:
    text = "Kratom (Mitragyna speciosa)"
    if product is not None:
        text += f", {product.name}"
    return {"coding": [codes.coding(codes.UNII, codes.KRATOM_UNII)], "text": text}


def _quantity(amount: Decimal, unit: str, label: str) -> dict[str, Any]:
    found: dict[str, Any] = {"value": number(amount), "unit": label}
    if unit in _UCUM:
        found |= {"system": codes.UCUM, "code": _UCUM[unit]}
    return found


def potency_note(product: Product) -> str:
    """The product's alkaloid content per gram (per millilitre for a liquid), and its basis."""
    unit = product.potency_unit
    potency = potency_of(product.spec)
    parts = []
    if potency.mitragynine_mg_per_unit is not None:
        parts.append(f"{plain(potency.mitragynine_mg_per_unit)} mg mitragynine")
    if potency.seven_oh_mg_per_unit is not None:
        parts.append(f"{plain(potency.seven_oh_mg_per_unit)} mg 7-hydroxymitragynine")
    form = FORM_LABELS[ProductForm(product.form)]
    if not parts:
        return f"Product {product.name} ({form}): potency unknown (no lab values)."
    basis = {
        PotencyBasis.LAB: "from its lab certificate",
        PotencyBasis.DEFAULT: "assumed for leaf without a lab certificate",
        PotencyBasis.NONE: "from its lab certificate",
    }[potency.basis]
    return f"Product {product.name} ({form}): {' and '.join(parts)} per {unit}, {basis}."


def _dose_note(dose: Dose) -> list[dict[str, str]]:
    notes = []
    if dose.product is not None:
        notes.append({"text": potency_note(dose.product)})
    if dose.mitragynine_mg is not None:
        about = "about " if dose.mitragynine_estimated else ""
        notes.append({"text": f"This dose: {about}{plain(dose.mitragynine_mg)} mg mitragynine."})
    if dose.note:
        notes.append({"text": dose.note})
    return notes


def dose_statement(dose: Dose) -> Resource:
    unit_label = str(Dose.Unit(dose.unit).label)
    resource: Resource = {
        "resourceType": "MedicationStatement",
        "id": f"dose-{dose.pk}",
        "status": "completed",
        "medicationCodeableConcept": _kratom(dose.product),
        "subject": patient_ref(dose.owner_id),
        "effectiveDateTime": instant(dose.taken_at),
        "dateAsserted": instant(dose.created_at),
        "dosage": [
            {
                "text": f"{plain(dose.amount)} {unit_label}",
                "doseAndRate": [{"doseQuantity": _quantity(dose.amount, dose.unit, unit_label)}],
            }
        ],
    }
    if dose.purpose:
        resource["reasonCode"] = [{"text": str(Dose.Purpose(dose.purpose).label)}]
    notes = _dose_note(dose)
    if notes:
        resource["note"] = notes
    return resource


def medicine_statement(medicine: Medicine) -> Resource:
    """A medicine the person listed as one they take: no dose or dates are known."""
    return {
        "resourceType": "MedicationStatement",
        "id": f"medicine-{medicine.pk}",
        "status": "active",
        "medicationCodeableConcept": {"text": medicine.name},
        "subject": patient_ref(medicine.owner_id),
        "dateAsserted": instant(medicine.created_at),
    }


def substance_statement(use: SubstanceUse) -> Resource:
    category = SubstanceUse.Category(use.category).label
    name = use.name or category
    unit_label = SubstanceUse.Unit(use.unit).label
    resource: Resource = {
        "resourceType": "MedicationStatement",
        "id": f"substance-{use.pk}",
        "status": "completed",
        "category": {"text": category},
        "medicationCodeableConcept": {"text": name},
        "subject": patient_ref(use.owner_id),
        "effectiveDateTime": instant(use.taken_at),
        "dateAsserted": instant(use.created_at),
        "dosage": [
            {
                "text": f"{plain(use.amount)} {unit_label}",
                "doseAndRate": [{"doseQuantity": _quantity(use.amount, use.unit, unit_label)}],
            }
        ],
    }
    if use.note:
        resource["note"] = [{"text": use.note}]
    return resource


def journal(person: User) -> Iterator[Resource]:
    """One statement a dose, read a few hundred doses at a time (a journal of years is long)."""
    doses = Dose.objects.filter(owner=person).select_related("product").order_by("taken_at", "pk")
    return (dose_statement(dose) for dose in doses.iterator(chunk_size=500))


def medicines(person: User) -> list[Resource]:
    listed = [medicine_statement(m) for m in Medicine.objects.filter(owner=person).order_by("pk")]
    uses = SubstanceUse.objects.filter(owner=person).order_by("taken_at", "pk")
    return listed + [substance_statement(use) for use in uses]
