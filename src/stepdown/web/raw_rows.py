"""Model instances from plain SQL, as ``Model.objects.raw`` makes them, at a fraction of its cost.

The reads on every API call (the token's person, the active plan, the goal, the stored alerts)
are plain SQL because building the ORM query cost more than running it. ``raw()`` still works
out, for every query, which column is which field and how each value converts: for a person
with seventeen columns that took longer than the query (docs/performance.md, the API write path).
Here that work is done once per model, set of columns and connection, and kept.

The result is the same: each column that is a field of the model fills it (converted as the ORM
converts it: text to datetimes on SQLite, for one), fields not selected are deferred, and any
other column becomes an attribute as the database returned it. The primary key must be selected.

A row can also carry a related row, as ``select_related`` loads it: columns named
``<relation>__<column>`` (``product__name``) fill the instance of that relation, which reads it
without a query; a NULL in its primary key column means there is none. Rows that share a
related row share its instance, as ``prefetch_related`` makes them (thirty doses of one product
are one product, not thirty).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init

Row = TypeVar("Row", bound=Model)

Converter = Callable[[Any, Any, Any], Any]


@dataclass(frozen=True)
class _Plan:
    names: list[str]  # the attnames of the model fields selected, in the model's field order
    positions: list[int]  # where each of them is in the row
    converters: list[tuple[int, list[Converter], Any]]  # (position, converters, column)
    extras: list[tuple[str, int]]  # other columns: (attribute, position)
    pk_position: int


_PlanKey = tuple[type[Model], tuple[str, ...], str]
_plans: WeakKeyDictionary[Any, dict[_PlanKey, _Plan]] = WeakKeyDictionary()


def _plan(connection: Any, model: type[Model], columns: tuple[str, ...], prefix: str = "") -> _Plan:
    """Which columns fill ``model``: those named ``<prefix><column>`` (with a prefix, a related
    row's), or those without ``__`` (the row's own, whose other columns become attributes)."""
    known = _plans.setdefault(connection, {})
    found = known.get((model, columns, prefix))
    if found is not None:
        return found
    own = {
        position: column[len(prefix) :] if prefix else column
        for position, column in enumerate(columns)
        if (column.startswith(prefix) if prefix else "__" not in column)
    }
    by_column = {field.column: field for field in model._meta.concrete_fields}
    at = {column: position for position, column in own.items()}
    selected = [field for field in model._meta.concrete_fields if field.column in at]
    if model._meta.pk not in selected:
        raise ValueError("the query must select the primary key")
    converters = []
    for position, column in own.items():
        field = by_column.get(column)
        if field is None:
            continue
        col = field.get_col(model._meta.db_table)
        found_converters = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
        if found_converters:
            converters.append((position, found_converters, col))
    found = _Plan(
        names=[field.attname for field in selected],
        positions=[at[field.column] for field in selected],
        converters=converters,
        extras=[] if prefix else [(c, p) for p, c in own.items() if c not in by_column],
        pk_position=at[model._meta.pk.column],
    )
    known[(model, columns, prefix)] = found
    return found


_STORING = (DeferredAttribute, ForeignKeyDeferredAttribute)


def _maker(model: type[Row], using: str) -> Callable[[list[str], list[Any]], Row]:
    """How to make an instance from field names and values: ``model.from_db``, or, for a model
    that leaves ``__init__`` and ``from_db`` as Django's and has no receiver of the init
    signals, the object ``from_db`` would make, filled directly. ``Model.__init__`` walks every
    field of the model for each row (a field not selected is deferred by being absent, as
    there); thirty doses on the Today page cost more that way than their query."""
    plain = (
        model.__init__ is Model.__init__
        and model.from_db.__func__ is Model.from_db.__func__  # type: ignore[attr-defined]
        and not pre_init.has_listeners(model)
        and not post_init.has_listeners(model)
        # Setting these on a new instance only stores the value (a file field's, say, does more).
        and all(
            type(model.__dict__.get(field.attname)) in _STORING
            for field in model._meta.concrete_fields
        )
    )
    if not plain:
        return lambda names, values: model.from_db(using, names, values)

    def make(names: list[str], values: list[Any]) -> Row:
        instance = model.__new__(model)
        state = instance._state = ModelState()
        state.adding, state.db = False, using
        instance.__dict__.update(zip(names, values, strict=True))
        return instance

    return make


def _converted(plan: _Plan, values: list[Any], connection: Any) -> None:
    for position, converters, col in plan.converters:
        value = values[position]
        for converter in converters:
            value = converter(value, col, connection)
        values[position] = value


def columns_of(
    model: type[Model], *, table: str, prefix: str = "", only: Iterable[str] | None = None
) -> str:
    """A select list of ``model``'s columns (``only`` those, and always the primary key) read
    from ``table`` (its name or alias), each named ``<prefix><column>``: with the prefix
    ``<relation>__``, the columns :func:`raw_models` fills that relation from."""
    wanted = None if only is None else {model._meta.pk.column, *only}
    return ", ".join(
        f'"{table}"."{field.column}" AS "{prefix}{field.column}"'
        for field in model._meta.concrete_fields
        if wanted is None or field.column in wanted
    )


def raw_models(
    model: type[Row],
    sql: str,
    params: Sequence[Any],
    *,
    related: Mapping[str, type[Model]] | None = None,
    using: str = DEFAULT_DB_ALIAS,
) -> list[Row]:
    """``list(model.objects.raw(sql, params))``, the same instances; with ``related``
    (relation name → its model), each also holds the related rows its columns carry."""
    connection = connections[using]
    adapt = connection.ops.adapt_unknown_value
    with connection.cursor() as cursor:
        cursor.execute(sql, [adapt(value) for value in params])
        columns = tuple(column[0] for column in cursor.description)
        rows = cursor.fetchall()
    if not rows:
        return []
    plan, make = _plan(connection, model, columns), _maker(model, using)
    joined = [
        (
            model._meta.get_field(name),
            _maker(other, using),
            _plan(connection, other, columns, f"{name}__"),
        )
        for name, other in (related or {}).items()
    ]
    shared: list[dict[Any, Model]] = [{} for _ in joined]
    made = []
    for row in rows:
        values = list(row)
        _converted(plan, values, connection)
        instance = make(plan.names, [values[p] for p in plan.positions])
        for attribute, position in plan.extras:
            setattr(instance, attribute, values[position])
        for (field, make_other, other_plan), seen in zip(joined, shared, strict=True):
            key = values[other_plan.pk_position]
            found = None if key is None else seen.get(key)
            if key is not None and found is None:
                _converted(other_plan, values, connection)
                found = seen[key] = make_other(
                    other_plan.names, [values[p] for p in other_plan.positions]
                )
            field.set_cached_value(instance, found)  # type: ignore[union-attr]
        made.append(instance)
    return made
