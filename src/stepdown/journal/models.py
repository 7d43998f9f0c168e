"""Products a person takes and the doses they log."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from stepdown.core.potency import FORM_LABELS, LabResult, ProductForm, ProductSpec
from stepdown.core.units import DoseUnit

# The core's product forms in words (``FORM_LABELS``), for the catalogue; the choices below
# translate them where they are shown.
FORM_WORDS = (
    gettext_noop("Leaf powder"),
    gettext_noop("Capsules"),
    gettext_noop("Tea"),
    gettext_noop("Extract"),
    gettext_noop("7-OH product"),
    gettext_noop("Other"),
)


class Product(models.Model):
    """A kratom product in one person's library, with its lab values when known.

    Lab values are per gram, or per millilitre when ``is_liquid``. A product that doses refer to
    is archived, never deleted, so the journal keeps its meaning.
    """

    class Form(models.TextChoices):
        LEAF_POWDER = ProductForm.LEAF_POWDER.value, _(FORM_LABELS[ProductForm.LEAF_POWDER])
        CAPSULES = ProductForm.CAPSULES.value, _(FORM_LABELS[ProductForm.CAPSULES])
        TEA = ProductForm.TEA.value, _(FORM_LABELS[ProductForm.TEA])
        EXTRACT = ProductForm.EXTRACT.value, _(FORM_LABELS[ProductForm.EXTRACT])
        SEVEN_OH = ProductForm.SEVEN_OH.value, _(FORM_LABELS[ProductForm.SEVEN_OH])
        OTHER = ProductForm.OTHER.value, _(FORM_LABELS[ProductForm.OTHER])

    class Result(models.TextChoices):
        PASS = LabResult.PASS.value, _("Pass")
        FAIL = LabResult.FAIL.value, _("Fail")
        UNKNOWN = LabResult.UNKNOWN.value, _("Unknown")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="products"
    )
    name = models.CharField(max_length=120)
    vendor = models.CharField(max_length=120, blank=True)
    form = models.CharField(max_length=20, choices=Form.choices, default=Form.LEAF_POWDER)
    batch = models.CharField(max_length=80, blank=True)
    is_liquid = models.BooleanField(default=False)
    capsule_weight_g = models.DecimalField(max_digits=6, decimal_places=3, null=True, blank=True)
    mitragynine_mg_per_unit = models.DecimalField(
        max_digits=8, decimal_places=3, null=True, blank=True
    )
    seven_oh_mg_per_unit = models.DecimalField(
        max_digits=8, decimal_places=3, null=True, blank=True
    )
    lab_name = models.CharField(max_length=120, blank=True)
    lab_test_date = models.DateField(null=True, blank=True)
    heavy_metals = models.CharField(max_length=8, choices=Result.choices, default=Result.UNKNOWN)
    microbial = models.CharField(max_length=8, choices=Result.choices, default=Result.UNKNOWN)
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                Lower("name"),
                "owner",
                condition=models.Q(archived_at__isnull=True),
                name="product_name_unique_per_owner",
            ),
            models.CheckConstraint(
                condition=models.Q(capsule_weight_g__isnull=True)
                | models.Q(capsule_weight_g__gt=0),
                name="product_capsule_weight_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(mitragynine_mg_per_unit__isnull=True)
                | models.Q(mitragynine_mg_per_unit__gte=0),
                name="product_mitragynine_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(seven_oh_mg_per_unit__isnull=True)
                | models.Q(seven_oh_mg_per_unit__gte=0),
                name="product_seven_oh_not_negative",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "archived_at"])]

    def __str__(self) -> str:
        return self.name

    @property
    def potency_unit(self) -> str:
        return "ml" if self.is_liquid else "g"

    @property
    def spec(self) -> ProductSpec:
        return ProductSpec(
            form=ProductForm(self.form),
            is_liquid=self.is_liquid,
            capsule_weight_g=self.capsule_weight_g,
            mitragynine_mg_per_unit=self.mitragynine_mg_per_unit,
            seven_oh_mg_per_unit=self.seven_oh_mg_per_unit,
            heavy_metals=LabResult(self.heavy_metals),
            microbial=LabResult(self.microbial),
        )


class Dose(models.Model):
    """One logged dose. Grams and alkaloids are computed when it is saved, from the product's
    values at that moment, so later edits to a product do not rewrite history."""

    class Unit(models.TextChoices):
        GRAM = DoseUnit.GRAM.value, "g"
        MILLIGRAM = DoseUnit.MILLIGRAM.value, "mg"
        CAPSULE = DoseUnit.CAPSULE.value, _("capsules")
        MILLILITRE = DoseUnit.MILLILITRE.value, "ml"

    class Purpose(models.TextChoices):
        ENERGY = "energy", _("Energy")
        PAIN = "pain", _("Pain")
        MOOD = "mood", _("Mood")
        WITHDRAWAL_RELIEF = "withdrawal_relief", _("Withdrawal relief")
        SLEEP = "sleep", _("Sleep")
        SOCIAL = "social", _("Social")
        OTHER = "other", _("Other")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="doses"
    )
    # RESTRICT, not PROTECT: a product in use cannot be deleted on its own (it is archived), but
    # closing the account deletes both.
    product = models.ForeignKey(
        Product, on_delete=models.RESTRICT, null=True, blank=True, related_name="doses"
    )
    taken_at = models.DateTimeField()
    amount = models.DecimalField(max_digits=10, decimal_places=3)
    unit = models.CharField(max_length=8, choices=Unit.choices, default=Unit.GRAM)
    grams = models.DecimalField(max_digits=10, decimal_places=3, null=True, blank=True)
    millilitres = models.DecimalField(max_digits=10, decimal_places=3, null=True, blank=True)
    mitragynine_mg = models.DecimalField(max_digits=10, decimal_places=1, null=True, blank=True)
    seven_oh_mg = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    mitragynine_estimated = models.BooleanField(default=False)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, blank=True)
    note = models.CharField(max_length=500, blank=True)
    client_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-taken_at"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner", "client_id"], name="dose_client_id_unique_per_owner"
            ),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="dose_amount_positive"),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "-taken_at"])]

    def __str__(self) -> str:
        return f"{self.amount} {self.unit} at {self.taken_at:%Y-%m-%d %H:%M}"
