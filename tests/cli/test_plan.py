"""``stepdown plan`` and ``stepdown pk``: exact JSON shapes, ICS, tables and one-line errors."""

from __future__ import annotations

import json
from datetime import date

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from stepdown.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_plan_json_has_exactly_the_documented_shape() -> None:
    # 1.2 g at 20 %, 0.1 g scale, no stabilisation, 2 doses a day:
    #   12 units × 0.8 = 9.6 → 10 (1.0 g)   10 × 0.8 = 8 (0.8)   8 × 0.8 = 6.4 → 7 (0.7)
    #   7 × 0.8 = 5.6 → 6 (0.6)   6 × 0.8 = 4.8 → 5 (0.5)   5 × 0.8 = 4 (0.4) < 0.5 → stop.
    # Doses split evenly, larger first: 0.7 = 0.4 + 0.3. A dose under 0.5 g is not kept apart
    # once one dose fits under the first step's largest (0.5 g): 0.5 and 0.4 are one dose.
    code, out, _ = run(
        "plan", "1.2", "--rate", "20", "--start", "2025-01-06", "--stabilize", "0",
        "--doses-per-day", "2", "--format", "json",
    )  # fmt: skip
    assert code == 0

    def step(
        index: int, start: str, end: str, daily: float, doses: list[float]
    ) -> dict[str, object]:
        return {
            "index": index,
            "start_date": start,
            "end_date": end,
            "days": 7,
            "daily_g": daily,
            "doses_per_day": len(doses),
            "dose_g": doses,
        }

    assert json.loads(out) == {
        "method": "proportional",
        "start_g": 1.2,
        "start_date": "2025-01-06",
        "end_date": "2025-02-17",
        "steps": [
            step(0, "2025-01-06", "2025-01-12", 1.0, [0.5, 0.5]),
            step(1, "2025-01-13", "2025-01-19", 0.8, [0.4, 0.4]),
            step(2, "2025-01-20", "2025-01-26", 0.7, [0.4, 0.3]),
            step(3, "2025-01-27", "2025-02-02", 0.6, [0.3, 0.3]),
            step(4, "2025-02-03", "2025-02-09", 0.5, [0.5]),
            step(5, "2025-02-10", "2025-02-16", 0.4, [0.4]),
        ],
    }


def test_plan_linear_and_occupancy_options_reach_the_planner() -> None:
    code, out, _ = run("plan", "8", "--method", "linear", "--step-g", "2", "--stop-below", "2",
                       "--start", "2025-01-06", "--stabilize", "0", "--format", "json")  # fmt: skip
    assert code == 0
    # 8 − 2 = 6 (25 %); 6 − 2 would be 33 %: ⌈0.75 × 6⌉ = 4.5, then ⌈0.75 × 4.5⌉ = 3.4 (to
    # 0.1 g), 2.6, 2.0 (not below 2), 1.5 < 2 → stop.
    assert [s["daily_g"] for s in json.loads(out)["steps"]] == [6.0, 4.5, 3.4, 2.6, 2.0, 1.5]
    code, _, err = run("plan", "3", "--method", "linear", "--step-g", "1")
    assert code == 2
    assert err.strip() == (
        "stepdown: --step-g: a step of 1 g cuts more than 25 % of 3.0 g; "
        "the largest allowed step is 0.7 g"
    )
    code, out, _ = run("plan", "10", "--method", "occupancy", "--ed50-g", "10", "--start",
                       "2025-01-06", "--stabilize", "0", "--format", "json")  # fmt: skip
    assert code == 0
    # O(10) − O(9) = 1/38; 10(37·9 − 10)/(390 + 9) = 8.095 → 8.1 (see the core tests).
    assert [s["daily_g"] for s in json.loads(out)["steps"]][:2] == [9.0, 8.1]


