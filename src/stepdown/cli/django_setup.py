"""Loading Django for the data commands, with configuration errors reported in one line."""

from __future__ import annotations

import os

from stepdown.cli.errors import fail


def setup_django(*, migrate: bool = False) -> None:
    """Configure Django; with ``migrate``, bring a local database up to date first."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepdown.config.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        fail(f"configuration error: {error}")
    if migrate:
        from django.core.management import call_command
        from django.db import DatabaseError

        try:
            call_command("migrate", interactive=False, verbosity=0)
        except DatabaseError as error:
            fail(f"the database is not reachable: {error}")
