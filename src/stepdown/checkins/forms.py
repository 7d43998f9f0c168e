"""One generic questionnaire form built from an instrument's data, and the small settings forms.

The questionnaire form does not use Django form fields: the instrument already says what each
item accepts, and the core checks every answer. The form only collects the raw answers, checks
each one with the core's item parser so that every problem shows next to its question at once,
and carries the errors back to the template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stepdown.checkins.models import Schedule
from stepdown.checkins.safety_services import SAFETY_PLAN_FIELDS
from stepdown.checkins.windows import INTERVAL_LIMITS
from stepdown.core.instruments import (
    Instrument,
    InvalidAnswerError,
    Item,
    ItemKind,
    partial_flags,
)
from stepdown.core.instruments.answers import is_blank, parse_answer
from stepdown.web.validation import AppVoiceForm
from stepdown.worded import worded

SECTION_TITLES = {
    "withdrawal": _("Withdrawal symptoms"),
    "craving": _("Craving"),
    "sleep": _("Sleep"),
    "effects": _("How you felt today"),
    "lifestyle": _("What you did today"),
    "safety": _("Anything worrying?"),
    "note": _("Anything else"),
}
SECTION_INTROS = {
    "withdrawal": _("Over the last 24 hours, how much have you had each of these?"),
    "safety": _("These are optional. A “yes” shows you what to do about it straight away."),
}


@dataclass
class Choice:
    value: str
    label: str
    checked: bool


@dataclass
class Question:
    """One item as the template draws it."""

    item: Item
    number: int
    value: str
    error: str = ""

    @property
    def name(self) -> str:
        return self.item.code

    @property
    def input_id(self) -> str:
        return f"q-{self.item.code}"

    @property
    def widget(self) -> str:
        """segmented (choice, yes/no), slider (0-100 scale), number or text."""
        kind = self.item.kind
        if kind in (ItemKind.CHOICE, ItemKind.YES_NO):
            return "segmented"
        if kind is ItemKind.NUMBER:
            return "slider" if self.item.min_label or self.item.max_label else "number"
        return "text"

    @property
    def required(self) -> bool:
        return self.item.is_always_required

    @property
    def choices(self) -> list[Choice]:
        return [
            Choice(str(option.value), option.label, str(option.value) == self.value)
            for option in self.item.options
        ]

    @property
    def long_labels(self) -> bool:
        """Options too long for one row of five on a phone: two columns instead.

        Assumption from the phone screenshots: a word over 8 letters or a label over 12
        characters does not fit a fifth of a 390 px screen without breaking a word.
        """
        return any(
            len(option.label) > 12 or any(len(word) > 8 for word in option.label.split())
            for option in self.item.options
        )

    @property
    def step(self) -> str:
        return "1" if self.item.decimal_places == 0 else f"{10**-self.item.decimal_places:.2f}"

    @property
    def inputmode(self) -> str:
        return "numeric" if self.item.decimal_places == 0 else "decimal"


@dataclass
class Section:
    code: str
    title: str
    intro: str
    questions: list[Question] = field(default_factory=list)


class AnswerForm:
    """The answers to one instrument: raw values in, per-question errors out."""

    def __init__(
        self,
        instrument: Instrument,
        data: Mapping[str, Any] | None = None,
        initial: Mapping[str, object] | None = None,
    ) -> None:
        self.instrument = instrument
        self.bound = data is not None
        source: Mapping[str, Any] = data if data is not None else (initial or {})
        self.raw: dict[str, str] = {}
        for item in instrument.items:
            value = source.get(item.code)
            self.raw[item.code] = "" if value is None else str(value).strip()
        self.errors: dict[str, str] = {}
        self.non_field_error = ""

    def answers(self) -> dict[str, str | None]:
        """The raw answers, blanks as "not answered"."""
        return {code: (value or None) for code, value in self.raw.items()}

    def is_valid(self) -> bool:
        """Check every answer against its item; the core checks the whole response again."""
        for item in self.instrument.items:
            raw = self.raw[item.code]
            if is_blank(raw):
                if item.is_always_required:
                    self.errors[item.code] = str(_("Please answer this question."))
                continue
            try:
                parse_answer(self.instrument.code, item, raw)
            except InvalidAnswerError as error:
                self.errors[item.code] = worded(error.says)
        return not self.errors

    def raises_flags(self) -> bool:
        """Whether what was answered, finished or not, already raises a flag (self-harm, a
        warning symptom): then the answers go to the service, which keeps them as a draft."""
        return bool(partial_flags(self.instrument, self.answers()).flags)

    def add_error(self, field_name: str, message: str) -> None:
        """Attach a service error (``answers.q9``) to its question, or above the form."""
        code = field_name.removeprefix("answers.")
        if code in self.raw:
            self.errors[code] = _plain(message)
        else:
            self.non_field_error = message

    @property
    def sections(self) -> list[Section]:
        sections: list[Section] = []
        for number, item in enumerate(self.instrument.items, start=1):
            if not sections or sections[-1].code != item.section:
                sections.append(
                    Section(
                        code=item.section,
                        title=str(SECTION_TITLES.get(item.section, "")),
                        intro=str(SECTION_INTROS.get(item.section, "")),
                    )
                )
            sections[-1].questions.append(
                Question(item, number, self.raw[item.code], self.errors.get(item.code, ""))
            )
        return sections


def _plain(message: str) -> str:
    """A service names the questionnaire and the question first ("phq9 item q9: ...", "phq9,
    question q9 : ..."); a form, beside the question, does not."""
    return message.split(": ", 1)[1] if ": " in message else message


class ScheduleForm(AppVoiceForm):
    """One instrument's schedule: how often, a reminder time, on or off.

    The daily check-in has no reminder time here: its reminder comes at the time set in the
    reminder settings (``/reminders/``), and two places for one time would disagree.
    """

    constraint_model = Schedule
    interval_days = forms.IntegerField(
        label=_("Every (days)"), widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    preferred_time = forms.TimeField(
        label=_("Reminder time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    enabled = forms.BooleanField(label=_("On"), required=False)

    def __init__(self, *args: Any, instrument: str, always_on: bool, **kwargs: Any) -> None:
        kwargs["prefix"] = instrument
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        if instrument == "daily":
            del self.fields["preferred_time"]
        low, high = INTERVAL_LIMITS[instrument]
        interval = self.fields["interval_days"]
        interval.widget.attrs.update({"min": low, "max": high})
        if low == high:
            interval.disabled = True
        if always_on:
            self.fields["enabled"].disabled = True


PLAN_LABELS = {
    "warning_signs": _("Warning signs that a crisis may be starting"),
    "coping_steps": _("Things I can do on my own to feel calmer"),
    "people": _("People I can contact (name and number)"),
    "places": _("Places that help me feel safe or take my mind off things"),
    "professionals": _("Professionals or services I can call"),
}


class SafetyPlanForm(AppVoiceForm):
    """Each part of the plan is a text box with one entry per line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in SAFETY_PLAN_FIELDS:
            self.fields[name] = forms.CharField(
                label=PLAN_LABELS[name],
                required=False,
                help_text=_("One per line."),
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def lists(self) -> dict[str, list[str]]:
        return {name: self.cleaned_data[name].splitlines() for name in SAFETY_PLAN_FIELDS}
