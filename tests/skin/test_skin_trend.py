"""The trend: each person's own noise, plain wording for no change and for a real change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client
from tests.skin.skin_photos import measured_session

from stepdown.skin.models import PhotoSession

pytestmark = pytest.mark.django_db

START = dt.datetime(2024, 1, 10, 15, 0, tzinfo=dt.UTC)


def _series(
    owner: Any, values: list[float], *, site: str = "back_of_hand", ok: bool = True
) -> None:
    for month, value in enumerate(values):
        PhotoSession.objects.create(
            owner=owner,
            exposed_site=site,
            taken_at=START + dt.timedelta(days=30 * month),
            delta_ita_deg=value,
            comparison_ok=ok,
        )


def test_fewer_than_three_sessions_is_a_baseline_in_progress(api: Any, person: Any) -> None:
    _series(person, [-10.0, -11.0])
    body = api.get("/skin/trend").json()
    assert body["status"] == "baseline_incomplete"
    assert body["noise"] is None
    assert "1 more" in body["wording"]["detail"]


def test_no_change_within_noise_is_worded_plainly(api: Any, web: Client, person: Any) -> None:
    # Baseline −10, −11, −9: mean −10, SD 1.0, MDC95 = 1.96·√2·1.0 = 2.77.
    # Later −10.5 and −9.5 differ by 0.5: within the noise.
    _series(person, [-10.0, -11.0, -9.0, -10.5, -9.5])
    body = api.get("/skin/trend").json()
    assert body["status"] == "no_change"
    assert body["noise"] == {"sessions": 3, "sd_deg": 1.0, "mdc95_deg": 2.77}
    assert body["baseline_mean_deg"] == -10.0
    assert body["wording"]["headline"] == "No change beyond your measurement noise"
    page = web.get("/skin/").content.decode()
    assert "No change beyond your measurement noise" in page
    assert "dermatologist" not in page.split("Learn more")[0]


def test_darker_beyond_noise_in_two_sessions_suggests_a_dermatologist(
    api: Any, web: Client, person: Any
) -> None:
    # Baseline mean −10, MDC95 2.77; later −14 and −15 are 4 and 5 below: both beyond, darker.
    _series(person, [-10.0, -11.0, -9.0, -14.0, -15.0])
    body = api.get("/skin/trend").json()
    assert body["status"] == "darker"
    assert body["wording"]["headline"] == "Darker by 5.0°, beyond your noise of ±2.8°"
    assert "dermatologist" in body["wording"]["detail"]
    assert "diagnos" in body["wording"]["detail"]  # says plainly it is not a diagnosis
    assert body["crosses_seasons"] is True
    page = web.get("/skin/").content.decode()
    assert "Darker by 5.0°, beyond your noise of ±2.8°" in page
    assert "data-series=" in page


def test_one_session_beyond_noise_is_not_yet_a_change(api: Any, person: Any) -> None:
    _series(person, [-10.0, -11.0, -9.0, -10.0, -15.0])
    assert api.get("/skin/trend").json()["status"] == "no_change"


def test_sessions_that_failed_quality_do_not_count(api: Any, person: Any) -> None:
    _series(person, [-10.0, -11.0, -9.0])
    _series(person, [-20.0, -21.0], ok=False)
    body = api.get("/skin/trend").json()
    assert len(body["points"]) == 3
    assert body["status"] == "no_change"


def test_each_exposed_site_has_its_own_trend(api: Any, person: Any) -> None:
    _series(person, [-10.0, -11.0, -9.0, -14.0, -15.0], site="forearm")
    _series(person, [-3.0, -3.5], site="neck")
    assert api.get("/skin/trend", site="forearm").json()["status"] == "darker"
    assert api.get("/skin/trend", site="neck").json()["status"] == "baseline_incomplete"
    assert api.get("/skin/trend", site="knee").status_code == 422


@pytest.mark.parametrize(("later_melanin", "status"), [(0.1, "no_change"), (0.45, "darker")])
def test_measured_photos_detect_a_real_change_and_only_a_real_one(
    api: Any, later_melanin: float, status: str
) -> None:
    """Five sessions of rendered photos, each with its own noise and hairs (seed): three with
    0.1 of added melanin on the exposed patch, then two with ``later_melanin``. 0.45 against
    0.1 moves ΔITA by about −15° on this skin, far beyond a noise floor of 2.8°."""
    with time_machine.travel(START + dt.timedelta(days=200)):
        for index, melanin in enumerate([0.1, 0.1, 0.1, later_melanin, later_melanin]):
            taken = (START + dt.timedelta(days=30 * index)).isoformat()
            session = measured_session(api, melanin=melanin, seed=10 + index, taken_at=taken)
            assert session["comparison"]["quality"]["ok"] is True
        body = api.get("/skin/trend").json()
    assert len(body["points"]) == 5
    assert body["status"] == status
    if status == "darker":
        assert body["wording"]["headline"].startswith("Darker by")
        assert body["trend_per_year"]["slope_deg"] < 0
