"""Walks every database check constraint, every form and every API schema.

A value the database would refuse is refused first by a form or schema, on the field, in plain
words; no form shows one of Django's (or pydantic's) stock messages.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.core import validators
from django.db import models
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError as PydanticError

from stepdown.api_wording import message as plain_api_message
from stepdown.schemas import StrictIn
from stepdown.web.validation import AppVoiceMixin, constraint_rules

# Constraints that are not simple limits on one field, each with who keeps it and how. The
# check below proves that no form or schema exposes the fields they cover, or names the test
# that posts the violating input.
NOT_FIELD_LIMITS = {
    # Two fields compared: the service refuses with a message on the field (tests named).
    "plan_ends_after_start": "end date is computed from the steps, never typed",
    "plan_target_doses_in_range": "plans.services (tests/plans: target above current doses)",
    "reminder_quiet_hours_both_or_neither": "reminders.services._check_quiet_hours",
    "reminder_quiet_hours_not_empty": "reminders.services._check_quiet_hours",
    "urge_started_before_logged": "learn.services._check_start",
    "response_window_ordered": "windows come from the schedule, never typed",
    "substance_use_alcohol_in_standard_drinks": "substances.services sets the unit for alcohol",
    # States that move together, written only by services.
    "plan_ended_at_matches_status": "set by plan services",
    "plan_adjustment_has_end_before": "set by plan services",
    "reminder_email_off_when_unsubscribed": "set by the unsubscribe service",
    "alert_resolved_at_matches_status": "set by alert services",
    "suggestion_decided_at_matches_status": "set by suggestion services",
    "suggestion_adjustment_only_when_accepted": "set by suggestion services",
    "membership_deactivated_when_inactive": "set by clinic.services.membership_deactivate",
    "consent_expiry_date_or_event": "clinic.consents._expiry (a service) sets both from the date",
}
# Limits on values the app computes, never typed by a person.
COMPUTED = {
    "onboarding_phq2_range": "the PHQ-2 total is scored from the answers",
    "onboarding_gad2_range": "the GAD-2 total is scored from the answers",
    "skin_photo_role_known": "the role is the upload slot",
    "skin_photo_status_known": "set by the upload and by the worker (skin.processing)",
    "clinic_name_not_empty": "typed only on the command line; clinic.services.clinic_create",
    "membership_role_known": "copied from the invitation the clinician accepted",
    "consent_purpose_known": "always treatment, set by the consent services",
    "consent_version_positive": "counted by the consent services",
    "proposal_status_known": "set by clinic.proposals (pending, then the person's answer)",
}


def _stepdown_apps() -> list[Any]:
    return [config for config in apps.get_app_configs() if config.name.startswith("stepdown.")]


def _classes(module_name: str, base: type) -> Iterator[type]:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return
    for _, value in inspect.getmembers(module, inspect.isclass):
        if issubclass(value, base) and value.__module__ == module.__name__:
            yield value


def all_forms() -> list[type[forms.BaseForm]]:
    return [
        cls
        for config in _stepdown_apps()
        for cls in _classes(f"{config.name}.forms", forms.BaseForm)
    ]


def all_schemas() -> list[type[StrictIn]]:
    return [
        cls for config in _stepdown_apps() for cls in _classes(f"{config.name}.schemas", StrictIn)
    ]


def check_constraints() -> list[tuple[type[models.Model], models.CheckConstraint]]:
    return [
        (model, constraint)
        for config in _stepdown_apps()
        for model in config.get_models()
        for constraint in model._meta.constraints
        if isinstance(constraint, models.CheckConstraint)
    ]


def _model_of(cls: type) -> type[models.Model] | None:
    model = getattr(cls, "constraint_model", None)
    meta = getattr(cls, "_meta", None)
    return model or getattr(meta, "model", None)


def build_form(cls: type[forms.BaseForm], data: dict[str, Any], user: Any) -> forms.BaseForm:
    """A bound form, with whatever keyword arguments its ``__init__`` asks for."""
    from stepdown.plans.models import Plan

    extra: dict[str, Any] = {}
    for name, param in inspect.signature(cls.__init__).parameters.items():
        if param.kind is not inspect.Parameter.KEYWORD_ONLY or param.default is not param.empty:
            continue
        extra[name] = {
            "owner": user,
            "plan": Plan(owner=user, method="proportional"),
            "instrument": "phq9",
            "always_on": False,
        }[name]
    if issubclass(cls, AuthenticationForm):
        return cls(None, data=data, **extra)
    if issubclass(cls, SetPasswordForm):  # PasswordChangeForm too: both take the user first
        return cls(user, data=data, **extra)
    return cls(data=data, **extra)


def _violating(model: type[models.Model], rule: Any) -> Any:
    field = model._meta.get_field(rule.field)
    if rule.op == "not_empty":
        return "   "
    if rule.op == "in":
        return "no-such-choice"
    step = 1 if isinstance(field, models.IntegerField) else Decimal("0.5")
    return {
        "gt": rule.limit,
        "gte": rule.limit - step,
        "lt": rule.limit,
        "lte": rule.limit + step,
    }[rule.op]


def _json_value(model: type[models.Model], name: str, value: Any) -> Any:
    field = model._meta.get_field(name)
    if isinstance(value, Decimal):
        return int(value) if isinstance(field, models.IntegerField) else float(value)
    return value


CONSTRAINT_NAMES = [constraint.name for _, constraint in check_constraints()]


def _assert_plain(message: str, field: str) -> None:
    assert message, field
    for name in CONSTRAINT_NAMES:
        assert name not in message, (field, message)
    assert "onstraint" not in message, (field, message)
    assert not DJANGO_DEFAULTS.search(message), (field, message)
    assert not PYDANTIC_DEFAULTS.search(message), (field, message)


# -- Django's and pydantic's stock wording ----------------------------------------------------


def _django_templates() -> set[str]:
    found: set[str] = set()
    for module in (forms.fields, forms.models):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            for klass in cls.__mro__:
                found.update(str(m) for m in getattr(klass, "default_error_messages", {}).values())
    for _, cls in inspect.getmembers(validators, inspect.isclass):
        message = getattr(cls, "message", None)
        if message:
            found.add(str(message))
        messages = getattr(cls, "messages", None)
        if isinstance(messages, dict):
            found.update(str(m) for m in messages.values())
    for _, cls in inspect.getmembers(models.fields, inspect.isclass):
        for klass in cls.__mro__:
            found.update(str(m) for m in getattr(klass, "default_error_messages", {}).values())
    found.add(str(models.BaseConstraint.default_violation_error_message))
    return {template for template in found if len(template) > 8}


def _as_pattern(template: str) -> str:
    parts = re.split(r"%\(\w+\)[sdr]|\{\w*\}", template)
    return ".*".join(re.escape(part) for part in parts)


DJANGO_DEFAULTS = re.compile("|".join(_as_pattern(t) for t in sorted(_django_templates())))
PYDANTIC_DEFAULTS = re.compile(
    r"Input should|Field required|Value error,|String should|Extra inputs|valid (number|integer)"
)


# -- 1. every check constraint has a guard in front of it -------------------------------------


def test_every_check_constraint_is_a_field_limit_or_named_here() -> None:
    unnamed = [
        constraint.name
        for _, constraint in check_constraints()
        if constraint_rules(constraint) is None and constraint.name not in NOT_FIELD_LIMITS
    ]
    assert unnamed == []
    stale = set(NOT_FIELD_LIMITS) | set(COMPUTED)
    assert stale <= set(CONSTRAINT_NAMES)


def test_no_form_or_schema_types_a_value_that_only_services_set() -> None:
    """The constraints left to services cover fields no form or schema lets a person set
    directly, except those whose service check is named above."""
    typed = {
        (_model_of(cls), name)
        for cls in [*all_forms(), *all_schemas()]
        for name in (getattr(cls, "base_fields", None) or getattr(cls, "model_fields", {}))
    }
    for model, constraint in check_constraints():
        reason = NOT_FIELD_LIMITS.get(constraint.name) or COMPUTED.get(constraint.name)
        if reason is None or ("service" in reason and "." in reason):
            continue
        fields = {ref.split("__")[0] for ref in _referenced(constraint.condition)}
        assert not {(model, name) for name in fields} & typed, constraint.name


def _referenced(q: Any) -> Iterator[str]:
    for child in q.children:
        if isinstance(child, tuple):
            yield child[0]
        else:
            yield from _referenced(child)


def test_forms_and_schemas_with_constrained_fields_name_their_model() -> None:
    """A form or schema in an app whose field is limited by one of the app's models says which
    model it fills, so the limits reach it."""
    for cls in [*all_forms(), *all_schemas()]:
        app = cls.__module__.rsplit(".", 1)[0]
        names = set(getattr(cls, "base_fields", None) or getattr(cls, "model_fields", {}))
        limited = {
            rule.field
            for model, constraint in check_constraints()
            if model.__module__.startswith(app)
            for rule in constraint_rules(constraint) or ()
            if constraint.name not in COMPUTED
        }
        if names & limited:
            assert _model_of(cls) is not None, (cls, names & limited)


@pytest.mark.django_db
def test_every_field_limit_is_refused_on_the_field_in_plain_words(person: Any) -> None:
    forms_ = all_forms()
    schemas = all_schemas()
    for model, constraint in check_constraints():
        rules = constraint_rules(constraint)
        if not rules or constraint.name in COMPUTED:
            continue
        for rule in rules:
            value = _violating(model, rule)
            guards = 0
            for form_cls in forms_:
                if _model_of(form_cls) is not model or rule.field not in form_cls.base_fields:
                    continue
                form = build_form(form_cls, {rule.field: str(value)}, person)
                assert not form.is_valid()
                errors = form.errors.get(rule.field)
                assert errors, (constraint.name, form_cls)
                for message in errors:
                    _assert_plain(message, rule.field)
                guards += 1
            for schema in schemas:
                if _model_of(schema) is not model or rule.field not in schema.model_fields:
                    continue
                with pytest.raises(PydanticError) as caught:
                    schema.model_validate({rule.field: _json_value(model, rule.field, value)})
                mine = [e for e in caught.value.errors() if e["loc"][:1] == (rule.field,)]
                assert mine, (constraint.name, schema)
                for error in mine:
                    _assert_plain(plain_api_message(error), rule.field)
                guards += 1
            assert guards, f"nothing in front of {constraint.name} ({rule.field})"


@pytest.mark.django_db
def test_product_form_refuses_negative_lab_value_and_zero_capsule(web: Any) -> None:
    """The case from the report, through the page: no constraint name reaches the person."""
    response = web.post(
        "/products/new/",
        {
            "name": "Green Maeng Da",
            "form": "capsules",
            "capsule_weight_g": "0",
            "mitragynine_mg_per_unit": "-3",
            "seven_oh_mg_per_unit": "-1",
            "heavy_metals": "unknown",
            "microbial": "unknown",
        },
    )
    text = response.content.decode()
    assert response.status_code == 422
    assert "product_" not in text
    assert "onstraint" not in text
    assert "Weight of one capsule (g) must be more than 0." in text
    assert "Mitragynine (mg per g, or per ml for liquids) cannot be negative." in text


NUMERIC_RULES = [
    (model, constraint, rule)
    for model, constraint in check_constraints()
    for rule in constraint_rules(constraint) or ()
    if rule.op in {"gt", "gte", "lt", "lte"}
]


@pytest.mark.django_db
@settings(max_examples=40)
@given(data=st.data())
def test_rules_agree_with_the_database_on_every_value(data: Any) -> None:
    """The database itself is the oracle: a value a rule lets through is one the constraint
    accepts (``Q.check`` asks the database), and the other way round."""
    model, constraint, rule = data.draw(st.sampled_from(NUMERIC_RULES))
    field = model._meta.get_field(rule.field)
    if isinstance(field, models.IntegerField):
        value: Any = data.draw(st.integers(min_value=-50, max_value=400))
    else:
        value = data.draw(st.decimals(min_value=-50, max_value=400, places=3, allow_nan=False))
    others = [r for r in constraint_rules(constraint) or () if r.field != rule.field]
    assert others == []  # every simple limit is on one field
    allowed_by_rules = all(r.problem(value) is None for r in constraint_rules(constraint) or ())
    assert allowed_by_rules == constraint.condition.check({rule.field: value}), (
        constraint.name,
        value,
    )


# -- 2. no stock messages anywhere ------------------------------------------------------------

BAD_VALUES: dict[type[forms.Field], list[str]] = {
    forms.IntegerField: ["many", "1.5", "-99999999999", "99999999999"],
    forms.DecimalField: ["lots", "1e40", "-5", "123456789012.5", "1.123456789", "NaN"],
    forms.FloatField: ["lots", "1e400", "-5"],
    forms.DateTimeField: ["yesterday", "2025-13-45T99:99"],
    forms.DateField: ["someday", "2025-02-30", "99999-01-01"],
    forms.TimeField: ["noonish", "25:99"],
    forms.EmailField: ["sam-at-home"],
    forms.UUIDField: ["not-a-uuid"],
    forms.ChoiceField: ["no-such-option"],
    forms.MultipleChoiceField: ["no-such-option"],
    forms.CharField: ["x" * 20_000, "a\x00b"],
}


def _bad_values(field: forms.Field) -> list[str]:
    for klass, values in BAD_VALUES.items():
        if isinstance(field, klass):
            return values
    return ["", "?"]


@pytest.mark.django_db
def test_no_form_shows_a_framework_message(person: Any) -> None:
    checked = 0
    for form_cls in all_forms():
        assert issubclass(form_cls, AppVoiceMixin), f"{form_cls} does not use the app's messages"
        fields = build_form(form_cls, {}, person).fields
        for name, field in fields.items():
            for value in ["", *_bad_values(field)]:
                form = build_form(form_cls, {name: value}, person)
                form.is_valid()
                for message in [*form.errors.get(name, []), *form.non_field_errors()]:
                    _assert_plain(message, f"{form_cls.__name__}.{name}={value[:20]!r}")
                    checked += 1
    assert checked > 100


BAD_JSON: list[Any] = ["text", -1, 0, 1.5, 10**12, True, None, [], {}, "2025-13-45", "x" * 5000]


def test_no_schema_error_reads_like_pydantic() -> None:
    checked = 0
    for schema in all_schemas():
        for name in schema.model_fields:
            for value in BAD_JSON:
                try:
                    schema.model_validate({name: value, "not_a_field": 1})
                except PydanticError as error:
                    for item in error.errors():
                        _assert_plain(plain_api_message(item), f"{schema.__name__}.{name}")
                        checked += 1
    assert checked > 100


@pytest.mark.django_db
def test_api_answers_422_in_plain_words(api: Any) -> None:
    response = api.post(
        "/products",
        {"name": "", "capsule_weight_g": 0, "mitragynine_mg_per_unit": "3", "colour": "green"},
    )
    assert response.status_code == 422
    detail = {tuple(item["loc"]): item["msg"] for item in response.json()["detail"]}
    assert detail[("body", "capsule_weight_g")] == "Must be more than 0."
    assert detail[("body", "mitragynine_mg_per_unit")] == "Must be a number."
    assert detail[("body", "colour")] == "This field is not accepted here."
    for message in detail.values():
        _assert_plain(message, "api")
