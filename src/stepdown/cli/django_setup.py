"""Loading Django for the data commands, with configuration errors reported in one line."""

from __future__ import annotations

import os

import typer

from stepdown.cli import language
from stepdown.cli.errors import CACHE_PROBLEM, DATABASE_PROBLEM, fail, log_detail, outside_problem
from stepdown.cli.language import gettext as _


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
        fail(_("configuration error: %(error)s") % {"error": error})
    from django.utils import translation

    # The services' messages and Django's dates in the command line's language.
    translation.activate(language.current())
    if migrate:
        _migrate(announce=announce)
        _check_cache()
        if announce:
            typer.echo(_("Cache: %(cache)s") % {"cache": cache_description()})


def database_description() -> str:
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return _("SQLite file %(name)s") % {"name": settings["NAME"]}
    return _("%(vendor)s database %(name)s on %(host)s") % {
        "vendor": connection.vendor,
        "name": settings["NAME"],
        "host": settings["HOST"] or "localhost",
    }


def cache_description() -> str:
    from urllib.parse import urlsplit

    from django.conf import settings

    from stepdown.config.caches import DATABASE_BACKEND, REDIS_BACKEND

    entry = settings.CACHES["default"]
    if entry["BACKEND"] == REDIS_BACKEND:
        parts = urlsplit(str(entry["LOCATION"]))  # shown without the password it may carry
        database = parts.path.strip("/") or "0"
        return _("Redis at %(host)s:%(port)s, database %(database)s (shared)") % {
            "host": parts.hostname,
            "port": parts.port or 6379,
            "database": database,
        }
    if entry["BACKEND"] == DATABASE_BACKEND:
        return _("the database table %(table)s (shared)") % {"table": entry["LOCATION"]}
    return _("in memory, one per server process")


def _migrate(*, announce: bool) -> None:
    from django.core.management import call_command
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        if announce:
            typer.echo(_("Database: %(database)s") % {"database": database_description()})
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
            if pending:
                typer.echo(
                    _(
                        "Preparing the database (%(count)s migrations; a first start takes up "
                        "to half a minute)..."
                    )
                    % {"count": len(pending)}
                )
        call_command("migrate", interactive=False, verbosity=0)
        # The table of the database cache (STEPDOWN_CACHE_URL=db://); nothing for other caches.
        call_command("createcachetable", verbosity=0)
    except DatabaseError as error:
        fail(outside_problem(error) or _(DATABASE_PROBLEM))


def _check_cache() -> None:
    """A shared cache that does not answer at start is a mistake in the setting: say so."""
    from django.core.cache import cache
    from django.db import DatabaseError
    from redis.exceptions import RedisError

    # Whatever failed, the line names the setting to check; the client's own words (English,
    # a host name) go to the log at DEBUG level.
    ping_error = getattr(cache, "ping_error", None)  # Redis: its reads never raise
    if ping_error is not None:
        problem = ping_error()
        if problem is not None:
            log_detail(problem)
            fail(_(CACHE_PROBLEM))
        return
    try:
        cache.get("stepdown:start-up-check")
    except (RedisError, DatabaseError, OSError) as error:
        log_detail(error)
        fail(_(CACHE_PROBLEM))
