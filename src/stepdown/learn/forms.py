"""Forms for support contacts, reasons to change and the urge log; the services validate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog
from stepdown.web.validation import AppVoiceForm

STRENGTH_CHOICES = [(n, str(n)) for n in range(11)]


class ContactForm(AppVoiceForm):
    constraint_model = SupportContact

    name = forms.CharField(
        label=_("Name"), max_length=80, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    how_to_reach = forms.CharField(
        label=_("How to reach them"),
        max_length=200,
        help_text=_("A phone number, an email, or a note such as “text first”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=200,
        required=False,
        help_text=_("For example: “best in the evening”, “knows about my plan”."),
    )

    def contact_fields(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data.get(name) or "" for name in ("name", "how_to_reach", "note")
        }


class ReasonForm(AppVoiceForm):
    constraint_model = ReasonToChange

    text = forms.CharField(
        label=_("A reason to change"),
        max_length=300,
        help_text=_("In your own words, for example: “to be present with my kids in the morning”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class UrgeForm(AppVoiceForm):
    constraint_model = UrgeLog

    strength = forms.TypedChoiceField(
        label=_("How strong was the urge at its peak?"),
        choices=STRENGTH_CHOICES,
        coerce=int,
        help_text=_("0 is no urge at all, 10 the strongest you can imagine."),
        widget=forms.RadioSelect(attrs={"class": "strength-choice"}),
    )
    helped = forms.MultipleChoiceField(
        label=_("What helped?"),
        choices=UrgeLog.Helped.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "helped-choice"}),
    )
    note = forms.CharField(
        label=_("Anything else (optional)"),
        max_length=300,
        required=False,
        help_text=_("What set it off, where you were, what you would try next time."),
    )
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())

    def urge_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "strength": data["strength"],
            "helped": data.get("helped") or [],
            "note": data.get("note") or "",
            "client_id": data.get("client_id"),
        }
