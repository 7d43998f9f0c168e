"""Shared fixtures: the personas every test module uses, and API clients for them."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings
from tests.api_client import ApiClient

PASSWORD = "a-long-test-passphrase"


def pytest_configure(config: pytest.Config) -> None:
    """The French catalogue compiled before any page renders (``make`` does it too; a plain
    ``pytest`` run must not test against a stale or missing ``.mo``)."""
    from stepdown.config.catalogue import compile_catalogues

    compile_catalogues()


# No per-example deadline for any property test: on a shared 2-core CI machine one slow example
# (a busy core, a first import) failed a correct test. Each test still bounds its examples.
hypothesis_settings.register_profile("stepdown", deadline=None)
hypothesis_settings.load_profile("stepdown")


# An email address, or a link carrying a secret: a reset or sign-up confirmation link, a
# calendar feed, an API token, a clinic invitation.
LEAK = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+"
    r"|/password/reset/[^/\s]+/[^/\s]+"
    r"|/signup/[^/\s]+/[^/\s]+"
    r"|/calendar/[^/\s]+\.ics"
    r"|sdp_[0-9a-f]{8}_"
    r"|/clinic/join/[A-Z0-9]{8}"
    r"|/clinic/staff/join/\d+/[0-9a-f]+"
)


class LeakWatch(logging.Handler):
    """Collects every log record of the run that carries personal data or a secret."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.leaks: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        line = self.format(record)
        if LEAK.search(line):
            self.leaks.append(f"{record.name}: {line[:300]}")


def _listening(watch: LeakWatch) -> list[logging.Logger]:
    """The root and every logger that keeps its records to itself, each with the watch."""
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and not logger.propagate
    ]
    for logger in loggers:
        if watch not in logger.handlers:
            logger.addHandler(watch)
    root = logging.getLogger()
    root.setLevel(min(root.level, logging.INFO))
    return loggers


@pytest.fixture(scope="session")
def _log_watch() -> Iterator[LeakWatch]:
    """Every log record of the whole run, down to INFO, is searched for an email address or a
    link with a token; the run fails at the end if one is found (docs/security.md)."""
    watch = LeakWatch()
    _listening(watch)
    yield watch
    for logger in _listening(watch):
        logger.removeHandler(watch)
    if watch.leaks:
        pytest.fail("log records with personal data or secrets:\n" + "\n".join(watch.leaks[:20]))


@pytest.fixture(autouse=True)
def _no_personal_data_in_logs(_log_watch: LeakWatch) -> None:
    # Before each test: a command that sets Django up again (the CLI) reconfigures logging and
    # drops the watch's handlers.
    _listening(_log_watch)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rolled-back tests reuse primary keys; a cache entry must not outlive its test.

    Pure-core tests run without Django (``-p no:django``); there is no cache to clear then."""
    from django.conf import settings

    if not settings.configured:
        return
    from django.core.cache import cache

    from stepdown.web.revision_cache import forget_local

    cache.clear()
    forget_local()


@pytest.fixture(autouse=True)
def _default_language() -> None:
    """Each test starts in the default language. A request the test client sends activates its
    language in the thread and nothing deactivates it (a server's next request activates its
    own): a French API test would otherwise leave the next test on its worker in French."""
    from django.conf import settings

    if settings.configured:
        from django.utils import translation

        translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    from stepdown.accounts.models import User

    def make(email: str, *, time_zone: str = "UTC", **extra: Any) -> User:
        return User.objects.create_user(email, PASSWORD, time_zone=time_zone, **extra)

    return make


@pytest.fixture
def person(make_user: Callable[..., Any]) -> Any:
    """Sam: a daily user in Chicago."""
    return make_user("sam@example.org", time_zone="America/Chicago", display_name="Sam")


@pytest.fixture
def other_person(make_user: Callable[..., Any]) -> Any:
    """Alex: another account, whose data Sam must never see."""
    return make_user("alex@example.org", time_zone="Europe/Berlin", display_name="Alex")


@pytest.fixture
def api_for(db: None) -> Callable[[Any], ApiClient]:
    from stepdown.accounts.services import token_create

    def build(user: Any) -> ApiClient:
        _, secret = token_create(owner=user, name="tests")
        return ApiClient(secret)

    return build


@pytest.fixture
def api(person: Any, api_for: Callable[[Any], ApiClient]) -> ApiClient:
    return api_for(person)


@pytest.fixture
def anonymous_api(db: None) -> ApiClient:
    return ApiClient(None)


@pytest.fixture
def web(person: Any) -> Client:
    """A browser-like client signed in as Sam."""
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def clinician(db: None) -> Any:
    """Dr. Lee: an account that must use MFA, with a confirmed authenticator (tests/mfa_helpers)."""
    from tests.mfa_helpers import make_clinician

    return make_clinician()


@pytest.fixture
def clinician_web(clinician: Any) -> Client:
    """Dr. Lee signed in, the session past the second factor."""
    from tests.mfa_helpers import verified_web

    return verified_web(clinician)


@pytest.fixture
def clinician_api(clinician: Any) -> ApiClient:
    """Dr. Lee's API client, with a token issued after a code."""
    from tests.mfa_helpers import verified_api

    return verified_api(clinician)
