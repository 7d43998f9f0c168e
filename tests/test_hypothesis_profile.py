"""The property tests run without a per-example deadline (a slow example on a busy CI machine
once failed a correct test); each test bounds its examples instead."""

from __future__ import annotations

from hypothesis import settings


def test_property_tests_have_no_per_example_deadline() -> None:
    assert settings.default.deadline is None
