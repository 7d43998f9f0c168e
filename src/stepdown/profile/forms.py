"""Forms for the onboarding steps; the services do the validation that matters, these only turn
posted text into values (and keep the PHQ-2/GAD-2 pairs whole)."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from stepdown.core.instruments import Instrument, get_instrument
from stepdown.core.potency import FORM_CHOICES
from stepdown.profile.models import DIAGNOSIS_LABELS, SELF_TREATMENT_LABELS, Onboarding
from stepdown.web.forms import decimal_field, plain
from stepdown.web.validation import AppVoiceForm


class StepForm(AppVoiceForm):
    """One onboarding screen. ``FIELD_MAP`` maps a service error's field to a form field."""

    constraint_model = Onboarding
    FIELD_MAP: ClassVar[dict[str, str]] = {}

    @classmethod
    def initial_from(cls, record: Onboarding, medicines: list[str]) -> dict[str, Any]:
        return {
            name: plain(getattr(record, name)) for name in cls.base_fields if hasattr(record, name)
        }

    def answers(self) -> dict[str, Any]:
        return dict(self.cleaned_data)

    def medicines(self) -> list[str] | None:
        return None


class ReasonForm(StepForm):
    reason = forms.ChoiceField(
        label=_("What brings you to Stepdown?"),
        choices=Onboarding.ReasonChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the closest answer, or skip this question.")},
    )


