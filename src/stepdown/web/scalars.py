"""Several one-value reads in one statement: ``SELECT (q1), (q2), …``.

After a dose the rules ask four small questions of four apps (is there an active plan, a goal,
when was the first dose, is a substance use near it waiting for its alert), and each answer is
almost always "no". On PostgreSQL a statement costs a round trip and about 130 Python calls in
the driver whatever it reads, so four scalar subqueries in one statement cost a quarter of
four statements (docs/performance.md, the write path). Each app keeps its own query
(:class:`Scalar`); this only runs them together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections


@dataclass(frozen=True)
class Scalar:
    """A query of one column and at most one row (``LIMIT 1`` where more could match), with
    its parameters already adapted for the database."""

    sql: str
    params: tuple[Any, ...]


def scalars(*queries: Scalar, using: str = DEFAULT_DB_ALIAS) -> tuple[Any, ...]:
    """The value of each query, in order, ``None`` where it finds no row. Values come as the
    database returns a subquery's column: SQLite gives instants as text (no declared type)."""
    sql = "SELECT " + ", ".join(f"({query.sql})" for query in queries)
    params = [param for query in queries for param in query.params]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return tuple(cursor.fetchone())
