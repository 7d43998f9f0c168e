"""Fixtures for the account tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def mail_server(settings: Any) -> None:
    """An instance with a mail server (the tests' outbox), as a clinic would run."""
    settings.MAIL_CONFIGURED = True
