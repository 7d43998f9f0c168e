"""A positive safety answer in an unfinished questionnaire is kept, from every entry point.

The form, the API and the CLI all meet the same rule: flags are read from what was
answered before completeness is checked; the unfinished response is kept as a draft with its
flags, its safety event and its alert; crisis help comes first; the draft has no score and does
not count for the schedule until it is finished.
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.checkins.checkins_answers import daily, phq9
from typer.testing import CliRunner

from stepdown.accounts.clock import local_today
from stepdown.alerts.models import Alert
from stepdown.checkins import selectors, services
from stepdown.checkins.history import diary_scores
from stepdown.checkins.models import Response, SafetyEvent
from stepdown.cli import app

pytestmark = pytest.mark.django_db

# PHQ-9 with item 9 = 3 ("nearly every day") and item 1 left blank (Kroenke2001: follow up).
PHQ9_PARTIAL = {f"q{n}": "0" for n in range(2, 9)} | {"q9": "3"}
# ASQ with question 1 "yes" and the rest blank: a positive screen (Horowitz2012, NIMHASQ).
ASQ_PARTIAL = {"q1": "yes"}

PARTIALS = [("phq9", PHQ9_PARTIAL, "self_harm"), ("asq", ASQ_PARTIAL, "self_harm")]


def _kept(person: Any, instrument: str) -> Response:
    draft = Response.objects.get(owner=person, instrument=instrument)
    assert draft.complete is False
    assert draft.total is None
    assert draft.slot_start is None  # still due: a draft answers no window
    return draft


def _signal_stored(person: Any, draft: Response, severity: str = "high") -> None:
    event = SafetyEvent.objects.get(owner=person)
    assert (event.response_id, event.severity) == (draft.pk, severity)
    assert Alert.objects.filter(owner=person, code="self_harm").count() == 1


@pytest.mark.parametrize(("code", "answers", "flag"), PARTIALS)
def test_the_form_keeps_an_unfinished_positive_answer_and_shows_the_crisis_page(
    web: Any, person: Any, code: str, answers: dict[str, str], flag: str
) -> None:
    response = web.post(f"/checkins/{code}/", answers)
    draft = _kept(person, code)
    assert draft.flags == [flag]
    assert response.status_code == 302
    assert response["Location"] == f"/checkins/crisis/?response={draft.pk}"
    _signal_stored(person, draft)
    result = web.get(f"/checkins/responses/{draft.pk}/").content.decode()
    assert 'data-testid="unfinished"' in result
    assert "crisis-banner" in result


@pytest.mark.parametrize(("code", "answers", "flag"), PARTIALS)
def test_the_api_keeps_an_unfinished_positive_answer_with_its_crisis_help(
    api: Any, person: Any, code: str, answers: dict[str, str], flag: str
) -> None:
    response = api.post("/responses", {"instrument": code, "answers": answers})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["complete"], body["total"], body["flags"]) == (False, None, [flag])
    assert body["crisis"]["url"].startswith("/checkins/crisis/")
    _signal_stored(person, _kept(person, code))


def test_an_unfinished_answer_without_a_flag_is_still_refused(api: Any, person: Any) -> None:
    answers = {f"q{n}": 0 for n in range(2, 10)}  # q1 blank, q9 "not at all"
    response = api.post("/responses", {"instrument": "phq9", "answers": answers})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "answers.q1"
    assert not Response.objects.exists()


def test_an_acute_asq_answer_alone_is_a_critical_event(api: Any, person: Any) -> None:
    body = api.post("/responses", {"instrument": "asq", "answers": {"acuity": "yes"}}).json()
    assert body["flags"] == ["self_harm", "self_harm_acute"]
    _signal_stored(person, _kept(person, "asq"), severity="critical")


def test_the_cli_keeps_the_answers_given_before_stopping(person: Any) -> None:
    # PHQ-9 items 1-8 "not at all", item 9 "nearly every day", then the input ends before the
    # optional difficulty question; the same with the ASQ after a first "yes".
    result = CliRunner().invoke(
        app, ["checkin", "--instrument", "asq"], input="yes\n"
    )  # q2 is never answered
    assert result.exit_code == 1
    assert "988" in result.output
    assert "unfinished draft" in result.output
    draft = _kept(person, "asq")
    _signal_stored(person, draft)


def test_the_cli_saves_nothing_when_stopped_without_a_flag(person: Any) -> None:
    result = CliRunner().invoke(app, ["checkin", "--instrument", "asq"], input="no\n")
    assert result.exit_code == 1
    assert "nothing was saved" in result.output
    assert not Response.objects.exists()


def test_the_score_command_shows_crisis_help_for_an_unfinished_item_9() -> None:
    result = CliRunner().invoke(app, ["score", "phq9", "--answers", ",0,0,0,0,0,0,0,3"])
    assert result.exit_code == 2
    assert "988" in result.output
    assert "missing answer" in result.output


def test_finishing_a_draft_scores_it_and_keeps_its_event(person: Any) -> None:
    submitted = services.response_submit(
        owner=person, instrument="phq9", answers=dict(PHQ9_PARTIAL)
    )
    assert submitted.crisis
    finished = services.response_update(
        owner=person,
        response_id=submitted.response.pk,
        answers=phq9(1, 0, 0, 0, 0, 0, 0, 0, 3),
    ).response
    assert (finished.complete, finished.total, finished.band) == (True, 4, "minimal")
    assert SafetyEvent.objects.get().response_id == finished.pk


def test_an_unfinished_edit_never_replaces_a_finished_response(person: Any) -> None:
    done = services.response_submit(
        owner=person, instrument="phq9", answers=phq9(1, 1, 1, 1, 1, 1, 1, 1, 0)
    ).response
    kept = services.response_update(
        owner=person, response_id=done.pk, answers=dict(PHQ9_PARTIAL)
    ).response
    done.refresh_from_db()
    assert (done.complete, done.total) == (True, 8)
    assert kept.pk != done.pk
    assert kept.complete is False
    assert SafetyEvent.objects.get().response_id == kept.pk


def test_drafts_stay_out_of_scores_and_lists(person: Any) -> None:
    services.response_submit(
        owner=person, instrument="daily", answers={"self_harm_thoughts": "yes"}
    )
    today = local_today(person)
    assert diary_scores(owner=person, start=today, end=today) == []
    assert not selectors.responses_for(owner=person).exists()
    assert selectors.responses_for(owner=person, drafts=True).count() == 1
    due = {item.instrument: item for item in selectors.due_now(owner=person)}
    assert due["daily"].status == "due"  # the daily check-in is still to be finished


# --- the daily safety question -----------------------------------------------------


def test_a_daily_yes_to_self_harm_takes_the_crisis_path_from_the_form(
    web: Any, person: Any
) -> None:
    answers = {code: str(value) for code, value in daily(self_harm_thoughts="yes").items()}
    response = web.post("/checkins/daily/", answers)
    stored = Response.objects.get()
    assert stored.complete
    assert stored.flags == ["self_harm"]
    assert response["Location"] == f"/checkins/crisis/?response={stored.pk}"
    _signal_stored(person, stored)


def test_a_daily_yes_to_self_harm_takes_the_crisis_path_from_the_api(api: Any, person: Any) -> None:
    body = api.post(
        "/responses", {"instrument": "daily", "answers": daily(self_harm_thoughts="yes")}
    ).json()
    assert body["flags"] == ["self_harm"]
    assert body["crisis"] is not None
    _signal_stored(person, Response.objects.get())


def test_a_daily_yes_to_self_harm_takes_the_crisis_path_from_the_cli(person: Any) -> None:
    lines = [
        *["1"] * 12, "35", "", "7.5", "3", "2", "1", "3", "2", "30", "0", "yes", "no",
        "yes", *[""] * 7, "",
    ]  # fmt: skip
    result = CliRunner().invoke(app, ["checkin"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.index("988") < result.output.index("Withdrawal diary total")
    _signal_stored(person, Response.objects.get())


def test_a_daily_no_to_self_harm_raises_nothing(api: Any, person: Any) -> None:
    body = api.post(
        "/responses", {"instrument": "daily", "answers": daily(self_harm_thoughts="no")}
    ).json()
    assert (body["flags"], body["crisis"]) == ([], None)
    assert not SafetyEvent.objects.exists()


# --- vomiting in the daily diary --------------------------------------------------------------


def test_vomiting_shows_when_to_seek_care(web: Any, person: Any) -> None:
    answers = {code: str(value) for code, value in daily(vomiting="yes").items()}
    response = web.post("/checkins/daily/", answers)
    stored = Response.objects.get()
    assert stored.flags == ["vomiting"]
    assert response["Location"] == f"/checkins/responses/{stored.pk}/"
    page = web.get(response["Location"]).content.decode()
    assert "cannot keep fluids down for 24 hours" in page
    assert "dark urine" in page
    assert not SafetyEvent.objects.exists()  # a medical message, not the crisis path


def test_the_cli_offers_and_counts_an_asq_refusal(person: Any) -> None:
    # Refused question 1, no to 2-4, then the acuity question opened by the refusal: no.
    result = CliRunner().invoke(
        app, ["checkin", "--instrument", "asq"], input="refused\nno\nno\nno\nno\n"
    )
    assert result.exit_code == 0, result.output
    assert "yes, no or refused" in result.output
    stored = Response.objects.get()
    assert (stored.complete, stored.total, stored.flags) == (True, 1, ["self_harm"])
    assert stored.answers["q1"] == 2  # kept as a refusal
    assert result.output.index("988") < result.output.index("Questions 1–4")


def test_the_api_lists_drafts_only_when_asked(api: Any, person: Any) -> None:
    api.post("/responses", {"instrument": "asq", "answers": ASQ_PARTIAL})
    assert api.get("/responses").json()["count"] == 0
    listed = api.get("/responses?drafts=true").json()
    assert listed["count"] == 1
    assert listed["items"][0]["complete"] is False
