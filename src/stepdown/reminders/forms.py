"""The reminder settings form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from stepdown.web.validation import AppVoiceForm

_TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PreferencesForm(AppVoiceForm):
    checkin_time = forms.TimeField(
        label=_("Daily check-in reminder"),
        required=False,
        widget=_TIME,
        help_text=_("Leave empty for no check-in reminder."),
    )
    step_eve = forms.BooleanField(
        label=_("Remind me the day before my plan changes"), required=False
    )
    questionnaires = forms.BooleanField(
        label=_("Remind me when a questionnaire is due"), required=False
    )
    email = forms.BooleanField(label=_("Also send reminders by email"), required=False)
    quiet_start = forms.TimeField(label=_("Quiet from"), required=False, widget=_TIME)
    quiet_end = forms.TimeField(label=_("Quiet until"), required=False, widget=_TIME)
