"""Loading Django for the data commands, with configuration errors reported in one line."""

from __future__ import annotations

import os

import typer

from stepdown.cli.errors import fail


def setup_django(*, migrate: bool = False, announce: bool = False) -> None:
    """Configure Django; with ``migrate``, bring a local database up to date first. With
    ``announce``, say where the database is and when migrations run (a first start is silent
    for up to half a minute otherwise)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepdown.config.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        fail(f"configuration error: {error}")
    if migrate:
        _migrate(announce=announce)


def database_description() -> str:
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite file {settings['NAME']}"
    return f"{connection.vendor} database {settings['NAME']} on {settings['HOST'] or 'localhost'}"


def _migrate(*, announce: bool) -> None:
    from django.core.management import call_command
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        if announce:
            typer.echo(f"Database: {database_description()}")
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
            if pending:
                typer.echo(
                    f"Preparing the database ({len(pending)} migrations; "
                    "a first start takes up to half a minute)..."
                )
        call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as error:
        fail(f"the database is not reachable: {error}")
