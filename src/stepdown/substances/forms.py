"""Forms for the medicines list and the other-substances log; the services validate what matters."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from stepdown.substances.models import SubstanceUse
from stepdown.web.validation import AppVoiceForm


class MedicineForm(AppVoiceForm):
    name = forms.CharField(
        label=_("Medicine name"),
        max_length=100,
        help_text=_("The generic or the brand name, as on the box: quetiapine or Seroquel."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )


class SubstanceForm(AppVoiceForm):
    constraint_model = SubstanceUse

    category = forms.ChoiceField(
        label=_("What was it?"),
        choices=[(value, _(label)) for value, label in SubstanceUse.Category.choices],
        widget=forms.RadioSelect(attrs={"class": "category-choice"}),
    )
    amount = forms.DecimalField(
        label=_("Amount"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        initial=1,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    unit = forms.ChoiceField(
        label=_("Unit"),
        choices=[
            ("", _("Usual unit")),
            *((value, _(label)) for value, label in SubstanceUse.Unit.choices),
        ],
        required=False,
        help_text=_(
            "Alcohol is counted in standard drinks: a can of beer, a glass of wine, a shot."
        ),
    )
    name = forms.CharField(
        label=_("Name (optional)"),
        max_length=100,
        required=False,
        help_text=_("For example oxycodone, Xanax or vodka; Stepdown checks it for interactions."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    taken_at = forms.DateTimeField(
        label=_("When"),
        required=False,
        help_text=_("Leave empty for now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    note = forms.CharField(
        label=_("Note"), max_length=500, required=False, widget=forms.TextInput()
    )
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())

    FIELD_MAP: ClassVar[dict[str, str]] = {}

    def use_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "category": data["category"],
            "amount": data["amount"],
            "unit": data.get("unit") or "",
            "name": data.get("name") or "",
            "taken_at": data.get("taken_at"),
            "note": data.get("note") or "",
        }
