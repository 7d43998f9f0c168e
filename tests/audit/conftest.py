from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture
def clinician(make_user: Callable[..., Any]) -> Any:
    """Dr. Lee, who reads other people's data."""
    return make_user("lee@clinic.example", display_name="Dr. Lee")


@pytest.fixture
def patient(make_user: Callable[..., Any]) -> Any:
    """Robin, whose data Dr. Lee reads; days in UTC so times read as written."""
    return make_user("robin@example.org", display_name="Robin")
