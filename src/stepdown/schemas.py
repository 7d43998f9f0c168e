"""Building blocks shared by the API's schemas.

Input schemas are strict (no "1" for 1, no false for 0). JSON has no date or UUID type, so
those fields accept strings only, parsed by pydantic, and nothing else (no Unix timestamps).
Output schemas derive from ``Out`` and are built by the handlers (docs/architecture.md).
"""

from __future__ import annotations

import datetime as dt
import re
import typing
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from ninja import Schema
from pydantic import (
    AwareDatetime,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.functional_validators import ModelWrapValidatorHandler
from pydantic_core import PydanticCustomError

from stepdown.web.validation import Rule, field_rules

if TYPE_CHECKING:
    from django.db import models


# Stepdown's own checks raise errors with a type code, as pydantic's do, so the API words them
# in the request's language by code (stepdown.api_wording); the English here is pydantic's own
# rendering, for logs and tests that read the exception.
def refusal(code: str, english: str, **context: Any) -> PydanticCustomError:
    """An input error with a stable ``code`` (listed in ``stepdown.api_wording``)."""
    return PydanticCustomError(code, english, context or None)


def _text_only(value: Any) -> Any:
    if not isinstance(value, str):
        raise refusal("string_type", "must be a string")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WHOLE_NUMBER = re.compile(r"-?\d+")
DATE_MESSAGE = "must be a date written like 2026-01-31"


def _date_text_only(value: Any) -> Any:
    # pydantic alone reads "0" or "1700000000" as a Unix time (so "0" was 1 January 1970).
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise refusal("date_parsing", DATE_MESSAGE)
    return value


IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_text_only), Field(strict=False)]
IsoDate = Annotated[dt.date, BeforeValidator(_date_text_only), Field(strict=False)]
UuidText = Annotated[uuid.UUID, BeforeValidator(_text_only), Field(strict=False)]


def _contains_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(k) or _contains_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_contains_nul(item) for item in value)
    return False


class StrictIn(Schema):
    """Base for every request body: strict types, unknown fields rejected, no NUL characters
    (PostgreSQL cannot store them in text, and no person types one), and the database's limits
    on the fields of ``constraint_model`` checked before a service sees the value."""

    model_config = ConfigDict(strict=True, extra="forbid")
    constraint_model: ClassVar[type[models.Model] | None] = None

    @field_validator("*", mode="after")
    @classmethod
    def _plain_checks(cls, value: Any, info: ValidationInfo) -> Any:
        if _contains_nul(value):
            raise refusal("nul_character", "must not contain NUL characters")
        if cls.constraint_model is not None and info.field_name is not None:
            for rule in field_rules(cls.constraint_model).get(info.field_name, ()):
                problem = rule.problem(value)
                if problem:
                    raise _rule_refusal(rule, problem)
        return value


# A database limit broken, with pydantic's code and context where the meaning is the same.
_RULE_CODES = {
    "gt": "greater_than",
    "gte": "greater_than_equal",
    "lt": "less_than",
    "lte": "less_than_equal",
}
_RULE_KEYS = {"gt": "gt", "gte": "ge", "lt": "lt", "lte": "le"}


def _rule_refusal(rule: Rule, problem: str) -> PydanticCustomError:
    if rule.op == "not_empty":
        return refusal("blank", problem)
    if rule.op == "in":
        return refusal("not_an_option", problem)
    if rule.op == "gte" and rule.limit == 0:
        return refusal("not_negative", problem)
    return refusal(_RULE_CODES[rule.op], problem, **{_RULE_KEYS[rule.op]: rule.limit})


class QueryFilters(Schema):
    """Base for list filters read from the query string, where every value arrives as text.

    Whole numbers must be written in digits ("280.0" and "1e3" are refused, as a strict body
    refuses 280.0) and dates as YYYY-MM-DD ("0" is not 1 January 1970)."""

    @field_validator("*", mode="before")
    @classmethod
    def _plain_text(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str) or info.field_name is None:
            return value
        annotation = cls.model_fields[info.field_name].annotation
        kinds = {annotation, *typing.get_args(annotation)}
        if int in kinds and not _WHOLE_NUMBER.fullmatch(value):
            raise refusal("digits", "must be a whole number written in digits, like 20")
        if dt.date in kinds:
            _date_text_only(value)
        return value


# A product's form (``core.potency.ProductForm``): the journal's products, the onboarding answers.
FormName = typing.Literal["leaf_powder", "capsules", "tea", "extract", "seven_oh", "other"]


def exact_decimal(value: Any) -> Any:
    """Floats from JSON become exact decimals (via their shortest text form)."""
    return Decimal(str(value)) if isinstance(value, float) else value


def number(value: Decimal | None) -> float | None:
    """A stored decimal as a JSON number."""
    return None if value is None else float(value)


def clock(value: dt.time | None) -> str | None:
    """A time of day as HH:MM, the form the API reads times in."""
    return None if value is None else value.strftime("%H:%M")


class Out(Schema):
    """Base for every response body. A handler builds one (usually with a classmethod ``of``)
    and returns it, so the type checker sees what the API sends.

    An ``Out`` given where one is expected is used as it is: ninja's ``Schema`` would read it
    again attribute by attribute, so a nested or listed payload would be validated once per
    level (docs/architecture.md, "API payloads")."""

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler[Any], info: ValidationInfo
    ) -> Any:
        if type(values) is cls:
            return values
        # Typed as pydantic's decorator proxy, which is callable at run time.
        return super()._run_root_validator(values, handler, info)  # type: ignore[operator]


class ErrorItem(Out):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Out):
    detail: list[ErrorItem]


class MessageOut(Out):
    detail: str


# Every API route documents these answers (the fuzz and OpenAPI tests check it).
API_ERRORS: dict[int, Any] = {
    400: MessageOut,
    401: MessageOut,
    404: MessageOut,
    422: ValidationErrorOut,
}
