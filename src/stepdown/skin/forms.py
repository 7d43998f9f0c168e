"""Forms for the skin pages; the services do the checks that matter."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stepdown.skin.models import ExposedSite, PhotoSession, SkinColour, SkinReport, SkinSite
from stepdown.web.validation import AppVoiceForm

PHOTO_WIDGET = {"accept": "image/*", "capture": "environment"}


class SessionUploadForm(AppVoiceForm):
    constraint_model = PhotoSession

    exposed_site = forms.ChoiceField(
        label=gettext_lazy("Which exposed site?"),
        choices=ExposedSite.choices,
        initial=ExposedSite.BACK_OF_HAND,
        help_text=gettext_lazy("Use the same site every time."),
    )
    exposed_photo = forms.FileField(
        label=gettext_lazy("Photo of the exposed site, with the colour card beside it"),
        widget=forms.FileInput(attrs=PHOTO_WIDGET),
    )
    reference_photo = forms.FileField(
        label=gettext_lazy("Photo of your inner upper arm, with the colour card beside it"),
        widget=forms.FileInput(attrs=PHOTO_WIDGET),
    )
    no_card = forms.BooleanField(
        label=gettext_lazy("I have no colour card this time (the result will be uncalibrated)"),
        required=False,
    )
    taken_at = forms.DateTimeField(
        label=gettext_lazy("When were the photos taken?"),
        required=False,
        help_text=gettext_lazy("Leave empty for now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    notes = forms.CharField(
        label=gettext_lazy("Notes (optional)"),
        max_length=1000,
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": gettext_lazy("for example: by the kitchen window")}
        ),
    )
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())


class RetakeForm(AppVoiceForm):
    photo = forms.FileField(
        label=gettext_lazy("New photo"), widget=forms.FileInput(attrs=PHOTO_WIDGET)
    )


class RegionForm(AppVoiceForm):
    """One photo's region. The number inputs describe a rectangle and work without JavaScript;
    the canvas fills ``points`` for a polygon and ``corners`` for a marked colour card."""

    kind = forms.ChoiceField(
        choices=[("rect", gettext_lazy("Rectangle")), ("polygon", gettext_lazy("Polygon"))],
        initial="rect",
        widget=forms.HiddenInput(attrs={"data-role": "kind"}),
    )
    x = forms.IntegerField(
        label=gettext_lazy("Left (px)"),
        min_value=0,
        widget=forms.NumberInput(attrs={"data-role": "x"}),
    )
    y = forms.IntegerField(
        label=gettext_lazy("Top (px)"),
        min_value=0,
        widget=forms.NumberInput(attrs={"data-role": "y"}),
    )
    width = forms.IntegerField(
        label=gettext_lazy("Width (px)"),
        min_value=1,
        widget=forms.NumberInput(attrs={"data-role": "width"}),
    )
    height = forms.IntegerField(
        label=gettext_lazy("Height (px)"),
        min_value=1,
        widget=forms.NumberInput(attrs={"data-role": "height"}),
    )
    points = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-role": "points"})
    )
    corners = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-role": "corners"})
    )

    def clean_points(self) -> list[Any] | None:
        return _json_list(self.cleaned_data.get("points"), "points")

    def clean_corners(self) -> list[Any] | None:
        return _json_list(self.cleaned_data.get("corners"), "corners")

    def region(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data["kind"] == "polygon" and data.get("points"):
            return {"kind": "polygon", "points": data["points"]}
        return {
            "kind": "rect",
            "x": data["x"],
            "y": data["y"],
            "width": data["width"],
            "height": data["height"],
        }


_UNREADABLE = {
    "points": lambda: _("The points could not be read; draw them again."),
    "corners": lambda: _("The corners could not be read; draw them again."),
}


def _json_list(text: str | None, name: str) -> list[Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        raise forms.ValidationError(_UNREADABLE[name]()) from None
    if not isinstance(value, list):
        raise forms.ValidationError(_UNREADABLE[name]())
    return value


class ReportForm(AppVoiceForm):
    constraint_model = SkinReport

    sites = forms.MultipleChoiceField(
        label=gettext_lazy("Where do you see a change?"),
        choices=SkinSite.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    colour = forms.ChoiceField(
        label=gettext_lazy("What colour is it?"),
        choices=SkinColour.choices,
        widget=forms.RadioSelect,
    )
    itching = forms.BooleanField(label=gettext_lazy("It itches"), required=False)
    tenderness = forms.BooleanField(label=gettext_lazy("It is tender or sore"), required=False)
    noticed_since = forms.DateField(
        label=gettext_lazy("Since when, roughly?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=gettext_lazy("Anything else (optional)"), max_length=1000, required=False
    )
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())
