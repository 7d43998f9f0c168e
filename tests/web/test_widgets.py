"""The widgets drawn in Python (stepdown.web.widgets) give exactly the HTML of Django's templates.

Django's own template renderer is the reference: each field is rendered both ways and compared
character for character, for every widget kind with awkward values, and for every field of the
app's own forms.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from tests.web.test_validation_walk import all_forms

from stepdown.web.widgets import WidgetRenderer

REFERENCE = DjangoTemplates()
DRAWN = WidgetRenderer()

CHOICES = [("", "—"), ("a", "Apple & <pear>"), (3, 3), ("Group", [("g1", "One"), ("g2", 2.5)])]


class EveryWidget(forms.Form):
    text = forms.CharField(
        max_length=10, help_text="h", widget=forms.TextInput(attrs={"placeholder": 'say "hi" <b>'})
    )
    number = forms.DecimalField(max_digits=6, decimal_places=3, min_value=Decimal("0.1"))
    integer = forms.IntegerField(required=False)
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(widget=forms.HiddenInput)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    when = forms.DateTimeField(widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    time = forms.TimeField()
    url = forms.URLField(required=False, assume_scheme="https")
    search = forms.CharField(widget=forms.SearchInput, required=False)
    tel = forms.CharField(widget=forms.TelInput, required=False)
    colour = forms.CharField(widget=forms.ColorInput, required=False)
    tick = forms.BooleanField(required=False)
    upload = forms.FileField(required=False)
    choice = forms.ChoiceField(choices=CHOICES)
    many = forms.MultipleChoiceField(choices=CHOICES[1:], required=False)
    radio = forms.ChoiceField(choices=CHOICES[1:], widget=forms.RadioSelect)
    radio_plain = forms.ChoiceField(
        choices=[("x", "X")], widget=forms.RadioSelect(attrs={"class": "row"})
    )
    boxes = forms.MultipleChoiceField(
        choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple, required=False
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "disabled": True}))
    flags = forms.CharField(widget=forms.TextInput(attrs={"required": False, "autofocus": True}))
    safe = forms.CharField(widget=forms.TextInput(attrs={"data-x": mark_safe("<i>")}))


BOUND = {
    "text": '<script>&"',
    "number": "1.250",
    "integer": "1234567",
    "email": "a@b.example",
    "password": "p&w",
    "hidden": "k<1>",
    "date": "2026-12-03",
    "when": "2026-12-03T08:30",
    "time": "08:30",
    "tick": "on",
    "choice": "3",
    "many": ["a", "g2"],
    "radio": "g1",
    "radio_plain": "x",
    "boxes": ["a", "3"],
    "note": "line one\n<line two> & 'three'",
    "flags": "",
    "safe": "s",
}
INITIAL = {
    "number": Decimal("2.5"),
    "date": dt.date(2026, 1, 2),
    "when": dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC),
    "tick": True,
    "choice": "g2",
    "note": "",
}


def _both(field: forms.BoundField, attrs: dict[str, Any] | None = None) -> tuple[str, str]:
    widget = field.field.widget
    name, value = field.html_name, field.value()
    final = field.build_widget_attrs(attrs or {})
    if field.auto_id and "id" not in widget.attrs:
        final.setdefault("id", field.auto_id)
    return (
        widget.render(name, value, attrs=final, renderer=REFERENCE),
        widget.render(name, value, attrs=final, renderer=DRAWN),
    )


@pytest.mark.parametrize(
    "form",
    [
        EveryWidget(),
        EveryWidget(initial=INITIAL),
        EveryWidget(data=BOUND),
        EveryWidget(data={}, auto_id=False),
        EveryWidget(data=BOUND, prefix="p-1"),
    ],
    ids=["unbound", "initial", "bound", "no-ids", "prefixed"],
)
def test_every_widget_kind_matches_django(form: EveryWidget) -> None:
    for field in form:
        reference, drawn = _both(field, {"aria-describedby": "x-help"})
        assert drawn == reference, field.name


def test_a_listed_widget_is_drawn_without_the_template_engine() -> None:
    """Known answer, written by hand: the drawer answers for a widget context of its own."""
    widget = {
        "type": "number",
        "name": "amount",
        "value": Decimal("1.5"),
        "attrs": {"id": "id_amount", "step": "0.1", "required": True, "hidden": False},
    }
    assert DRAWN.render("django/forms/widgets/number.html", {"widget": widget}) == (
        '<input type="number" name="amount" value="1.5" id="id_amount" step="0.1" required>'
    )


def test_every_field_of_the_app_forms_renders_the_same() -> None:
    """Each form's declared fields (its own __init__ may need an owner, a plan, ...)."""
    compared = 0
    for form_class in all_forms():
        fields = {name: copy.deepcopy(field) for name, field in form_class.base_fields.items()}
        form = type(form_class.__name__, (forms.Form,), fields)()
        for field in form:
            reference, drawn = _both(field)
            assert drawn == reference, f"{form_class.__name__}.{field.name}"
            compared += 1
    assert compared > 50
