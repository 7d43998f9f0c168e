"""Questionnaire intervals: one definition each, with a source or "assumption"."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest
from tests.learn.learn_checks import source_ids

from stepdown.checkins import windows
from stepdown.core.instruments import get_instrument
from stepdown.core.instruments.registry import INSTRUMENT_MODULES

MODULES = {importlib.import_module(name).INSTRUMENT.code: name for name in INSTRUMENT_MODULES}


@pytest.mark.parametrize("code", windows.SCHEDULABLE)
def test_the_schedule_uses_the_instruments_own_interval(code: str) -> None:
    assert windows.DEFAULT_INTERVALS[code] == get_instrument(code).default_interval_days


@pytest.mark.parametrize(
    "code", [c for c, n in MODULES.items() if get_instrument(c).default_interval_days]
)
def test_every_interval_cites_a_source_or_says_assumption(code: str) -> None:
    text = inspect.getsource(importlib.import_module(MODULES[code]))
    [line] = [ln for ln in text.splitlines() if "default_interval_days=" in ln]
    comment = line.partition("#")[2]
    cited = set(re.findall(r"[A-Z][A-Za-z]+\d{4}[A-Za-z]*", comment)) & source_ids()
    assert "assumption" in comment or cited, line


def test_two_week_screens_repeat_with_their_two_week_recall() -> None:
    # PHQ-9 and GAD-7 ask about "the last 2 weeks" (Kroenke2001, Spitzer2006).
    assert windows.DEFAULT_INTERVALS["phq9"] == windows.DEFAULT_INTERVALS["gad7"] == 14
