"""``stepdown checkin``: the daily check-in in a terminal, through the same services."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from stepdown.checkins.models import Response, SafetyEvent
from stepdown.cli import app

pytestmark = pytest.mark.django_db

runner = CliRunner()

# The daily check-in in item order: 12 diary items, craving, craving for another substance
# (optional), sleep hours and quality, energy, sedation, mood, sociability, exercise and
# mindfulness minutes, regular meals, support contact, eight optional safety questions, a note.
DAILY_LINES = [
    *["1"] * 12, "35", "", "7.5", "3", "2", "1", "3", "2", "30", "0", "yes", "no",
    *[""] * 8, "A calm day",
]  # fmt: skip


def _input(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def test_checkin_stores_the_daily_answers_and_reports_the_total(person: Any) -> None:
    result = runner.invoke(app, ["checkin"], input=_input(DAILY_LINES))
    assert result.exit_code == 0, result.output
    response = Response.objects.get()
    assert (response.owner, response.instrument, response.total) == (person, "daily", 12)
    assert response.answers["sleep_hours"] == 7.5
    assert response.answers["note"] == "A calm day"
    assert "craving_other" not in response.answers
    assert "Withdrawal diary total (0–48): 12" in result.output  # 12 items × 1
    assert "Answers saved" in result.output


def test_a_bad_answer_is_explained_and_asked_again(person: Any) -> None:
    lines = ["9", "", *DAILY_LINES]  # 9 is not a 0–4 answer; blank is not allowed either
    result = runner.invoke(app, ["checkin"], input=_input(lines))
    assert result.exit_code == 0, result.output
    assert "'9' is not an allowed answer" in result.output
    assert "Please answer this question." in result.output
    assert Response.objects.get().total == 12


def test_a_second_run_the_same_day_changes_todays_check_in(person: Any) -> None:
    runner.invoke(app, ["checkin"], input=_input(DAILY_LINES))
    changed = ["2", *DAILY_LINES[1:]]  # irritability 2 instead of 1: total 13
    result = runner.invoke(app, ["checkin"], input=_input(changed))
    assert result.exit_code == 0, result.output
    assert "You already checked in today" in result.output
    assert Response.objects.get().total == 13
    assert "Answers updated" in result.output


def test_a_self_harm_answer_prints_the_crisis_lines_first(person: Any) -> None:
    lines = ["0"] * 8 + ["1", ""]  # PHQ-9 item 9 = 1; the difficulty question skipped
    result = runner.invoke(app, ["checkin", "--instrument", "phq9"], input=_input(lines))
    assert result.exit_code == 0, result.output
    assert "988" in result.output
    assert "1-800-662-4357" in result.output
    assert result.output.index("988") < result.output.index("PHQ-9 total")
    assert SafetyEvent.objects.count() == 1


def test_clinician_and_unknown_instruments_exit_2(person: Any) -> None:
    cows = runner.invoke(app, ["checkin", "--instrument", "cows"])
    assert cows.exit_code == 2
    assert "rated by a clinician" in cows.output
    assert runner.invoke(app, ["checkin", "--instrument", "nope"]).exit_code == 2


def test_several_accounts_need_a_user(person: Any, other_person: Any) -> None:
    result = runner.invoke(app, ["checkin"], input=_input(DAILY_LINES))
    assert result.exit_code == 2
    assert "--user" in result.output
    chosen = runner.invoke(
        app, ["checkin", "--user", other_person.email], input=_input(DAILY_LINES)
    )
    assert chosen.exit_code == 0, chosen.output
    assert Response.objects.get().owner == other_person
