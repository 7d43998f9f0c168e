"""The whole run's logs are searched for personal data and secrets (tests/conftest.py)."""

from __future__ import annotations

import logging

import pytest
from tests.conftest import LeakWatch


@pytest.mark.parametrize(
    "message",
    [
        "reset asked for sam@example.org",
        "GET /account/password/reset/MQ/cz6x9k-3f2e1d/ 200",
        "GET /account/signup/MQ/cz6x9k-3f2e1d/ 302",
        "GET /plan/calendar/Zq3xv_secret.ics 200",
        "Authorization: Bearer sdp_0a1b2c3d_abcdef",
    ],
)
def test_the_watch_catches_addresses_and_secret_links(message: str) -> None:
    watch = LeakWatch()  # on its own, not the run's watch, which would fail the run
    watch.handle(logging.LogRecord("stepdown.x", logging.WARNING, __file__, 1, message, (), None))
    assert len(watch.leaks) == 1


def test_the_watch_lets_ordinary_lines_through() -> None:
    watch = LeakWatch()
    record = logging.LogRecord(
        "x", logging.WARNING, __file__, 1, "Invalid HTTP_HOST header", (), None
    )
    watch.emit(record)
    assert watch.leaks == []


def test_the_watch_listens_to_the_root_and_to_loggers_that_keep_to_themselves() -> None:
    assert any(isinstance(h, LeakWatch) for h in logging.getLogger().handlers)
    host = logging.getLogger("django.security.DisallowedHost")
    assert not host.propagate
    assert any(isinstance(h, LeakWatch) for h in host.handlers)
