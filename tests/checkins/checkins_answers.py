"""Answer sets the check-in tests share, with their totals worked out by hand."""

from __future__ import annotations

from typing import Any

DIARY = (
    "irritability", "low_mood", "anxiety", "trouble_sleeping", "nausea", "diarrhoea",
    "restlessness", "fatigue", "aches", "runny_nose", "yawning", "sweating",
)  # fmt: skip


def daily(diary: int = 1, **overrides: Any) -> dict[str, Any]:
    """A complete daily check-in: every diary item scored ``diary`` (total 12 × diary)."""
    answers: dict[str, Any] = dict.fromkeys(DIARY, diary)
    answers |= {
        "craving": 40,
        "sleep_hours": 6.5,
        "sleep_quality": 2,
        "energy": 2,
        "sedation": 1,
        "mood": 3,
        "sociability": 2,
        "exercise_minutes": 20,
        "mindfulness_minutes": 10,
        "regular_meals": "yes",
        "support_contact": "no",
    }
    return answers | overrides


def phq9(*scores: int) -> dict[str, int]:
    """PHQ-9 answers q1..q9 from nine scores."""
    assert len(scores) == 9
    return {f"q{n}": score for n, score in enumerate(scores, start=1)}
