"""How one kind of record travels in ``stepdown.json``: the :class:`Table` spec, and the one
way a value is written (``encode``) and read back (``decode``).

Every list of the export is a ``Table``: a model, the columns that are the person's data, the
references to rows of other lists (by their ``id`` in the export), the people a row names (the
person themself is ``"self"``, anyone else their name and email) and the rows nested in it (a
plan's adjustments, a session's photos). One generic writer and one generic reader follow the
specs, so a new column is one word in a topic module.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from django.db import models

if TYPE_CHECKING:
    from stepdown.accounts.models import User
    from stepdown.clinic.models import Clinic

Row = dict[str, Any]
Cleaner = Callable[[Any, Any], Any]


class Context(Protocol):
    """What a table's import hooks may ask of the import under way."""

    owner: User

    def clinic(self, value: Any) -> Clinic: ...

    def person(self, value: Any) -> User | None: ...

    def pk(self, table: str, export_id: Any) -> int | None: ...

    def photo_key(self, name: str) -> str: ...


@dataclass(frozen=True)
class Table:
    """One list of ``stepdown.json`` (or one list nested in a row of another)."""

    name: str
    model: type[models.Model]
    fields: tuple[str, ...]
    # Foreign key attribute -> the list its export ids point into.
    refs: Mapping[str, str] = field(default_factory=dict)
    # Foreign keys to an account: "self", null, or {"name", "email"} of someone else.
    people: tuple[str, ...] = ()
    children: tuple[Table, ...] = ()
    # A nested table: the reverse accessor on the parent, and the foreign key back to it.
    accessor: str = ""
    parent: str = ""
    # A one-to-one nested row: an object or null instead of a list.
    single: bool = False
    # How the top-level rows are found: ``{owned_by: person}``.
    owned_by: str = "owner"
    where: Mapping[str, Any] = field(default_factory=dict)
    order: tuple[str, ...] = ("pk",)
    # Computed columns (a clinic's name, the photo's file in the ZIP) and how they come back.
    extra_out: Callable[[Any, User], Row] | None = None
    extra_in: Callable[[Context, Row, Any], None] | None = None
    # Work that needs the saved row (a many-to-many).
    after_save: Callable[[Context, Row, Any], None] | None = None
    # The row already on the target that this one is (a goal, a medicine of the same name).
    # For a nested row, ``parent`` is the row it belongs to on the target.
    natural: Callable[[Context, Row, Any], models.Model | None] | None = None
    # Exported, never imported (the access log belongs to the instance that wrote it).
    export_only: bool = False
    # JSON column -> the owning app's own check of it (the one its services write through),
    # given the file's value and the row built so far; it returns the value to store or raises
    # ``InvalidInput``. Every JSON column of an imported table has one (a test checks).
    json: Mapping[str, Cleaner] = field(default_factory=dict)

    @property
    def csv_columns(self) -> tuple[str, ...]:
        """The CSV's header: the id, the parent's id, the columns and references."""
        parent = (f"{self.parent}_id",) if self.parent else ()
        extra = self.extra_columns
        return ("id", *parent, *self.fields, *self.refs, *self.people, *extra)

    @property
    def extra_columns(self) -> tuple[str, ...]:
        return tuple(getattr(self.extra_out, "columns", ()))


def columns(*names: str) -> Callable[[Callable[..., Row]], Callable[..., Row]]:
    """Name the keys an ``extra_out`` function adds (they become CSV columns)."""

    def mark(function: Callable[..., Row]) -> Callable[..., Row]:
        function.columns = names  # type: ignore[attr-defined]
        return function

    return mark


def encode(value: Any) -> Any:
    """A model value as JSON: decimals as strings (exact), times in ISO 8601, UTC for instants."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def decode(model: type[models.Model], name: str, value: Any) -> Any:
    """A JSON value back into what the model's field holds; ``ValidationError`` when it cannot."""
    model_field = model._meta.get_field(name)
    if isinstance(model_field, models.JSONField):
        return value
    return model_field.to_python(value)  # type: ignore[union-attr]
