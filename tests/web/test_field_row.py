"""``{% field_row %}`` (web/templatetags/stepdown.py) writes a form field exactly as the
included template it replaced did: that template is kept here as the reference and both are
rendered for every field of every app form, unbound and bound with an error."""

from __future__ import annotations

import copy

import pytest
from django import forms
from django.template import Context, Template
from tests.web.test_validation_walk import all_forms

# partials/field.html as it was: the reference the tag must match character for character.
REFERENCE = Template(
    "{% load stepdown %}"
    '<div class="field">{% if field.field.widget.input_type == "checkbox" %}\n'
    '<label for="{{ field.id_for_label }}">{% widget field %} {{ field.label }}</label>\n'
    "{% else %}\n"
    '<label for="{{ field.id_for_label }}"{% if field.field.required %} class="required"'
    "{% endif %}>{{ field.label }}</label>\n"
    "{% widget field %}\n"
    "{% endif %}\n"
    '{% if field.errors %}<small class="field-error" id="{{ field.auto_id }}-error" '
    'role="alert">{{ field.errors|join:" " }}</small>{% elif field.help_text %}'
    '<small id="{{ field.auto_id }}-help">{{ field.help_text }}</small>{% endif %}\n'
    "</div>\n"
)
TAG = Template("{% load stepdown %}{% field_row field %}\n")


def _plain_forms() -> list[forms.Form]:
    """Each app form's declared fields (its own __init__ may need an owner, a plan, ...)."""
    made = []
    for form_class in all_forms():
        fields = {name: copy.deepcopy(field) for name, field in form_class.base_fields.items()}
        made.append(type(form_class.__name__, (forms.Form,), fields)())
    return made


@pytest.mark.parametrize("bound", [False, True], ids=["unbound", "with-errors"])
def test_every_field_of_the_app_forms_is_written_as_the_template_wrote_it(bound: bool) -> None:
    compared = 0
    for form in _plain_forms():
        if bound:
            form = type(form)(data={})  # every required field gets its error
            form.is_valid()
            for field in form.fields:  # and one with two errors, with markup to escape
                form.add_error(field, "<b>first</b> & second")
                break
        for field in form:
            context = Context({"field": field})
            assert TAG.render(context) == REFERENCE.render(context), (
                f"{type(form).__name__}.{field.name}"
            )
            compared += 1
    assert compared > 50


def test_a_label_help_text_and_error_with_markup_are_escaped() -> None:
    class Form(forms.Form):
        name = forms.CharField(label="<i>Name</i>", help_text="a & b")
        agree = forms.BooleanField(label="I <agree>", required=False)

    unbound = Template("{% load stepdown %}{% field_row form.name %}{% field_row form.agree %}")
    html = unbound.render(Context({"form": Form()}))
    assert "&lt;i&gt;Name&lt;/i&gt;" in html
    assert "a &amp; b" in html
    assert 'class="required"' in html
    assert "I &lt;agree&gt;</label>" in html
    bound = Form(data={"name": ""})
    bound.is_valid()
    html = Template("{% load stepdown %}{% field_row form.name %}").render(Context({"form": bound}))
    assert 'role="alert">This field is required.</small>' in html
    assert "a &amp; b" not in html  # the error replaces the help text
