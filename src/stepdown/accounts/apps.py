import logging

from django.apps import AppConfig

logger = logging.getLogger("stepdown.security")


class AccountsConfig(AppConfig):
    name = "stepdown.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # After every app has loaded, so the signals reach all the models people own.
        from stepdown.accounts import backends, revisions

        revisions.connect()
        backends.connect()
        _check_start_up()


def _check_start_up() -> None:
    """What every process says once at start: private data files, and TLS left to a proxy."""
    from pathlib import Path

    from django.conf import settings

    from stepdown.config.files import make_private

    database = settings.DATABASES["default"]
    path = str(database["NAME"])
    is_sqlite = str(database["ENGINE"]).endswith("sqlite3")
    sqlite_file = Path(path) if is_sqlite and path != ":memory:" else None
    if make_private(settings.DATA_DIR, sqlite_file):
        logger.warning(
            "Stepdown made its data folder %s readable by its own account only (0700, files 0600).",
            settings.DATA_DIR,
        )
    if settings.PRODUCTION and not settings.HTTPS:
        logger.warning(
            "STEPDOWN_HTTPS is off: cookies are sent without the Secure flag and there is no HSTS; "
            "this is safe only because STEPDOWN_TLS_TERMINATED_ELSEWHERE says a proxy serves HTTPS."
        )