def test_plan_options_for_interval_resolution_stop_and_doses() -> None:
    code, out, _ = run(
        "plan", "6", "--interval", "14", "--resolution", "0.5", "--stop-below", "2",
        "--doses-per-day", "3", "--target-doses-per-day", "2", "--start", "2025-01-06",
        "--stabilize", "3", "--format", "json",
    )  # fmt: skip
    assert code == 0
    steps = json.loads(out)["steps"]
    # 6.0 in 3 doses of 2.0 (3 days). Leaving out a 2 g dose would cut 33 %, so 10 % of 12
    # capsules: 12 × 0.9 = 10.8 → 11 (5.5 g), 11 × 0.9 = 9.9 → 10 (5.0), 9 (4.5), all in 3
    # doses; two doses only once both fit under 2.0 g (4.0 g); down to the first < 2 g.
    assert [s["days"] for s in steps[:3]] == [3, 14, 14]
    assert [s["doses_per_day"] for s in steps[:4]] == [3, 3, 3, 3]
    assert [s["daily_g"] for s in steps[:4]] == [6.0, 5.5, 5.0, 4.5]
    assert next(s for s in steps if s["doses_per_day"] == 2)["dose_g"] == [2.0, 2.0]
    assert steps[-1]["daily_g"] < 2 <= steps[-2]["daily_g"]


def test_plan_start_defaults_to_today() -> None:
    code, out, _ = run("plan", "5", "--format", "json")
    assert code == 0
    assert json.loads(out)["start_date"] == date.today().isoformat()


def test_plan_with_pk_adds_the_modelled_level_per_day() -> None:
    code, out, _ = run("plan", "5", "--start", "2025-01-06", "--format", "json", "--with-pk")
    assert code == 0
    document = json.loads(out)
    levels = document["pk"]
    assert levels["half_life_h"] == 24
    assert levels["band_half_life_h"] == [23, 68]
    assert levels["date"][0] == "2025-01-06"
    assert len(levels["date"]) == len(levels["level"]) == len(levels["low"]) == len(levels["high"])
    assert levels["level"][0] == pytest.approx(1.0, abs=1e-4)  # stabilisation at steady state
    assert all(lo <= mid <= hi for lo, mid, hi in zip(levels["low"], levels["level"],
                                                     levels["high"], strict=True))  # fmt: skip
    assert "relative" in levels["label"]


def test_plan_table_lists_the_steps_and_the_end() -> None:
    code, out, _ = run("plan", "1.2", "--start", "2025-01-06", "--with-pk")
    assert code == 0
    assert "No planned dose from 2025-03-10" in out  # 9 steps × 7 days after 6 Jan
    assert "1.2" in out
    assert "0.4" in out
    assert "Level at end" in out


