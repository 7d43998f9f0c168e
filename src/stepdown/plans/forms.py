"""Forms for the plan wizard and the adjustments; the services do the validation that matters."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from stepdown.accounts.models import User
from stepdown.core.tapering import get_method
from stepdown.journal.forms import offer_products
from stepdown.journal.models import Product
from stepdown.plans.models import Plan
from stepdown.web.validation import AppVoiceForm

# Plain-language paces: all proportional, at the rates Maudsley2024 describes (5 % for people who
# need to go slowly, 10–20 % as the usual range).
PRESETS: dict[str, Decimal] = {"gentle": Decimal(5), "steady": Decimal(10), "faster": Decimal(20)}
PACE_CHOICES = [
    ("gentle", _("Gentle: 5 % less each step")),
    ("steady", _("Steady: 10 % less each step")),
    ("faster", _("Faster: 20 % less each step")),
    ("custom", _("My own settings (below)")),
]
_DECIMAL = {"step": "any", "inputmode": "decimal"}
_REASON_HELP = _("A few words for your history, for example “poor sleep since the cut”.")


def _reason_field() -> forms.CharField:
    return forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_REASON_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class WizardForm(AppVoiceForm):
    constraint_model = Plan

    start_g = forms.DecimalField(
        label=_("Grams a day now"),
        min_value=Decimal("0.001"),
        max_digits=8,
        decimal_places=3,
        widget=forms.NumberInput(attrs=_DECIMAL),
    )
    doses_per_day = forms.IntegerField(label=_("Doses a day now"), min_value=1, max_value=24)
    target_doses_per_day = forms.IntegerField(
        label=_("Doses a day to aim for"),
        min_value=1,
        max_value=24,
        required=False,
        # The step cap (MAX_CUT_PCT, an assumption: docs/tapering.md) bounds a left-out dose.
        help_text=_(
            "Doses are left out one at a time, never joined into bigger ones. A step that "
            "leaves one out can cut more than the pace you chose, but never more than a "
            "quarter of the day before it."
        ),
    )
    product = forms.ModelChoiceField(
        queryset=Product.objects.none(), required=False, label=_("Product the plan is in")
    )
    start_date = forms.DateField(
        label=_("Start on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    pace = forms.ChoiceField(label=_("Pace"), choices=PACE_CHOICES, widget=forms.RadioSelect)
    method = forms.ChoiceField(label=_("Method"), choices=Plan.Method.choices, required=False)
    rate_pct = forms.DecimalField(
        label=_("Cut each step (%)"), required=False, widget=forms.NumberInput(attrs=_DECIMAL)
    )
    step_g = forms.DecimalField(
        label=_("Grams less each step (linear)"),
        required=False,
        widget=forms.NumberInput(attrs=_DECIMAL),
    )
    ed50_g = forms.DecimalField(
        label=_("ED50 in grams a day (occupancy; an assumption)"),
        required=False,
        widget=forms.NumberInput(attrs=_DECIMAL),
    )
    interval_days = forms.IntegerField(label=_("Days per step"), min_value=1, max_value=365)
    stabilize_days = forms.IntegerField(
        label=_("Steady days before the first cut"), min_value=0, max_value=365
    )
    resolution_g = forms.DecimalField(
        label=_("Smallest amount you can weigh (g)"),
        help_text=_("0.1 for a kitchen scale; the weight of one capsule if you count capsules."),
        widget=forms.NumberInput(attrs=_DECIMAL),
    )
    stop_below_g = forms.DecimalField(
        label=_("Stop when a day is below (g)"), widget=forms.NumberInput(attrs=_DECIMAL)
    )
    confirm_above_recent = forms.BooleanField(
        label=_("I take more than my recent average now; start from the amount above"),
        required=False,
    )
    replace_current = forms.BooleanField(
        label=_("End my current plan and start this one instead"), required=False
    )
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())

    FIELD_MAP: ClassVar[dict[str, str]] = {"product_id": "product"}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_products(self, "product", owner=owner, empty_label=_("Any product (grams as logged)"))

    def plan_fields(self) -> dict[str, Any]:
        """Keyword arguments for ``plan_build`` / ``plan_create``. A preset means a proportional
        plan at its rate; custom settings pass only what the chosen method uses."""
        data = self.cleaned_data
        pace = data["pace"]
        method_fields: dict[str, Any]
        if pace in PRESETS:
            method, method_fields = "proportional", {"rate_pct": PRESETS[pace]}
        else:
            method = data.get("method") or "proportional"
            uses = get_method(method).uses
            method_fields = {
                name: data.get(name) for name in ("rate_pct", "step_g", "ed50_g") if name in uses
            }
        product = data.get("product")
        return {
            "start_g": data["start_g"],
            "method": method,
            **method_fields,
            "interval_days": data["interval_days"],
            "stabilize_days": data["stabilize_days"],
            "resolution_g": data["resolution_g"],
            "stop_below_g": data["stop_below_g"],
            "doses_per_day": data["doses_per_day"],
            "target_doses_per_day": data.get("target_doses_per_day"),
            "start_date": data["start_date"],
            "product_id": product.pk if product else None,
        }


class HoldForm(AppVoiceForm):
    id_prefix = "hold"

    days = forms.IntegerField(
        label=_("Hold for (days)"),
        min_value=1,
        max_value=365,
        initial=7,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    reason = _reason_field()
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())


class ReinstateForm(AppVoiceForm):
    id_prefix = "reinstate"

    reason = _reason_field()
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())


class SlowForm(AppVoiceForm):
    id_prefix = "slow"

    rate_pct = forms.DecimalField(
        label=_("New cut each step (%)"),
        required=False,
        widget=forms.NumberInput(attrs=_DECIMAL),
        help_text=_("Lower than now. Leave empty to keep it."),
    )
    step_g = forms.DecimalField(
        label=_("New grams less each step"),
        required=False,
        widget=forms.NumberInput(attrs=_DECIMAL),
        help_text=_("Smaller than now. Leave empty to keep it."),
    )
    interval_days = forms.IntegerField(
        label=_("New days per step"),
        min_value=1,
        max_value=365,
        required=False,
        help_text=_("Longer than now. Leave empty to keep it."),
    )
    reason = _reason_field()
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Offer only the knob the plan's method has.
        uses = get_method(plan.method).uses
        if "step_g" not in uses:
            del self.fields["step_g"]
        if "rate_pct" not in uses:
            del self.fields["rate_pct"]


class CancelForm(AppVoiceForm):
    id_prefix = "cancel"

    reason = _reason_field()
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())


class ReminderForm(AppVoiceForm):
    reminder_time = forms.TimeField(
        label=_("Daily reminder at"),
        required=False,
        help_text=_("Adds an alarm to each day in your calendar. Leave empty for none."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