class PatternForm(StepForm):
    days_per_week = forms.IntegerField(
        label=_("Days a week you use kratom"),
        required=False,
        min_value=0,
        max_value=7,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    doses_per_day = decimal_field(_("Doses on a day you use it"), places=1)
    grams_per_dose = decimal_field(
        _("Grams in a usual dose"),
        places=2,
        help_text=_("A rough figure is fine; a teaspoon is ≈ 2.5 g."),
    )

    def answers(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            name: data.get(name) for name in ("days_per_week", "doses_per_day", "grams_per_dose")
        }


class ProductsForm(StepForm):
    forms_used = forms.MultipleChoiceField(
        label=_("What do you use? Tick all that apply."),
        choices=[(value, _(label)) for value, label in FORM_CHOICES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    years_of_use = decimal_field(
        _("Years of regular use"),
        places=1,
        help_text=_("Roughly how long you have used kratom most weeks; 0.5 is six months."),
    )


class UsesForm(StepForm):
    self_treatment = forms.MultipleChoiceField(
        label=_("Do you use kratom for any of these? Tick all that apply."),
        choices=list(SELF_TREATMENT_LABELS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all empty if none of them fit."),
    )


WITHDRAWAL_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("unsure", _("Not sure"))]


class HistoryForm(StepForm):
    substance_history = forms.ChoiceField(
        label=_("Have you had problems with alcohol or other drugs?"),
        choices=Onboarding.History.choices,
        widget=forms.RadioSelect,
        initial=Onboarding.History.NOT_SAID,
    )
    withdrawal = forms.ChoiceField(
        label=_(
            "When you stop or go without kratom for a day, do you feel unwell "
            "(restless, achy, low, unable to sleep)?"
        ),
        choices=WITHDRAWAL_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )

    @classmethod
    def initial_from(cls, record: Onboarding, medicines: list[str]) -> dict[str, Any]:
        said = {True: "yes", False: "no", None: "unsure"}[record.withdrawal_when_stopping]
        return {"substance_history": record.substance_history, "withdrawal": said}

    def answers(self) -> dict[str, Any]:
        said = self.cleaned_data.get("withdrawal")
        return {
            "substance_history": self.cleaned_data["substance_history"],
            "withdrawal_when_stopping": {"yes": True, "no": False}.get(said or ""),
        }


SCREENS = ("phq2", "gad2")


def _screen_fields(instrument: Instrument) -> dict[str, forms.Field]:
    """Radio questions rendered from the instrument's own items (its published wording, in the
    request's language: Pfizer's French in French)."""
    return {
        f"{instrument.code}_{item.code}": forms.TypedChoiceField(
            label=item.text,
            choices=[(option.value, option.label) for option in item.options],
            coerce=int,
            required=False,
            widget=forms.RadioSelect,
        )
        for item in instrument.items
    }


class MoodForm(StepForm):
    """PHQ-2 and GAD-2: each answered in full or left empty."""

    FIELD_MAP: ClassVar[dict[str, str]] = {"phq2": "phq2_q1", "gad2": "gad2_q1"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instruments = [get_instrument(code, get_language() or "en") for code in SCREENS]
        for instrument in self.instruments:
            self.fields.update(_screen_fields(instrument))

    @classmethod
    def initial_from(cls, record: Onboarding, medicines: list[str]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for code in SCREENS:
            for item, value in (getattr(record, f"{code}_answers") or {}).items():
                initial[f"{code}_{item}"] = value
        return initial

    def groups(self) -> list[tuple[Instrument, list[forms.BoundField]]]:
        return [
            (instrument, [self[f"{instrument.code}_{item.code}"] for item in instrument.items])
            for instrument in self.instruments
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for instrument in self.instruments:
            names = [f"{instrument.code}_{item.code}" for item in instrument.items]
            answered = [name for name in names if data.get(name) not in (None, "")]
            if answered and len(answered) < len(names):
                for name in names:
                    if name not in answered:
                        self.add_error(name, _("Please answer this one too, or leave both empty."))
        return data

    def answers(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for instrument in self.instruments:
            values = {
                item.code: self.cleaned_data.get(f"{instrument.code}_{item.code}")
                for item in instrument.items
            }
            complete = all(value not in (None, "") for value in values.values())
            result[instrument.code] = values if complete else None
        return result


class DiagnosesForm(StepForm):
    diagnoses = forms.MultipleChoiceField(
        label=_("Has a professional ever told you that you have any of these?"),
        choices=list(DIAGNOSIS_LABELS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only if you want to share it. It stays in your account."),
    )
    diagnosis_note = forms.CharField(
        label=_("Anything you would like to add (optional)"), max_length=200, required=False
    )
    pregnancy = forms.ChoiceField(
        label=_("Are you pregnant or breastfeeding?"),
        choices=Onboarding.Pregnancy.choices,
        widget=forms.RadioSelect,
        required=False,
        initial=Onboarding.Pregnancy.NOT_SAID,
        help_text=_(
            "If so, Stepdown pauses any taper plan: changes in pregnancy belong with a "
            "clinician. You can change this answer at any time."
        ),
    )


class MedicinesForm(StepForm):
    FIELD_MAP: ClassVar[dict[str, str]] = {"medicines": "medicines_text"}

    medicines_text = forms.CharField(
        label=_("Medicines you take, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        help_text=_(
            "Prescribed or not, such as gabapentin or sertraline. Used later to check "
            "for interactions with kratom."
        ),
    )

    @classmethod
    def initial_from(cls, record: Onboarding, medicines: list[str]) -> dict[str, Any]:
        return {"medicines_text": "\n".join(medicines)}

    def answers(self) -> dict[str, Any]:
        return {}

    def medicines(self) -> list[str] | None:
        text: str = self.cleaned_data.get("medicines_text") or ""
        return text.splitlines()


class RecoveryForm(StepForm):
    original_substance = forms.CharField(
        label=_("Which opioid are you moving away from?"),
        max_length=80,
        required=False,
        help_text=_("For example oxycodone, heroin or methadone."),
    )
    last_used = forms.DateField(
        label=_("When did you last use it?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    FIELD_MAP: ClassVar[dict[str, str]] = {"original_last_used_on": "last_used"}

    @classmethod
    def initial_from(cls, record: Onboarding, medicines: list[str]) -> dict[str, Any]:
        return {
            "original_substance": record.original_substance,
            "last_used": record.original_last_used_on,
        }

    def answers(self) -> dict[str, Any]:
        return {
            "original_substance": self.cleaned_data.get("original_substance", ""),
            "original_last_used_on": self.cleaned_data.get("last_used"),
        }


STEP_FORMS: dict[str, type[StepForm]] = {
    "reason": ReasonForm,
    "pattern": PatternForm,
    "products": ProductsForm,
    "uses": UsesForm,
    "history": HistoryForm,
    "mood": MoodForm,
    "diagnoses": DiagnosesForm,
    "medicines": MedicinesForm,
    "recovery": RecoveryForm,
}
