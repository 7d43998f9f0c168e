"""Building blocks shared by the API's input schemas.

Input schemas are strict (no "1" for 1, no false for 0). JSON has no date or UUID type, so
those fields accept strings only, parsed by pydantic, and nothing else (no Unix timestamps).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from ninja import Schema
from pydantic import AwareDatetime, BeforeValidator, ConfigDict, Field


def _text_only(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_text_only), Field(strict=False)]
IsoDate = Annotated[dt.date, BeforeValidator(_text_only), Field(strict=False)]
UuidText = Annotated[uuid.UUID, BeforeValidator(_text_only), Field(strict=False)]


class StrictIn(Schema):
    """Base for every request body: strict types, unknown fields rejected."""

    model_config = ConfigDict(strict=True, extra="forbid")


class ErrorItem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    detail: list[ErrorItem]


class MessageOut(Schema):
    detail: str
