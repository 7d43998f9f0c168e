"""Forms of the notes, plan proposal and message pages."""

from __future__ import annotations

from django import forms

from stepdown.clinic.models import Note
from stepdown.clinic.notes import NOTE_MAX
from stepdown.web.validation import AppVoiceForm


class NoteForm(AppVoiceForm):
    constraint_model = Note

    text = forms.CharField(
        label="Note", max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    shared_with_person = forms.BooleanField(label="Share this note with the person", required=False)
