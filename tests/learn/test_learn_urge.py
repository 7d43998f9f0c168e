"""The urge timer: start, log with strength and what helped, history, idempotent retries, and
clear errors — all without JavaScript."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from stepdown.errors import InvalidInput
from stepdown.learn import services
from stepdown.learn.models import UrgeLog
from stepdown.learn.views.tools import TIMER_KEY, URGE_CUES, cue_for

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2025, 3, 4, 15, 0, tzinfo=dt.UTC)


def test_the_page_needs_sign_in(client: Client) -> None:
    response = client.get("/learn/tools/urge/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_start_then_log_records_the_minutes_on_the_timer(web: Client, person: Any) -> None:
    with time_machine.travel(T0, tick=False):
        assert web.post("/learn/tools/urge/start/").status_code == 302
        body = web.get("/learn/tools/urge/").content.decode()
        assert "data-started-at=" in body
        assert URGE_CUES[0][1] in body
    with time_machine.travel(T0 + dt.timedelta(minutes=12, seconds=40), tick=False):
        body = web.get("/learn/tools/urge/").content.decode()
        assert 'data-testid="timer-elapsed">12 min<' in body  # 12 min 40 s, whole minutes
        assert URGE_CUES[3][1] in body  # past 600 s, the last cue
        response = web.post(
            "/learn/tools/urge/",
            {"strength": "7", "helped": ["breathing", "contact"], "client_id": str(uuid.uuid4())},
            follow=True,
        )
        # Read while the clock is still frozen: the session's expiry follows the fake clock.
        assert TIMER_KEY not in web.session
    urge = UrgeLog.objects.get(owner=person)
    assert (urge.strength, urge.helped, urge.minutes) == (7, ["breathing", "contact"], 12)
    body = response.content.decode()
    assert "Urge logged: 7 out of 10, 12 min on the timer." in body
    assert "Helped: Slow breathing, Talking to someone." in body
    assert "data-started-at=" not in body  # logging stops the timer


def test_starting_twice_keeps_the_first_start(web: Client) -> None:
    with time_machine.travel(T0, tick=False):
        web.post("/learn/tools/urge/start/")
    with time_machine.travel(T0 + dt.timedelta(minutes=3), tick=False):
        web.post("/learn/tools/urge/start/")
        assert web.session[TIMER_KEY] == T0.isoformat()


def test_cancel_and_stale_timers_are_dropped(web: Client, person: Any) -> None:
    web.post("/learn/tools/urge/start/")
    web.post("/learn/tools/urge/cancel/")
    assert TIMER_KEY not in web.session
    # A timer started 25 hours ago means nothing: the urge is logged without a start. (The
    # session is edited directly; travelling 25 h ahead would end the session instead.)
    session = web.session
    session[TIMER_KEY] = (timezone.now() - dt.timedelta(hours=25)).isoformat()
    session.save()
    assert web.post("/learn/tools/urge/", {"strength": "3"}).status_code == 302
    assert UrgeLog.objects.get(owner=person).started_at is None
    assert TIMER_KEY not in web.session


def test_logging_without_the_timer_works(web: Client, person: Any) -> None:
    response = web.post("/learn/tools/urge/", {"strength": "0", "note": "noticed, passed"})
    assert response.status_code == 302
    urge = UrgeLog.objects.get(owner=person)
    assert (urge.strength, urge.helped, urge.note, urge.minutes) == (0, [], "noticed, passed", None)


def test_a_retried_form_logs_once(web: Client, person: Any) -> None:
    form = {"strength": "5", "client_id": str(uuid.uuid4())}
    web.post("/learn/tools/urge/", form)
    web.post("/learn/tools/urge/", form)  # a double tap
    assert UrgeLog.objects.filter(owner=person).count() == 1


def test_form_errors_name_the_field(web: Client, person: Any) -> None:
    response = web.post("/learn/tools/urge/", {"strength": "11"})
    body = response.content.decode()
    assert response.status_code == 422
    assert 'id="strength-error"' in body
    response = web.post("/learn/tools/urge/", {"strength": "4", "helped": ["nothing", "waited"]})
    assert response.status_code == 422
    assert "not both" in response.content.decode()
    assert not UrgeLog.objects.exists()


def test_history_is_the_owners_and_delete_is_owner_scoped(
    web: Client, person: Any, other_person: Any
) -> None:
    services.urge_log_create(owner=person, strength=6, note="Sam urge note")
    theirs = services.urge_log_create(owner=other_person, strength=9, note="Alex urge note").urge
    body = web.get("/learn/tools/urge/").content.decode()
    assert "Sam urge note" in body
    assert "Alex urge note" not in body
    assert web.post(f"/learn/tools/urge/{theirs.pk}/delete/").status_code == 404
    assert UrgeLog.objects.filter(pk=theirs.pk).exists()


def test_urge_page_query_count_is_constant(
    web: Client, person: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(40):
        services.urge_log_create(owner=person, strength=n % 11)
    # session + user + history (one query, 30 rows shown), with headroom for middleware.
    # The session is a database read on every request (sign-out ends it on every worker at once).
    with django_assert_max_num_queries(6):
        body = web.get("/learn/tools/urge/").content.decode()
    assert body.count("/10</strong>") == 30


def test_service_rules(person: Any) -> None:
    now = timezone.now()
    for bad in (True, 2.5, -1, 11):
        with pytest.raises(InvalidInput) as error:
            services.urge_log_create(owner=person, strength=bad)  # type: ignore[arg-type]
        assert error.value.field == "strength"
    with pytest.raises(InvalidInput, match="after the urge"):
        services.urge_log_create(
            owner=person, strength=3, started_at=now + dt.timedelta(minutes=30)
        )
    with pytest.raises(InvalidInput, match="time zone"):
        services.urge_log_create(owner=person, strength=3, started_at=dt.datetime(2025, 1, 1))
    with pytest.raises(InvalidInput, match="Unknown choice"):
        services.urge_log_create(owner=person, strength=3, helped=["prayer"])
    result = services.urge_log_create(owner=person, strength=3, helped=["waited", "waited"])
    assert result.urge.helped == ["waited"]  # repeated choices are kept once


def test_cues_follow_the_clock() -> None:
    assert cue_for(0) == URGE_CUES[0][1]
    assert cue_for(59.9) == URGE_CUES[0][1]
    assert cue_for(60) == URGE_CUES[1][1]
    assert cue_for(3600) == URGE_CUES[-1][1]


def test_history_line_says_what_helped(person: Any) -> None:
    helped = services.urge_log_create(owner=person, strength=2, helped=["moving", "reasons"]).urge
    nothing = services.urge_log_create(owner=person, strength=8, helped=["nothing"]).urge
    plain = services.urge_log_create(owner=person, strength=1).urge
    assert helped.helped_summary == "Helped: A walk or moving about, Reading my reasons."
    assert nothing.helped_summary == "Nothing helped this time."
    assert plain.helped_summary == ""
