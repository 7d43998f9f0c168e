"""One place for input checks and their wording, shared by every form and API schema.

- The database's ``CheckConstraint``s are the source of the simple limits ("more than 0",
  "7 or less", "one of the listed values"); :func:`field_rules` reads them from a model, so a form
  (:class:`AppVoiceForm`) and an API schema (``stepdown.schemas.StrictIn``) refuse a value with a
  plain message on the field before the database ever sees it.
- :data:`FIELD_MESSAGES` replaces Django's default form messages (``stepdown.api_wording`` words
  pydantic's for the API), so every error reads in the app's voice.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

# -- limits read from the database constraints ------------------------------------------------

_COMPARISONS: dict[str, tuple[Callable[[Any, Any], bool], str]] = {
    "gt": (lambda value, limit: value > limit, "must be more than {limit}"),
    "gte": (lambda value, limit: value >= limit, "must be {limit} or more"),
    "lt": (lambda value, limit: value < limit, "must be less than {limit}"),
    "lte": (lambda value, limit: value <= limit, "must be {limit} or less"),
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One limit on one field, read from a check constraint."""

    field: str
    op: str  # "gt", "gte", "lt", "lte", "in" or "not_empty"
    limit: Any = None

    def problem(self, value: Any) -> str | None:
        """Why ``value`` breaks the rule (lower case, no field name), or None when it is fine."""
        if value is None:
            return None
        if self.op == "not_empty":
            return "cannot be empty" if str(value).strip() == "" else None
        if self.op == "in":
            return None if value in self.limit else "must be one of the listed options"
        check, message = _COMPARISONS[self.op]
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            return None
        if check(value, self.limit):
            return None
        if self.op == "gte" and self.limit == 0:
            return "cannot be negative"
        return message.format(limit=self.limit)


def _rules_of(q: Q) -> list[Rule] | None:
    """Rules for a condition of the simple shapes below, or None for anything else.

    ``f__op=c [& g__op=d]``, ``f__isnull=True | f__op=c``, ``~Q(f="")`` and ``f__in=[...]``.
    Anything else (two fields compared, states that depend on each other) is left to services.
    """
    if q.negated:
        if len(q.children) == 1 and isinstance(q.children[0], tuple):
            lookup, value = q.children[0]
            if "__" not in lookup and value == "":
                return [Rule(lookup, "not_empty")]
        return None
    if q.connector == Q.OR:
        nullable = [
            c for c in q.children if (isinstance(c, Q) and _is_null_test(c)) or _is_null_tuple(c)
        ]
        rest = [c for c in q.children if c not in nullable]
        if len(nullable) != 1 or len(rest) != 1:
            return None
        inner = rest[0] if isinstance(rest[0], Q) else Q(rest[0])
        inner_rules = _rules_of(inner)
        null_field = _null_field(nullable[0])
        # "f is empty or g > 0" is no limit on g alone.
        if inner_rules and all(rule.field == null_field for rule in inner_rules):
            return inner_rules
        return None
    rules: list[Rule] = []
    for child in q.children:
        if not isinstance(child, tuple):
            return None
        lookup, value = child
        name, _sep, op = lookup.partition("__")
        if isinstance(value, models.expressions.Combinable):
            return None
        if op in _COMPARISONS:
            rules.append(Rule(name, op, value))
        elif op == "in":
            rules.append(Rule(name, "in", frozenset(value)))
        else:
            return None
    return rules


def _is_null_tuple(child: Any) -> bool:
    return isinstance(child, tuple) and child[0].endswith("__isnull") and child[1] is True


def _null_field(child: Any) -> str:
    test = child.children[0] if isinstance(child, Q) else child
    return str(test[0]).removesuffix("__isnull")  # type: ignore[index]


def _is_null_test(q: Q) -> bool:
    return not q.negated and len(q.children) == 1 and _is_null_tuple(q.children[0])


def constraint_rules(constraint: models.CheckConstraint) -> list[Rule] | None:
    """The field rules a check constraint amounts to, or None when it is not a simple limit."""
    condition = constraint.condition
    return _rules_of(condition) if isinstance(condition, Q) else None


@functools.cache
def field_rules(model: type[models.Model]) -> Mapping[str, tuple[Rule, ...]]:
    """Every simple limit the database puts on ``model``'s fields, by field name."""
    found: dict[str, list[Rule]] = {}
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.CheckConstraint):
            for rule in constraint_rules(constraint) or ():
                found.setdefault(rule.field, []).append(rule)
    return {name: tuple(rules) for name, rules in found.items()}


# The same problems as whole sentences for forms, so they translate (the API keeps the parts).
_FORM_PROBLEMS = {
    "gt": _("%(label)s must be more than %(limit)s."),
    "gte": _("%(label)s must be %(limit)s or more."),
    "lt": _("%(label)s must be less than %(limit)s."),
    "lte": _("%(label)s must be %(limit)s or less."),
    "negative": _("%(label)s cannot be negative."),
    "not_empty": _("%(label)s cannot be empty."),
    "in": _("%(label)s must be one of the listed options."),
}


class RuleValidator:
    """A form validator for one database rule, worded with the field's label."""

    def __init__(self, rule: Rule, label: str) -> None:
        self.rule = rule
        self.label = label

    def __call__(self, value: Any) -> None:
        rule = self.rule
        if not rule.problem(value):
            return
        kind = "negative" if rule.op == "gte" and rule.limit == 0 else rule.op
        limit = formats.number_format(rule.limit) if kind in _COMPARISONS else ""
        message = _FORM_PROBLEMS[kind] % {"label": self.label, "limit": limit}
        raise ValidationError(message, code="out_of_range")


