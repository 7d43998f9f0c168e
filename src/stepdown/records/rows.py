"""The rows of one export table, read from the database a chunk at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import models

from stepdown.accounts.models import User
from stepdown.records.export_format.people import person_ref
from stepdown.records.export_format.table import Row, Table, encode

CHUNK = 500


def _prefetch(table: Table, prefix: str = "") -> list[str]:
    paths: list[str] = []
    for person in table.people:
        paths.append(prefix + person)
    for child in table.children:
        path = prefix + child.accessor
        paths.append(path)
        paths.extend(_prefetch(child, path + "__"))
    return paths


def top_query(table: Table, owner: User) -> models.QuerySet[Any]:
    """The person's rows of a top-level table, in export order."""
    return (
        table.model._default_manager.filter(**{table.owned_by: owner}, **table.where)
        .order_by(*table.order)
        .prefetch_related(*_prefetch(table))
    )


def table_rows(table: Table, owner: User) -> Iterator[Row]:
    """Every row of a top-level table, nested rows included, streamed."""
    for item in top_query(table, owner).iterator(chunk_size=CHUNK):
        yield row_of(table, item, owner)


def row_of(table: Table, item: Any, owner: User) -> Row:
    row: Row = {"id": item.pk}
    for name in table.fields:
        row[name] = encode(getattr(item, name))
    for name in table.refs:
        row[name] = getattr(item, f"{name}_id")
    for name in table.people:
        row[name] = person_ref(getattr(item, name), owner)
    if table.extra_out is not None:
        row.update(table.extra_out(item, owner))
    for child in table.children:
        row[child.name] = _children(child, item, owner)
    return row


def _children(child: Table, parent: Any, owner: User) -> Any:
    if child.single:
        try:
            nested = getattr(parent, child.accessor)
        except child.model.DoesNotExist:  # type: ignore[attr-defined]
            return None
        return row_of(child, nested, owner)
    found = sorted(getattr(parent, child.accessor).all(), key=_sort_key(child))
    return [row_of(child, nested, owner) for nested in found]


def _sort_key(child: Table) -> Any:
    # The prefetched rows come in the model's order; the export's order is the table's.
    def key(item: Any) -> tuple[Any, ...]:
        return tuple(getattr(item, "pk" if name == "pk" else name) for name in child.order)

    return key


def nested(parents: Iterator[Row], child: Table) -> Iterator[Row]:
    """The rows of a nested table found in ``parents``, each with its parent's id (for CSV)."""
    for parent in parents:
        value = parent.get(child.name)
        items = ([value] if value else []) if child.single else (value or [])
        for item in items:
            yield {**item, f"{child.parent}_id": parent["id"]}
