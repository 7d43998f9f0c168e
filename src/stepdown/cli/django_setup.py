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
        _check_cache()
        if announce:
            typer.echo(f"Cache: {cache_description()}")


def database_description() -> str:
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite file {settings['NAME']}"
    return f"{connection.vendor} database {settings['NAME']} on {settings['HOST'] or 'localhost'}"


def cache_description() -> str:
    from urllib.parse import urlsplit

    from django.conf import settings

    from stepdown.config.caches import DATABASE_BACKEND, REDIS_BACKEND

    entry = settings.CACHES["default"]
    if entry["BACKEND"] == REDIS_BACKEND:
        parts = urlsplit(str(entry["LOCATION"]))  # shown without the password it may carry
        database = parts.path.strip("/") or "0"
        return f"Redis at {parts.hostname}:{parts.port or 6379}, database {database} (shared)"
    if entry["BACKEND"] == DATABASE_BACKEND:
        return f"the database table {entry['LOCATION']} (shared)"
    return "in memory, one per server process"


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
        # The table of the database cache (STEPDOWN_CACHE_URL=db://); nothing for other caches.
        call_command("createcachetable", verbosity=0)
    except DatabaseError as error:
        fail(f"the database is not reachable: {error}")


def _check_cache() -> None:
    """A shared cache that does not answer at start is a mistake in the setting: say so."""
    from django.core.cache import cache
    from django.db import DatabaseError
    from redis.exceptions import RedisError

    # Redis's error names the host, never the URL (it may carry a password).
    ping_error = getattr(cache, "ping_error", None)  # Redis: its reads never raise
    if ping_error is not None:
        problem = ping_error()
        if problem is not None:
            fail(f"the cache at STEPDOWN_CACHE_URL is not reachable: {problem}")
        return
    try:
        cache.get("stepdown:start-up-check")
    except (RedisError, DatabaseError, OSError) as error:
        fail(f"the cache at STEPDOWN_CACHE_URL is not reachable: {error}")
