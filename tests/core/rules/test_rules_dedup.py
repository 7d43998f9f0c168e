"""Deduplication (one open alert per code and cause) and the alert value itself."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.rules import (
    Alert,
    LearnSlug,
    Severity,
    Suggestion,
    SuggestionKind,
    by_severity,
    deduplicate,
)


def alert(code: str, cause: str, severity: Severity = Severity.LOW) -> Alert:
    return Alert(
        code=code,
        severity=severity,
        title="t",
        explanation="e",
        action="a",
        source="SeedRisk",
        cause_key=cause,
        learn_slug=LearnSlug.TAPERING,
    )


@dataclass
class StoredAlert:
    """Stands in for a database row: anything with ``code`` and ``cause_key``."""

    code: str
    cause_key: str


def test_an_alert_already_open_is_not_raised_again() -> None:
    existing = [StoredAlert("over_target", "step:2025-05-05")]
    assert deduplicate(existing, [alert("over_target", "step:2025-05-05")]) == ()


def test_same_code_with_another_cause_is_new() -> None:
    existing = [StoredAlert("over_target", "step:2025-05-05")]
    new = alert("over_target", "step:2025-05-19")
    assert deduplicate(existing, [new]) == (new,)


def test_same_cause_with_another_code_is_new() -> None:
    existing = [StoredAlert("severe_withdrawal", "step:2025-05-05")]
    new = alert("over_target", "step:2025-05-05")
    assert deduplicate(existing, [new]) == (new,)


def test_of_two_new_alerts_with_one_key_the_more_severe_is_kept() -> None:
    mild = alert("escalation", "average_rise", Severity.LOW)
    strong = alert("escalation", "average_rise", Severity.HIGH)
    assert deduplicate([], [mild, strong]) == (strong,)
    assert deduplicate([], [strong, mild]) == (strong,)


def test_a_hold_then_a_reinstate_for_one_step_both_surface() -> None:
    # worse_after_cut puts the escalation level in the cause so the stronger one is not lost.
    existing = [StoredAlert("worse_after_cut", "step:2025-05-19:hold")]
    reinstate = alert("worse_after_cut", "step:2025-05-19:reinstate", Severity.HIGH)
    assert deduplicate(existing, [reinstate]) == (reinstate,)


def test_alerts_can_be_deduplicated_against_alerts() -> None:
    first = alert("late_use", "day:2025-03-04")
    assert deduplicate([first], [first]) == ()


def test_by_severity_lists_the_most_urgent_first() -> None:
    low, critical = alert("a", "1", Severity.LOW), alert("b", "1", Severity.CRITICAL)
    assert by_severity([low, critical]) == (critical, low)


def test_suggestions_need_days_except_reinstate() -> None:
    assert Suggestion(SuggestionKind.HOLD, days=7).days == 7
    assert Suggestion(SuggestionKind.REINSTATE).days is None
    with pytest.raises(ValueError, match="days"):
        Suggestion(SuggestionKind.SLOW)
    with pytest.raises(ValueError, match="no days"):
        Suggestion(SuggestionKind.REINSTATE, days=3)


KEYS = st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(["x", "y", "z"]))


@settings(max_examples=200)
@given(
    existing=st.lists(KEYS, max_size=6),
    new=st.lists(st.tuples(KEYS, st.sampled_from(list(Severity))), max_size=12),
)
def test_deduplicate_returns_each_new_key_once_and_no_open_key(
    existing: list[tuple[str, str]], new: list[tuple[tuple[str, str], Severity]]
) -> None:
    stored = [StoredAlert(code, cause) for code, cause in existing]
    fresh = [alert(code, cause, severity) for (code, cause), severity in new]
    kept = deduplicate(stored, fresh)
    kept_keys = [item.key for item in kept]
    assert len(kept_keys) == len(set(kept_keys))
    assert not set(kept_keys) & set(existing)
    assert set(kept_keys) == {item.key for item in fresh} - set(existing)
    for item in kept:
        same_key = [other.severity.rank for other in fresh if other.key == item.key]
        assert item.severity.rank == min(same_key)