# -- form messages in the app's voice ---------------------------------------------------------

Messages = dict[str, StrOrPromise]

NUMBER_MESSAGES: Messages = {
    "invalid": _("Enter a number, for example 2.5."),
    "min_value": _("Enter %(limit_value)s or more."),
    "max_value": _("Enter %(limit_value)s or less."),
    "step_size": _("Enter a multiple of %(limit_value)s."),
    "max_digits": _("That number is too large."),
    "max_whole_digits": _("That number is too large."),
    "max_decimal_places": _("Use at most %(max)s decimal places."),
}
TEXT_MESSAGES: Messages = {
    "max_length": _("Keep this to %(limit_value)d characters or fewer."),
    "min_length": _("Use at least %(limit_value)d characters."),
    "null_characters_not_allowed": _("This text contains a character that cannot be saved."),
}
CHOICE_MESSAGES: Messages = {
    "invalid_choice": _("Choose one of the options."),
    "invalid_list": _("Choose from the options."),
    "invalid_pk_value": _("Choose one of the options."),
}
# By field type, most specific first; every field also gets the general messages.
FIELD_MESSAGES: tuple[tuple[type[forms.Field], Messages], ...] = (
    # DecimalField and FloatField are IntegerFields to Python: they come first, so a decimal
    # amount is not asked for "a whole number".
    (forms.DecimalField, NUMBER_MESSAGES),
    (forms.FloatField, NUMBER_MESSAGES),
    (forms.IntegerField, {**NUMBER_MESSAGES, "invalid": _("Enter a whole number, for example 3.")}),
    (forms.DateTimeField, {"invalid": _("Enter a date and time, for example 2025-03-14 08:30.")}),
    (forms.DateField, {"invalid": _("Enter a date, for example 2025-03-14.")}),
    (forms.TimeField, {"invalid": _("Enter a time, for example 08:30.")}),
    (forms.EmailField, {"invalid": _("Enter an email address, for example sam@example.org.")}),
    (
        forms.UUIDField,
        {"invalid": _("This form was not sent as expected; reload the page and try again.")},
    ),
    (
        forms.ModelChoiceField,
        {**CHOICE_MESSAGES, "invalid_choice": _("Choose one of the options.")},
    ),
    (forms.ChoiceField, CHOICE_MESSAGES),
    (forms.BooleanField, {"required": _("Tick this box to go on.")}),
    (
        forms.ImageField,
        {
            "invalid_image": _(
                "This file is not a photo Stepdown can read (use JPEG, PNG or HEIC)."
            ),
            "invalid_extension": _("Use a JPEG, PNG or HEIC photo."),
        },
    ),
    (
        forms.FileField,
        {
            "invalid": _("Choose a file to upload."),
            "missing": _("Choose a file to upload."),
            "empty": _("This file is empty."),
            "contradiction": _("Either choose a new file or remove the old one, not both."),
        },
    ),
)
GENERAL_MESSAGES: Messages = {
    "required": _("Please fill this in."),
    "invalid": _("Please check this value."),
    **TEXT_MESSAGES,
}


def _django_defaults(field: forms.Field) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for klass in reversed(type(field).__mro__):
        defaults.update(getattr(klass, "default_error_messages", {}))
    return defaults


def plain_messages(field: forms.Field) -> Messages:
    """App-voice messages for a form field, keeping any message a form set on purpose."""
    wanted = dict(GENERAL_MESSAGES)
    for klass, messages in reversed(FIELD_MESSAGES):
        if isinstance(field, klass):
            wanted.update(messages)
    defaults = _django_defaults(field)
    current = field.error_messages
    return {
        code: message
        for code, message in wanted.items()
        if code not in current or current[code] == defaults.get(code)
    }


class AppVoiceMixin:
    """Every form's base: plain messages for every field, and the database's limits checked on
    the fields of ``constraint_model`` (a ModelForm's own model by default)."""

    constraint_model: ClassVar[type[models.Model] | None] = None
    # Forms that share a page and a field name (several "reason" boxes) need their own ids, or
    # every label points at the first box.
    id_prefix: ClassVar[str | None] = None
    fields: dict[str, forms.Field]
    is_bound: bool

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if self.id_prefix:
            kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        # Applied when cleaning, not in __init__, so fields a form adds in its own __init__
        # get them too; and only to a bound form: an unbound one (a blank form on a page,
        # whose errors a template asks for) is never cleaned.
        if self.is_bound and not getattr(self, "_app_voice_applied", False):
            self._apply_app_voice()
            self._app_voice_applied = True
        super().full_clean()  # type: ignore[misc]

    def _apply_app_voice(self) -> None:
        meta = getattr(self, "_meta", None)
        model = self.constraint_model or getattr(meta, "model", None)
        rules = field_rules(model) if model is not None else {}
        for name, field in self.fields.items():
            field.error_messages = {**field.error_messages, **plain_messages(field)}
            label = str(field.label or name.replace("_", " ").capitalize())
            for rule in rules.get(name, ()):
                field.validators = [*field.validators, RuleValidator(rule, label)]


class AppVoiceForm(AppVoiceMixin, forms.Form):
    """A ``forms.Form`` with the app's messages and the model's limits."""


_M = TypeVar("_M", bound=models.Model)


class AppVoiceModelForm(AppVoiceMixin, forms.ModelForm[_M]):
    """A ``forms.ModelForm`` with the app's messages and the model's limits."""
