"""Several one-value queries in one statement (``web.scalars``): each value in its place, ``None``
for a query that finds no row, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

import pytest

from stepdown.web.scalars import Scalar, scalars

pytestmark = pytest.mark.django_db


def test_each_query_answers_in_its_place_in_one_statement(person: Any, other_person: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    email = Scalar('SELECT "email" FROM "accounts_user" WHERE "id" = %s', (other_person.pk,))
    nobody = Scalar('SELECT "email" FROM "accounts_user" WHERE "id" = %s', (-1,))
    count = Scalar('SELECT COUNT(*) FROM "accounts_user" WHERE "id" IN (%s, %s)',
                   (person.pk, other_person.pk))  # fmt: skip
    with CaptureQueriesContext(connection) as captured:
        found = scalars(email, nobody, count)
    assert found == ("alex@example.org", None, 2)
    assert len(captured.captured_queries) == 1
