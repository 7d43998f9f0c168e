"""Model instances from plain SQL, as ``Model.objects.raw`` makes them, at a fraction of its cost.

The reads on every API call (the token's person, the active plan, the goal, the stored alerts)
are plain SQL because building the ORM query cost more than running it. ``raw()`` still works
out, for every query, which column is which field and how each value converts: for a person
with seventeen columns that took longer than the query (docs/performance.md, the API write path).
Here that work is done once per model, set of columns and connection, and kept.

The result is the same: each column that is a field of the model fills it (converted as the ORM
converts it: text to datetimes on SQLite, for one), fields not selected are deferred, and any
other column becomes an attribute as the database returned it. The primary key must be selected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model

Row = TypeVar("Row", bound=Model)

Converter = Callable[[Any, Any, Any], Any]


@dataclass(frozen=True)
class _Plan:
    names: list[str]  # the attnames of the model fields selected, in the model's field order
    positions: list[int]  # where each of them is in the row
    converters: list[tuple[int, list[Converter], Any]]  # (position, converters, column)
    extras: list[tuple[str, int]]  # other columns: (attribute, position)


_plans: WeakKeyDictionary[Any, dict[tuple[type[Model], tuple[str, ...]], _Plan]] = (
    WeakKeyDictionary()
)


def _plan(connection: Any, model: type[Model], columns: tuple[str, ...]) -> _Plan:
    known = _plans.setdefault(connection, {})
    found = known.get((model, columns))
    if found is not None:
        return found
    by_column = {field.column: field for field in model._meta.concrete_fields}
    selected = [field for field in model._meta.concrete_fields if field.column in columns]
    if model._meta.pk not in selected:
        raise ValueError("the query must select the primary key")
    converters = []
    for position, column in enumerate(columns):
        field = by_column.get(column)
        if field is None:
            continue
        col = field.get_col(model._meta.db_table)
        found_converters = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
        if found_converters:
            converters.append((position, found_converters, col))
    found = _Plan(
        names=[field.attname for field in selected],
        positions=[columns.index(field.column) for field in selected],
        converters=converters,
        extras=[(c, p) for p, c in enumerate(columns) if c not in by_column],
    )
    known[(model, columns)] = found
    return found


def raw_models(
    model: type[Row], sql: str, params: Sequence[Any], *, using: str = DEFAULT_DB_ALIAS
) -> list[Row]:
    """``list(model.objects.raw(sql, params))``, the same instances."""
    connection = connections[using]
    adapt = connection.ops.adapt_unknown_value
    with connection.cursor() as cursor:
        cursor.execute(sql, [adapt(value) for value in params])
        columns = tuple(column[0] for column in cursor.description)
        rows = cursor.fetchall()
    if not rows:
        return []
    plan = _plan(connection, model, columns)
    made = []
    for row in rows:
        values = list(row)
        for position, converters, col in plan.converters:
            value = values[position]
            for converter in converters:
                value = converter(value, col, connection)
            values[position] = value
        instance = model.from_db(using, plan.names, [values[p] for p in plan.positions])
        for attribute, position in plan.extras:
            setattr(instance, attribute, values[position])
        made.append(instance)
    return made