def test_plan_ics_parses_with_one_event_per_step() -> None:
    code, out, _ = run("plan", "1.2", "--start", "2025-01-06", "--format", "ics")
    assert code == 0
    events = Calendar.from_ical(out).walk("VEVENT")
    assert len(events) == 9
    assert str(events[0]["UID"]).startswith("cli-")
    # The same command gives the same UIDs (re-import updates instead of doubling).
    _, again, _ = run("plan", "1.2", "--start", "2025-01-06", "--format", "ics")
    assert [str(e["UID"]) for e in Calendar.from_ical(again).walk("VEVENT")] == [
        str(e["UID"]) for e in events
    ]


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["30", "--rate", "30"], "--rate"),
        (["12", "--rate", "4"], "--rate"),
        (["12", "--resolution", "0"], "--resolution"),
        (["0"], "START_G"),
        (["--", "-2"], "START_G"),
        (["twelve"], "START_G"),
        (["12", "--method", "fast"], "--method"),
        (["12", "--method", "linear"], "--step-g"),
        (["12", "--method", "occupancy"], "--ed50-g"),
        (["12", "--interval", "3"], "--interval"),
        (["12", "--interval", "weekly"], "--interval"),
        (["12", "--start", "06/01/2025"], "--start"),
        (["12", "--format", "xml"], "--format"),
        (["12", "--format", "ics", "--with-pk"], "--with-pk"),
        (["12", "--doses-per-day", "2", "--target-doses-per-day", "3"], "--target-doses"),
    ],
)
def test_plan_impossible_parameters_print_one_line_and_exit_2(
    args: list[str], mentions: str
) -> None:
    code, out, err = run("plan", *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert mentions in err


def test_pk_json_has_hourly_samples_and_amounts() -> None:
    # One 1 g dose a day for 1 day: samples at 0, 1, ..., 24 h. At 24 h the Bateman curve with
    # ka = 5.2274 and k = ln2/24 = 0.028881: ka/(ka − k) × (e^(−k·24) − e^(−ka·24))
    # = 5.2274/5.1985 × (0.5 − 0) = 1.005556 × 0.5 = 0.50278.
    code, out, _ = run("pk", "--dose-g", "1", "--every-h", "24", "--days", "1", "--format",
                       "json")  # fmt: skip
    assert code == 0
    document = json.loads(out)
    assert set(document) == {"t_h", "amount"}
    assert document["t_h"] == list(range(25))
    assert document["amount"][0] == 0
    assert document["amount"][24] == pytest.approx(0.50278, abs=1e-4)


def test_pk_half_life_and_absorption_options() -> None:
    # Instant absorption and a 12 h half-life: 2 g → 1 g at 12 h → 0.5 g at 24 h.
    code, out, _ = run(
        "pk", "--dose-g", "2", "--every-h", "48", "--days", "1",
        "--half-life-h", "12", "--ka-per-h", "1000000", "--format", "json",
    )  # fmt: skip
    assert code == 0
    amount = json.loads(out)["amount"]
    assert amount[12] == pytest.approx(1.0, rel=1e-5)
    assert amount[24] == pytest.approx(0.5, rel=1e-5)


def test_pk_table_summarises_each_day() -> None:
    code, out, _ = run("pk", "--dose-g", "3", "--every-h", "8", "--days", "3")
    assert code == 0
    assert "Steady state after about 5.0 days" in out
    assert "accumulation ratio" in out


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["--dose-g", "0", "--every-h", "8", "--days", "2"], "--dose-g"),
        (["--dose-g", "x", "--every-h", "8", "--days", "2"], "--dose-g"),
        (["--dose-g", "1", "--every-h", "0", "--days", "2"], "--every-h"),
        (["--dose-g", "1", "--every-h", "8", "--days", "0"], "--days"),
        (
            ["--dose-g", "1", "--every-h", "8", "--days", "2", "--half-life-h", "-1"],
            "--half-life-h",
        ),
        # No absorption rate gives a 1 h peak with a 0.5 h half-life: asks for --ka-per-h.
        (
            ["--dose-g", "1", "--every-h", "8", "--days", "2", "--half-life-h", "0.5"],
            "--half-life-h",
        ),
        (["--dose-g", "1", "--every-h", "8", "--days", "2", "--ka-per-h", "0"], "--ka-per-h"),
        (["--dose-g", "1", "--every-h", "8", "--days", "2", "--format", "csv"], "--format"),
    ],
)
def test_pk_impossible_parameters_print_one_line_and_exit_2(args: list[str], mentions: str) -> None:
    code, out, err = run("pk", *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert mentions in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["plan", "-5"], "No such option: -5; see 'stepdown plan --help'"),
        (["plan"], "Missing argument 'START_G'; see 'stepdown plan --help'"),
        (["plan", "12", "--interval"], "Option '--interval' requires an argument"),
        (["pk", "--nope"], "No such option: --nope"),
        (["score", "--bogus"], "No such option: --bogus"),
        (["interactions", "--format"], "Option '--format' requires an argument"),
        (["no-such-command"], "No such command 'no-such-command'"),
    ],
)
def test_arguments_typer_parses_itself_fail_in_one_line(args: list[str], words: str) -> None:
    # Before: a multi-line usage box drawn by the framework.
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("stepdown: ")
    assert words in err


def test_plan_stop_below_above_two_grams_is_one_line_naming_the_option() -> None:
    code, _, err = run("plan", "14", "--stop-below", "14")
    assert code == 2
    assert err.strip() == (
        "stepdown: --stop-below: stop below at most 2 g a day: stopping from more is too "
        "large a last step"
    )
