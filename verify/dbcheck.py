"""Run in an instance's own process after a probe: the database's own integrity check, a
foreign-key check over every model, and the (client_id, id) of every dose of the people
whose email starts with the prefix read ({"prefix": "crash"}). Prints JSON."""

from __future__ import annotations

import json
import sys


def integrity() -> list[str]:
    """Problems the database itself finds: SQLite's integrity and foreign-key checks; on
    PostgreSQL amcheck over every B-tree index (constraints are enforced at commit there)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA integrity_check")
            found = [row[0] for row in cursor.fetchall() if row[0] != "ok"]
            cursor.execute("PRAGMA foreign_key_check")
            return found + [f"foreign key: {row}" for row in cursor.fetchall()]
        cursor.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        cursor.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.amname = 'btree' AND n.nspname = 'public'"
        )
        indexes = [row[0] for row in cursor.fetchall()]
        for name in indexes:
            cursor.execute("SELECT bt_index_check(%s::regclass, true)", [name])
        return [] if indexes else ["no index was checked"]


def orphans() -> list[str]:
    """Rows whose foreign key names a row that is not there, for every model and key."""
    from django.apps import apps
    from django.db import models

    found = []
    for model in apps.get_models(include_auto_created=True):
        for key in model._meta.concrete_fields:
            if not isinstance(key, models.ForeignKey):
                continue
            target = key.remote_field.model
            values = target._base_manager.values(key.target_field.attname)
            count = (
                model._base_manager.exclude(**{f"{key.attname}__isnull": True})
                .exclude(**{f"{key.attname}__in": values})
                .count()
            )
            if count:
                found.append(f"{model._meta.label}.{key.name}: {count}")
    return found


def main() -> None:
    from stepdown.cli.django_setup import setup_django

    setup_django()
    from stepdown.journal.models import Dose

    prefix = json.loads(sys.stdin.read())["prefix"]
    mine = Dose.objects.filter(owner__email__startswith=f"{prefix}-")
    doses = [[str(c), pk] for c, pk in mine.values_list("client_id", "pk")]
    from django.db import connection

    found = {"integrity": integrity(), "orphans": orphans(), "doses": doses}
    print(json.dumps(found | {"vendor": connection.vendor}))


if __name__ == "__main__":
    main()
