"""PostgreSQL binds the parameters itself, so a statement that a connection runs again and again
(the same few on every dose) is prepared and planned once (docs/performance.md, the write path).
SQLite prepares its own statements and needs nothing of the kind."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from stepdown.config.env import database_from_url
from stepdown.journal.models import Dose


def test_a_postgresql_url_asks_for_parameters_bound_by_the_server() -> None:
    options = database_from_url("postgres://someone@db.internal:5432/stepdown")["OPTIONS"]
    assert options == {"server_side_binding": True, "prepare_threshold": 5}
    assert "server_side_binding" not in database_from_url("sqlite:////tmp/x.sqlite3")["OPTIONS"]


@pytest.mark.django_db
def test_a_statement_run_again_is_prepared_on_the_server(person: Any) -> None:
    for _ in range(6):  # psycopg prepares a statement from its fifth run on a connection
        list(Dose.objects.filter(owner=person).values_list("id"))
    if connection.vendor != "postgresql":
        return  # SQLite: the driver keeps its own statement cache; nothing to look at
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "journal_dose"' in statement for statement in prepared), prepared
