"""Fixtures of the French page tests."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.test import Client
from tests.clinic.conftest import clinics, share  # noqa: F401 - the clinic personas, for the clinician's pages
from tests.i18n.french import FRENCH, THURSDAY


@pytest.fixture
def sam_in_french(person: Any) -> Client:
    """Sam signed in, with a browser that asks for French, on Thursday 10 December."""
    browser = Client(**FRENCH)
    browser.force_login(person)
    return browser


@pytest.fixture
def thursday() -> Any:
    with time_machine.travel(THURSDAY, tick=False) as traveller:
        yield traveller
