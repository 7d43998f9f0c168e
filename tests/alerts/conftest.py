"""Fixtures for the alert tests: a fixed clock (see ``alerts_support``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from tests.alerts.alerts_support import NOW


@pytest.fixture
def clock() -> Iterator[Any]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller
