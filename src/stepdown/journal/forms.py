"""Forms for products and doses; the services do the validation that matters."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from stepdown.accounts.models import User
from stepdown.journal.models import Dose, Product
from stepdown.journal.selectors import product_names, products_for
from stepdown.web.validation import AppVoiceForm, AppVoiceModelForm


def _confirm_field() -> forms.BooleanField:
    """Shown only after the service asked (see ``NeedsConfirmation``)."""
    return forms.BooleanField(label=_("Yes, this is right: save it"), required=False)


class ProductForm(AppVoiceModelForm[Product]):
    confirm_unusual = _confirm_field()

    class Meta:
        model = Product
        fields: ClassVar[list[str]] = [
            "name",
            "vendor",
            "form",
            "batch",
            "is_liquid",
            "capsule_weight_g",
            "mitragynine_mg_per_unit",
            "seven_oh_mg_per_unit",
            "lab_name",
            "lab_test_date",
            "heavy_metals",
            "microbial",
        ]
        labels: ClassVar[dict[str, StrOrPromise]] = {
            "name": _("Name"),
            "vendor": _("Vendor"),
            "form": _("Form"),
            "is_liquid": _("Sold as a liquid (measured in ml)"),
            "capsule_weight_g": _("Weight of one capsule (g)"),
            "mitragynine_mg_per_unit": _("Mitragynine (mg per g, or per ml for liquids)"),
            "seven_oh_mg_per_unit": _("7-hydroxymitragynine (mg per g, or per ml)"),
            "lab_name": _("Testing lab"),
            "lab_test_date": _("Date of the lab test"),
            "heavy_metals": _("Heavy metals test"),
            "microbial": _("Microbial test"),
            "batch": _("Batch or lot"),
        }
        widgets: ClassVar[dict[str, Any]] = {
            "lab_test_date": forms.DateInput(attrs={"type": "date"}),
            "capsule_weight_g": forms.NumberInput(attrs={"step": "0.001", "inputmode": "decimal"}),
            "mitragynine_mg_per_unit": forms.NumberInput(
                attrs={"step": "0.001", "inputmode": "decimal"}
            ),
            "seven_oh_mg_per_unit": forms.NumberInput(
                attrs={"step": "0.001", "inputmode": "decimal"}
            ),
        }

    def product_fields(self) -> dict[str, Any]:
        names = [*self.Meta.fields, "confirm_unusual"]
        return {name: self.cleaned_data[name] for name in names}


class _ProductOptions:
    """A product menu's options, read when the menu is drawn (a posted form that is not drawn
    again never reads them)."""

    def __init__(self, owner: User, empty_label: StrOrPromise) -> None:
        self.owner, self.empty_label = owner, empty_label

    @cached_property
    def _names(self) -> list[tuple[int, str]]:
        return product_names(owner=self.owner)

    def __iter__(self) -> Iterator[tuple[int | str, StrOrPromise]]:
        yield "", self.empty_label
        yield from self._names


def offer_products(
    form: forms.BaseForm, name: str, *, owner: User, empty_label: StrOrPromise
) -> None:
    """Makes the form's field ``name`` a choice of the person's products in use. A posted
    choice is checked against their products (the queryset, built only for a bound form: a
    blank one never asks it); the menu's options are their ids and names from one plain query,
    where Django's model choices built an ORM query and a model instance per product every time
    the form was drawn (a third of the dose form's cost on Today)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    if form.is_bound:
        field.queryset = products_for(owner=owner)
    field.empty_label = empty_label
    field.widget.choices = _ProductOptions(owner, empty_label)


# Given as functions: every form copies its fields, and a list of choices is copied label by
# label (lazy translations), where a function is copied as it is. Same menus either way.
def _unit_choices() -> list[tuple[str, StrOrPromise]]:
    return Dose.Unit.choices


def _purpose_choices() -> list[tuple[str, StrOrPromise]]:
    return [("", "—"), *Dose.Purpose.choices]


class DoseForm(AppVoiceForm):
    constraint_model = Dose

    amount = forms.DecimalField(
        label=_("Amount"),
        min_value=0,
        max_digits=10,
        decimal_places=3,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=_unit_choices, initial=Dose.Unit.GRAM)
    product = forms.ModelChoiceField(
        label=_("Product"), queryset=Product.objects.none(), required=False
    )
    taken_at = forms.DateTimeField(
        label=_("Time taken"),
        required=False,
        help_text=_("Leave empty for now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    purpose = forms.ChoiceField(label=_("Purpose"), choices=_purpose_choices, required=False)
    note = forms.CharField(
        label=_("Note"), max_length=500, required=False, widget=forms.TextInput()
    )
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())
    confirm_unusual = _confirm_field()

    FIELD_MAP: ClassVar[dict[str, str]] = {"product_id": "product"}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_products(self, "product", owner=owner, empty_label=_("No product"))

    def dose_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        product = data.get("product")
        return {
            "amount": data["amount"],
            "unit": data["unit"],
            "product_id": product.pk if product else None,
            "taken_at": data.get("taken_at"),
            "purpose": data.get("purpose") or "",
            "note": data.get("note") or "",
            "confirm_unusual": bool(data.get("confirm_unusual")),
        }


class QuickDoseForm(AppVoiceForm):
    """The hidden fields behind a "same as last time" button."""

    constraint_model = Dose
    amount = forms.DecimalField(min_value=0, max_digits=10, decimal_places=3)
    unit = forms.ChoiceField(choices=Dose.Unit.choices)
    product = forms.IntegerField(required=False)
    client_id = forms.UUIDField(required=False)
