"""The goals page's form; the services do the validation that matters, this only turns posted
text into values."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stepdown.goals.models import Goal
from stepdown.web.forms import decimal_field, plain
from stepdown.web.validation import AppVoiceForm


class GoalForm(AppVoiceForm):
    constraint_model = Goal

    purpose = forms.CharField(
        label=_("Your goal, in your words"),
        max_length=200,
        required=False,
        help_text=_("For example: energy at work on weekdays only, until the end of March."),
    )
    end_date = forms.DateField(
        label=_("Until (end date)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("A clear, short-term goal is easier to keep."),
    )
    max_g_per_day = decimal_field(_("At most this many grams a day"), places=2)
    max_days_per_week = forms.IntegerField(
        label=_("At most this many days a week"),
        required=False,
        min_value=0,
        max_value=7,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    allowed_weekdays = forms.TypedMultipleChoiceField(
        label=_("Only on these days"),
        required=False,
        coerce=int,
        choices=list(
            enumerate((_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")))
        ),
        widget=forms.CheckboxSelectMultiple,
        help_text=_('For example Monday to Friday for "weekdays only". None ticked: any day.'),
    )
    min_hours_between = decimal_field(_("At least this many hours between doses"), places=1)
    no_use_after = forms.TimeField(
        label=_("No kratom after"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    price_per_g = decimal_field(
        _("What a gram costs you"),
        places=3,
        help_text=_("Optional; used only to show the money you have not spent."),
    )
    currency = forms.CharField(
        label=_("Currency"), max_length=8, required=False, help_text=_("For example $, € or £.")
    )

    @staticmethod
    def initial_from(goal: Goal | None) -> dict[str, Any]:
        if goal is None:
            return {}
        initial = {name: getattr(goal, name) for name in GoalForm.base_fields}
        for name in ("max_g_per_day", "min_hours_between", "price_per_g"):
            initial[name] = plain(initial[name])
        initial["allowed_weekdays"] = goal.allowed_weekdays or []
        return initial

    def goal_fields(self) -> dict[str, Any]:
        return dict(self.cleaned_data)
