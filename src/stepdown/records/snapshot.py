"""One consistent read: every query of an export (the ZIP, the FHIR Bundle) sees the database as
it was at one moment, so a dose logged while the file is written is in every part or in none.

PostgreSQL: a ``REPEATABLE READ, READ ONLY`` transaction, whose snapshot is taken by its first
query. SQLite in WAL mode gives the same to one read transaction: it is begun ``DEFERRED`` (the
app's connections begin ``IMMEDIATE``, which would take the write lock and hold up every writer
for as long as the export runs), so the first read takes the snapshot and writers carry on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction


@contextmanager
def read_snapshot(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Run the block's reads in one snapshot of the database ``using``."""
    connection = connections[using]
    if connection.in_atomic_block:
        # A transaction is open already (an outer snapshot, or a caller's): its snapshot is the
        # one, and its isolation cannot change once it has run a query.
        with transaction.atomic(using=using, savepoint=False):
            yield
        return
    if connection.vendor == "sqlite":
        with _deferred_begin(connection), transaction.atomic(using=using):
            yield
        return
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


@contextmanager
def _deferred_begin(connection: Any) -> Iterator[None]:
    # The mode is read from the settings when the connection opens: open it first.
    connection.ensure_connection()
    mode = connection.transaction_mode
    connection.transaction_mode = "DEFERRED"
    try:
        yield
    finally:
        connection.transaction_mode = mode
